//! Sweep: the plan recomputed across a range of one goal's attainment, the
//! data behind a payout-versus-attainment chart.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::calculate::{attainments, goal_factors, team_results};
use crate::decimal::{add, serialize_money};
use crate::exact::Exact;
use crate::error::{Error, ErrorKind, Errors};
use crate::json::Json;
use crate::path::Path;
use crate::plan::Plan;
use crate::validate::{GoalIds, Validator};

/// Which goal to sweep, over which attainments, in how many steps.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepOptions {
    /// Index of the goal in the plan.
    goal: usize,
    from: Exact,
    to: Exact,
    steps: u32,
}

/// The payouts at one attainment of the swept goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweepPoint {
    pub attainment: Exact,
    pub teams: Vec<TeamPayout>,
    #[serde(serialize_with = "serialize_money")]
    pub total: Decimal,
}

/// One team's payout at one point of a sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamPayout {
    pub id: String,
    #[serde(serialize_with = "serialize_money")]
    pub payout: Decimal,
}

impl SweepOptions {
    /// Reads `{ goal, from, to, steps }`: `goal` the id of one of the plan's
    /// goals, `from` and `to` attainments as decimal strings (≥ 0, `"1.5"` is
    /// 150 %), `steps` a whole number from 2 to 1,000.
    pub fn from_json(plan: &Plan, json: &Json) -> Result<SweepOptions, Errors> {
        let mut v = Validator::default();
        let options = read(&mut v, plan, json);
        v.finish(options)
    }
}

fn read(v: &mut Validator, plan: &Plan, json: &Json) -> Option<SweepOptions> {
    let root = Path::Root;
    let entries = v.object(&root, json, Some(&["goal", "from", "to", "steps"]))?;
    let ids = GoalIds::of(plan);
    let goal = v.required(&root, entries, "goal", |v, p, g| v.goal_ref(p, g, &ids));
    let from = v.required(&root, entries, "from", Validator::at_least_zero);
    let to = v.required(&root, entries, "to", Validator::at_least_zero);
    let steps = v.required(&root, entries, "steps", |v, p, s| v.whole(p, s, 2, 1000));
    Some(SweepOptions {
        goal: goal?,
        from: from?.into(),
        to: to?.into(),
        steps: steps?,
    })
}

/// Recomputes the plan `steps` times with the swept goal's attainment set to
/// `from + i × (to − from) / (steps − 1)`; that goal's actual is ignored.
pub fn sweep(plan: &Plan, options: &SweepOptions) -> Result<Vec<SweepPoint>, Errors> {
    let mut attainments = attainments(plan);
    let shared = plan.shared_goals();
    let intervals = Exact::int(i128::from(options.steps - 1));
    let span = options.to.sub(&options.from);
    (0..options.steps)
        .map(|i| {
            // `steps` is at least 2, so there is at least one interval.
            let offset = span.mul(&Exact::int(i128::from(i))).div(&intervals);
            let attainment = options.from.add(&offset.unwrap_or(Exact::ZERO));
            attainments[options.goal] = attainment.clone();
            let factors = goal_factors(plan, &attainments);
            let teams = team_results(plan, &attainments, &factors, &shared)?;
            let total = teams
                .iter()
                .try_fold(plan.money.zero(), |sum, t| add(sum, t.payout))
                .ok_or_else(|| Errors::from(Error::new("teams", ErrorKind::Overflow)))?;
            Ok(SweepPoint {
                attainment,
                teams: teams
                    .into_iter()
                    .map(|t| TeamPayout {
                        id: t.id,
                        payout: t.payout,
                    })
                    .collect(),
                total,
            })
        })
        .collect()
}
