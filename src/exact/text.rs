//! An exact value as decimal text: at most 28 significant digits, rounded
//! half to even, as the Result shows every value that is not money, or to a
//! number of places for reading. The digits come from the fraction by long
//! division (128-bit while the denominator leaves room, big naturals
//! otherwise), never through a float.

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use super::{product, quotient, Exact, Repr};
use crate::decimal::serialize_plain;
use crate::natural::push_digits;

/// `n` (above zero) without its factors 5, and how many there were; in 64
/// bits when it fits, as a plan's denominators do (a 128-bit remainder is a
/// library call in Wasm).
fn without_fives(n: i128) -> (i128, u32) {
    let mut fives = 0;
    if let Ok(mut narrow) = u64::try_from(n) {
        while narrow % 5 == 0 {
            narrow /= 5;
            fives += 1;
        }
        return (i128::from(narrow), fives);
    }
    let mut rest = n;
    while rest % 5 == 0 {
        rest /= 5;
        fives += 1;
    }
    (rest, fives)
}

/// Significant digits of a value shown in a Result.
pub const SHOWN_DIGITS: usize = 28;

impl Exact {
    /// The value as decimal text with at most `digits` significant digits,
    /// rounded half to even, without trailing zeros: `5/6` with 28 digits
    /// is "0.8333333333333333333333333333". For reading only.
    pub fn to_significant(&self, digits: usize) -> String {
        let mut value = self.digits(digits + 1);
        round_half_even(&mut value.text, digits, value.beyond);
        // Written in place and without slicing strings, so that no panic
        // path (and its formatting code) comes into the Wasm module.
        let point = value.point;
        let text = &mut value.text;
        let last = text
            .iter()
            .rposition(|&d| d != b'0')
            .map_or(0, |i| i + 1)
            .max(point);
        text.truncate(last);
        if last > point {
            text.insert(point, b'.');
        }
        // Keep one zero before the point: the text starts with one.
        let first = text
            .iter()
            .position(|&d| d != b'0')
            .unwrap_or(point)
            .min(point - 1);
        text.drain(..first);
        if value.negative && text.iter().any(|&d| (b'1'..=b'9').contains(&d)) {
            text.insert(0, b'-');
        }
        String::from_utf8(value.text).unwrap_or_default()
    }

    /// The value as a decimal, when it is one with at most 28 significant
    /// digits (its denominator a product of 2s and 5s).
    pub(crate) fn to_decimal(&self) -> Option<Decimal> {
        let Repr::Small { num, den } = self.0 else {
            return None;
        };
        let twos = den.trailing_zeros();
        let (rest, fives) = without_fives(den >> twos);
        let scale = twos.max(fives);
        if rest != 1 || scale > 28 {
            return None;
        }
        // num/den = num × (10^scale / den) / 10^scale.
        let mantissa = product(num, quotient(10i128.checked_pow(scale)?, den))?;
        let limit = 10i128.pow(SHOWN_DIGITS as u32);
        if mantissa.unsigned_abs() >= limit.unsigned_abs() {
            return None;
        }
        Decimal::try_from_i128_with_scale(mantissa, scale).ok()
    }

    /// Enough digits of the value for `needed` significant digits.
    fn digits(&self, needed: usize) -> Digits {
        if let Repr::Small { num, den } = self.0 {
            if let Some(digits) = small_digits(num, den, needed) {
                return digits;
            }
        }
        let parts = self.parts();
        let (whole, mut rest) = parts.num.div_rem(&parts.den).unwrap_or_default();
        let mut text = vec![b'0'];
        whole.push_digits(&mut text);
        let point = text.len();
        // Nine fraction digits per long division, until there are enough.
        while !rest.is_zero() && significant(&text) < needed {
            let (chunk, left) = rest
                .times(1_000_000_000)
                .div_rem(&parts.den)
                .unwrap_or_default();
            push_digits(&mut text, chunk.to_u128().unwrap_or(0), 9);
            rest = left;
        }
        Digits {
            negative: parts.negative,
            text,
            point,
            beyond: !rest.is_zero(),
        }
    }
}

/// The digits of a value's magnitude: a leading zero (so that carrying out
/// of 9…9 never grows the text), the whole part, then fraction digits from
/// `point` on; `beyond` when something nonzero follows the last of them.
struct Digits {
    negative: bool,
    text: Vec<u8>,
    point: usize,
    beyond: bool,
}

/// How many significant digits `text` holds.
fn significant(text: &[u8]) -> usize {
    text.iter().skip_while(|&&d| d == b'0').count()
}

/// `digits` for a small value, with as many fraction digits per 128-bit
/// division as the denominator leaves room for; `None` when it leaves room
/// for none.
fn small_digits(num: i128, den: i128, needed: usize) -> Option<Digits> {
    let den = den.unsigned_abs();
    let room = u128::MAX / den;
    let (mut chunk, mut width) = (10u128, 1);
    while width < 19 && chunk * 10 <= room {
        chunk *= 10;
        width += 1;
    }
    if chunk > room {
        return None;
    }
    let magnitude = num.unsigned_abs();
    let whole = magnitude / den;
    let mut rest = magnitude - whole * den;
    // Room for 39 whole digits and 29 + 19 fraction digits: one allocation.
    let mut text = Vec::with_capacity(96);
    text.push(b'0');
    push_digits(&mut text, whole, 0);
    let point = text.len();
    // A denominator of 32 bits leaves the whole division to 64-bit
    // instructions, nine digits at a time.
    if let (Ok(den), Ok(mut narrow)) = (u32::try_from(den), u64::try_from(rest)) {
        let den = u64::from(den);
        while narrow != 0 && significant(&text) < needed {
            let scaled = narrow * 1_000_000_000;
            let digits = scaled / den;
            push_digits(&mut text, u128::from(digits), 9);
            narrow = scaled - digits * den;
        }
        rest = u128::from(narrow);
    }
    while rest != 0 && significant(&text) < needed {
        let scaled = rest * chunk;
        let digits = scaled / den;
        push_digits(&mut text, digits, width);
        rest = scaled - digits * den;
    }
    Some(Digits {
        negative: num < 0,
        text,
        point,
        beyond: rest != 0,
    })
}

/// Rounds the digits `text` (a leading zero, no sign or point) half to even
/// at `keep` significant digits, given whether anything nonzero lies beyond
/// its last digit; digits after the kept ones become zeros.
fn round_half_even(text: &mut [u8], keep: usize, beyond: bool) {
    let Some(first) = text.iter().position(|&d| d != b'0') else {
        return;
    };
    let cut = first + keep;
    let (Some(&next), Some(&last)) = (text.get(cut), text.get(cut.wrapping_sub(1))) else {
        return;
    };
    let (kept, dropped) = text.split_at_mut(cut);
    let sticky = beyond || dropped.iter().skip(1).any(|&d| d != b'0');
    let up = next > b'5' || (next == b'5' && (sticky || (last - b'0') % 2 == 1));
    dropped.fill(b'0');
    if up {
        // Carry leftwards; the leading zero absorbs a carry out of 9…9.
        for digit in kept.iter_mut().rev() {
            if *digit == b'9' {
                *digit = b'0';
            } else {
                *digit += 1;
                break;
            }
        }
    }
}

/// Written as text with at most 28 significant digits, as the Result shows
/// every value that is not money.
impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.to_decimal() {
            // Most values are short decimals: written without allocating.
            Some(value) => serialize_plain(&value, serializer),
            None => serializer.serialize_str(&self.to_significant(SHOWN_DIGITS)),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use super::*;
    use crate::exact::tests::{d, q};

    #[test]
    fn writes_28_significant_digits_half_even() {
        let cases = [
            (q(5, 6), "0.8333333333333333333333333333"),
            (q(2, 3), "0.6666666666666666666666666667"),
            (q(10, 3), "3.333333333333333333333333333"),
            (q(1, 3000), "0.0003333333333333333333333333333"),
            (d("0.925"), "0.925"),
            (d("1250000.00"), "1250000"),
            (Exact::ZERO, "0"),
            (q(-1, 8), "-0.125"),
            (
                q(99_999_999_999_999_999_999_999_999_995, 10),
                "10000000000000000000000000000",
            ),
            (
                q(99_999_999_999_999_999_999_999_999_985, 10),
                "9999999999999999999999999998",
            ),
        ];
        for (value, expected) in cases {
            assert_eq!(value.to_significant(28), expected);
        }
        // Half to even at the 28th digit, and a carry through nines.
        assert_eq!(d("0.125").to_significant(2), "0.12");
        assert_eq!(d("0.135").to_significant(2), "0.14");
        assert_eq!(d("0.1251").to_significant(2), "0.13");
        assert_eq!(d("9.96").to_significant(2), "10");
        assert_eq!(d("123456").to_significant(2), "120000");
    }

    #[test]
    fn short_decimals_are_written_like_long_ones() {
        for value in [
            d("0.925"),
            d("1250000"),
            q(-1, 8),
            q(37, 40),
            d("0.0000000000000000000000000001"),
        ] {
            let fast = value.to_decimal().map(|d| d.normalize().to_string());
            assert_eq!(fast, Some(value.to_significant(28)));
        }
        assert_eq!(q(1, 3).to_decimal(), None);
        assert_eq!(d("1").div(&d("3")).and_then(|x| x.to_decimal()), None);
    }

    #[test]
    fn big_values_write_the_same_digits() {
        for value in [q(1, 3), q(123_456_789, 7), q(-5, 6), d("0.925")] {
            let as_big = Exact(Repr::Big(Box::new(value.parts().into_owned())));
            assert_eq!(as_big.to_significant(28), value.to_significant(28));
            assert_eq!(as_big.scaled(2), value.scaled(2));
            assert_eq!(as_big.cmp(&value), Ordering::Equal);
        }
    }
}
