//! What the page shows about a plan while it is being written, valid or
//! not: the facts of each part whose own inputs can be read. A plan with a
//! half-typed target still has a currency, places for its money, weight
//! sums and shared goals; the page draws them from here, so that the rules
//! behind them are written once, in the core, and the CLI and the page
//! cannot disagree.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::currency;
use crate::decimal;
use crate::defaults;
use crate::exact::Exact;
use crate::json::{Json, Text};
use crate::path::Path;
use crate::reader::{field, Reader};

/// A plan's facts, read as far as the plan can be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Facts {
    /// The currency money is read and written in: the plan's when it is a
    /// known code, else the model's default, USD.
    pub currency: String,
    /// Money's decimal places: the plan's `decimals` when it is valid (0 to
    /// 4), else the currency's minor units.
    pub decimals: u32,
    /// Per goal of the plan, in its order (none when `goals` is not a list).
    pub goals: Vec<GoalFacts>,
    /// Per team of the plan, in its order (none when `teams` is not a list).
    pub teams: Vec<TeamFacts>,
}

/// One goal's facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalFacts {
    /// Whether two or more teams weight it above zero (weights that can be
    /// read), as "shared" means in the Result.
    pub shared: bool,
    /// Whether that is known: not while fewer than two weights on it are
    /// above zero and one cannot be read.
    pub shared_known: bool,
}

/// One team's facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamFacts {
    /// The sum of the team's weights that can be read (a decimal ≥ 0).
    #[serde(serialize_with = "decimal::serialize_plain")]
    pub weight_sum: Decimal,
    /// Whether every weight of the team can be read (a decimal ≥ 0 in
    /// `weights`, an object). When not, the sum is of the others, and
    /// `shared_share` is `None`: where the dial stands is not known.
    pub weights_read: bool,
    /// Whether that sum is not 1: the `weightsNotOne` warning of a valid plan.
    pub weights_off: bool,
    /// Whether it is known which of the goals the team weights above zero
    /// are shared (`GoalFacts::shared_known` of each).
    pub shared_known: bool,
    /// Where the shared-stake dial stands: the share of that sum on shared
    /// goals, exact (`None` when the team weights nothing, or when a weight
    /// of its own cannot be read or it is not known which goals are shared).
    pub shared_share: Option<Exact>,
    /// The ids of the goals the team's payout depends on, in goal order: the
    /// goals it weights above zero, the goals that gate those, its own
    /// gate's goal and its modifiers' goals.
    pub depends_on: Vec<String>,
}

/// The facts of `plan`, whatever else is wrong with it.
pub fn facts(plan: &Json) -> Facts {
    let entries: &[(Text, Json)] = match plan {
        Json::Object(entries) => entries,
        _ => &[],
    };
    let currency = match field(entries, "currency") {
        Some(Json::String(code)) if currency::is_known(code) => code.to_string(),
        _ => defaults::CURRENCY.to_owned(),
    };
    // Read as the plan's reader reads it; its errors are the check's to tell.
    let decimals = field(entries, "decimals")
        .and_then(|d| Reader::default().whole(&Path::Root, d, 0, 4))
        .unwrap_or_else(|| currency::minor_units(&currency));

    let list = |key| match field(entries, key) {
        Some(Json::Array(items)) => items.as_slice(),
        _ => &[],
    };
    // Each team's weights that can be read, by goal id, and those that cannot.
    let weights: Vec<Weights> = list("teams").iter().map(readable_weights).collect();
    let goals: Vec<GoalFacts> = list("goals")
        .iter()
        .map(|goal| {
            let id = goal_id(goal);
            let owners = weights
                .iter()
                .filter(|team| {
                    team.read
                        .iter()
                        .any(|(g, w)| Some(*g) == id && *w > Decimal::ZERO)
                })
                .count();
            let unsure = weights
                .iter()
                .any(|team| team.unread.iter().any(|g| Some(*g) == id));
            GoalFacts {
                shared: owners >= 2,
                shared_known: owners >= 2 || !unsure,
            }
        })
        .collect();
    let goal_list = list("goals");
    // The ids of the goals whose facts are `such`.
    let ids = |such: fn(&GoalFacts) -> bool| -> Vec<&str> {
        goal_list
            .iter()
            .zip(&goals)
            .filter(|(_, facts)| such(facts))
            .filter_map(|(goal, _)| goal_id(goal))
            .collect()
    };
    let shared_ids = ids(|facts| facts.shared);
    let unknown_ids = ids(|facts| !facts.shared_known);
    let teams = list("teams")
        .iter()
        .zip(&weights)
        .map(
            |(
                json,
                Weights {
                    read: team,
                    object,
                    unread,
                },
            )| {
                let read = *object && unread.is_empty();
                let shared_known = !team
                    .iter()
                    .any(|(goal, w)| *w > Decimal::ZERO && unknown_ids.contains(goal));
                // 100 weights of at most 28 digits each cannot overflow.
                let sum = team
                    .iter()
                    .try_fold(Decimal::ZERO, |sum, (_, w)| decimal::add(sum, *w))
                    .unwrap_or(Decimal::MAX);
                let on_shared = team
                    .iter()
                    .filter(|(goal, _)| shared_ids.contains(goal))
                    .fold(Exact::ZERO, |stake, (_, w)| stake.add(&Exact::from(*w)));
                TeamFacts {
                    shared_share: on_shared
                        .div(&Exact::from(sum))
                        .filter(|_| read && shared_known),
                    weight_sum: sum.normalize(),
                    weights_read: read,
                    shared_known,
                    weights_off: sum != Decimal::ONE,
                    depends_on: depends_on(goal_list, json, team),
                }
            },
        )
        .collect();
    Facts {
        currency,
        decimals,
        goals,
        teams,
    }
}

/// The ids of the goals a team's payout depends on, in goal order.
fn depends_on(goals: &[Json], team: &Json, weights: &[(&str, Decimal)]) -> Vec<String> {
    let gate_goal = |json: &Json| -> Option<String> {
        match object_entries(json).and_then(|e| field(e, "gate")) {
            Some(Json::Object(gate)) => match field(gate, "goal") {
                Some(Json::String(goal)) => Some(goal.to_string()),
                _ => None,
            },
            _ => None,
        }
    };
    let blended = matches!(
        object_entries(team).and_then(|e| field(e, "method")),
        Some(Json::String(m)) if m == "blended"
    );
    let mut ids: Vec<String> = Vec::new();
    for (id, weight) in weights {
        if *weight > Decimal::ZERO {
            ids.push((*id).to_owned());
            // A weighted team's goal pays nothing unless the goal's own gate
            // is met (a blended team's measure ignores goal gates).
            let goal = goals.iter().find(|g| goal_id(g) == Some(id));
            ids.extend(goal.filter(|_| !blended).and_then(gate_goal));
        }
    }
    ids.extend(gate_goal(team));
    if let Some(Json::Array(modifiers)) = object_entries(team).and_then(|e| field(e, "modifiers")) {
        for modifier in modifiers {
            if let Some(Json::String(goal)) =
                object_entries(modifier).and_then(|e| field(e, "goal"))
            {
                ids.push(goal.to_string());
            }
        }
    }
    goals
        .iter()
        .filter_map(goal_id)
        .filter(|id| ids.iter().any(|d| d == id))
        .map(str::to_owned)
        .collect()
}

/// An object's entries, or `None` for anything else.
fn object_entries<'a>(json: &'a Json<'a>) -> Option<&'a [(Text<'a>, Json<'a>)]> {
    match json {
        Json::Object(entries) => Some(entries),
        _ => None,
    }
}

/// A goal's id, when it has one.
fn goal_id<'a>(goal: &'a Json<'a>) -> Option<&'a str> {
    match object_entries(goal).and_then(|e| field(e, "id")) {
        Some(Json::String(id)) => Some(id),
        _ => None,
    }
}

/// A team's weights as far as they can be read.
#[derive(Default)]
struct Weights<'a> {
    /// Those that are decimals ≥ 0, by goal id.
    read: Vec<(&'a str, Decimal)>,
    /// The goal ids of those that are not.
    unread: Vec<&'a str>,
    /// Whether `weights` is an object at all.
    object: bool,
}

fn readable_weights<'a>(team: &'a Json<'a>) -> Weights<'a> {
    let Json::Object(entries) = team else {
        return Weights::default();
    };
    let Some(Json::Object(weights)) = field(entries, "weights") else {
        return Weights::default();
    };
    let mut found = Weights {
        object: true,
        ..Weights::default()
    };
    for (goal, weight) in weights {
        let read = match weight {
            Json::String(text) => decimal::parse(text).ok().filter(|w| !w.is_sign_negative()),
            _ => None,
        };
        match read {
            Some(w) => found.read.push((goal.as_ref(), w)),
            None => found.unread.push(goal.as_ref()),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn facts_of(text: &str) -> Facts {
        facts(&parse(text).unwrap())
    }

    #[test]
    fn places_follow_decimals_then_the_currency() {
        let cases = [
            (r#"{}"#, "USD", 2),
            (r#"{"currency":"JPY"}"#, "JPY", 0),
            (r#"{"currency":"KWD"}"#, "KWD", 3),
            (r#"{"currency":"EUR","decimals":4}"#, "EUR", 4),
            // Out of the model's range: the currency's own places.
            (r#"{"currency":"EUR","decimals":7}"#, "EUR", 2),
            (r#"{"currency":"EUR","decimals":1.5}"#, "EUR", 2),
            // Not a currency (yet): the default.
            (r#"{"currency":"EU","decimals":0}"#, "USD", 0),
            ("[]", "USD", 2),
        ];
        for (plan, currency, decimals) in cases {
            let found = facts_of(plan);
            assert_eq!(
                (found.currency.as_str(), found.decimals),
                (currency, decimals),
                "{plan}"
            );
        }
    }

    #[test]
    fn weight_sums_and_shared_goals_while_other_fields_are_wrong() {
        // The target is empty and one weight is half-typed: the plan is
        // invalid, and its weights still sum.
        let plan = r#"{
          "goals": [{"id":"arr","target":""}, {"id":"mql"}, "not a goal"],
          "teams": [
            {"id":"s","weights":{"arr":"0.5","mql":"0.25"}},
            {"id":"m","weights":{"arr":"0.3","mql":"0.","x":"-1"}},
            {"id":"c","weights":{"arr":"0","mql":"1.0"}}
          ]
        }"#;
        let found = facts_of(plan);
        let shared: Vec<bool> = found.goals.iter().map(|g| g.shared).collect();
        assert_eq!(shared, [true, true, false]);
        let sums: Vec<String> = found
            .teams
            .iter()
            .map(|t| t.weight_sum.to_string())
            .collect();
        assert_eq!(sums, ["0.75", "0.3", "1"]);
        let off: Vec<bool> = found.teams.iter().map(|t| t.weights_off).collect();
        assert_eq!(off, [true, true, false]);
        // Where each dial stands: s has 0.75 of which 0.5 + 0.25 on shared
        // goals; m is not known ("0." and "-1" cannot be read as weights);
        // c 1 (on mql, shared) of 1.
        let dials: Vec<String> = found
            .teams
            .iter()
            .map(|t| {
                t.shared_share
                    .as_ref()
                    .map(|s| s.to_significant(28))
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(dials, ["1", "", "1"]);
        let siloed = facts_of(include_str!("../examples/siloed.json"));
        assert!(siloed
            .teams
            .iter()
            .all(|t| t.shared_share == Some(Exact::ZERO)));
        assert_eq!(
            facts_of(r#"{"teams":[{"weights":{}}]}"#).teams[0].shared_share,
            None
        );
    }

    #[test]
    fn a_weight_that_cannot_be_read_leaves_the_dial_unknown() {
        // "5O" (a letter O) beside a readable 0.5 on the shared goal: the
        // readable weights alone would put s's dial at 100 %.
        let plan = r#"{
          "goals": [{"id":"arr"}, {"id":"mql"}],
          "teams": [
            {"id":"s","weights":{"arr":"0.5","mql":"5O"}},
            {"id":"m","weights":{"arr":"0.5","mql":"0.5"}},
            {"id":"c","weights":{"arr":"-0.5"}},
            {"id":"d","weights":{"arr":"1"}}
          ]
        }"#;
        let found = facts_of(plan);
        let read: Vec<bool> = found.teams.iter().map(|t| t.weights_read).collect();
        assert_eq!(read, [false, true, false, true]);
        assert_eq!(found.teams[0].weight_sum, Decimal::new(5, 1));
        // arr is shared (s, m and d weight it); whether mql is depends on
        // s's "5O": m alone weights it above zero with what can be read.
        let goals: Vec<(bool, bool)> = found
            .goals
            .iter()
            .map(|g| (g.shared, g.shared_known))
            .collect();
        assert_eq!(goals, [(true, true), (false, false)]);
        // So m's dial is not known either, though its own weights are; d's,
        // all on arr, stands at 100 %.
        let dials: Vec<Option<String>> = found
            .teams
            .iter()
            .map(|t| t.shared_share.as_ref().map(|s| s.to_significant(28)))
            .collect();
        assert_eq!(dials, [None, None, None, Some("1".to_owned())]);
        let known: Vec<bool> = found.teams.iter().map(|t| t.shared_known).collect();
        assert_eq!(known, [true, false, true, true]);
        assert!(!facts_of(r#"{"teams":[{"id":"x"}]}"#).teams[0].weights_read);
    }

    #[test]
    fn a_team_depends_on_its_weighted_goals_their_gates_its_gate_and_modifiers() {
        let plan = r#"{
          "goals": [{"id":"a","gate":{"goal":"b","min":"0.5"}}, {"id":"b"}, {"id":"c"}, {"id":"d"}, {"id":"e"}],
          "teams": [
            {"id":"w","weights":{"a":"1","e":"0"},"gate":{"goal":"c"},"modifiers":[{"goal":"d"}]},
            {"id":"b","method":"blended","weights":{"a":"1"}},
            {"id":"none","weights":{}}
          ]
        }"#;
        let found = facts_of(plan);
        let depends: Vec<Vec<String>> = found.teams.iter().map(|t| t.depends_on.clone()).collect();
        assert_eq!(depends, [vec!["a", "b", "c", "d"], vec!["a"], vec![]]);
    }

    #[test]
    fn a_valid_plan_has_the_facts_its_result_and_warnings_state() {
        let examples = [
            include_str!("../examples/shared-revenue.json"),
            include_str!("../examples/siloed.json"),
            include_str!("../examples/dial.json"),
            include_str!("../examples/gates-modifiers.json"),
            include_str!("../examples/teaching.json"),
        ];
        for text in examples {
            let json = parse(text).unwrap();
            let plan = crate::Plan::from_json(&json).unwrap();
            let report = crate::calculate(&plan).unwrap();
            let found = facts(&json);
            assert_eq!(found.currency, report.currency);
            assert_eq!(found.decimals, report.decimals);
            let shared: Vec<bool> = report.goals.iter().map(|g| g.shared).collect();
            assert_eq!(
                found.goals.iter().map(|g| g.shared).collect::<Vec<_>>(),
                shared
            );
            let workings = crate::calculate_with_workings(&plan).unwrap();
            for (i, team) in found.teams.iter().enumerate() {
                assert_eq!(
                    team.shared_share, workings.teams[i].shared_share,
                    "the dial of team {i}"
                );
                let path = format!("teams[{i}].weights");
                let warned = report.warnings.iter().any(|w| {
                    w.code == crate::WarningCode::WeightsNotOne && w.path.to_string() == path
                });
                assert_eq!(team.weights_off, warned, "{path}");
            }
        }
    }
}
