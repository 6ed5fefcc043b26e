//! What both WebAssembly modules have: the allocator, the texts the
//! page's number format asks the core for, the language of the core's
//! words, and how values cross: read as JSON, written as a tape. The page's own module
//! (`wasm.rs`) and the first result's (`first.rs`) each export these.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// talc rather than Rust's default dlmalloc: the calculation makes many small
/// allocations, and dlmalloc serves the 16-byte-aligned ones (an `Exact`
/// holds two i128) by its slow `memalign` path. A keystroke with three
/// scenarios open is about 4 % faster, `calculate` of the preset about 2 %,
/// and the page's module no larger.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A fraction (decimal text, as a Result writes it) as a percentage is
/// shown: the fraction's text exactly when the percentage has at most four
/// places, else cut to four and ending in `…` (`"0.999999…"` for 1,199,999
/// ÷ 1,200,000). The page writes it in its locale's way and keeps the mark.
#[wasm_bindgen(js_name = shownPercent)]
pub fn shown_percent(fraction: &str) -> String {
    marked(crate::shown::Shown::PERCENT.of(fraction))
}

/// A payout factor (decimal text) as it is shown: exactly when it has at
/// most eight places, else cut to four and ending in `…` (`"0.8333…"`).
#[wasm_bindgen(js_name = shownFactor)]
pub fn shown_factor(value: &str) -> String {
    marked(crate::shown::Shown::FACTOR.of(value))
}

/// An exact amount (decimal text: a line's product before it is rounded to
/// money with `decimals` places) as it is shown: exactly when it has at
/// most eight places, else cut to two places more than the money's (four at
/// least) and ending in `…` (`"16666.6666…"`).
#[wasm_bindgen(js_name = shownAmount)]
pub fn shown_amount(value: &str, decimals: u32) -> String {
    marked(crate::shown::Shown::amount(decimals).of(value))
}

/// A ratio (decimal text: a leverage, a cap in multiples of target
/// incentive, a forecast's mean) as it is shown: rounded half to even to at
/// most four places (`"1.1174"`).
#[wasm_bindgen(js_name = shownRatio)]
pub fn shown_ratio(value: &str) -> String {
    crate::shown::Shown::ratio(value)
}

fn marked((shown, whole): (&str, bool)) -> String {
    let mut text = shown.to_owned();
    if !whole {
        text.push('…');
    }
    text
}

/// The most scenarios side by side.
#[wasm_bindgen(js_name = maxScenarios)]
pub fn max_scenarios() -> usize {
    crate::MAX_SCENARIOS
}

/// Writes the messages of every later call (errors, warnings, a roster's
/// notes) in the language of `tag`'s words: German for `de` and `de-…`,
/// else English.
#[wasm_bindgen(js_name = setLanguage)]
pub fn set_language(tag: &str) {
    crate::set_language(crate::Language::of_tag(tag));
}

#[wasm_bindgen(module = "/src/tape.js")]
extern "C" {
    /// The value a tape (`tape.rs`) holds, as plain objects.
    fn untape(text: &str) -> JsValue;
}

/// Plain objects, not `Map`s; `null`, never `undefined`: what `JSON.parse`
/// makes of the value's JSON text. The value crosses as a tape, which
/// `untape` builds in one call: fewer trips across the boundary than
/// building it field by field, a module 1.8 KB (gzipped) smaller than with
/// serde-wasm-bindgen, and faster than JSON text (`npm run bench`, "The
/// boundary").
pub(crate) fn encode(value: &impl Serialize) -> JsValue {
    // Every one of the core's values is a tape (every map key is text).
    crate::tape::tape(value).map_or(JsValue::NULL, |text| untape(&text))
}

/// Reads a JS value as JSON: `JSON.stringify` in one call, then the core's
/// parser. Walking the object field by field across the boundary was ten
/// times slower; serde-wasm-bindgen would bring float formatting into the
/// module. `undefined` fields drop out as JSON drops them. The value read
/// borrows its text, so `read` is handed it rather than it returned.
pub(crate) fn decode<T>(
    value: JsValue,
    read: impl FnOnce(&crate::Json) -> Result<T, crate::Errors>,
) -> Result<T, crate::Errors> {
    let text = js_sys::JSON::stringify(&value).map_err(|_| {
        let why = "it holds a value that JSON cannot carry, such as a BigInt or a loop".to_owned();
        crate::Error::new(crate::JsonPath::root(), crate::ErrorKind::NotJson(why))
    })?;
    match text.as_string() {
        Some(text) => read(&crate::parse_json(&text)?),
        // `undefined` and functions have no JSON text.
        None => read(&crate::Json::Null),
    }
}
