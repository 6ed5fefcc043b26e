//! The calculation, steps 1 to 10 of the plan model.
//!
//! Only money is rounded, and only where a step says so; attainments,
//! factors and modifiers keep rust_decimal's full 28 digits. Every operation
//! is checked: an overflow is an error naming the input that caused it.

use rust_decimal::Decimal;

use crate::allocate::{largest_remainder, share_weights};
use crate::check::warnings;
use crate::decimal::{add, div, mul, sub};
use crate::error::{Error, ErrorKind, Errors};
use crate::money::Money;
use crate::plan::{Direction, Gate, Method, Plan, Team};
use crate::report::{
    GoalResult, Line, MemberResult, MethodName, Report, SplitShare, TeamResult, Total,
};

/// The joint split is in steps of 0.0001: 10,000 units make the whole.
const SPLIT_UNITS: u128 = 10_000;

/// Calculates a valid plan.
pub fn calculate(plan: &Plan) -> Result<Report, Errors> {
    let attainments = attainments(plan)?;
    let factors = goal_factors(plan, &attainments)?;
    let shared = plan.shared_goals();
    let mut teams = team_results(plan, &attainments, &factors, &shared)?;
    for (t, team) in teams.iter_mut().enumerate() {
        team.members = members(plan, t, team.payout)?;
    }

    let money = plan.money;
    let sum = |field: fn(&TeamResult) -> Decimal| {
        teams
            .iter()
            .try_fold(money.zero(), |sum, team| add(sum, field(team)))
            .ok_or_else(|| Error::new("teams", ErrorKind::Overflow))
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
            |(((goal, &attainment), &(factor, gated)), &shared)| GoalResult {
                id: goal.id.clone(),
                name: goal.name.clone(),
                attainment,
                factor,
                gated,
                shared,
            },
        )
        .collect();

    Ok(Report {
        currency: plan.currency.clone(),
        decimals: money.decimals,
        rounding: money.rounding,
        goals,
        teams,
        total: Total {
            target_incentive: total_target,
            payout: total_payout,
            payout_ratio: ratio(total_payout, total_target),
        },
        split,
        warnings: warnings(plan),
    })
}

/// Step 1: each goal's attainment, in plan order.
pub(crate) fn attainments(plan: &Plan) -> Result<Vec<Decimal>, Errors> {
    collect(plan.goals.iter().enumerate().map(|(g, goal)| {
        let ratio = div(goal.actual, goal.target);
        let attainment = match goal.direction {
            Direction::HigherIsBetter => ratio,
            Direction::LowerIsBetter => ratio
                .and_then(|r| sub(Decimal::TWO, r))
                .map(|a| a.max(Decimal::ZERO)),
        };
        attainment.ok_or_else(|| Error::new(format!("goals[{g}].actual"), ErrorKind::Overflow))
    }))
}

/// Steps 2 and 3: each goal's payout factor, and whether its gate stopped it.
pub(crate) fn goal_factors(
    plan: &Plan,
    attainments: &[Decimal],
) -> Result<Vec<(Decimal, bool)>, Errors> {
    collect(plan.goals.iter().enumerate().map(|(g, goal)| {
        if !gate_met(goal.gate.as_ref(), attainments) {
            return Ok((Decimal::ZERO, true));
        }
        let factor = goal.curve.factor(attainments[g]);
        factor
            .map(|f| (f, false))
            .ok_or_else(|| Error::new(format!("goals[{g}].curve"), ErrorKind::Overflow))
    }))
}

/// Steps 4 to 7 and 10 for every team; members are left empty.
pub(crate) fn team_results(
    plan: &Plan,
    attainments: &[Decimal],
    factors: &[(Decimal, bool)],
    shared: &[bool],
) -> Result<Vec<TeamResult>, Errors> {
    collect(
        plan.teams
            .iter()
            .enumerate()
            .map(|(t, team)| team_result(plan, t, team, attainments, factors, shared)),
    )
}

fn team_result(
    plan: &Plan,
    t: usize,
    team: &Team,
    attainments: &[Decimal],
    factors: &[(Decimal, bool)],
    shared: &[bool],
) -> Result<TeamResult, Error> {
    let money = plan.money;
    let overflow = |field: &str| Error::new(format!("teams[{t}].{field}"), ErrorKind::Overflow);
    let ti = team.target_incentive;

    // Step 4: the subtotal, by lines or blended.
    let mut lines = Vec::new();
    let (subtotal, blended_attainment, shared_payout) = match &team.method {
        Method::Weighted => {
            let mut subtotal = money.zero();
            let mut shared_payout = money.zero();
            for (g, goal) in plan.goals.iter().enumerate() {
                let weight = team.weights[g];
                if weight <= Decimal::ZERO {
                    continue;
                }
                let (factor, _) = factors[g];
                let weighted = mul(ti, weight);
                let amount = weighted.and_then(|w| money.round(mul(w, factor)?));
                let at_target = weighted.and_then(|w| money.round(w));
                let (Some(at_target), Some(amount)) = (at_target, amount) else {
                    return Err(overflow(&format!("weights.{}", goal.id)));
                };
                subtotal = add(subtotal, amount).ok_or_else(|| overflow("weights"))?;
                if shared[g] {
                    shared_payout =
                        add(shared_payout, amount).ok_or_else(|| overflow("weights"))?;
                }
                lines.push(Line {
                    goal: goal.id.clone(),
                    weight,
                    at_target,
                    factor,
                    amount,
                });
            }
            (subtotal, None, Some(shared_payout))
        }
        Method::Blended(curve) => {
            let blended = team
                .weights
                .iter()
                .zip(attainments)
                .try_fold(Decimal::ZERO, |sum, (w, a)| add(sum, mul(*w, *a)?))
                .ok_or_else(|| overflow("weights"))?;
            let subtotal = curve
                .factor(blended)
                .and_then(|f| mul(ti, f))
                .and_then(|amount| money.round(amount))
                .ok_or_else(|| overflow("curve"))?;
            (subtotal, Some(blended), None)
        }
    };

    // Step 5: modifiers multiply the subtotal.
    let mut modifier = None;
    let mut after_modifiers = None;
    let mut after = subtotal;
    if !team.modifiers.is_empty() {
        let mut m = Decimal::ONE;
        for (i, modifier) in team.modifiers.iter().enumerate() {
            m = modifier
                .curve
                .factor(attainments[modifier.goal])
                .and_then(|f| mul(m, f))
                .ok_or_else(|| overflow(&format!("modifiers[{i}].curve")))?;
        }
        after = mul(subtotal, m)
            .and_then(|amount| money.round(amount))
            .ok_or_else(|| overflow("modifiers"))?;
        modifier = Some(m);
        after_modifiers = Some(after);
    }

    // Steps 6 and 7: the team gate, then the cap.
    let gated = !gate_met(team.gate.as_ref(), attainments);
    let mut payout = if gated { money.zero() } else { after };
    let cap_amount = match team.cap {
        Some(cap) => Some(
            mul(cap, ti)
                .and_then(|amount| money.round(amount))
                .ok_or_else(|| overflow("cap"))?,
        ),
        None => None,
    };
    let capped = cap_amount.is_some_and(|limit| payout > limit);
    if let (Some(limit), true) = (cap_amount, capped) {
        payout = limit;
    }

    // Step 10: the stake in shared goals.
    let shared_stake = team
        .weights
        .iter()
        .zip(shared)
        .filter(|(_, &s)| s)
        .try_fold(Decimal::ZERO, |sum, (w, _)| add(sum, *w))
        .ok_or_else(|| overflow("weights"))?;

    Ok(TeamResult {
        id: team.id.clone(),
        name: team.name.clone(),
        target_incentive: ti,
        method: match team.method {
            Method::Weighted => MethodName::Weighted,
            Method::Blended(_) => MethodName::Blended,
        },
        lines,
        blended_attainment,
        subtotal,
        modifier,
        after_modifiers,
        gated,
        capped,
        cap_amount,
        payout,
        payout_ratio: ratio(payout, ti),
        shared_stake,
        shared_payout,
        members: Vec::new(),
    })
}

/// Step 8: the team payout split among members by share, to the minor unit.
fn members(plan: &Plan, t: usize, payout: Decimal) -> Result<Vec<MemberResult>, Error> {
    let team = &plan.teams[t];
    if team.members.is_empty() {
        return Ok(Vec::new());
    }
    let money = plan.money;
    let shares: Vec<Decimal> = team.members.iter().map(|m| m.share).collect();
    let parts = share_weights(&shares)
        .zip(money.units(payout))
        .and_then(|(weights, units)| largest_remainder(units, &weights))
        .ok_or_else(|| Error::new(format!("teams[{t}].members"), ErrorKind::Overflow))?;
    team.members
        .iter()
        .zip(parts)
        .map(|(member, units)| {
            let payout = money
                .amount(units)
                .ok_or_else(|| Error::new(format!("teams[{t}].members"), ErrorKind::Overflow))?;
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
        .and_then(|units| largest_remainder(SPLIT_UNITS, &units))
        .ok_or_else(|| Error::new("teams", ErrorKind::Overflow))?;
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

fn gate_met(gate: Option<&Gate>, attainments: &[Decimal]) -> bool {
    gate.is_none_or(|gate| attainments[gate.goal] >= gate.min)
}

/// `part ÷ whole`, or `None` when the whole is zero.
fn ratio(part: Decimal, whole: Decimal) -> Option<Decimal> {
    div(part, whole).map(|r| r.normalize())
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
