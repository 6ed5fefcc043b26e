//! The first result's WebAssembly module, built with the `first` feature
//! (and for size: scripts/build.mjs). It answers for one plan what the
//! page's `Calculator` answers when it has just opened a scenario file of
//! that plan: its Result, facts and targets; and, as the page's module
//! does, the texts the page's number format asks for (`boundary.rs`).
//! Nothing else, so that the page draws its first result before its own
//! module, with the `Calculator`, has arrived (www/engine.js).

use std::borrow::Cow;

use wasm_bindgen::prelude::*;

use crate::boundary::encode;
use crate::evaluate::{targets, Evaluation, Outcome};
use crate::json::Json;
use crate::plan::Plan;

/// What the page's `Calculator` answers to `evaluate({ workings: true })`
/// once it has opened a scenario file of this one plan; `null` when the
/// plan has errors (or holds what JSON cannot carry): the page's module,
/// which says them by their fields, answers then.
#[wasm_bindgen(js_name = firstAnswer, unchecked_return_type = "Evaluation | null")]
pub fn first_answer(#[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue) -> JsValue {
    let text = js_sys::JSON::stringify(&plan)
        .ok()
        .and_then(|text| text.as_string());
    let json = text
        .as_deref()
        .and_then(|text| crate::json::parse(text).ok());
    json.as_ref()
        .and_then(answer)
        .map_or(JsValue::NULL, |evaluation| encode(&evaluation))
}

/// The `Calculator`'s first answer (`Evaluator::answer`): the plan read for
/// its payouts, its Result with the workings and members as columns, its
/// facts and targets; no chart, no comparison (one scenario), no change.
fn answer(json: &Json) -> Option<Evaluation<'static>> {
    let plan = Plan::payouts_from_json(json).ok()?;
    let report = crate::calculate_with_workings(&plan).ok()?;
    Some(Evaluation {
        targets: targets(&plan).ok()?,
        result: Outcome::Result(Cow::Owned(report.with_member_columns())),
        facts: Some(crate::facts(json)),
        chart: None,
        comparison: None,
        changed: None,
        kept: false,
    })
}
