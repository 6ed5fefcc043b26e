//! A validated plan: goals, teams and how money is rounded.
//!
//! A `Plan` can only be made by validation (`Plan::from_json`, in
//! `validate.rs`), so every reference in it resolves and every limit of the
//! model holds; the calculation relies on that.

use std::rc::Rc;

use rust_decimal::Decimal;

use serde::{Serialize, Serializer};

use crate::curve::Curve;
use crate::exact::Exact;
use crate::forecast::Forecast;
use crate::money::Money;
use crate::names::{serialize_name, Named};

/// An incentive plan that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub(crate) name: Option<String>,
    pub(crate) currency: String,
    pub(crate) money: Money,
    pub(crate) goals: Vec<Goal>,
    pub(crate) teams: Vec<Team>,
    /// What the results may be, for `simulate`; the calculation ignores it.
    pub(crate) forecast: Option<Forecast>,
    /// The goal (its index) that measures revenue in the plan's currency,
    /// for the cost of sales.
    pub(crate) revenue_goal: Option<usize>,
}

/// Whether a higher or a lower actual result is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

impl Named for Direction {
    const TABLE: &'static [(Self, &'static str, &'static str)] = &[
        (
            Direction::HigherIsBetter,
            "higherIsBetter",
            "higher is better",
        ),
        (Direction::LowerIsBetter, "lowerIsBetter", "lower is better"),
    ];
}

/// A goal (a measure) with its target and actual result.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) target: Exact,
    pub(crate) actual: Exact,
    pub(crate) direction: Direction,
    pub(crate) curve: Curve,
    pub(crate) gate: Option<Gate>,
}

/// A condition on one goal's attainment: met when attainment ≥ `min`.
#[derive(Debug, Clone, PartialEq)]
pub struct Gate {
    /// Index of the goal in the plan.
    pub(crate) goal: usize,
    pub(crate) min: Exact,
}

/// How a team's goals combine into its payout.
#[derive(Debug, Clone, PartialEq)]
pub enum Method {
    /// One line per goal: target incentive × weight × goal factor.
    Weighted,
    /// The weighted attainments are summed and run through the team's curve.
    Blended(Curve),
}

impl Method {
    /// The method's name, without its curve.
    pub fn name(&self) -> MethodName {
        match self {
            Method::Weighted => MethodName::Weighted,
            Method::Blended(_) => MethodName::Blended,
        }
    }
}

/// How a team's goals combine, as named in plans and results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodName {
    Weighted,
    Blended,
}

impl Named for MethodName {
    const TABLE: &'static [(Self, &'static str, &'static str)] = &[
        (MethodName::Weighted, "weighted", "weighted"),
        (MethodName::Blended, "blended", "blended"),
    ];
}

impl Serialize for MethodName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_name(self, serializer)
    }
}

/// A team (or a single person) that is paid.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    pub(crate) id: String,
    pub(crate) name: String,
    /// Money paid at 100 % on every goal, with exactly the plan's places.
    pub(crate) target_incentive: Decimal,
    /// The weight on each goal, in the plan's goal order (0 where absent).
    pub(crate) weights: Vec<Exact>,
    pub(crate) method: Method,
    pub(crate) modifiers: Vec<Modifier>,
    pub(crate) gate: Option<Gate>,
    pub(crate) cap: Option<Exact>,
    pub(crate) members: Vec<Member>,
    /// The team's total base salary for the plan's period, with exactly the
    /// plan's places.
    pub(crate) base: Option<Decimal>,
}

impl Team {
    /// The weights as the decimals they were written as, in goal order.
    pub(crate) fn weight_decimals(&self) -> Vec<rust_decimal::Decimal> {
        // Weights are read from decimals, so each is one.
        self.weights
            .iter()
            .map(|w| w.to_decimal().unwrap_or_default())
            .collect()
    }
}

/// A multiplier on a team's subtotal from one goal's attainment.
#[derive(Debug, Clone, PartialEq)]
pub struct Modifier {
    pub(crate) goal: usize,
    pub(crate) curve: Curve,
}

/// A person in a team, paid a share of the team's payout. The name is
/// shared with the member's result, not copied (a tenth of calculating
/// 10,000 members' payouts went to copying their names).
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub(crate) name: Rc<str>,
    pub(crate) share: Decimal,
}

impl Plan {
    /// The plan's name, when it has one.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The plan's ISO 4217 currency code.
    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// The forecast's budget, when the plan has a forecast with one.
    pub fn forecast_budget(&self) -> Option<Decimal> {
        self.forecast.as_ref().and_then(|f| f.budget)
    }

    /// The name of the goal with id `id`.
    pub fn goal_name(&self, id: &str) -> Option<&str> {
        self.goals
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.name.as_str())
    }

    /// The forecast's likely result for the goal with id `id`.
    pub fn forecast_likely(&self, id: &str) -> Option<Decimal> {
        let g = self.goals.iter().position(|g| g.id == id)?;
        let forecast = self.forecast.as_ref()?;
        forecast
            .goals
            .iter()
            .find(|f| f.goal == g)
            .map(|f| f.likely)
    }

    /// For each goal, in order, whether two or more teams weight it above zero.
    pub(crate) fn shared_goals(&self) -> Vec<bool> {
        (0..self.goals.len())
            .map(|g| {
                let weighting = self.teams.iter().filter(|t| t.weights[g] > Exact::ZERO);
                weighting.count() >= 2
            })
            .collect()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    // The name tables' tests sit here rather than in names.rs: the plan
    // imports every choice, and names.rs imports none of them.
    use super::*;
    use crate::curve::{Beyond, Interpolation};
    use crate::money::Rounding;

    /// `"a" | "b"`: the TypeScript union of a table's names.
    fn union<T: Named>() -> String {
        let quoted: Vec<String> = T::names().iter().map(|n| format!("\"{n}\"")).collect();
        quoted.join(" | ")
    }

    #[test]
    fn the_typescript_types_name_every_choice() {
        let types = include_str!("wasm.rs");
        let cases = [
            ("Rounding", union::<Rounding>()),
            ("Direction", union::<Direction>()),
            ("Method", union::<MethodName>()),
            ("Interpolation", union::<Interpolation>()),
            ("Beyond", union::<Beyond>()),
        ];
        for (name, union) in cases {
            let declaration = format!("export type {name} = {union};");
            assert!(types.contains(&declaration), "{declaration}");
        }
    }

    #[test]
    fn names_and_values_round_trip() {
        for (value, name, _) in Rounding::TABLE {
            assert_eq!(Rounding::from_name(name), Some(*value));
            assert_eq!(value.name(), *name);
        }
        assert_eq!(Rounding::HalfEven.words(), "half to even");
        assert_eq!(Direction::from_name("sideways"), None);
    }
}
