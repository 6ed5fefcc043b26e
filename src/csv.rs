//! CSV in and out: the payouts per payee, member or team (the per-member payout
//! export of the CLI and of the page, through Wasm: one writer for both) and
//! sweeps written in a spreadsheet's convention; files decoded as
//! spreadsheets save them (a byte-order mark, UTF-8, UTF-16 or
//! Windows-1252), for the roster reader.

use std::borrow::Cow;

use crate::decimal::{money_text, plain_text};
use crate::exact::text::SHOWN_DIGITS;
use crate::report::Report;
use crate::scenarios::ScenarioResults;
use crate::sweep::SweepPoint;

/// How a spreadsheet writes and reads CSV: where decimals are written with a
/// comma (German, French, and most of Europe's and South America's
/// locales), Excel and LibreOffice separate fields with `;` and write `1,5`;
/// elsewhere `,` and `1.5`. A byte-order mark tells Excel that the file is
/// UTF-8 (without one it reads "Zoë" as "ZoÃ«").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Convention {
    pub decimal_comma: bool,
    pub bom: bool,
}

/// Languages whose numbers are written with a decimal comma, and the
/// regions where such a language, or another, writes otherwise: CLDR's, as
/// `Intl.NumberFormat` has them (tests/js/csv.test.mjs checks every
/// language and region pair Node knows against `Intl`).
const COMMA_LANGUAGES: [&str; 73] = [
    "af", "az", "be", "bg", "br", "bs", "ca", "cs", "cv", "da", "de", "el", "eo", "es", "et", "eu",
    "ff", "fi", "fo", "fr", "fy", "gl", "hr", "hu", "hy", "ia", "id", "ie", "is", "it", "jv", "ka",
    "kk", "kl", "ku", "ky", "lb", "ln", "lo", "lt", "lu", "lv", "mk", "nb", "nl", "nn", "no", "oc",
    "os", "pl", "pt", "rm", "rn", "ro", "ru", "rw", "sc", "se", "sg", "sk", "sl", "sq", "sr", "su",
    "sv", "tg", "tk", "tr", "tt", "uk", "uz", "vi", "wo",
];
const POINT_REGIONS: [(&str, &str); 20] = [
    ("de", "CH"),
    ("de", "LI"),
    ("es", "BR"),
    ("es", "BZ"),
    ("es", "CU"),
    ("es", "DO"),
    ("es", "GT"),
    ("es", "HN"),
    ("es", "MX"),
    ("es", "NI"),
    ("es", "PA"),
    ("es", "PE"),
    ("es", "PR"),
    ("es", "SV"),
    ("es", "US"),
    ("es", "419"),
    ("it", "CH"),
    ("kk", "CN"),
    ("ku", "IQ"),
    ("uz", "AF"),
];
const COMMA_REGIONS: [(&str, &str); 33] = [
    ("ar", "DZ"),
    ("ar", "LY"),
    ("ar", "MA"),
    ("ar", "TN"),
    ("en", "AT"),
    ("en", "BE"),
    ("en", "CZ"),
    ("en", "DE"),
    ("en", "DK"),
    ("en", "EE"),
    ("en", "ES"),
    ("en", "FI"),
    ("en", "FR"),
    ("en", "GE"),
    ("en", "HU"),
    ("en", "ID"),
    ("en", "IT"),
    ("en", "LT"),
    ("en", "LV"),
    ("en", "NL"),
    ("en", "NO"),
    ("en", "PL"),
    ("en", "PT"),
    ("en", "RO"),
    ("en", "SE"),
    ("en", "SI"),
    ("en", "SK"),
    ("en", "UA"),
    ("en", "ZA"),
    ("ms", "BN"),
    ("ms", "ID"),
    ("qu", "BO"),
    ("sw", "CD"),
];

impl Convention {
    /// `,` between fields, `.` in numbers, no byte-order mark: what programs
    /// read, and what the CLI writes unless told a locale.
    pub const PLAIN: Convention = Convention {
        decimal_comma: false,
        bom: false,
    };

    /// A locale's spreadsheet convention (a BCP 47 tag such as `de-DE`,
    /// `en-US` or `fr`), with a byte-order mark; `plain` is [`Self::PLAIN`].
    pub fn of_locale(tag: &str) -> Result<Convention, String> {
        if tag == "plain" {
            return Ok(Convention::PLAIN);
        }
        let not_a_locale = || {
            format!("“{tag}” is not a locale: use a language tag such as en-US, de-DE or fr-FR, or plain")
        };
        let mut parts = tag.split(['-', '_']);
        let language = parts.next().unwrap_or_default().to_ascii_lowercase();
        let fine = |s: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric())
        };
        if !fine(&language, 2..=3) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(not_a_locale());
        }
        let mut region = None;
        for part in parts {
            if !fine(part, 1..=8) {
                return Err(not_a_locale());
            }
            let is_region = (part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
                || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()));
            if is_region && region.is_none() {
                region = Some(part.to_ascii_uppercase());
            }
        }
        let pair = |list: &[(&str, &str)]| {
            region
                .as_deref()
                .is_some_and(|r| list.iter().any(|&(l, g)| l == language && g == r))
        };
        let decimal_comma = if pair(&POINT_REGIONS) {
            false
        } else {
            pair(&COMMA_REGIONS) || COMMA_LANGUAGES.contains(&language.as_str())
        };
        Ok(Convention {
            decimal_comma,
            bom: true,
        })
    }

    /// The field separator: `;` where decimals have a comma, else `,`.
    pub fn separator(self) -> char {
        if self.decimal_comma {
            ';'
        } else {
            ','
        }
    }
}

const PAYOUT_HEADER: [&str; 6] = [
    "team",
    "team_name",
    "member",
    "member_share",
    "payout",
    "currency",
];

/// One CSV cell: text, or a number written with the convention's decimal mark.
enum Cell<'a> {
    Text(&'a str),
    Number(String),
}

/// Lines of CSV in one convention.
struct Writer {
    convention: Convention,
    text: String,
}

impl Writer {
    fn new(convention: Convention) -> Writer {
        let text = if convention.bom { "\u{feff}" } else { "" };
        Writer {
            convention,
            text: text.to_owned(),
        }
    }

    fn header(&mut self, names: &[&str]) {
        let cells: Vec<Cell> = names.iter().map(|n| Cell::Text(n)).collect();
        self.row(&cells);
    }

    /// One CSV line (RFC 4180). A text cell that a spreadsheet would run as
    /// a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
    fn row(&mut self, cells: &[Cell]) {
        let separator = self.convention.separator();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.text.push(separator);
            }
            let cell = match cell {
                Cell::Number(text) if self.convention.decimal_comma => {
                    Cow::Owned(text.replace('.', ","))
                }
                Cell::Number(text) => Cow::Borrowed(text.as_str()),
                Cell::Text(text) if text.starts_with(['=', '+', '-', '@', '\t', '\r']) => {
                    Cow::Owned(format!("'{text}"))
                }
                Cell::Text(text) => Cow::Borrowed(*text),
            };
            if cell.contains([separator, '"', '\n', '\r']) {
                self.text.push('"');
                self.text.push_str(&cell.replace('"', "\"\""));
                self.text.push('"');
            } else {
                self.text.push_str(&cell);
            }
        }
        self.text.push_str("\r\n");
    }

    /// A row per payee of `report`: each member of a team with members, a
    /// team without, each led by `lead` when there is one (a scenario's
    /// name). The payouts add up to the total: a team's row beside its
    /// members' would count its payout twice in a spreadsheet's sum (found by
    /// two fresh looks).
    fn payouts(&mut self, lead: Option<&str>, report: &Report) {
        let mut led = |cells: [Cell; 6]| {
            let row: Vec<Cell> = lead.map(Cell::Text).into_iter().chain(cells).collect();
            self.row(&row);
        };
        for team in &report.teams {
            if team.members.is_empty() {
                led([
                    Cell::Text(&team.id),
                    Cell::Text(&team.name),
                    Cell::Text(""),
                    Cell::Text(""),
                    Cell::Number(money_text(&team.payout)),
                    Cell::Text(&report.currency),
                ]);
            }
            for member in &team.members {
                led([
                    Cell::Text(&team.id),
                    Cell::Text(&team.name),
                    Cell::Text(&member.name),
                    Cell::Number(plain_text(&member.share)),
                    Cell::Number(money_text(&member.payout)),
                    Cell::Text(&report.currency),
                ]);
            }
        }
    }
}

/// One row per payee: each member of a team with members, a team without.
pub fn payouts(report: &Report, convention: Convention) -> String {
    let mut writer = Writer::new(convention);
    writer.header(&PAYOUT_HEADER);
    writer.payouts(None, report);
    writer.text
}

/// The payouts of every scenario, each row led by its scenario's name.
pub fn scenario_payouts(results: &ScenarioResults, convention: Convention) -> String {
    let mut writer = Writer::new(convention);
    let mut header = vec!["scenario"];
    header.extend(PAYOUT_HEADER);
    writer.header(&header);
    for scenario in &results.scenarios {
        writer.payouts(Some(&scenario.name), &scenario.result);
    }
    writer.text
}

/// One row per step: the attainment, each team's payout, the total.
pub fn sweep(points: &[SweepPoint], convention: Convention) -> String {
    let mut writer = Writer::new(convention);
    let mut header = vec!["attainment"];
    if let Some(first) = points.first() {
        header.extend(first.teams.iter().map(|t| t.id.as_str()));
    }
    header.push("total");
    writer.header(&header);
    for point in points {
        let mut cells = vec![Cell::Number(point.attainment.to_significant(SHOWN_DIGITS))];
        cells.extend(
            point
                .teams
                .iter()
                .map(|t| Cell::Number(money_text(&t.payout))),
        );
        cells.push(Cell::Number(money_text(&point.total)));
        writer.row(&cells);
    }
    writer.text
}

/// The text encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    /// Not UTF-8: older Excel exports on Windows in Western Europe and the
    /// Americas. Every byte is a character, so nothing is lost, but a file
    /// in another code page would read wrong: said where it is read.
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16 => "UTF-16",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Windows-1252's characters for the bytes 0x80 to 0x9F (the rest are
/// Latin-1's); the five bytes it leaves undefined stand for themselves, as
/// browsers read them.
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// A file's text: UTF-16 when it starts with that byte-order mark, UTF-8
/// when it is valid UTF-8 (a byte-order mark dropped), else Windows-1252.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    let utf16 = |pair: fn([u8; 2]) -> u16| {
        let units = bytes[2..]
            .chunks(2)
            .map(|c| pair([c[0], *c.get(1).unwrap_or(&0)]));
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        (Cow::Owned(text), Encoding::Utf16)
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(u16::from_le_bytes),
        [0xFE, 0xFF, ..] => utf16(u16::from_be_bytes),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => (
                Cow::Borrowed(text.strip_prefix('\u{feff}').unwrap_or(text)),
                Encoding::Utf8,
            ),
            Err(_) => {
                let text = bytes
                    .iter()
                    .map(|&b| match b {
                        0x80..=0x9F => WINDOWS_1252[usize::from(b - 0x80)],
                        _ => char::from(b),
                    })
                    .collect();
                (Cow::Owned(text), Encoding::Windows1252)
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(convention: Convention, cells: &[Cell]) -> String {
        let mut writer = Writer::new(convention);
        writer.row(cells);
        writer.text
    }

    #[test]
    fn cells_are_quoted_and_defused() {
        let text = |t| Cell::Text(t);
        assert_eq!(
            line(
                Convention::PLAIN,
                &[text("a"), text("b,c"), text("say \"hi\"")]
            ),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(
            line(
                Convention::PLAIN,
                &[text("=SUM(A1)"), Cell::Number("-12.50".into()), text("@x")]
            ),
            "'=SUM(A1),-12.50,'@x\r\n"
        );
    }

    #[test]
    fn a_decimal_comma_locale_writes_semicolons_and_commas_after_a_bom() {
        let german = Convention::of_locale("de-DE").unwrap();
        assert_eq!(
            line(
                german,
                &[Cell::Text("Lima; Ana"), Cell::Number("-1234.50".into())]
            ),
            "\u{feff}\"Lima; Ana\";-1234,50\r\n"
        );
        // A comma in text needs no quotes where ';' separates.
        assert_eq!(line(german, &[Cell::Text("a,b")]), "\u{feff}a,b\r\n");
    }

    #[test]
    fn locales_name_their_convention() {
        let comma = |tag| Convention::of_locale(tag).unwrap().decimal_comma;
        for tag in [
            "de-DE", "de", "fr-FR", "de-AT", "es-ES", "pt-BR", "en-DE", "sv_SE",
        ] {
            assert!(comma(tag), "{tag}");
        }
        for tag in [
            "en-US",
            "en-GB",
            "en-IN",
            "de-CH",
            "es-MX",
            "es-419",
            "ja-JP",
            "zh-Hant-TW",
        ] {
            assert!(!comma(tag), "{tag}");
        }
        assert_eq!(Convention::of_locale("plain"), Ok(Convention::PLAIN));
        assert!(Convention::of_locale("de-DE").unwrap().bom);
        for bad in ["", "german", "1-DE", "de--DE"] {
            assert!(Convention::of_locale(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn files_decode_as_spreadsheets_save_them() {
        assert_eq!(
            decode("\u{feff}Zoë".as_bytes()),
            (Cow::Borrowed("Zoë"), Encoding::Utf8)
        );
        // "Zoë € 1" in Windows-1252.
        let old = [b'Z', b'o', 0xEB, b' ', 0x80, b' ', b'1'];
        assert_eq!(decode(&old).0, "Zoë € 1");
        assert_eq!(decode(&old).1, Encoding::Windows1252);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Zoë\t1".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode(&utf16),
            (Cow::Owned("Zoë\t1".into()), Encoding::Utf16)
        );
    }
}
