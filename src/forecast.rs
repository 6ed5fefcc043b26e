//! A plan's forecast: what some goals' results may be, for `simulate`.
//!
//! Read with the plan (`Plan::from_json`, in `validate.rs`), so that a
//! forecast's errors come with the plan's, each at its path
//! (`forecast.goals.revenue.low`).

use rust_decimal::Decimal;

/// Most trials in one simulation.
pub const MAX_TRIALS: u32 = 1_000_000;
/// The largest seed: the largest integer a JavaScript number holds exactly.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// What the results of some goals may be, and how the simulation runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// The forecast goals, in plan order.
    pub(crate) goals: Vec<ForecastGoal>,
    /// How much all forecast goals move together, from 0 to 1.
    pub(crate) correlation: Decimal,
    pub(crate) trials: u32,
    pub(crate) seed: u64,
    /// Money; the plan's places.
    pub(crate) budget: Option<Decimal>,
}

/// One goal's low, likely and high result.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastGoal {
    /// Index of the goal in the plan.
    pub(crate) goal: usize,
    pub(crate) low: Decimal,
    pub(crate) likely: Decimal,
    pub(crate) high: Decimal,
}

impl ForecastGoal {
    /// The most decimal places among low, likely and high, as written.
    pub(crate) fn places(&self) -> u32 {
        self.low
            .scale()
            .max(self.likely.scale())
            .max(self.high.scale())
    }
}
