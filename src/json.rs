//! JSON as the plan's author wrote it, and the parser that reads it.
//!
//! `serde_json::Value` would silently keep the last of two equal keys and sort
//! object keys; validation wants to report duplicates and to list errors in
//! the order the author wrote the fields. Numbers are kept as their text:
//! only counts (`version`, `decimals`, `steps`) may be numbers, and money must
//! never pass through a float. The same small parser serves the CLI and the
//! Wasm module (which hands it the text of `JSON.stringify`).
//!
//! A value read from text borrows its keys, numbers and strings from that
//! text (only a string with an escape is copied): reading 10,000 members
//! then allocates one list per object instead of five allocations per
//! member. A value the core keeps (a `Calculator`'s plans) is made its own
//! by `owned`.

use std::borrow::Cow;

use crate::language::{self, Language};
use crate::path::{JsonPath, Step};

/// A key, a number's text or a string: borrowed from the text read, or owned.
pub type Text<'a> = Cow<'a, str>;

/// One JSON value, objects in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// A JSON number, as written (`2`, `0.5`, `1e3`).
    Number(Text<'a>),
    String(Text<'a>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Text<'a>, Json<'a>)>),
}

impl Json<'_> {
    /// The same value, owning its text rather than borrowing the text it
    /// was read from: for a value the core keeps.
    pub fn owned(&self) -> Json<'static> {
        let own = |text: &Text<'_>| -> Text<'static> { Cow::Owned(text.to_string()) };
        match self {
            Json::Null => Json::Null,
            Json::Bool(value) => Json::Bool(*value),
            Json::Number(text) => Json::Number(own(text)),
            Json::String(text) => Json::String(own(text)),
            Json::Array(items) => Json::Array(items.iter().map(Json::owned).collect()),
            Json::Object(entries) => Json::Object(
                entries
                    .iter()
                    .map(|(key, value)| (own(key), value.owned()))
                    .collect(),
            ),
        }
    }

    /// The value as JSON text, objects in their order and numbers exactly as
    /// they were written.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Number(text) => out.push_str(text),
            Json::String(text) => write_string(text, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    /// What kind of value this is, in the words an error message uses.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Number(_) => "a number",
            Json::String(_) => "text",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

/// A JSON string: quotes, with `"`, `\` and control characters escaped.
fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let code = u32::from(c);
                let hex = |n: u32| char::from_digit(n, 16).unwrap_or('0');
                out.push_str("\\u00");
                out.push(hex(code >> 4));
                out.push(hex(code & 15));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Deeper than any plan goes; it keeps hostile input from exhausting the stack.
const MAX_DEPTH: usize = 64;

/// Reads JSON text (RFC 8259). The error says what was expected and where,
/// as "line L, column C", with the path of the innermost value it was
/// reading: a plan that crossed from JavaScript is one line of text, whose
/// columns its author never saw (found by a fresh look: a name holding half
/// of a character, which a JavaScript object can hold and JSON cannot).
pub fn parse(text: &str) -> Result<Json<'_>, (JsonPath, String)> {
    parse_text(text).map_err(|fail| {
        let path = fail
            .within
            .into_iter()
            .rev()
            .fold(JsonPath::root(), |path, step| match step {
                Step::Key(key) => path.key(&key),
                Step::Index(index) => path.index(index),
            });
        (path, fail.why)
    })
}

/// Why a text is not JSON, and the keys and indices of the value it was
/// reading, innermost first (each added as the error leaves a list or an
/// object: nothing is kept while the text reads).
struct Fail {
    why: String,
    within: Vec<Step>,
}

impl Fail {
    fn within(mut self, step: Step) -> Fail {
        self.within.push(step);
        self
    }
}

fn parse_text(text: &str) -> Result<Json<'_>, Fail> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        items: Vec::new(),
        entries: Vec::new(),
    };
    let value = parser.value()?;
    parser.space();
    if parser.pos < parser.bytes.len() {
        return Err(parser.fail(Expected::End));
    }
    Ok(value)
}

/// What the parser expected where the text is not JSON.
#[derive(Clone, Copy)]
enum Expected {
    End,
    LessNesting,
    Value,
    Number,
    Fraction,
    Exponent,
    ClosingQuote,
    NoControl,
    Escape,
    LowSurrogate,
    Character,
    KnownEscape,
    HexDigits,
    CommaOrBracket,
    Key,
    Colon,
    CommaOrBrace,
    /// Another item after a comma that closes a list or an object: the
    /// comma is one too many (as an editor or a spreadsheet may leave it).
    NoTrailingComma,
}

impl Expected {
    fn english(self) -> &'static str {
        match self {
            Expected::End => "the end of the text",
            Expected::LessNesting => "less nesting",
            Expected::Value => "a value",
            Expected::Number => "a number",
            Expected::Fraction => "digits after the decimal point",
            Expected::Exponent => "digits in the exponent",
            Expected::ClosingQuote => "a closing quote",
            Expected::NoControl => "no control character in text",
            Expected::Escape => "an escape",
            Expected::LowSurrogate => "the second half of a surrogate pair",
            Expected::Character => "a character, not half a pair",
            Expected::KnownEscape => "an escape such as \\n or \\u00e9",
            Expected::HexDigits => "four hex digits",
            Expected::CommaOrBracket => "“,” or “]”",
            Expected::Key => "a key in quotes",
            Expected::Colon => "“:”",
            Expected::CommaOrBrace => "“,” or “}”",
            Expected::NoTrailingComma => {
                "another item after “,” (the last item of a list or object has no comma after it)"
            }
        }
    }

    fn german(self) -> &'static str {
        match self {
            Expected::End => "das Ende des Textes",
            Expected::LessNesting => "weniger Verschachtelung",
            Expected::Value => "ein Wert",
            Expected::Number => "eine Zahl",
            Expected::Fraction => "Ziffern nach dem Dezimalpunkt",
            Expected::Exponent => "Ziffern im Exponenten",
            Expected::ClosingQuote => "ein schließendes Anführungszeichen",
            Expected::NoControl => "kein Steuerzeichen im Text",
            Expected::Escape => "eine Escape-Sequenz",
            Expected::LowSurrogate => "die zweite Hälfte eines Surrogatpaars",
            Expected::Character => "ein Zeichen, kein halbes Paar",
            Expected::KnownEscape => "eine Escape-Sequenz wie \\n oder \\u00e9",
            Expected::HexDigits => "vier Hexadezimalziffern",
            Expected::CommaOrBracket => "„,“ oder „]“",
            Expected::Key => "ein Schlüssel in Anführungszeichen",
            Expected::Colon => "„:“",
            Expected::CommaOrBrace => "„,“ oder „}“",
            Expected::NoTrailingComma => "ein weiteres Element nach „,“ (nach dem letzten Element einer Liste oder eines Objekts steht kein Komma)",
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// The items of the lists being read, innermost last: each list takes
    /// its own off the top when it closes, into a vector of its exact size
    /// (one allocation per list, not one per doubling).
    items: Vec<Json<'a>>,
    /// The same for the entries of the objects being read.
    entries: Vec<(Text<'a>, Json<'a>)>,
}

impl<'a> Parser<'a> {
    /// What was expected where the text is not JSON, with the line and
    /// column (in the language messages are written in now).
    fn fail(&self, expected: Expected) -> Fail {
        Fail {
            why: self.why(expected),
            within: Vec::new(),
        }
    }

    fn why(&self, expected: Expected) -> String {
        let before = &self.bytes[..self.pos.min(self.bytes.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // Columns count characters: every byte that does not continue one.
        let column = before[start..]
            .iter()
            .filter(|&&b| b & 0xc0 != 0x80)
            .count()
            + 1;
        match language::current() {
            Language::English => format!(
                "expected {} at line {line}, column {column}",
                expected.english()
            ),
            Language::German => format!(
                "erwartet: {} in Zeile {line}, Spalte {column}",
                expected.german()
            ),
        }
    }

    /// The text from `start` to here. Both ends sit next to ASCII bytes, so
    /// the slice is whole characters; `get` rather than indexing keeps the
    /// panic path of `str` slicing out of the module.
    fn slice(&self, start: usize) -> &'a str {
        self.text.get(start..self.pos).unwrap_or_default()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn value(&mut self) -> Result<Json<'a>, Fail> {
        self.space();
        match self.peek() {
            Some(b'{') => self.nested(Parser::object),
            Some(b'[') => self.nested(Parser::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => self.word(),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Json<'a>, Fail>) -> Result<Json<'a>, Fail> {
        if self.depth >= MAX_DEPTH {
            return Err(self.fail(Expected::LessNesting));
        }
        self.depth += 1;
        self.pos += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self) -> Result<Json<'a>, Fail> {
        for (word, value) in [
            ("null", Json::Null),
            ("true", Json::Bool(true)),
            ("false", Json::Bool(false)),
        ] {
            if self.bytes[self.pos..].starts_with(word.as_bytes()) {
                self.pos += word.len();
                return Ok(value);
            }
        }
        Err(self.fail(Expected::Value))
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json<'a>, Fail> {
        let start = self.pos;
        self.eat(b'-');
        let whole = self.digits();
        let leading_zero = whole > 1 && self.bytes[self.pos - whole] == b'0';
        if whole == 0 || leading_zero {
            return Err(self.fail(Expected::Number));
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(self.fail(Expected::Fraction));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err(self.fail(Expected::Exponent));
            }
        }
        Ok(Json::Number(Cow::Borrowed(self.slice(start))))
    }

    fn string(&mut self) -> Result<Text<'a>, Fail> {
        self.pos += 1;
        // Most strings hold no escape: found whole by one scan, and borrowed.
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        let special = rest
            .iter()
            .position(|&b| matches!(b, b'"' | b'\\' | 0..=0x1f));
        if let Some(len) = special.filter(|&len| rest.get(len) == Some(&b'"')) {
            let start = self.pos;
            self.pos += len;
            let text = self.slice(start);
            self.pos += 1;
            return Ok(Cow::Borrowed(text));
        }
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.fail(Expected::ClosingQuote)),
                Some(b'"') => {
                    out.push_str(self.slice(run));
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(self.slice(run));
                    self.pos += 1;
                    out.push(self.escape()?);
                    run = self.pos;
                }
                Some(0..=0x1f) => return Err(self.fail(Expected::NoControl)),
                Some(_) => self.pos += 1,
            }
        }
    }

    fn escape(&mut self) -> Result<char, Fail> {
        let byte = self.peek().ok_or_else(|| self.fail(Expected::Escape))?;
        self.pos += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex()?;
                let code = if (0xd800..0xdc00).contains(&high) {
                    if !(self.eat(b'\\') && self.eat(b'u')) {
                        return Err(self.fail(Expected::LowSurrogate));
                    }
                    let low = self.hex()?;
                    if !(0xdc00..0xe000).contains(&low) {
                        return Err(self.fail(Expected::LowSurrogate));
                    }
                    0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
                } else {
                    high
                };
                char::from_u32(code).ok_or_else(|| self.fail(Expected::Character))?
            }
            _ => {
                self.pos -= 1;
                return Err(self.fail(Expected::KnownEscape));
            }
        })
    }

    fn hex(&mut self) -> Result<u32, Fail> {
        let digits = self.bytes.get(self.pos..self.pos + 4);
        let text = digits.and_then(|d| std::str::from_utf8(d).ok());
        let code = text.and_then(|t| u32::from_str_radix(t, 16).ok());
        let code = code.filter(|_| text.is_some_and(|t| t.bytes().all(|b| b.is_ascii_hexdigit())));
        let code = code.ok_or_else(|| self.fail(Expected::HexDigits))?;
        self.pos += 4;
        Ok(code)
    }

    fn array(&mut self) -> Result<Json<'a>, Fail> {
        let start = self.items.len();
        let read = self.array_items();
        let items = self.items.drain(start..).collect();
        read.map(|()| Json::Array(items))
    }

    fn array_items(&mut self) -> Result<(), Fail> {
        self.space();
        if self.eat(b']') {
            return Ok(());
        }
        let mut index = 0;
        loop {
            let item = self
                .value()
                .map_err(|fail| fail.within(Step::Index(index)))?;
            index += 1;
            self.items.push(item);
            self.space();
            if self.eat(b']') {
                return Ok(());
            }
            if !self.eat(b',') {
                return Err(self.fail(Expected::CommaOrBracket));
            }
            self.no_comma_before(b']')?;
        }
    }

    /// After a comma: an error, said at the comma itself, when `close`
    /// follows it, the comma one too many (found by a fresh look: said at
    /// the `]`, a line below it).
    fn no_comma_before(&mut self, close: u8) -> Result<(), Fail> {
        let comma = self.pos - 1;
        self.space();
        if self.peek() == Some(close) {
            self.pos = comma;
            return Err(self.fail(Expected::NoTrailingComma));
        }
        Ok(())
    }

    fn object(&mut self) -> Result<Json<'a>, Fail> {
        let start = self.entries.len();
        let read = self.object_entries();
        let entries = self.entries.drain(start..).collect();
        read.map(|()| Json::Object(entries))
    }

    fn object_entries(&mut self) -> Result<(), Fail> {
        self.space();
        if self.eat(b'}') {
            return Ok(());
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.fail(Expected::Key));
            }
            let key = self.string()?;
            self.space();
            if !self.eat(b':') {
                return Err(self.fail(Expected::Colon));
            }
            let value = self.value();
            let value = value.map_err(|fail| fail.within(Step::Key(key.to_string())))?;
            self.entries.push((key, value));
            self.space();
            if self.eat(b'}') {
                return Ok(());
            }
            if !self.eat(b',') {
                return Err(self.fail(Expected::CommaOrBrace));
            }
            self.no_comma_before(b'}')?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value, or why the text is not JSON.
    fn read(text: &str) -> Result<Json<'_>, String> {
        parse(text).map_err(|(_, why)| why)
    }

    /// Where the text stops being JSON: the path of the value being read,
    /// for half a character in a name, and a comma too many in a list.
    #[test]
    fn where_text_stops_being_json_is_said_by_its_path() {
        let path = |text| parse(text).map(|_| ()).unwrap_err().0.to_string();
        assert_eq!(
            path(r#"{"teams": [{"id": "s"}, {"members": [{"name": "A\ud800", "share": "1"}]}]}"#),
            "teams[1].members[0].name"
        );
        assert_eq!(path(r#"{"goals": [1, 2, ]}"#), "goals");
        assert_eq!(path("[1, 2"), "");
    }

    #[test]
    fn text_round_trips_with_numbers_as_written() {
        let text = r#"{"b":[1,2.50,-0,1e3],"a":"q\"\\\n\u0001é","n":null,"t":true}"#;
        let json = read(text).unwrap();
        assert_eq!(json.to_text(), text);
        assert_eq!(read(&json.to_text()).unwrap(), json);
    }

    fn s(text: &str) -> Json<'_> {
        Json::String(text.into())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let json = read(
            r#" { "a": [1, -0.5, 2e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "a": {} } "#,
        );
        let expected = Json::Object(vec![
            (
                "a".into(),
                Json::Array(vec![
                    Json::Number("1".into()),
                    Json::Number("-0.5".into()),
                    Json::Number("2e3".into()),
                    Json::Bool(true),
                    Json::Bool(false),
                    Json::Null,
                ]),
            ),
            ("b".into(), s("x\"\\/\né😀")),
            ("a".into(), Json::Object(vec![])),
        ]);
        assert_eq!(json, Ok(expected));
        assert_eq!(read("\"Chloé\""), Ok(s("Chloé")));
    }

    #[test]
    fn says_what_was_expected_and_where() {
        let cases = [
            ("", "expected a value at line 1, column 1"),
            (
                "{ goals: 1 }",
                "expected a key in quotes at line 1, column 3",
            ),
            // A comma too many, as an editor may leave it: said as that.
            (
                "{\n  \"a\": 1,\n}",
                "expected another item after “,” (the last item of a list or object has no comma after it) at line 2, column 9",
            ),
            (
                "[1, 2, ]",
                "expected another item after “,” (the last item of a list or object has no comma after it) at line 1, column 6",
            ),
            ("[1 2]", "expected “,” or “]” at line 1, column 4"),
            ("01", "expected a number at line 1, column 3"),
            (
                "1.",
                "expected digits after the decimal point at line 1, column 3",
            ),
            ("\"a", "expected a closing quote at line 1, column 3"),
            (
                "\"\\x\"",
                "expected an escape such as \\n or \\u00e9 at line 1, column 3",
            ),
            (
                "\"\\ud800\"",
                "expected the second half of a surrogate pair at line 1, column 8",
            ),
            ("\"\\u12\"", "expected four hex digits at line 1, column 4"),
            ("{} x", "expected the end of the text at line 1, column 4"),
            (
                "\"tab\there\"",
                "expected no control character in text at line 1, column 5",
            ),
        ];
        for (text, message) in cases {
            assert_eq!(read(text), Err(message.to_owned()), "{text:?}");
        }
        // In German too, every word of it.
        crate::set_language(Language::German);
        let german = read("[1, 2, ]");
        crate::set_language(Language::English);
        assert_eq!(
            german,
            Err("erwartet: ein weiteres Element nach „,“ (nach dem letzten Element einer Liste oder eines Objekts steht kein Komma) in Zeile 1, Spalte 6".to_owned())
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(10_000);
        assert!(read(&deep)
            .unwrap_err()
            .starts_with("expected less nesting"));
    }
}
