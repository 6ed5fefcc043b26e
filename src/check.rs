//! Checking a plan: every error, or, for a valid plan, its warnings (the
//! places where the plan may not do what its author meant).

use serde::Serialize;

use crate::error::Error;
use crate::json::Json;
use crate::plan::Plan;
use crate::warnings::{warnings, Warning};

/// A plan's errors and warnings, as `tandem check` and the Wasm `check` give them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub errors: Vec<Error>,
    pub warnings: Vec<Warning>,
}

/// Validates a plan and, when it is valid, calculates it too, so that an
/// overflow shows up here as it would in `calculate`. Never fails.
pub fn check(json: &Json) -> Check {
    match Plan::from_json(json) {
        Err(errors) => Check {
            errors: errors.0,
            warnings: Vec::new(),
        },
        // A calculated report carries its warnings already.
        Ok(plan) => match crate::calculate(&plan) {
            Ok(report) => Check {
                errors: Vec::new(),
                warnings: report.warnings,
            },
            Err(errors) => Check {
                errors: errors.0,
                warnings: warnings(&plan),
            },
        },
    }
}
