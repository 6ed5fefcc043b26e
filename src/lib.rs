//! Tandem: sales-and-marketing incentives with shared ownership of the
//! outcome, computed exactly.
//!
//! A plan lists goals (each with a target and an actual result) and teams
//! (each with a target incentive and weights on the goals). When two teams
//! weight the same goal, they win and lose together. The calculation follows
//! the plan model (`MODEL.md`) to the cent, with exact rational arithmetic:
//! every money figure is its exact value rounded once.
//!
//! ```
//! let json = r#"{
//!   "goals": [{ "id": "revenue", "name": "New revenue", "target": "2000000", "actual": "2200000" }],
//!   "teams": [{ "id": "sales", "name": "Sales", "targetIncentive": "10000.00",
//!               "weights": { "revenue": "1" } }]
//! }"#;
//! let plan = tandem::Plan::from_json_str(json).unwrap();
//! let report = tandem::calculate(&plan).unwrap();
//! assert_eq!(report.teams[0].payout.to_string(), "11000.00");
//! ```
#![forbid(unsafe_code)]

mod allocate;
mod calculate;
mod calculator;
mod check;
mod csv;
mod currency;
mod curve;
mod decimal;
mod defaults;
mod dial;
mod economics;
mod error;
mod evaluate;
mod exact;
mod facts;
mod forecast;
mod ids;
mod json;
mod language;
mod money;
mod names;
mod natural;
mod path;
mod plan;
mod practice;
mod reader;
mod report;
mod roster;
mod scenarios;
pub mod shown;
mod simulate;
mod solve;
mod sweep;
// What both Wasm modules export (wasm.rs, the page's; first.rs, the first result's).
#[cfg(target_arch = "wasm32")]
mod boundary;
#[cfg(all(target_arch = "wasm32", feature = "first"))]
mod first;
// Natively, only its own tests use it.
#[cfg(any(target_arch = "wasm32", test))]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod tape;
mod validate;
mod warnings;
#[cfg(all(target_arch = "wasm32", not(feature = "first")))]
pub mod wasm;

pub use calculate::{calculate, calculate_with_workings};
pub use calculator::Calculator;
pub use check::{check, check_with_forecast, Check};
pub use csv::{
    payouts as payouts_csv, scenario_payouts as scenario_payouts_csv, sweep as sweep_csv,
    Convention, Encoding,
};
pub use defaults::DEFAULTS_JSON;
pub use dial::{dial, DialOptions, Dialed};
pub use economics::{CostOfSales, Economics, TeamEconomics};
pub use error::{Error, ErrorKind, Errors, Mend};
pub use evaluate::{
    evaluate, Change, Chart, ChartTeam, Compared, Comparison, Evaluation, Evaluator, GoalChange,
    Outcome, PayoutChange, Target, TeamComparison, MAX_SCENARIOS,
};
pub use exact::Exact;
pub use facts::{facts, Facts, GoalFacts, TeamFacts};
pub use ids::{fresh_id, id_for};
pub use json::Json;
pub use language::{set as set_language, Language};
pub use money::Rounding;
pub use names::Named;
pub use path::{JsonPath, Step};
pub use plan::{MethodName, Plan};
pub use practice::{practice, Finding, Rule, Severity, Side, PRACTICE_JSON};
pub use report::{
    GateResult, GoalResult, Line, MemberResult, Report, SplitShare, TeamResult, Total,
};
pub use roster::{apply_roster, RosterError, RosterErrors, RosterFormat, Rostered};
pub use rust_decimal::Decimal;
pub use scenarios::{
    unnamed as unnamed_scenario, ResultEdit, Scenario, ScenarioComparison, ScenarioResult,
    ScenarioResults, Scenarios, Shared,
};
pub use simulate::{
    simulate, AtResults, Binding, Correlation, Curved, Gap, GoalChances, Goals, Histogram,
    SimulateOptions, Simulation, Simulator, Stats, TeamSimulation, Tie, TotalSimulation,
};
pub use solve::{solve, Solution, SolveOptions};
pub use sweep::{sweep, SweepOptions, SweepPoint, TeamPayout};
pub use warnings::{warnings, Warning, WarningCode};

/// Reads JSON text into a [`Json`] value; not valid JSON is an error at the
/// plan's root.
pub fn parse_json(text: &str) -> Result<Json<'_>, Errors> {
    json::parse(text).map_err(|(path, why)| Error::new(path, ErrorKind::NotJson(why)).into())
}

impl Plan {
    /// Reads and validates a plan written as JSON text.
    pub fn from_json_str(text: &str) -> Result<Plan, Errors> {
        Plan::from_json(&parse_json(text)?)
    }
}
