//! Money: rounding to the plan's minor unit, and converting to whole units.

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::exact::{Exact, Rest};
use crate::names::{serialize_name, Named};

/// How money is rounded to the plan's number of decimal places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Half away from zero: 0.125 becomes 0.13.
    HalfUp,
    /// Half to even (banker's rounding): 0.125 becomes 0.12.
    HalfEven,
    /// Toward zero: 0.129 becomes 0.12.
    Down,
}

impl Named for Rounding {
    const TABLE: &'static [(Self, &'static str, &'static str)] = &[
        (Rounding::HalfUp, "halfUp", "half up"),
        (Rounding::HalfEven, "halfEven", "half to even"),
        (Rounding::Down, "down", "down"),
    ];
}

impl Serialize for Rounding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_name(self, serializer)
    }
}

impl Rounding {
    /// Whether a value cut toward zero to `whole` units, with `rest` below
    /// it, rounds away from zero to the next unit.
    fn away_from_zero(self, whole: i128, rest: Rest) -> bool {
        match (self, rest) {
            (_, Rest::Zero | Rest::BelowHalf) | (Rounding::Down, _) => false,
            (_, Rest::AboveHalf) | (Rounding::HalfUp, Rest::Half) => true,
            (Rounding::HalfEven, Rest::Half) => whole % 2 != 0,
        }
    }
}

/// The plan's money rule: how many decimal places, and how to round to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub decimals: u32,
    pub rounding: Rounding,
}

impl Money {
    /// The exact value `x` rounded once to the plan's places, written with
    /// exactly that many; `None` when the amount has more than 28 digits.
    #[inline(never)]
    pub fn round(self, x: &Exact) -> Option<Decimal> {
        Decimal::try_from_i128_with_scale(self.round_units(x)?, self.decimals).ok()
    }

    /// The exact value `x` rounded once to the places, as a whole count of
    /// the last place's units (12.345 to 2 places half up is 1235); `None`
    /// when it does not fit in 128 bits. Unlike `round`, any number of places.
    pub fn round_units(self, x: &Exact) -> Option<i128> {
        let (whole, rest) = x.scaled(self.decimals)?;
        match self.rounding.away_from_zero(whole, rest) {
            true if x.is_negative() => whole.checked_sub(1),
            true => whole.checked_add(1),
            false => Some(whole),
        }
    }

    /// A nonnegative value cut to `whole` units of the plan's places, with
    /// `rest` below them, rounded by the plan's rule: for values such as a
    /// square root, known only as where they fall between two units.
    pub fn round_cut(self, whole: u128, rest: Rest) -> Option<Decimal> {
        let whole = i128::try_from(whole).ok()?;
        let units = whole.checked_add(i128::from(self.rounding.away_from_zero(whole, rest)))?;
        Decimal::try_from_i128_with_scale(units, self.decimals).ok()
    }

    /// Zero, written with the plan's places.
    pub fn zero(self) -> Decimal {
        Decimal::new(0, self.decimals)
    }

    /// An amount of money as a count of minor units (cents for USD); `None`
    /// when it does not fit.
    pub fn units(self, amount: Decimal) -> Option<u128> {
        let mut scaled = amount;
        scaled.rescale(self.decimals);
        // Rescaling cannot raise the scale of a value near the top of the
        // range; a changed value means it did not fit.
        if scaled != amount || scaled.scale() != self.decimals || scaled.is_sign_negative() {
            return None;
        }
        u128::try_from(scaled.mantissa()).ok()
    }

    /// A count of minor units as money.
    pub fn amount(self, units: u128) -> Option<Decimal> {
        let units = i128::try_from(units).ok()?;
        Decimal::try_from_i128_with_scale(units, self.decimals).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn rounding_modes_round_as_named() {
        let cases = [
            (Rounding::HalfUp, 2, "0.125", "0.13"),
            (Rounding::HalfUp, 2, "-0.125", "-0.13"),
            (Rounding::HalfEven, 2, "0.125", "0.12"),
            (Rounding::HalfEven, 2, "0.135", "0.14"),
            (Rounding::Down, 2, "0.129", "0.12"),
            (Rounding::HalfUp, 0, "2.5", "3"),
            (Rounding::HalfEven, 0, "2.5", "2"),
            (Rounding::HalfUp, 2, "7", "7.00"),
            (Rounding::HalfUp, 3, "1.2", "1.200"),
            (Rounding::HalfUp, 4, "0.00005", "0.0001"),
        ];
        for (rounding, decimals, x, expected) in cases {
            let money = Money { decimals, rounding };
            assert_eq!(
                money.round(&d(x).into()).map(|m| m.to_string()),
                Some(expected.to_owned())
            );
        }
    }

    #[test]
    fn units_round_trip() {
        let money = Money {
            decimals: 2,
            rounding: Rounding::HalfUp,
        };
        assert_eq!(money.units(d("1500.25")), Some(150025));
        assert_eq!(
            money.amount(150025).map(|m| m.to_string()),
            Some("1500.25".into())
        );
        assert_eq!(money.zero().to_string(), "0.00");
        let too_large = Exact::from(Decimal::MAX).mul(&Exact::int(10));
        assert_eq!(money.round(&too_large), None);
    }
}
