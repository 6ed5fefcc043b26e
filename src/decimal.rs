//! Decimals as text: the strict form the plan accepts, and the forms results use.
//!
//! A plan writes every quantity as a string so that no JSON or JavaScript
//! float ever touches money. Only `-`, digits and one `.` between digits are
//! accepted, with at most 28 significant digits; anything friendlier (grouping
//! commas, currency signs, percent) is for the page to normalise first.

use rust_decimal::Decimal;
use serde::Serializer;

use crate::error::ErrorKind;

/// Most significant digits, and most decimal places, a decimal may have.
const MAX_DIGITS: usize = 28;

/// Reads a decimal written as `-?[0-9]+(\.[0-9]+)?` with at most 28
/// significant digits.
pub fn parse(text: &str) -> Result<Decimal, ErrorKind> {
    // An emptied field is one still to fill in, not a number written wrong.
    if text.is_empty() {
        return Err(ErrorKind::Missing);
    }
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || fraction.is_some_and(|f| !all_digits(f)) {
        return Err(ErrorKind::NotDecimal);
    }
    // Leading zeros of the whole part and trailing zeros of the fraction
    // change nothing; dropping them keeps "000123.4500" within the limit.
    let whole = whole.trim_start_matches('0');
    let fraction = fraction.unwrap_or_default().trim_end_matches('0');
    let digits = whole.bytes().chain(fraction.bytes());
    let significant = digits.clone().skip_while(|&d| d == b'0').count();
    if significant > MAX_DIGITS || fraction.len() > MAX_DIGITS {
        return Err(ErrorKind::TooPrecise);
    }
    // At most 28 digits: the mantissa fits in 96 bits. Building the value
    // from it, not through rust_decimal's parser, keeps that parser out of
    // the Wasm module.
    // In 64 bits up to 19 digits (one multiply each, where 128 bits take a
    // call in Wasm), in 128 bits beyond.
    let mantissa = if significant <= 19 {
        i128::from(digits.fold(0u64, |m, digit| m * 10 + u64::from(digit - b'0')))
    } else {
        digits.fold(0i128, |m, digit| m * 10 + i128::from(digit - b'0'))
    };
    let negative = unsigned.len() < text.len();
    let mantissa = if negative { -mantissa } else { mantissa };
    // `fraction` has at most 28 digits, so the scale fits.
    Decimal::try_from_i128_with_scale(mantissa, fraction.len() as u32)
        .map_err(|_| ErrorKind::TooPrecise)
}

// rust_decimal marks its arithmetic `#[inline(always)]`, so every call site
// would get a copy of it. Calling through these keeps one copy of each
// operation, which makes the Wasm module about a third smaller.

/// `a + b`, or `None` on overflow.
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// Writes `value` into `buf` and returns the text: all its places, or with
/// `trim` none of the trailing zeros. Results hold hundreds of decimals, and
/// this is several times faster than `Display` and its formatter.
fn write<'a>(value: &Decimal, trim: bool, buf: &'a mut [u8; 64]) -> &'a str {
    // The mantissa's digits, least significant first. 128-bit division is a
    // slow library call in Wasm: peel off 19 digits at a time with it, then
    // work in 64 bits.
    let mut digits = [b'0'; 40];
    let mut count = 0;
    let mut wide = value.mantissa().unsigned_abs();
    while wide > u128::from(u64::MAX) {
        let mut low = (wide % 10_000_000_000_000_000_000) as u64;
        wide /= 10_000_000_000_000_000_000;
        for _ in 0..19 {
            digits[count] = b'0' + (low % 10) as u8;
            low /= 10;
            count += 1;
        }
    }
    let mut narrow = wide as u64;
    while narrow > 0 {
        digits[count] = b'0' + (narrow % 10) as u8;
        narrow /= 10;
        count += 1;
    }
    let scale = value.scale() as usize;
    // At least one digit before the point ("0.05"); unset digits are '0'.
    let count = count.max(scale + 1);
    let mut first = 0;
    if trim {
        while first < scale && digits[first] == b'0' {
            first += 1;
        }
    }
    let mut len = 0;
    if value.is_sign_negative() && !value.is_zero() {
        buf[0] = b'-';
        len = 1;
    }
    for i in (first..count).rev() {
        if i + 1 == scale {
            buf[len] = b'.';
            len += 1;
        }
        buf[len] = digits[i];
        len += 1;
    }
    // Only ASCII digits, '.' and '-' were written.
    std::str::from_utf8(&buf[..len]).unwrap_or_default()
}

/// A decimal as text without trailing zeros: `"0.5"`, `"2"`.
pub fn plain_text(value: &Decimal) -> String {
    write(value, true, &mut [0; 64]).to_owned()
}

/// Money as text with all its places: `"1500.00"`.
pub fn money_text(value: &Decimal) -> String {
    write(value, false, &mut [0; 64]).to_owned()
}

/// Serializes a decimal without trailing zeros: `"0.5"`, `"1.1"`, `"2"`.
pub fn serialize_plain<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(write(value, true, &mut [0; 64]))
}

/// Serializes money as it is scaled: always the plan's number of places.
pub fn serialize_money<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(write(value, false, &mut [0; 64]))
}

/// Serializes a list of money amounts.
pub fn serialize_money_list<S: Serializer>(
    values: &[Decimal],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = serializer.serialize_seq(Some(values.len()))?;
    for value in values {
        seq.serialize_element(write(value, false, &mut [0; 64]))?;
    }
    seq.end()
}

/// Serializes optional money, or `null`.
pub fn serialize_money_opt<S: Serializer>(
    value: &Option<Decimal>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serialize_money(value, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_decimals() {
        let cases = [
            ("0", "0"),
            ("-0", "0"),
            ("1250000.00", "1250000"),
            ("0.5", "0.5"),
            ("-12.340", "-12.34"),
            ("000123.4500", "123.45"),
            (
                "9999999999999999999999999999",
                "9999999999999999999999999999",
            ),
            (
                "0.0000000000000000000000000001",
                "0.0000000000000000000000000001",
            ),
            ("1.000000000000000000000000000000000", "1"),
        ];
        for (text, expected) in cases {
            assert_eq!(
                parse(text).map(|d| d.to_string()),
                Ok(expected.to_owned()),
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_anything_else() {
        let cases = [
            "-", ".5", "5.", "+5", "1e3", "1_000", "1,000", " 1", "1 ", "$1", "1.2.3", "--1",
            "0x10", "NaN", "Infinity", "١٢", "1.-2",
        ];
        for text in cases {
            assert_eq!(parse(text), Err(ErrorKind::NotDecimal), "{text:?}");
        }
        assert_eq!(
            parse(""),
            Err(ErrorKind::Missing),
            "empty: still to fill in"
        );
    }

    #[test]
    fn writes_what_display_writes() {
        let cases = [
            "0",
            "0.00",
            "1500.00",
            "-12.340",
            "0.5",
            "0.0001",
            "7.9228162514264337593543950335",
            "79228162514264337593543950335",
            "-0.0000000000000000000000000001",
            "10",
            "100.10",
        ];
        for text in cases {
            let value: Decimal = text.parse().unwrap();
            assert_eq!(
                write(&value, false, &mut [0; 64]),
                value.to_string(),
                "{text}"
            );
            assert_eq!(
                write(&value, true, &mut [0; 64]),
                value.normalize().to_string(),
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_more_than_28_significant_digits() {
        let cases = [
            "99999999999999999999999999999",
            "1.0000000000000000000000000001",
            "0.00000000000000000000000000001",
        ];
        for text in cases {
            assert_eq!(parse(text), Err(ErrorKind::TooPrecise), "{text}");
        }
    }
}
