//! The plan's schema: from JSON as written to a `Plan` the calculation can
//! trust, read with a `Reader` so that every error is reported with its
//! path, not only the first.

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::currency;
use crate::curve::{Beyond, Curve, Interpolation};
use crate::decimal;
use crate::defaults;
use crate::error::{ErrorKind, Errors};
use crate::exact::Exact;
use crate::forecast::{Forecast, ForecastGoal, MAX_SEED, MAX_TRIALS};
use crate::json::{Json, Text};
use crate::money::Money;
use crate::path::Path;
use crate::plan::{Direction, Gate, Goal, Member, Method, MethodName, Modifier, Plan, Team};
use crate::reader::{field, Reader};

/// Most goals, and most teams, in one plan.
pub(crate) const MAX_GOALS_OR_TEAMS: usize = 100;
/// Most members over the whole plan.
const MAX_MEMBERS: usize = 100_000;
/// Longest name of a plan, goal, team or member, in characters.
const MAX_NAME: usize = 200;

impl Plan {
    /// Validates a plan, returning every error when it is invalid.
    #[inline(never)]
    pub fn from_json(json: &Json) -> Result<Plan, Errors> {
        let mut reader = Reader::default();
        let plan = reader.plan(json, true, &[]);
        reader.finish(plan)
    }

    /// Validates a plan that crossed from JavaScript as `src/cross.js`
    /// writes it: its JSON text, then, after U+0000, the members of teams
    /// whose lists it wrote as `[]` in the text, as columns (`Crossed`).
    /// The same plan and the same errors as `from_json` of the plan's own
    /// JSON text; `None` when the columns are not as that file writes them.
    pub fn from_crossed(text: &str) -> Option<Result<Plan, Errors>> {
        let (json, crossed) = match text.split_once('\0') {
            Some((json, columns)) => (json, Crossed::read(columns)?),
            None => (text, Vec::new()),
        };
        let plan = crate::parse_json(json).and_then(|json| {
            let mut reader = Reader::default();
            let plan = reader.plan(&json, true, &crossed);
            reader.finish(plan)
        });
        Some(plan)
    }

    /// A plan as its payouts read it: as `from_json`, but its `forecast`
    /// (the simulation's, with errors of its own) is left unread, so that a
    /// half-typed forecast does not stop the payouts.
    pub(crate) fn payouts_from_json(json: &Json) -> Result<Plan, Errors> {
        let mut reader = Reader::default();
        let plan = reader.plan(json, false, &[]);
        reader.finish(plan)
    }
}

/// A team's members as they crossed from JavaScript: the team's index, and
/// its members' names and shares (each a JSON string's text), in order.
pub(crate) struct Crossed<'a> {
    team: usize,
    names: Vec<&'a str>,
    shares: Vec<&'a str>,
}

impl<'a> Crossed<'a> {
    /// `team\0count\0names\0shares` for each team, each after the first
    /// after a U+0000, names and shares each joined by U+0001; `None` unless
    /// each list holds `count` items (a name holding U+0001 makes more).
    fn read(text: &'a str) -> Option<Vec<Crossed<'a>>> {
        let mut parts = text.split('\0');
        let mut crossed = Vec::new();
        while let Some(team) = parts.next() {
            let count: usize = parts.next()?.parse().ok()?;
            let mut column = || -> Option<Vec<&'a str>> {
                // By bytes: U+0001 is one byte in UTF-8, and no other
                // character's bytes hold it.
                let text = parts.next()?;
                let mut items = Vec::with_capacity(count);
                let mut from = 0;
                for (at, _) in text.bytes().enumerate().filter(|(_, b)| *b == 1) {
                    items.push(text.get(from..at)?);
                    from = at + 1;
                }
                items.push(text.get(from..)?);
                (items.len() == count).then_some(items)
            };
            let names = column()?;
            let shares = column()?;
            let team = team.parse().ok()?;
            crossed.push(Crossed {
                team,
                names,
                shares,
            });
        }
        Some(crossed)
    }
}

/// The goal ids in plan order, as far as they could be read, so that weights,
/// gates and modifiers can refer to goals by id.
pub(crate) struct GoalIds<'a> {
    pub(crate) ids: Vec<Option<&'a str>>,
    /// False when the list of goals itself could not be read: then no
    /// reference to a goal is reported as unknown, since every one would be
    /// (one error about the list, not one per weight, gate and modifier).
    pub(crate) known: bool,
}

impl<'a> GoalIds<'a> {
    /// The goal id that `id`, a key of `entries` naming no goal, is probably
    /// a misspelling of, when `entries` lacks it.
    fn near(&self, id: &str, entries: &[(Text<'_>, Json<'_>)]) -> Option<String> {
        crate::reader::meant(id, self.ids.iter().flatten().copied(), entries)
    }

    fn read(goals: Option<&'a [Json<'a>]>) -> Self {
        let id = |goal: &'a Json<'a>| match goal {
            Json::Object(entries) => match field(entries, "id") {
                Some(Json::String(id)) => Some(id.as_ref()),
                _ => None,
            },
            _ => None,
        };
        GoalIds {
            ids: goals.unwrap_or_default().iter().map(id).collect(),
            known: goals.is_some(),
        }
    }

    pub(crate) fn of(plan: &'a Plan) -> Self {
        GoalIds {
            ids: plan.goals.iter().map(|g| Some(g.id.as_str())).collect(),
            known: true,
        }
    }

    /// The index of the first goal with this id.
    pub(crate) fn find(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|known| *known == Some(id))
    }
}

impl Reader {
    /// A goal id that names an existing goal, as the goal's index.
    pub(crate) fn goal_ref(&mut self, path: &Path, json: &Json, ids: &GoalIds) -> Option<usize> {
        let Json::String(id) = json else {
            self.wrong_type(path, json, "a goal id in quotes");
            return None;
        };
        let index = ids.find(id);
        if index.is_none() && ids.known {
            self.error(path, ErrorKind::UnknownGoal(id.to_string()));
        }
        index
    }

    /// A team id that names one of the plan's teams, as the team's index.
    pub(crate) fn team_ref(&mut self, path: &Path, json: &Json, plan: &Plan) -> Option<usize> {
        let Json::String(id) = json else {
            self.wrong_type(path, json, "a team id in quotes");
            return None;
        };
        let index = plan.teams.iter().position(|t| t.id == *id);
        if index.is_none() {
            self.error(path, ErrorKind::UnknownTeam(id.to_string()));
        }
        index
    }

    /// Reads a plan, and its forecast when `forecast` says so; the members
    /// of the teams in `crossed` from there. Not inlined: its callers would
    /// each hold a copy of the whole schema.
    #[inline(never)]
    fn plan(&mut self, json: &Json, forecast: bool, crossed: &[Crossed]) -> Option<Plan> {
        const KEYS: &[&str] = &[
            "version",
            "name",
            "currency",
            "decimals",
            "rounding",
            "goals",
            "teams",
            "forecast",
            "revenueGoal",
        ];
        let root = Path::Root;
        let entries = self.object(&root, json, Some(KEYS))?;
        if let Some(version) = field(entries, "version") {
            if !matches!(version, Json::Number(n) if decimal::parse(n) == Ok(Decimal::ONE)) {
                self.error(&root.key("version"), ErrorKind::UnsupportedVersion);
            }
        }
        let name = self.optional(&root, entries, "name", |r, p, n| r.text(p, n, 0, MAX_NAME));
        let currency = match field(entries, "currency") {
            None => Some(defaults::CURRENCY.to_owned()),
            Some(Json::String(code)) if currency::is_known(code) => Some(code.to_string()),
            Some(_) => {
                self.error(&root.key("currency"), ErrorKind::UnknownCurrency);
                None
            }
        };
        let decimals = self
            .optional(&root, entries, "decimals", |r, p, d| r.whole(p, d, 0, 4))
            .map(|d| d.or_else(|| currency.as_deref().map(currency::minor_units)));
        let rounding = self.optional(&root, entries, "rounding", Reader::choice);
        let rounding = rounding.map(|r| r.unwrap_or(defaults::ROUNDING));
        let money = decimals
            .flatten()
            .zip(rounding)
            .map(|(decimals, rounding)| Money { decimals, rounding });

        let goals_path = root.key("goals");
        let goals_json = self.required(&root, entries, "goals", |v, p, g| {
            v.list(p, g, 1, MAX_GOALS_OR_TEAMS)
        });
        let ids = GoalIds::read(goals_json);
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
        let mut index = 0;
        let teams = teams_json.and_then(|teams| {
            self.each(&teams_path, teams, |v, path, team| {
                let crossed = crossed.iter().find(|c| c.team == index);
                index += 1;
                let members = (&mut members, crossed);
                v.team(path, team, &ids, money, members, &mut team_ids)
            })
        });

        let forecast = match forecast {
            true => self.optional(&root, entries, "forecast", |r, p, f| {
                r.forecast(p, f, &ids, money)
            }),
            false => Some(None),
        };

        let revenue_goal = self.optional(&root, entries, "revenueGoal", |r, p, g| {
            let goal = r.goal_ref(p, g, &ids)?;
            let lower = goals
                .as_ref()
                .and_then(|goals| goals.get(goal))
                .map(|g: &Goal| g.direction)
                == Some(Direction::LowerIsBetter);
            if lower {
                r.error(p, ErrorKind::RevenueLowerIsBetter);
            }
            Some(goal)
        });

        Some(Plan {
            name: name.flatten(),
            revenue_goal: revenue_goal?,
            currency: currency?,
            money: money?,
            goals: goals?,
            teams: teams?,
            forecast: forecast?,
        })
    }

    /// An id that follows the pattern and is not in `seen`, which it joins.
    fn new_id(
        &mut self,
        path: &Path,
        entries: &[(Text, Json)],
        seen: &mut Vec<String>,
    ) -> Option<String> {
        let id = self.required(path, entries, "id", Reader::id)?;
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
        let target = self.required(path, entries, "target", Reader::above_zero);
        let actual = self.required(path, entries, "actual", Reader::at_least_zero);
        let (target, actual) = (target.map(Exact::from), actual.map(Exact::from));
        let direction = self.optional(path, entries, "direction", Reader::choice);
        let curve = self.optional(path, entries, "curve", Reader::curve);
        let gate = self.optional(path, entries, "gate", |r, p, g| r.gate(p, g, ids));
        Some(Goal {
            id: id?,
            name: name?,
            target: target?,
            actual: actual?,
            direction: direction?.unwrap_or(defaults::DIRECTION),
            curve: curve?.unwrap_or_else(Curve::pro_rata),
            gate: gate?,
        })
    }

    fn name(&mut self, path: &Path, entries: &[(Text, Json)]) -> Option<String> {
        self.required(path, entries, "name", |v, p, n| v.text(p, n, 1, MAX_NAME))
    }

    fn gate(&mut self, path: &Path, json: &Json, ids: &GoalIds) -> Option<Gate> {
        let entries = self.object(path, json, Some(&["goal", "min"]))?;
        let goal = self.required(path, entries, "goal", |v, p, g| v.goal_ref(p, g, ids));
        let min = self.required(path, entries, "min", Reader::at_least_zero);
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
        let interpolation = self.optional(path, entries, "interpolation", Reader::choice);
        let beyond = self.optional(path, entries, "beyond", Reader::choice);
        let curve = Curve {
            points: points?,
            interpolation: interpolation?.unwrap_or(defaults::INTERPOLATION),
            beyond: beyond?.unwrap_or(defaults::BEYOND),
        };
        let extendable = curve.points.len() >= 2 && curve.interpolation == Interpolation::Linear;
        if curve.beyond == Beyond::Extend && !extendable {
            self.error(&path.key("beyond"), ErrorKind::CannotExtend);
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
        (members_so_far, crossed): (&mut usize, Option<&Crossed>),
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
            "base",
        ];
        let entries = self.object(path, json, Some(KEYS))?;
        let id = self.new_id(path, entries, team_ids);
        let name = self.name(path, entries);
        let target_incentive = self.required(path, entries, "targetIncentive", |r, p, ti| {
            r.money(p, ti, money)
        });
        let weights = self.required(path, entries, "weights", |v, p, w| v.weights(p, w, ids));
        let method = self.method(path, entries);
        let modifiers = self.optional(path, entries, "modifiers", |r, p, m| r.modifiers(p, m, ids));
        let gate = self.optional(path, entries, "gate", |r, p, g| r.gate(p, g, ids));
        let cap = self.optional(path, entries, "cap", Reader::at_least_zero);
        let members = self.optional(path, entries, "members", |r, p, m| match crossed {
            Some(crossed) => r.crossed_members(p, crossed, members_so_far),
            None => r.members(p, m, members_so_far),
        });
        let base = self.optional(path, entries, "base", |r, p, b| r.money(p, b, money));
        Some(Team {
            id: id?,
            name: name?,
            target_incentive: target_incentive?,
            weights: weights?,
            method: method?,
            modifiers: modifiers?.unwrap_or_default(),
            gate: gate?,
            cap: cap?.map(Exact::from),
            members: members?.unwrap_or_default(),
            base: base?,
        })
    }

    /// Money ≥ 0 with no more places than the plan's currency, scaled to
    /// exactly those places: a target incentive, a budget.
    pub(crate) fn money(
        &mut self,
        path: &Path,
        json: &Json,
        money: Option<Money>,
    ) -> Option<Decimal> {
        let mut value = self.at_least_zero(path, json)?;
        let money = money?;
        if value.normalize().scale() > money.decimals {
            let decimals = money.decimals;
            self.error(path, ErrorKind::TooManyPlaces { decimals });
            return None;
        }
        value.rescale(money.decimals);
        Some(value)
    }

    fn weights(&mut self, path: &Path, json: &Json, ids: &GoalIds) -> Option<Vec<Exact>> {
        let entries = self.object(path, json, None)?;
        let mut weights = Some(vec![Exact::ZERO; ids.ids.len()]);
        for (goal_id, value) in entries {
            let weight_path = path.key(goal_id);
            let goal = ids.find(goal_id);
            if goal.is_none() && ids.known {
                let near = ids.near(goal_id, entries);
                self.error(
                    &weight_path,
                    ErrorKind::UnknownGoalKey(goal_id.to_string(), near),
                );
            }
            let weight = self.at_least_zero(&weight_path, value);
            match (goal, weight, weights.as_mut()) {
                (Some(goal), Some(weight), Some(list)) => list[goal] = weight.into(),
                _ => weights = None,
            }
        }
        weights
    }

    fn method(&mut self, path: &Path, entries: &[(Text, Json)]) -> Option<Method> {
        let curve_path = path.key("curve");
        let method = self.optional(path, entries, "method", Reader::choice)?;
        let blended = method.unwrap_or(defaults::METHOD) == MethodName::Blended;
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
            let curve = v.required(path, entries, "curve", Reader::curve);
            Some(Modifier {
                goal: goal?,
                curve: curve?,
            })
        })
    }

    fn members(&mut self, path: &Path, json: &Json, so_far: &mut usize) -> Option<Vec<Member>> {
        // Too many, in one list or in all, said in one way.
        let items = self.list(path, json, 0, usize::MAX)?;
        self.more_members(path, items.len(), so_far)?;
        self.each(path, items, |v, path, item| {
            let entries = v.object(path, item, Some(&["name", "share"]))?;
            v.member(path, entries)
        })
    }

    /// As `members`, for members that crossed as columns: each read as the
    /// object `{ "name": …, "share": … }` of its two texts.
    fn crossed_members(
        &mut self,
        path: &Path,
        crossed: &Crossed,
        so_far: &mut usize,
    ) -> Option<Vec<Member>> {
        self.more_members(path, crossed.names.len(), so_far)?;
        let text = |text| Json::String(Text::Borrowed(text));
        let parsed: Vec<Option<Member>> = (crossed.names.iter().zip(&crossed.shares))
            .enumerate()
            .map(|(i, (name, share))| {
                let path = path.index(i);
                let name = self.member_name(&path.key("name"), &text(name));
                let share = self.above_zero(&path.key("share"), &text(share));
                Some(Member {
                    name: name?,
                    share: share?,
                })
            })
            .collect();
        parsed.into_iter().collect()
    }

    /// Counts `count` more members; none when that makes too many.
    fn more_members(&mut self, path: &Path, count: usize, so_far: &mut usize) -> Option<()> {
        *so_far += count;
        if *so_far > MAX_MEMBERS {
            self.error(path, ErrorKind::TooManyMembers);
            return None;
        }
        Some(())
    }

    fn member(&mut self, path: &Path, entries: &[(Text, Json)]) -> Option<Member> {
        let name = self.required(path, entries, "name", Reader::member_name);
        let share = self.required(path, entries, "share", Reader::above_zero);
        Some(Member {
            name: name?,
            share: share?,
        })
    }

    fn member_name(&mut self, path: &Path, json: &Json) -> Option<Rc<str>> {
        self.text_as(path, json, (1, MAX_NAME), |text| Rc::from(text))
    }
}

// The forecast's reader sits with the plan's other readers: it refers to
// goals by the plan's goal ids and reads its budget as the plan's money.
impl Reader {
    /// `{ goals, correlation?, trials?, seed?, budget? }`.
    pub(crate) fn forecast(
        &mut self,
        path: &Path,
        json: &Json,
        ids: &GoalIds,
        money: Option<Money>,
    ) -> Option<Forecast> {
        const KEYS: &[&str] = &["goals", "correlation", "trials", "seed", "budget"];
        let entries = self.object(path, json, Some(KEYS))?;
        let goals = self.required(path, entries, "goals", |r, p, g| {
            r.forecast_goals(p, g, ids)
        });
        let correlation = self.optional(path, entries, "correlation", Reader::correlation);
        let trials = self.optional(path, entries, "trials", |r, p, t| {
            r.whole(p, t, 1, MAX_TRIALS)
        });
        let seed = self.optional(path, entries, "seed", |r, p, s| {
            r.whole_u64(p, s, 0, MAX_SEED)
        });
        let budget = self.optional(path, entries, "budget", |r, p, b| r.money(p, b, money));
        Some(Forecast {
            goals: goals?,
            correlation: correlation?.unwrap_or(defaults::CORRELATION),
            trials: trials?.unwrap_or(defaults::TRIALS),
            seed: seed?.unwrap_or(defaults::SEED),
            budget: budget?,
        })
    }

    /// A decimal from 0 to 1.
    fn correlation(&mut self, path: &Path, json: &Json) -> Option<Decimal> {
        let value = self.decimal(path, json)?;
        if value < Decimal::ZERO || value > Decimal::ONE {
            self.error(path, ErrorKind::NotACorrelation);
            return None;
        }
        Some(value)
    }

    /// `{ goalId: { low, likely, high } }`, in plan order.
    fn forecast_goals(
        &mut self,
        path: &Path,
        json: &Json,
        ids: &GoalIds,
    ) -> Option<Vec<ForecastGoal>> {
        let entries = self.object(path, json, None)?;
        if entries.is_empty() || entries.len() > MAX_GOALS_OR_TEAMS {
            let max = MAX_GOALS_OR_TEAMS;
            self.error(path, ErrorKind::Count { min: 1, max });
            return None;
        }
        // One slot per goal of the plan, so that the forecast goals come out
        // in plan order.
        let mut slots: Option<Vec<Option<ForecastGoal>>> = Some(vec![None; ids.ids.len()]);
        for (id, value) in entries {
            let goal_path = path.key(id);
            let goal = ids.find(id);
            if goal.is_none() && ids.known {
                let near = ids.near(id, entries);
                self.error(&goal_path, ErrorKind::UnknownGoalKey(id.to_string(), near));
            }
            let range = self.forecast_range(&goal_path, value);
            match (goal, range, slots.as_mut()) {
                (Some(goal), Some((low, likely, high)), Some(slots)) => {
                    slots[goal] = Some(ForecastGoal {
                        goal,
                        low,
                        likely,
                        high,
                    });
                }
                _ => slots = None,
            }
        }
        Some(slots?.into_iter().flatten().collect())
    }

    /// `{ low, likely, high }`: results ≥ 0 with low ≤ likely ≤ high.
    fn forecast_range(&mut self, path: &Path, json: &Json) -> Option<(Decimal, Decimal, Decimal)> {
        let entries = self.object(path, json, Some(&["low", "likely", "high"]))?;
        let low = self.required(path, entries, "low", Reader::at_least_zero);
        let likely = self.required(path, entries, "likely", Reader::at_least_zero);
        let high = self.required(path, entries, "high", Reader::at_least_zero);
        let (low, likely, high) = (low?, likely?, high?);
        let mut ordered = true;
        if low > likely {
            self.error(&path.key("low"), ErrorKind::LowAboveLikely);
            ordered = false;
        }
        if likely > high {
            self.error(&path.key("high"), ErrorKind::HighBelowLikely);
            ordered = false;
        }
        ordered.then_some((low, likely, high))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The preset's first team with `members` (a JSON list's text).
    fn plan(members: &str) -> String {
        let preset = include_str!("../examples/shared-revenue.json");
        let mut plan: serde_json::Value = serde_json::from_str(preset).unwrap();
        plan["teams"][0]["members"] = serde_json::from_str(members).unwrap();
        plan.to_string()
    }

    /// Members that cross as columns (`src/cross.js`) read as the same
    /// members written as JSON, with the same errors at the same paths.
    #[test]
    fn members_crossed_as_columns_read_as_members_written_as_json() {
        let columns = |names: &[&str], shares: &[&str]| {
            let text = plan("[]");
            let count = names.len();
            format!(
                "{text}\0{}\0{count}\0{}\0{}",
                0,
                names.join("\u{1}"),
                shares.join("\u{1}")
            )
        };
        let json = |names: &[&str], shares: &[&str]| {
            let members: Vec<serde_json::Value> = names
                .iter()
                .zip(shares)
                .map(|(name, share)| serde_json::json!({ "name": name, "share": share }))
                .collect();
            Plan::from_json_str(&plan(&serde_json::to_string(&members).unwrap()))
        };
        let cases: [(&[&str], &[&str]); 4] = [
            (&["Ann", "Bo", "Zoë"], &["1", "2.5", "0.125"]),
            (&["Ann", ""], &["0", "abc"]),
            (&["  ", " Bo "], &["1", "1"]),
            (&[""], &["-1"]),
        ];
        for (names, shares) in cases {
            let crossed =
                Plan::from_crossed(&columns(names, shares)).expect("as cross.js writes it");
            assert_eq!(crossed, json(names, shares));
        }
        // No columns: the plan's JSON text alone.
        let alone = plan(r#"[{ "name": "Ann", "share": "1" }]"#);
        assert_eq!(
            Plan::from_crossed(&alone),
            Some(Plan::from_json_str(&alone))
        );
    }

    /// Columns not as `src/cross.js` writes them are not read: the plan
    /// then crosses as JSON.
    #[test]
    fn columns_not_as_written_are_not_read() {
        let text = plan("[]");
        // Each team's four parts, each after a U+0000.
        let cases: [&[&str]; 5] = [
            &["0", "2", "A\u{1}B\u{1}C", "1\u{1}2"],
            &["0", "2", "A\u{1}B", "1"],
            &["0", "2", "A\u{1}B"],
            &["x", "2", "A\u{1}B", "1\u{1}2"],
            &["0", "two", "A\u{1}B", "1\u{1}2"],
        ];
        for parts in cases {
            let columns: String = parts.iter().map(|part| format!("\0{part}")).collect();
            assert_eq!(
                Plan::from_crossed(&format!("{text}{columns}")),
                None,
                "{columns:?}"
            );
        }
    }
}
