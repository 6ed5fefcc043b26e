//! The statistics of a simulation's trials: each payout's mean and
//! nearest-rank percentiles as money, Pearson's correlations between teams
//! and with the forecast goals, and the total's histogram. Payouts come in
//! as whole minor units, so only the correlations use floats.

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::decimal::{serialize_money, serialize_money_opt};
use crate::exact::Exact;
use crate::money::{Money, Rounding};
use crate::names::Named;
use crate::plan::Plan;

/// Bins of the total payout's histogram.
const BINS: usize = 30;

/// Mean and nearest-rank percentiles of a payout, as money.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    #[serde(serialize_with = "serialize_money")]
    pub mean: Decimal,
    #[serde(serialize_with = "serialize_money")]
    pub min: Decimal,
    #[serde(serialize_with = "serialize_money")]
    pub p5: Decimal,
    #[serde(serialize_with = "serialize_money")]
    pub p10: Decimal,
    #[serde(serialize_with = "serialize_money")]
    pub p50: Decimal,
    #[serde(serialize_with = "serialize_money")]
    pub p90: Decimal,
    #[serde(serialize_with = "serialize_money")]
    pub p95: Decimal,
    #[serde(serialize_with = "serialize_money")]
    pub max: Decimal,
}

/// Pearson's correlation between two teams' payouts, or between a team's
/// payout and a forecast goal's attainment (`b` the goal's id).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correlation {
    pub a: String,
    pub b: String,
    /// Four decimal places; none when either side never varies.
    #[serde(serialize_with = "serialize_money_opt")]
    pub value: Option<Decimal>,
    /// How tied the two are, in the bands words use; none without a value.
    pub tie: Option<Tie>,
}

/// How tied two payouts are, by Pearson's correlation `r`: they move
/// together from 0.7, partly together from 0.3, almost independently above
/// −0.3, and in opposite directions below. The CLI says them in the words of
/// its table; the page in its own language, asking the core (`tie`) for the
/// band of a correlation it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tie {
    Together,
    Partly,
    Independent,
    Opposite,
}

impl Serialize for Tie {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.name().serialize(serializer)
    }
}

impl Named for Tie {
    const TABLE: &'static [(Self, &'static str, &'static str)] = &[
        (Tie::Together, "together", "move together"),
        (Tie::Partly, "partly", "partly move together"),
        (Tie::Independent, "independent", "move almost independently"),
        (Tie::Opposite, "opposite", "move in opposite directions"),
    ];
}

impl Tie {
    pub fn of(r: Decimal) -> Tie {
        let tenths = |n: i64| Decimal::new(n, 1);
        if r >= tenths(7) {
            Tie::Together
        } else if r >= tenths(3) {
            Tie::Partly
        } else if r > tenths(-3) {
            Tie::Independent
        } else {
            Tie::Opposite
        }
    }
}

impl Correlation {
    fn new(a: &str, b: &str, value: Option<Decimal>) -> Correlation {
        Correlation {
            a: a.to_owned(),
            b: b.to_owned(),
            tie: value.map(Tie::of),
            value,
        }
    }
}

/// The total payout in 30 equal bins from the least to the most.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Histogram {
    #[serde(serialize_with = "serialize_money")]
    pub from: Decimal,
    #[serde(serialize_with = "serialize_money")]
    pub to: Decimal,
    pub counts: Vec<u32>,
}

/// A payout column's statistics, and the column sorted.
pub(super) struct Summary<'a> {
    pub(super) stats: Stats,
    pub(super) sorted: &'a [u64],
}

impl<'a> Summary<'a> {
    pub(super) fn of(plan: &Plan, column: &'a mut Vec<u64>) -> Option<Summary<'a>> {
        let n = column.len();
        let sum: u128 = column.iter().map(|&u| u128::from(u)).sum();
        column.sort_unstable();
        let scale = 10i128.checked_pow(plan.money.decimals)?;
        let mean = Exact::ratio(i128::try_from(sum).ok()?, (n as i128).checked_mul(scale)?)?;
        let money = |units: u64| plan.money.amount(u128::from(units));
        // The ⌈k/100 × n⌉-th smallest, counted from 1.
        let rank = |k: usize| money(column[(k * n).div_ceil(100).max(1) - 1]);
        Some(Summary {
            stats: Stats {
                mean: plan.money.round(&mean)?,
                min: money(*column.first()?)?,
                p5: rank(5)?,
                p10: rank(10)?,
                p50: rank(50)?,
                p90: rank(90)?,
                p95: rank(95)?,
                max: money(*column.last()?)?,
            },
            sorted: column,
        })
    }

    /// How many trials paid more than `units` (trials are counted in u32).
    pub(super) fn above(&self, units: u128) -> u32 {
        let below_or_at = self.sorted.partition_point(|&u| u128::from(u) <= units);
        (self.sorted.len() - below_or_at) as u32
    }
}

/// Pearson's correlations: every pair of teams, then every team with every
/// forecast goal's attainment (`goals`: the forecast goals' indices in the
/// plan).
pub(super) fn correlations(
    plan: &Plan,
    goals: &[usize],
    payouts: &[Vec<u64>],
    attainments: &[Vec<f64>],
) -> Vec<Correlation> {
    let floats: Vec<Vec<f64>> = payouts
        .iter()
        .map(|c| c.iter().map(|&u| u as f64).collect())
        .collect();
    let mut list = Vec::new();
    let teams = &plan.teams;
    for a in 0..teams.len() {
        for b in a + 1..teams.len() {
            list.push(Correlation::new(
                &teams[a].id,
                &teams[b].id,
                pearson(&floats[a], &floats[b]),
            ));
        }
    }
    for (t, team) in teams.iter().enumerate() {
        for (g, goal) in goals.iter().enumerate() {
            list.push(Correlation::new(
                &team.id,
                &plan.goals[*goal].id,
                pearson(&floats[t], &attainments[g]),
            ));
        }
    }
    list
}

/// Pearson's correlation to four places (half to even); none when either
/// side is the same in every trial.
fn pearson(x: &[f64], y: &[f64]) -> Option<Decimal> {
    let varies = |v: &[f64]| v.iter().any(|&a| a != v[0]);
    if x.is_empty() || !varies(x) || !varies(y) {
        return None;
    }
    let n = x.len() as f64;
    let mean_x = x.iter().sum::<f64>() / n;
    let mean_y = y.iter().sum::<f64>() / n;
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mean_x, b - mean_y);
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    let r = (sxy / libm::sqrt(sxx * syy)).clamp(-1.0, 1.0);
    let four_places = Money {
        decimals: 4,
        rounding: Rounding::HalfEven,
    };
    four_places.round(&Exact::from_f64(r)?)
}

/// The sorted total payouts in 30 equal bins, each half-open but the last.
pub(super) fn histogram(plan: &Plan, sorted: &[u64]) -> Histogram {
    let (from, to) = (
        sorted.first().copied().unwrap_or(0),
        sorted.last().copied().unwrap_or(0),
    );
    let mut counts = vec![0u32; BINS];
    let width = u128::from(to - from);
    for &units in sorted {
        let bin = match width {
            0 => 0,
            _ => (u128::from(units - from) * BINS as u128 / width) as usize,
        };
        counts[bin.min(BINS - 1)] += 1;
    }
    let money = |units: u64| plan.money.amount(u128::from(units)).unwrap_or_default();
    Histogram {
        from: money(from),
        to: money(to),
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::Tie;

    #[test]
    fn ties_are_banded_at_seven_three_and_minus_three_tenths() {
        let tie = |r: &str| Tie::of(r.parse().unwrap());
        for (r, band) in [
            ("1", Tie::Together),
            ("0.7", Tie::Together),
            ("0.6999", Tie::Partly),
            ("0.3", Tie::Partly),
            ("0.2999", Tie::Independent),
            ("-0.2999", Tie::Independent),
            ("-0.3", Tie::Opposite),
            ("-1", Tie::Opposite),
        ] {
            assert_eq!(tie(r), band, "{r}");
        }
    }
}
