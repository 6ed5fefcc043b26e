//! Validation: from JSON as written to a `Plan` the calculation can trust.
//!
//! Validation never stops at the first problem: it walks the whole plan and
//! reports every error with its path, so the author can fix them all at once.

use rust_decimal::Decimal;

use crate::currency;
use crate::curve::{Beyond, Curve, Interpolation};
use crate::decimal;
use crate::error::{Error, ErrorKind, Errors};
use crate::exact::Exact;
use crate::json::Json;
use crate::money::{Money, Rounding};
use crate::path::Path;
use crate::plan::{Direction, Gate, Goal, Member, Method, Modifier, Plan, Team};

/// Most goals, and most teams, in one plan.
const MAX_GOALS_OR_TEAMS: usize = 100;
/// Most members over the whole plan.
const MAX_MEMBERS: usize = 100_000;
/// Longest name of a plan, goal, team or member, in characters.
const MAX_NAME: usize = 200;

/// Validates a whole plan.
pub(crate) fn plan(json: &Json) -> Result<Plan, Errors> {
    let mut v = Validator::default();
    let plan = v.plan(json);
    v.finish(plan)
}

/// The goal ids in plan order, as far as they could be read, so that weights,
/// gates and modifiers can refer to goals by id.
pub(crate) struct GoalIds<'a>(Vec<Option<&'a str>>);

impl<'a> GoalIds<'a> {
    fn read(goals: &'a [Json]) -> Self {
        let id = |goal: &'a Json| match goal {
            Json::Object(entries) => match field(entries, "id") {
                Some(Json::String(id)) => Some(id.as_str()),
                _ => None,
            },
            _ => None,
        };
        GoalIds(goals.iter().map(id).collect())
    }

    pub(crate) fn of(plan: &'a Plan) -> Self {
        GoalIds(plan.goals.iter().map(|g| Some(g.id.as_str())).collect())
    }

    /// The index of the first goal with this id.
    fn find(&self, id: &str) -> Option<usize> {
        self.0.iter().position(|known| *known == Some(id))
    }
}

/// A field's value; `null` counts as absent, so that JavaScript callers can
/// write `cap: null` for "no cap".
fn field<'a>(entries: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    entries
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, value)| value)
        .filter(|value| **value != Json::Null)
}

/// Collects errors while it reads values out of JSON.
#[derive(Default)]
pub(crate) struct Validator {
    errors: Vec<Error>,
}

impl Validator {
    fn error(&mut self, path: &Path, kind: ErrorKind) {
        self.errors.push(Error::new(path.to_string(), kind));
    }

    /// The value when no error was found, else every error.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, Errors> {
        match value {
            Some(value) if self.errors.is_empty() => Ok(value),
            _ => Err(Errors(self.errors)),
        }
    }

    /// An object's entries, after reporting repeated keys and, when `known`
    /// is given, keys the model does not define.
    pub(crate) fn object<'a>(
        &mut self,
        path: &Path,
        json: &'a Json,
        known: Option<&[&str]>,
    ) -> Option<&'a [(String, Json)]> {
        let Json::Object(entries) = json else {
            self.wrong_type(path, json, "an object { … }");
            return None;
        };
        for (i, (key, _)) in entries.iter().enumerate() {
            if known.is_some_and(|known| !known.contains(&key.as_str())) {
                self.error(&path.key(key), ErrorKind::UnknownField(key.clone()));
            } else if entries[..i].iter().any(|(earlier, _)| earlier == key) {
                self.error(&path.key(key), ErrorKind::DuplicateKey(key.clone()));
            }
        }
        Some(entries)
    }

    /// A field that must be present, read by `read` at the field's own path.
    pub(crate) fn required<'a, T>(
        &mut self,
        path: &Path,
        entries: &'a [(String, Json)],
        key: &str,
        read: impl FnOnce(&mut Self, &Path, &'a Json) -> Option<T>,
    ) -> Option<T> {
        let field_path = path.key(key);
        match field(entries, key) {
            Some(value) => read(self, &field_path, value),
            None => {
                self.error(&field_path, ErrorKind::Missing);
                None
            }
        }
    }

    fn wrong_type(&mut self, path: &Path, json: &Json, expected: &'static str) {
        let found = json.kind();
        self.error(path, ErrorKind::WrongType { expected, found });
    }

    pub(crate) fn decimal(&mut self, path: &Path, json: &Json) -> Option<Decimal> {
        let result = match json {
            Json::String(text) => decimal::parse(text),
            Json::Number(_) => Err(ErrorKind::NumberNotString),
            _ => {
                self.wrong_type(path, json, "a decimal in quotes such as \"0.5\"");
                return None;
            }
        };
        result.map_err(|kind| self.error(path, kind)).ok()
    }

    /// A decimal ≥ 0.
    pub(crate) fn at_least_zero(&mut self, path: &Path, json: &Json) -> Option<Decimal> {
        let value = self.decimal(path, json)?;
        if value.is_sign_negative() && !value.is_zero() {
            self.error(path, ErrorKind::Negative);
            return None;
        }
        Some(value)
    }

    /// A decimal > 0.
    fn above_zero(&mut self, path: &Path, json: &Json) -> Option<Decimal> {
        let value = self.decimal(path, json)?;
        if value <= Decimal::ZERO {
            self.error(path, ErrorKind::NotPositive);
            return None;
        }
        Some(value)
    }

    /// A whole JSON number from `min` to `max`, written plainly (`2` or `2.0`).
    pub(crate) fn whole(&mut self, path: &Path, json: &Json, min: u32, max: u32) -> Option<u32> {
        let Json::Number(text) = json else {
            self.wrong_type(path, json, "a whole number");
            return None;
        };
        let value = decimal::parse(text).ok().filter(|n| n.trunc() == *n);
        let value = value.and_then(|n| u32::try_from(n.mantissa() / 10i128.pow(n.scale())).ok());
        match value.filter(|n| (min..=max).contains(n)) {
            Some(n) => Some(n),
            None => {
                self.error(path, ErrorKind::OutOfRange { min, max });
                None
            }
        }
    }

    fn text(&mut self, path: &Path, json: &Json, min: usize, max: usize) -> Option<String> {
        let Json::String(text) = json else {
            self.wrong_type(path, json, "text in quotes");
            return None;
        };
        let length = text.chars().count();
        if length < min || length > max {
            self.error(path, ErrorKind::TextLength { min, max });
            return None;
        }
        Some(text.clone())
    }

    fn id(&mut self, path: &Path, json: &Json) -> Option<String> {
        let Json::String(id) = json else {
            self.wrong_type(path, json, "text in quotes");
            return None;
        };
        let allowed =
            |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-';
        if id.is_empty() || id.len() > 40 || !id.bytes().all(allowed) {
            self.error(path, ErrorKind::BadId);
            return None;
        }
        Some(id.clone())
    }

    /// One of a fixed set of names, as the matching value.
    fn choice<T: Copy>(
        &mut self,
        path: &Path,
        json: &Json,
        names: &'static [&'static str],
        values: &[T],
    ) -> Option<T> {
        let found = match json {
            Json::String(name) => names.iter().position(|n| n == name),
            _ => None,
        };
        if found.is_none() {
            self.error(path, ErrorKind::NotOneOf(names));
        }
        found.and_then(|i| values.get(i).copied())
    }

    fn list<'a>(
        &mut self,
        path: &Path,
        json: &'a Json,
        min: usize,
        max: usize,
    ) -> Option<&'a [Json]> {
        let Json::Array(items) = json else {
            self.wrong_type(path, json, "a list [ … ]");
            return None;
        };
        if items.len() < min || items.len() > max {
            self.error(path, ErrorKind::Count { min, max });
            return None;
        }
        Some(items)
    }

    /// Reads every item of a list with `read`, so that every item's errors
    /// are reported; the values only when all of them are valid.
    fn each<T>(
        &mut self,
        path: &Path,
        items: &[Json],
        mut read: impl FnMut(&mut Self, &Path, &Json) -> Option<T>,
    ) -> Option<Vec<T>> {
        let parsed: Vec<Option<T>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| read(self, &path.index(i), item))
            .collect();
        parsed.into_iter().collect()
    }

    /// A goal id that names an existing goal, as the goal's index.
    pub(crate) fn goal_ref(&mut self, path: &Path, json: &Json, ids: &GoalIds) -> Option<usize> {
        let Json::String(id) = json else {
            self.wrong_type(path, json, "a goal id in quotes");
            return None;
        };
        let index = ids.find(id);
        if index.is_none() {
            self.error(path, ErrorKind::UnknownGoal(id.clone()));
        }
        index
    }

    fn plan(&mut self, json: &Json) -> Option<Plan> {
        const KEYS: &[&str] = &[
            "version", "name", "currency", "decimals", "rounding", "goals", "teams",
        ];
        let root = Path::Root;
        let entries = self.object(&root, json, Some(KEYS))?;
        if let Some(version) = field(entries, "version") {
            if !matches!(version, Json::Number(n) if decimal::parse(n) == Ok(Decimal::ONE)) {
                self.error(&root.key("version"), ErrorKind::UnsupportedVersion);
            }
        }
        let name = field(entries, "name").map(|n| self.text(&root.key("name"), n, 0, MAX_NAME));
        let currency = match field(entries, "currency") {
            None => Some("USD".to_owned()),
            Some(Json::String(code)) if currency::is_known(code) => Some(code.clone()),
            Some(_) => {
                self.error(&root.key("currency"), ErrorKind::UnknownCurrency);
                None
            }
        };
        let decimals = match field(entries, "decimals") {
            Some(json) => self.whole(&root.key("decimals"), json, 0, 4),
            None => currency.as_deref().map(currency::minor_units),
        };
        let rounding = match field(entries, "rounding") {
            Some(json) => self.choice(
                &root.key("rounding"),
                json,
                Rounding::NAMES,
                &[Rounding::HalfUp, Rounding::HalfEven, Rounding::Down],
            ),
            None => Some(Rounding::HalfUp),
        };
        let money = decimals
            .zip(rounding)
            .map(|(decimals, rounding)| Money { decimals, rounding });

        let goals_path = root.key("goals");
        let goals_json = self.required(&root, entries, "goals", |v, p, g| {
            v.list(p, g, 1, MAX_GOALS_OR_TEAMS)
        });
        let ids = GoalIds::read(goals_json.unwrap_or_default());
        let mut goal_ids = Vec::new();
        let goals = goals_json.and_then(|goals| {
            self.each(&goals_path, goals, |v, path, goal| {
                v.goal(path, goal, &ids, &mut goal_ids)
            })
        });

        let teams_path = root.key("teams");
        let teams_json = self.required(&root, entries, "teams", |v, p, t| {
            v.list(p, t, 1, MAX_GOALS_OR_TEAMS)
        });
        let mut members = 0;
        let mut team_ids = Vec::new();
        let teams = teams_json.and_then(|teams| {
            self.each(&teams_path, teams, |v, path, team| {
                v.team(path, team, &ids, money, &mut members, &mut team_ids)
            })
        });

        Some(Plan {
            name: name.flatten(),
            currency: currency?,
            money: money?,
            goals: goals?,
            teams: teams?,
        })
    }

    /// An id that follows the pattern and is not in `seen`, which it joins.
    fn new_id(
        &mut self,
        path: &Path,
        entries: &[(String, Json)],
        seen: &mut Vec<String>,
    ) -> Option<String> {
        let id = self.required(path, entries, "id", Validator::id)?;
        if seen.contains(&id) {
            self.error(&path.key("id"), ErrorKind::DuplicateId(id.clone()));
        } else {
            seen.push(id.clone());
        }
        Some(id)
    }

    fn goal(
        &mut self,
        path: &Path,
        json: &Json,
        ids: &GoalIds,
        seen: &mut Vec<String>,
    ) -> Option<Goal> {
        const KEYS: &[&str] = &[
            "id",
            "name",
            "target",
            "actual",
            "direction",
            "curve",
            "gate",
        ];
        let entries = self.object(path, json, Some(KEYS))?;
        let id = self.new_id(path, entries, seen);
        let name = self.name(path, entries);
        let target = self.required(path, entries, "target", Validator::above_zero);
        let actual = self.required(path, entries, "actual", Validator::at_least_zero);
        let (target, actual) = (target.map(Exact::from), actual.map(Exact::from));
        let direction = match field(entries, "direction") {
            Some(json) => self.choice(
                &path.key("direction"),
                json,
                Direction::NAMES,
                &[Direction::HigherIsBetter, Direction::LowerIsBetter],
            ),
            None => Some(Direction::HigherIsBetter),
        };
        let curve = match field(entries, "curve") {
            Some(json) => self.curve(&path.key("curve"), json),
            None => Some(Curve::pro_rata()),
        };
        let gate = field(entries, "gate").map(|g| self.gate(&path.key("gate"), g, ids));
        Some(Goal {
            id: id?,
            name: name?,
            target: target?,
            actual: actual?,
            direction: direction?,
            curve: curve?,
            gate: gate.map_or(Some(None), |g| g.map(Some))?,
        })
    }

    fn name(&mut self, path: &Path, entries: &[(String, Json)]) -> Option<String> {
        self.required(path, entries, "name", |v, p, n| v.text(p, n, 1, MAX_NAME))
    }

    fn gate(&mut self, path: &Path, json: &Json, ids: &GoalIds) -> Option<Gate> {
        let entries = self.object(path, json, Some(&["goal", "min"]))?;
        let goal = self.required(path, entries, "goal", |v, p, g| v.goal_ref(p, g, ids));
        let min = self.required(path, entries, "min", Validator::at_least_zero);
        Some(Gate {
            goal: goal?,
            min: min?.into(),
        })
    }

    fn curve(&mut self, path: &Path, json: &Json) -> Option<Curve> {
        let entries = self.object(path, json, Some(&["points", "interpolation", "beyond"]))?;
        let points = self.required(path, entries, "points", |v, p, json| {
            let points = v.list(p, json, 1, 50)?;
            v.points(p, points)
        });
        let interpolation = match field(entries, "interpolation") {
            Some(json) => self.choice(
                &path.key("interpolation"),
                json,
                Interpolation::NAMES,
                &[Interpolation::Linear, Interpolation::Step],
            ),
            None => Some(Interpolation::Linear),
        };
        let beyond_path = path.key("beyond");
        let beyond = match field(entries, "beyond") {
            Some(json) => self.choice(
                &beyond_path,
                json,
                Beyond::NAMES,
                &[Beyond::Cap, Beyond::Extend],
            ),
            None => Some(Beyond::Cap),
        };
        let curve = Curve {
            points: points?,
            interpolation: interpolation?,
            beyond: beyond?,
        };
        let extendable = curve.points.len() >= 2 && curve.interpolation == Interpolation::Linear;
        if curve.beyond == Beyond::Extend && !extendable {
            self.error(&beyond_path, ErrorKind::CannotExtend);
            return None;
        }
        Some(curve)
    }

    fn points(&mut self, path: &Path, points: &[Json]) -> Option<Vec<(Exact, Exact)>> {
        let mut valid = Some(Vec::with_capacity(points.len()));
        let mut previous: Option<Decimal> = None;
        for (i, point) in points.iter().enumerate() {
            let point_path = path.index(i);
            let pair = match point {
                Json::Array(pair) if pair.len() == 2 => {
                    let a = self.at_least_zero(&point_path.index(0), &pair[0]);
                    let f = self.at_least_zero(&point_path.index(1), &pair[1]);
                    if let (Some(a), Some(before)) = (a, previous) {
                        if a <= before {
                            self.error(&point_path.index(0), ErrorKind::NotIncreasing);
                        }
                    }
                    previous = a.or(previous);
                    a.zip(f)
                }
                _ => {
                    self.error(&point_path, ErrorKind::NotAPair);
                    None
                }
            };
            match (pair, valid.as_mut()) {
                (Some((a, f)), Some(list)) => list.push((a.into(), f.into())),
                _ => valid = None,
            }
        }
        valid
    }

    fn team(
        &mut self,
        path: &Path,
        json: &Json,
        ids: &GoalIds,
        money: Option<Money>,
        members_so_far: &mut usize,
        team_ids: &mut Vec<String>,
    ) -> Option<Team> {
        const KEYS: &[&str] = &[
            "id",
            "name",
            "targetIncentive",
            "weights",
            "method",
            "curve",
            "modifiers",
            "gate",
            "cap",
            "members",
        ];
        let entries = self.object(path, json, Some(KEYS))?;
        let id = self.new_id(path, entries, team_ids);
        let name = self.name(path, entries);
        let target_incentive = self.target_incentive(path, entries, money);
        let weights = self.required(path, entries, "weights", |v, p, w| v.weights(p, w, ids));
        let method = self.method(path, entries);
        let modifiers = match field(entries, "modifiers") {
            Some(json) => self.modifiers(&path.key("modifiers"), json, ids),
            None => Some(Vec::new()),
        };
        let gate = field(entries, "gate").map(|g| self.gate(&path.key("gate"), g, ids));
        let cap = field(entries, "cap").map(|c| self.at_least_zero(&path.key("cap"), c));
        let members = match field(entries, "members") {
            Some(json) => self.members(&path.key("members"), json, members_so_far),
            None => Some(Vec::new()),
        };
        Some(Team {
            id: id?,
            name: name?,
            target_incentive: target_incentive?,
            weights: weights?,
            method: method?,
            modifiers: modifiers?,
            gate: gate.map_or(Some(None), |g| g.map(Some))?,
            cap: cap.map_or(Some(None), |c| c.map(|c| Some(c.into())))?,
            members: members?,
        })
    }

    /// Target incentive: money ≥ 0 with no more places than the plan's
    /// currency, scaled to exactly those places.
    fn target_incentive(
        &mut self,
        path: &Path,
        entries: &[(String, Json)],
        money: Option<Money>,
    ) -> Option<Decimal> {
        let ti_path = path.key("targetIncentive");
        let mut value =
            self.required(path, entries, "targetIncentive", Validator::at_least_zero)?;
        let money = money?;
        if value.normalize().scale() > money.decimals {
            let decimals = money.decimals;
            self.error(&ti_path, ErrorKind::TooManyPlaces { decimals });
            return None;
        }
        value.rescale(money.decimals);
        Some(value)
    }

    fn weights(&mut self, path: &Path, json: &Json, ids: &GoalIds) -> Option<Vec<Exact>> {
        let entries = self.object(path, json, None)?;
        let mut weights = Some(vec![Exact::ZERO; ids.0.len()]);
        for (goal_id, value) in entries {
            let weight_path = path.key(goal_id);
            let goal = ids.find(goal_id);
            if goal.is_none() {
                self.error(&weight_path, ErrorKind::UnknownGoal(goal_id.clone()));
            }
            let weight = self.at_least_zero(&weight_path, value);
            match (goal, weight, weights.as_mut()) {
                (Some(goal), Some(weight), Some(list)) => list[goal] = weight.into(),
                _ => weights = None,
            }
        }
        weights
    }

    fn method(&mut self, path: &Path, entries: &[(String, Json)]) -> Option<Method> {
        let curve_path = path.key("curve");
        let blended = match field(entries, "method") {
            Some(json) => self.choice(
                &path.key("method"),
                json,
                &["weighted", "blended"],
                &[false, true],
            )?,
            None => false,
        };
        match (blended, field(entries, "curve")) {
            (true, Some(curve)) => self.curve(&curve_path, curve).map(Method::Blended),
            (true, None) => {
                self.error(&curve_path, ErrorKind::BlendedNeedsCurve);
                None
            }
            (false, Some(_)) => {
                self.error(&curve_path, ErrorKind::CurveNeedsBlended);
                None
            }
            (false, None) => Some(Method::Weighted),
        }
    }

    fn modifiers(&mut self, path: &Path, json: &Json, ids: &GoalIds) -> Option<Vec<Modifier>> {
        let items = self.list(path, json, 0, 10)?;
        self.each(path, items, |v, path, item| {
            let entries = v.object(path, item, Some(&["goal", "curve"]))?;
            let goal = v.required(path, entries, "goal", |v, p, g| v.goal_ref(p, g, ids));
            let curve = v.required(path, entries, "curve", Validator::curve);
            Some(Modifier {
                goal: goal?,
                curve: curve?,
            })
        })
    }

    fn members(&mut self, path: &Path, json: &Json, so_far: &mut usize) -> Option<Vec<Member>> {
        let items = self.list(path, json, 0, MAX_MEMBERS)?;
        *so_far += items.len();
        if *so_far > MAX_MEMBERS {
            self.error(path, ErrorKind::TooManyMembers);
            return None;
        }
        self.each(path, items, |v, path, item| {
            let entries = v.object(path, item, Some(&["name", "share"]))?;
            let name = v.name(path, entries);
            let share = v.required(path, entries, "share", Validator::above_zero);
            Some(Member {
                name: name?,
                share: share?,
            })
        })
    }
}
