//! The plan's economics (MODEL.md, "Why the cost differs, and the plan's
//! economics"): each team's on-target earnings and pay mix, and what the
//! plan costs against the revenue it is paid on.
//!
//! Ratios are exact; a front end shows them rounded half to even to four
//! places (percent with two).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::decimal::{add, serialize_money_opt};
use crate::exact::Exact;
use crate::plan::Plan;
use crate::report::TeamResult;

/// What the plan's bases and revenue goal make of its pay; `None` (null)
/// when the plan gives neither.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Economics {
    pub teams: Vec<TeamEconomics>,
    /// `None` without a revenue goal.
    pub cost_of_sales: Option<CostOfSales>,
}

/// One team's on-target earnings and pay mix; every part `None` when the
/// team has no base.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamEconomics {
    pub id: String,
    #[serde(serialize_with = "serialize_money_opt")]
    pub base: Option<Decimal>,
    /// Base + target incentive.
    #[serde(serialize_with = "serialize_money_opt")]
    pub ote: Option<Decimal>,
    /// Target incentive ÷ OTE: the variable part of the pay mix; `None` when
    /// the OTE is 0.
    pub incentive_share: Option<Exact>,
}

/// Pay as a fraction of revenue. Teams without a base count 0 for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CostOfSales {
    /// (Σ base + Σ target incentive) ÷ the revenue goal's target.
    pub at_target: Option<Exact>,
    /// (Σ base + Σ payout) ÷ the revenue goal's actual; `None` when the
    /// actual is 0.
    pub at_actual: Option<Exact>,
}

/// The economics of a calculated plan; `teams` are its results.
pub(crate) fn economics(plan: &Plan, teams: &[TeamResult]) -> Option<Box<Economics>> {
    if plan.revenue_goal.is_none() && plan.teams.iter().all(|t| t.base.is_none()) {
        return None;
    }
    let exact = |amount: Option<Decimal>| amount.map(Exact::from);
    let team_economics = plan
        .teams
        .iter()
        .map(|team| {
            let ote = team.base.and_then(|b| add(b, team.target_incentive));
            TeamEconomics {
                id: team.id.clone(),
                base: team.base,
                ote,
                incentive_share: exact(ote)
                    .and_then(|ote| Exact::from(team.target_incentive).div(&ote)),
            }
        })
        .collect();
    let cost_of_sales = plan.revenue_goal.map(|g| {
        let goal = &plan.goals[g];
        let bases = plan.teams.iter().fold(Exact::ZERO, |sum, t| {
            sum.add(&exact(t.base).unwrap_or(Exact::ZERO))
        });
        let incentives = teams
            .iter()
            .fold(Exact::ZERO, |sum, t| sum.add(&t.target_incentive.into()));
        let payouts = teams
            .iter()
            .fold(Exact::ZERO, |sum, t| sum.add(&t.payout.into()));
        CostOfSales {
            at_target: bases.add(&incentives).div(&goal.target),
            at_actual: bases.add(&payouts).div(&goal.actual),
        }
    });
    Some(Box::new(Economics {
        teams: team_economics,
        cost_of_sales,
    }))
}
