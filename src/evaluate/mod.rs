//! Evaluate: everything the page draws after an edit, in one call. Every
//! scenario's result (or its errors), the shared-fate chart of the active
//! one, and the scenarios side by side: each team's payout, its difference
//! from the first scenario and its change for ten more points of the
//! charted goal. One crossing of the Wasm boundary per keystroke, and each
//! plan read and validated once, where the page used to cross 2N + 1 times
//! with N scenarios.
//!
//! `request.rs` reads what the page asks for; `evaluator.rs` answers it,
//! once (`evaluate`) or call after call (`Evaluator`, which keeps what did
//! not change); the answer is a `response.rs` `Evaluation`, whose parts are
//! worked out in `chart.rs`, `comparison.rs` and `targets.rs`.

mod chart;
mod comparison;
mod evaluator;
mod request;
mod response;
mod targets;

pub use chart::{Chart, ChartTeam};
pub use comparison::{Compared, Comparison, TeamComparison};
pub use evaluator::{evaluate, Evaluator};
pub use request::MAX_SCENARIOS;
pub(crate) use request::{read, read_drawing, Known, Request};
pub use response::{Change, Evaluation, GoalChange, Outcome, PayoutChange};
#[cfg(feature = "first")]
pub(crate) use targets::targets;
pub use targets::Target;
