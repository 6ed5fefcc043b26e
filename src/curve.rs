//! Payout curves: attainment in, payout factor out.

use rust_decimal::Decimal;

use crate::decimal::{add, div, mul, sub};

/// How a curve moves between two of its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interpolation {
    /// A straight line from one point to the next.
    Linear,
    /// The factor of the point at or below the attainment, until the next point.
    Step,
}

impl Interpolation {
    pub const NAMES: &'static [&'static str] = &["linear", "step"];
}

/// What a curve does past its last point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beyond {
    /// Stay at the last point's factor.
    Cap,
    /// Continue the line of the last segment.
    Extend,
}

impl Beyond {
    pub const NAMES: &'static [&'static str] = &["cap", "extend"];
}

/// A validated curve: one or more points with strictly rising attainments and
/// factors of zero or more.
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    pub(crate) points: Vec<(Decimal, Decimal)>,
    pub(crate) interpolation: Interpolation,
    pub(crate) beyond: Beyond,
}

impl Curve {
    /// The default goal curve: the factor is the attainment, without limit.
    pub fn pro_rata() -> Curve {
        Curve {
            points: vec![(Decimal::ZERO, Decimal::ZERO), (Decimal::ONE, Decimal::ONE)],
            interpolation: Interpolation::Linear,
            beyond: Beyond::Extend,
        }
    }

    /// The payout factor at attainment `a`; `None` when the arithmetic
    /// overflows.
    ///
    /// Below the first point the factor is 0 (the first point is the
    /// threshold). A factor is never negative: where a falling last segment
    /// is extended, it stops at 0.
    pub fn factor(&self, a: Decimal) -> Option<Decimal> {
        let above = self.points.partition_point(|&(at, _)| at <= a);
        let Some(i) = above.checked_sub(1) else {
            return Some(Decimal::ZERO);
        };
        let (a0, f0) = self.points[i];
        let factor = match self.points.get(i + 1) {
            Some(&(a1, f1)) => match self.interpolation {
                Interpolation::Linear => along(a0, f0, a1, f1, a)?,
                Interpolation::Step => f0,
            },
            None => match (self.beyond, i.checked_sub(1)) {
                (Beyond::Extend, Some(before)) => {
                    let (a_prev, f_prev) = self.points[before];
                    along(a_prev, f_prev, a0, f0, a)?
                }
                _ => f0,
            },
        };
        Some(factor.max(Decimal::ZERO))
    }
}

/// The value at `a` of the line through `(a0, f0)` and `(a1, f1)`.
fn along(a0: Decimal, f0: Decimal, a1: Decimal, f1: Decimal, a: Decimal) -> Option<Decimal> {
    // Multiply before dividing so that exact results stay exact.
    let rise = mul(sub(a, a0)?, sub(f1, f0)?)?;
    add(f0, div(rise, sub(a1, a0)?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn curve(points: &[(&str, &str)], interpolation: Interpolation, beyond: Beyond) -> Curve {
        Curve {
            points: points.iter().map(|&(a, f)| (d(a), d(f))).collect(),
            interpolation,
            beyond,
        }
    }

    fn check(curve: &Curve, cases: &[(&str, &str)]) {
        for &(a, expected) in cases {
            assert_eq!(curve.factor(d(a)), Some(d(expected)), "attainment {a}");
        }
    }

    #[test]
    fn pro_rata_factor_is_attainment() {
        check(
            &Curve::pro_rata(),
            &[
                ("0", "0"),
                ("0.7", "0.7"),
                ("1", "1"),
                ("1.1", "1.1"),
                ("3.25", "3.25"),
            ],
        );
    }

    #[test]
    fn threshold_pays_nothing_below_first_point() {
        let c = curve(
            &[("0.8", "0.5"), ("1", "1"), ("1.5", "2")],
            Interpolation::Linear,
            Beyond::Cap,
        );
        check(
            &c,
            &[
                ("0", "0"),
                ("0.7999", "0"),
                ("0.8", "0.5"),
                ("0.9", "0.75"),
                ("1", "1"),
                ("1.25", "1.5"),
                ("1.5", "2"),
                ("3", "2"),
            ],
        );
    }

    #[test]
    fn step_holds_the_lower_point() {
        let c = curve(
            &[("0.5", "0.25"), ("1", "1"), ("1.2", "1.5")],
            Interpolation::Step,
            Beyond::Cap,
        );
        check(
            &c,
            &[
                ("0.49", "0"),
                ("0.5", "0.25"),
                ("0.99", "0.25"),
                ("1", "1"),
                ("1.19", "1"),
                ("5", "1.5"),
            ],
        );
    }

    #[test]
    fn extend_continues_the_last_segment() {
        let c = curve(
            &[("0", "0"), ("1", "1"), ("1.2", "1.4")],
            Interpolation::Linear,
            Beyond::Extend,
        );
        check(
            &c,
            &[("1.1", "1.2"), ("1.2", "1.4"), ("1.5", "2"), ("2", "3")],
        );
    }

    #[test]
    fn extending_a_falling_segment_stops_at_zero() {
        let c = curve(
            &[("0", "1"), ("1", "0.5")],
            Interpolation::Linear,
            Beyond::Extend,
        );
        check(&c, &[("1", "0.5"), ("1.5", "0.25"), ("2", "0"), ("9", "0")]);
    }

    #[test]
    fn single_point_is_a_threshold_bonus() {
        let c = curve(&[("1", "1")], Interpolation::Linear, Beyond::Cap);
        check(&c, &[("0.99", "0"), ("1", "1"), ("2", "1")]);
    }

    #[test]
    fn thirds_keep_full_precision() {
        let c = curve(
            &[("0", "0"), ("3", "1")],
            Interpolation::Linear,
            Beyond::Cap,
        );
        assert_eq!(c.factor(d("1")), Some(d("0.3333333333333333333333333333")));
    }

    #[test]
    fn overflow_is_none() {
        let c = curve(
            &[
                ("0", "0"),
                (
                    "0.0000000000000000000000000001",
                    "79228162514264337593543950335",
                ),
            ],
            Interpolation::Linear,
            Beyond::Extend,
        );
        assert_eq!(c.factor(d("10")), None);
    }
}
