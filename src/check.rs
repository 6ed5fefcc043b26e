//! Checking a plan: every error, or, for a valid plan, its warnings (the
//! places where the plan may not do what its author meant).

use serde::Serialize;

use crate::error::Error;
use crate::facts::{facts, Facts};
use crate::json::Json;
use crate::plan::Plan;
use crate::warnings::{warnings, Warning};

/// A plan's errors and warnings, as `tandem check` and the Wasm `check` give
/// them, and the facts of each plan, valid or not (one per scenario of a
/// scenario file; a plan is one).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub errors: Vec<Error>,
    pub warnings: Vec<Warning>,
    pub facts: Vec<Facts>,
}

/// Validates a plan and, when it is valid, calculates it too, so that an
/// overflow shows up here as it would in `calculate`. Never fails.
pub fn check(json: &Json) -> Check {
    let (errors, warnings) = match Plan::from_json(json) {
        Err(errors) => (errors.0, Vec::new()),
        // A calculated report carries its warnings already.
        Ok(plan) => match crate::calculate(&plan) {
            Ok(report) => (Vec::new(), report.warnings),
            Err(errors) => (errors.0, warnings(&plan)),
        },
    };
    Check {
        errors,
        warnings,
        facts: vec![facts(json)],
    }
}
