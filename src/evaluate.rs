//! Evaluate: everything the page draws after an edit, in one call. Every
//! scenario's result (or its errors), the shared-fate chart of the active
//! one, and the scenarios side by side: each team's payout, its difference
//! from the first scenario and its change for ten more points of the
//! charted goal. One crossing of the Wasm boundary per keystroke, and each
//! plan read and validated once, where the page used to cross 2N + 1 times
//! with N scenarios.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::calculate::{calculate, calculate_with_workings};
use crate::error::{Error, Errors};
use crate::exact::Exact;
use crate::json::Json;
use crate::path::Path;
use crate::plan::Plan;
use crate::reader::Reader;
use crate::report::Report;
use crate::solve::{rises, solve, Solution, SolveOptions};
use crate::sweep::{sweep, SweepOptions, SweepPoint};

/// Most scenarios side by side.
const MAX_SCENARIOS: usize = 20;

/// Everything the page draws: the full Result of the scenario being
/// edited, and of the others only what the comparison shows, so that no
/// more crosses the boundary than is drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation<'a> {
    /// The active scenario's Result, or its errors: borrowed from a
    /// `Calculator` that keeps it for the next call, not copied.
    pub result: Outcome<'a>,
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
    /// With the workings, from a `Calculator`: what the last edit of the
    /// active scenario changed, when it changed a result or a payout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changed: Option<Change>,
}

/// What one edit changed: the results it moved and what that did to each
/// team's payout and to the total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Goals whose actual result moved, with their result before and after.
    pub goals: Vec<GoalChange>,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayoutChange {
    pub id: String,
    pub name: String,
    #[serde(serialize_with = "crate::decimal::serialize_money")]
    pub difference: Decimal,
}

/// What one team needs from its largest shared goal to earn its target
/// incentive, every other goal as it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub team: String,
    pub goal: String,
    pub solution: Solution,
}

/// One scenario in the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Compared {
    Payouts(Comparison),
    Invalid { errors: Vec<Error> },
}

/// A scenario's Result, or every error of its plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Outcome<'a> {
    Result(Cow<'a, Report>),
    Invalid { errors: Vec<Error> },
}

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
}

/// One team's line on the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartTeam {
    pub id: String,
    #[serde(serialize_with = "crate::decimal::serialize_money_list")]
    pub payouts: Vec<Decimal>,
}

impl Chart {
    fn new(goal: String, to: Exact, points: Vec<SweepPoint>) -> Chart {
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
        Chart {
            goal,
            to,
            attainments,
            totals,
            teams,
        }
    }
}

/// One scenario beside the first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The scenario's currency and places, to write its amounts.
    pub currency: String,
    pub decimals: u32,
    pub teams: Vec<TeamComparison>,
    #[serde(serialize_with = "crate::decimal::serialize_money")]
    pub total: Decimal,
    /// Total − the first scenario's total; `None` for the first scenario or
    /// when the first is invalid.
    #[serde(serialize_with = "crate::decimal::serialize_money_opt")]
    pub total_difference: Option<Decimal>,
}

/// One team in one scenario beside the first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamComparison {
    pub id: String,
    pub name: String,
    #[serde(serialize_with = "crate::decimal::serialize_money")]
    pub payout: Decimal,
    /// Payout − the same team's payout in the first scenario; `None` for the
    /// first scenario, or when the first has no team by this id.
    #[serde(serialize_with = "crate::decimal::serialize_money_opt")]
    pub difference: Option<Decimal>,
    /// The payout at ten more points of the charted goal's attainment, minus
    /// the payout now; `None` when the scenario has no such goal.
    #[serde(serialize_with = "crate::decimal::serialize_money_opt")]
    pub per_ten_points: Option<Decimal>,
}

/// What the page asks for.
struct Request<'a> {
    scenarios: &'a [Json],
    active: usize,
    /// The goal to chart and compare by (an id), and the chart's points.
    chart: Option<(String, u32)>,
    /// Whether the results carry the workings a statement shows.
    workings: bool,
}

/// Reads `{ scenarios: [Plan], active, chart?: { goal, steps }, workings? }`
/// and evaluates it. An error in the request itself (not in a plan) is an
/// error at its path; a plan's errors come back in its scenario's outcome.
pub fn evaluate(json: &Json) -> Result<Evaluation<'static>, Errors> {
    let mut evaluator = Evaluator::default();
    let (mut evaluation, active, workings) = evaluator.run(json)?;
    // The evaluator ends here: its report is taken, not copied.
    let taken = evaluator
        .last
        .get_mut(active)
        .map(|s| std::mem::replace(&mut s.report, Err(Errors(Vec::new()))));
    evaluation.result = match taken {
        Some(Ok(report)) if workings => Outcome::Result(Cow::Owned(report)),
        Some(Ok(report)) => Outcome::Result(Cow::Owned(report.without_workings())),
        Some(Err(errors)) => Outcome::Invalid { errors: errors.0 },
        None => Outcome::Invalid { errors: Vec::new() },
    };
    Ok(evaluation)
}

/// Evaluates again and again, as the page does after every keystroke: a
/// scenario whose plan is the same as in the last call is not validated,
/// calculated or swept again. With three scenarios open, a keystroke in one
/// of them recalculates that one alone.
#[derive(Debug, Default)]
pub struct Evaluator {
    last: Vec<Scenario>,
    /// The active scenario's chart and targets as last worked out.
    drawn: Option<Drawn>,
}

/// The active scenario's chart and targets with the plan and the request
/// they came from. Neither depends on the charted goal's own actual result
/// (the chart runs that goal over its whole range; a target says what the
/// goal must reach), so typing that result, the page's most common
/// keystroke, keeps both: natively, the evaluator's own work for such a
/// keystroke with three scenarios open fell from 59 to 16 µs.
#[derive(Debug)]
struct Drawn {
    /// Which scenario was active: its plan is the one in `last` until the
    /// next call.
    active: usize,
    chart_asked: Option<(String, u32)>,
    workings: bool,
    chart: Option<Chart>,
    targets: Vec<Target>,
}

/// What one scenario's plan gave, kept for the next call.
#[derive(Debug)]
struct Scenario {
    json: Json,
    plan: Result<Plan, Errors>,
    /// The Result with its workings, or the plan's errors.
    report: Result<Report, Errors>,
    /// The payouts at ten more points of a goal, by the goal's id.
    later: Option<(String, Option<SweepPoint>)>,
}

impl Scenario {
    fn new(json: &Json) -> Scenario {
        let plan = Plan::from_json(json);
        let report = plan
            .as_ref()
            .map_err(Clone::clone)
            .and_then(calculate_with_workings);
        Scenario {
            json: json.clone(),
            plan,
            report,
            later: None,
        }
    }

    /// The payouts at ten more points of `goal`, swept once per goal.
    fn later(&mut self, goal: &str) -> Option<&SweepPoint> {
        if self.later.as_ref().is_none_or(|(id, _)| id != goal) {
            let point = match (&self.plan, &self.report) {
                (Ok(plan), Ok(report)) => ten_points_more(plan, report, goal),
                _ => None,
            };
            self.later = Some((goal.to_owned(), point));
        }
        self.later.as_ref().and_then(|(_, point)| point.as_ref())
    }
}

impl Evaluator {
    /// As `evaluate`, reusing what the last call found for every scenario
    /// whose plan has not changed.
    pub fn evaluate(&mut self, json: &Json) -> Result<Evaluation<'_>, Errors> {
        let (evaluation, active, workings) = self.run(json)?;
        let mut evaluation: Evaluation<'_> = evaluation;
        evaluation.result = match self.last.get(active) {
            Some(Scenario {
                report: Ok(report), ..
            }) if workings => Outcome::Result(Cow::Borrowed(report)),
            // Without the workings, the plain Result, calculated again
            // rather than copied and trimmed.
            Some(Scenario { plan: Ok(plan), .. }) => match calculate(plan) {
                Ok(report) => Outcome::Result(Cow::Owned(report)),
                Err(errors) => Outcome::Invalid { errors: errors.0 },
            },
            Some(Scenario {
                report: Err(errors),
                ..
            }) => Outcome::Invalid {
                errors: errors.0.clone(),
            },
            _ => Outcome::Invalid { errors: Vec::new() },
        };
        Ok(evaluation)
    }

    /// Everything but the active scenario's Result (left empty), with the
    /// active scenario's index and whether the workings were asked for.
    #[inline(never)]
    fn run(&mut self, json: &Json) -> Result<(Evaluation<'static>, usize, bool), Errors> {
        let mut reader = Reader::default();
        let request = read(&mut reader, json);
        let request = reader.finish(request)?;
        // What was drawn last, when the same scenario is active and its plan
        // differs from the last call's in one goal's actual result at most
        // (`moved`: that goal's id, if any).
        let mut kept = self.drawn.take().and_then(|drawn| {
            let same = drawn.active == request.active
                && drawn.chart_asked == request.chart
                && drawn.workings == request.workings;
            let was = &self.last.get(request.active)?.json;
            let now = request.scenarios.get(request.active)?;
            let moved = actual_moved(was, now).filter(|_| same)?;
            Some((drawn, moved.map(str::to_owned)))
        });
        let mut last = std::mem::take(&mut self.last).into_iter();
        let mut before = None;
        let mut scenarios: Vec<Scenario> = request
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, json)| match last.next() {
                Some(kept) if kept.json == *json => kept,
                kept => {
                    if i == request.active {
                        before = kept;
                    }
                    Scenario::new(json)
                }
            })
            .collect();

        let mut chart = None;
        let mut goal = None;
        if let (Some((asked, steps)), Some(scenario)) =
            (&request.chart, scenarios.get(request.active))
        {
            if let (Ok(plan), Ok(report)) = (&scenario.plan, &scenario.report) {
                let g = chart_goal(plan, report, asked);
                let id = plan.goals[g].id.clone();
                let to = chart_end(&report.goals[g].attainment);
                chart = match kept.as_mut() {
                    // The same goal over the same range, and nothing but its
                    // own actual result moved: the same payouts.
                    Some((drawn, moved))
                        if drawn
                            .chart
                            .as_ref()
                            .is_some_and(|c| c.goal == id && c.to == to)
                            && moved.as_ref().is_none_or(|m| *m == id) =>
                    {
                        drawn.chart.take()
                    }
                    _ => draw_chart(plan, g, &id, to, *steps),
                };
                goal = Some(id);
            }
        }

        let comparison = (scenarios.len() >= 2).then(|| {
            for scenario in &mut scenarios {
                if let Some(goal) = &goal {
                    scenario.later(goal);
                }
            }
            let first = scenarios.first().and_then(|s| s.report.as_ref().ok());
            scenarios
                .iter()
                .enumerate()
                .map(|(i, scenario)| match &scenario.report {
                    Ok(report) => {
                        let base = if i == 0 { None } else { first };
                        let later = scenario.later.as_ref().and_then(|(_, p)| p.as_ref());
                        Compared::Payouts(compare(report, base, later))
                    }
                    Err(errors) => Compared::Invalid {
                        errors: errors.0.clone(),
                    },
                })
                .collect()
        });

        let targets = match (scenarios.get(request.active), kept) {
            // A target says what its goal must reach: the goal's own actual
            // result does not change it.
            (Some(Scenario { plan: Ok(_), .. }), Some((drawn, moved)))
                if drawn
                    .targets
                    .iter()
                    .all(|t| moved.as_ref().is_none_or(|m| *m == t.goal)) =>
            {
                drawn.targets
            }
            (Some(Scenario { plan: Ok(plan), .. }), _) if request.workings => targets(plan)?,
            _ => Vec::new(),
        };
        if let Some(Scenario { plan: Ok(_), .. }) = scenarios.get(request.active) {
            self.drawn = Some(Drawn {
                active: request.active,
                chart_asked: request.chart.clone(),
                workings: request.workings,
                chart: chart.clone(),
                targets: targets.clone(),
            });
        }
        let changed = match (&before, scenarios.get(request.active)) {
            (Some(before), Some(after)) if request.workings => change(before, after),
            _ => None,
        };
        self.last = scenarios;
        let evaluation = Evaluation {
            result: Outcome::Invalid { errors: Vec::new() },
            chart,
            comparison,
            targets,
            changed,
        };
        Ok((evaluation, request.active, request.workings))
    }
}

fn read<'a>(reader: &mut Reader, json: &'a Json) -> Option<Request<'a>> {
    let root = Path::Root;
    let keys = ["scenarios", "active", "chart", "workings"];
    let entries = reader.object(&root, json, Some(&keys))?;
    let scenarios = reader.required(&root, entries, "scenarios", |r, p, list| {
        r.list(p, list, 1, MAX_SCENARIOS)
    });
    let count = scenarios.map_or(1, <[Json]>::len) as u32;
    let active = reader.optional(&root, entries, "active", |r, p, a| {
        r.whole(p, a, 0, count.saturating_sub(1))
    });
    let chart = reader.optional(&root, entries, "chart", |r, p, chart| {
        let entries = r.object(p, chart, Some(&["goal", "steps"]))?;
        let goal = r.optional(p, entries, "goal", |r, p, g| r.text(p, g, 0, 40));
        let steps = r.required(p, entries, "steps", |r, p, s| r.whole(p, s, 2, 1000));
        Some((goal?.unwrap_or_default(), steps?))
    });
    let workings = reader.optional(&root, entries, "workings", Reader::boolean);
    Some(Request {
        workings: workings?.unwrap_or(false),
        scenarios: scenarios?,
        active: active?.unwrap_or(0) as usize,
        chart: chart?,
    })
}

/// The chart of goal `g` from 0 to `to` in `steps` points; `None` when the
/// sweep reaches an amount too large to write (the result still shows).
#[inline(never)]
fn draw_chart(plan: &Plan, g: usize, id: &str, to: Exact, steps: u32) -> Option<Chart> {
    let options = SweepOptions::new(g, Exact::ZERO, to.clone(), steps);
    let points = sweep(plan, &options).ok()?;
    Some(Chart::new(id.to_owned(), to, points))
}

/// How plan `after` differs from plan `before`: `Some(None)` not at all,
/// `Some(Some(id))` in goal `id`'s actual result alone, `None` otherwise.
#[inline(never)]
fn actual_moved<'a>(before: &Json, after: &'a Json) -> Option<Option<&'a str>> {
    let (Json::Object(before), Json::Object(after)) = (before, after) else {
        return None;
    };
    if before.len() != after.len() {
        return None;
    }
    let mut moved = None;
    for ((key, was), (again, now)) in before.iter().zip(after) {
        if key != again {
            return None;
        }
        if was == now {
            continue;
        }
        let (true, Json::Array(was), Json::Array(now)) = (key == "goals", was, now) else {
            return None;
        };
        if was.len() != now.len() {
            return None;
        }
        for (was, now) in was.iter().zip(now).filter(|(was, now)| was != now) {
            let (Json::Object(was), Json::Object(now)) = (was, now) else {
                return None;
            };
            let only_actual = was.len() == now.len()
                && was
                    .iter()
                    .zip(now)
                    .all(|((k, a), (k2, b))| k == k2 && (a == b || k == "actual"));
            match (moved, only_actual, crate::reader::field(now, "id")) {
                (None, true, Some(Json::String(id))) => moved = Some(id.as_str()),
                _ => return None,
            }
        }
    }
    Some(moved)
}

/// The goal to chart: `asked` when the plan has it, else the first shared
/// goal, else the first.
fn chart_goal(plan: &Plan, report: &Report, asked: &str) -> usize {
    plan.goals
        .iter()
        .position(|g| g.id == asked)
        .or_else(|| report.goals.iter().position(|g| g.shared))
        .unwrap_or(0)
}

/// Where the chart ends: 150 %, or past today's attainment by a fifth,
/// rounded up to ten points (`ceil(12 × a) / 10`).
fn chart_end(attainment: &Exact) -> Exact {
    let twelve_a = attainment.mul(&Exact::int(12));
    let tenths = twelve_a.ceil();
    let end = tenths.div(&Exact::int(10)).unwrap_or(Exact::ZERO);
    let least = Exact::from(Decimal::new(15, 1));
    end.max(least)
}

/// What the edit from `before` to `after` changed, when both calculate and
/// a result or a payout moved.
fn change(before: &Scenario, after: &Scenario) -> Option<Change> {
    let (Ok(plan_before), Ok(plan_after)) = (&before.plan, &after.plan) else {
        return None;
    };
    let (Ok(was), Ok(now)) = (&before.report, &after.report) else {
        return None;
    };
    let goals: Vec<GoalChange> = plan_after
        .goals
        .iter()
        .filter_map(|goal| {
            let old = plan_before.goals.iter().find(|g| g.id == goal.id)?;
            (old.actual != goal.actual).then(|| GoalChange {
                id: goal.id.clone(),
                name: goal.name.clone(),
                before: old.actual.clone(),
                after: goal.actual.clone(),
            })
        })
        .collect();
    let teams: Vec<PayoutChange> = now
        .teams
        .iter()
        .filter_map(|team| {
            let old = was.teams.iter().find(|t| t.id == team.id)?;
            let difference = team.payout.checked_sub(old.payout)?;
            (!difference.is_zero()).then(|| PayoutChange {
                id: team.id.clone(),
                name: team.name.clone(),
                difference,
            })
        })
        .collect();
    if goals.is_empty() && teams.is_empty() {
        return None;
    }
    let total = now.total.payout.checked_sub(was.total.payout)?;
    Some(Change {
        goals,
        teams,
        total,
    })
}

/// For each team that weights a shared goal: what the one it weights most
/// (the first of equals) must reach for the team to earn its target
/// incentive; not for a team whose payout can fall as the goal rises.
fn targets(plan: &Plan) -> Result<Vec<Target>, Errors> {
    let shared = plan.shared_goals();
    let mut targets = Vec::new();
    for (t, team) in plan.teams.iter().enumerate() {
        let mut largest: Option<usize> = None;
        for (g, weight) in team.weights.iter().enumerate() {
            let heavier = largest.is_none_or(|l| *weight > team.weights[l]);
            if shared[g] && *weight > Exact::ZERO && heavier {
                largest = Some(g);
            }
        }
        let Some(g) = largest else { continue };
        let options = SolveOptions::new(t, g, team.target_incentive);
        // With a falling curve, solve tries every grid point: too slow for
        // every keystroke, so no sentence then.
        if !rises(plan, &options) {
            continue;
        }
        targets.push(Target {
            team: team.id.clone(),
            goal: plan.goals[g].id.clone(),
            solution: solve(plan, &options)?,
        });
    }
    Ok(targets)
}

/// The payouts at ten more points of `goal`'s attainment, exactly: a sweep
/// of two steps from now to now + 1/10; `None` when the plan has no such goal.
fn ten_points_more(plan: &Plan, report: &Report, goal: &str) -> Option<SweepPoint> {
    let g = plan.goals.iter().position(|g| g.id == goal)?;
    let now = report.goals[g].attainment.clone();
    let ten_points = Exact::int(1).div(&Exact::int(10)).unwrap_or(Exact::ZERO);
    let options = SweepOptions::new(g, now.clone(), now.add(&ten_points), 2);
    sweep(plan, &options).ok()?.pop()
}

/// One scenario's payouts beside `first`'s, and their change for ten more
/// points of the charted goal (`later`: the payouts there).
fn compare(report: &Report, first: Option<&Report>, later: Option<&SweepPoint>) -> Comparison {
    let teams = report
        .teams
        .iter()
        .enumerate()
        .map(|(t, team)| {
            let in_first = first.and_then(|f| f.teams.iter().find(|x| x.id == team.id));
            TeamComparison {
                id: team.id.clone(),
                name: team.name.clone(),
                payout: team.payout,
                difference: in_first.and_then(|x| team.payout.checked_sub(x.payout)),
                per_ten_points: later
                    .and_then(|p| p.teams.get(t))
                    .and_then(|p| p.payout.checked_sub(team.payout)),
            }
        })
        .collect();
    Comparison {
        currency: report.currency.clone(),
        decimals: report.decimals,
        teams,
        total: report.total.payout,
        total_difference: first.and_then(|f| report.total.payout.checked_sub(f.total.payout)),
    }
}
