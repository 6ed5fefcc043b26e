//! A reader of JSON values that collects every error: each value is read at
//! its path, and what is not as the model asks is reported there, so that
//! the author can fix every problem at once. The plan's schema
//! (`validate.rs`) and the sweep's options are read with it.

use rust_decimal::Decimal;

use crate::decimal;
use crate::error::{Error, ErrorKind, Errors};
use crate::ids;
use crate::json::{Json, Text};
use crate::names::Named;
use crate::path::Path;

/// A field's value; `null` counts as absent, so that JavaScript callers can
/// write `cap: null` for "no cap".
pub(crate) fn field<'a>(entries: &'a [(Text<'a>, Json<'a>)], key: &str) -> Option<&'a Json<'a>> {
    entries
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, value)| value)
        .filter(|value| **value != Json::Null)
}

/// Reads values out of JSON and collects an error for each one that is
/// not what the model asks for, so that every problem is reported at once.
#[derive(Default)]
pub(crate) struct Reader {
    errors: Vec<Error>,
}

impl Reader {
    pub(crate) fn error(&mut self, path: &Path, kind: ErrorKind) {
        self.errors.push(Error::new(path.to_json_path(), kind));
    }

    /// The value when no error was found, else every error.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, Errors> {
        match value {
            Some(value) if self.errors.is_empty() => Ok(value),
            _ => Err(Errors(self.errors)),
        }
    }

    /// An object's entries, after reporting repeated keys and, when `known`
    /// is given, keys the model does not define.
    pub(crate) fn object<'a>(
        &mut self,
        path: &Path,
        json: &'a Json<'a>,
        known: Option<&[&str]>,
    ) -> Option<&'a [(Text<'a>, Json<'a>)]> {
        let Json::Object(entries) = json else {
            self.wrong_type(path, json, "an object { … }");
            return None;
        };
        for (i, (key, _)) in entries.iter().enumerate() {
            if let Some(known) = known.filter(|known| !known.contains(&key.as_ref())) {
                let near = meant(key, known.iter().copied(), entries);
                self.error(
                    &path.key(key),
                    ErrorKind::UnknownField(key.to_string(), near),
                );
            } else if entries[..i].iter().any(|(earlier, _)| earlier == key) {
                self.error(&path.key(key), ErrorKind::DuplicateKey(key.to_string()));
            }
        }
        Some(entries)
    }

    /// A field that may be absent (or `null`): `Some(None)` when it is,
    /// `None` when it is present but not valid.
    pub(crate) fn optional<'a, T>(
        &mut self,
        path: &Path,
        entries: &'a [(Text<'a>, Json<'a>)],
        key: &str,
        read: impl FnOnce(&mut Self, &Path, &'a Json<'a>) -> Option<T>,
    ) -> Option<Option<T>> {
        match field(entries, key) {
            Some(value) => read(self, &path.key(key), value).map(Some),
            None => Some(None),
        }
    }

    /// A field that must be present, read by `read` at the field's own path.
    pub(crate) fn required<'a, T>(
        &mut self,
        path: &Path,
        entries: &'a [(Text<'a>, Json<'a>)],
        key: &str,
        read: impl FnOnce(&mut Self, &Path, &'a Json<'a>) -> Option<T>,
    ) -> Option<T> {
        let field_path = path.key(key);
        match field(entries, key) {
            Some(value) => read(self, &field_path, value),
            None => {
                self.error(&field_path, ErrorKind::Missing);
                None
            }
        }
    }

    pub(crate) fn wrong_type(&mut self, path: &Path, json: &Json, expected: &'static str) {
        let found = json.kind();
        self.error(path, ErrorKind::WrongType { expected, found });
    }

    pub(crate) fn decimal(&mut self, path: &Path, json: &Json) -> Option<Decimal> {
        let result = match json {
            Json::String(text) => decimal::parse(text),
            Json::Number(text) => Err(ErrorKind::NumberNotString(
                decimal::parse(text).is_ok().then(|| text.to_string()),
            )),
            _ => {
                self.wrong_type(path, json, "a decimal in quotes such as \"0.5\"");
                return None;
            }
        };
        result.map_err(|kind| self.error(path, kind)).ok()
    }

    /// A decimal ≥ 0.
    pub(crate) fn at_least_zero(&mut self, path: &Path, json: &Json) -> Option<Decimal> {
        let value = self.decimal(path, json)?;
        if value.is_sign_negative() && !value.is_zero() {
            self.error(path, ErrorKind::Negative);
            return None;
        }
        Some(value)
    }

    /// A decimal > 0.
    pub(crate) fn above_zero(&mut self, path: &Path, json: &Json) -> Option<Decimal> {
        let value = self.decimal(path, json)?;
        // Not by comparing with zero, which aligns their scales first.
        if value.is_sign_negative() || value.is_zero() {
            self.error(path, ErrorKind::NotPositive);
            return None;
        }
        Some(value)
    }

    /// A whole JSON number from `min` to `max`, written plainly (`2` or `2.0`).
    pub(crate) fn whole(&mut self, path: &Path, json: &Json, min: u32, max: u32) -> Option<u32> {
        let n = self.whole_u64(path, json, u64::from(min), u64::from(max))?;
        u32::try_from(n).ok()
    }

    /// A whole JSON number from `min` to `max`, up to 2⁶⁴ − 1.
    pub(crate) fn whole_u64(
        &mut self,
        path: &Path,
        json: &Json,
        min: u64,
        max: u64,
    ) -> Option<u64> {
        let Json::Number(text) = json else {
            self.wrong_type(path, json, "a whole number");
            return None;
        };
        let value = decimal::parse(text).ok().filter(|n| n.trunc() == *n);
        let value = value.and_then(|n| u64::try_from(n.mantissa() / 10i128.pow(n.scale())).ok());
        match value.filter(|n| (min..=max).contains(n)) {
            Some(n) => Some(n),
            None => {
                self.error(path, ErrorKind::OutOfRange { min, max });
                None
            }
        }
    }

    pub(crate) fn text(
        &mut self,
        path: &Path,
        json: &Json,
        min: usize,
        max: usize,
    ) -> Option<String> {
        self.text_as(path, json, (min, max), str::to_owned)
    }

    /// Text of `min` to `max` characters, made into a `T` by `make`.
    pub(crate) fn text_as<T>(
        &mut self,
        path: &Path,
        json: &Json,
        (min, max): (usize, usize),
        make: fn(&str) -> T,
    ) -> Option<T> {
        let Json::String(text) = json else {
            self.wrong_type(path, json, "text in quotes");
            return None;
        };
        // No shorter in characters than a quarter of its bytes, and no
        // longer than them: most texts need no count.
        let plainly = text.len() <= max && text.len() / 4 >= min;
        if !plainly && !(min..=max).contains(&text.chars().count()) {
            self.error(path, ErrorKind::TextLength { min, max });
            return None;
        }
        // A required text of spaces only names nothing (MODEL asks for 1
        // character at least; a payroll analyst would not pay "  ").
        if min > 0 && text.trim().is_empty() {
            self.error(path, ErrorKind::Blank);
            return None;
        }
        Some(make(text))
    }

    pub(crate) fn id(&mut self, path: &Path, json: &Json) -> Option<String> {
        let Json::String(id) = json else {
            self.wrong_type(path, json, "text in quotes");
            return None;
        };
        if !ids::is_id(id) {
            self.error(path, ErrorKind::BadId);
            return None;
        }
        Some(id.to_string())
    }

    /// `true` or `false`.
    pub(crate) fn boolean(&mut self, path: &Path, json: &Json) -> Option<bool> {
        match json {
            Json::Bool(value) => Some(*value),
            _ => {
                self.wrong_type(path, json, "true or false");
                None
            }
        }
    }

    /// One of a fixed set of names, as the matching value.
    pub(crate) fn choice<T: Named>(&mut self, path: &Path, json: &Json) -> Option<T> {
        let found = match json {
            Json::String(name) => T::from_name(name),
            _ => None,
        };
        if found.is_none() {
            self.error(path, ErrorKind::NotOneOf(T::names()));
        }
        found
    }

    pub(crate) fn list<'a>(
        &mut self,
        path: &Path,
        json: &'a Json<'a>,
        min: usize,
        max: usize,
    ) -> Option<&'a [Json<'a>]> {
        let Json::Array(items) = json else {
            self.wrong_type(path, json, "a list [ … ]");
            return None;
        };
        if items.len() < min || items.len() > max {
            self.error(path, ErrorKind::Count { min, max });
            return None;
        }
        Some(items)
    }

    /// Reads every item of a list with `read`, so that every item's errors
    /// are reported; the values only when all of them are valid.
    pub(crate) fn each<T>(
        &mut self,
        path: &Path,
        items: &[Json],
        mut read: impl FnMut(&mut Self, &Path, &Json) -> Option<T>,
    ) -> Option<Vec<T>> {
        let parsed: Vec<Option<T>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| read(self, &path.index(i), item))
            .collect();
        parsed.into_iter().collect()
    }
}

/// Which of `names` the key `key` of `entries` is probably a misspelling
/// of, when `entries` lacks it: a field's name, or a goal's id.
pub(crate) fn meant<'n>(
    key: &str,
    mut names: impl Iterator<Item = &'n str>,
    entries: &[(Text<'_>, Json<'_>)],
) -> Option<String> {
    names
        .find(|name| !entries.iter().any(|(k, _)| k == name) && misspelt(key, name))
        .map(str::to_owned)
}

/// Whether `key` is `field` misspelt: the same letters but for at most two
/// added, dropped, changed or swapped (the case of A to Z aside: Unicode's
/// case tables would add about 19 KB gzipped to the page's module), and at
/// most a third of the field's letters.
fn misspelt(key: &str, field: &str) -> bool {
    let a: Vec<char> = key.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = field.chars().map(|c| c.to_ascii_lowercase()).collect();
    let most = (b.len() / 3).min(2);
    if a.len().abs_diff(b.len()) > most {
        return false;
    }
    // Optimal string alignment distance, row by row.
    let mut before: Vec<usize> = Vec::new();
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()] <= most
}
