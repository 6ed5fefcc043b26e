//! The result of a calculation, shaped as the plan model's `Result`.
//!
//! Serialized in camelCase with every decimal as a string: money always with
//! exactly the plan's number of places (`"1500.00"`), every other value
//! without trailing zeros (`"0.5"`). Values that are not money are held
//! exactly and written with at most 28 significant digits, for reading.

use std::rc::Rc;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::curve::OnCurve;
use crate::decimal::{serialize_money, serialize_money_opt, serialize_plain};
use crate::economics::Economics;
use crate::exact::Exact;
use crate::money::Rounding;
use crate::plan::MethodName;
use crate::warnings::Warning;

/// Everything the calculation found: per goal, per team, totals, the joint
/// split and the warnings.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub currency: String,
    pub decimals: u32,
    pub rounding: Rounding,
    pub goals: Vec<GoalResult>,
    pub teams: Vec<TeamResult>,
    pub total: Total,
    pub split: Vec<SplitShare>,
    pub warnings: Vec<Warning>,
    /// On-target earnings, pay mix and cost of sales; `None` when the plan
    /// has no base and no revenue goal.
    pub economics: Option<Box<Economics>>,
}

/// A goal's attainment and payout factor.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalResult {
    pub id: String,
    pub name: String,
    pub attainment: Exact,
    /// The curve's factor, or 0 when the goal's gate is not met.
    pub factor: Exact,
    /// The goal's gate is not met, so it pays nothing.
    pub gated: bool,
    /// The goal's gate, how far its goal got and by how much it was met or
    /// missed; `None` without a gate, and outside a statement's workings.
    /// Not in the plan model's Result: it lets a statement show its work.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gate: Option<GateResult>,
    /// Two or more teams weight this goal above zero.
    pub shared: bool,
    /// Where the attainment falls on the goal's curve; `None` outside a
    /// statement's workings. Not in the plan model's Result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<OnCurve>,
}

impl Report {
    /// The Result without the workings a statement shows (the exact values
    /// before rounding, gates, weight sums): the plan model's Result and the
    /// two additions every caller gets.
    #[must_use]
    pub fn without_workings(mut self) -> Report {
        for goal in &mut self.goals {
            goal.gate = None;
            goal.on = None;
        }
        for team in &mut self.teams {
            for line in &mut team.lines {
                line.exact = None;
            }
            team.after_modifiers_exact = None;
            team.gate = None;
            team.cap_exact = None;
            team.weight_sum = None;
            team.shared_share = None;
            team.on = None;
        }
        self
    }

    /// The Result as `evaluate` answers it: each team's members written as
    /// columns.
    pub(crate) fn with_member_columns(mut self) -> Report {
        for team in &mut self.teams {
            team.members.as_columns();
        }
        self
    }
}

/// A gate as the calculation found it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GateResult {
    /// The id of the goal the gate looks at.
    pub goal: String,
    /// The attainment that goal must reach.
    pub min: Exact,
    /// The attainment it reached.
    pub attainment: Exact,
    pub met: bool,
    /// `attainment − min`: above or at zero when met, below when missed.
    pub margin: Exact,
}

/// One team's statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamResult {
    pub id: String,
    pub name: String,
    #[serde(serialize_with = "serialize_money")]
    pub target_incentive: Decimal,
    pub method: MethodName,
    /// One line per weighted goal; empty for a blended team.
    pub lines: Vec<Line>,
    pub blended_attainment: Option<Exact>,
    /// For a blended team, where its blended attainment falls on its curve;
    /// `None` outside a statement's workings. Not in the plan model's Result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<OnCurve>,
    #[serde(serialize_with = "serialize_money")]
    pub subtotal: Decimal,
    /// The product of the modifier factors; `None` without modifiers.
    pub modifier: Option<Exact>,
    /// The subtotal times the modifier, rounded; `None` without modifiers.
    /// Not in the plan model's Result: it lets a statement show its work.
    #[serde(serialize_with = "serialize_money_opt")]
    pub after_modifiers: Option<Decimal>,
    /// Subtotal × modifier, exactly, before rounding; `None` without
    /// modifiers, and outside a statement's workings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_modifiers_exact: Option<Exact>,
    /// The team's gate is not met, so it is paid nothing.
    pub gated: bool,
    /// The team's gate as the calculation found it; `None` without a gate,
    /// and outside a statement's workings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gate: Option<GateResult>,
    /// The cap lowered the payout.
    pub capped: bool,
    /// The most the team can be paid, `cap × targetIncentive` rounded; `None`
    /// without a cap. Not in the plan model's Result, for the same reason.
    #[serde(serialize_with = "serialize_money_opt")]
    pub cap_amount: Option<Decimal>,
    /// Cap × target incentive, exactly, before rounding; `None` without a
    /// cap, and outside a statement's workings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_exact: Option<Exact>,
    #[serde(serialize_with = "serialize_money")]
    pub payout: Decimal,
    /// Payout ÷ target incentive; `None` when the target incentive is 0.
    pub payout_ratio: Option<Exact>,
    /// The sum of the team's weights on shared goals.
    pub shared_stake: Exact,
    /// The sum of all the team's weights (1 when they add up to 100 %);
    /// `None` outside a statement's workings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight_sum: Option<Exact>,
    /// Shared stake ÷ weight sum: where the shared-stake dial stands; `None`
    /// outside a statement's workings or when the team weights nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_share: Option<Exact>,
    /// The sum of the team's line amounts on shared goals; `None` for a
    /// blended team.
    #[serde(serialize_with = "serialize_money_opt")]
    pub shared_payout: Option<Decimal>,
    pub members: Members,
}

/// A team's members' payouts, in the plan's order: written as a list of
/// members, or, in what `evaluate` answers, as columns (`{ name: [..],
/// share: [..], payout: [..] }`), so that a roster of 10,000 crosses to the
/// page as three lists, not 10,000 objects.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Members {
    list: Vec<MemberResult>,
    columns: bool,
}

impl Members {
    /// Written as columns from now on.
    pub(crate) fn as_columns(&mut self) {
        self.columns = true;
    }
}

impl From<Vec<MemberResult>> for Members {
    fn from(list: Vec<MemberResult>) -> Members {
        Members {
            list,
            columns: false,
        }
    }
}

impl std::ops::Deref for Members {
    type Target = [MemberResult];

    fn deref(&self) -> &[MemberResult] {
        &self.list
    }
}

impl<'a> IntoIterator for &'a Members {
    type Item = &'a MemberResult;
    type IntoIter = std::slice::Iter<'a, MemberResult>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl Serialize for Members {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if !self.columns {
            return self.list.serialize(serializer);
        }
        /// One column: `pick` of each member, serialized as the member's field is.
        struct Column<'a, T: Serialize>(&'a [MemberResult], fn(&'a MemberResult) -> T);
        impl<'a, T: Serialize> Serialize for Column<'a, T> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(self.1))
            }
        }
        /// A share as a member's is written.
        struct Plain(Decimal);
        impl Serialize for Plain {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serialize_plain(&self.0, s)
            }
        }
        /// A payout as a member's is written.
        struct Money(Decimal);
        impl Serialize for Money {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serialize_money(&self.0, s)
            }
        }
        let mut columns = serializer.serialize_struct("Members", 3)?;
        columns.serialize_field("name", &Column(&self.list, |m| &m.name))?;
        columns.serialize_field("share", &Column(&self.list, |m| Plain(m.share)))?;
        columns.serialize_field("payout", &Column(&self.list, |m| Money(m.payout)))?;
        columns.end()
    }
}

/// One goal's part of a weighted team's payout.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// The goal's id.
    pub goal: String,
    pub weight: Exact,
    /// Target incentive × weight, rounded: what the line pays at 100 %.
    #[serde(serialize_with = "serialize_money")]
    pub at_target: Decimal,
    pub factor: Exact,
    /// Target incentive × weight × factor, exactly, before it is rounded to
    /// `amount`; `None` outside a statement's workings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exact: Option<Exact>,
    #[serde(serialize_with = "serialize_money")]
    pub amount: Decimal,
}

/// A member's part of the team payout.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberResult {
    pub name: Rc<str>,
    #[serde(serialize_with = "serialize_plain")]
    pub share: Decimal,
    #[serde(serialize_with = "serialize_money")]
    pub payout: Decimal,
}

/// The sums over all teams.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Total {
    #[serde(serialize_with = "serialize_money")]
    pub target_incentive: Decimal,
    #[serde(serialize_with = "serialize_money")]
    pub payout: Decimal,
    pub payout_ratio: Option<Exact>,
}

/// A team's fraction of the joint payout, in steps of 0.0001.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitShare {
    /// The team's id.
    pub team: String,
    #[serde(serialize_with = "serialize_plain")]
    pub share: Decimal,
}
