//! Exact splits by the largest-remainder method.
//!
//! Each part first gets the whole units it is owed rounded down, then the
//! units left over go one each to the parts with the largest remainders, ties
//! to the part listed first. The parts always add up to the whole: no cent is
//! made or lost.

use rust_decimal::Decimal;

/// Splits `total` whole units in proportion to `weights`. All parts are zero
/// when the weights sum to zero. `None` when the numbers are too large for
/// exact 128-bit arithmetic.
pub fn largest_remainder(total: u128, weights: &[u128]) -> Option<Vec<u128>> {
    let sum = weights
        .iter()
        .try_fold(0u128, |sum, &w| sum.checked_add(w))?;
    if sum == 0 {
        return Some(vec![0; weights.len()]);
    }
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for &weight in weights {
        let owed = total.checked_mul(weight)?;
        parts.push(owed / sum);
        remainders.push(owed % sum);
    }
    let given: u128 = parts.iter().sum();
    let left = usize::try_from(total - given).ok()?;
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // A stable sort keeps equal remainders in list order.
    order.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]));
    for &index in order.iter().take(left) {
        parts[index] += 1;
    }
    Some(parts)
}

/// Turns positive decimal shares into whole numbers with the same ratios
/// (`0.5` and `0.25` become `50` and `25`). `None` when they do not fit.
pub fn share_weights(shares: &[Decimal]) -> Option<Vec<u128>> {
    let scale = shares
        .iter()
        .map(|s| s.normalize().scale())
        .max()
        .unwrap_or(0);
    shares
        .iter()
        .map(|share| {
            let share = share.normalize();
            let mantissa = u128::try_from(share.mantissa()).ok()?;
            10u128
                .checked_pow(scale - share.scale())?
                .checked_mul(mantissa)
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
            assert_eq!(largest_remainder(total, weights).as_deref(), Some(expected));
        }
    }

    #[test]
    fn ties_go_to_the_first_listed() {
        assert_eq!(largest_remainder(1, &[1, 1]), Some(vec![1, 0]));
        assert_eq!(largest_remainder(2, &[1, 2, 1, 2]), Some(vec![0, 1, 0, 1]));
    }

    #[test]
    fn shares_become_whole_weights() {
        let shares: Vec<Decimal> = ["0.5", "0.25", "2"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(share_weights(&shares), Some(vec![50, 25, 200]));
    }

    #[test]
    fn too_large_is_none_not_a_panic() {
        assert_eq!(largest_remainder(u128::MAX, &[2, 1]), None);
        assert_eq!(largest_remainder(1, &[u128::MAX, 1]), None);
    }
}
