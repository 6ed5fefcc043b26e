//! The first result's WebAssembly module, built with the `first` feature
//! (and for size: scripts/build.mjs). It answers for one plan what the
//! page's `Calculator` answers when it has just opened a scenario file of
//! that plan, but for the plan's facts, which the first result does not
//! draw: its Result and targets; and, as the page's module does, the texts
//! the page's number format asks for (`boundary.rs`).
//! Nothing else, so that the page draws its first result before its own
//! module, with the `Calculator`, has arrived (www/engine.js).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::boundary::{decode, encode};
use crate::evaluate::{targets, Target};
use crate::json::Json;
use crate::plan::Plan;
use crate::report::Report;

/// What the page's `Calculator` answers to `evaluate({ workings: true })`
/// once it has opened a scenario file of this one plan, without the
/// plan's `facts` (2.4 KB of this module, gzipped); `null` when the
/// plan has errors (or holds what JSON cannot carry): the page's module,
/// which says them by their fields, answers then.
#[wasm_bindgen(js_name = firstAnswer, unchecked_return_type = "Evaluation | null")]
pub fn first_answer(#[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue) -> JsValue {
    decode(plan, |json| Ok(answer(json)))
        .ok()
        .flatten()
        .map_or(JsValue::NULL, |first| encode(&first))
}

/// The `Calculator`'s first answer (`Evaluator::answer`) but its facts: the
/// plan read for its payouts, its Result with the workings and members as
/// columns, and its targets; no chart, no comparison (one scenario), no
/// change. The steps are `Worked::new`'s (evaluator.rs): called here, it
/// brought its forecast's branch and its copy of the errors, which this
/// module has no use for (2.2 KB of it, gzipped). The page's tests check
/// the answers are the `Calculator`'s (tests/js/first.test.mjs).
/// Written as an `Evaluation` of a valid plan is written, by a type of its
/// own: an `Evaluation` can hold errors, and writing them would bring every
/// error's words, in both languages, into this module.
fn answer(json: &Json) -> Option<First> {
    let plan = Plan::payouts_from_json(json).ok()?;
    let report = crate::calculate_with_workings(&plan).ok()?;
    Some(First {
        targets: targets(&plan).ok()?,
        result: report.with_member_columns(),
        chart: None,
        comparison: None,
    })
}

/// An `Evaluation` (response.rs) of one valid plan, key for key.
#[derive(Serialize)]
struct First {
    result: Report,
    chart: Option<()>,
    comparison: Option<()>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    targets: Vec<Target>,
}
