//! Solve: what a goal must reach for a team to be paid at least P, with
//! every other goal at its actual result (MODEL.md, "Solve").
//!
//! The answer is the least attainment on the grid 0, 0.0001, … 10 (0 % to
//! 1000 % in steps of 0.01 percentage points) at which the team's payout is
//! at least P. When every curve of the plan is nondecreasing, the payout
//! never falls as the goal rises, and a binary search over the grid finds it
//! in 17 calculations; otherwise every grid point is tried in turn.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::curve::Curve;
use crate::decimal::serialize_money;
use crate::error::Errors;
use crate::exact::Exact;
use crate::json::Json;
use crate::money::Money;
use crate::path::Path;
use crate::plan::{Direction, Method, Plan};
use crate::reader::Reader;
use crate::sweep::Sweeper;
use crate::validate::GoalIds;

/// Grid steps per unit of attainment: 0.0001 apart.
const STEPS_PER_UNIT: i128 = 10_000;
/// The last grid point for a higher-is-better goal: 1000 %.
const TOP: i128 = 10 * STEPS_PER_UNIT;
/// The last grid point a lower-is-better goal can reach (an actual of 0): 200 %.
const TOP_LOWER: i128 = 2 * STEPS_PER_UNIT;

/// Which team, which goal, and the payout to reach.
#[derive(Debug, Clone, PartialEq)]
pub struct SolveOptions {
    team: usize,
    goal: usize,
    payout: Decimal,
}

impl SolveOptions {
    /// Team `team` (its index) to be paid `payout` by goal `goal` (its index).
    pub(crate) fn new(team: usize, goal: usize, payout: Decimal) -> SolveOptions {
        SolveOptions { team, goal, payout }
    }

    /// Reads `{ team, goal, payout }`: a team id and a goal id of the plan,
    /// and a payout ≥ 0 as a decimal string.
    pub fn from_json(plan: &Plan, json: &Json) -> Result<SolveOptions, Errors> {
        let mut reader = Reader::default();
        let options = read(&mut reader, plan, json);
        reader.finish(options)
    }
}

fn read(reader: &mut Reader, plan: &Plan, json: &Json) -> Option<SolveOptions> {
    let root = Path::Root;
    let entries = reader.object(&root, json, Some(&["team", "goal", "payout"]))?;
    let team = reader.required(&root, entries, "team", |r, p, t| r.team_ref(p, t, plan));
    let ids = GoalIds::of(plan);
    let goal = reader.required(&root, entries, "goal", |r, p, g| r.goal_ref(p, g, &ids));
    let payout = reader.required(&root, entries, "payout", Reader::at_least_zero);
    Some(SolveOptions {
        team: team?,
        goal: goal?,
        payout: payout?,
    })
}

/// The answer: where the goal must be, or that the payout cannot be reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged, rename_all = "camelCase")]
pub enum Solution {
    /// The least grid attainment at which the team is paid at least P.
    Reached {
        attainment: Exact,
        /// The goal's result at that attainment: attainment × target, or
        /// (2 − attainment) × target when lower is better.
        actual: Exact,
        /// The team's payout there.
        #[serde(serialize_with = "serialize_money")]
        payout: Decimal,
        /// Whether the payout jumps past P between the grid point before
        /// and this one (a curve's step or threshold, a gate): no
        /// attainment there pays P exactly, so the payout above P is the
        /// jump's, not the grid's. False when this point pays P exactly;
        /// written only when true, so that an answer is `{ attainment,
        /// actual, payout }` as MODEL.md has it.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        jump: bool,
    },
    /// No grid attainment pays P.
    Unreachable {
        reachable: bool,
        /// The most the team is paid anywhere on the grid.
        #[serde(rename = "maxPayout", serialize_with = "serialize_money")]
        max_payout: Decimal,
        /// The grid's last attainment, when the team is paid more past it
        /// (a curve that goes on rising): `maxPayout` is then the most up
        /// to there, not the most the plan can pay. Written only then.
        #[serde(rename = "upTo", skip_serializing_if = "Option::is_none")]
        up_to: Option<Exact>,
    },
}

/// What goal `options.goal` must reach for team `options.team` to be paid
/// at least `options.payout`.
pub fn solve(plan: &Plan, options: &SolveOptions) -> Result<Solution, Errors> {
    let mut sweeper = Sweeper::new(plan, options.goal)?;
    let goal = &plan.goals[options.goal];
    let top = match goal.direction {
        Direction::HigherIsBetter => TOP,
        Direction::LowerIsBetter => TOP_LOWER,
    };
    let at = |k: i128| fraction(k, STEPS_PER_UNIT);
    let mut payout = |k: i128| sweeper.payout(options.team, &at(k));
    let wanted = options.payout;
    let rising = rises(plan, options);

    let found = if rising {
        // Nondecreasing: binary search for the least k with payout(k) ≥ P,
        // keeping payout(lo) < P ≤ payout(hi).
        if payout(0)? >= wanted {
            Some(0)
        } else if payout(top)? < wanted {
            None
        } else {
            let (mut lo, mut hi) = (0, top);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if payout(mid)? >= wanted {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            Some(hi)
        }
    } else {
        let mut first = None;
        for k in 0..=top {
            if payout(k)? >= wanted {
                first = Some(k);
                break;
            }
        }
        first
    };

    match found {
        Some(k) => {
            let attainment = at(k);
            let actual = match goal.direction {
                Direction::HigherIsBetter => attainment.mul(&goal.target),
                Direction::LowerIsBetter => Exact::TWO.sub(&attainment).mul(&goal.target),
            };
            let paid = sweeper.payout(options.team, &attainment)?;
            let jump = k > 0
                && paid > wanted
                && jumps(&mut sweeper, plan.money, (options.team, k), wanted)?;
            Ok(Solution::Reached {
                payout: paid,
                attainment,
                actual,
                jump,
            })
        }
        None => {
            let mut most = sweeper.payout(options.team, &at(top))?;
            if !rising {
                for k in 0..top {
                    most = most.max(sweeper.payout(options.team, &at(k))?);
                }
            }
            // Past the grid and every curve's last point, a payout that
            // still rises does so for good.
            let past = match goal.direction {
                Direction::HigherIsBetter => Some(past_every_point(plan, options.team)),
                Direction::LowerIsBetter => None,
            };
            let up_to = match past {
                Some(past) if sweeper.payout(options.team, &past)? > most => Some(at(top)),
                _ => None,
            };
            Ok(Solution::Unreachable {
                reachable: false,
                max_payout: most,
                up_to,
            })
        }
    }
}

/// `k ÷ per_unit`, an attainment on a grid of `per_unit` steps to the unit.
fn fraction(k: i128, per_unit: i128) -> Exact {
    Exact::int(k)
        .div(&Exact::int(per_unit))
        .unwrap_or(Exact::ZERO)
}

/// Every curve team `team`'s payout can pass through: the goals', its
/// modifiers' and, when it is blended, its own.
fn curves(plan: &Plan, team: usize) -> impl Iterator<Item = &Curve> {
    let team = &plan.teams[team];
    let team_curve = match &team.method {
        Method::Blended(curve) => Some(curve),
        Method::Weighted => None,
    };
    plan.goals
        .iter()
        .map(|g| &g.curve)
        .chain(team.modifiers.iter().map(|m| &m.curve))
        .chain(team_curve)
}

/// An attainment past the grid's end and past the last point of every
/// curve team `team`'s payout can pass through: a payout higher there than
/// anywhere on the grid rises past the grid.
fn past_every_point(plan: &Plan, team: usize) -> Exact {
    let mut last = Exact::int(TOP / STEPS_PER_UNIT);
    for curve in curves(plan, team) {
        if let Some((a, _)) = curve.points.last() {
            if *a > last {
                last = a.clone();
            }
        }
    }
    last.add(&Exact::ONE)
}

/// Halvings of the grid's step in [`jumps`]: to 0.0001 ÷ 2²⁴, where a
/// payout rising 10⁹ per unit of attainment moves by less than 0.006.
const HALVINGS: u32 = 24;

/// Whether team `team`'s payout jumps past `wanted` between grid points
/// `k − 1` (paid less) and `k` (paid at least `wanted`): the two are brought
/// together by halving (keeping a point paid less below and one paid at
/// least `wanted` above), and the payout still rises across them by more
/// than rounding can account for, one minor unit of `money` at each of its
/// two roundings (its line or blended subtotal, and its modifiers). A payout
/// that reaches `wanted` between the two rises across them by no more than
/// that.
fn jumps(
    sweeper: &mut Sweeper,
    money: Money,
    (team, k): (usize, i128),
    wanted: Decimal,
) -> Result<bool, Errors> {
    // Attainments in steps of 1 ÷ 2^HALVINGS of a grid step.
    let scale = 1_i128 << HALVINGS;
    let mut at = |j: i128| sweeper.payout(team, &fraction(j, STEPS_PER_UNIT * scale));
    let (mut below, mut above) = ((k - 1) * scale, k * scale);
    let (mut low, mut high) = (at(below)?, at(above)?);
    while above - below > 1 {
        let middle = below + (above - below) / 2;
        let paid = at(middle)?;
        if paid >= wanted {
            (above, high) = (middle, paid);
        } else {
            (below, low) = (middle, paid);
        }
    }
    // In minor units, as payouts are never negative.
    Ok(match (money.units(high), money.units(low)) {
        (Some(high), Some(low)) => high.saturating_sub(low) > 2,
        _ => false,
    })
}

/// Whether the team's payout can only rise with the goal's attainment: every
/// curve it can pass through is nondecreasing (gates, caps and rounding
/// never make it fall).
pub(crate) fn rises(plan: &Plan, options: &SolveOptions) -> bool {
    curves(plan, options.team).all(Curve::rises)
}
