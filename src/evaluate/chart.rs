//! The shared-fate chart: every team's payout as one goal's attainment runs
//! from 0 to past where it is today, swept exactly, sent as columns.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::curve::Curve;
use crate::exact::Exact;
use crate::plan::Plan;
use crate::report::Report;
use crate::sweep::{self, SweepPoint, Sweeper};

/// Each team's payout as one goal's attainment runs from 0 to `to`, as
/// columns: one list of attainments, one of totals and one of payouts per
/// team (a third of the text of a list of points, and as much less to read).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// The charted goal's id: the one asked for, or (when the plan has no
    /// goal by that id) the first shared goal, else the first goal.
    pub goal: String,
    /// The last attainment: 150 %, or further when the goal is already
    /// past 125 % (its attainment × 1.2, rounded up to ten points).
    pub to: Exact,
    pub attainments: Vec<Exact>,
    #[serde(serialize_with = "crate::decimal::serialize_money_list")]
    pub totals: Vec<Decimal>,
    /// Per team, in plan order: its payout at each attainment.
    pub teams: Vec<ChartTeam>,
    /// Where the goal's curve starts to pay, when that is above 0 and not
    /// the target (which has a guide of its own): its first point.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Exact>,
    /// Past the target, where the goal's curve pays no more: its last
    /// point, when the curve holds its factor beyond it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<Exact>,
    /// The indices of the points added off the chart's steps: at an
    /// attainment where a payout jumps, and a grid step below it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<usize>,
}

/// One team's line on the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartTeam {
    pub id: String,
    #[serde(serialize_with = "crate::decimal::serialize_money_list")]
    pub payouts: Vec<Decimal>,
}

impl Chart {
    fn new(
        goal: String,
        to: Exact,
        points: Vec<SweepPoint>,
        added: Vec<usize>,
        curve: &Curve,
    ) -> Chart {
        let mut teams: Vec<ChartTeam> = points
            .first()
            .map(|p| {
                p.teams
                    .iter()
                    .map(|t| ChartTeam {
                        id: t.id.clone(),
                        payouts: Vec::with_capacity(points.len()),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut attainments = Vec::with_capacity(points.len());
        let mut totals = Vec::with_capacity(points.len());
        for point in points {
            for (line, payout) in teams.iter_mut().zip(&point.teams) {
                line.payouts.push(payout.payout);
            }
            attainments.push(point.attainment);
            totals.push(point.total);
        }
        let threshold = curve
            .threshold()
            .filter(|a| **a > Exact::ZERO && **a != Exact::ONE)
            .cloned();
        let cap = curve.held_from().filter(|a| **a > Exact::ONE).cloned();
        Chart {
            goal,
            to,
            attainments,
            totals,
            teams,
            threshold,
            cap,
            added,
        }
    }
}

/// The chart of goal `g` from 0 to `to` in `steps` points, and at each
/// attainment where a payout jumps ([`jumps`]) a point there and one a
/// grid step (0.0001) below it, so that a line drawn through the points
/// rises straight up there instead of sloping across the step before it;
/// `None` when the sweep reaches an amount too large to write (the result
/// still shows).
#[inline(never)]
pub(super) fn draw_chart(plan: &Plan, g: usize, id: &str, to: Exact, steps: u32) -> Option<Chart> {
    // The steps as `sweep` takes them, each marked whether it was added.
    let mut at: Vec<(Exact, bool)> = sweep::steps(&Exact::ZERO, &to, steps)
        .map(|a| (a, false))
        .collect();
    let step = Exact::ratio(1, 10_000)?;
    for jump in jumps(plan, g) {
        if jump <= Exact::ZERO || jump > to {
            continue;
        }
        for a in [jump.sub(&step), jump] {
            // Each goes in where it belongs, found by binary search: a sort's
            // code for these types was 7 KB of the page's module.
            let i = at.partition_point(|(x, _)| *x < a);
            if a >= Exact::ZERO && at.get(i).is_none_or(|(x, _)| *x != a) {
                at.insert(i, (a, true));
            }
        }
    }
    let mut sweeper = Sweeper::new(plan, g).ok()?;
    let mut points = Vec::with_capacity(at.len());
    let mut added = Vec::new();
    for (i, (a, extra)) in at.into_iter().enumerate() {
        points.push(sweeper.point(a).ok()?);
        if extra {
            added.push(i);
        }
    }
    let curve = &plan.goals[g].curve;
    Some(Chart::new(id.to_owned(), to, points, added, curve))
}

/// The attainments of goal `g` at which a payout can jump: its curve's
/// threshold and steps, those of the modifiers on it, and the gates on it
/// (a goal's or a team's). A line's kinks are not jumps: the points either
/// side draw them closely enough.
fn jumps(plan: &Plan, g: usize) -> Vec<Exact> {
    let mut found = plan.goals[g].curve.jumps();
    for team in &plan.teams {
        for modifier in team.modifiers.iter().filter(|m| m.goal == g) {
            found.extend(modifier.curve.jumps());
        }
    }
    let gates = plan.goals.iter().filter_map(|goal| goal.gate.as_ref());
    for gate in gates.chain(plan.teams.iter().filter_map(|t| t.gate.as_ref())) {
        if gate.goal == g {
            found.push(gate.min.clone());
        }
    }
    found
}

/// The goal to chart: `asked` when the plan has it, else the first shared
/// goal, else the first.
pub(super) fn chart_goal(plan: &Plan, report: &Report, asked: &str) -> usize {
    plan.goals
        .iter()
        .position(|g| g.id == asked)
        .or_else(|| report.goals.iter().position(|g| g.shared))
        .unwrap_or(0)
}

/// Where the chart ends: 150 %, or past today's attainment by a fifth,
/// rounded up to ten points (`ceil(12 × a) / 10`).
pub(super) fn chart_end(attainment: &Exact) -> Exact {
    let twelve_a = attainment.mul(&Exact::int(12));
    let tenths = twelve_a.ceil();
    let end = tenths.div(&Exact::int(10)).unwrap_or(Exact::ZERO);
    let least = Exact::from(Decimal::new(15, 1));
    end.max(least)
}
