//! Payout curves: attainment in, payout factor out.

use serde::Serialize;

use crate::exact::Exact;
use crate::names::Named;

/// The factor (a fraction, 1/2) from which a jump from nothing at a
/// curve's first point is a cliff, as practice judges it.
pub(crate) const CLIFF: (i128, i128) = (1, 2);

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

/// Where an attainment falls on a curve (`Curve::on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "where", rename_all = "camelCase")]
pub enum OnCurve {
    /// Below the first point, the threshold: nothing is paid.
    Below,
    /// From point `from` (an index) to the next: a straight line between
    /// them, or, with step interpolation, `from`'s factor held.
    Between { from: usize },
    /// At or past the last point, `point`: its factor held, or (extended)
    /// the line from the point before continued.
    Past { point: usize },
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

    /// The attainments at which the factor jumps: the first point, when it
    /// pays more than nothing, and with step interpolation each point whose
    /// factor differs from the one before.
    pub(crate) fn jumps(&self) -> Vec<Exact> {
        let first = self.points.first().filter(|(_, f)| !f.is_zero());
        let steps = self
            .points
            .windows(2)
            .filter(|pair| self.interpolation == Interpolation::Step && pair[0].1 != pair[1].1)
            .map(|pair| &pair[1]);
        first
            .into_iter()
            .chain(steps)
            .map(|(a, _)| a.clone())
            .collect()
    }

    /// The attainment of the first point: below it nothing is paid.
    pub fn threshold(&self) -> Option<&Exact> {
        self.points.first().map(|(a, _)| a)
    }

    /// Where attainment `a` falls on the curve, for the workings' words:
    /// below the first point, between two points (the segment `factor`
    /// uses), or at or past the last one.
    pub fn on(&self, a: &Exact) -> OnCurve {
        let above = self.points.partition_point(|(at, _)| at <= a);
        match above {
            0 => OnCurve::Below,
            n if n < self.points.len() => OnCurve::Between { from: n - 1 },
            n => OnCurve::Past { point: n - 1 },
        }
    }

    /// The attainment of the last point when the curve holds its factor
    /// beyond it (`beyond: "cap"`): past it the curve pays no more.
    pub fn held_from(&self) -> Option<&Exact> {
        self.points
            .last()
            .map(|(a, _)| a)
            .filter(|_| self.beyond == Beyond::Cap)
    }

    /// Where attainment `a` falls on the curve, for the simulation's counts
    /// of what binds (MODEL.md, "Why the cost differs").
    pub(crate) fn place(&self, a: &Exact) -> Place {
        let (Some((first, _)), Some((last, _))) = (self.points.first(), self.points.last()) else {
            return Place::default();
        };
        // The segment holding `a` is the one `factor` uses: from the point
        // at or below it to the next, or the last one continued.
        let above = self.points.partition_point(|(at, _)| at <= a);
        let segment = match above {
            0 => None,
            n if n < self.points.len() => Some(n - 1),
            _ if self.beyond == Beyond::Extend => self.points.len().checked_sub(2),
            _ => None,
        };
        let steep = |i: usize| {
            let ((a0, f0), (a1, f1)) = (&self.points[i], &self.points[i + 1]);
            f1.sub(f0) > a1.sub(a0)
        };
        Place {
            below_threshold: *first > Exact::ZERO && a < first,
            accelerated: self.interpolation == Interpolation::Linear && segment.is_some_and(steep),
            // An extended line binds nothing beyond the last point.
            beyond_last: a > last && (self.beyond == Beyond::Cap || segment.is_none()),
        }
    }

    /// The most the curve pays: the highest factor of its points, or `None`
    /// when its last segment is extended upward without end.
    pub(crate) fn most(&self) -> Option<Exact> {
        let rises_on = match (self.beyond, self.points.len()) {
            (Beyond::Extend, n) if n >= 2 => self.points[n - 1].1 > self.points[n - 2].1,
            _ => false,
        };
        if rises_on {
            return None;
        }
        self.points
            .iter()
            .map(|(_, f)| f.clone())
            .reduce(Exact::max)
    }

    /// A cliff: the factor jumps from 0 to [`CLIFF`] or more at the curve's
    /// first point above 0 attainment. Its index, when there is one.
    pub(crate) fn cliff(&self) -> Option<usize> {
        let i = self.points.iter().position(|(a, _)| *a > Exact::ZERO)?;
        let just_below = match (i, self.interpolation) {
            (0, _) => Exact::ZERO,
            (_, Interpolation::Step) => self.points[i - 1].1.clone(),
            // A line reaches the point without a jump.
            (_, Interpolation::Linear) => return None,
        };
        let least = Exact::ratio(CLIFF.0, CLIFF.1).unwrap_or(Exact::ONE);
        (just_below.is_zero() && self.points[i].1 >= least).then_some(i)
    }
}

/// Where an attainment falls on a curve.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Place {
    /// Below the first point, when that point is above 0: nothing is paid.
    pub(crate) below_threshold: bool,
    /// On a segment whose factor rises faster than attainment.
    pub(crate) accelerated: bool,
    /// Above the last point, where the curve holds its last factor (it is
    /// not extended, or cannot be).
    pub(crate) beyond_last: bool,
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
    fn an_attainment_is_below_between_or_past_the_points() {
        let c = curve(
            &[("0.5", "0.25"), ("1", "1"), ("1.5", "2")],
            Interpolation::Linear,
            Beyond::Cap,
        );
        for (a, on) in [
            ("0.4999", OnCurve::Below),
            ("0.5", OnCurve::Between { from: 0 }),
            ("0.9999", OnCurve::Between { from: 0 }),
            ("1", OnCurve::Between { from: 1 }),
            ("1.5", OnCurve::Past { point: 2 }),
            ("3", OnCurve::Past { point: 2 }),
        ] {
            assert_eq!(c.on(&d(a)), on, "{a}");
        }
    }

    #[test]
    fn places_on_a_curve_with_a_threshold_an_accelerator_and_a_cap() {
        // 50 % pays 0.25, target pays 1, 150 % pays 2: the segment from 1 to
        // 1.5 rises by 1 over 0.5, faster than attainment; the first, by
        // 0.75 over 0.5, does too. Capped beyond 1.5.
        let c = curve(
            &[("0.5", "0.25"), ("1", "1"), ("1.5", "2")],
            Interpolation::Linear,
            Beyond::Cap,
        );
        let place = |a: &str| {
            let p = c.place(&d(a));
            (p.below_threshold, p.accelerated, p.beyond_last)
        };
        assert_eq!(place("0.4999"), (true, false, false));
        assert_eq!(place("0.5"), (false, true, false));
        assert_eq!(place("1.2"), (false, true, false));
        // At the last point the factor stays: capped, not accelerated.
        assert_eq!(place("1.5"), (false, false, false));
        assert_eq!(place("1.5001"), (false, false, true));
        // A decelerating curve (0.6 over 0.5) and pro rata (1 over 1) do not accelerate.
        let slow = curve(
            &[("0", "0"), ("0.5", "0.6"), ("1", "0.9")],
            Interpolation::Linear,
            Beyond::Extend,
        );
        assert!(!slow.place(&d("0.7")).accelerated);
        assert!(!slow.place(&d("3")).accelerated);
        // Extended, the line goes on: nothing holds pay beyond the last point.
        assert!(!slow.place(&d("3")).beyond_last);
        assert!(!Curve::pro_rata().place(&d("1.7")).beyond_last);
        assert!(!Curve::pro_rata().place(&d("0.3")).below_threshold);
        assert!(!Curve::pro_rata().place(&d("1.7")).accelerated);
        // Extended past its last point, a steep last segment accelerates.
        let steep = curve(
            &[("0", "0"), ("1", "1"), ("1.2", "1.6")],
            Interpolation::Linear,
            Beyond::Extend,
        );
        assert_eq!(
            steep.place(&d("1.3")),
            Place {
                below_threshold: false,
                accelerated: true,
                beyond_last: false
            }
        );
    }

    #[test]
    fn the_most_a_curve_pays_and_its_cliff() {
        let capped = curve(
            &[("0.5", "0.25"), ("1", "1"), ("1.5", "2")],
            Interpolation::Linear,
            Beyond::Cap,
        );
        assert_eq!(capped.most(), Some(d("2")));
        assert_eq!(Curve::pro_rata().most(), None);
        let falling = curve(
            &[("0", "1"), ("1", "0.5")],
            Interpolation::Linear,
            Beyond::Extend,
        );
        assert_eq!(falling.most(), Some(d("1")));
        // 0 below 80 %, then 0.5 at once: a cliff at point 1.
        let cliff = curve(
            &[("0.8", "0.5"), ("1", "1")],
            Interpolation::Linear,
            Beyond::Cap,
        );
        assert_eq!(cliff.cliff(), Some(0));
        // 0.4 at the threshold is under half: no cliff.
        assert_eq!(
            curve(
                &[("0.8", "0.4"), ("1", "1")],
                Interpolation::Linear,
                Beyond::Cap
            )
            .cliff(),
            None
        );
        // A step from (0, 0) to (0.9, 0.6) jumps; a line does not.
        let step = curve(
            &[("0", "0"), ("0.9", "0.6")],
            Interpolation::Step,
            Beyond::Cap,
        );
        assert_eq!(step.cliff(), Some(1));
        let line = curve(
            &[("0", "0"), ("0.9", "0.6")],
            Interpolation::Linear,
            Beyond::Cap,
        );
        assert_eq!(line.cliff(), None);
        assert_eq!(capped.cliff(), None);
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
