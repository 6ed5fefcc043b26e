//! The calculation, steps 1 to 10 of the plan model.
//!
//! Attainments, factors, blended attainments, modifiers and the products
//! inside a line are exact rational numbers; only money is rounded, once,
//! where a step says so. The one limit left is money itself: an amount with
//! more than 28 digits is an error naming the input that led to it.

use rust_decimal::Decimal;

use crate::allocate::{largest_remainder, share_weights};
use crate::curve::Curve;
use crate::decimal::add;
use crate::economics::economics;
use crate::error::{Error, ErrorKind, Errors};
use crate::exact::Exact;
use crate::money::Money;
use crate::natural::Natural;
use crate::path::JsonPath;
use crate::plan::{Direction, Gate, Goal, Method, Plan, Team};
use crate::report::{
    GateResult, GoalResult, Line, MemberResult, Members, Report, SplitShare, TeamResult, Total,
};
use crate::warnings::warnings;

/// The joint split is in steps of 0.0001: 10,000 units make the whole.
const SPLIT_UNITS: u128 = 10_000;

/// Calculates a valid plan: the plan model's Result.
pub fn calculate(plan: &Plan) -> Result<Report, Errors> {
    calculate_with(plan, false)
}

/// Calculates a valid plan, with the workings a statement shows: each
/// line's exact product, the exact values before the modifier and the cap
/// are rounded, every gate with its margin and each team's weight sum.
// Not inlined: the Wasm exports `calculate` and `evaluate` share one copy.
pub fn calculate_with_workings(plan: &Plan) -> Result<Report, Errors> {
    calculate_with(plan, true)
}

#[inline(never)]
fn calculate_with(plan: &Plan, workings: bool) -> Result<Report, Errors> {
    let attainments = attainments(plan);
    let factors = goal_factors(plan, &attainments);
    let shared = plan.shared_goals();
    let mut teams = team_results(plan, &attainments, &factors, &shared, workings)?;
    for (t, team) in teams.iter_mut().enumerate() {
        team.members = members(plan, t, team.payout)?.into();
    }

    let money = plan.money;
    let sum = |field: fn(&TeamResult) -> Decimal| {
        teams
            .iter()
            .try_fold(money.zero(), |sum, team| add(sum, field(team)))
            .ok_or_else(|| Error::new(JsonPath::root().key("teams"), ErrorKind::AmountTooLarge))
    };
    let total_target = sum(|team| team.target_incentive)?;
    let total_payout = sum(|team| team.payout)?;
    let split = split(plan, &teams)?;

    let goals = plan
        .goals
        .iter()
        .zip(&attainments)
        .zip(&factors)
        .zip(&shared)
        .map(
            |(((goal, attainment), (factor, gated)), &shared)| GoalResult {
                id: goal.id.clone(),
                name: goal.name.clone(),
                attainment: attainment.clone(),
                factor: factor.clone(),
                gated: *gated,
                gate: goal
                    .gate
                    .as_ref()
                    .filter(|_| workings)
                    .map(|gate| gate_result(plan, gate, &attainments)),
                shared,
                on: workings.then(|| goal.curve.on(attainment)),
            },
        )
        .collect();

    let economics = economics(plan, &teams);
    Ok(Report {
        currency: plan.currency.clone(),
        decimals: money.decimals,
        rounding: money.rounding,
        goals,
        teams,
        total: Total {
            target_incentive: total_target,
            payout: total_payout,
            payout_ratio: Exact::from(total_payout).div(&total_target.into()),
        },
        split,
        warnings: warnings(plan),
        economics,
    })
}

/// Step 1: each goal's attainment, in plan order.
pub(crate) fn attainments(plan: &Plan) -> Vec<Exact> {
    plan.goals
        .iter()
        .map(|goal| attainment(goal, &goal.actual))
        .collect()
}

/// Step 1 for one goal with the result `actual`.
pub(crate) fn attainment(goal: &Goal, actual: &Exact) -> Exact {
    // Validation keeps every target above zero.
    let ratio = actual.div(&goal.target).unwrap_or(Exact::ZERO);
    match goal.direction {
        Direction::HigherIsBetter => ratio,
        Direction::LowerIsBetter => Exact::TWO.sub(&ratio).max(Exact::ZERO),
    }
}

/// Steps 2 and 3: each goal's payout factor, and whether its gate stopped it.
pub(crate) fn goal_factors(plan: &Plan, attainments: &[Exact]) -> Vec<(Exact, bool)> {
    (0..plan.goals.len())
        .map(|g| goal_factor(plan, g, attainments))
        .collect()
}

/// Steps 2 and 3 for goal `g`.
#[inline(never)]
pub(crate) fn goal_factor(plan: &Plan, g: usize, attainments: &[Exact]) -> (Exact, bool) {
    let goal = &plan.goals[g];
    if gate_met(goal.gate.as_ref(), attainments) {
        (goal.curve.factor(&attainments[g]), false)
    } else {
        (Exact::ZERO, true)
    }
}

/// Steps 4 to 7 and 10 for every team; members are left empty.
pub(crate) fn team_results(
    plan: &Plan,
    attainments: &[Exact],
    factors: &[(Exact, bool)],
    shared: &[bool],
    workings: bool,
) -> Result<Vec<TeamResult>, Errors> {
    collect(
        plan.teams
            .iter()
            .enumerate()
            .map(|(t, team)| team_result(plan, t, team, attainments, factors, shared, workings)),
    )
}

#[inline(never)]
fn team_result(
    plan: &Plan,
    t: usize,
    team: &Team,
    attainments: &[Exact],
    factors: &[(Exact, bool)],
    shared: &[bool],
    workings: bool,
) -> Result<TeamResult, Error> {
    let money = plan.money;
    let too_large = |field: &[&str]| too_large(t, field);
    let ti = Exact::from(team.target_incentive);

    // Step 4: the subtotal, by lines or blended.
    let mut lines = Vec::with_capacity(plan.goals.len());
    let (subtotal, blended_attainment, shared_payout) = match &team.method {
        Method::Weighted => {
            let mut subtotal = money.zero();
            let mut shared_payout = money.zero();
            for (g, goal) in plan.goals.iter().enumerate() {
                let weight = &team.weights[g];
                if *weight <= Exact::ZERO {
                    continue;
                }
                let (factor, _) = &factors[g];
                let weighted = ti.mul(weight);
                let at_target = money.round(&weighted);
                let exact = weighted.mul(factor);
                let amount = money.round(&exact);
                let (Some(at_target), Some(amount)) = (at_target, amount) else {
                    return Err(too_large(&["weights", &goal.id]));
                };
                subtotal = add(subtotal, amount).ok_or_else(|| too_large(&["weights"]))?;
                if shared[g] {
                    shared_payout =
                        add(shared_payout, amount).ok_or_else(|| too_large(&["weights"]))?;
                }
                lines.push(Line {
                    goal: goal.id.clone(),
                    weight: weight.clone(),
                    at_target,
                    factor: factor.clone(),
                    exact: workings.then_some(exact),
                    amount,
                });
            }
            (subtotal, None, Some(shared_payout))
        }
        Method::Blended(curve) => {
            let (blended, subtotal) = blended(plan, t, &ti, curve, attainments)?;
            (subtotal, Some(blended), None)
        }
    };
    // Where the blended attainment falls on the team's curve.
    let on = match (&team.method, &blended_attainment) {
        (Method::Blended(curve), Some(a)) if workings => Some(curve.on(a)),
        _ => None,
    };
    let steps = after_subtotal(plan, t, &ti, subtotal, attainments)?;

    // Workings only: a plain Result does not pay for them.
    let weight_sum = workings.then(|| team.weights.iter().fold(Exact::ZERO, |sum, w| sum.add(w)));

    // Step 10: the stake in shared goals.
    let shared_stake = team
        .weights
        .iter()
        .zip(shared)
        .filter(|(_, &s)| s)
        .fold(Exact::ZERO, |sum, (w, _)| sum.add(w));

    let shared_share = weight_sum.as_ref().and_then(|sum| shared_stake.div(sum));
    Ok(TeamResult {
        shared_share,
        id: team.id.clone(),
        name: team.name.clone(),
        target_incentive: team.target_incentive,
        method: team.method.name(),
        lines,
        blended_attainment,
        on,
        subtotal,
        payout_ratio: Exact::from(steps.payout).div(&ti),
        modifier: steps.modifier,
        after_modifiers: steps.after_modifiers,
        after_modifiers_exact: steps.after_modifiers_exact.filter(|_| workings),
        gated: steps.gated,
        gate: team
            .gate
            .as_ref()
            .filter(|_| workings)
            .map(|gate| gate_result(plan, gate, attainments)),
        capped: steps.capped,
        cap_amount: steps.cap_amount,
        cap_exact: steps.cap_exact.filter(|_| workings),
        payout: steps.payout,
        shared_stake,
        weight_sum,
        shared_payout,
        members: Members::default(),
    })
}

/// Step 4, one line of a weighted team: `round(targetIncentive × w × f)`,
/// given `weighted` = targetIncentive × w; `None` when it has more than 28
/// digits.
#[inline(never)]
pub(crate) fn line_amount(plan: &Plan, weighted: &Exact, factor: &Exact) -> Option<Decimal> {
    plan.money.round(&weighted.mul(factor))
}

/// Step 4 for a blended team: the blended attainment `Σ w × a` and the
/// subtotal `round(targetIncentive × curve(b))`.
#[inline(never)]
pub(crate) fn blended(
    plan: &Plan,
    t: usize,
    ti: &Exact,
    curve: &Curve,
    attainments: &[Exact],
) -> Result<(Exact, Decimal), Error> {
    let team = &plan.teams[t];
    let blended = team
        .weights
        .iter()
        .zip(attainments)
        .fold(Exact::ZERO, |sum, (w, a)| sum.add(&w.mul(a)));
    let subtotal = plan
        .money
        .round(&ti.mul(&curve.factor(&blended)))
        .ok_or_else(|| too_large(t, &["curve"]))?;
    Ok((blended, subtotal))
}

/// What steps 5 to 7 make of a team's subtotal.
pub(crate) struct AfterSubtotal {
    modifier: Option<Exact>,
    after_modifiers: Option<Decimal>,
    after_modifiers_exact: Option<Exact>,
    pub(crate) gated: bool,
    pub(crate) capped: bool,
    cap_amount: Option<Decimal>,
    cap_exact: Option<Exact>,
    pub(crate) payout: Decimal,
}

/// Steps 5 to 7: modifiers multiply the subtotal, the team gate, the cap.
#[inline(never)]
pub(crate) fn after_subtotal(
    plan: &Plan,
    t: usize,
    ti: &Exact,
    subtotal: Decimal,
    attainments: &[Exact],
) -> Result<AfterSubtotal, Error> {
    let (team, money) = (&plan.teams[t], plan.money);
    let mut modifier = None;
    let mut after_modifiers = None;
    let mut after_modifiers_exact = None;
    let mut after = subtotal;
    if !team.modifiers.is_empty() {
        let m = team.modifiers.iter().fold(Exact::ONE, |m, modifier| {
            m.mul(&modifier.curve.factor(&attainments[modifier.goal]))
        });
        let exact = Exact::from(subtotal).mul(&m);
        after = money
            .round(&exact)
            .ok_or_else(|| too_large(t, &["modifiers"]))?;
        modifier = Some(m);
        after_modifiers = Some(after);
        after_modifiers_exact = Some(exact);
    }

    let gated = !gate_met(team.gate.as_ref(), attainments);
    let mut payout = if gated { money.zero() } else { after };
    let cap_exact = team.cap.as_ref().map(|cap| cap.mul(ti));
    let cap_amount = match &cap_exact {
        Some(exact) => Some(money.round(exact).ok_or_else(|| too_large(t, &["cap"]))?),
        None => None,
    };
    let capped = cap_amount.is_some_and(|limit| payout > limit);
    if let (Some(limit), true) = (cap_amount, capped) {
        payout = limit;
    }
    Ok(AfterSubtotal {
        modifier,
        after_modifiers,
        after_modifiers_exact,
        gated,
        capped,
        cap_amount,
        cap_exact,
        payout,
    })
}

/// The error for a money figure of team `t` too large to write, at the
/// path (within the team) of the field that led to it.
pub(crate) fn too_large(t: usize, field: &[&str]) -> Error {
    let team = JsonPath::root().key("teams").index(t);
    let path = field.iter().fold(team, |path, key| path.key(key));
    Error::new(path, ErrorKind::AmountTooLarge)
}

/// Step 8: the team payout split among members by share, to the minor unit.
fn members(plan: &Plan, t: usize, payout: Decimal) -> Result<Vec<MemberResult>, Error> {
    let team = &plan.teams[t];
    if team.members.is_empty() {
        return Ok(Vec::new());
    }
    let money = plan.money;
    let shares: Vec<Decimal> = team.members.iter().map(|m| m.share).collect();
    let too_large = || too_large(t, &["members"]);
    let units = money.units(payout).ok_or_else(too_large)?;
    // In 128 bits when the shares and the payout allow, else in naturals of
    // any size; each part is at most the payout, so it fits again.
    let parts = share_weights::<u128>(&shares)
        .and_then(|weights| largest_remainder(&units, &weights))
        .or_else(|| {
            let weights = share_weights::<Natural>(&shares)?;
            let parts = largest_remainder(&Natural::from_u128(units), &weights)?;
            parts.iter().map(Natural::to_u128).collect()
        })
        .ok_or_else(too_large)?;
    team.members
        .iter()
        .zip(parts)
        .map(|(member, units)| {
            let payout = money.amount(units).ok_or_else(too_large)?;
            Ok(MemberResult {
                name: member.name.clone(),
                share: member.share,
                payout,
            })
        })
        .collect()
}

/// Step 9: each team's share of the joint payout, in steps of 0.0001 that
/// sum to exactly 1 (all 0 when nothing is paid).
fn split(plan: &Plan, teams: &[TeamResult]) -> Result<Vec<SplitShare>, Error> {
    let money: Money = plan.money;
    let units: Option<Vec<u128>> = teams.iter().map(|team| money.units(team.payout)).collect();
    let parts = units
        .and_then(|units| largest_remainder(&SPLIT_UNITS, &units))
        .ok_or_else(|| Error::new(JsonPath::root().key("teams"), ErrorKind::AmountTooLarge))?;
    Ok(teams
        .iter()
        .zip(parts)
        .map(|(team, part)| SplitShare {
            team: team.id.clone(),
            // A part is at most 10,000, so it fits in an i64.
            share: Decimal::new(part as i64, 4).normalize(),
        })
        .collect())
}

/// A gate as the calculation found it, for a statement to show.
fn gate_result(plan: &Plan, gate: &Gate, attainments: &[Exact]) -> GateResult {
    let attainment = attainments[gate.goal].clone();
    GateResult {
        goal: plan.goals[gate.goal].id.clone(),
        met: attainment >= gate.min,
        margin: attainment.sub(&gate.min),
        min: gate.min.clone(),
        attainment,
    }
}

fn gate_met(gate: Option<&Gate>, attainments: &[Exact]) -> bool {
    gate.is_none_or(|gate| attainments[gate.goal] >= gate.min)
}

/// Every result, or every error.
fn collect<T>(results: impl Iterator<Item = Result<T, Error>>) -> Result<Vec<T>, Errors> {
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(value) => values.push(value),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(values)
    } else {
        Err(Errors(errors))
    }
}
