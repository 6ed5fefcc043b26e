//! Why the expected cost differs from the cost at the likely results
//! (MODEL.md, "Why the cost differs, and the plan's economics"): the
//! standard error of the mean total, what bound each team's pay in the
//! trials, and the part of each team's mean payout earned on shared goals.
//! Everything is counted in the trials' own pass.

use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::curve::Place;
use crate::exact::{Exact, Rest};
use crate::money::Money;
use crate::natural::Natural;
use crate::plan::{Method, Plan};
use crate::sweep::{Paid, Split};

/// How many trials in which a curve held an attainment below its
/// threshold, on a segment steeper than attainment, and beyond its last
/// point, and (for a goal) in which the goal's gate stopped it.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct PlaceCounts([u32; 4]);

impl PlaceCounts {
    pub(super) fn count(&mut self, place: Place, gated: bool) {
        let flags = [
            place.below_threshold,
            place.accelerated,
            place.beyond_last,
            gated,
        ];
        for (count, flag) in self.0.iter_mut().zip(flags) {
            *count += u32::from(flag);
        }
    }

    fn shares(&self, trials: u32, goal: bool) -> Curved {
        let [below, accelerated, beyond, gated] = self.0.map(|c| share(c, trials));
        Curved {
            below_threshold: below,
            accelerated,
            beyond_last: beyond,
            gate_closed: goal.then_some(gated),
        }
    }
}

/// `count ÷ trials`, exactly: the fraction of trials every chance and count is.
pub(super) fn share(count: u32, trials: u32) -> Exact {
    Exact::ratio(i128::from(count), i128::from(trials.max(1))).unwrap_or(Exact::ZERO)
}

/// One trial, as the counts need it: the plan, where each goal's
/// attainment fell on its curve, and whether each goal's gate stopped it.
#[derive(Clone, Copy)]
pub(super) struct Trial<'a> {
    pub(super) plan: &'a Plan,
    pub(super) places: &'a [Place],
    pub(super) gated: &'a [bool],
}

/// What one team's pay met in the trials, counted as they run.
#[derive(Debug, Clone)]
pub(super) struct TeamCounts {
    capped: u32,
    gate_closed: u32,
    own_gate_closed: u32,
    /// For a weighted team, per goal it weights (index), where the goal's
    /// attainment fell on the goal's curve.
    goals: Vec<(usize, PlaceCounts)>,
    /// For a blended team, where the blended attainment fell on its curve.
    blended: Option<PlaceCounts>,
    shared: SharedSum,
}

impl TeamCounts {
    pub(super) fn new(plan: &Plan, t: usize) -> TeamCounts {
        let team = &plan.teams[t];
        let weighted = matches!(team.method, Method::Weighted);
        let weighs = (0..plan.goals.len()).filter(|&g| team.weights[g] > Exact::ZERO);
        TeamCounts {
            capped: 0,
            gate_closed: 0,
            own_gate_closed: 0,
            goals: match weighted {
                true => weighs.map(|g| (g, PlaceCounts::default())).collect(),
                false => Vec::new(),
            },
            blended: (!weighted).then(PlaceCounts::default),
            shared: SharedSum::default(),
        }
    }

    /// Counts one trial: the team was paid `units`, as `paid` says.
    pub(super) fn count(&mut self, trial: Trial<'_>, t: usize, units: u64, paid: &Paid) {
        self.capped += u32::from(paid.capped);
        self.gate_closed += u32::from(paid.gate_closed);
        self.own_gate_closed += u32::from(paid.own_gate_closed);
        for (g, counts) in &mut self.goals {
            counts.count(trial.places[*g], trial.gated[*g]);
        }
        if let (Some(counts), Some(blended), crate::plan::Method::Blended(curve)) = (
            &mut self.blended,
            &paid.blended,
            &trial.plan.teams[t].method,
        ) {
            counts.count(curve.place(blended), false);
        }
        self.shared.add(trial.plan.money, units, &paid.split);
    }

    pub(super) fn binding(&self, plan: &Plan, trials: u32) -> Binding {
        Binding {
            capped: share(self.capped, trials),
            gate_closed: share(self.gate_closed, trials),
            own_gate_closed: share(self.own_gate_closed, trials),
            goals: Goals(
                self.goals
                    .iter()
                    .map(|(g, counts)| (plan.goals[*g].id.clone(), counts.shares(trials, true)))
                    .collect(),
            ),
            blended: self.blended.map(|counts| counts.shares(trials, false)),
        }
    }

    /// The mean of the trials' shared parts, rounded once; `None` when the
    /// fast sum cannot tell which way it rounds.
    pub(super) fn mean_shared(&self, money: Money, trials: u32) -> Option<Decimal> {
        self.shared.mean(money, trials)
    }
}

/// Fractions of the trials in which something bound a team's pay.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Binding {
    /// The team's cap cut its payout.
    pub capped: Exact,
    /// The team's gate, or the gate of a goal it weights, paid nothing.
    pub gate_closed: Exact,
    /// The team's own gate paid it nothing (an addition to MODEL.md: a
    /// goal's gate zeroes only that goal's line, so words tell them apart).
    pub own_gate_closed: Exact,
    /// Each goal a weighted team weights: where its attainment fell on the
    /// goal's curve.
    pub goals: Goals,
    /// A blended team: where its blended attainment fell on its own curve
    /// (the curve its pay turns on; its goals' curves do not apply).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blended: Option<Curved>,
}

/// Per goal id, in plan order; written as an object keyed by goal id.
#[derive(Debug, Clone, PartialEq)]
pub struct Goals(pub Vec<(String, Curved)>);

impl Serialize for Goals {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, curved) in &self.0 {
            map.serialize_entry(id, curved)?;
        }
        map.end()
    }
}

/// Fractions of the trials in which an attainment fell below a curve's
/// threshold (its first point, when above 0), on a segment whose factor
/// rises faster than attainment, and above its last point.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Curved {
    pub below_threshold: Exact,
    pub accelerated: Exact,
    pub beyond_last: Exact,
    /// For a goal: its own gate stopped it (its factor 0), an addition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gate_closed: Option<Exact>,
}

/// Places kept of each trial's shared part, in minor units: 10⁻¹².
const PLACES: u32 = 12;
const SCALE: u128 = 1_000_000_000_000;

/// The sum of the trials' shared parts (payout × shared ÷ lines), each cut
/// to 10⁻¹² of a minor unit, and how many were cut.
#[derive(Debug, Clone, Default)]
struct SharedSum {
    scaled: u128,
    cut: u32,
    /// A part too large for 128 bits: the fast sum gives up.
    overflow: bool,
}

impl SharedSum {
    fn add(&mut self, money: Money, units: u64, split: &Split) {
        let part = match split {
            // Line amounts: whole minor units, so the part is
            // units × shared ÷ all in integers.
            Split::Amounts(shared, all) => {
                let (Some(shared), Some(all)) = (money.units(*shared), money.units(*all)) else {
                    self.overflow = true;
                    return;
                };
                scaled_part(u128::from(units), shared, all)
            }
            Split::Parts(shared, all) => {
                if shared.is_zero() || all.is_zero() {
                    return;
                }
                let ratio = shared.div(all).unwrap_or(Exact::ZERO);
                let part = Exact::int(i128::from(units)).mul(&ratio).scaled(PLACES);
                part.and_then(|(whole, rest)| {
                    Some((u128::try_from(whole).ok()?, rest != Rest::Zero))
                })
            }
        };
        match part {
            Some((whole, cut)) => {
                self.cut += u32::from(cut);
                match self.scaled.checked_add(whole) {
                    Some(sum) => self.scaled = sum,
                    None => self.overflow = true,
                }
            }
            None => self.overflow = true,
        }
    }

    /// The mean, rounded once. The true sum lies in [scaled, scaled + cut)
    /// (above `scaled` when anything was cut); when no whole or half minor
    /// unit of the mean falls strictly inside, every value there rounds
    /// alike, and one is rounded. Otherwise `None`.
    fn mean(&self, money: Money, trials: u32) -> Option<Decimal> {
        if self.overflow {
            return None;
        }
        let n = u128::from(trials.max(1));
        // Sums are in 10⁻¹² minor units: a minor unit of the mean is
        // `unit` of them, a half one `unit / 2` (n × 10¹² is even).
        let unit = n.checked_mul(SCALE)?;
        let half = unit / 2;
        let (low, cut) = (self.scaled, u128::from(self.cut));
        if cut > 0 {
            let next = (low / half + 1).checked_mul(half)?;
            if next < low.checked_add(cut)? {
                return None;
            }
        }
        let places = 10i128.checked_pow(money.decimals)?;
        let den = i128::try_from(unit).ok()?.checked_mul(places)?;
        let num = i128::try_from(low).ok()?;
        // Just above `low` when something was cut: (2·low + 1) / (2·den).
        let mean = match cut {
            0 => Exact::ratio(num, den)?,
            _ => Exact::ratio(num.checked_mul(2)?.checked_add(1)?, den.checked_mul(2)?)?,
        };
        money.round(&mean)
    }
}

/// `units × shared ÷ all` in 10⁻¹² minor units, cut toward zero, and
/// whether anything was cut; 0 when `all` is 0. `None` when it does not fit.
fn scaled_part(units: u128, shared: u128, all: u128) -> Option<(u128, bool)> {
    if all == 0 || shared == 0 {
        return Some((0, false));
    }
    let product = units.checked_mul(shared)?;
    let (whole, rest) = (product / all, product % all);
    let fraction = rest.checked_mul(SCALE)?;
    let scaled = whole.checked_mul(SCALE)?.checked_add(fraction / all)?;
    Some((scaled, fraction % all != 0))
}

/// The mean of the trials' shared parts, summed exactly: what the fast sum
/// falls back on when it cannot tell how its mean rounds.
#[derive(Debug, Clone)]
pub(super) struct ExactShared(Exact);

impl Default for ExactShared {
    fn default() -> Self {
        ExactShared(Exact::ZERO)
    }
}

impl ExactShared {
    pub(super) fn add(&mut self, units: u64, paid: &Paid) {
        let ratio = match &paid.split {
            Split::Amounts(shared, all) => Exact::from(*shared).div(&Exact::from(*all)),
            Split::Parts(shared, all) => shared.div(all),
        };
        if let Some(ratio) = ratio {
            self.0 = self.0.add(&Exact::int(i128::from(units)).mul(&ratio));
        }
    }

    pub(super) fn mean(&self, money: Money, trials: u32) -> Option<Decimal> {
        let places = 10i128.checked_pow(money.decimals)?;
        let den = Exact::int(i128::from(trials.max(1)) * places);
        money.round(&self.0.div(&den)?)
    }
}

/// The sample standard deviation of `column` (minor units) divided by √n,
/// rounded once to money; `None` for fewer than two trials.
pub(super) fn standard_error(money: Money, column: &[u64]) -> Option<Decimal> {
    let n = column.len() as u128;
    if n < 2 {
        return None;
    }
    // SE² = (n Σx² − (Σx)²) / (n² (n − 1)), in minor units squared.
    let mut sum = 0u128;
    let mut squares = Natural::default();
    let mut pending = 0u128;
    for &x in column {
        sum += u128::from(x);
        let square = u128::from(x) * u128::from(x);
        match pending.checked_add(square) {
            Some(s) => pending = s,
            None => {
                squares = squares.add(&Natural::from_u128(pending));
                pending = square;
            }
        }
    }
    let squares = squares.add(&Natural::from_u128(pending));
    let sum = Natural::from_u128(sum);
    let big_n = Natural::from_u128(n);
    let num = big_n.mul(&squares).sub(&sum.mul(&sum));
    let den = Natural::from_u128(n * n * (n - 1));
    // The largest s with s² ≤ num / den: from the floor of the quotient.
    let (quotient, _) = num.div_rem(&den)?;
    let s = isqrt(quotient.to_u128()?);
    // Where √(num/den) falls between s and s + 1: exactly s when s²·den =
    // num; against s + ½ by 4·num against (2s + 1)²·den.
    let rest = if Natural::from_u128(s * s).mul(&den) == num {
        Rest::Zero
    } else {
        let twice = Natural::from_u128(2 * s + 1);
        let four = num.times(4);
        match four.cmp(&twice.mul(&twice).mul(&den)) {
            std::cmp::Ordering::Less => Rest::BelowHalf,
            std::cmp::Ordering::Equal => Rest::Half,
            std::cmp::Ordering::Greater => Rest::AboveHalf,
        }
    };
    money.round_cut(s, rest)
}

/// The largest s with s² ≤ n (u128::isqrt is newer than the crate's
/// oldest supported Rust): a float's guess, then corrected exactly.
fn isqrt(n: u128) -> u128 {
    let mut s = libm::sqrt(n as f64) as u128;
    while s.checked_mul(s).is_none_or(|square| square > n) {
        s -= 1;
    }
    while (s + 1).checked_mul(s + 1).is_some_and(|square| square <= n) {
        s += 1;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Rounding;

    const CENTS: Money = Money {
        decimals: 2,
        rounding: Rounding::HalfEven,
    };

    #[test]
    fn integer_square_roots() {
        for (n, s) in [
            (0, 0),
            (1, 1),
            (3, 1),
            (4, 2),
            (99, 9),
            (100, 10),
            (u128::MAX, u64::MAX as u128),
        ] {
            assert_eq!(isqrt(n), s, "{n}");
        }
        let big = (1u128 << 60) + 12345;
        assert_eq!(isqrt(big * big), big);
        assert_eq!(isqrt(big * big - 1), big - 1);
    }

    #[test]
    fn the_standard_error_by_hand() {
        // 100.00, 200.00, 300.00, 400.00: mean 250, squared deviations
        // 22500 + 2500 + 2500 + 22500 = 50000 (in dollars²), sample
        // variance 50000 / 3, SE² = 50000 / 12 = 4166.67, SE = 64.5497…
        let column = [10_000, 20_000, 30_000, 40_000];
        assert_eq!(
            standard_error(CENTS, &column),
            Some("64.55".parse().unwrap())
        );
        // Every trial alike: no spread, no error.
        assert_eq!(
            standard_error(CENTS, &[5_000; 7]),
            Some("0.00".parse().unwrap())
        );
        assert_eq!(standard_error(CENTS, &[5_000]), None);
        // 0.00 and 0.01 (cents 0, 1): SE² = (2·1 − 1) / (4·1) = 1/4 cent²,
        // SE = 0.5 cents exactly: half to even gives 0.00, half up 0.01.
        assert_eq!(
            standard_error(CENTS, &[0, 1]),
            Some("0.00".parse().unwrap())
        );
        let half_up = Money {
            decimals: 2,
            rounding: Rounding::HalfUp,
        };
        assert_eq!(
            standard_error(half_up, &[0, 1]),
            Some("0.01".parse().unwrap())
        );
    }

    #[test]
    fn the_shared_mean_rounds_once_and_knows_when_it_cannot_tell() {
        let third = Exact::ratio(1, 3).unwrap();
        // Two trials paying 100.00 and 200.00, a third of each on shared
        // goals: 33.333… + 66.666… = 100 exactly, mean 50.00, a whole cent.
        // Both parts were cut, so the fast sum (just under 100) cannot tell
        // whether the mean is 49.99… or 50.00…: it says so, and the exact
        // sum answers.
        let parts = Split::Parts(third.clone(), Exact::ONE);
        let mut sum = SharedSum::default();
        sum.add(CENTS, 10_000, &parts);
        sum.add(CENTS, 20_000, &parts);
        assert_eq!(sum.mean(CENTS, 2), None);
        let shared = |payout: u64| Paid {
            payout: Decimal::new(payout as i64, 2),
            capped: false,
            gate_closed: false,
            split: parts.clone(),
            blended: None,
            own_gate_closed: false,
        };
        let mut exact = ExactShared::default();
        exact.add(10_000, &shared(10_000));
        exact.add(20_000, &shared(20_000));
        assert_eq!(exact.mean(CENTS, 2), Some("50.00".parse().unwrap()));
        // Parts 100.00 × 1/4 and 300.00 × 1/4 are exact: 25.00 + 75.00.
        let quarter = Split::Parts(Exact::ratio(1, 4).unwrap(), Exact::ONE);
        let mut even = SharedSum::default();
        even.add(CENTS, 10_000, &quarter);
        even.add(CENTS, 30_000, &quarter);
        assert_eq!(even.mean(CENTS, 2), Some("50.00".parse().unwrap()));
        // Line amounts, in integers: 100.00 paid on lines of 10.00 (shared)
        // and 20.00: 33.333… cut; 200.00 on 30.00 of 30.00: 200.00 whole.
        let mut amounts = SharedSum::default();
        let d = |text: &str| text.parse::<Decimal>().unwrap();
        amounts.add(CENTS, 10_000, &Split::Amounts(d("10.00"), d("30.00")));
        assert_eq!(
            (amounts.scaled, amounts.cut),
            (3_333 * SCALE + 333_333_333_333, 1)
        );
        amounts.add(CENTS, 20_000, &Split::Amounts(d("30.00"), d("30.00")));
        assert_eq!(amounts.scaled, 23_333 * SCALE + 333_333_333_333);
        // (33.333… + 200) / 2 = 116.666… → 116.67.
        assert_eq!(amounts.mean(CENTS, 2), Some("116.67".parse().unwrap()));
        // One trial, 0.01 with half on shared goals: 0.005 exactly, a tie.
        let half = Split::Parts(Exact::ratio(1, 2).unwrap(), Exact::ONE);
        let mut tie = SharedSum::default();
        tie.add(CENTS, 1, &half);
        assert_eq!(tie.mean(CENTS, 1), Some("0.00".parse().unwrap()));
        // A sum cut just below a half unit cannot tell: the fast path says so.
        let unsure = SharedSum {
            scaled: SCALE / 2 - 1,
            cut: 2,
            overflow: false,
        };
        assert_eq!(unsure.mean(CENTS, 1), None);
        // Cut exactly at a half: the true value is above it.
        let above = SharedSum {
            scaled: SCALE / 2,
            cut: 1,
            overflow: false,
        };
        assert_eq!(above.mean(CENTS, 1), Some("0.01".parse().unwrap()));
    }
}
