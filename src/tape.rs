//! Values cross to JavaScript as a tape: faster to write than JSON text, and
//! faster for JavaScript to build objects from than `JSON.parse` (see
//! `src/tape.js`, which reads it, and `npm run bench`'s "The boundary").
//!
//! A tape is one string: its shape, one character per token, then
//! U+0001, then the text of each leaf (strings, numbers, dynamic keys),
//! each before a U+0001 but the last. No key of a struct is written as
//! text: each is a character of the shape, the index of the key in a table
//! that the module and `tape.js` both keep, and which only grows. A tape
//! starts with the keys new to that table.
//!
//! Shape tokens:
//! - `N`: a key new to the table, its text the next leaf;
//! - `s`: a string, the next leaf; `d`: a number, the next leaf's text;
//! - `n`, `t`, `f`: null, true, false;
//! - `[` … `]`: an array; `{` … `}`: an object, each value after its key:
//!   `k` (the key is the next leaf) or a key's character: keys 0 to 111
//!   are the characters from U+0002 to U+007F that are not tokens, in
//!   order, and key 112 + i is U+0100 + i;
//! - `e` and `K`: as `s` and `k`, for text holding U+0001, which the leaf
//!   writes as U+0002 U+0003 (and U+0002 as U+0002 U+0002);
//! - `R` and a row's shape (`{`, then a key's character and `s` for each of
//!   its keys, then `}`): an array of `ROWS` or more objects of that shape,
//!   the next leaf their number, then each one's leaves in turn. A list of
//!   10,000 members' payouts (`{ name, share, payout }`) is written so, and
//!   JavaScript builds its objects key by key at fixed places, at twice the
//!   speed of reading each object's shape.

use std::cell::RefCell;
use std::fmt::{self, Display};

use serde::ser::{self, Serialize};

/// The fewest objects of one shape written as rows: for a few, rows would
/// save less than they cost.
const ROWS: usize = 16;
/// Between the shape and the leaves, and between leaves.
const SEP: char = '\u{1}';
/// Before U+0003 (for U+0001) or U+0002 in a leaf of `e` or `K`.
const ESCAPE: char = '\u{2}';
/// The shape's tokens; every other character of a shape is a key's.
const TOKENS: &[u8] = b"Nsdntf[]{}keKR";
/// The first keys' characters: the ASCII ones from U+0002 on that are not
/// tokens (U+0001 ends the shape). A tape of ASCII text alone is decoded
/// by JavaScript's `TextDecoder` some twenty times faster than one with a
/// character beyond it (a 1 KB tape: 0.15 against 3.2 µs in Node), and its
/// strings are one byte a character.
const ASCII_KEYS: ([u8; 126], usize) = {
    let mut chars = [0; 126];
    let mut count = 0;
    let mut c = 2;
    while c < 0x80 {
        let mut token = false;
        let mut t = 0;
        while t < TOKENS.len() {
            token |= TOKENS[t] == c;
            t += 1;
        }
        if !token {
            chars[count] = c;
            count += 1;
        }
        c += 1;
    }
    (chars, count)
};
/// The character of the first key beyond the ASCII ones.
const FIRST_WIDE_KEY: u32 = 0x100;
/// Keys at most: their characters stay below the surrogates (U+D800).
const MOST_KEYS: usize = ASCII_KEYS.1 + (0xD800 - FIRST_WIDE_KEY as usize);

/// The shape character of key number `number`, if it has one.
fn key_char(number: usize) -> Option<char> {
    let (ascii, count) = ASCII_KEYS;
    match number.checked_sub(count) {
        None => ascii.get(number).map(|&c| char::from(c)),
        Some(wide) if number < MOST_KEYS => char::from_u32(FIRST_WIDE_KEY + wide as u32),
        Some(_) => None,
    }
}

thread_local! {
    /// The keys the JavaScript side knows, by the address of their text.
    static KEYS: RefCell<Keys> = RefCell::new(Keys::default());
}

/// The key table: each struct key's `&'static str` by its address, with
/// its number. Open addressing over the address: no hashing of text.
#[derive(Default)]
struct Keys {
    /// `(address, length, number)`; the address is 0 in an empty slot.
    slots: Vec<(usize, usize, u32)>,
    count: usize,
}

impl Keys {
    /// Where `(address, len)` is, or the empty slot where it would go.
    fn slot(&self, address: usize, len: usize) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut at = (address >> 2 ^ len) & mask;
        loop {
            match self.slots[at] {
                (0, _, _) => return Err(at),
                (a, l, _) if a == address && l == len => return Ok(at),
                _ => at = (at + 1) & mask,
            }
        }
    }

    fn get(&self, key: &'static str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let at = self.slot(key.as_ptr() as usize, key.len()).ok()?;
        Some(self.slots[at].2)
    }

    fn insert(&mut self, key: &'static str, number: u32) {
        // At most half full.
        if (self.count + 1) * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(512);
            let old = std::mem::replace(&mut self.slots, vec![(0, 0, 0); size]);
            for slot in old.into_iter().filter(|slot| slot.0 != 0) {
                if let Err(at) = self.slot(slot.0, slot.1) {
                    self.slots[at] = slot;
                }
            }
        }
        if let Err(at) = self.slot(key.as_ptr() as usize, key.len()) {
            self.slots[at] = (key.as_ptr() as usize, key.len(), number);
            self.count += 1;
        }
    }
}

/// `value` as a tape; `None` when it cannot be one: a map key that is not
/// text or a number (as in JSON), or more keys than characters for them.
/// Neither happens with the core's types.
pub(crate) fn tape(value: &impl Serialize) -> Option<String> {
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        let mut writer = Writer {
            keys: &keys,
            known: keys.count,
            new: Vec::new(),
            shape: String::new(),
            leaves: String::new(),
            first: true,
        };
        value.serialize(&mut writer).ok()?;
        let Writer {
            new, shape, leaves, ..
        } = writer;
        let mut text = String::with_capacity(new.len() * 12 + shape.len() + leaves.len() + 2);
        for _ in &new {
            text.push('N');
        }
        text.push_str(&shape);
        text.push(SEP);
        for key in &new {
            text.push_str(key);
            text.push(SEP);
        }
        text.push_str(&leaves);
        // The new keys are the table's from now on: the JavaScript side
        // adds them as it reads this tape.
        let first = keys.count;
        for (i, key) in new.into_iter().enumerate() {
            keys.insert(key, (first + i) as u32);
        }
        Some(text)
    })
}

struct Writer<'k> {
    keys: &'k Keys,
    /// How many keys the table held when this tape began.
    known: usize,
    /// Keys first used in this tape, in the order of their numbers.
    new: Vec<&'static str>,
    shape: String,
    leaves: String,
    first: bool,
}

/// Why a value is not written as a tape; it then crosses as JSON text.
#[derive(Debug)]
pub(crate) struct NotATape;

impl Display for NotATape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a tape")
    }
}

impl std::error::Error for NotATape {}

impl ser::Error for NotATape {
    fn custom<T: Display>(_: T) -> Self {
        NotATape
    }
}

impl Writer<'_> {
    fn leaf(&mut self, token: char) -> &mut String {
        self.shape.push(token);
        if self.first {
            self.first = false;
        } else {
            self.leaves.push(SEP);
        }
        &mut self.leaves
    }

    /// `text` as a leaf of `token` (`s` or `k`), or escaped (`e` or `K`).
    fn text(&mut self, token: char, text: &str) {
        // By bytes: U+0001 is one byte in UTF-8 (the short texts of a tape
        // are quicker so than by `contains`, which sets up a search).
        if !text.bytes().any(|b| b == SEP as u8) {
            self.leaf(token).push_str(text);
            return;
        }
        let leaf = self.leaf(if token == 's' { 'e' } else { 'K' });
        for c in text.chars() {
            match c {
                SEP => leaf.extend([ESCAPE, '\u{3}']),
                ESCAPE => leaf.extend([ESCAPE, ESCAPE]),
                c => leaf.push(c),
            }
        }
    }

    fn number(&mut self, number: impl Display) -> Result<(), NotATape> {
        use std::fmt::Write;
        write!(self.leaf('d'), "{number}").map_err(|_| NotATape)
    }

    fn key(&mut self, key: &'static str) -> Result<(), NotATape> {
        let number = match self.keys.get(key) {
            Some(number) => number as usize,
            None => match self.new.iter().position(|k| std::ptr::eq(*k, key)) {
                Some(at) => self.known + at,
                None => {
                    self.new.push(key);
                    self.known + self.new.len() - 1
                }
            },
        };
        self.shape.push(key_char(number).ok_or(NotATape)?);
        Ok(())
    }
}

/// `serialize_i8` … `serialize_u128`: each integer written as a number.
macro_rules! numbers {
    ($($method:ident: $int:ty),*) => {$(
        fn $method(self, v: $int) -> Result<(), NotATape> {
            self.number(v)
        }
    )*};
}

impl<'a, 'k> ser::Serializer for &'a mut Writer<'k> {
    type Ok = ();
    type Error = NotATape;
    type SerializeSeq = Seq<'a, 'k>;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<(), NotATape> {
        self.shape.push(if v { 't' } else { 'f' });
        Ok(())
    }
    numbers!(
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128
    );
    fn serialize_f32(self, v: f32) -> Result<(), NotATape> {
        self.serialize_f64(f64::from(v))
    }
    /// As JSON has it: a float that is not finite is null. Rust writes the
    /// shortest text that reads back as the same float, as JSON text does.
    fn serialize_f64(self, v: f64) -> Result<(), NotATape> {
        if v.is_finite() {
            self.number(v)
        } else {
            self.serialize_unit()
        }
    }
    fn serialize_char(self, v: char) -> Result<(), NotATape> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), NotATape> {
        self.text('s', v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), NotATape> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for byte in v {
            seq.serialize_element(byte)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), NotATape> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), NotATape> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), NotATape> {
        self.shape.push('n');
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), NotATape> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), NotATape> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), NotATape> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), NotATape> {
        self.shape.push('{');
        self.key(variant)?;
        value.serialize(&mut *self)?;
        self.shape.push('}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a, 'k>, NotATape> {
        let at = (self.shape.len(), self.leaves.len(), self.first);
        self.shape.push('[');
        Ok(Seq {
            writer: self,
            at,
            items: 0,
            row: 0,
            same: true,
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, NotATape> {
        self.shape.push('[');
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, NotATape> {
        self.shape.push('[');
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, NotATape> {
        self.shape.push('{');
        self.key(variant)?;
        self.shape.push('[');
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, NotATape> {
        self.shape.push('{');
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, NotATape> {
        self.shape.push('{');
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, NotATape> {
        self.shape.push('{');
        self.key(variant)?;
        self.shape.push('{');
        Ok(self)
    }
}

/// A list's items, each written in turn, then its end (`]`, or `]}` for a
/// variant's, which sits in an object named for the variant).
macro_rules! items {
    ($($compound:ident, $item:ident, $end:literal;)*) => {$(
        impl ser::$compound for &mut Writer<'_> {
            type Ok = ();
            type Error = NotATape;
            fn $item<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), NotATape> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), NotATape> {
                self.shape.push_str($end);
                Ok(())
            }
        }
    )*};
}

items! {
    SerializeTuple, serialize_element, "]";
    SerializeTupleStruct, serialize_field, "]";
    SerializeTupleVariant, serialize_field, "]}";
}

/// A list being written: where it began (the shape's and the leaves'
/// lengths, and whether its first leaf is the tape's), how many items it
/// has, the length of the first one's shape, and whether each has had it.
pub(crate) struct Seq<'a, 'k> {
    writer: &'a mut Writer<'k>,
    at: (usize, usize, bool),
    items: usize,
    row: usize,
    same: bool,
}

impl ser::SerializeSeq for Seq<'_, '_> {
    type Ok = ();
    type Error = NotATape;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), NotATape> {
        let start = self.writer.shape.len();
        value.serialize(&mut *self.writer)?;
        self.written(start);
        Ok(())
    }
    fn end(self) -> Result<(), NotATape> {
        let Seq {
            writer,
            at: (shape_at, leaves_at, first),
            items,
            row,
            same,
        } = self;
        let shape = writer.shape.get(shape_at + 1..shape_at + 1 + row);
        if items < ROWS || !same || !shape.is_some_and(is_row) {
            writer.shape.push(']');
            return Ok(());
        }
        // `R`, one row's shape, and the rows' number before their leaves.
        writer.shape.replace_range(shape_at..shape_at + 1, "R");
        writer.shape.truncate(shape_at + 1 + row);
        let count = format!("{items}{SEP}");
        writer
            .leaves
            .insert_str(leaves_at + usize::from(!first), &count);
        Ok(())
    }
}

impl Seq<'_, '_> {
    /// Notes an item whose shape began at `start`. Not inlined, so that the
    /// module holds one copy, not one in each type's list.
    #[inline(never)]
    fn written(&mut self, start: usize) {
        let shape = self.writer.shape.as_bytes();
        if self.items == 0 {
            self.row = shape.len() - start;
        } else if self.same {
            // The first item's shape is the one after the list's `[`.
            let first = self.at.0 + 1;
            self.same = shape.get(start..) == shape.get(first..first + self.row);
        }
        self.items += 1;
    }
}

/// Whether `shape` is an object of one or more keys, each a string.
fn is_row(shape: &str) -> bool {
    let Some(pairs) = shape.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
        return false;
    };
    let chars: Vec<char> = pairs.chars().collect();
    !chars.is_empty()
        && chars.chunks(2).all(|pair| match pair {
            [key, 's'] => {
                u32::from(*key) > 1 && !(key.is_ascii() && TOKENS.contains(&(*key as u8)))
            }
            _ => false,
        })
}

impl ser::SerializeMap for &mut Writer<'_> {
    type Ok = ();
    type Error = NotATape;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), NotATape> {
        key.serialize(MapKey(self))
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), NotATape> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), NotATape> {
        self.shape.push('}');
        Ok(())
    }
}

/// A struct's fields, each key (a number from the table) before its value,
/// then its end (`}`, or `}}` for a variant's).
macro_rules! fields {
    ($($compound:ident, $end:literal;)*) => {$(
        impl ser::$compound for &mut Writer<'_> {
            type Ok = ();
            type Error = NotATape;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), NotATape> {
                self.key(key)?;
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), NotATape> {
                self.shape.push_str($end);
                Ok(())
            }
        }
    )*};
}

fields! {
    SerializeStruct, "}";
    SerializeStructVariant, "}}";
}

/// A map's key: text, or a number written as text, as JSON has them.
struct MapKey<'a, 'k>(&'a mut Writer<'k>);

impl MapKey<'_, '_> {
    fn number(self, number: impl Display) -> Result<(), NotATape> {
        self.0.text('k', &number.to_string());
        Ok(())
    }
}

impl ser::Serializer for MapKey<'_, '_> {
    type Ok = ();
    type Error = NotATape;
    type SerializeSeq = ser::Impossible<(), NotATape>;
    type SerializeTuple = ser::Impossible<(), NotATape>;
    type SerializeTupleStruct = ser::Impossible<(), NotATape>;
    type SerializeTupleVariant = ser::Impossible<(), NotATape>;
    type SerializeMap = ser::Impossible<(), NotATape>;
    type SerializeStruct = ser::Impossible<(), NotATape>;
    type SerializeStructVariant = ser::Impossible<(), NotATape>;

    fn serialize_str(self, v: &str) -> Result<(), NotATape> {
        self.0.text('k', v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), NotATape> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), NotATape> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), NotATape> {
        value.serialize(self)
    }
    numbers!(
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64
    );
    fn serialize_bool(self, _: bool) -> Result<(), NotATape> {
        Err(NotATape)
    }
    fn serialize_f32(self, _: f32) -> Result<(), NotATape> {
        Err(NotATape)
    }
    fn serialize_f64(self, _: f64) -> Result<(), NotATape> {
        Err(NotATape)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), NotATape> {
        Err(NotATape)
    }
    fn serialize_none(self) -> Result<(), NotATape> {
        Err(NotATape)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), NotATape> {
        Err(NotATape)
    }
    fn serialize_unit(self) -> Result<(), NotATape> {
        Err(NotATape)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), NotATape> {
        Err(NotATape)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotATape> {
        Err(NotATape)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotATape> {
        Err(NotATape)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotATape> {
        Err(NotATape)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotATape> {
        Err(NotATape)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotATape> {
        Err(NotATape)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotATape> {
        Err(NotATape)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotATape> {
        Err(NotATape)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotATape> {
        Err(NotATape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As the format says (and `tape.js` reads it): keys 0 to 111 are the
    /// characters from U+0002 to U+007F that are not tokens, in order, and
    /// key 112 + i is U+0100 + i, up to the surrogates.
    #[test]
    fn a_keys_character_is_ascii_first_and_never_a_token() {
        let ascii: Vec<char> = (2u8..0x80)
            .map(char::from)
            .filter(|c| !"Nsdntf[]{}keKR".contains(*c))
            .collect();
        assert_eq!(ascii.len(), 112);
        for (number, c) in ascii.iter().enumerate() {
            assert_eq!(key_char(number), Some(*c));
        }
        assert_eq!(key_char(112), Some('\u{100}'));
        assert_eq!(key_char(112 + 0xD6FF), Some('\u{D7FF}'));
        assert_eq!(key_char(112 + 0xD700), None);
    }

    #[derive(serde::Serialize, Clone)]
    struct Row<'a> {
        name: &'a str,
        payout: &'a str,
    }

    #[derive(serde::Serialize, Clone)]
    struct Other {
        name: &'static str,
        count: u32,
    }

    #[derive(serde::Serialize)]
    #[serde(untagged)]
    enum Either<'a> {
        Row(Row<'a>),
        Other(Other),
    }

    /// The shape of a tape of this test, without the keys new to the table.
    fn shape_of(text: &str) -> &str {
        text.split(SEP)
            .next()
            .unwrap_or_default()
            .trim_start_matches('N')
    }

    #[test]
    fn a_list_of_objects_of_the_same_text_keys_is_written_as_rows() {
        let row = |name, payout| Row { name, payout };
        let count = ROWS.to_string();
        let names: Vec<String> = (0..ROWS).map(|i| format!("Rep {i}")).collect();
        let payouts: Vec<String> = (0..ROWS).map(|i| format!("{i}.00")).collect();
        let rows: Vec<Row> = (0..ROWS).map(|i| row(&names[i], &payouts[i])).collect();
        let text = tape(&("before", &rows, "after")).unwrap();
        let shape = shape_of(&text);
        let (name, payout) = (shape.chars().nth(4).unwrap(), shape.chars().nth(6).unwrap());
        assert_eq!(shape, format!("[sR{{{name}s{payout}s}}s]"));
        // The keys new to the table, then the leaves: the rows' number first.
        let leaves: Vec<&str> = text.split(SEP).skip(1).collect();
        let cells = (0..ROWS).flat_map(|i| [names[i].as_str(), payouts[i].as_str()]);
        let expected: Vec<&str> = ["before", count.as_str()]
            .into_iter()
            .chain(cells)
            .chain(["after"])
            .collect();
        assert_eq!(leaves[leaves.len() - expected.len()..], expected);
        // The rows' number as the tape's first leaf.
        let first = tape(&rows).unwrap();
        let leaves = first.split(SEP).skip(1).skip_while(|leaf| *leaf != count);
        assert_eq!(leaves.count(), 1 + 2 * ROWS, "{first:?}");
    }

    #[test]
    fn other_lists_are_written_item_by_item() {
        let row = |name| Row { name, payout: "1" };
        // Fewer than ROWS; one holding the separator; a number among the
        // values; objects of other keys among them; no objects at all.
        let few = tape(&vec![row("Ann"); ROWS - 1]).unwrap();
        assert!(shape_of(&few).starts_with("[{"), "{few:?}");
        let mut escaped = vec![row("Bo"); ROWS];
        escaped[ROWS / 2] = row("A\u{1}B");
        let escaped = tape(&escaped).unwrap();
        assert!(shape_of(&escaped).starts_with("[{"), "{escaped:?}");
        let numbers = tape(&vec![
            Other {
                name: "A",
                count: 1
            };
            ROWS
        ])
        .unwrap();
        assert!(shape_of(&numbers).starts_with("[{"), "{numbers:?}");
        let mixed: Vec<Either> = (0..ROWS)
            .map(|i| match i {
                3 => Either::Other(Other {
                    name: "A",
                    count: 1,
                }),
                _ => Either::Row(row("B")),
            })
            .collect();
        assert!(shape_of(&tape(&mixed).unwrap()).starts_with("[{"));
        let texts = tape(&vec!["a"; ROWS]).unwrap();
        assert!(shape_of(&texts).starts_with("[ss"), "{texts:?}");
        let empty: Vec<Row> = Vec::new();
        assert_eq!(shape_of(&tape(&empty).unwrap()), "[]");
    }
}
