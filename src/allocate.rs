//! Exact splits by the largest-remainder method.
//!
//! Each part first gets the whole units it is owed rounded down, then the
//! units left over go one each to the parts with the largest remainders, ties
//! to the part listed first. The parts always add up to the whole: no cent is
//! made or lost.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::natural::Natural;

/// Whole numbers a split can be made in: `u128`, fast, for the numbers real
/// plans hold, and `Natural` for any others.
pub trait Whole: Clone + Ord {
    fn from_u128(value: u128) -> Self;
    fn checked_add(&self, other: &Self) -> Option<Self>;
    fn checked_mul(&self, other: &Self) -> Option<Self>;
    /// Quotient and remainder by a nonzero divisor.
    fn div_rem(&self, divisor: &Self) -> (Self, Self);
    /// `self − other` for `other` at most `self`.
    fn minus(&self, other: &Self) -> Self;
    fn to_u128(&self) -> Option<u128>;
    /// The indices of the `count` largest of `values`, ties to the first
    /// listed, in list order.
    fn largest(values: &[Self], count: usize) -> Vec<usize> {
        let order = sorted_indices(values.len(), &|a, b| values[b].cmp(&values[a]));
        let mut taken = vec![false; values.len()];
        for &index in order.iter().take(count) {
            taken[index] = true;
        }
        (0..values.len()).filter(|&i| taken[i]).collect()
    }
}

impl Whole for u128 {
    fn from_u128(value: u128) -> Self {
        value
    }
    fn checked_add(&self, other: &Self) -> Option<Self> {
        u128::checked_add(*self, *other)
    }
    fn checked_mul(&self, other: &Self) -> Option<Self> {
        // In 64 bits when the product fits, as `div_rem` divides.
        let small = u64::try_from(*self).ok().zip(u64::try_from(*other).ok());
        match small.and_then(|(a, b)| a.checked_mul(b)) {
            Some(product) => Some(u128::from(product)),
            None => u128::checked_mul(*self, *other),
        }
    }
    fn div_rem(&self, divisor: &Self) -> (Self, Self) {
        let divisor = (*divisor).max(1);
        // In 64 bits when both fit, as a share of a payout in cents does:
        // one machine division, where 128 bits take a call (in Wasm, a
        // third of splitting 10,000 members' payouts).
        match (u64::try_from(*self), u64::try_from(divisor)) {
            (Ok(n), Ok(d)) => (u128::from(n / d), u128::from(n % d)),
            _ => (self / divisor, self % divisor),
        }
    }
    fn minus(&self, other: &Self) -> Self {
        self.saturating_sub(*other)
    }
    fn to_u128(&self) -> Option<u128> {
        Some(*self)
    }
    /// By the `count`-th largest value, found without sorting them all
    /// (sorting 10,000 members' remainders took a tenth of calculating
    /// their payouts in Wasm).
    fn largest(values: &[u128], count: usize) -> Vec<usize> {
        if count == 0 || count >= values.len() {
            return (0..count.min(values.len())).collect();
        }
        let Some(threshold) = nth_smallest(&mut values.to_vec(), values.len() - count) else {
            let naturals: Vec<Natural> = values.iter().map(|&v| Natural::from_u128(v)).collect();
            return Natural::largest(&naturals, count);
        };
        let mut ties = count - values.iter().filter(|&&value| value > threshold).count();
        let mut taken = |value: u128| match value.cmp(&threshold) {
            Ordering::Greater => true,
            Ordering::Equal if ties > 0 => {
                ties -= 1;
                true
            }
            _ => false,
        };
        (0..values.len()).filter(|&i| taken(values[i])).collect()
    }
}

impl Whole for Natural {
    fn from_u128(value: u128) -> Self {
        Natural::from_u128(value)
    }
    fn checked_add(&self, other: &Self) -> Option<Self> {
        Some(self.add(other))
    }
    fn checked_mul(&self, other: &Self) -> Option<Self> {
        Some(self.mul(other))
    }
    fn div_rem(&self, divisor: &Self) -> (Self, Self) {
        Natural::div_rem(self, divisor).unwrap_or_default()
    }
    fn minus(&self, other: &Self) -> Self {
        self.sub(other)
    }
    fn to_u128(&self) -> Option<u128> {
        Natural::to_u128(self)
    }
}

/// The value that would be at `at` if `values` were sorted, by quickselect:
/// the median of three values at places drawn by a fixed sequence (the
/// first, middle and last place let a sorted list slow it down), and the
/// values less than it, equal to it and greater (so that many equal values,
/// such as equal shares' remainders, take one pass). `None` after twice as
/// many rounds as halvings of the list, so that no order of values makes
/// it slow: the caller then sorts. The
/// standard library's `select_nth_unstable` does the same, but its copy for
/// `u128` made the page's module 11 KB larger.
fn nth_smallest(values: &mut [u128], at: usize) -> Option<u128> {
    let (mut low, mut high) = (0, values.len());
    let mut rounds = 2 * (usize::BITS - values.len().leading_zeros());
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut place = |low: usize, high: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        low + (state % (high - low) as u64) as usize
    };
    while high - low > 1 {
        rounds = rounds.checked_sub(1)?;
        let (a, b, c) = (
            values[place(low, high)],
            values[place(low, high)],
            values[place(low, high)],
        );
        let pivot = a.max(b).min(a.min(b).max(c));
        // values[low..less] < pivot, values[less..i] = pivot, values[more..high] > pivot.
        let (mut less, mut i, mut more) = (low, low, high);
        while i < more {
            match values[i].cmp(&pivot) {
                Ordering::Less => {
                    values.swap(less, i);
                    less += 1;
                    i += 1;
                }
                Ordering::Greater => {
                    more -= 1;
                    values.swap(i, more);
                }
                Ordering::Equal => i += 1,
            }
        }
        match at {
            at if at < less => high = less,
            at if at >= more => low = more,
            _ => return Some(pivot),
        }
    }
    values.get(low).copied()
}

/// Splits `total` whole units in proportion to `weights`. All parts are zero
/// when the weights sum to zero. `None` when a number outgrows `T`.
pub fn largest_remainder<T: Whole>(total: &T, weights: &[T]) -> Option<Vec<T>> {
    let zero = T::from_u128(0);
    let sum = weights
        .iter()
        .try_fold(zero.clone(), |sum, w| sum.checked_add(w))?;
    if sum == zero {
        return Some(vec![zero; weights.len()]);
    }
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for weight in weights {
        let (part, remainder) = total.checked_mul(weight)?.div_rem(&sum);
        parts.push(part);
        remainders.push(remainder);
    }
    let given = parts
        .iter()
        .try_fold(zero.clone(), |sum, part| sum.checked_add(part))?;
    // Fewer units are left than there are parts.
    let left = usize::try_from(total.minus(&given).to_u128()?).ok()?;
    // The `left` parts of the largest remainders, ties to the part listed
    // first.
    let one = T::from_u128(1);
    for index in T::largest(&remainders, left) {
        parts[index] = parts[index].checked_add(&one)?;
    }
    Some(parts)
}

/// The indices `0..n` in the order `compare` gives, equal ones in list
/// order (a stable sort). Not generic, so that the Wasm module holds one
/// copy of the sort for every list that needs one.
pub(crate) fn sorted_indices(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Turns positive decimal shares into whole numbers with the same ratios
/// (`0.5` and `0.25` become `50` and `25`). `None` when they outgrow `T`.
pub fn share_weights<T: Whole>(shares: &[Decimal]) -> Option<Vec<T>> {
    let scale = shares
        .iter()
        .map(|s| s.normalize().scale())
        .max()
        .unwrap_or(0);
    shares
        .iter()
        .map(|share| {
            let share = share.normalize();
            let mantissa = T::from_u128(u128::try_from(share.mantissa()).ok()?);
            // Scales are at most 28, so the power fits in 128 bits.
            let power = T::from_u128(10u128.checked_pow(scale - share.scale())?);
            mantissa.checked_mul(&power)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_by_largest_remainder() {
        let cases: [(u128, &[u128], &[u128]); 7] = [
            (100, &[1, 1, 1], &[34, 33, 33]),
            (101, &[1, 1, 1], &[34, 34, 33]),
            (10, &[1, 1, 1], &[4, 3, 3]),
            (10000, &[2, 1], &[6667, 3333]),
            (5, &[0, 0], &[0, 0]),
            (0, &[3, 7], &[0, 0]),
            (7, &[1, 0, 2], &[2, 0, 5]),
        ];
        for (total, weights, expected) in cases {
            assert_eq!(
                largest_remainder(&total, weights).as_deref(),
                Some(expected)
            );
        }
    }

    #[test]
    fn ties_go_to_the_first_listed() {
        assert_eq!(largest_remainder(&1u128, &[1, 1]), Some(vec![1, 0]));
        assert_eq!(
            largest_remainder(&2u128, &[1, 2, 1, 2]),
            Some(vec![0, 1, 0, 1])
        );
    }

    #[test]
    fn shares_become_whole_weights() {
        let shares: Vec<Decimal> = ["0.5", "0.25", "2"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(share_weights::<u128>(&shares), Some(vec![50, 25, 200]));
    }

    #[test]
    fn too_large_for_128_bits_is_none_and_splits_in_naturals() {
        assert_eq!(largest_remainder(&u128::MAX, &[2, 1]), None);
        assert_eq!(largest_remainder(&1u128, &[u128::MAX, 1]), None);
        let big = |n: u128| Natural::from_u128(n);
        let parts = largest_remainder(&big(u128::MAX), &[big(2), big(1)]).unwrap();
        let third = u128::MAX / 3;
        assert_eq!(parts, [big(2 * third), big(third)]);
        let wide: Vec<Decimal> = [
            "0.0000000000000000000000000001",
            "9999999999999999999999999999",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
        assert_eq!(share_weights::<u128>(&wide), None);
        let weights = share_weights::<Natural>(&wide).unwrap();
        let parts = largest_remainder(&big(1_000_000), &weights).unwrap();
        assert_eq!(parts, [big(0), big(1_000_000)]);
    }

    /// `count` lists of up to `longest` values below up to `spread`, from
    /// a fixed sequence (a linear congruential generator) started at `seed`:
    /// small spreads make many equal values.
    fn lists(mut seed: u64, count: usize, longest: u64, spread: u64) -> Vec<Vec<u128>> {
        let mut next = move |below: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % below
        };
        (0..count)
            .map(|_| {
                let n = 1 + next(longest);
                let spread = 1 + next(spread);
                (0..n).map(|_| u128::from(next(spread))).collect()
            })
            .collect()
    }

    /// The 128-bit selection of the largest remainders takes the parts the
    /// sort of `Natural`s takes, ties to the first listed, for every count.
    #[test]
    fn the_largest_are_those_a_sort_finds() {
        for values in lists(7, 200, 40, 6) {
            let n = values.len();
            let naturals: Vec<Natural> = values.iter().map(|&v| Natural::from_u128(v)).collect();
            for count in 0..=n {
                assert_eq!(
                    u128::largest(&values, count),
                    Natural::largest(&naturals, count),
                    "{values:?} {count}"
                );
            }
        }
    }

    /// Quickselect finds what a sort puts at each place, for lists of many
    /// equal values and of none, in any order.
    #[test]
    fn the_nth_smallest_is_where_a_sort_puts_it() {
        for values in lists(11, 300, 60, 100) {
            let mut sorted = values.clone();
            sorted.sort();
            for (at, expected) in sorted.iter().enumerate() {
                let found = super::nth_smallest(&mut values.clone(), at);
                assert_eq!(found, Some(*expected), "{values:?} {at}");
            }
        }
        // Sorted, reversed and all equal: the pivot keeps them quick.
        let ascending: Vec<u128> = (0..10_000).collect();
        let descending: Vec<u128> = (0..10_000).rev().collect();
        for (i, values) in [ascending, descending, vec![5; 10_000]]
            .into_iter()
            .enumerate()
        {
            assert!(
                super::nth_smallest(&mut values.clone(), 6_000).is_some(),
                "{i}"
            );
        }
    }
}
