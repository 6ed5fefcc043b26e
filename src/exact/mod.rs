//! Exact rational numbers: what every value computed from the plan's
//! decimals is (attainments, factors, modifiers, the products inside a line).
//!
//! 1,000,000 ÷ 1,200,000 is exactly 5/6 here, not 0.8333…3 cut to 28 digits,
//! so 90,000.00 × 0.5 × 5/6 is exactly 37,500.00 and rounds to it in every
//! mode. A value is a pair of 128-bit integers while its numerator and
//! denominator fit, which covers the numbers real plans hold; an operation
//! that would overflow moves to big naturals (`natural.rs`) instead, so no
//! valid plan fails for size and none is ever rounded early.

pub(crate) mod text;

use std::borrow::Cow;
use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::natural::{gcd64, Natural};

/// An exact rational number.
#[derive(Debug, Clone)]
pub struct Exact(Repr);

#[derive(Debug, Clone)]
enum Repr {
    /// `num / den` in lowest terms with `den > 0`.
    Small { num: i128, den: i128 },
    /// Any value too large for `Small`, in lowest terms.
    Big(Box<Parts>),
}

/// A value as sign, numerator and denominator (above zero) of any size.
#[derive(Debug, Clone)]
struct Parts {
    negative: bool,
    num: Natural,
    den: Natural,
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
    #[inline(never)]
    pub fn from_decimal(value: Decimal) -> Exact {
        // A mantissa has at most 96 bits and the scale at most 28, so both
        // fit; `small` reduces 1250/100 to 25/2.
        let den = 10i128.pow(value.scale());
        Exact::small(value.mantissa(), den).unwrap_or(Exact::ZERO)
    }

    /// `num / den`; `None` when `den` is zero.
    pub fn ratio(num: i128, den: i128) -> Option<Exact> {
        Exact::small(num, den)
    }

    /// The exact value of a finite float: every one is `m × 2^e` with whole
    /// `m` and `e`. `None` for NaN, the infinities and values of 2¹²⁷ or more.
    pub fn from_f64(x: f64) -> Option<Exact> {
        if !x.is_finite() {
            return None;
        }
        let bits = x.to_bits();
        let biased = (bits >> 52) & 0x7ff;
        let fraction = bits & ((1 << 52) - 1);
        // Subnormals have no hidden bit and the least exponent.
        let (mut m, mut e) = match biased {
            0 => (fraction, -1074),
            _ => (fraction | 1 << 52, biased as i32 - 1075),
        };
        if m == 0 {
            return Some(Exact::ZERO);
        }
        let zeros = m.trailing_zeros();
        m >>= zeros;
        e += zeros as i32;
        let m = if bits >> 63 == 1 {
            -i128::from(m)
        } else {
            i128::from(m)
        };
        if e >= 0 {
            // m < 2⁵³, so m × 2^e fits below 2¹²⁷ while e ≤ 74.
            return (e <= 74).then(|| Exact::int(m << e));
        }
        // m is odd: m / 2^-e is in lowest terms.
        let mut shift = e.unsigned_abs();
        let step = shift.min(126);
        let mut value = Exact(Repr::Small {
            num: m,
            den: 1 << step,
        });
        shift -= step;
        while shift > 0 {
            let step = shift.min(126);
            value = value.div(&Exact::int(1 << step))?;
            shift -= step;
        }
        Some(value)
    }

    /// A float near the value (within a few units in the last place), for
    /// statistics that are not money. Made of integer conversions and one
    /// division, not of text parsing, whose tables would double the module.
    pub fn to_f64(&self) -> f64 {
        match &self.0 {
            Repr::Small { num, den } => *num as f64 / *den as f64,
            Repr::Big(_) => match self.scaled(18) {
                Some((whole, _)) => whole as f64 / 1e18,
                None => 0.0,
            },
        }
    }

    /// `num / den` in lowest terms; `None` when `den` is zero.
    #[inline(never)]
    fn small(num: i128, den: i128) -> Option<Exact> {
        if den == 0 {
            return None;
        }
        let g = gcd(num.unsigned_abs(), den.unsigned_abs());
        // `g` divides both, so it fits, and dividing makes nothing larger;
        // a negative denominator moves its sign to the numerator, which only
        // overflows for i128::MIN, never reached from a plan.
        let g = i128::try_from(g).ok()?;
        let (num, den) = (quotient(num, g), quotient(den, g));
        Some(if den < 0 {
            Exact::from_parts(
                num < 0,
                Natural::from_u128(num.unsigned_abs()),
                Natural::from_u128(den.unsigned_abs()),
            )
        } else {
            Exact(Repr::Small { num, den })
        })
    }

    /// `±num / den` in lowest terms, kept small when it fits; `den` is not zero.
    #[inline(never)]
    fn from_parts(negative: bool, num: Natural, den: Natural) -> Exact {
        let g = num.gcd(&den);
        Exact::from_reduced(negative, num.divided(&g), den.divided(&g))
    }

    /// `±num / den` already in lowest terms, kept small when it fits.
    fn from_reduced(negative: bool, num: Natural, den: Natural) -> Exact {
        if num.is_zero() {
            return Exact::ZERO;
        }
        let small = |n: &Natural| n.to_u128().and_then(|n| i128::try_from(n).ok());
        match (small(&num), small(&den)) {
            (Some(n), Some(den)) => Exact(Repr::Small {
                num: if negative { -n } else { n },
                den,
            }),
            _ => Exact(Repr::Big(Box::new(Parts { negative, num, den }))),
        }
    }

    /// The value as sign, numerator and denominator of any size.
    #[inline(never)]
    fn parts(&self) -> Cow<'_, Parts> {
        match &self.0 {
            Repr::Small { num, den } => Cow::Owned(Parts {
                negative: *num < 0,
                num: Natural::from_u128(num.unsigned_abs()),
                den: Natural::from_u128(den.unsigned_abs()),
            }),
            Repr::Big(parts) => Cow::Borrowed(parts),
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Small { num: 0, .. })
    }

    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small { num, .. } => *num < 0,
            Repr::Big(parts) => parts.negative,
        }
    }

    /// `self + other`.
    #[must_use]
    #[inline(never)]
    pub fn add(&self, other: &Exact) -> Exact {
        // Adding nothing, as a sum over goals a team does not weight does.
        if other.is_zero() {
            return self.clone();
        }
        if self.is_zero() {
            return other.clone();
        }
        if let (Repr::Small { num: a, den: b }, Repr::Small { num: c, den: d }) =
            (&self.0, &other.0)
        {
            // The same denominator, as weights and amounts of one plan
            // mostly have: one gcd to reduce the sum.
            if b == d {
                if let Some(sum) = a.checked_add(*c) {
                    let g = gcd(sum.unsigned_abs(), b.unsigned_abs()).max(1) as i128;
                    return Exact(Repr::Small {
                        num: quotient(sum, g),
                        den: quotient(*b, g),
                    });
                }
            }
            // a/b + c/d over the least common denominator, then reduced by
            // what the sum still shares with g (Knuth, TAOCP 4.5.1).
            let g = gcd(b.unsigned_abs(), d.unsigned_abs()) as i128;
            let (b_g, d_g) = (quotient(*b, g), quotient(*d, g));
            let sum = product(*a, d_g)
                .zip(product(*c, b_g))
                .and_then(|(x, y)| x.checked_add(y));
            if let Some(sum) = sum {
                let g2 = gcd(sum.unsigned_abs(), g.unsigned_abs()).max(1) as i128;
                if let Some(den) = product(b_g, quotient(*d, g2)) {
                    return Exact(Repr::Small {
                        num: quotient(sum, g2),
                        den,
                    });
                }
            }
        }
        // As above, over the least common denominator; the gcds are cheap
        // when one side is small, as it is when a sum grows term by term.
        let (x, y) = (self.parts(), other.parts());
        let g = x.den.gcd(&y.den);
        let (x_den, y_den) = (x.den.divided(&g), y.den.divided(&g));
        let (left, right) = (x.num.mul(&y_den), y.num.mul(&x_den));
        let (negative, sum) = if x.negative == y.negative {
            (x.negative, left.add(&right))
        } else if left >= right {
            (x.negative, left.sub(&right))
        } else {
            (y.negative, right.sub(&left))
        };
        let g2 = sum.gcd(&g);
        Exact::from_reduced(negative, sum.divided(&g2), x_den.mul(&y.den.divided(&g2)))
    }

    /// `self − other`.
    #[must_use]
    pub fn sub(&self, other: &Exact) -> Exact {
        self.add(&other.neg())
    }

    fn neg(&self) -> Exact {
        match &self.0 {
            Repr::Small { num, den } if *num != i128::MIN => Exact(Repr::Small {
                num: -num,
                den: *den,
            }),
            _ => {
                let parts = self.parts().into_owned();
                Exact::from_reduced(!parts.negative, parts.num, parts.den)
            }
        }
    }

    /// `self × other`.
    #[must_use]
    #[inline(never)]
    pub fn mul(&self, other: &Exact) -> Exact {
        if self.is_zero() || other.is_zero() {
            return Exact::ZERO;
        }
        if let (Repr::Small { num: a, den: b }, Repr::Small { num: c, den: d }) =
            (&self.0, &other.0)
        {
            if *a == 0 || *c == 0 {
                return Exact::ZERO;
            }
            // Cancel across first so that the products stay small and come
            // out in lowest terms.
            let g1 = gcd(a.unsigned_abs(), d.unsigned_abs()).max(1) as i128;
            let g2 = gcd(c.unsigned_abs(), b.unsigned_abs()).max(1) as i128;
            let num = product(quotient(*a, g1), quotient(*c, g2));
            let den = product(quotient(*b, g2), quotient(*d, g1));
            if let (Some(num), Some(den)) = (num, den) {
                return Exact(Repr::Small { num, den });
            }
        }
        let (x, y) = (self.parts(), other.parts());
        let (g1, g2) = (x.num.gcd(&y.den), y.num.gcd(&x.den));
        let num = x.num.divided(&g1).mul(&y.num.divided(&g2));
        let den = x.den.divided(&g2).mul(&y.den.divided(&g1));
        Exact::from_reduced(x.negative != y.negative, num, den)
    }

    /// `self ÷ other`; `None` when `other` is zero.
    #[inline(never)]
    pub fn div(&self, other: &Exact) -> Option<Exact> {
        if other.is_zero() {
            return None;
        }
        let inverse = match &other.0 {
            Repr::Small { num, den } if *num > 0 => Exact(Repr::Small {
                num: *den,
                den: *num,
            }),
            Repr::Small { num, den } if *num != i128::MIN => Exact(Repr::Small {
                num: -den,
                den: -num,
            }),
            _ => {
                let parts = other.parts().into_owned();
                Exact::from_reduced(parts.negative, parts.den, parts.num)
            }
        };
        Some(self.mul(&inverse))
    }

    /// The least whole number at or above the value.
    #[must_use]
    pub fn ceil(&self) -> Exact {
        let parts = self.parts();
        let (whole, rest) = parts.num.div_rem(&parts.den).unwrap_or_default();
        let up = !parts.negative && !rest.is_zero();
        let whole = if up {
            whole.add(&Natural::from_u128(1))
        } else {
            whole
        };
        Exact::from_reduced(parts.negative, whole, Natural::from_u128(1))
    }

    /// The smaller of the two.
    #[must_use]
    pub fn min(self, other: Exact) -> Exact {
        if other < self {
            other
        } else {
            self
        }
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
    #[inline(never)]
    pub fn scaled(&self, places: u32) -> Option<(i128, Rest)> {
        if let Repr::Small { num, den } = self.0 {
            if let Some(scaled) = 10i128.checked_pow(places).and_then(|p| product(num, p)) {
                let whole = quotient(scaled, den);
                let rest = (scaled - whole * den).unsigned_abs();
                let twice = rest.checked_mul(2).map(|t| t.cmp(&den.unsigned_abs()));
                if let Some(twice) = twice {
                    return Some((whole, Rest::of(twice, rest == 0)));
                }
            }
        }
        let parts = self.parts();
        let scaled = parts.num.mul(&Natural::power_of_ten(places));
        // Cut toward zero: the magnitude is divided, the sign put back.
        let (whole, rest) = scaled.div_rem(&parts.den)?;
        let twice = rest.add(&rest).cmp(&parts.den);
        let whole = i128::try_from(whole.to_u128()?).ok()?;
        let whole = if parts.negative { -whole } else { whole };
        Some((whole, Rest::of(twice, rest.is_zero())))
    }
}

// Most values of real plans fit in 64 bits, where Wasm has native
// instructions; 128-bit operations are library calls. These take the 64-bit
// road whenever they can.

/// Whether `x` fits in 64 bits.
fn narrow(x: i128) -> Option<i64> {
    i64::try_from(x).ok()
}

/// `a × b`, or `None` when it overflows.
fn product(a: i128, b: i128) -> Option<i128> {
    if let (Ok(x), Ok(y)) = (i32::try_from(a), i32::try_from(b)) {
        return Some(i128::from(i64::from(x) * i64::from(y)));
    }
    match (narrow(a), narrow(b)) {
        // Two 64-bit factors: the product fits in 127 bits.
        (Some(x), Some(y)) => Some(i128::from(x) * i128::from(y)),
        _ => a.checked_mul(b),
    }
}

/// `a ÷ b` for `b > 0`, cut toward zero.
fn quotient(a: i128, b: i128) -> i128 {
    match (narrow(a), narrow(b)) {
        (Some(x), Some(y)) if y > 0 => i128::from(x / y),
        _ => a / b.max(1),
    }
}

/// Greatest common divisor, 0 only when both are 0.
#[inline(never)]
fn gcd(mut a: u128, mut b: u128) -> u128 {
    // Euclid's steps until both fit in 64 bits, where the binary gcd runs on
    // native instructions; one step is enough when one of them already fits.
    loop {
        match (u64::try_from(a), u64::try_from(b)) {
            (Ok(x), Ok(y)) => return u128::from(gcd64(x, y)),
            _ if b == 0 => return a,
            _ => (a, b) = (b, a % b),
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
    #[inline(never)]
    fn cmp(&self, other: &Exact) -> Ordering {
        if let (Repr::Small { num: a, den: b }, Repr::Small { num: c, den: d }) =
            (&self.0, &other.0)
        {
            // Denominators are positive, so a/b < c/d exactly when ad < cb.
            if (*b, *d) == (1, 1) {
                return a.cmp(c);
            }
            if let (Some(x), Some(y)) = (product(*a, *d), product(*c, *b)) {
                return x.cmp(&y);
            }
        }
        let (x, y) = (self.parts(), other.parts());
        let magnitudes = || x.num.mul(&y.den).cmp(&y.num.mul(&x.den));
        match (x.negative, y.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => magnitudes(),
            (true, true) => magnitudes().reverse(),
        }
    }
}

impl From<Decimal> for Exact {
    fn from(value: Decimal) -> Exact {
        Exact::from_decimal(value)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An exact decimal, from its text.
    pub(crate) fn d(text: &str) -> Exact {
        Exact::from_decimal(text.parse().unwrap())
    }

    /// The fraction num/den.
    pub(crate) fn q(num: i128, den: i128) -> Exact {
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
        assert_eq!(
            big.to_significant(28),
            format!("9999999999999999999999999999{}", "0".repeat(28))
        );
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
    fn ceil_rounds_up_to_a_whole_number() {
        assert_eq!(q(5, 6).ceil(), Exact::ONE);
        assert_eq!(q(12, 1).ceil(), Exact::int(12));
        assert_eq!(q(-5, 6).ceil(), Exact::ZERO);
        assert_eq!(q(-7, 6).ceil(), Exact::int(-1));
    }

    #[test]
    fn gcd_is_binary_gcd() {
        assert_eq!(gcd(0, 0), 0);
        assert_eq!(gcd(1 << 70, 6), 2);
        assert_eq!(gcd((1 << 70) * 3, 9 << 80), 3 << 70);
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(0, 7), 7);
        assert_eq!(gcd(1 << 100, 3 << 98), 1 << 98);
    }

    /// Against `num-rational`, an independent big-fraction implementation
    /// (native only: the Wasm tests run in a browser without proptest).
    #[cfg(not(target_arch = "wasm32"))]
    mod against_num_rational {
        use super::*;
        use num_bigint::{BigInt, BigUint};
        use num_rational::BigRational;
        use num_traits::{Signed, ToPrimitive, Zero};
        use proptest::prelude::*;

        fn rational(x: &Exact) -> BigRational {
            let parts = x.parts();
            let num = BigInt::from(BigUint::from_slice(parts.num.limbs()));
            let den = BigInt::from(BigUint::from_slice(parts.den.limbs()));
            BigRational::new(if parts.negative { -num } else { num }, den)
        }

        /// Values from tiny to far beyond 128 bits, by products and quotients
        /// of 28-digit decimals.
        fn value() -> impl Strategy<Value = Exact> {
            let decimal =
                (any::<i64>(), 0u32..=28, any::<i64>(), 0u32..=28).prop_map(|(m, s, n, t)| {
                    let a = Exact::from_decimal(Decimal::new(m, s.min(18)));
                    let b = Exact::from_decimal(Decimal::new(n.max(1), t.min(18)));
                    (a, b)
                });
            (decimal, 0u8..4).prop_map(|((a, b), how)| match how {
                0 => a,
                1 => a.div(&b).unwrap_or(Exact::ZERO),
                2 => a
                    .mul(&b)
                    .mul(&b)
                    .mul(&b)
                    .div(&b.add(&Exact::ONE))
                    .unwrap_or(Exact::ZERO),
                _ => a
                    .div(&b.mul(&b).mul(&b).add(&q(1, 3)))
                    .unwrap_or(Exact::ZERO),
            })
        }

        proptest! {
            #[test]
            fn arithmetic_agrees_with_num_rational(a in value(), b in value()) {
                let (x, y) = (rational(&a), rational(&b));
                prop_assert_eq!(rational(&a.add(&b)), &x + &y);
                prop_assert_eq!(rational(&a.sub(&b)), &x - &y);
                prop_assert_eq!(rational(&a.mul(&b)), &x * &y);
                match a.div(&b) {
                    Some(quotient) => prop_assert_eq!(rational(&quotient), &x / &y),
                    None => prop_assert!(y.is_zero()),
                }
                prop_assert_eq!(a.cmp(&b), x.cmp(&y));
                // Small and big forms of one value behave alike.
                let big = Exact(Repr::Big(Box::new(a.parts().into_owned())));
                prop_assert_eq!(big.scaled(2), a.scaled(2));
                prop_assert_eq!(big.to_significant(28), a.to_significant(28));
            }

            #[test]
            fn scaled_agrees_with_num_rational(a in value(), places in 0u32..5) {
                let x = rational(&a) * BigRational::from_integer(BigInt::from(10).pow(places));
                let whole = x.trunc();
                let rest = (&x - &whole).abs();
                let half = BigRational::new(BigInt::from(1), BigInt::from(2));
                let expected_rest = match rest.cmp(&half) {
                    _ if rest.is_zero() => Rest::Zero,
                    Ordering::Less => Rest::BelowHalf,
                    Ordering::Equal => Rest::Half,
                    Ordering::Greater => Rest::AboveHalf,
                };
                let expected = whole.to_integer().to_i128().map(|w| (w, expected_rest));
                prop_assert_eq!(a.scaled(places), expected);
            }
        }
    }
}
