//! Scenarios: two or more plan designs side by side ("Siloed today",
//! "Shared tomorrow"), compared under the same actual results.
//!
//! A scenario file, and the page's `#scenarios=` link, is
//!
//! ```text
//! { "tandemScenarios": 1, "active": 0,
//!   "scenarios": [ { "name": "Siloed today", "plan": Plan, "ownResults": true } ] }
//! ```
//!
//! `tandemScenarios` (the format's version) may be left out, as the page's
//! links did before it was written; `active` defaults to the first scenario;
//! a scenario's `name` defaults to "Scenario N"; `ownResults` to false. A
//! plain plan reads as one scenario, so every plan file is a scenario file.
//!
//! Scenarios share the goals' actual results: a goal with the same id has the
//! same actual result in every scenario, except in a scenario that uses its
//! own results (`ownResults`).

use serde::Serialize;

use crate::calculate::calculate;
use crate::check::{check_with_forecast, Check};
use crate::error::{Error, ErrorKind, Errors};
use crate::evaluate::{Compared, Evaluation, MAX_SCENARIOS};
use crate::json::{Json, Text};
use crate::path::{JsonPath, Path, Step};
use crate::plan::Plan;
use crate::practice::Finding;
use crate::reader::{field, Reader};
use crate::report::Report;

/// The longest scenario name, as long as a plan's.
const MAX_NAME: usize = 200;

/// Several named plans, one of them the one being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenarios {
    /// The index of the scenario being edited (or shown first).
    pub active: usize,
    pub scenarios: Vec<Scenario>,
    /// Whether the text held a scenario set rather than a plain plan: a
    /// plain plan's errors sit at the plan's own paths.
    set: bool,
}

/// One named plan. The plan is kept as it was written, valid or not: a
/// scenario file can hold a plan that is still being designed.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub name: String,
    pub plan: Json<'static>,
    /// Whether this scenario keeps actual results of its own instead of
    /// sharing them.
    pub own_results: bool,
}

/// The name of a scenario nobody named: "Scenario 1" for the first
/// ("Szenario 1" where messages are written in German).
pub fn unnamed(index: usize) -> String {
    let number = index + 1;
    crate::language::pick(format!("Scenario {number}"), format!("Szenario {number}"))
}

impl Scenarios {
    /// One scenario holding `plan`.
    fn single(plan: Json<'static>) -> Scenarios {
        Scenarios {
            active: 0,
            scenarios: vec![Scenario {
                name: unnamed(0),
                plan,
                own_results: false,
            }],
            set: false,
        }
    }

    /// Unnamed scenarios holding `plans`, the one at `active` edited.
    pub(crate) fn of_plans(plans: Vec<Json<'static>>, active: usize) -> Scenarios {
        let scenarios = plans
            .into_iter()
            .enumerate()
            .map(|(i, plan)| Scenario {
                name: unnamed(i),
                plan,
                own_results: false,
            })
            .collect();
        Scenarios {
            active,
            scenarios,
            set: true,
        }
    }

    /// Whether `json` is a scenario file (it has `scenarios` or
    /// `tandemScenarios`), not a plain plan.
    pub fn is_file(json: &Json) -> bool {
        let Json::Object(entries) = json else {
            return false;
        };
        field(entries, "scenarios").is_some() || field(entries, "tandemScenarios").is_some()
    }

    /// Reads a scenario file, or a plain plan as one scenario. Only the
    /// file's own shape is checked here (every error at its path); the plans
    /// are checked by [`Scenarios::plans`].
    pub fn from_json(json: &Json) -> Result<Scenarios, Errors> {
        let Json::Object(_) = json else {
            let mut reader = Reader::default();
            reader.wrong_type(
                &Path::Root,
                json,
                "an object { … } (a plan or a scenario file)",
            );
            return reader.finish(None);
        };
        if !Scenarios::is_file(json) {
            return Ok(Scenarios::single(json.owned()));
        }
        let mut reader = Reader::default();
        let read = read(&mut reader, json);
        reader.finish(read)
    }

    /// The file's JSON: the plain plan when there is one scenario (any plan
    /// reader reads it; the page's link carries a lone scenario's name), else
    /// the scenario set.
    pub fn to_file_json(&self) -> Json<'static> {
        match self.scenarios.as_slice() {
            [only] => only.plan.clone(),
            _ => self.to_json(),
        }
    }

    /// The scenario set's JSON, whatever the number of scenarios.
    pub fn to_json(&self) -> Json<'static> {
        let scenarios = self
            .scenarios
            .iter()
            .map(|s| {
                let mut entries = vec![
                    ("name".into(), Json::String(s.name.clone().into())),
                    ("plan".into(), s.plan.clone()),
                ];
                if s.own_results {
                    entries.push(("ownResults".into(), Json::Bool(true)));
                }
                Json::Object(entries)
            })
            .collect();
        Json::Object(vec![
            ("tandemScenarios".into(), Json::Number("1".into())),
            (
                "active".into(),
                Json::Number(self.active.to_string().into()),
            ),
            ("scenarios".into(), Json::Array(scenarios)),
        ])
    }

    /// Every plan's shape as an editor walks it: the plan an object; its
    /// `goals` and `teams` lists of objects; within them, `weights`,
    /// `gate`, `curve` and `forecast` objects, `members` and `modifiers`
    /// lists of objects, a curve's `points` a list of lists. A plan of
    /// another shape cannot be shown field by field (its values may be
    /// anything: they are checked, and shown by their fields, later). Each
    /// error at its path in the file.
    pub fn shape(&self) -> Result<(), Errors> {
        let mut reader = Reader::default();
        let list = Path::Root.key("scenarios");
        for (i, scenario) in self.scenarios.iter().enumerate() {
            let item = list.index(i);
            let at = if self.set {
                item.key("plan")
            } else {
                Path::Root
            };
            shape(&mut reader, &at, &scenario.plan);
        }
        reader.finish(Some(()))
    }

    /// A name no scenario has for a copy of the one named `name`: "X
    /// (copy)", then "X (copy 2)", counted from X, so that a copy of a copy
    /// is not "X (copy) (copy)".
    pub fn copy_name(&self, name: &str) -> String {
        let suffix = |n: usize| match n {
            1 => crate::language::pick(" (copy)".to_owned(), " (Kopie)".to_owned()),
            n => crate::language::pick(format!(" (copy {n})"), format!(" (Kopie {n})")),
        };
        let taken: Vec<&str> = self.scenarios.iter().map(|s| s.name.as_str()).collect();
        let mut base = name;
        for n in 1..=taken.len() {
            if let Some(stripped) = name.strip_suffix(suffix(n).as_str()) {
                base = stripped;
            }
        }
        let mut n = 1;
        while taken.contains(&format!("{base}{}", suffix(n)).as_str()) {
            n += 1;
        }
        format!("{base}{}", suffix(n))
    }

    /// Whether the text held a scenario set rather than a plain plan.
    pub fn is_set(&self) -> bool {
        self.set
    }

    /// Every scenario's errors and warnings, each at its path in the file.
    pub fn check(&self) -> Check {
        let mut all = Check {
            errors: Vec::new(),
            warnings: Vec::new(),
            findings: Vec::new(),
            facts: Vec::new(),
        };
        for (i, scenario) in self.scenarios.iter().enumerate() {
            let found = check_with_forecast(&scenario.plan);
            all.errors
                .extend(found.errors.into_iter().map(|e| self.in_file(i, e)));
            all.warnings.extend(found.warnings.into_iter().map(|mut w| {
                w.path = self.path_in_file(i, &w.path);
                w
            }));
            all.findings
                .extend(found.findings.into_iter().map(|f| Finding {
                    path: self.path_in_file(i, &f.path),
                    ..f
                }));
            all.facts.extend(found.facts);
        }
        all
    }

    /// Every scenario's plan, validated; every error of every plan at its
    /// path in the file (`scenarios[1].plan.goals[0].target`).
    pub fn plans(&self) -> Result<Vec<Plan>, Errors> {
        let mut errors = Vec::new();
        let mut plans = Vec::new();
        for (i, scenario) in self.scenarios.iter().enumerate() {
            match Plan::from_json(&scenario.plan) {
                Ok(plan) => plans.push(plan),
                Err(found) => errors.extend(found.0.into_iter().map(|e| self.in_file(i, e))),
            }
        }
        if errors.is_empty() {
            Ok(plans)
        } else {
            Err(Errors(errors))
        }
    }

    /// An error of scenario `i`'s plan, at its path in the file.
    fn in_file(&self, i: usize, error: Error) -> Error {
        Error::new(self.path_in_file(i, &error.path), error.kind)
    }

    /// A path in scenario `i`'s plan as a path in the file.
    fn path_in_file(&self, i: usize, within: &JsonPath) -> JsonPath {
        if !self.set {
            return within.clone();
        }
        let mut path = JsonPath::root().key("scenarios").index(i).key("plan");
        for step in within.steps() {
            path = match step {
                Step::Key(key) => path.key(key),
                Step::Index(index) => path.index(*index),
            };
        }
        path
    }

    /// Puts the active scenario's actual results into every other scenario
    /// that shares results (unless the active one uses its own), goal by
    /// goal id, and says what it changed.
    pub fn share_results(&mut self) -> Shared {
        let mut shared = Shared::default();
        let Some(source) = self.scenarios.get(self.active) else {
            return shared;
        };
        if source.own_results {
            return shared;
        }
        let results = actual_results(&source.plan);
        for (i, other) in self.scenarios.iter_mut().enumerate() {
            if i == self.active || other.own_results {
                continue;
            }
            for (id, name, actual) in &results {
                shared.set(i, &mut other.plan, id, name, actual);
            }
        }
        shared
    }

    /// The active scenario takes the shared results back from the first
    /// other scenario that shares them (it stopped using its own), and says
    /// what it changed.
    pub fn rejoin_results(&mut self) -> Shared {
        let mut shared = Shared::default();
        let source = self
            .scenarios
            .iter()
            .enumerate()
            .find(|(i, s)| *i != self.active && !s.own_results);
        let Some((_, source)) = source else {
            return shared;
        };
        let results = actual_results(&source.plan);
        if let Some(active) = self.scenarios.get_mut(self.active) {
            for (id, name, actual) in &results {
                shared.set(self.active, &mut active.plan, id, name, actual);
            }
        }
        shared
    }

    /// Every scenario calculated, and the comparison the page shows: each
    /// team's payout beside the first scenario's and its change for ten
    /// more points of the active scenario's charted goal. Every plan's
    /// errors when any is invalid.
    pub fn calculate(&self) -> Result<ScenarioResults, Errors> {
        let plans = self.plans()?;
        let mut results = Vec::new();
        let mut errors = Vec::new();
        for (i, plan) in plans.iter().enumerate() {
            match calculate(plan) {
                Ok(report) => results.push(report),
                Err(found) => errors.extend(found.0.into_iter().map(|e| self.in_file(i, e))),
            }
        }
        if !errors.is_empty() {
            return Err(Errors(errors));
        }
        let comparison = if self.scenarios.len() >= 2 {
            let evaluation = crate::evaluate(&self.request())?;
            Some(ScenarioComparison::from(evaluation))
        } else {
            None
        };
        let scenarios = self
            .scenarios
            .iter()
            .zip(results)
            .map(|(s, result)| ScenarioResult {
                name: s.name.clone(),
                own_results: s.own_results,
                result,
            })
            .collect();
        Ok(ScenarioResults {
            active: self.active,
            scenarios,
            comparison,
        })
    }

    /// What `evaluate` is asked for the comparison: every plan, the active
    /// one's chart at its default goal in the fewest points.
    fn request(&self) -> Json<'static> {
        let plans = self.scenarios.iter().map(|s| s.plan.clone()).collect();
        let chart = Json::Object(vec![("steps".into(), Json::Number("2".into()))]);
        Json::Object(vec![
            ("scenarios".into(), Json::Array(plans)),
            (
                "active".into(),
                Json::Number(self.active.to_string().into()),
            ),
            ("chart".into(), chart),
        ])
    }
}

/// What sharing results changed: each actual result a scenario took, and
/// the names of the goals whose result changed somewhere.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shared {
    pub edits: Vec<ResultEdit>,
    pub goals: Vec<String>,
}

/// Scenario `scenario`'s goal at index `goal` now has the actual result `actual`.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultEdit {
    pub scenario: usize,
    pub goal: usize,
    pub actual: Json<'static>,
}

impl Shared {
    /// Sets the actual result of the goal `id` in scenario `i`'s `plan`,
    /// noting it when it changed.
    fn set(&mut self, i: usize, plan: &mut Json<'static>, id: &str, name: &str, actual: &Json) {
        if let Some(goal) = set_actual(plan, id, actual) {
            self.edits.push(ResultEdit {
                scenario: i,
                goal,
                actual: actual.owned(),
            });
            if !self.goals.iter().any(|g| g == name) {
                self.goals.push(name.to_owned());
            }
        }
    }

    /// `{ edits: [{ scenario, goal, actual }], goals: [name] }`.
    pub fn to_json(&self) -> Json<'static> {
        let number = |n: usize| Json::Number(n.to_string().into());
        let edits = self
            .edits
            .iter()
            .map(|e| {
                Json::Object(vec![
                    ("scenario".into(), number(e.scenario)),
                    ("goal".into(), number(e.goal)),
                    ("actual".into(), e.actual.clone()),
                ])
            })
            .collect();
        let goals = self
            .goals
            .iter()
            .map(|goal| Json::String(goal.clone().into()))
            .collect();
        Json::Object(vec![
            ("edits".into(), Json::Array(edits)),
            ("goals".into(), Json::Array(goals)),
        ])
    }
}

/// Every scenario's Result and, with two or more, the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioResults {
    pub active: usize,
    pub scenarios: Vec<ScenarioResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<ScenarioComparison>,
}

/// One scenario's name and Result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioResult {
    pub name: String,
    pub own_results: bool,
    pub result: Report,
}

/// The scenarios side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioComparison {
    /// The goal whose ten more points `perTenPoints` adds (the active
    /// scenario's charted goal), when it has one.
    pub goal: Option<String>,
    pub scenarios: Vec<Compared>,
}

impl From<Evaluation<'_>> for ScenarioComparison {
    fn from(evaluation: Evaluation<'_>) -> Self {
        ScenarioComparison {
            goal: evaluation.chart.map(|c| c.goal),
            scenarios: evaluation.comparison.unwrap_or_default(),
        }
    }
}

/// Reads the scenario set at the root.
fn read(reader: &mut Reader, json: &Json) -> Option<Scenarios> {
    let root = Path::Root;
    let keys = ["tandemScenarios", "active", "scenarios"];
    let entries = reader.object(&root, json, Some(&keys))?;
    let version = reader.optional(&root, entries, "tandemScenarios", |r, p, v| {
        r.whole(p, v, 1, 1)
    });
    let list = reader.required(&root, entries, "scenarios", |r, p, list| {
        r.list(p, list, 1, MAX_SCENARIOS)
    });
    let count = list.map_or(0, <[Json]>::len);
    let active = reader.optional(&root, entries, "active", |r, p, a| {
        let asked = r.whole(p, a, 0, u32::MAX)? as usize;
        if list.is_some() && asked >= count {
            r.error(p, ErrorKind::NoSuchScenario { asked, count });
            return None;
        }
        Some(asked)
    });
    let scenarios = list.and_then(|list| {
        let path = root.key("scenarios");
        reader.each(&path, list, |r, p, item| {
            let Path::Index(_, i) = *p else { return None };
            scenario(r, p, item, i)
        })
    });
    version?;
    Some(Scenarios {
        active: active?.unwrap_or(0),
        scenarios: scenarios?,
        set: true,
    })
}

/// One scenario of a set, the `i`-th.
fn scenario(reader: &mut Reader, path: &Path, json: &Json, i: usize) -> Option<Scenario> {
    let entries = reader.object(path, json, Some(&["name", "plan", "ownResults"]))?;
    let name = reader.optional(path, entries, "name", |r, p, n| r.text(p, n, 0, MAX_NAME));
    let plan = reader.required(path, entries, "plan", |r, p, plan| match plan {
        Json::Object(_) => Some(plan.owned()),
        _ => {
            r.wrong_type(p, plan, "a plan { … }");
            None
        }
    });
    let own = reader.optional(path, entries, "ownResults", Reader::boolean);
    Some(Scenario {
        name: name?
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| unnamed(i)),
        plan: plan?,
        own_results: own?.unwrap_or(false),
    })
}

/// One plan's shape as an editor walks it, each error at its path in the plan.
pub(crate) fn plan_shape(plan: &Json) -> Result<(), Errors> {
    let mut reader = Reader::default();
    shape(&mut reader, &Path::Root, plan);
    reader.finish(Some(()))
}

/// A plan's shape as an editor walks it (`Scenarios::shape`).
fn shape(r: &mut Reader, path: &Path, plan: &Json) {
    let Some(plan) = r.object(path, plan, None) else {
        return;
    };
    let goals = path.key("goals");
    for (i, goal) in objects_at(r, path, plan, "goals", true) {
        let at = goals.index(i);
        curve_shape(r, &at, goal);
        object_at(r, &at, goal, "gate");
    }
    let teams = path.key("teams");
    for (i, team) in objects_at(r, path, plan, "teams", true) {
        let at = teams.index(i);
        object_at(r, &at, team, "weights");
        object_at(r, &at, team, "gate");
        curve_shape(r, &at, team);
        objects_at(r, &at, team, "members", false);
        let modifiers = at.key("modifiers");
        for (j, modifier) in objects_at(r, &at, team, "modifiers", false) {
            curve_shape(r, &modifiers.index(j), modifier);
        }
    }
    if let Some(forecast) = object_at(r, path, plan, "forecast") {
        let at = path.key("forecast");
        if let Some(goals) = object_at(r, &at, forecast, "goals") {
            let goals_at = at.key("goals");
            for (id, goal) in goals {
                r.object(&goals_at.key(id), goal, None);
            }
        }
    }
}

/// A curve's shape, when `entries` has one: an object whose `points` are a
/// list of lists.
fn curve_shape(r: &mut Reader, path: &Path, entries: &[(Text, Json)]) {
    let Some(curve) = object_at(r, path, entries, "curve") else {
        return;
    };
    let at = path.key("curve");
    let points = at.key("points");
    match field(curve, "points") {
        None => {}
        Some(Json::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                if !matches!(item, Json::Array(_)) {
                    r.wrong_type(&points.index(i), item, "a pair [attainment, factor]");
                }
            }
        }
        Some(other) => r.wrong_type(&points, other, "a list [ … ]"),
    }
}

/// Field `key` of `entries`, when there, as an object's entries.
fn object_at<'a>(
    r: &mut Reader,
    path: &Path,
    entries: &'a [(Text<'a>, Json<'a>)],
    key: &str,
) -> Option<&'a [(Text<'a>, Json<'a>)]> {
    let value = field(entries, key)?;
    r.object(&path.key(key), value, None)
}

/// Field `key` of `entries` as a list of objects (absent: none, or an error
/// when `required`): each object's index and entries.
fn objects_at<'a>(
    r: &mut Reader,
    path: &Path,
    entries: &'a [(Text<'a>, Json<'a>)],
    key: &str,
    required: bool,
) -> Vec<(usize, &'a [(Text<'a>, Json<'a>)])> {
    let at = path.key(key);
    match field(entries, key) {
        None if required => {
            r.error(&at, ErrorKind::Missing);
            Vec::new()
        }
        None => Vec::new(),
        Some(Json::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| r.object(&at.index(i), item, None).map(|e| (i, e)))
            .collect(),
        Some(other) => {
            r.wrong_type(&at, other, "a list [ … ]");
            Vec::new()
        }
    }
}

/// A plan's goals as (id, name, actual), for the goals that have an id.
fn actual_results(plan: &Json) -> Vec<(String, String, Json<'static>)> {
    let Some(Json::Array(goals)) = object_field(plan, "goals") else {
        return Vec::new();
    };
    goals
        .iter()
        .filter_map(|goal| {
            let Some(Json::String(id)) = object_field(goal, "id") else {
                return None;
            };
            let name = match object_field(goal, "name") {
                Some(Json::String(name)) if !name.is_empty() => name.to_string(),
                _ => id.to_string(),
            };
            let actual = object_field(goal, "actual").map_or(Json::Null, Json::owned);
            Some((id.to_string(), name, actual))
        })
        .collect()
}

/// Sets the actual result of the goal with id `id` in `plan`, when the plan
/// has that goal; the goal's index when its result changed.
fn set_actual(plan: &mut Json<'static>, id: &str, actual: &Json) -> Option<usize> {
    let Json::Object(entries) = plan else {
        return None;
    };
    let Some((_, Json::Array(goals))) = entries.iter_mut().find(|(k, _)| k == "goals") else {
        return None;
    };
    let index = goals
        .iter()
        .position(|g| matches!(object_field(g, "id"), Some(Json::String(g)) if g == id))?;
    let Some(Json::Object(goal)) = goals.get_mut(index) else {
        return None;
    };
    match goal.iter_mut().find(|(k, _)| k == "actual") {
        Some((_, value)) if &*value == actual => None,
        Some((_, value)) => {
            *value = actual.owned();
            Some(index)
        }
        None if *actual == Json::Null => None,
        None => {
            goal.push(("actual".into(), actual.owned()));
            Some(index)
        }
    }
}

/// A field of an object, or `None` for anything else.
fn object_field<'a>(json: &'a Json<'a>, key: &str) -> Option<&'a Json<'a>> {
    match json {
        Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn plan(actual: &str) -> String {
        format!(
            r#"{{"goals":[{{"id":"arr","name":"New ARR","target":"100","actual":"{actual}"}}],
               "teams":[{{"id":"s","name":"Sales","targetIncentive":"1000","weights":{{"arr":"1"}}}}]}}"#
        )
    }

    fn set(body: &str) -> Scenarios {
        Scenarios::from_json(&parse(body).unwrap()).unwrap()
    }

    #[test]
    fn a_plain_plan_is_one_scenario_and_writes_back_as_itself() {
        let text = plan("90");
        let json = parse(&text).unwrap();
        let read = Scenarios::from_json(&json).unwrap();
        assert_eq!(read.scenarios.len(), 1);
        assert_eq!(read.scenarios[0].name, "Scenario 1");
        assert_eq!(read.to_file_json(), json);
        assert!(read.to_json().to_text().starts_with(
            r#"{"tandemScenarios":1,"active":0,"scenarios":[{"name":"Scenario 1","plan":{"goals""#
        ));
    }

    #[test]
    fn a_set_reads_names_defaults_and_writes_back() {
        let text = format!(
            r#"{{"active":1,"scenarios":[{{"name":"","plan":{a}}},{{"name":"B","plan":{b},"ownResults":true}}]}}"#,
            a = plan("90"),
            b = plan("80")
        );
        let read = set(&text);
        assert_eq!(read.active, 1);
        assert_eq!(read.scenarios[0].name, "Scenario 1");
        assert_eq!(read.scenarios[1].name, "B");
        assert!(read.scenarios[1].own_results);
        let again = Scenarios::from_json(&read.to_json()).unwrap();
        assert_eq!(again, read);
        assert!(read
            .to_json()
            .to_text()
            .starts_with(r#"{"tandemScenarios":1,"active":1,"#));
    }

    #[test]
    fn shape_errors_are_at_their_paths() {
        let cases = [
            ("[]", ""),
            (r#"{"scenarios":[]}"#, "scenarios"),
            (r#"{"scenarios":[{"plan":[]}]}"#, "scenarios[0].plan"),
            (r#"{"scenarios":[{"name":"x"}]}"#, "scenarios[0].plan"),
            (r#"{"active":2,"scenarios":[{"plan":{}}]}"#, "active"),
            (r#"{"active":-1,"scenarios":[{"plan":{}}]}"#, "active"),
            (
                r#"{"tandemScenarios":2,"scenarios":[{"plan":{}}]}"#,
                "tandemScenarios",
            ),
            (
                r#"{"scenarios":[{"plan":{}, "from":1}]}"#,
                "scenarios[0].from",
            ),
            (r#"{"tandemScenarios":1}"#, "scenarios"),
        ];
        for (text, path) in cases {
            let errors = Scenarios::from_json(&parse(text).unwrap()).unwrap_err();
            assert_eq!(errors.0[0].path, path, "{text}");
        }
        let text = r#"{"active":2,"scenarios":[{"plan":{}},{"plan":{}}]}"#;
        let errors = Scenarios::from_json(&parse(text).unwrap()).unwrap_err();
        assert_eq!(
            errors.0[0].message(),
            "The file opens scenario 3 (“active” counts from 0), and it has 2 scenarios."
        );
    }

    #[test]
    fn a_shape_no_editor_can_walk_is_an_error_at_its_path() {
        let shape_of = |text: &str| {
            let read = Scenarios::from_json(&parse(text).unwrap()).unwrap();
            read.shape().err().map(|e| e.0[0].path.to_string())
        };
        let cases = [
            (r#"{"goals":[],"teams":[]}"#, None),
            (r#"{"goals":"x","teams":[]}"#, Some("goals")),
            (r#"{"teams":[]}"#, Some("goals")),
            (r#"{"goals":[1],"teams":[]}"#, Some("goals[0]")),
            (
                r#"{"goals":[{"curve":{"points":"x"}}],"teams":[]}"#,
                Some("goals[0].curve.points"),
            ),
            (
                r#"{"goals":[{"curve":{"points":[1]}}],"teams":[]}"#,
                Some("goals[0].curve.points[0]"),
            ),
            (
                r#"{"goals":[],"teams":[{"weights":[]}]}"#,
                Some("teams[0].weights"),
            ),
            (
                r#"{"goals":[],"teams":[{"members":{}}]}"#,
                Some("teams[0].members"),
            ),
            (
                r#"{"goals":[],"teams":[{"modifiers":[{"curve":1}]}]}"#,
                Some("teams[0].modifiers[0].curve"),
            ),
            (
                r#"{"goals":[],"teams":[],"forecast":{"goals":{"a":1}}}"#,
                Some("forecast.goals.a"),
            ),
            (
                r#"{"scenarios":[{"plan":{"goals":[],"teams":[]}},{"plan":{"goals":[],"teams":{}}}]}"#,
                Some("scenarios[1].plan.teams"),
            ),
            // Values of any kind are for the plan's check, shown by their fields.
            (
                r#"{"goals":[{"target":-1,"id":[]}],"teams":[{"weights":{"a":5}}]}"#,
                None,
            ),
        ];
        for (text, path) in cases {
            assert_eq!(shape_of(text).as_deref(), path, "{text}");
        }
    }

    #[test]
    fn plan_errors_are_at_their_path_in_the_file() {
        let text = format!(
            r#"{{"scenarios":[{{"plan":{a}}},{{"plan":{b}}}]}}"#,
            a = plan("90"),
            b = plan("-1")
        );
        let errors = set(&text).plans().unwrap_err();
        assert_eq!(errors.0.len(), 1);
        assert_eq!(errors.0[0].path, "scenarios[1].plan.goals[0].actual");
        let plain = Scenarios::from_json(&parse(&plan("-1")).unwrap()).unwrap();
        assert_eq!(plain.plans().unwrap_err().0[0].path, "goals[0].actual");
    }

    #[test]
    fn results_are_shared_except_by_a_scenario_with_its_own() {
        let text = format!(
            r#"{{"scenarios":[{{"plan":{a}}},{{"plan":{b}}},{{"plan":{c},"ownResults":true}}]}}"#,
            a = plan("90"),
            b = plan("80"),
            c = plan("70")
        );
        let mut scenarios = set(&text);
        let shared = scenarios.share_results();
        assert_eq!(shared.goals, ["New ARR"]);
        assert_eq!(
            shared.to_json().to_text(),
            r#"{"edits":[{"scenario":1,"goal":0,"actual":"90"}],"goals":["New ARR"]}"#
        );
        let actual = |s: &Scenarios, i: usize| actual_results(&s.scenarios[i].plan)[0].2.clone();
        assert_eq!(actual(&scenarios, 1), Json::String("90".into()));
        assert_eq!(actual(&scenarios, 2), Json::String("70".into()));
        // Nothing left to change.
        assert_eq!(scenarios.share_results(), Shared::default());
        // The one with its own results rejoins: it takes the shared ones back.
        scenarios.active = 2;
        scenarios.scenarios[2].own_results = false;
        let rejoined = scenarios.rejoin_results();
        assert_eq!(rejoined.edits[0].scenario, 2);
        assert_eq!(actual(&scenarios, 2), Json::String("90".into()));
    }

    #[test]
    fn calculates_every_scenario_and_compares_with_the_first() {
        let text = format!(
            r#"{{"scenarios":[{{"name":"A","plan":{a}}},{{"name":"B","plan":{b},"ownResults":true}}]}}"#,
            a = plan("90"),
            b = plan("120")
        );
        let compared = set(&text).calculate().unwrap();
        assert_eq!(
            compared.scenarios[0].result.total.payout.to_string(),
            "900.00"
        );
        assert_eq!(
            compared.scenarios[1].result.total.payout.to_string(),
            "1200.00"
        );
        let comparison = compared.comparison.unwrap();
        assert_eq!(comparison.goal.as_deref(), Some("arr"));
        let Compared::Payouts(second) = &comparison.scenarios[1] else {
            panic!("the second scenario is valid");
        };
        assert_eq!(second.total_difference.unwrap().to_string(), "300.00");
    }
}
