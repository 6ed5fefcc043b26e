//! `evaluate`: every scenario's result, the chart and the comparison in one
//! call, each figure equal to what `calculate` and `sweep` give on their own.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use tandem::{calculate, evaluate, parse_json, sweep, Plan, SweepOptions};

fn example(name: &str) -> Value {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn run(request: Value) -> Value {
    let text = request.to_string();
    let json = parse_json(&text).unwrap();
    serde_json::to_value(evaluate(&json).expect("a well-formed request")).unwrap()
}

fn alone(plan: &Value) -> Value {
    let plan = Plan::from_json_str(&plan.to_string()).unwrap();
    serde_json::to_value(calculate(&plan).unwrap()).unwrap()
}

/// A Result as `evaluate` writes it, with each team's members as a list
/// again (they cross as columns).
fn with_member_rows(mut result: Value) -> Value {
    for team in result["teams"].as_array_mut().unwrap() {
        let columns = team["members"].take();
        let names = columns["name"].as_array().unwrap();
        team["members"] = names
            .iter()
            .enumerate()
            .map(|(i, name)| json!({ "name": name, "share": columns["share"][i], "payout": columns["payout"][i] }))
            .collect();
    }
    result
}

#[test]
fn the_active_scenario_gets_the_result_calculate_gives() {
    let (siloed, shared) = (example("siloed.json"), example("shared-revenue.json"));
    let r = run(json!({ "scenarios": [siloed, shared.clone()], "active": 1 }));
    assert_eq!(with_member_rows(r["result"].clone()), alone(&shared));
    assert_eq!(r["chart"], Value::Null);
    // The other scenario gets what the comparison shows.
    let siloed_alone = alone(&siloed);
    assert_eq!(r["comparison"][0]["total"], siloed_alone["total"]["payout"]);
    assert_eq!(r["comparison"][0]["currency"], "USD");
}

#[test]
fn the_chart_is_the_sweep_of_the_active_scenario() {
    let shared = example("shared-revenue.json");
    let r = run(json!({ "scenarios": [shared], "chart": { "goal": "revenue", "steps": 61 } }));
    let plan = Plan::from_json_str(&shared.to_string()).unwrap();
    let options =
        parse_json(r#"{ "goal": "revenue", "from": "0", "to": "1.5", "steps": 61 }"#).unwrap();
    let options = SweepOptions::from_json(&plan, &options).unwrap();
    let points = serde_json::to_value(sweep(&plan, &options).unwrap()).unwrap();
    let points = points.as_array().unwrap();
    assert_eq!(r["chart"]["goal"], "revenue");
    // New ARR is at 92.5 %, so the chart runs to 150 %.
    assert_eq!(r["chart"]["to"], "1.5");
    let column = |f: &dyn Fn(&Value) -> Value| Value::Array(points.iter().map(f).collect());
    assert_eq!(
        r["chart"]["attainments"],
        column(&|p| p["attainment"].clone())
    );
    assert_eq!(r["chart"]["totals"], column(&|p| p["total"].clone()));
    assert_eq!(r["chart"]["teams"][1]["id"], "marketing");
    assert_eq!(
        r["chart"]["teams"][1]["payouts"],
        column(&|p| p["teams"][1]["payout"].clone())
    );
    assert_eq!(r["comparison"], Value::Null);
}

/// A threshold makes the payouts jump: the chart has a point there and one
/// a grid step below it, so that its lines rise straight up at the step
/// instead of sloping across the 2.5 points before it (found by a fresh
/// look). The teaching plan with Revenue on "Threshold 80 %, capped at 200
/// %" (points 0.8 and 2) and Pipeline at 1.3: Marketing (36,000, half on
/// each) is paid 36,000 × 0.5 × 1.3 = 23,400.00 at 79.99 % and 36,000 ×
/// (0.5 × 0.8 + 0.5 × 1.3) = 37,800.00 at 80 % (by hand).
#[test]
fn the_chart_rises_straight_up_where_a_threshold_makes_the_payouts_jump() {
    let mut plan = example("teaching.json");
    plan["goals"][0]["curve"] = json!({ "points": [["0.8", "0.8"], ["2", "2"]] });
    plan["goals"][2]["actual"] = json!("3900000");
    let r = run(json!({ "scenarios": [plan], "chart": { "goal": "revenue", "steps": 61 } }));
    let chart = &r["chart"];
    let attainments: Vec<&str> = chart["attainments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    // 61 steps of 2.5 points, 77.5 % and 80 % among them, and 79.99 % added.
    assert_eq!(attainments.len(), 62);
    let at = |a: &str| attainments.iter().position(|x| *x == a).unwrap();
    assert_eq!(at("0.7999") + 1, at("0.8"));
    assert_eq!(at("0.775") + 1, at("0.7999"));
    let marketing = &chart["teams"][1]["payouts"];
    assert_eq!(marketing[at("0.775")], "23400.00");
    assert_eq!(marketing[at("0.7999")], "23400.00");
    assert_eq!(marketing[at("0.8")], "37800.00");
    // 80 % is one of the chart's steps; 79.99 % was added.
    assert_eq!(chart["added"], json!([at("0.7999")]));
}

#[test]
fn the_chart_runs_past_a_goal_beyond_125_percent_and_defaults_to_a_shared_goal() {
    let mut shared = example("shared-revenue.json");
    shared["goals"][0]["actual"] = json!("2700000"); // 135 %: 1.35 × 12 = 16.2, up to 17 tenths.
    let r = run(json!({ "scenarios": [shared], "chart": { "goal": "no-such-goal", "steps": 3 } }));
    assert_eq!(r["chart"]["goal"], "revenue");
    assert_eq!(r["chart"]["to"], "1.7");
}

#[test]
fn the_chart_says_where_the_goals_curve_starts_and_stops_paying() {
    let mut plan = example("shared-revenue.json");
    let chart = |plan: &Value| {
        run(json!({ "scenarios": [plan], "chart": { "goal": "revenue", "steps": 3 } }))["chart"]
            .clone()
    };
    // Pro-rata: it pays from 0 and without end, so neither is drawn.
    let plain = chart(&plan);
    assert_eq!((plain.get("threshold"), plain.get("cap")), (None, None));
    // From 80 %, held past 150 %.
    plan["goals"][0]["curve"] = json!({ "points": [["0.8", "0.5"], ["1", "1"], ["1.5", "2"]] });
    let curved = chart(&plan);
    assert_eq!(
        (curved["threshold"].as_str(), curved["cap"].as_str()),
        (Some("0.8"), Some("1.5"))
    );
    // Extended past its last point: no cap; a first point at the target is the target's guide.
    plan["goals"][0]["curve"] = json!({ "points": [["1", "1"], ["1.5", "2"]], "beyond": "extend" });
    let extended = chart(&plan);
    assert_eq!(
        (extended.get("threshold"), extended.get("cap")),
        (None, None)
    );
}

#[test]
fn the_comparison_gives_differences_and_ten_more_points() {
    let (siloed, shared) = (example("siloed.json"), example("shared-revenue.json"));
    let r = run(json!({
        "scenarios": [siloed, shared],
        "active": 1,
        "chart": { "goal": "revenue", "steps": 2 }
    }));
    let first = &r["comparison"][0];
    let second = &r["comparison"][1];
    assert_eq!(first["teams"][0]["difference"], Value::Null);
    let payout = |s: &Value, t: usize| {
        s["teams"][t]["payout"]
            .as_str()
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    for t in 0..2 {
        let expected = payout(second, t) - payout(first, t);
        let difference: f64 = second["teams"][t]["difference"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((difference - expected).abs() < 0.005, "team {t}");
    }
    // Shared revenue: ten more points of New ARR pay Sales 120,000 × 0.5 × 0.1
    // = 6,000.00 and Marketing 60,000 × 0.5 × 0.1 = 3,000.00 (pro-rata, no cap
    // reached). Siloed: Marketing weights no New ARR, so it gains nothing.
    assert_eq!(second["teams"][0]["perTenPoints"], "6000.00");
    assert_eq!(second["teams"][1]["perTenPoints"], "3000.00");
    assert_eq!(first["teams"][1]["perTenPoints"], "0.00");
}

#[test]
fn an_invalid_scenario_reports_its_errors_and_the_others_still_calculate() {
    let shared = example("shared-revenue.json");
    let mut broken = shared.clone();
    broken["goals"][0]["target"] = json!("0");
    let r = run(json!({ "scenarios": [shared, broken], "active": 1, "chart": { "steps": 5 } }));
    assert_eq!(r["result"]["errors"][0]["path"], "goals[0].target");
    assert_eq!(r["chart"], Value::Null);
    assert_eq!(r["comparison"][1]["errors"][0]["path"], "goals[0].target");
    assert_eq!(
        r["comparison"][0]["total"],
        alone(&shared)["total"]["payout"]
    );
}

#[test]
fn a_malformed_request_is_an_error_at_its_path() {
    let json = parse_json(r#"{ "scenarios": [], "active": 3 }"#).unwrap();
    let errors = evaluate(&json).unwrap_err();
    let paths: Vec<String> = errors.0.iter().map(|e| e.path.to_string()).collect();
    assert_eq!(paths, ["scenarios", "active"]);
}

#[test]
fn an_evaluator_answers_as_a_fresh_evaluate_after_every_edit() {
    let (siloed, shared) = (example("siloed.json"), example("shared-revenue.json"));
    let mut evaluator = tandem::Evaluator::default();
    let mut scenarios = vec![siloed.clone(), shared.clone(), shared.clone()];
    // Type a new New ARR result into the third scenario, one keystroke at a
    // time (the charted goal's result: the chart and targets are kept, until
    // it passes 125 % and the chart runs further), then another goal's
    // result, then switch the chart's goal and remove a scenario.
    let edits = [
        (0, "1", "revenue"),
        (0, "19", "revenue"),
        (0, "190", "revenue"),
        (0, "2600000", "revenue"),
        (0, "2600000", "revenue"),
        (0, "1900", "revenue"),
        (1, "1", "revenue"),
        (0, "target:2500000", "revenue"),
        (0, "19000", "pipeline"),
        (0, "1900000", "pipeline"),
    ];
    let mut times_kept = 0;
    for (g, actual, goal) in edits {
        match actual.strip_prefix("target:") {
            Some(target) => scenarios[2]["goals"][g]["target"] = json!(target),
            None => scenarios[2]["goals"][g]["actual"] = json!(actual),
        }
        let request = json!({ "scenarios": scenarios, "active": 2, "chart": { "goal": goal, "steps": 5 }, "workings": true });
        let text = request.to_string();
        let json = parse_json(&text).unwrap();
        let mut kept = serde_json::to_value(evaluator.evaluate(&json).unwrap()).unwrap();
        // Only a calculator that saw the edit can say what it changed, and
        // that it kept the chart and the targets (which it still holds).
        kept.as_object_mut().unwrap().remove("changed");
        if kept.as_object_mut().unwrap().remove("kept").is_some() {
            times_kept += 1;
        }
        assert_eq!(kept, run(request), "after typing {actual}");
    }
    // Typing New ARR's result, the charted goal's, kept them.
    assert!(times_kept >= 3, "kept {times_kept} times");
    scenarios.remove(0);
    let request = json!({ "scenarios": scenarios, "active": 0, "chart": { "steps": 5 } });
    let text = request.to_string();
    let json = parse_json(&text).unwrap();
    let kept = serde_json::to_value(evaluator.evaluate(&json).unwrap()).unwrap();
    assert_eq!(kept, run(request));
}

#[test]
fn with_workings_each_team_learns_what_its_largest_shared_goal_or_its_largest_goal_must_reach() {
    // Shared revenue: both teams' largest shared goal is New ARR (0.5 each).
    // Sales earns 120,000 at 90 % (see tests/solve.rs), Marketing 60,000 at 96 %.
    let shared = example("shared-revenue.json");
    let r = run(json!({ "scenarios": [shared], "workings": true }));
    assert_eq!(
        r["targets"],
        json!([
            { "team": "sales", "goal": "revenue",
              "solution": { "attainment": "0.9", "actual": "1800000", "payout": "120000.00" } },
            { "team": "marketing", "goal": "revenue",
              "solution": { "attainment": "0.96", "actual": "1920000", "payout": "60000.00" } }
        ])
    );
    // Siloed: nothing is shared, so each team's largest goal, by hand:
    // Sales 120,000 × (0.7 f + 0.3 × 1.1) ≥ 120,000 from f = 0.67 / 0.7 =
    // 0.95714…, first on the grid at 0.9572 (2,000,000 × 0.9572 = 1,914,400),
    // paying 120,000 × 1.00004 = 120,004.80; Marketing 60,000 × (0.6 f + 0.4 ×
    // 0.95) from f = 0.62 / 0.6 = 1.0333…, at 1.0334 (6,200,400), paying
    // 60,000 × 1.00004 = 60,002.40.
    let r = run(json!({ "scenarios": [example("siloed.json")], "workings": true }));
    assert_eq!(
        r["targets"],
        json!([
            { "team": "sales", "goal": "revenue",
              "solution": { "attainment": "0.9572", "actual": "1914400", "payout": "120004.80" } },
            { "team": "marketing", "goal": "pipeline",
              "solution": { "attainment": "1.0334", "actual": "6200400", "payout": "60002.40" } }
        ])
    );
}

#[test]
fn a_team_removed_takes_its_payout_with_it_in_what_the_edit_changed() {
    let file = json!({ "scenarios": [{ "plan": example("shared-revenue.json") }] });
    let mut calculator = tandem::Calculator::default();
    calculator
        .open(&parse_json(&file.to_string()).unwrap())
        .unwrap();
    let draw = parse_json(r#"{ "workings": true }"#).unwrap();
    calculator.evaluate(&draw).unwrap();
    calculator.settle();
    calculator
        .edit(&parse_json(r#"{ "remove": ["teams", 1] }"#).unwrap())
        .unwrap();
    let changed =
        serde_json::to_value(calculator.evaluate(&draw).unwrap()).unwrap()["changed"].clone();
    // Marketing's 58,950.00 (60,000 × (0.5 × 0.925 + 0.3 × 1.1 + 0.2 × 0.95))
    // goes with it; Sales' 121,500.00 stays.
    assert_eq!(
        changed,
        json!({
            "goals": [],
            "teams": [{ "id": "marketing", "name": "Marketing", "difference": "-58950.00" }],
            "total": "-58950.00"
        })
    );
}

#[test]
fn a_calculator_says_what_an_edit_changed_since_it_began() {
    // New ARR 1,850,000 → 2,000,000 (92.5 % → 100 %): Sales' line on it
    // (60,000 × a) gains 4,500.00, Marketing's (30,000 × a) 2,250.00.
    let mut shared = example("shared-revenue.json");
    let mut evaluator = tandem::Evaluator::default();
    let ask = |evaluator: &mut tandem::Evaluator, plan: &Value| {
        let request = json!({ "scenarios": [plan], "workings": true });
        let text = request.to_string();
        let json = parse_json(&text).unwrap();
        serde_json::to_value(evaluator.evaluate(&json).unwrap()).unwrap()
    };
    assert_eq!(
        ask(&mut evaluator, &shared).get("changed"),
        None,
        "nothing before the first"
    );
    // The plan as opened stands; then 2,000,000 is typed key by key, through
    // 2, 20, … (each a keystroke the calculator sees).
    evaluator.settle();
    let expected = json!({
        "goals": [{ "id": "revenue", "name": "New ARR", "before": "1850000", "after": "2000000" }],
        "teams": [
            { "id": "sales", "name": "Sales", "difference": "4500.00" },
            { "id": "marketing", "name": "Marketing", "difference": "2250.00" }
        ],
        "total": "6750.00"
    });
    for typed in ["2", "20", "200", "2000", "20000", "200000", "2000000"] {
        shared["goals"][0]["actual"] = json!(typed);
        let changed = ask(&mut evaluator, &shared)["changed"].clone();
        assert_eq!(changed["goals"][0]["before"], "1850000", "{typed}");
    }
    assert_eq!(ask(&mut evaluator, &shared)["changed"], expected);
    assert_eq!(
        ask(&mut evaluator, &shared)["changed"],
        expected,
        "asked again before the edit ends, the same edit"
    );
    // The edit ended: its results stand, and the same plan changes nothing.
    evaluator.settle();
    assert_eq!(ask(&mut evaluator, &shared).get("changed"), None);
    // An edit back to where it began changes nothing either.
    shared["goals"][0]["actual"] = json!("1900000");
    assert!(ask(&mut evaluator, &shared).get("changed").is_some());
    shared["goals"][0]["actual"] = json!("2000000");
    assert_eq!(ask(&mut evaluator, &shared).get("changed"), None);
}

/// Members cross as three columns, not one object per member: the preset's
/// Sales splits its payout in three equal shares, by hand 121,500.00 ÷ 3 =
/// 40,500.00 each once New ARR reaches 1,850,000.
#[test]
fn members_cross_as_columns() {
    let mut shared = example("shared-revenue.json");
    shared["goals"][0]["actual"] = json!("1850000");
    let r = run(json!({ "scenarios": [shared] }));
    let sales = &r["result"]["teams"][0];
    assert_eq!(sales["payout"], "121500.00");
    assert_eq!(
        sales["members"],
        json!({
            "name": ["Ana Lima", "Ben Okafor", "Chloé Martin"],
            "share": ["1", "1", "1"],
            "payout": ["40500.00", "40500.00", "40500.00"],
        })
    );
}
