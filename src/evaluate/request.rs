//! What the page asks `evaluate` for: the scenarios, which one is being
//! edited, the goal to chart and compare by, and whether the workings are
//! wanted. Read with a `Reader`, so that an error in the request itself is
//! an error at its path.

use crate::json::{Json, Text};
use crate::path::Path;
use crate::reader::Reader;

/// Most scenarios side by side: in a request, and in a scenario file
/// (`scenarios.rs`), which the page evaluates whole.
pub const MAX_SCENARIOS: usize = 20;

/// What the page asks for.
pub(crate) struct Request<'a> {
    pub(crate) scenarios: Vec<&'a Json<'a>>,
    pub(crate) active: usize,
    /// The goal to chart and compare by (an id), and the chart's points.
    pub(crate) chart: Option<(String, u32)>,
    /// Whether the results carry the workings a statement shows.
    pub(crate) workings: bool,
    /// Whether each plan's forecast is read too (a request as the plain
    /// `evaluate` takes it); a `Calculator` asks for the payouts alone.
    pub(crate) forecasts: bool,
    /// What a `Calculator` knows of its plans, so that the evaluator keeps
    /// no copy of them; without it, the evaluator compares each plan with
    /// a copy of the last call's.
    pub(crate) known: Option<Known>,
}

/// What a `Calculator` knows of the plans it sends.
pub(crate) struct Known {
    /// A stamp per scenario, new whenever its plan changes (a copy keeps
    /// the stamp of the plan it copies): a plan whose stamp the last call
    /// saw is the plan it saw.
    pub(crate) stamps: Vec<u64>,
    /// How the active plan changed since the last call, when the same
    /// scenario is active: `Some(None)` not at all, `Some(Some(id))` in goal
    /// `id`'s actual result alone, `None` otherwise.
    pub(crate) moved: Option<Option<String>>,
}

/// What to draw of the scenarios a `Calculator` holds: `{ chart?: { goal,
/// steps }, workings? }`, the request without its scenarios.
pub(crate) struct Drawing {
    pub(crate) chart: Option<(String, u32)>,
    pub(crate) workings: bool,
}

/// Reads `{ scenarios: [Plan], active, chart?: { goal, steps }, workings? }`;
/// the plans themselves are read later, each in its own scenario.
pub(crate) fn read<'a>(reader: &mut Reader, json: &'a Json<'a>) -> Option<Request<'a>> {
    let root = Path::Root;
    let keys = ["scenarios", "active", "chart", "workings"];
    let entries = reader.object(&root, json, Some(&keys))?;
    let scenarios = reader.required(&root, entries, "scenarios", |r, p, list| {
        r.list(p, list, 1, MAX_SCENARIOS)
    });
    let count = scenarios.map_or(1, <[Json]>::len) as u32;
    let active = reader.optional(&root, entries, "active", |r, p, a| {
        r.whole(p, a, 0, count.saturating_sub(1))
    });
    let drawing = drawing(reader, &root, entries);
    let Drawing { chart, workings } = drawing?;
    Some(Request {
        workings,
        scenarios: scenarios?.iter().collect(),
        active: active?.unwrap_or(0) as usize,
        chart,
        forecasts: true,
        known: None,
    })
}

/// Reads `{ chart?, workings? }`: what to draw of the scenarios a
/// `Calculator` holds.
pub(crate) fn read_drawing(reader: &mut Reader, json: &Json) -> Option<Drawing> {
    let root = Path::Root;
    let entries = reader.object(&root, json, Some(&["chart", "workings"]))?;
    drawing(reader, &root, entries)
}

/// The chart asked for and whether the workings are wanted, from a
/// request's `entries`.
fn drawing(reader: &mut Reader, root: &Path, entries: &[(Text, Json)]) -> Option<Drawing> {
    let chart = reader.optional(root, entries, "chart", |r, p, chart| {
        let entries = r.object(p, chart, Some(&["goal", "steps"]))?;
        let goal = r.optional(p, entries, "goal", |r, p, g| r.text(p, g, 0, 40));
        let steps = r.required(p, entries, "steps", |r, p, s| r.whole(p, s, 2, 1000));
        Some((goal?.unwrap_or_default(), steps?))
    });
    let workings = reader.optional(root, entries, "workings", Reader::boolean);
    Some(Drawing {
        chart: chart?,
        workings: workings?.unwrap_or(false),
    })
}
