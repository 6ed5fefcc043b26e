//! Payout curves: attainment in, payout factor out.

use crate::exact::Exact;
use crate::names::Named;

/// How a curve moves between two of its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interpolation {
    /// A straight line from one point to the next.
    Linear,
    /// The factor of the point at or below the attainment, until the next point.
    Step,
}

impl Named for Interpolation {
    const TABLE: &'static [(Self, &'static str, &'static str)] = &[
        (
            Interpolation::Linear,
            "linear",
            "a straight line between points",
        ),
        (Interpolation::Step, "step", "steps at each point"),
    ];
}

/// What a curve does past its last point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beyond {
    /// Stay at the last point's factor.
    Cap,
    /// Continue the line of the last segment.
    Extend,
}

impl Named for Beyond {
    const TABLE: &'static [(Self, &'static str, &'static str)] = &[
        (Beyond::Cap, "cap", "capped at the last point"),
        (Beyond::Extend, "extend", "the last line continued"),
    ];
}

/// A validated curve: one or more points with strictly rising attainments and
/// factors of zero or more.
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    pub(crate) points: Vec<(Exact, Exact)>,
    pub(crate) interpolation: Interpolation,
    pub(crate) beyond: Beyond,
}

impl Curve {
    /// The default goal curve: the factor is the attainment, without limit.
    pub fn pro_rata() -> Curve {
        Curve {
            points: vec![(Exact::ZERO, Exact::ZERO), (Exact::ONE, Exact::ONE)],
            interpolation: Interpolation::Linear,
            beyond: Beyond::Extend,
        }
    }

    /// The payout factor at attainment `a`, exactly.
    ///
    /// Below the first point the factor is 0 (the first point is the
    /// threshold). A factor is never negative: where a falling last segment
    /// is extended, it stops at 0.
    pub fn factor(&self, a: &Exact) -> Exact {
        let above = self.points.partition_point(|(at, _)| at <= a);
        let Some(i) = above.checked_sub(1) else {
            return Exact::ZERO;
        };
        let (a0, f0) = &self.points[i];
        let factor = match self.points.get(i + 1) {
            Some((a1, f1)) => match self.interpolation {
                Interpolation::Linear => along((a0, f0), (a1, f1), a),
                Interpolation::Step => f0.clone(),
            },
            None => match (self.beyond, i.checked_sub(1)) {
                (Beyond::Extend, Some(before)) => {
                    let (a_prev, f_prev) = &self.points[before];
                    along((a_prev, f_prev), (a0, f0), a)
                }
                _ => f0.clone(),
            },
        };
        factor.max(Exact::ZERO)
    }

    /// Whether the factor never falls as attainment rises: each point's
    /// factor at least the one before (an extended last segment then rises
    /// too, and the step from 0 below the threshold only goes up).
    pub fn rises(&self) -> bool {
        self.points.windows(2).all(|pair| pair[0].1 <= pair[1].1)
    }

    /// The attainment of the first point: below it nothing is paid.
    pub fn threshold(&self) -> Option<&Exact> {
        self.points.first().map(|(a, _)| a)
    }
}

/// The value at `a` of the line through two points: `f0 + (a − a0)(f1 − f0)/(a1 − a0)`.
fn along((a0, f0): (&Exact, &Exact), (a1, f1): (&Exact, &Exact), a: &Exact) -> Exact {
    let rise = a.sub(a0).mul(&f1.sub(f0));
    // Points rise strictly, so the run is never zero.
    let slope = rise.div(&a1.sub(a0)).unwrap_or(Exact::ZERO);
    f0.add(&slope)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Exact {
        Exact::from_decimal(text.parse().unwrap())
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
            assert_eq!(curve.factor(&d(a)), d(expected), "attainment {a}");
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
    fn thirds_stay_exact() {
        let c = curve(
            &[("0", "0"), ("3", "1")],
            Interpolation::Linear,
            Beyond::Cap,
        );
        let third = c.factor(&d("1"));
        assert_eq!(third.mul(&d("3")), Exact::ONE);
    }

    #[test]
    fn entering_a_segment_at_a_third_is_exact() {
        // From (0.9, 0.5) to (1.2, 2): at 1.0, a third of the way, 0.5 + 1.5/3 = 1.
        let c = curve(
            &[("0.9", "0.5"), ("1.2", "2")],
            Interpolation::Linear,
            Beyond::Cap,
        );
        assert_eq!(c.factor(&d("1")), Exact::ONE);
    }

    #[test]
    fn steep_curves_do_not_overflow() {
        let c = curve(
            &[
                ("0", "0"),
                (
                    "0.0000000000000000000000000001",
                    "9999999999999999999999999999",
                ),
            ],
            Interpolation::Linear,
            Beyond::Extend,
        );
        let factor = c.factor(&d("10"));
        assert_eq!(
            factor.to_significant(28),
            format!("9999999999999999999999999999{}", "0".repeat(29))
        );
    }
}
