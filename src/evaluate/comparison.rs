//! The scenarios side by side: each team's payout, its difference from the
//! first scenario's and its change for ten more points of the charted goal.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Error;
use crate::exact::Exact;
use crate::plan::Plan;
use crate::report::Report;
use crate::sweep::{SweepPoint, Sweeper};

/// One scenario in the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Compared {
    Payouts(Comparison),
    Invalid { errors: Vec<Error> },
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

/// The payouts at ten more points of `goal`'s attainment, exactly: the plan
/// swept to now + 1/10; `None` when the plan has no such goal.
pub(super) fn ten_points_more(plan: &Plan, report: &Report, goal: &str) -> Option<SweepPoint> {
    let g = plan.goals.iter().position(|g| g.id == goal)?;
    let ten_points = Exact::int(1).div(&Exact::int(10)).unwrap_or(Exact::ZERO);
    let later = report.goals[g].attainment.add(&ten_points);
    Sweeper::new(plan, g).ok()?.point(later).ok()
}

/// One scenario's payouts beside `first`'s, and their change for ten more
/// points of the charted goal (`later`: the payouts there).
pub(super) fn compare(
    report: &Report,
    first: Option<&Report>,
    later: Option<&SweepPoint>,
) -> Comparison {
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
