//! The evaluator: `evaluate` answers one request; an `Evaluator` answers one
//! after another and keeps, between calls, each scenario's plan and Result
//! and the active one's chart and targets, so that a keystroke works out
//! again only what it changed.

use std::borrow::Cow;
use std::rc::Rc;

use super::chart::{chart_end, chart_goal, draw_chart, Chart};
use super::comparison::{compare, ten_points_more, Compared};
use super::request::{read, Request};
use super::response::{Change, Evaluation, GoalChange, InputChange, Named, Outcome, PayoutChange};
use super::targets::{targets, Target};
use crate::calculate::{calculate, calculate_with_workings};
use rust_decimal::Decimal;

use crate::error::Errors;
use crate::exact::Exact;
use crate::facts::{facts, Facts};
use crate::json::Json;
use crate::plan::Plan;
use crate::reader::Reader;
use crate::report::Report;
use crate::sweep::SweepPoint;

/// Reads `{ scenarios: [Plan], active, chart?: { goal, steps }, workings? }`
/// and evaluates it. An error in the request itself (not in a plan) is an
/// error at its path; a plan's errors come back in its scenario's outcome.
pub fn evaluate(json: &Json) -> Result<Evaluation<'static>, Errors> {
    let mut evaluator = Evaluator::default();
    let (mut evaluation, active, workings) = evaluator.run(json)?;
    // The evaluator ends here: its report is taken, not copied (a scenario
    // that shares it goes first).
    let taken = (active < evaluator.last.len())
        .then(|| evaluator.last.swap_remove(active))
        .and_then(|scenario| {
            evaluator.last.clear();
            Rc::try_unwrap(scenario.worked).ok()
        })
        .map(|worked| worked.report);
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
    /// The scenario the last call had active.
    active: usize,
    /// The active scenario's chart and targets as last worked out.
    drawn: Option<Drawn>,
    /// The active scenario's facts as last worked out (they do not depend on
    /// the actual results, the most typed fields); a `Calculator`'s answer
    /// leaves them out while they stand.
    facts: Option<Facts>,
    /// Where the edit under way began: the active scenario's plan and Result
    /// when the page last said its results stand (`settle`). What an edit
    /// changed is told against it, not against the last keystroke.
    baseline: Option<Baseline>,
}

/// What an edit is told against: the active scenario's actual results,
/// targets, target incentives, weights and payouts when the edit began
/// (only these, not a copy of the whole plan and Result).
#[derive(Debug)]
struct Baseline {
    active: usize,
    /// Each goal's id and actual result.
    actuals: Vec<(String, Exact)>,
    /// Each goal's id and target.
    targets: Vec<(String, Exact)>,
    /// Each team's levers.
    levers: Vec<Levers>,
    /// Each team's id, name and payout.
    payouts: Vec<(String, String, Decimal)>,
    total: Decimal,
}

/// A team's id, target incentive, weights (by goal id) and cap when an
/// edit began.
#[derive(Debug)]
struct Levers {
    team: String,
    incentive: Exact,
    weights: Vec<(String, Exact)>,
    cap: Option<Exact>,
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
    /// How the next call knows the plan: by its stamp, or by a copy.
    seen: Seen,
    /// Shared with a scenario whose plan is the same.
    worked: Rc<Worked>,
    /// The payouts at ten more points of a goal, by the goal's id.
    later: Option<(String, Option<SweepPoint>)>,
}

/// A plan as the last call saw it.
#[derive(Debug)]
enum Seen {
    /// The stamp a `Calculator` gave it.
    Stamp(u64),
    /// A copy of the plan.
    Plan(Json<'static>),
}

/// A plan read and calculated.
#[derive(Debug)]
struct Worked {
    plan: Result<Plan, Errors>,
    /// The Result with its workings, or the plan's errors.
    report: Result<Report, Errors>,
}

impl Worked {
    /// `json` read, with its forecast when `forecast` says so, and
    /// calculated.
    fn new(json: &Json, forecast: bool) -> Worked {
        let plan = match forecast {
            true => Plan::from_json(json),
            false => Plan::payouts_from_json(json),
        };
        let report = plan
            .as_ref()
            .map_err(Clone::clone)
            .and_then(calculate_with_workings)
            .map(Report::with_member_columns);
        Worked { plan, report }
    }
}

impl Scenario {
    /// The payouts at ten more points of `goal`, swept once per goal.
    fn later(&mut self, goal: &str) -> Option<&SweepPoint> {
        if self.later.as_ref().is_none_or(|(id, _)| id != goal) {
            let point = match (&self.worked.plan, &self.worked.report) {
                (Ok(plan), Ok(report)) => ten_points_more(plan, report, goal),
                _ => None,
            };
            self.later = Some((goal.to_owned(), point));
        }
        self.later.as_ref().and_then(|(_, point)| point.as_ref())
    }
}

impl Evaluator {
    /// Team `was` of scenario `active` is now called `id`: what the edit
    /// under way changed is told of it under its new id.
    pub fn retag(&mut self, active: usize, was: &str, id: &str) {
        if let Some(baseline) = self.baseline.as_mut().filter(|b| b.active == active) {
            for (team, _, _) in &mut baseline.payouts {
                if team == was {
                    *team = id.to_string();
                }
            }
        }
    }

    /// The results of the last call stand: the next edit of the active
    /// scenario is told (`changed`) against them. The page calls this once
    /// an edit ends (its field left, or typing paused) and when a plan is
    /// opened. Nothing stands while the active plan is invalid.
    pub fn settle(&mut self) {
        let active = self.active;
        let worked = self.last.get(active).map(|s| &*s.worked);
        self.baseline = match worked {
            Some(Worked {
                plan: Ok(plan),
                report: Ok(report),
            }) => Some(Baseline {
                active,
                actuals: plan
                    .goals
                    .iter()
                    .map(|g| (g.id.clone(), g.actual.clone()))
                    .collect(),
                targets: plan
                    .goals
                    .iter()
                    .map(|g| (g.id.clone(), g.target.clone()))
                    .collect(),
                levers: plan
                    .teams
                    .iter()
                    .map(|t| {
                        let weights = plan
                            .goals
                            .iter()
                            .map(|g| g.id.clone())
                            .zip(t.weights.iter().cloned());
                        Levers {
                            team: t.id.clone(),
                            incentive: Exact::from(t.target_incentive),
                            weights: weights.collect(),
                            cap: t.cap.clone(),
                        }
                    })
                    .collect(),
                payouts: report
                    .teams
                    .iter()
                    .map(|t| (t.id.clone(), t.name.clone(), t.payout))
                    .collect(),
                total: report.total.payout,
            }),
            _ => None,
        };
    }

    /// As `evaluate`, reusing what the last call found for every scenario
    /// whose plan has not changed.
    pub fn evaluate(&mut self, json: &Json) -> Result<Evaluation<'_>, Errors> {
        let mut reader = Reader::default();
        let request = read(&mut reader, json);
        let request = reader.finish(request)?;
        self.answer(&request)
    }

    /// As `evaluate`, for a request already read (a `Calculator`'s own
    /// scenarios).
    pub(crate) fn answer(&mut self, request: &Request) -> Result<Evaluation<'_>, Errors> {
        let (evaluation, active, workings) = self.run_request(request)?;
        let mut evaluation: Evaluation<'_> = evaluation;
        evaluation.result = match self.last.get(active).map(|s| &*s.worked) {
            Some(Worked {
                report: Ok(report), ..
            }) if workings => Outcome::Result(Cow::Borrowed(report)),
            // Without the workings, the plain Result, calculated again
            // rather than copied and trimmed.
            Some(Worked { plan: Ok(plan), .. }) => match calculate(plan) {
                Ok(report) => Outcome::Result(Cow::Owned(report.with_member_columns())),
                Err(errors) => Outcome::Invalid { errors: errors.0 },
            },
            Some(Worked {
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
        self.run_request(&request)
    }

    /// `run` for a request already read.
    fn run_request(
        &mut self,
        request: &Request,
    ) -> Result<(Evaluation<'static>, usize, bool), Errors> {
        // How the active plan differs from the last call's, when the same
        // scenario is active: in one goal's actual result at most
        // (`Some(Some(id))`, `Some(None)` not at all), or more (`None`).
        let moved = (self.active == request.active)
            .then(|| {
                let was = &self.last.get(request.active)?.seen;
                let now = *request.scenarios.get(request.active)?;
                match (&request.known, was) {
                    (Some(known), _) => known.moved.as_ref().map(|m| m.as_deref()),
                    (None, Seen::Plan(was)) => actual_moved(was, now),
                    (None, Seen::Stamp(_)) => None,
                }
            })
            .flatten();
        // The facts do not depend on the actual results.
        let facts_kept = moved.is_some();
        // What was drawn last, when it was drawn as asked now.
        let mut kept = self.drawn.take().and_then(|drawn| {
            let same = drawn.active == request.active
                && drawn.chart_asked == request.chart
                && drawn.workings == request.workings;
            let moved = moved.filter(|_| same)?;
            Some((drawn, moved.map(str::to_owned)))
        });
        let mut last = std::mem::take(&mut self.last).into_iter();
        let mut scenarios: Vec<Scenario> = Vec::with_capacity(request.scenarios.len());
        // Per scenario, an earlier one whose plan is the same, when it is
        // read again: it is worked out and swept once.
        let mut twins = Vec::with_capacity(request.scenarios.len());
        for (i, &json) in request.scenarios.iter().enumerate() {
            let stamp = request
                .known
                .as_ref()
                .map(|known| known.stamps.get(i).copied());
            let kept = last.next().filter(|kept| match (&kept.seen, stamp) {
                (Seen::Stamp(was), Some(now)) => now == Some(*was),
                (Seen::Plan(was), None) => was == json,
                _ => false,
            });
            if let Some(kept) = kept {
                scenarios.push(kept);
                twins.push(None);
                continue;
            }
            // Copied only when it is read again, not for every plan kept.
            let seen = match stamp {
                Some(now) => Seen::Stamp(now.unwrap_or(u64::MAX)),
                None => Seen::Plan(json.owned()),
            };
            let twin = (0..i).find(|&j| request.scenarios[j] == json);
            let worked = match twin {
                Some(j) => Rc::clone(&scenarios[j].worked),
                None => Rc::new(Worked::new(json, request.forecasts)),
            };
            scenarios.push(Scenario {
                seen,
                worked,
                later: None,
            });
            twins.push(twin);
        }

        let mut chart = None;
        let mut goal = None;
        // Whether the chart and the targets are the last call's.
        let mut chart_kept = false;
        if let (Some((asked, steps)), Some(scenario)) =
            (&request.chart, scenarios.get(request.active))
        {
            if let (Ok(plan), Ok(report)) = (&scenario.worked.plan, &scenario.worked.report) {
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
                        chart_kept = true;
                        drawn.chart.take()
                    }
                    _ => draw_chart(plan, g, &id, to, *steps),
                };
                goal = Some(id);
            }
        }

        let comparison = (scenarios.len() >= 2).then(|| {
            if let Some(goal) = &goal {
                // A scenario whose plan is another's (a copy not yet changed,
                // or two that share the result just typed) is swept once.
                for (i, twin) in twins.iter().enumerate() {
                    match twin {
                        Some(j) => scenarios[i].later = scenarios[*j].later.clone(),
                        None => _ = scenarios[i].later(goal),
                    }
                }
            }
            let first = scenarios
                .first()
                .and_then(|s| s.worked.report.as_ref().ok());
            scenarios
                .iter()
                .enumerate()
                .map(|(i, scenario)| match &scenario.worked.report {
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

        let mut targets_kept = false;
        let active = scenarios.get(request.active).map(|s| &*s.worked);
        let targets = match (active, kept) {
            // A target says what its goal must reach: the goal's own actual
            // result does not change it.
            (Some(Worked { plan: Ok(_), .. }), Some((drawn, moved)))
                if drawn
                    .targets
                    .iter()
                    .all(|t| moved.as_ref().is_none_or(|m| *m == t.goal)) =>
            {
                targets_kept = true;
                drawn.targets
            }
            (Some(Worked { plan: Ok(plan), .. }), _) if request.workings => targets(plan)?,
            _ => Vec::new(),
        };
        if let Some(Worked { plan: Ok(_), .. }) = active {
            self.drawn = Some(Drawn {
                active: request.active,
                chart_asked: request.chart.clone(),
                workings: request.workings,
                chart: chart.clone(),
                targets: targets.clone(),
            });
        }
        let changed = match (&self.baseline, active) {
            (Some(baseline), Some(after))
                if request.workings && baseline.active == request.active =>
            {
                change(baseline, after)
            }
            _ => None,
        };
        self.last = scenarios;
        self.active = request.active;
        let facts = if facts_kept && self.facts.is_some() {
            // A calculator's caller has them from the last answer.
            match request.known {
                Some(_) => None,
                None => self.facts.clone(),
            }
        } else {
            self.facts = request
                .scenarios
                .get(request.active)
                .map(|&plan| facts(plan));
            self.facts.clone()
        };
        let evaluation = Evaluation {
            result: Outcome::Invalid { errors: Vec::new() },
            facts,
            chart,
            comparison,
            targets,
            changed,
            kept: chart_kept && targets_kept,
        };
        Ok((evaluation, request.active, request.workings))
    }
}

/// How plan `after` differs from plan `before`: `Some(None)` not at all,
/// `Some(Some(id))` in goal `id`'s actual result alone, `None` otherwise.
#[inline(never)]
fn actual_moved<'a>(before: &Json, after: &'a Json<'a>) -> Option<Option<&'a str>> {
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
                (None, true, Some(Json::String(id))) => moved = Some(id.as_ref()),
                _ => return None,
            }
        }
    }
    Some(moved)
}

/// What the edit from `before` to `after` changed, when both calculate and
/// a result or a payout moved.
fn change(before: &Baseline, after: &Worked) -> Option<Change> {
    let (Ok(plan_after), Ok(now)) = (&after.plan, &after.report) else {
        return None;
    };
    let goals: Vec<GoalChange> = plan_after
        .goals
        .iter()
        .enumerate()
        .filter_map(|(g, goal)| {
            let (_, old) = by_id(&before.actuals, g, &goal.id, |(id, _)| id)?;
            (*old != goal.actual).then(|| GoalChange {
                id: goal.id.clone(),
                name: goal.name.clone(),
                before: old.clone(),
                after: goal.actual.clone(),
            })
        })
        .collect();
    let inputs = inputs(before, plan_after);
    let mut teams: Vec<PayoutChange> = now
        .teams
        .iter()
        .enumerate()
        .filter_map(|(t, team)| {
            let (_, _, old) = by_id(&before.payouts, t, &team.id, |(id, _, _)| id)?;
            let difference = team.payout.checked_sub(*old)?;
            (!difference.is_zero()).then(|| PayoutChange {
                id: team.id.clone(),
                name: team.name.clone(),
                difference,
            })
        })
        .collect();
    // A team removed took its payout with it.
    teams.extend(
        before
            .payouts
            .iter()
            .filter(|(id, _, old)| !old.is_zero() && now.teams.iter().all(|t| t.id != *id))
            .map(|(id, name, old)| PayoutChange {
                id: id.clone(),
                name: name.clone(),
                difference: -*old,
            }),
    );
    // A lever that moved is told even where no payout moved with it ("Sales
    // cap 200% → none: no payout changed"; found by a fresh look: an emptied
    // cap said nothing).
    if goals.is_empty() && teams.is_empty() && inputs.is_empty() {
        return None;
    }
    let total = now.total.payout.checked_sub(before.total)?;
    Some(Change {
        goals,
        inputs,
        teams,
        total,
    })
}

/// The entry of `list` for `id`: at `at` while goals or teams are where
/// they were (an edit of a value, the common case, found at once), else
/// found by id (one added, moved or removed).
fn by_id<'a, T>(
    list: &'a [T],
    at: usize,
    id: &str,
    id_of: impl Fn(&T) -> &String,
) -> Option<&'a T> {
    let is = |entry: &&T| id_of(entry) == id;
    list.get(at).filter(is).or_else(|| list.iter().find(is))
}

/// The targets, target incentives, weights and caps that moved since
/// `before`, of goals and teams that were there then.
fn inputs(before: &Baseline, plan: &Plan) -> Vec<InputChange> {
    let named = |id: &str, name: &str| Named {
        id: id.to_owned(),
        name: name.to_owned(),
    };
    let moved = |input,
                 goal: Option<Named>,
                 team: Option<Named>,
                 was: Option<&Exact>,
                 now: Option<&Exact>| {
        (was != now).then(|| InputChange {
            input,
            goal,
            team,
            before: was.cloned(),
            after: now.cloned(),
        })
    };
    let targets = plan.goals.iter().enumerate().filter_map(|(g, goal)| {
        let (_, was) = by_id(&before.targets, g, &goal.id, |(id, _)| id)?;
        moved(
            "target",
            Some(named(&goal.id, &goal.name)),
            None,
            Some(was),
            Some(&goal.target),
        )
    });
    let levers =
        plan.teams.iter().enumerate().flat_map(|(t, team)| {
            let was = by_id(&before.levers, t, &team.id, |was| &was.team);
            let incentive = was.and_then(|Levers { incentive, .. }| {
                let now = Exact::from(team.target_incentive);
                moved(
                    "targetIncentive",
                    None,
                    Some(named(&team.id, &team.name)),
                    Some(incentive),
                    Some(&now),
                )
            });
            let weights = plan.goals.iter().zip(&team.weights).enumerate().filter_map(
                move |(g, (goal, now))| {
                    let (_, old) = by_id(&was?.weights, g, &goal.id, |(id, _)| id)?;
                    moved(
                        "weight",
                        Some(named(&goal.id, &goal.name)),
                        Some(named(&team.id, &team.name)),
                        Some(old),
                        Some(now),
                    )
                },
            );
            let cap = was.and_then(|Levers { cap, .. }| {
                moved(
                    "cap",
                    None,
                    Some(named(&team.id, &team.name)),
                    cap.as_ref(),
                    team.cap.as_ref(),
                )
            });
            incentive.into_iter().chain(weights).chain(cap)
        });
    targets.chain(levers).collect()
}
