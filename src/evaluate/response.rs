//! What `evaluate` answers: the Result of the scenario being edited (or its
//! errors), its chart, the scenarios side by side, the targets and what the
//! last edit changed.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::Serialize;

use super::chart::Chart;
use super::comparison::Compared;
use super::targets::Target;
use crate::error::Error;
use crate::exact::Exact;
use crate::facts::Facts;
use crate::report::Report;

/// Everything the page draws: the full Result of the scenario being
/// edited, and of the others only what the comparison shows, so that no
/// more crosses the boundary than is drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation<'a> {
    /// The active scenario's Result, or its errors: borrowed from a
    /// `Calculator` that keeps it for the next call, not copied.
    pub result: Outcome<'a>,
    /// The active scenario's facts, valid or not: its currency and places,
    /// each team's weight sum, which goals are shared. From a
    /// `Calculator`, `None` when they are those of its last answer (only
    /// actual results moved, on which they do not depend).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facts: Option<Facts>,
    /// The active scenario's chart; `None` when its plan is invalid or no
    /// chart was asked for.
    pub chart: Option<Chart>,
    /// With two or more scenarios, per scenario its payouts beside the
    /// first scenario's, or its errors.
    pub comparison: Option<Vec<Compared>>,
    /// With the workings: per team of the active scenario that weights a
    /// shared goal, what its largest shared goal must reach for the team to
    /// earn its target incentive.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// With the workings, from a `Calculator`: what the edit under way
    /// changed since the active scenario's results last stood
    /// (`Evaluator::settle`), when it moved a result, a lever (a target, a
    /// target incentive, a weight, a cap) or a payout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changed: Option<Change>,
    /// From a `Calculator`: the chart and the targets are those of the last
    /// answer (only the charted goal's own result moved, which changes
    /// neither), and the `Calculator` leaves them out of this one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub kept: bool,
}

/// What one edit changed: the results it moved and what that did to each
/// team's payout and to the total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Goals whose actual result moved, with their result before and after.
    pub goals: Vec<GoalChange>,
    /// The plan's other levers that moved, in plan order: goals' targets,
    /// then per team its target incentive, its weights and its cap.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<InputChange>,
    /// Teams whose payout moved, by how much.
    pub teams: Vec<PayoutChange>,
    #[serde(serialize_with = "crate::decimal::serialize_money")]
    pub total: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalChange {
    pub id: String,
    pub name: String,
    pub before: Exact,
    pub after: Exact,
}

/// A target, a target incentive, a weight or a cap, before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputChange {
    /// Which: `target` (a goal's), `targetIncentive` (a team's), `weight`
    /// (a team's on a goal) or `cap` (a team's, as a multiple of its target
    /// incentive).
    pub input: &'static str,
    /// The goal (a target, a weight).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<Named>,
    /// The team (a target incentive, a weight, a cap).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<Named>,
    /// `None` only for a cap: the team had none before, or has none after.
    pub before: Option<Exact>,
    pub after: Option<Exact>,
}

/// A goal or team by its id and name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayoutChange {
    pub id: String,
    pub name: String,
    #[serde(serialize_with = "crate::decimal::serialize_money")]
    pub difference: Decimal,
}

/// A scenario's Result, or every error of its plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Outcome<'a> {
    Result(Cow<'a, Report>),
    Invalid { errors: Vec<Error> },
}
