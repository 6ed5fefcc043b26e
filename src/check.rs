//! Checking a plan: every error, or, for a valid plan, its warnings (the
//! places where the plan may not do what its author meant).

use serde::Serialize;

use crate::error::Error;
use crate::facts::{facts, Facts};
use crate::json::Json;
use crate::plan::Plan;
use crate::practice::{practice, Finding};
use crate::simulate::SimulateOptions;
use crate::warnings::{warnings, Warning};

/// A plan's errors and warnings, as `tandem check` and the Wasm `check` give
/// them, and the facts of each plan, valid or not (one per scenario of a
/// scenario file; a plan is one).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub errors: Vec<Error>,
    pub warnings: Vec<Warning>,
    /// Where a valid plan departs from practice: the rules that need no
    /// simulation (see `check_with_forecast` for the rest).
    pub findings: Vec<Finding>,
    pub facts: Vec<Facts>,
}

/// Validates a plan and, when it is valid, calculates it too, so that an
/// overflow shows up here as it would in `calculate`. Never fails.
pub fn check(json: &Json) -> Check {
    checked(json, |plan| practice(plan, None))
}

/// `check`, with the practice rules that need a simulation too when the
/// plan has a forecast (the forecast's own trials and seed): what `tandem
/// check` lists. A simulation that fails adds its errors. (Apart from
/// `check`, so that a build that never simulates leaves the simulation out.)
pub fn check_with_forecast(json: &Json) -> Check {
    let mut failed = Vec::new();
    let mut found = checked(json, |plan| match &plan.forecast {
        None => practice(plan, None),
        Some(_) => match crate::simulate(plan.clone(), &SimulateOptions::default()) {
            Ok(simulation) => simulation.findings,
            Err(errors) => {
                failed = errors.0;
                Vec::new()
            }
        },
    });
    found.errors.extend(failed);
    found
}

/// Validates and calculates; `findings` lists a valid plan's findings.
fn checked(json: &Json, findings: impl FnOnce(&Plan) -> Vec<Finding>) -> Check {
    let (errors, warnings, findings) = match Plan::from_json(json) {
        Err(errors) => (errors.0, Vec::new(), Vec::new()),
        // A calculated report carries its warnings already.
        Ok(plan) => match crate::calculate(&plan) {
            Ok(report) => (Vec::new(), report.warnings, findings(&plan)),
            Err(errors) => (errors.0, warnings(&plan), Vec::new()),
        },
    };
    Check {
        errors,
        warnings,
        findings,
        facts: vec![facts(json)],
    }
}
