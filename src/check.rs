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
    checked(json, false)
}

/// `check`, with the practice rules that need a simulation too when the
/// plan has a forecast (the forecast's own trials and seed): what `tandem
/// check` lists. A simulation that fails adds its errors.
pub fn check_with_forecast(json: &Json) -> Check {
    checked(json, true)
}

fn checked(json: &Json, simulate: bool) -> Check {
    let (errors, warnings, findings) = match Plan::from_json(json) {
        Err(errors) => (errors.0, Vec::new(), Vec::new()),
        // A calculated report carries its warnings already.
        Ok(plan) => match crate::calculate(&plan) {
            Ok(report) if simulate && plan.forecast.is_some() => {
                match crate::simulate(plan, &SimulateOptions::default()) {
                    Ok(simulation) => (Vec::new(), report.warnings, simulation.findings),
                    Err(errors) => (errors.0, report.warnings, Vec::new()),
                }
            }
            Ok(report) => (Vec::new(), report.warnings, practice(&plan, None)),
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
