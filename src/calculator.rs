//! A calculator that holds the scenarios and takes edits. The page opens a
//! scenario file (or a plan) once; after that it sends what a person did,
//! an edit: a value set at a path, an item inserted, moved or removed, a
//! scenario picked, copied, renamed or removed, its own results on or off.
//! Then it asks what to draw. The plans live here: no plan crosses the
//! boundary after a keystroke, only the edit, and the page keeps no copy to
//! keep in step. The rule that scenarios share actual results is applied
//! here, after every edit of a plan's goals.
//!
//! An edit is a JSON object with one verb:
//!
//! ```text
//! { "set": ["goals", 0, "actual"], "value": "1850000" }   a value at a path (a key is added)
//! { "remove": ["teams", 1] }                               a key, or an item of a list
//! { "insert": ["goals", 2], "value": { … } }               an item, before the one at the index
//! { "move": ["goals", 2], "to": 0 }                        an item, to another index
//! { "scenario": "select", "index": 1 }                     edit another scenario
//! { "scenario": "duplicate" }                              a copy of the active one, edited next
//! { "scenario": "remove" }                                 the active one; the one before is next
//! { "scenario": "rename", "name": "Shared tomorrow" }      (empty: the name nobody gave)
//! { "scenario": "ownResults", "own": true }                its own actual results, or shared again
//! ```
//!
//! A path is a list of keys and indices into the active scenario's plan
//! (`[]` is the plan itself). An edit that leads nowhere, or that would
//! leave a plan an editor cannot walk (`goals` not a list), is refused with
//! its error and changes nothing.

use crate::error::{Error, ErrorKind, Errors};
use crate::evaluate::{read, read_drawing, Evaluation, Evaluator, Known, Request, MAX_SCENARIOS};
use crate::json::Json;
use crate::path::{JsonPath, Path, Step};
use crate::plan::Plan;
use crate::reader::{field, Reader};
use crate::scenarios::{plan_shape, unnamed, Scenario, Scenarios, Shared};

/// The longest scenario name, as in a scenario file.
const MAX_NAME: usize = 200;

/// Holds the scenarios being edited and answers for them, keeping between
/// calls what an edit did not change (an [`Evaluator`]).
#[derive(Debug, Default)]
pub struct Calculator {
    held: Option<Scenarios>,
    /// A stamp per scenario held, new whenever its plan changes: the
    /// evaluator knows a plan it has seen by its stamp, without a copy.
    stamps: Vec<u64>,
    /// The stamp the next change takes.
    next_stamp: u64,
    /// How the active plan changed since the last `evaluate` (as
    /// [`Known::moved`]).
    moved: Option<Option<String>>,
    evaluator: Evaluator,
}

/// One edit, as read.
#[derive(Debug)]
enum Edit {
    Set(Vec<Step>, Json<'static>),
    Remove(Vec<Step>),
    Insert(Vec<Step>, Json<'static>),
    Move(Vec<Step>, usize),
    Select(usize),
    Duplicate,
    RemoveScenario,
    Rename(String),
    OwnResults(bool),
}

impl Calculator {
    /// Holds the scenarios of `file` (a scenario file, or a plan as one
    /// scenario), replacing any held before. Plans may be invalid; only
    /// their shape is checked, each error at its path in the file.
    pub fn open(&mut self, file: &Json) -> Result<(), Errors> {
        let scenarios = Scenarios::from_json(file)?;
        scenarios.shape()?;
        self.hold(scenarios);
        Ok(())
    }

    /// Holds `scenarios`, each with a new stamp.
    fn hold(&mut self, scenarios: Scenarios) {
        self.stamps.clear();
        for _ in &scenarios.scenarios {
            let stamp = self.stamp();
            self.stamps.push(stamp);
        }
        self.moved = None;
        self.held = Some(scenarios);
    }

    /// A stamp no plan has had.
    fn stamp(&mut self) -> u64 {
        self.next_stamp += 1;
        self.next_stamp
    }

    /// Scenario `index`'s plan changed.
    fn restamp(&mut self, index: usize) {
        let stamp = self.stamp();
        if let Some(slot) = self.stamps.get_mut(index) {
            *slot = stamp;
        }
    }

    /// Every error of every plan held (a forecast's too), each at its path
    /// in its plan, scenario after scenario.
    pub fn errors(&self) -> Vec<Error> {
        let Some(held) = &self.held else {
            return Vec::new();
        };
        held.scenarios
            .iter()
            .filter_map(|s| Plan::from_json(&s.plan).err())
            .flat_map(|errors| errors.0)
            .collect()
    }

    /// The scenarios held, as a scenario file's JSON (`null` before any is
    /// opened).
    pub fn file(&self) -> Json<'static> {
        self.held.as_ref().map_or(Json::Null, Scenarios::to_json)
    }

    /// Applies one edit (see the module's documentation) and says what the
    /// shared results changed: the actual results the other scenarios took,
    /// and the names of their goals.
    pub fn edit(&mut self, json: &Json) -> Result<Shared, Errors> {
        let mut reader = Reader::default();
        let edit = read_edit(&mut reader, json);
        let edit = reader.finish(edit)?;
        let held = self.held.as_mut().ok_or_else(nothing_open)?;
        match edit {
            Edit::Select(index) => {
                let count = held.scenarios.len();
                if index >= count {
                    let path = JsonPath::root().key("index");
                    let kind = ErrorKind::NoSuchScenario {
                        asked: index,
                        count,
                    };
                    return Err(Errors(vec![Error::new(path, kind)]));
                }
                held.active = index;
                self.moved = None;
                Ok(Shared::default())
            }
            Edit::Duplicate => {
                if held.scenarios.len() >= MAX_SCENARIOS {
                    let kind = ErrorKind::Count {
                        min: 1,
                        max: MAX_SCENARIOS,
                    };
                    return Err(Errors(vec![Error::new(JsonPath::root(), kind)]));
                }
                let current = &held.scenarios[held.active];
                let copy = Scenario {
                    name: held.copy_name(&current.name),
                    ..current.clone()
                };
                held.scenarios.push(copy);
                // The copy is the plan it copies.
                self.stamps.push(self.stamps[held.active]);
                held.active = held.scenarios.len() - 1;
                self.moved = None;
                Ok(Shared::default())
            }
            Edit::RemoveScenario => {
                if held.scenarios.len() > 1 {
                    held.scenarios.remove(held.active);
                    self.stamps.remove(held.active);
                    held.active = held.active.saturating_sub(1);
                    self.moved = None;
                }
                Ok(Shared::default())
            }
            Edit::Rename(name) => {
                let active = held.active;
                // A name of spaces alone names nothing: the tab and the
                // comparison would show a blank.
                held.scenarios[active].name = if name.trim().is_empty() {
                    unnamed(active)
                } else {
                    name
                };
                Ok(Shared::default())
            }
            Edit::OwnResults(own) => {
                let active = held.active;
                held.scenarios[active].own_results = own;
                let shared = if own {
                    Shared::default()
                } else {
                    held.rejoin_results()
                };
                if !shared.edits.is_empty() {
                    self.restamp(active);
                    self.moved = None;
                }
                Ok(shared)
            }
            plan_edit => {
                let active = held.active;
                let plan = &mut held.scenarios[active].plan;
                // A team's new id (a team added in the page follows its
                // name): the payout it had is still its own, not a team
                // gone and another come.
                let renamed = match &plan_edit {
                    Edit::Set(steps, Json::String(id)) => match steps.as_slice() {
                        [Step::Key(list), Step::Index(i), Step::Key(key)]
                            if list == "teams" && key == "id" =>
                        {
                            item_id(plan, "teams", *i).map(|was| (was, id.clone()))
                        }
                        _ => None,
                    },
                    _ => None,
                };
                let changed = change(plan, plan_edit)?;
                if let Some((was, id)) = renamed {
                    self.evaluator.retag(active, &was, &id);
                }
                self.moved = match (
                    self.moved.take(),
                    changed.actual_of.map(|i| item_id(plan, "goals", i)),
                ) {
                    (Some(None), Some(Some(id))) => Some(Some(id)),
                    (Some(Some(was)), Some(Some(id))) if was == id => Some(Some(id)),
                    _ => None,
                };
                let shared = if changed.goals {
                    held.share_results()
                } else {
                    Shared::default()
                };
                self.restamp(active);
                for edit in &shared.edits {
                    self.restamp(edit.scenario);
                }
                Ok(shared)
            }
        }
    }

    /// What the page draws for the scenarios held: `asked` is `{ chart?:
    /// { goal, steps }, workings? }`. Each plan is read without its forecast
    /// (the simulation's, with errors of its own), so that a half-typed
    /// forecast does not stop the payouts. A request that brings its own
    /// plans, `{ scenarios: [Plan], active?, chart?, workings? }` (as the
    /// plain `evaluate` takes), holds them from then on, unnamed. When the
    /// chart and the targets are the last answer's, they are left out and
    /// `kept` says so.
    pub fn evaluate(&mut self, asked: &Json) -> Result<Evaluation<'_>, Errors> {
        let mut reader = Reader::default();
        let brings =
            matches!(asked, Json::Object(entries) if field(entries, "scenarios").is_some());
        let (chart, workings) = if brings {
            let request = read(&mut reader, asked);
            let request = reader.finish(request)?;
            let plans = request.scenarios.iter().map(|&plan| plan.owned()).collect();
            self.hold(Scenarios::of_plans(plans, request.active));
            (request.chart, request.workings)
        } else {
            let drawing = read_drawing(&mut reader, asked);
            let drawing = reader.finish(drawing)?;
            (drawing.chart, drawing.workings)
        };
        let held = self.held.as_ref().ok_or_else(nothing_open)?;
        let request = Request {
            scenarios: held.scenarios.iter().map(|s| &s.plan).collect(),
            active: held.active,
            chart,
            workings,
            forecasts: false,
            known: Some(Known {
                stamps: self.stamps.clone(),
                // From now on, nothing has moved since this call.
                moved: self.moved.replace(None),
            }),
        };
        let mut evaluation = self.evaluator.answer(&request)?;
        // What the caller has from the last answer does not cross again.
        if evaluation.kept {
            evaluation.chart = None;
            evaluation.targets = Vec::new();
        }
        Ok(evaluation)
    }

    /// The results of the last `evaluate` stand: the next edit is told
    /// against them ([`Evaluator::settle`]).
    pub fn settle(&mut self) {
        self.evaluator.settle();
    }
}

/// The error of a calculator asked before anything was opened.
fn nothing_open() -> Errors {
    Errors(vec![Error::new(
        JsonPath::root().key("scenarios"),
        ErrorKind::Missing,
    )])
}

/// Reads one edit.
fn read_edit(r: &mut Reader, json: &Json) -> Option<Edit> {
    let root = Path::Root;
    let keys = [
        "set", "remove", "insert", "move", "value", "to", "scenario", "index", "name", "own",
    ];
    let entries = r.object(&root, json, Some(&keys))?;
    let value = |r: &mut Reader| r.required(&root, entries, "value", |_, _, v| Some(v.owned()));
    if let Some(path) = field(entries, "set") {
        let steps = steps(r, &root.key("set"), path);
        return Some(Edit::Set(steps?, value(r)?));
    }
    if let Some(path) = field(entries, "remove") {
        return Some(Edit::Remove(steps(r, &root.key("remove"), path)?));
    }
    if let Some(path) = field(entries, "insert") {
        let steps = steps(r, &root.key("insert"), path);
        return Some(Edit::Insert(steps?, value(r)?));
    }
    if let Some(path) = field(entries, "move") {
        let steps = steps(r, &root.key("move"), path);
        let to = r.required(&root, entries, "to", |r, p, to| r.whole(p, to, 0, u32::MAX));
        return Some(Edit::Move(steps?, to? as usize));
    }
    let Some(action) = field(entries, "scenario") else {
        r.error(
            &root,
            ErrorKind::NotOneOf(vec!["set", "remove", "insert", "move", "scenario"]),
        );
        return None;
    };
    let at = root.key("scenario");
    match action {
        Json::String(action) if action == "select" => {
            let index = r.required(&root, entries, "index", |r, p, i| {
                r.whole(p, i, 0, u32::MAX)
            });
            Some(Edit::Select(index? as usize))
        }
        Json::String(action) if action == "duplicate" => Some(Edit::Duplicate),
        Json::String(action) if action == "remove" => Some(Edit::RemoveScenario),
        Json::String(action) if action == "rename" => {
            let name = r.required(&root, entries, "name", |r, p, n| r.text(p, n, 0, MAX_NAME));
            Some(Edit::Rename(name?))
        }
        Json::String(action) if action == "ownResults" => {
            let own = r.required(&root, entries, "own", Reader::boolean);
            Some(Edit::OwnResults(own?))
        }
        _ => {
            let actions = vec!["select", "duplicate", "remove", "rename", "ownResults"];
            r.error(&at, ErrorKind::NotOneOf(actions));
            None
        }
    }
}

/// A path given as its steps, `["goals", 0, "target"]`: what `pathText`
/// writes as `goals[0].target`.
#[cfg(any(all(target_arch = "wasm32", not(feature = "first")), test))]
pub(crate) fn read_path(json: &Json) -> Result<JsonPath, Errors> {
    let mut reader = Reader::default();
    let steps = steps(&mut reader, &Path::Root, json);
    reader.finish(steps.map(JsonPath::from))
}

/// A path: a list of keys (text) and indices (whole numbers).
fn steps(r: &mut Reader, path: &Path, json: &Json) -> Option<Vec<Step>> {
    let list = r.list(path, json, 0, 64)?;
    r.each(path, list, |r, p, item| match item {
        Json::String(key) => Some(Step::Key(key.to_string())),
        Json::Number(_) => r
            .whole(p, item, 0, u32::MAX)
            .map(|i| Step::Index(i as usize)),
        _ => {
            r.wrong_type(p, item, "a key (text) or an index (a whole number)");
            None
        }
    })
}

/// What a plan edit changed.
struct Changed {
    /// Whether it may have changed a goal's actual result (it touched the
    /// goals, or the whole plan).
    goals: bool,
    /// The goal whose actual result it typed over, when it changed nothing
    /// else.
    actual_of: Option<usize>,
}

/// The id of item `index` of the plan's `list` (its goals or teams), when it has one.
fn item_id(plan: &Json, list: &str, index: usize) -> Option<String> {
    let Json::Object(entries) = plan else {
        return None;
    };
    let Some(Json::Array(items)) = field(entries, list) else {
        return None;
    };
    match items.get(index) {
        Some(Json::Object(item)) => match field(item, "id") {
            Some(Json::String(id)) => Some(id.to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// Applies a plan edit to `plan` and says what it changed. Refused, the
/// plan is as it was.
fn change(plan: &mut Json<'static>, edit: Edit) -> Result<Changed, Errors> {
    // How to undo it: a set puts back the value it replaced (typing, the
    // common edit, copies no plan); the others, rarer, keep the plan.
    let (steps, undo) = match edit {
        Edit::Set(steps, value) => {
            let undo = set(plan, &steps, value).map(Undo::Set);
            (steps, undo)
        }
        Edit::Remove(steps) => {
            let before = plan.clone();
            let undo = remove(plan, &steps).map(|()| Undo::Plan(before));
            (steps, undo)
        }
        Edit::Insert(steps, value) => {
            let before = plan.clone();
            let undo = insert(plan, &steps, value).map(|()| Undo::Plan(before));
            (steps, undo)
        }
        Edit::Move(steps, to) => {
            let before = plan.clone();
            let undo = move_item(plan, &steps, to).map(|()| Undo::Plan(before));
            (steps, undo)
        }
        _ => unreachable!("scenario edits are applied by `Calculator::edit`"),
    };
    let Some(undo) = undo else {
        let path = steps
            .iter()
            .fold(JsonPath::root(), |path, step| match step {
                Step::Key(key) => path.key(key),
                Step::Index(i) => path.index(*i),
            });
        return Err(Errors(vec![Error::new(path, ErrorKind::NoSuchPlace)]));
    };
    // A value that replaced a value and neither holds anything (typing:
    // text for text) leaves the plan's shape as it was.
    let scalar = |json: &Json| !matches!(json, Json::Object(_) | Json::Array(_));
    let same_shape = match &undo {
        Undo::Set(Some(old)) => scalar(old) && at_mut(plan, &steps).is_some_and(|new| scalar(new)),
        _ => false,
    };
    if let Err(errors) = if same_shape { Ok(()) } else { plan_shape(plan) } {
        match undo {
            Undo::Plan(before) => *plan = before,
            Undo::Set(Some(old)) => _ = set(plan, &steps, old),
            Undo::Set(None) => _ = remove(plan, &steps),
        }
        return Err(errors);
    }
    let actual_of = match steps.as_slice() {
        [Step::Key(goals), Step::Index(i), Step::Key(actual)]
            if same_shape && goals == "goals" && actual == "actual" =>
        {
            Some(*i)
        }
        _ => None,
    };
    Ok(Changed {
        goals: match steps.first() {
            None => true,
            Some(Step::Key(key)) => key == "goals",
            Some(Step::Index(_)) => false,
        },
        actual_of,
    })
}

/// What puts a plan back as it was before an edit.
enum Undo {
    /// The value a set replaced (none: it added a key).
    Set(Option<Json<'static>>),
    /// The whole plan.
    Plan(Json<'static>),
}

/// The value at `steps` in `json`.
fn at_mut<'a>(json: &'a mut Json<'static>, steps: &[Step]) -> Option<&'a mut Json<'static>> {
    steps
        .iter()
        .try_fold(json, |json, step| match (json, step) {
            (Json::Object(entries), Step::Key(key)) => {
                entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
            }
            (Json::Array(items), Step::Index(i)) => items.get_mut(*i),
            _ => None,
        })
}

/// Sets the value at `steps`: an object's key (added when absent), a list's
/// item, or the plan itself. Returns the value it replaced (none when it
/// added a key).
fn set(
    plan: &mut Json<'static>,
    steps: &[Step],
    value: Json<'static>,
) -> Option<Option<Json<'static>>> {
    let Some((last, parent)) = steps.split_last() else {
        return Some(Some(std::mem::replace(plan, value)));
    };
    match (at_mut(plan, parent)?, last) {
        (Json::Object(entries), Step::Key(key)) => {
            match entries.iter_mut().find(|(k, _)| k == key) {
                Some((_, old)) => Some(Some(std::mem::replace(old, value))),
                None => {
                    entries.push((key.clone().into(), value));
                    Some(None)
                }
            }
        }
        (Json::Array(items), Step::Index(i)) => {
            Some(Some(std::mem::replace(items.get_mut(*i)?, value)))
        }
        _ => None,
    }
}

/// Removes an object's key or a list's item.
fn remove(plan: &mut Json<'static>, steps: &[Step]) -> Option<()> {
    let (last, parent) = steps.split_last()?;
    match (at_mut(plan, parent)?, last) {
        (Json::Object(entries), Step::Key(key)) => {
            let i = entries.iter().position(|(k, _)| k == key)?;
            entries.remove(i);
        }
        (Json::Array(items), Step::Index(i)) if *i < items.len() => {
            items.remove(*i);
        }
        _ => return None,
    }
    Some(())
}

/// The list a path's last step indexes into, and that index.
fn list_at<'a>(
    plan: &'a mut Json<'static>,
    steps: &[Step],
) -> Option<(&'a mut Vec<Json<'static>>, usize)> {
    let (Step::Index(i), parent) = steps.split_last()? else {
        return None;
    };
    match at_mut(plan, parent)? {
        Json::Array(items) => Some((items, *i)),
        _ => None,
    }
}

/// Inserts an item into a list, before the item at the path's index (at
/// the end when the index is the list's length).
fn insert(plan: &mut Json<'static>, steps: &[Step], value: Json<'static>) -> Option<()> {
    let (items, i) = list_at(plan, steps)?;
    (i <= items.len()).then(|| items.insert(i, value))
}

/// Moves a list's item to index `to` of the same list.
fn move_item(plan: &mut Json<'static>, steps: &[Step], to: usize) -> Option<()> {
    let (items, from) = list_at(plan, steps)?;
    (from < items.len() && to < items.len()).then(|| {
        let item = items.remove(from);
        items.insert(to, item);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn json(text: &str) -> Json<'_> {
        parse(text).unwrap()
    }

    fn example(name: &str) -> Json<'static> {
        let text = std::fs::read_to_string(format!("examples/{name}.json")).unwrap();
        json(&text).owned()
    }

    #[test]
    fn a_path_read_from_its_steps_is_written_as_errors_write_it() {
        let written = |steps: &str| read_path(&json(steps)).map(|path| path.to_string());
        assert_eq!(
            written(r#"["goals",0,"target"]"#).unwrap(),
            "goals[0].target"
        );
        assert_eq!(
            written(r#"["teams",1,"weights","new-arr"]"#).unwrap(),
            "teams[1].weights.new-arr"
        );
        assert_eq!(
            written(r#"["goals",2,"curve","points",1,0]"#).unwrap(),
            "goals[2].curve.points[1][0]"
        );
        assert_eq!(written("[]").unwrap(), "");
        let wrong = read_path(&json(r#"["goals",-1]"#)).unwrap_err();
        assert_eq!(wrong.0[0].path, "[1]");
        assert!(read_path(&json(r#"["goals",true]"#)).is_err());
    }

    /// A calculator holding "Siloed today" and "Shared revenue", the second active.
    fn two() -> Calculator {
        let file = Json::Object(vec![
            ("active".into(), Json::Number("1".into())),
            (
                "scenarios".into(),
                Json::Array(vec![
                    Json::Object(vec![("plan".into(), example("siloed"))]),
                    Json::Object(vec![("plan".into(), example("shared-revenue"))]),
                ]),
            ),
        ]);
        let mut calculator = Calculator::default();
        calculator.open(&file).unwrap();
        calculator
    }

    fn total(calculator: &mut Calculator) -> String {
        let evaluation = calculator.evaluate(&json("{}")).unwrap();
        let text = serde_json::to_value(&evaluation).unwrap();
        text["result"]["total"]["payout"]
            .as_str()
            .unwrap_or("")
            .to_owned()
    }

    /// What `edits`, made after the first results of `two()` stood, are
    /// told to have changed, and each team's payout difference.
    fn changed_by(edits: &[&str]) -> (serde_json::Value, Vec<(String, String)>) {
        let mut calculator = two();
        let draw = json(r#"{"workings":true}"#);
        calculator.evaluate(&draw).unwrap();
        calculator.settle();
        for edit in edits {
            calculator.edit(&json(edit)).unwrap();
        }
        let answer = serde_json::to_value(calculator.evaluate(&draw).unwrap()).unwrap();
        let changed = answer["changed"].clone();
        let teams = changed["teams"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let text = |key: &str| t[key].as_str().unwrap().to_owned();
                (text("id"), text("difference"))
            })
            .collect();
        (changed, teams)
    }

    fn actual(calculator: &Calculator, scenario: usize) -> Json<'static> {
        let held = calculator.held.as_ref().unwrap();
        let plan = &held.scenarios[scenario].plan;
        let Json::Object(entries) = plan else {
            panic!()
        };
        let Some(Json::Array(goals)) = field(entries, "goals") else {
            panic!()
        };
        let Json::Object(goal) = &goals[0] else {
            panic!()
        };
        field(goal, "actual").unwrap().owned()
    }

    #[test]
    fn a_typed_result_is_calculated_and_shared_with_the_other_scenario() {
        let mut calculator = two();
        // Shared revenue as given: $180,450.00 (the README's worked example).
        assert_eq!(total(&mut calculator), "180450.00");
        let shared = calculator
            .edit(&json(
                r#"{ "set": ["goals", 0, "actual"], "value": "2000000" }"#,
            ))
            .unwrap();
        // New ARR at 2,000,000 of 2,000,000 (attainment 1), worked by hand:
        // Sales 120,000 × (0.5 × 1 + 0.5 × 44/40) = 126,000.00 and Marketing
        // 60,000 × (0.5 × 1 + 0.3 × 1.1 + 0.2 × 1140/1200) = 61,200.00.
        assert_eq!(total(&mut calculator), "187200.00");
        assert_eq!(shared.goals, vec!["New ARR".to_owned()]);
        // The other scenario shares the result.
        assert_eq!(actual(&calculator, 0), Json::String("2000000".into()));
    }

    #[test]
    fn an_edit_that_leads_nowhere_or_breaks_the_shape_changes_nothing() {
        let mut calculator = two();
        let before = calculator.file();
        let nowhere = calculator
            .edit(&json(r#"{ "set": ["goals", 9, "actual"], "value": "1" }"#))
            .unwrap_err();
        assert_eq!(nowhere.0[0].path.to_string(), "goals[9].actual");
        assert_eq!(nowhere.0[0].kind, ErrorKind::NoSuchPlace);
        let shape = calculator
            .edit(&json(r#"{ "set": ["goals"], "value": "revenue" }"#))
            .unwrap_err();
        assert_eq!(shape.0[0].path.to_string(), "goals");
        assert!(calculator.edit(&json(r#"{ "sett": [] }"#)).is_err());
        assert_eq!(calculator.file(), before);
    }

    #[test]
    fn items_are_inserted_moved_and_removed() {
        let mut calculator = two();
        let goal = r#"{ "insert": ["goals", 0], "value": { "id": "extra", "name": "Extra", "target": "1", "actual": "1" } }"#;
        calculator.edit(&json(goal)).unwrap();
        calculator
            .edit(&json(r#"{ "move": ["goals", 0], "to": 2 }"#))
            .unwrap();
        let ids = |c: &Calculator| {
            let held = c.held.as_ref().unwrap();
            let Json::Object(plan) = &held.scenarios[1].plan else {
                panic!()
            };
            let Some(Json::Array(goals)) = field(plan, "goals") else {
                panic!()
            };
            goals
                .iter()
                .map(|g| match g {
                    Json::Object(g) => field(g, "id").unwrap().to_text(),
                    _ => panic!(),
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&calculator)[2], "\"extra\"");
        calculator
            .edit(&json(r#"{ "remove": ["goals", 2] }"#))
            .unwrap();
        assert!(!ids(&calculator).contains(&"\"extra\"".to_owned()));
    }

    #[test]
    fn scenarios_are_copied_renamed_picked_and_removed() {
        let mut calculator = two();
        calculator
            .edit(&json(r#"{ "scenario": "duplicate" }"#))
            .unwrap();
        calculator
            .edit(&json(r#"{ "scenario": "duplicate" }"#))
            .unwrap();
        let names = |c: &Calculator| {
            let held = c.held.as_ref().unwrap();
            (
                held.active,
                held.scenarios
                    .iter()
                    .map(|s| s.name.clone())
                    .collect::<Vec<_>>(),
            )
        };
        let (active, list) = names(&calculator);
        assert_eq!(active, 3);
        assert_eq!(list[2], "Scenario 2 (copy)");
        // A copy of a copy is counted, not stacked.
        assert_eq!(list[3], "Scenario 2 (copy 2)");
        calculator
            .edit(&json(r#"{ "scenario": "rename", "name": "" }"#))
            .unwrap();
        assert_eq!(names(&calculator).1[3], "Scenario 4");
        // Spaces alone name nothing either; a name's own spaces stay as typed.
        calculator
            .edit(&json(r#"{ "scenario": "rename", "name": "   " }"#))
            .unwrap();
        assert_eq!(names(&calculator).1[3], "Scenario 4");
        calculator
            .edit(&json(r#"{ "scenario": "rename", "name": "Shared " }"#))
            .unwrap();
        assert_eq!(names(&calculator).1[3], "Shared ");
        calculator
            .edit(&json(r#"{ "scenario": "remove" }"#))
            .unwrap();
        assert_eq!(names(&calculator).0, 2);
        assert!(calculator
            .edit(&json(r#"{ "scenario": "select", "index": 5 }"#))
            .is_err());
        calculator
            .edit(&json(r#"{ "scenario": "select", "index": 0 }"#))
            .unwrap();
        assert_eq!(names(&calculator).0, 0);
    }

    #[test]
    fn own_results_are_not_shared_and_rejoin_when_turned_off() {
        let mut calculator = two();
        calculator
            .edit(&json(r#"{ "scenario": "ownResults", "own": true }"#))
            .unwrap();
        let shared = calculator
            .edit(&json(r#"{ "set": ["goals", 0, "actual"], "value": "5" }"#))
            .unwrap();
        assert!(shared.goals.is_empty());
        assert_ne!(actual(&calculator, 0), Json::String("5".into()));
        let rejoined = calculator
            .edit(&json(r#"{ "scenario": "ownResults", "own": false }"#))
            .unwrap();
        assert_eq!(rejoined.goals, vec!["New ARR".to_owned()]);
        assert_eq!(actual(&calculator, 1), actual(&calculator, 0));
    }

    #[test]
    fn every_plans_errors_are_told_at_their_paths_in_the_plan() {
        let mut calculator = two();
        assert!(calculator.errors().is_empty());
        calculator
            .edit(&json(r#"{ "set": ["goals", 1, "target"], "value": "" }"#))
            .unwrap();
        let errors = calculator.errors();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path.to_string(), "goals[1].target");
        assert_eq!(errors[0].kind, ErrorKind::Missing);
    }

    #[test]
    fn a_forecast_does_not_stop_the_payouts() {
        let mut calculator = two();
        let broken =
            r#"{ "set": ["forecast"], "value": { "goals": { "revenue": { "low": "x" } } } }"#;
        calculator.edit(&json(broken)).unwrap();
        assert_eq!(total(&mut calculator), "180450.00");
    }

    /// A team given a new id (a team added in the page follows its name as
    /// it is typed) keeps its payout: nothing is said to have changed, as
    /// no payout moved; an actual typed next is told of the team by its new
    /// name and id.
    #[test]
    fn a_team_retagged_is_the_same_team() {
        let mut calculator = two();
        let draw = json(r#"{"workings":true}"#);
        calculator.evaluate(&draw).unwrap();
        calculator.settle();
        let edits = [
            r#"{"set":["teams",1,"id"],"value":"demand-gen"}"#,
            r#"{"set":["teams",1,"name"],"value":"Demand Gen"}"#,
        ];
        for edit in edits {
            calculator.edit(&json(edit)).unwrap();
        }
        let answer = serde_json::to_value(calculator.evaluate(&draw).unwrap()).unwrap();
        assert_eq!(answer["changed"], serde_json::Value::Null);
        calculator
            .edit(&json(r#"{"set":["goals",0,"actual"],"value":"2000000"}"#))
            .unwrap();
        let answer = serde_json::to_value(calculator.evaluate(&draw).unwrap()).unwrap();
        let teams = answer["changed"]["teams"].as_array().unwrap();
        let ids: Vec<&str> = teams.iter().map(|t| t["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["sales", "demand-gen"]);
        assert_eq!(teams[1]["name"], "Demand Gen");
    }

    /// An edit of the plan's levers is told by what moved: a target, a
    /// target incentive, weights, each before and after, in plan order.
    #[test]
    fn the_levers_an_edit_moved_are_told_with_the_payouts() {
        let (changed, teams) = changed_by(&[
            r#"{"set":["teams",1,"weights","revenue"],"value":"0.6"}"#,
            r#"{"set":["teams",1,"weights","pipeline"],"value":"0.2"}"#,
            r#"{"set":["teams",0,"targetIncentive"],"value":"130000.00"}"#,
            r#"{"set":["goals",1,"target"],"value":"44"}"#,
        ]);
        let inputs: Vec<String> = changed["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                let name = |key: &str| i[key]["name"].as_str().unwrap_or("").to_owned();
                format!(
                    "{} {} {} {} → {}",
                    i["input"].as_str().unwrap(),
                    name("team"),
                    name("goal"),
                    i["before"].as_str().unwrap(),
                    i["after"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(
            inputs,
            [
                "target  New customers 40 → 44",
                "targetIncentive Sales  120000 → 130000",
                "weight Marketing New ARR 0.5 → 0.6",
                "weight Marketing Marketing-sourced pipeline 0.3 → 0.2",
            ]
        );
        // By hand. Sales: 130,000 × 0.5 × 0.925 + 130,000 × 0.5 × 1 (44 of 44)
        // = 60,125 + 65,000 = 125,125, against 55,500 + 66,000 = 121,500.
        // Marketing: 60,000 × (0.6 × 0.925 + 0.2 × 1.1 + 0.2 × 0.95) = 57,900,
        // against 60,000 × (0.5 × 0.925 + 0.3 × 1.1 + 0.2 × 0.95) = 58,950.
        let expected = [("sales", "3625.00"), ("marketing", "-1050.00")];
        assert_eq!(teams, expected.map(|(a, b)| (a.to_owned(), b.to_owned())));
        assert_eq!(changed["total"], "2575.00");
        assert!(changed["goals"].as_array().unwrap().is_empty());
    }

    /// A cap that moved is told as the cap, before and after, null where
    /// the team has none: not as a payout that moved by itself.
    #[test]
    fn a_cap_that_moved_is_told() {
        let (changed, teams) = changed_by(&[
            r#"{"set":["teams",0,"cap"],"value":"1"}"#,
            r#"{"remove":["teams",1,"cap"]}"#,
        ]);
        let told: Vec<String> = changed["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                format!(
                    "{} {} {} → {}",
                    i["input"], i["team"]["id"], i["before"], i["after"]
                )
            })
            .collect();
        assert_eq!(
            told,
            [
                r#""cap" "sales" "2" → "1""#,
                r#""cap" "marketing" "2" → null"#,
            ]
        );
        // By hand: Sales earns 55,500 + 66,000 = 121,500, above its new cap
        // of 1 × 120,000, so it is paid 120,000: 1,500 less. Marketing's
        // 58,950 was within its cap of 120,000 and is without one.
        assert_eq!(teams, [("sales".into(), "-1500.00".to_owned())]);
        assert_eq!(changed["total"], "-1500.00");
        // A cap emptied that did not bind moves no payout, and is told all the same.
        let (changed, teams) = changed_by(&[r#"{"remove":["teams",0,"cap"]}"#]);
        assert_eq!(changed["inputs"][0]["input"], "cap");
        assert_eq!(changed["inputs"][0]["before"], "2");
        assert_eq!(changed["inputs"][0]["after"], serde_json::Value::Null);
        assert!(teams.is_empty());
        assert_eq!(changed["total"], "0.00");
    }

    /// What is drawn after every edit is what a calculator opened fresh on
    /// the same scenarios draws: nothing kept from an earlier call (facts,
    /// a chart, targets, a scenario worked out once for a twin) is stale.
    #[test]
    fn every_answer_is_a_fresh_calculators_answer() {
        let mut calculator = two();
        let draw = json(r#"{"chart":{"goal":"revenue","steps":11},"workings":true}"#);
        let answer = |c: &mut Calculator| serde_json::to_value(c.evaluate(&draw).unwrap()).unwrap();
        let mut drawn = answer(&mut calculator);
        let edits = [
            r#"{"set":["goals",0,"actual"],"value":"1850000"}"#,
            r#"{"set":["goals",0,"actual"],"value":"2100000"}"#,
            r#"{"scenario":"duplicate"}"#,
            r#"{"set":["goals",1,"actual"],"value":"450"}"#,
            r#"{"set":["goals",0,"actual"],"value":"900000"}"#,
            r#"{"set":["teams",0,"targetIncentive"],"value":"90000"}"#,
            r#"{"set":["goals",0,"actual"],"value":"1000000"}"#,
            r#"{"scenario":"select","index":0}"#,
            r#"{"set":["goals",0,"actual"],"value":"1200000"}"#,
            r#"{"set":["goals",0,"target"],"value":"1500000"}"#,
            r#"{"scenario":"ownResults","own":true}"#,
            r#"{"set":["goals",0,"actual"],"value":"1"}"#,
            r#"{"scenario":"ownResults","own":false}"#,
            r#"{"set":["goals",0,"actual"],"value":"abc"}"#,
            r#"{"set":["goals",0,"actual"],"value":"1400000"}"#,
            r#"{"scenario":"remove"}"#,
            r#"{"set":["goals",0,"actual"],"value":"1500000"}"#,
        ];
        for edit in edits {
            calculator.edit(&json(edit)).unwrap();
            let mut now = answer(&mut calculator);
            if now.get("facts").is_none() {
                now["facts"] = drawn["facts"].clone();
            }
            if now.as_object_mut().unwrap().remove("kept") == Some(true.into()) {
                for key in ["chart", "targets"] {
                    if let Some(kept) = drawn.get(key) {
                        now[key] = kept.clone();
                    }
                }
            }
            let mut fresh = Calculator::default();
            fresh.open(&calculator.file()).unwrap();
            let mut expected = answer(&mut fresh);
            // What changed is told against the edit's start, which a fresh
            // calculator does not know.
            now["changed"] = serde_json::Value::Null;
            expected["changed"] = serde_json::Value::Null;
            assert_eq!(now, expected, "after {edit}");
            drawn = now;
        }
    }
}
