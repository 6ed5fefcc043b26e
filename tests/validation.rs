//! One test per validation rule: each names the field by its JSON path.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use tandem::{Mend, Plan};

fn valid() -> Value {
    json!({
        "goals": [
            { "id": "revenue", "name": "Revenue", "target": "100", "actual": "90" },
            { "id": "pipeline", "name": "Pipeline", "target": "300", "actual": "330" }
        ],
        "teams": [
            { "id": "sales", "name": "Sales", "targetIncentive": "1000", "weights": { "revenue": "1" } },
            { "id": "marketing", "name": "Marketing", "targetIncentive": "500",
              "weights": { "revenue": "0.5", "pipeline": "0.5" } }
        ]
    })
}

/// The paths of every error for `plan` after `edit`.
fn paths_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut plan = valid();
    edit(&mut plan);
    match Plan::from_json_str(&plan.to_string()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.0.into_iter().map(|e| e.path.to_string()).collect(),
    }
}

fn assert_error_at(path: &str, edit: impl FnOnce(&mut Value)) {
    assert_eq!(paths_after(edit), [path]);
}

#[test]
fn the_valid_plan_is_valid() {
    assert_eq!(paths_after(|_| {}), Vec::<String>::new());
}

#[test]
fn not_json_is_an_error_at_the_root() {
    let errors = Plan::from_json_str("{ goals: ").unwrap_err();
    assert_eq!(errors.0[0].path, "");
    assert!(errors.0[0]
        .message()
        .starts_with("The plan is not valid JSON"));
}

#[test]
fn plan_must_be_an_object() {
    let errors = Plan::from_json_str("[]").unwrap_err();
    assert_eq!(errors.0[0].path, "");
}

#[test]
fn unknown_keys_are_errors() {
    assert_error_at("colour", |p| p["colour"] = json!("red"));
    assert_error_at("goals[1].targt", |p| p["goals"][1]["targt"] = json!("1"));
    assert_error_at("teams[0].wieghts", |p| p["teams"][0]["wieghts"] = json!({}));
    assert_error_at("goals[0].curve.point", |p| {
        p["goals"][0]["curve"] = json!({ "points": [["0", "0"]], "point": [] })
    });
}

/// What mends an error no field of an editor could correct, by the core:
/// removing a key the model does not define or a weight or forecast on a
/// goal the plan lacks; writing a JSON number as the decimal text it reads
/// as (not `1e6`). An error in a field, or a goal id as a value, has none.
/// Each mended, the plan is valid.
#[test]
fn errors_that_removing_or_writing_as_text_mends_say_so() {
    let mut plan = valid();
    plan["colour"] = json!("red");
    plan["goals"][1]["targt"] = json!("1");
    plan["teams"][0]["weights"]["nope"] = json!("0.1");
    plan["teams"][1]["gate"] = json!({ "goal": "gone", "min": "1" });
    plan["goals"][0]["target"] = json!("0");
    plan["goals"][0]["actual"] = json!(90.5);
    plan["goals"][1]["actual"] = json!(1e30);
    plan["forecast"] = json!({ "goals": { "revenue": { "low": "80", "likely": "90", "high": "100" }, "ghost": { "low": "1", "likely": "2", "high": "3" } } });
    let text = plan.to_string();
    let errors = Plan::from_json_str(&text).unwrap_err();
    let mends: Vec<(String, Option<Mend>)> = errors
        .0
        .iter()
        .map(|e| (e.path.to_string(), e.mend()))
        .collect();
    let mend_at = |path: &str| {
        mends
            .iter()
            .find(|(p, _)| p == path)
            .unwrap_or_else(|| panic!("no error at {path}: {mends:?}"))
            .1
    };
    assert_eq!(mend_at("colour"), Some(Mend::Remove));
    assert_eq!(mend_at("goals[1].targt"), Some(Mend::Remove));
    assert_eq!(mend_at("teams[0].weights.nope"), Some(Mend::Remove));
    assert_eq!(mend_at("forecast.goals.ghost"), Some(Mend::Remove));
    assert_eq!(mend_at("goals[0].actual"), Some(Mend::Value("90.5")));
    // Written 1e+30: not a plain decimal.
    assert_eq!(mend_at("goals[1].actual"), None);
    assert_eq!(mend_at("teams[1].gate.goal"), None);
    assert_eq!(mend_at("goals[0].target"), None);
    let written = serde_json::to_value(&errors.0).unwrap();
    let mended: Vec<&Value> = written
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e.get("mend"))
        .collect();
    assert_eq!(
        mended
            .iter()
            .filter(|m| **m == &json!({ "remove": true }))
            .count(),
        4
    );
    assert!(mended.contains(&&json!({ "value": "90.5" })));
    assert_eq!(mended.len(), 5);
    plan.as_object_mut().unwrap().remove("colour");
    plan["goals"][1].as_object_mut().unwrap().remove("targt");
    plan["teams"][0]["weights"]
        .as_object_mut()
        .unwrap()
        .remove("nope");
    plan["forecast"]["goals"]
        .as_object_mut()
        .unwrap()
        .remove("ghost");
    plan["teams"][1].as_object_mut().unwrap().remove("gate");
    plan["goals"][0]["target"] = json!("100");
    plan["goals"][0]["actual"] = json!("90.5");
    plan["goals"][1]["actual"] = json!("330");
    assert_eq!(Plan::from_json_str(&plan.to_string()).err(), None);
}

/// A misspelt field names the field it probably is (two letters added,
/// dropped, changed or swapped at most, case aside), when the object does
/// not have that field already; a number without quotes shows itself quoted.
#[test]
fn a_misspelt_field_names_the_field_it_probably_is() {
    let mut plan = valid();
    plan["curency"] = json!("USD");
    plan["teams"][0]["weigths"] = json!({});
    let incentive = plan["teams"][1]
        .as_object_mut()
        .unwrap()
        .remove("targetIncentive")
        .unwrap();
    plan["teams"][1]["targetIncentiv"] = incentive;
    plan["teams"][0]["CAPP"] = json!("2");
    plan["goals"][0]["Target"] = json!("1");
    plan["goals"][0]["colour"] = json!("red");
    plan["goals"][1]["actual"] = json!(330);
    // A weight's goal id too, when the team does not weight that goal already.
    plan["teams"][1]["weights"] = json!({ "revenu": "0.5", "pipelin": "0.5", "revenue": "0" });
    let errors = Plan::from_json_str(&plan.to_string()).unwrap_err();
    let said: Vec<String> = errors
        .0
        .iter()
        .map(|e| format!("{}: {}", e.path, e.message()))
        .collect();
    for expected in [
        "curency: “curency” is not a field of the plan model here; did you mean “currency”?",
        "teams[1].targetIncentiv: “targetIncentiv” is not a field of the plan model here; did you mean “targetIncentive”?",
        // The team has its weights: no field to mean.
        "teams[0].weigths: “weigths” is not a field of the plan model here; check its spelling.",
        "teams[0].CAPP: “CAPP” is not a field of the plan model here; did you mean “cap”?",
        // The goal has its target: no field to mean.
        "goals[0].Target: “Target” is not a field of the plan model here; check its spelling.",
        "goals[0].colour: “colour” is not a field of the plan model here; check its spelling.",
        "teams[1].weights.pipelin: There is no goal with the id “pipelin”; did you mean “pipeline”?",
        "teams[1].weights.revenu: There is no goal with the id “revenu”.",
        "goals[1].actual: Actual result must be written as text in quotes, \"330\" rather than 330: a JSON number cannot hold every decimal exactly.",
    ] {
        assert!(said.iter().any(|s| s == expected), "{expected}\n{said:#?}");
    }
}

#[test]
fn duplicate_keys_are_errors() {
    let text = valid().to_string().replacen(
        "\"target\":\"100\"",
        "\"target\":\"100\",\"target\":\"5\"",
        1,
    );
    let errors = Plan::from_json_str(&text).unwrap_err();
    assert_eq!(errors.0[0].path, "goals[0].target");
}

#[test]
fn version_must_be_1() {
    assert_error_at("version", |p| p["version"] = json!(2));
    assert_eq!(
        paths_after(|p| p["version"] = json!(1)),
        Vec::<String>::new()
    );
}

#[test]
fn name_is_at_most_200_characters() {
    assert_error_at("name", |p| p["name"] = json!("é".repeat(201)));
    assert_eq!(
        paths_after(|p| p["name"] = json!("é".repeat(200))),
        Vec::<String>::new()
    );
}

#[test]
fn currency_must_be_iso_4217() {
    assert_error_at("currency", |p| p["currency"] = json!("USX"));
    assert_error_at("currency", |p| p["currency"] = json!("usd"));
}

#[test]
fn decimals_are_0_to_4() {
    assert_error_at("decimals", |p| p["decimals"] = json!(5));
    assert_error_at("decimals", |p| p["decimals"] = json!(1.5));
    assert_error_at("decimals", |p| p["decimals"] = json!("2"));
}

#[test]
fn rounding_is_one_of_three() {
    assert_error_at("rounding", |p| p["rounding"] = json!("bankers"));
}

#[test]
fn goals_and_teams_are_1_to_100() {
    // The weights name goals of a list that could not be read: the list is
    // the one error, not every weight too.
    assert_eq!(paths_after(|p| p["goals"] = json!([])), ["goals"]);
    assert_error_at("teams", |p| p["teams"] = json!([]));
    let many: Vec<Value> = (0..101)
        .map(|i| json!({ "id": format!("t{i}"), "name": "T", "targetIncentive": "1", "weights": {} }))
        .collect();
    assert_error_at("teams", |p| p["teams"] = json!(many));
}

#[test]
fn required_fields_are_named() {
    assert_error_at("goals", |p| {
        p.as_object_mut().unwrap().remove("goals");
        p["teams"] = json!([{ "id": "t", "name": "T", "targetIncentive": "1", "weights": {} }]);
    });
    assert_error_at("goals[0].target", |p| {
        p["goals"][0].as_object_mut().unwrap().remove("target");
    });
    assert_error_at("teams[1].weights", |p| {
        p["teams"][1].as_object_mut().unwrap().remove("weights");
    });
}

#[test]
fn ids_follow_the_pattern() {
    assert_error_at("teams[0].id", |p| p["teams"][0]["id"] = json!("Sales Team"));
    assert_error_at("teams[0].id", |p| {
        p["teams"][0]["id"] = json!("x".repeat(41))
    });
    assert_error_at("teams[0].id", |p| p["teams"][0]["id"] = json!(""));
}

#[test]
fn ids_are_unique() {
    assert_error_at("goals[1].id", |p| {
        p["goals"][1]["id"] = json!("revenue");
        p["teams"][1]["weights"] = json!({ "revenue": "1" });
    });
    assert_error_at("teams[1].id", |p| p["teams"][1]["id"] = json!("sales"));
}

#[test]
fn names_are_1_to_200_characters() {
    assert_error_at("goals[0].name", |p| p["goals"][0]["name"] = json!(""));
    assert_error_at("teams[1].name", |p| {
        p["teams"][1]["name"] = json!("x".repeat(201))
    });
}

#[test]
fn names_of_only_spaces_are_refused() {
    // MODEL asks for 1 to 200 characters; a name of spaces has them and
    // names nothing, which no payroll analyst would pay or report on.
    assert_error_at("goals[0].name", |p| p["goals"][0]["name"] = json!(" "));
    assert_error_at("teams[1].name", |p| {
        p["teams"][1]["name"] = json!("\t \u{a0}")
    });
    assert_error_at("teams[0].members[1].name", |p| {
        p["teams"][0]["members"] =
            json!([{ "name": "A", "share": "1" }, { "name": "   ", "share": "1" }])
    });
    let mut plan = valid();
    plan["teams"][0]["name"] = json!("  ");
    let errors = Plan::from_json_str(&plan.to_string()).unwrap_err();
    assert_eq!(errors.0[0].message(), "Name is only spaces: write a name.");
    // Spaces around a name are the name's own.
    assert_eq!(
        paths_after(|p| p["teams"][0]["name"] = json!(" Sales ")),
        Vec::<String>::new()
    );
}

#[test]
fn target_must_be_above_zero() {
    assert_error_at("goals[1].target", |p| p["goals"][1]["target"] = json!("0"));
    assert_error_at("goals[1].target", |p| p["goals"][1]["target"] = json!("-5"));
}

#[test]
fn actual_cannot_be_negative() {
    assert_error_at("goals[0].actual", |p| {
        p["goals"][0]["actual"] = json!("-0.01")
    });
    assert_eq!(
        paths_after(|p| p["goals"][0]["actual"] = json!("0")),
        Vec::<String>::new()
    );
}

#[test]
fn decimals_must_be_strings() {
    let errors = {
        let mut plan = valid();
        plan["goals"][0]["actual"] = json!(90);
        Plan::from_json_str(&plan.to_string()).unwrap_err()
    };
    assert_eq!(errors.0[0].path, "goals[0].actual");
    assert!(
        errors.0[0].message().contains("in quotes"),
        "{}",
        errors.0[0].message()
    );
}

#[test]
fn decimal_text_is_strict() {
    for text in ["1,000", "$5", "1e3", " 5", "5%", "+5", ".5", "1_000"] {
        assert_error_at("goals[0].actual", |p| p["goals"][0]["actual"] = json!(text));
    }
    assert_error_at("goals[0].actual", |p| {
        p["goals"][0]["actual"] = json!("1".repeat(29))
    });
}

#[test]
fn direction_is_one_of_two() {
    assert_error_at("goals[0].direction", |p| {
        p["goals"][0]["direction"] = json!("lower")
    });
}

#[test]
fn curve_points_are_1_to_50_pairs() {
    assert_error_at("goals[0].curve.points", |p| {
        p["goals"][0]["curve"] = json!({ "points": [] })
    });
    let many: Vec<Value> = (0..51).map(|i| json!([i.to_string(), "1"])).collect();
    assert_error_at("goals[0].curve.points", |p| {
        p["goals"][0]["curve"] = json!({ "points": many })
    });
    assert_error_at("goals[0].curve.points[1]", |p| {
        p["goals"][0]["curve"] = json!({ "points": [["0", "0"], ["1"]] })
    });
}

#[test]
fn curve_attainments_rise_strictly() {
    assert_error_at("goals[0].curve.points[2][0]", |p| {
        p["goals"][0]["curve"] = json!({ "points": [["0", "0"], ["1", "1"], ["1", "2"]] })
    });
}

#[test]
fn curve_values_are_not_negative() {
    assert_error_at("goals[0].curve.points[1][1]", |p| {
        p["goals"][0]["curve"] = json!({ "points": [["0", "0"], ["1", "-1"]] })
    });
    assert_error_at("goals[0].curve.points[0][0]", |p| {
        p["goals"][0]["curve"] = json!({ "points": [["-1", "0"], ["1", "1"]] })
    });
}

#[test]
fn curve_interpolation_and_beyond_are_named_choices() {
    assert_error_at("goals[0].curve.interpolation", |p| {
        p["goals"][0]["curve"] = json!({ "points": [["0", "0"]], "interpolation": "cubic" })
    });
    assert_error_at("goals[0].curve.beyond", |p| {
        p["goals"][0]["curve"] = json!({ "points": [["0", "0"]], "beyond": "wrap" })
    });
}

#[test]
fn extend_needs_two_linear_points() {
    assert_error_at("goals[0].curve.beyond", |p| {
        p["goals"][0]["curve"] = json!({ "points": [["1", "1"]], "beyond": "extend" })
    });
    assert_error_at(
        "goals[0].curve.beyond",
        |p| p["goals"][0]["curve"] = json!({ "points": [["0", "0"], ["1", "1"]], "interpolation": "step", "beyond": "extend" }),
    );
}

#[test]
fn gates_refer_to_existing_goals() {
    assert_error_at("goals[0].gate.goal", |p| {
        p["goals"][0]["gate"] = json!({ "goal": "profit", "min": "1" })
    });
    assert_error_at("teams[0].gate.min", |p| {
        p["teams"][0]["gate"] = json!({ "goal": "revenue", "min": "-1" })
    });
    assert_error_at("teams[0].gate.min", |p| {
        p["teams"][0]["gate"] = json!({ "goal": "revenue" })
    });
}

#[test]
fn target_incentive_is_money() {
    assert_error_at("teams[0].targetIncentive", |p| {
        p["teams"][0]["targetIncentive"] = json!("-1")
    });
    assert_error_at("teams[0].targetIncentive", |p| {
        p["teams"][0]["targetIncentive"] = json!("10.005")
    });
    assert_eq!(
        paths_after(|p| p["teams"][0]["targetIncentive"] = json!("10.0500")),
        Vec::<String>::new()
    );
}

#[test]
fn weights_name_existing_goals() {
    assert_error_at("teams[0].weights.revenu", |p| {
        p["teams"][0]["weights"] = json!({ "revenu": "1" })
    });
    assert_error_at("teams[1].weights.pipeline", |p| {
        p["teams"][1]["weights"]["pipeline"] = json!("-0.5")
    });
    assert_error_at("teams[1].weights", |p| {
        p["teams"][1]["weights"] = json!(["revenue"])
    });
}

#[test]
fn method_and_curve_go_together() {
    assert_error_at("teams[0].method", |p| {
        p["teams"][0]["method"] = json!("average")
    });
    assert_error_at("teams[0].curve", |p| {
        p["teams"][0]["method"] = json!("blended")
    });
    assert_error_at("teams[0].curve", |p| {
        p["teams"][0]["curve"] = json!({ "points": [["0", "0"]] })
    });
}

#[test]
fn modifiers_are_at_most_10_and_resolve() {
    let modifier = json!({ "goal": "revenue", "curve": { "points": [["0", "1"]] } });
    assert_error_at("teams[0].modifiers", |p| {
        p["teams"][0]["modifiers"] = json!(vec![modifier.clone(); 11])
    });
    assert_error_at("teams[0].modifiers[0].goal", |p| {
        p["teams"][0]["modifiers"] = json!([{ "goal": "x", "curve": { "points": [["0", "1"]] } }])
    });
    assert_error_at("teams[0].modifiers[0].curve", |p| {
        p["teams"][0]["modifiers"] = json!([{ "goal": "revenue" }])
    });
}

#[test]
fn cap_cannot_be_negative() {
    assert_error_at("teams[1].cap", |p| p["teams"][1]["cap"] = json!("-2"));
}

#[test]
fn members_have_names_and_positive_shares() {
    assert_error_at("teams[0].members[1].share", |p| {
        p["teams"][0]["members"] =
            json!([{ "name": "A", "share": "1" }, { "name": "B", "share": "0" }])
    });
    assert_error_at("teams[0].members[0].name", |p| {
        p["teams"][0]["members"] = json!([{ "name": "", "share": "1" }])
    });
}

#[test]
fn at_most_100000_members_in_the_plan() {
    let members: Vec<Value> = (0..50_001)
        .map(|_| json!({ "name": "M", "share": "1" }))
        .collect();
    assert_error_at("teams[1].members", |p| {
        p["teams"][0]["members"] = json!(members);
        p["teams"][1]["members"] = json!(members);
    });
}

#[test]
fn null_means_not_given() {
    assert_eq!(
        paths_after(|p| {
            p["teams"][0]["cap"] = Value::Null;
            p["goals"][0]["gate"] = Value::Null;
        }),
        Vec::<String>::new()
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let paths = paths_after(|p| {
        p["goals"][0]["target"] = json!("0");
        p["teams"][0]["weights"]["nope"] = json!("1");
        p["teams"][1]["targetIncentive"] = json!(500);
    });
    assert_eq!(
        paths,
        [
            "goals[0].target",
            "teams[0].weights.nope",
            "teams[1].targetIncentive"
        ]
    );
}

#[test]
fn messages_are_sentences_that_name_the_field() {
    let mut plan = valid();
    plan["goals"][1]["target"] = json!("0");
    let errors = Plan::from_json_str(&plan.to_string()).unwrap_err();
    assert_eq!(
        errors.0[0].to_string(),
        "goals[1].target: Target must be greater than zero."
    );
}

#[test]
fn a_rejected_goals_list_is_one_error_not_one_per_weight() {
    // 200 goals (the model allows 100) and a team weighting all of them: the
    // list is the problem, and it is reported once.
    let goals: Vec<serde_json::Value> = (0..200)
        .map(|i| serde_json::json!({ "id": format!("g{i}"), "name": format!("Goal {i}"), "target": "1", "actual": "1" }))
        .collect();
    let weights: serde_json::Map<String, serde_json::Value> = (0..200)
        .map(|i| (format!("g{i}"), serde_json::json!("0.005")))
        .collect();
    let plan = serde_json::json!({
        "goals": goals,
        "teams": [{ "id": "t", "name": "T", "targetIncentive": "1", "weights": weights,
                    "gate": { "goal": "g0", "min": "1" } }]
    });
    let errors = tandem::Plan::from_json_str(&plan.to_string()).unwrap_err();
    let paths: Vec<String> = errors.0.iter().map(|e| e.path.to_string()).collect();
    assert_eq!(paths, ["goals"]);
}
