//! How a value is shown beside its sentence, in the page and the CLI alike:
//! the one rule for both. The page asks the Wasm module (`shownPercent`,
//! `shownFactor`, `shownRatio`) and writes the digits it gets in its
//! locale's way; the CLI writes them plainly. Each works on the value as
//! the Result writes it (at most 28 significant digits), so both show the
//! same digits of the same text.

use rust_decimal::Decimal;

use crate::decimal::{money_text, parse};
use crate::exact::text::SHOWN_DIGITS;
use crate::exact::Exact;

/// A value shown with every place when it has at most `whole` of them, else
/// cut toward zero to `cut` places and marked. Cut, never rounded, so that a value is never
/// shown at a step or threshold it has not reached.
#[derive(Clone, Copy, Debug)]
pub struct Shown {
    whole: usize,
    cut: usize,
}

impl Shown {
    /// A fraction shown as a percentage: exactly when that has at most four
    /// places (0.925 is 92.5 %), else cut to four (1,199,999 ÷ 1,200,000 is
    /// 99.9999… %, not 100 %).
    pub const PERCENT: Shown = Shown { whole: 6, cut: 6 };
    /// A payout factor: exactly when it has at most eight places (0.925),
    /// else cut to four (5/6 is 0.8333…).
    pub const FACTOR: Shown = Shown { whole: 8, cut: 4 };

    /// An exact amount before it is rounded to money with `decimals`
    /// places (a line's product in "Show the math"): exactly when it has at
    /// most eight places, else cut to two places more than the money's
    /// (four at least) and marked, so that the digits the rounding looks at
    /// are shown: 50,000 × 0.4 × 5/6 is 16,666.6666…, not 28 digits
    /// ending in a rounded 7 beside "rounded down".
    pub fn amount(decimals: u32) -> Shown {
        Shown {
            whole: 8,
            cut: (decimals as usize + 2).max(4),
        }
    }

    /// The decimal text `text` (as a Result writes a value: `-`, digits, at
    /// most one `.`) as shown, and whether it is all of the value: `"0.925"`
    /// and true, `"0.833333"` and false for the percentage of
    /// `"0.8333333333333333333333333333"`. Trailing zeros go when the value
    /// is whole and stay when it is cut (`"0.999900"`), so the places shown
    /// are the text's. Text without a point is whole as it is.
    pub fn of(self, text: &str) -> (&str, bool) {
        // `get`, not indexing: no panic path comes into the Wasm module.
        let Some(point) = text.find('.') else {
            return (text, true);
        };
        let fraction = text.get(point + 1..).unwrap_or_default();
        let places = fraction.trim_end_matches('0').len();
        let (end, whole) = match places {
            0 => (point, true),
            _ if places <= self.whole => (point + 1 + places, true),
            _ => (point + 1 + self.cut, false),
        };
        (text.get(..end).unwrap_or(text), whole)
    }

    /// A ratio (a leverage, a cap in multiples of target incentive, a
    /// forecast's mean) as shown: `text` rounded half to even to at most
    /// four places, without trailing zeros ("1.1174" for "1.11744…", "2"
    /// for "2.00001"). Text that is not a plain decimal is shown as it is.
    /// Worked on the digits, so that no arithmetic comes into the Wasm
    /// module for it.
    pub fn ratio(text: &str) -> String {
        const PLACES: usize = 4;
        let negative = text.starts_with('-');
        let unsigned = text.get(usize::from(negative)..).unwrap_or_default();
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) {
            return text.to_owned();
        }
        let mut kept: Vec<u8> = whole.bytes().collect();
        let point = kept.len();
        kept.extend(fraction.bytes().take(PLACES));
        let rest = fraction.as_bytes().get(PLACES..).unwrap_or_default();
        let odd = kept.last().is_some_and(|d| d % 2 == 1);
        let up = match rest.split_first() {
            Some((&first, beyond)) => {
                first > b'5' || (first == b'5' && (beyond.iter().any(|&d| d != b'0') || odd))
            }
            None => false,
        };
        // Add one in the last place kept, carrying: 9.99995 is 10.
        let mut carry = up;
        for digit in kept.iter_mut().rev() {
            if !carry {
                break;
            }
            carry = *digit == b'9';
            *digit = if carry { b'0' } else { *digit + 1 };
        }
        if carry {
            kept.insert(0, b'1');
        }
        let point = point + usize::from(carry);
        while kept.len() > point && kept.last() == Some(&b'0') {
            kept.pop();
        }
        if kept.len() > point {
            kept.insert(point, b'.');
        }
        let first = kept.iter().position(|&d| d != b'0').unwrap_or(kept.len());
        let lead = first.min(point.saturating_sub(1));
        kept.drain(..lead);
        if negative && kept.iter().any(|&d| (b'1'..=b'9').contains(&d)) {
            kept.insert(0, b'-');
        }
        String::from_utf8(kept).unwrap_or_default()
    }
}

/// A fraction as a percentage in plain text, as the CLI and the core's own
/// messages write it: [`Shown::PERCENT`] of the value as the Result writes
/// it, the point two places on: `92.5 %`, `99.9999… %` for 1,199,999 ÷
/// 1,200,000.
pub fn percent(fraction: &Exact) -> String {
    let text = fraction.to_significant(SHOWN_DIGITS);
    let (shown, whole) = Shown::PERCENT.of(&text);
    let mark = if whole { "" } else { "…" };
    let places = shown
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len());
    let hundredfold = parse(shown).ok().and_then(|value| {
        let mut percent = value.checked_mul(Decimal::ONE_HUNDRED)?;
        percent.rescale(places.saturating_sub(2) as u32);
        Some(percent)
    });
    match hundredfold {
        // Every place of the shown text, two fewer after the point: a cut
        // value keeps its zeros (99.9900… %).
        Some(percent) => format!("{}{mark} %", money_text(&percent)),
        None => format!(
            "{} %",
            fraction.mul(&Exact::int(100)).to_significant(SHOWN_DIGITS)
        ),
    }
}

/// A payout factor in plain text ([`Shown::FACTOR`]): `0.925`, `1.1`, and
/// 5/6 as `0.8333…`.
pub fn factor(value: &Exact) -> String {
    let text = value.to_significant(SHOWN_DIGITS);
    match Shown::FACTOR.of(&text) {
        (shown, true) => shown.to_owned(),
        (shown, false) => format!("{shown}…"),
    }
}

/// Decimal text ("20000.5", "-1234", "99.99…") with its whole part grouped
/// by thousands and its decimal mark as `german` or English writes them:
/// "20,000.5", "20.000,5". The CLI's text and the core's warnings write
/// their numbers so, as the page writes its own.
pub fn grouped(number: &str, german: bool) -> String {
    let (group, mark) = if german { ('.', ',') } else { (',', '.') };
    // Written char by char, with no slicing: a slice's bounds check would
    // bring the formatting of its panic into the page's module (8 KB).
    let whole = number
        .bytes()
        .take_while(|b| *b != b'.')
        .filter(u8::is_ascii_digit)
        .count();
    let mut out = String::with_capacity(number.len() + whole / 3);
    let mut left = whole;
    for c in number.chars() {
        match c {
            '.' => out.push(mark),
            '0'..='9' if left > 0 => {
                if left < whole && left % 3 == 0 {
                    out.push(group);
                }
                out.push(c);
                left -= 1;
            }
            _ => out.push(c),
        }
    }
    out
}

/// A ratio as a percentage in plain text (a cost of sales, a pay mix):
/// rounded half to even to four places, so two of the percentage, as the
/// plan model shows ratios: `32.46 %` for 600,450 ÷ 1,850,000, `30 %`.
/// Not cut as [`percent`] cuts an attainment, whose every place may sit
/// beside a curve's step.
pub fn ratio_percent(value: &Exact) -> String {
    let shown = ratio(value);
    match parse(&shown)
        .ok()
        .and_then(|v| v.checked_mul(Decimal::ONE_HUNDRED))
    {
        Some(percent) => format!("{} %", money_text(&percent.normalize())),
        None => format!("{shown} × 100 %"),
    }
}

/// A ratio in plain text ([`Shown::ratio`]): `1.1174`.
pub fn ratio(value: &Exact) -> String {
    Shown::ratio(&value.to_significant(SHOWN_DIGITS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_amount_shows_the_digits_its_rounding_looks_at() {
        // 50,000 × 0.4 × 5/6 as the Result writes it (28 significant digits).
        assert_eq!(
            Shown::amount(2).of("16666.66666666666666666666667"),
            ("16666.6666", false)
        );
        assert_eq!(
            Shown::amount(4).of("1.004999999999999999999999999"),
            ("1.004999", false)
        );
        assert_eq!(Shown::amount(2).of("12375.4"), ("12375.4", true));
        assert_eq!(Shown::amount(2).of("0.12345678"), ("0.12345678", true));
        assert_eq!(Shown::amount(0).of("37500"), ("37500", true));
    }

    #[test]
    fn values_are_shown_whole_or_cut_and_marked() {
        let percent = |text| Shown::PERCENT.of(text);
        assert_eq!(percent("0.925"), ("0.925", true));
        assert_eq!(percent("1"), ("1", true));
        assert_eq!(percent("1.000"), ("1", true));
        assert_eq!(percent("0.333330"), ("0.33333", true));
        assert_eq!(percent("0.3333333"), ("0.333333", false));
        // 1,199,999 ÷ 1,200,000 as a Result writes it: under 100 %, so shown under it.
        assert_eq!(
            percent("0.9999991666666666666666666667"),
            ("0.999999", false)
        );
        assert_eq!(percent("0.99990001"), ("0.999900", false));
        assert_eq!(percent("-0.12345678"), ("-0.123456", false));
        let factor = |text| Shown::FACTOR.of(text);
        assert_eq!(factor("0.8333333333333333333333333333"), ("0.8333", false));
        assert_eq!(factor("0.12345678"), ("0.12345678", true));
        assert_eq!(factor("1.1"), ("1.1", true));
        assert_eq!(factor("2"), ("2", true));
    }

    #[test]
    fn ratios_are_rounded_half_to_even_to_four_places() {
        assert_eq!(Shown::ratio("1.11744"), "1.1174");
        assert_eq!(Shown::ratio("1.11745"), "1.1174");
        assert_eq!(Shown::ratio("1.11755"), "1.1176");
        assert_eq!(Shown::ratio("2.00001"), "2");
        assert_eq!(Shown::ratio("3"), "3");
        assert_eq!(Shown::ratio("1234567.123456"), "1234567.1235");
        assert_eq!(Shown::ratio("9.99995"), "10");
        assert_eq!(Shown::ratio("0.99996"), "1");
        assert_eq!(Shown::ratio("0.00004"), "0");
        assert_eq!(Shown::ratio("-0.00004"), "0");
        assert_eq!(Shown::ratio("-1.23456"), "-1.2346");
        assert_eq!(Shown::ratio("0.5"), "0.5");
        assert_eq!(Shown::ratio("007.10"), "7.1");
        assert_eq!(Shown::ratio("1.2e5"), "1.2e5");
        assert_eq!(Shown::ratio(""), "");
    }

    #[test]
    fn plain_text_shows_the_same_digits() {
        let exact = |text: &str| Exact::from(text.parse::<Decimal>().unwrap());
        let q = |a, b| Exact::int(a).div(&Exact::int(b)).unwrap();
        assert_eq!(percent(&exact("0.925")), "92.5 %");
        assert_eq!(percent(&exact("1")), "100 %");
        assert_eq!(percent(&exact("0.33333")), "33.333 %");
        assert_eq!(percent(&exact("0.3333333")), "33.3333… %");
        assert_eq!(percent(&exact("0.9999001")), "99.9900… %");
        assert_eq!(percent(&q(1_199_999, 1_200_000)), "99.9999… %");
        assert_eq!(factor(&q(5, 6)), "0.8333…");
        assert_eq!(factor(&exact("0.12345678")), "0.12345678");
        assert_eq!(ratio(&q(2, 3)), "0.6667");
    }

    /// The digit-wise rounding against rust_decimal's half-to-even rounding
    /// of the same value (native only: the Wasm tests run without proptest).
    #[cfg(not(target_arch = "wasm32"))]
    mod against_rust_decimal {
        use super::*;
        use proptest::prelude::*;
        use rust_decimal::RoundingStrategy;

        proptest! {
            #[test]
            fn ratios_round_as_rust_decimal_does(mantissa in -10_000_000_000i64..10_000_000_000, scale in 0u32..12) {
                let value = Decimal::new(mantissa, scale);
                let expected = value
                    .round_dp_with_strategy(4, RoundingStrategy::MidpointNearestEven)
                    .normalize();
                prop_assert_eq!(Shown::ratio(&value.to_string()), expected.to_string());
            }
        }
    }

    /// Numbers are grouped by thousands, as the page writes its own
    /// (found by a fresh look: "20000 %" in a warning beside "20,000 %").
    #[test]
    fn numbers_are_grouped_the_languages_way() {
        for (number, english, german) in [
            ("87.5", "87.5", "87,5"),
            ("999", "999", "999"),
            ("1000", "1,000", "1.000"),
            ("20000.5", "20,000.5", "20.000,5"),
            ("-1234567.25", "-1,234,567.25", "-1.234.567,25"),
        ] {
            assert_eq!(grouped(number, false), english);
            assert_eq!(grouped(number, true), german);
        }
    }

    /// A ratio as a percentage is rounded half to even to four places of
    /// the ratio, two of the percentage, worked by hand.
    #[test]
    fn a_ratio_as_a_percentage_is_rounded_to_two_places() {
        let of = |num, den| ratio_percent(&Exact::ratio(num, den).unwrap());
        // 600,450 ÷ 1,850,000 = 0.32456756…: 32.46 %.
        assert_eq!(of(600_450, 1_850_000), "32.46 %");
        assert_eq!(of(3, 10), "30 %");
        assert_eq!(of(1, 3), "33.33 %");
        assert_eq!(of(2, 3), "66.67 %");
        // 0.00125 to four places, half to even: 0.0012.
        assert_eq!(of(1, 800), "0.12 %");
        // 0.99995 to four places, half to even: 1.
        assert_eq!(of(19_999, 20_000), "100 %");
        assert_eq!(of(25, 2), "1250 %");
    }
}
