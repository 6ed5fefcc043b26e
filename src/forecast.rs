//! A plan's forecast: what some goals' results may be, for `simulate`.
//!
//! Read with the plan (`Plan::from_json`), so that a forecast's errors come
//! with the plan's, each at its path (`forecast.goals.revenue.low`).

use rust_decimal::Decimal;

use crate::error::ErrorKind;
use crate::json::Json;
use crate::money::Money;
use crate::path::Path;
use crate::reader::Reader;
use crate::validate::{GoalIds, MAX_GOALS_OR_TEAMS};

/// Most trials in one simulation.
pub const MAX_TRIALS: u32 = 1_000_000;
/// The largest seed: the largest integer a JavaScript number holds exactly.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// Trials when the forecast does not say.
const DEFAULT_TRIALS: u32 = 10_000;

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

impl Reader {
    /// `{ goals, correlation?, trials?, seed?, budget? }`.
    pub(crate) fn forecast(
        &mut self,
        path: &Path,
        json: &Json,
        ids: &GoalIds,
        money: Option<Money>,
    ) -> Option<Forecast> {
        const KEYS: &[&str] = &["goals", "correlation", "trials", "seed", "budget"];
        let entries = self.object(path, json, Some(KEYS))?;
        let goals = self.required(path, entries, "goals", |r, p, g| {
            r.forecast_goals(p, g, ids)
        });
        let correlation = self.optional(path, entries, "correlation", Reader::correlation);
        let trials = self.optional(path, entries, "trials", |r, p, t| {
            r.whole(p, t, 1, MAX_TRIALS)
        });
        let seed = self.optional(path, entries, "seed", |r, p, s| {
            r.whole_u64(p, s, 0, MAX_SEED)
        });
        let budget = self.optional(path, entries, "budget", |r, p, b| r.money(p, b, money));
        Some(Forecast {
            goals: goals?,
            correlation: correlation?.unwrap_or(Decimal::ZERO),
            trials: trials?.unwrap_or(DEFAULT_TRIALS),
            seed: seed?.unwrap_or(1),
            budget: budget?,
        })
    }

    /// A decimal from 0 to 1.
    fn correlation(&mut self, path: &Path, json: &Json) -> Option<Decimal> {
        let value = self.decimal(path, json)?;
        if value < Decimal::ZERO || value > Decimal::ONE {
            self.error(path, ErrorKind::NotACorrelation);
            return None;
        }
        Some(value)
    }

    /// `{ goalId: { low, likely, high } }`, in plan order.
    fn forecast_goals(
        &mut self,
        path: &Path,
        json: &Json,
        ids: &GoalIds,
    ) -> Option<Vec<ForecastGoal>> {
        let entries = self.object(path, json, None)?;
        if entries.is_empty() || entries.len() > MAX_GOALS_OR_TEAMS {
            let max = MAX_GOALS_OR_TEAMS;
            self.error(path, ErrorKind::Count { min: 1, max });
            return None;
        }
        // One slot per goal of the plan, so that the forecast goals come out
        // in plan order.
        let mut slots: Option<Vec<Option<ForecastGoal>>> = Some(vec![None; ids.ids.len()]);
        for (id, value) in entries {
            let goal_path = path.key(id);
            let goal = ids.find(id);
            if goal.is_none() && ids.known {
                self.error(&goal_path, ErrorKind::UnknownGoal(id.clone()));
            }
            let range = self.forecast_range(&goal_path, value);
            match (goal, range, slots.as_mut()) {
                (Some(goal), Some((low, likely, high)), Some(slots)) => {
                    slots[goal] = Some(ForecastGoal {
                        goal,
                        low,
                        likely,
                        high,
                    });
                }
                _ => slots = None,
            }
        }
        Some(slots?.into_iter().flatten().collect())
    }

    /// `{ low, likely, high }`: results ≥ 0 with low ≤ likely ≤ high.
    fn forecast_range(&mut self, path: &Path, json: &Json) -> Option<(Decimal, Decimal, Decimal)> {
        let entries = self.object(path, json, Some(&["low", "likely", "high"]))?;
        let low = self.required(path, entries, "low", Reader::at_least_zero);
        let likely = self.required(path, entries, "likely", Reader::at_least_zero);
        let high = self.required(path, entries, "high", Reader::at_least_zero);
        let (low, likely, high) = (low?, likely?, high?);
        let mut ordered = true;
        if low > likely {
            self.error(&path.key("low"), ErrorKind::LowAboveLikely);
            ordered = false;
        }
        if likely > high {
            self.error(&path.key("high"), ErrorKind::HighBelowLikely);
            ordered = false;
        }
        ordered.then_some((low, likely, high))
    }
}
