//! Exact rational numbers: what every value computed from the plan's
//! decimals is (attainments, factors, modifiers, the products inside a line).
//!
//! 1,000,000 ÷ 1,200,000 is exactly 5/6 here, not 0.8333…3 cut to 28 digits,
//! so 90,000.00 × 0.5 × 5/6 is exactly 37,500.00 and rounds to it in every
//! mode. A value is a pair of 128-bit integers while its numerator and
//! denominator fit, which covers the numbers real plans hold; an operation
//! that would overflow moves to big integers (`num-rational`) instead, so no
//! valid plan fails for size and none is ever rounded early.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// Significant digits of a value shown in a Result.
pub const SHOWN_DIGITS: usize = 28;

/// An exact rational number.
#[derive(Debug, Clone)]
pub struct Exact(Repr);

#[derive(Debug, Clone)]
enum Repr {
    /// `num / den` in lowest terms with `den > 0`.
    Small { num: i128, den: i128 },
    /// Any value too large for `Small`, in lowest terms.
    Big(Box<BigRational>),
}

/// Where the part of a value below its last kept place falls, which is all
/// a rounding rule needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rest {
    /// Nothing below: the value is exact at this place.
    Zero,
    /// Above zero, below half a unit.
    BelowHalf,
    /// Exactly half a unit.
    Half,
    /// Above half a unit.
    AboveHalf,
}

impl Rest {
    fn of(twice_rest: Ordering, zero: bool) -> Rest {
        match (zero, twice_rest) {
            (true, _) => Rest::Zero,
            (false, Ordering::Less) => Rest::BelowHalf,
            (false, Ordering::Equal) => Rest::Half,
            (false, Ordering::Greater) => Rest::AboveHalf,
        }
    }
}

impl Exact {
    pub const ZERO: Exact = Exact(Repr::Small { num: 0, den: 1 });
    pub const ONE: Exact = Exact(Repr::Small { num: 1, den: 1 });
    pub const TWO: Exact = Exact(Repr::Small { num: 2, den: 1 });

    /// A whole number.
    pub fn int(n: i128) -> Exact {
        Exact(Repr::Small { num: n, den: 1 })
    }

    /// The value of a decimal, exactly.
    pub fn from_decimal(value: Decimal) -> Exact {
        // A mantissa has at most 96 bits and the scale at most 28, so both
        // fit; `small` reduces 1250/100 to 25/2.
        let den = 10i128.pow(value.scale());
        Exact::small(value.mantissa(), den).unwrap_or(Exact::ZERO)
    }

    /// `num / den` in lowest terms; `None` when `den` is zero.
    fn small(num: i128, den: i128) -> Option<Exact> {
        if den == 0 {
            return None;
        }
        let g = gcd(num.unsigned_abs(), den.unsigned_abs());
        // `g` divides both, so it fits, and dividing makes nothing larger;
        // a negative denominator moves its sign to the numerator, which only
        // overflows for i128::MIN, never reached from a plan.
        let g = i128::try_from(g).ok()?;
        let (num, den) = (num / g, den / g);
        Some(if den < 0 {
            Exact::from_big(BigRational::new(BigInt::from(num), BigInt::from(den)))
        } else {
            Exact(Repr::Small { num, den })
        })
    }

    /// A big value, kept small when it fits.
    fn from_big(value: BigRational) -> Exact {
        match (value.numer().to_i128(), value.denom().to_i128()) {
            (Some(num), Some(den)) => Exact(Repr::Small { num, den }),
            _ => Exact(Repr::Big(Box::new(value))),
        }
    }

    fn big(&self) -> BigRational {
        match &self.0 {
            Repr::Small { num, den } => {
                BigRational::new_raw(BigInt::from(*num), BigInt::from(*den))
            }
            Repr::Big(value) => (**value).clone(),
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Small { num: 0, .. })
    }

    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small { num, .. } => *num < 0,
            Repr::Big(value) => value.is_negative(),
        }
    }

    /// `self + other`.
    #[must_use]
    pub fn add(&self, other: &Exact) -> Exact {
        if let (Repr::Small { num: a, den: b }, Repr::Small { num: c, den: d }) = (&self.0, &other.0)
        {
            // a/b + c/d over the least common denominator.
            let g = gcd(b.unsigned_abs(), d.unsigned_abs()) as i128;
            let sum = (d / g)
                .checked_mul(*a)
                .zip((b / g).checked_mul(*c))
                .and_then(|(x, y)| x.checked_add(y));
            if let Some(value) = sum
                .zip((b / g).checked_mul(*d))
                .and_then(|(num, den)| Exact::small(num, den))
            {
                return value;
            }
        }
        Exact::from_big(self.big() + other.big())
    }

    /// `self − other`.
    #[must_use]
    pub fn sub(&self, other: &Exact) -> Exact {
        self.add(&other.neg())
    }

    fn neg(&self) -> Exact {
        match &self.0 {
            Repr::Small { num, den } if *num != i128::MIN => {
                Exact(Repr::Small { num: -num, den: *den })
            }
            _ => Exact::from_big(-self.big()),
        }
    }

    /// `self × other`.
    #[must_use]
    pub fn mul(&self, other: &Exact) -> Exact {
        if let (Repr::Small { num: a, den: b }, Repr::Small { num: c, den: d }) = (&self.0, &other.0)
        {
            // Cancel across first so that the products stay small and come
            // out in lowest terms.
            let g1 = gcd(a.unsigned_abs(), d.unsigned_abs()).max(1) as i128;
            let g2 = gcd(c.unsigned_abs(), b.unsigned_abs()).max(1) as i128;
            let num = (a / g1).checked_mul(c / g2);
            let den = (b / g2).checked_mul(d / g1);
            if let (Some(num), Some(den)) = (num, den) {
                return Exact(Repr::Small { num, den });
            }
        }
        Exact::from_big(self.big() * other.big())
    }

    /// `self ÷ other`; `None` when `other` is zero.
    pub fn div(&self, other: &Exact) -> Option<Exact> {
        if other.is_zero() {
            return None;
        }
        let inverse = match &other.0 {
            Repr::Small { num, den } if *num > 0 => Exact(Repr::Small { num: *den, den: *num }),
            Repr::Small { num, den } if *num != i128::MIN => Exact(Repr::Small {
                num: -den,
                den: -num,
            }),
            _ => Exact::from_big(other.big().recip()),
        };
        Some(self.mul(&inverse))
    }

    /// The larger of the two.
    #[must_use]
    pub fn max(self, other: Exact) -> Exact {
        if other > self {
            other
        } else {
            self
        }
    }

    /// The value scaled by 10^`places` and cut toward zero to a whole number,
    /// with where the rest falls; `None` when the whole number does not fit
    /// in 128 bits.
    pub fn scaled(&self, places: u32) -> Option<(i128, Rest)> {
        if let Repr::Small { num, den } = self.0 {
            if let Some(scaled) = 10i128.checked_pow(places).and_then(|p| num.checked_mul(p)) {
                let (whole, rest) = (scaled / den, (scaled % den).unsigned_abs());
                let twice = rest.checked_mul(2).map(|t| t.cmp(&den.unsigned_abs()));
                if let Some(twice) = twice {
                    return Some((whole, Rest::of(twice, rest == 0)));
                }
            }
        }
        let value = self.big();
        let scaled = value.numer() * BigInt::from(10).pow(places);
        // `div_rem` truncates toward zero, as the rounding rules expect.
        let (whole, rest) = scaled.div_rem(value.denom());
        let twice = (rest.abs() * 2u8).cmp(value.denom());
        Some((whole.to_i128()?, Rest::of(twice, rest.is_zero())))
    }

    /// The value as decimal text with at most `digits` significant digits,
    /// rounded half to even, without trailing zeros: `5/6` with 28 digits
    /// is "0.8333333333333333333333333333". For reading only.
    pub fn to_significant(&self, digits: usize) -> String {
        let (negative, whole, fraction, rest) = self.digits(digits + 1);
        let mut text = whole;
        let point = text.len();
        text.push_str(&fraction);
        round_half_even(&mut text, digits, rest);
        let (whole, fraction) = text.split_at(point.min(text.len()));
        let whole = whole.trim_start_matches('0');
        let fraction = fraction.trim_end_matches('0');
        let mut out = String::with_capacity(whole.len() + fraction.len() + 3);
        if negative && !(whole.is_empty() && fraction.is_empty()) {
            out.push('-');
        }
        out.push_str(if whole.is_empty() { "0" } else { whole });
        if !fraction.is_empty() {
            out.push('.');
            out.push_str(fraction);
        }
        out
    }

    /// The value rounded half to even to at most `places` decimal places,
    /// without trailing zeros: `2/3` to 2 places is "0.67". For reading.
    pub fn to_places(&self, places: u32) -> String {
        let rounded = self.scaled(places).and_then(|(whole, rest)| {
            let up = rest == Rest::AboveHalf || (rest == Rest::Half && whole % 2 != 0);
            let step = if self.is_negative() { -1 } else { 1 };
            let units = if up { whole.checked_add(step)? } else { whole };
            Decimal::try_from_i128_with_scale(units, places).ok()
        });
        match rounded {
            Some(value) => value.normalize().to_string(),
            None => self.to_significant(SHOWN_DIGITS),
        }
    }

    /// The sign, the whole part's digits (with a leading "0" so that
    /// carrying never needs to grow the text) and enough fraction digits for
    /// `needed` significant digits, and whether anything nonzero is left.
    fn digits(&self, needed: usize) -> (bool, String, String, bool) {
        if let Repr::Small { num, den } = self.0 {
            if let Some(parts) = small_digits(num, den, needed) {
                return parts;
            }
        }
        let value = self.big();
        let (whole, rest) = value.numer().abs().div_rem(value.denom());
        let whole = format!("0{whole}");
        // Enough places that `needed` significant digits are among them even
        // when the whole part is zero: the first significant fraction digit
        // is at most as far as the denominator has digits.
        let places = value.denom().to_string().len() + needed;
        let (fraction, left) = (rest * BigInt::from(10).pow(places as u32)).div_rem(value.denom());
        let fraction = format!("{fraction:0>places$}");
        (value.is_negative(), whole, fraction, !left.is_zero())
    }
}

/// `digits` for a small value, 19 fraction digits per 128-bit division;
/// `None` when the denominator is too large for that.
fn small_digits(num: i128, den: i128, needed: usize) -> Option<(bool, String, String, bool)> {
    const CHUNK: u128 = 10_000_000_000_000_000_000;
    let den = den.unsigned_abs();
    if den > u128::MAX / CHUNK {
        return None;
    }
    let magnitude = num.unsigned_abs();
    let whole = magnitude / den;
    let mut rest = magnitude % den;
    let whole = format!("0{whole}");
    let mut fraction = String::new();
    let significant = |whole: &str, fraction: &str| {
        let all = whole.bytes().chain(fraction.bytes());
        all.skip_while(|&d| d == b'0').count()
    };
    while rest != 0 && significant(&whole, &fraction) < needed {
        let scaled = rest * CHUNK;
        fraction.push_str(&format!("{:019}", scaled / den));
        rest = scaled % den;
    }
    Some((num < 0, whole, fraction, rest != 0))
}

/// Rounds the digit string `text` (no sign, no point, a leading zero) half
/// to even at `keep` significant digits, given whether anything nonzero lies
/// beyond its last digit; digits after the kept ones become zeros.
fn round_half_even(text: &mut String, keep: usize, beyond: bool) {
    let mut bytes = std::mem::take(text).into_bytes();
    let Some(first) = bytes.iter().position(|&d| d != b'0') else {
        *text = String::from_utf8(bytes).unwrap_or_default();
        return;
    };
    let cut = first + keep;
    if cut < bytes.len() {
        let next = bytes[cut];
        let sticky = beyond || bytes[cut + 1..].iter().any(|&d| d != b'0');
        let last_odd = (bytes[cut - 1] - b'0') % 2 == 1;
        let up = next > b'5' || (next == b'5' && (sticky || last_odd));
        for digit in &mut bytes[cut..] {
            *digit = b'0';
        }
        if up {
            // Carry leftwards; the leading zero absorbs a carry out of 9…9.
            for digit in bytes[..cut].iter_mut().rev() {
                if *digit == b'9' {
                    *digit = b'0';
                } else {
                    *digit += 1;
                    break;
                }
            }
        }
    }
    *text = String::from_utf8(bytes).unwrap_or_default();
}

/// Greatest common divisor (binary), 0 only when both are 0.
fn gcd(mut a: u128, mut b: u128) -> u128 {
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

impl PartialEq for Exact {
    fn eq(&self, other: &Exact) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Exact {}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Exact) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Exact {
    fn cmp(&self, other: &Exact) -> Ordering {
        if let (Repr::Small { num: a, den: b }, Repr::Small { num: c, den: d }) = (&self.0, &other.0)
        {
            // Denominators are positive, so a/b < c/d exactly when ad < cb.
            if let (Some(x), Some(y)) = (a.checked_mul(*d), c.checked_mul(*b)) {
                return x.cmp(&y);
            }
        }
        self.big().cmp(&other.big())
    }
}

/// Written as text with at most 28 significant digits, as the Result shows
/// every value that is not money.
impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_significant(SHOWN_DIGITS))
    }
}

impl From<Decimal> for Exact {
    fn from(value: Decimal) -> Exact {
        Exact::from_decimal(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Exact {
        Exact::from_decimal(text.parse().unwrap())
    }

    fn q(num: i128, den: i128) -> Exact {
        Exact::small(num, den).unwrap()
    }

    #[test]
    fn fractions_stay_exact() {
        let five_sixths = d("1000000").div(&d("1200000")).unwrap();
        assert_eq!(five_sixths, q(5, 6));
        let amount = d("90000.00").mul(&d("0.5")).mul(&five_sixths);
        assert_eq!(amount, d("37500"));
        assert_eq!(q(1, 3).add(&q(1, 6)), q(1, 2));
        assert_eq!(q(1, 3).sub(&q(1, 2)), q(-1, 6));
        assert_eq!(q(2, 7).mul(&q(7, 2)), Exact::ONE);
        assert_eq!(q(1, 3).div(&Exact::ZERO), None);
    }

    #[test]
    fn orders_exactly() {
        assert!(q(1, 3) < d("0.3333333333333333333333333334"));
        assert!(q(1, 3) > d("0.3333333333333333333333333333"));
        assert!(q(-1, 2) < Exact::ZERO);
    }

    #[test]
    fn overflowing_values_move_to_big_integers_and_back() {
        let big = d("9999999999999999999999999999")
            .div(&d("0.0000000000000000000000000001"))
            .unwrap();
        assert!(matches!(big.0, Repr::Big(_)));
        assert_eq!(big.to_significant(28), format!("9999999999999999999999999999{}", "0".repeat(28)));
        let back = big
            .div(&d("9999999999999999999999999999"))
            .unwrap()
            .mul(&d("0.0000000000000000000000000001"));
        assert!(matches!(back.0, Repr::Small { .. }));
        assert_eq!(back, Exact::ONE);
    }

    #[test]
    fn scaled_says_where_the_rest_falls() {
        assert_eq!(q(1, 8).scaled(2), Some((12, Rest::Half)));
        assert_eq!(q(1, 3).scaled(2), Some((33, Rest::BelowHalf)));
        assert_eq!(q(2, 3).scaled(2), Some((66, Rest::AboveHalf)));
        assert_eq!(d("37500").scaled(2), Some((3_750_000, Rest::Zero)));
        assert_eq!(q(-1, 8).scaled(2), Some((-12, Rest::Half)));
        let huge = d("9999999999999999999999999999").mul(&d("9999999999999999999999999999"));
        assert_eq!(huge.scaled(2), None);
        let tiny_den = q(1, 3).div(&d("9999999999999999999999999999")).unwrap();
        let tiny_den = tiny_den.div(&d("9999999999999999999999999999")).unwrap();
        assert_eq!(tiny_den.scaled(2), Some((0, Rest::BelowHalf)));
    }

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
            (q(99_999_999_999_999_999_999_999_999_995, 10), "10000000000000000000000000000"),
            (q(99_999_999_999_999_999_999_999_999_985, 10), "9999999999999999999999999998"),
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
    fn to_places_rounds_half_even_for_reading() {
        assert_eq!(q(2, 3).to_places(2), "0.67");
        assert_eq!(d("0.125").to_places(2), "0.12");
        assert_eq!(d("0.135").to_places(2), "0.14");
        assert_eq!(d("92.5").to_places(2), "92.5");
        assert_eq!(q(-2, 3).to_places(2), "-0.67");
    }

    #[test]
    fn big_values_write_the_same_digits() {
        let third = q(1, 3);
        let as_big = Exact(Repr::Big(Box::new(third.big())));
        assert_eq!(as_big.to_significant(28), third.to_significant(28));
        let odd = q(123_456_789, 7);
        let as_big = Exact(Repr::Big(Box::new(odd.big())));
        assert_eq!(as_big.to_significant(28), odd.to_significant(28));
    }

    #[test]
    fn gcd_is_binary_gcd() {
        assert_eq!(gcd(0, 0), 0);
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(0, 7), 7);
        assert_eq!(gcd(1 << 100, 3 << 98), 1 << 98);
    }
}
