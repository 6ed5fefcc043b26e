//! The plan's economics and the simulation's reasons, worked by hand
//! (MODEL.md, "Why the cost differs, and the plan's economics").
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use tandem::{calculate, check_with_forecast, parse_json, simulate, Plan, SimulateOptions};

/// Every forecast result fixed (low = likely = high), so every trial is
/// the same and every count is 0 or all of them:
/// - New ARR at 1,100,000 of 1,000,000: 110 %, on the segment from (1, 1)
///   to (1.2, 1.6), which rises 0.6 over 0.2 (faster than attainment):
///   factor 1 + 0.1 × 3 = 1.3.
/// - Pipeline at 80 of 100: 80 %, below its threshold (0.9): factor 0.
/// - NPS (not forecast) at 50 of 40: 125 %, beyond its last point (1),
///   capped there: factor 1.
fn plan() -> Value {
    json!({
        "version": 1,
        "currency": "USD",
        "revenueGoal": "revenue",
        "goals": [
            { "id": "revenue", "name": "New ARR", "target": "1000000", "actual": "1100000",
              "curve": { "points": [["0.8", "0.5"], ["1", "1"], ["1.2", "1.6"]], "beyond": "cap" } },
            { "id": "pipeline", "name": "Pipeline", "target": "100", "actual": "80",
              "curve": { "points": [["0.9", "0.5"], ["1", "1"]], "beyond": "cap" } },
            { "id": "nps", "name": "NPS", "target": "40", "actual": "50",
              "curve": { "points": [["0", "0"], ["1", "1"]], "beyond": "cap" } }
        ],
        "teams": [
            { "id": "sales", "name": "Sales", "targetIncentive": "100000.00", "base": "150000.00",
              "weights": { "revenue": "0.8", "nps": "0.2" }, "cap": "1.2" },
            { "id": "marketing", "name": "Marketing", "targetIncentive": "50000.00", "base": "100000.00",
              "weights": { "revenue": "0.5", "pipeline": "0.5" },
              "gate": { "goal": "pipeline", "min": "0.9" } }
        ],
        "forecast": {
            "goals": {
                "revenue": { "low": "1100000", "likely": "1100000", "high": "1100000" },
                "pipeline": { "low": "80", "likely": "80", "high": "80" }
            },
            "trials": 10
        }
    })
}

fn simulated(value: &Value) -> Value {
    let plan = Plan::from_json_str(&value.to_string()).expect("valid");
    serde_json::to_value(simulate(plan, &SimulateOptions::default()).unwrap()).unwrap()
}

fn calculated(value: &Value) -> Value {
    let plan = Plan::from_json_str(&value.to_string()).expect("valid");
    serde_json::to_value(calculate(&plan).unwrap()).unwrap()
}

#[test]
fn ote_pay_mix_and_cost_of_sales() {
    let result = calculated(&plan());
    let economics = &result["economics"];
    // Sales: 150,000 + 100,000 = 250,000; 100,000 / 250,000 = 0.4.
    // Marketing: 100,000 + 50,000 = 150,000; 50,000 / 150,000 = 1/3.
    assert_eq!(
        economics["teams"],
        json!([
            { "id": "sales", "base": "150000.00", "ote": "250000.00", "incentiveShare": "0.4" },
            { "id": "marketing", "base": "100000.00", "ote": "150000.00",
              "incentiveShare": "0.3333333333333333333333333333" }
        ])
    );
    // At target: (250,000 bases + 150,000 target incentives) / 1,000,000 =
    // 0.4. At actual: Sales 80,000 × 1.3 + 20,000 × 1 = 124,000, capped at
    // 120,000; Marketing's gate on pipeline (80 % < 90 %) is closed: 0.
    // (250,000 + 120,000) / 1,100,000 = 37/110 = 0.33636…
    assert_eq!(result["teams"][0]["payout"], json!("120000.00"));
    assert_eq!(result["teams"][1]["payout"], json!("0.00"));
    assert_eq!(
        economics["costOfSales"],
        json!({ "atTarget": "0.4", "atActual": "0.3363636363636363636363636364" })
    );
}

#[test]
fn economics_are_null_without_bases_or_a_revenue_goal_and_partial_with_some() {
    let mut bare = plan();
    bare.as_object_mut().unwrap().remove("revenueGoal");
    for team in bare["teams"].as_array_mut().unwrap() {
        team.as_object_mut().unwrap().remove("base");
    }
    assert_eq!(calculated(&bare)["economics"], Value::Null);
    // A revenue goal alone: bases count 0, (0 + 150,000) / 1,000,000.
    let mut revenue_only = bare.clone();
    revenue_only["revenueGoal"] = json!("revenue");
    let economics = &calculated(&revenue_only)["economics"];
    assert_eq!(economics["costOfSales"]["atTarget"], json!("0.15"));
    assert_eq!(economics["teams"][0]["ote"], Value::Null);
    // A base alone: no cost of sales.
    let mut base_only = bare.clone();
    base_only["teams"][0]["base"] = json!("150000.00");
    let economics = &calculated(&base_only)["economics"];
    assert_eq!(economics["costOfSales"], Value::Null);
    assert_eq!(economics["teams"][0]["ote"], json!("250000.00"));
    assert_eq!(economics["teams"][1]["base"], Value::Null);
    // A revenue actual of 0 has no cost at actual.
    let mut nothing_sold = plan();
    nothing_sold["goals"][0]["actual"] = json!("0");
    assert_eq!(
        calculated(&nothing_sold)["economics"]["costOfSales"]["atActual"],
        Value::Null
    );
}

#[test]
fn bases_and_the_revenue_goal_are_checked_by_field() {
    let cases = [
        (json!({ "revenueGoal": "nope" }), "revenueGoal", "There is no goal with the id “nope”."),
        (json!({ "revenueGoal": 3 }), "revenueGoal", ""),
        (json!({ "teams.0.base": "-1.00" }), "teams[0].base", "Base salary cannot be negative."),
        (json!({ "teams.0.base": "1.005" }), "teams[0].base", ""),
        (json!({ "goals.0.direction": "lowerIsBetter" }), "revenueGoal",
         "Revenue goal must be a goal where higher is better, measured in the plan's currency: the cost of sales divides by it."),
    ];
    for (change, path, message) in cases {
        let mut value = plan();
        let (key, new) = change.as_object().unwrap().iter().next().unwrap();
        let mut target = &mut value;
        for part in key.split('.') {
            target = match part.parse::<usize>() {
                Ok(i) => &mut target[i],
                Err(_) => &mut target[part],
            };
        }
        *target = new.clone();
        let errors = Plan::from_json_str(&value.to_string()).unwrap_err();
        let found: Vec<String> = errors.0.iter().map(|e| e.path.to_string()).collect();
        assert_eq!(found, [path], "{key}");
        if !message.is_empty() {
            assert!(
                errors.0[0].message().ends_with(message),
                "{}",
                errors.0[0].message()
            );
        }
    }
}

#[test]
fn every_binding_count_on_a_fixed_forecast() {
    let sim = simulated(&plan());
    let sales = &sim["teams"][0];
    let marketing = &sim["teams"][1];
    // Sales is capped in every trial (124,000 > 120,000); no gate.
    assert_eq!(sales["binding"]["capped"], json!("1"));
    assert_eq!(sales["binding"]["gateClosed"], json!("0"));
    assert_eq!(
        sales["binding"]["goals"],
        json!({
            "revenue": { "belowThreshold": "0", "accelerated": "1", "beyondLast": "0", "gateClosed": "0" },
            "nps": { "belowThreshold": "0", "accelerated": "0", "beyondLast": "1", "gateClosed": "0" }
        })
    );
    // Marketing's own gate is closed in every trial; pipeline is below its
    // threshold.
    assert_eq!(marketing["binding"]["capped"], json!("0"));
    assert_eq!(marketing["binding"]["gateClosed"], json!("1"));
    assert_eq!(marketing["binding"]["ownGateClosed"], json!("1"));
    assert_eq!(sales["binding"]["ownGateClosed"], json!("0"));
    assert_eq!(
        marketing["binding"]["goals"],
        json!({
            "revenue": { "belowThreshold": "0", "accelerated": "1", "beyondLast": "0", "gateClosed": "0" },
            "pipeline": { "belowThreshold": "1", "accelerated": "0", "beyondLast": "0", "gateClosed": "0" }
        })
    );
    // Every trial alike: the mean is the plain calculation, no spread.
    assert_eq!(sim["atExpected"]["total"], json!("120000.00"));
    assert_eq!(
        sim["gap"],
        json!({ "difference": "0.00", "skew": "0.00", "shape": "0.00", "standardError": "0.00", "noise": "0.00", "shapeIsNoise": true })
    );
    // Leverage: P90 120,000 / 100,000 = 1.2; 0 / 50,000 = 0. The most
    // Sales can be paid: its curves 0.8 × 1.6 + 0.2 × 1 = 1.48, its cap 1.2:
    // 1.2. Marketing: 0.5 × 1.6 + 0.5 × 1 = 1.3, no cap.
    assert_eq!(sales["leverage"], json!("1.2"));
    assert_eq!(marketing["leverage"], json!("0"));
    assert_eq!(sales["maxLeverage"], json!("1.2"));
    assert_eq!(marketing["maxLeverage"], json!("1.3"));
    // New ARR is the only shared goal: Sales's 120,000 splits over its lines
    // 104,000 (New ARR) and 20,000 (NPS): 120,000 × 104 / 124 =
    // 100,645.1612… → 100,645.16. Marketing is paid nothing.
    assert_eq!(sales["meanShared"], json!("100645.16"));
    assert_eq!(marketing["meanShared"], json!("0.00"));
}

#[test]
fn a_goals_own_gate_closed_in_every_trial_is_counted_on_that_goal() {
    // Pipeline pays nothing unless New ARR reaches 100 %. New ARR is fixed
    // at 900 of 1,000 (90 %) in every trial, so Pipeline's gate is closed
    // in all of them; Pipeline itself stays at its actual, 90 of 100.
    // Sales (1,000.00 on New ARR 0.5, Pipeline 0.5): 500 × 0.9 = 450.00
    // and 500 × 0 = 0.00, paid 450.00. Marketing (500.00 on New ARR): 450.00.
    // Both curves pro rata: no threshold, no acceleration, nothing past 100 %.
    let value = json!({
        "version": 1,
        "goals": [
            { "id": "revenue", "name": "New ARR", "target": "1000", "actual": "1000" },
            { "id": "pipeline", "name": "Pipeline", "target": "100", "actual": "90",
              "gate": { "goal": "revenue", "min": "1" } }
        ],
        "teams": [
            { "id": "sales", "name": "Sales", "targetIncentive": "1000.00",
              "weights": { "revenue": "0.5", "pipeline": "0.5" } },
            { "id": "marketing", "name": "Marketing", "targetIncentive": "500.00",
              "weights": { "revenue": "1" } }
        ],
        "forecast": {
            "goals": { "revenue": { "low": "900", "likely": "900", "high": "900" } },
            "trials": 10
        }
    });
    let sim = simulated(&value);
    let sales = &sim["teams"][0]["binding"];
    assert_eq!(
        sales["goals"],
        json!({
            "revenue": { "belowThreshold": "0", "accelerated": "0", "beyondLast": "0", "gateClosed": "0" },
            "pipeline": { "belowThreshold": "0", "accelerated": "0", "beyondLast": "0", "gateClosed": "1" }
        })
    );
    // A gate of a goal Sales weights paid nothing; Sales has no gate of its own.
    assert_eq!(sales["gateClosed"], json!("1"));
    assert_eq!(sales["ownGateClosed"], json!("0"));
    assert_eq!(sales["capped"], json!("0"));
    // Marketing weights only New ARR, whose gate (it has none) never closed.
    let marketing = &sim["teams"][1]["binding"];
    assert_eq!(
        marketing["goals"],
        json!({ "revenue": { "belowThreshold": "0", "accelerated": "0", "beyondLast": "0", "gateClosed": "0" } })
    );
    assert_eq!(marketing["gateClosed"], json!("0"));
    // Every trial is the plain calculation at 900: 450.00 and 450.00.
    assert_eq!(sim["teams"][0]["stats"]["mean"], json!("450.00"));
    assert_eq!(sim["teams"][1]["stats"]["mean"], json!("450.00"));
    assert_eq!(sim["atExpected"]["total"], json!("900.00"));
    // New ARR is shared (both teams weight it) and carries all of Sales's
    // 450.00: its Pipeline line is 0.
    assert_eq!(sim["teams"][0]["meanShared"], json!("450.00"));
    let mut at_900 = value.clone();
    at_900["goals"][0]["actual"] = json!("900");
    let result = calculated(&at_900);
    assert_eq!(result["goals"][1]["gated"], json!(true));
    assert_eq!(result["teams"][0]["payout"], json!("450.00"));
}

#[test]
fn a_skewed_forecast_is_the_gap_at_the_mean() {
    // New ARR from 1,100,000 (low and likely) to 1,400,000: its mean is
    // 3,600,000 / 3 = 1,200,000 (120 %: factor 1.6). Without Sales's cap,
    // Sales is paid 80,000 × 1.3 + 20,000 = 124,000 at the likely result and
    // 80,000 × 1.6 + 20,000 = 148,000 at the mean; Marketing 0 in both.
    let mut value = plan();
    value["teams"][0].as_object_mut().unwrap().remove("cap");
    value["forecast"]["goals"]["revenue"]["high"] = json!("1400000");
    let sim = simulated(&value);
    assert_eq!(sim["atLikely"]["total"], json!("124000.00"));
    assert_eq!(sim["atExpected"]["total"], json!("148000.00"));
    assert_eq!(sim["gap"]["skew"], json!("24000.00"));
}

#[test]
fn the_practice_check_names_each_rule_it_finds() {
    let checked = check_with_forecast(&parse_json(&plan().to_string()).unwrap());
    let found: Vec<(String, String)> = serde_json::to_value(&checked.findings)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        // Sales's cap 1.2 is under 2×.
        ("capBelowTwice", "teams[0].cap"),
        // 0 below 80 %, then 0.5: a cliff; pipeline likewise at 90 %.
        ("cliff", "goals[0].curve.points[0]"),
        ("cliff", "goals[1].curve.points[0]"),
        // P90 pays 1.2× and 0×.
        ("leverageLow", "teams[0]"),
        ("leverageLow", "teams[1]"),
        // New ARR reaches its threshold and target in every trial (above
        // 85–95 % and 60–70 %), its excellence point (120 %) in none.
        ("thresholdChance", "forecast.goals.revenue"),
        ("targetChance", "forecast.goals.revenue"),
        ("excellenceChance", "forecast.goals.revenue"),
        // Pipeline never reaches its threshold or target; its last point is
        // its target, so it has no excellence point to judge.
        ("thresholdChance", "forecast.goals.pipeline"),
        ("targetChance", "forecast.goals.pipeline"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(r, p)| (r.to_string(), p.to_string()))
        .collect();
    assert_eq!(found, expected);
    let messages: Vec<&str> = checked
        .findings
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    assert!(messages.contains(
        &"“New ARR” reaches its excellence point (120 %) in 0 % of trials: harder than usual (practice: 5–15 %)."
    ));
    assert!(messages.contains(&"“New ARR” reaches its threshold (80 %) in 100 % of trials: easier than usual (practice: 85–95 %)."));
}

#[test]
fn a_plan_within_practice_has_no_findings() {
    // One goal on a curve from 0 (no threshold, no cliff) rising to 2.5 at
    // 150 %, capped at 3× target incentive. The forecast, triangular from
    // 60 % over 100 % to 175 %, reaches target with chance
    // 1 − 0.4² / (1.15 × 0.4) = 65.2 % and 150 % with 0.25² / (1.15 × 0.75)
    // = 7.2 %; its P90 result, 175 % − √(0.1 × 1.15 × 0.75) = 145.6 %, pays
    // 1 + 0.456 × 3 = 2.37× target: every band of practice holds.
    let value = json!({
        "version": 1,
        "goals": [
            { "id": "revenue", "name": "New ARR", "target": "100", "actual": "100",
              "curve": { "points": [["0", "0"], ["1", "1"], ["1.5", "2.5"]], "beyond": "cap" } }
        ],
        "teams": [
            { "id": "sales", "name": "Sales", "targetIncentive": "1000.00",
              "weights": { "revenue": "1" }, "cap": "3" }
        ],
        "forecast": { "goals": { "revenue": { "low": "60", "likely": "100", "high": "175" } } }
    });
    let checked = check_with_forecast(&parse_json(&value.to_string()).unwrap());
    assert_eq!(checked.findings, []);
    let sim = simulated(&value);
    let leverage: f64 = sim["teams"][0]["leverage"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((2.3..2.45).contains(&leverage), "{leverage}");
}

#[test]
fn the_leverage_preset_teaches_what_its_note_says() {
    // Its note: a good year pays just under 2×, plan health says so; with
    // the curve's last point at 150:250 instead, the finding goes.
    let mut value: Value = serde_json::from_str(include_str!("../examples/leverage.json")).unwrap();
    let rules = |value: &Value| -> Vec<String> {
        let checked = check_with_forecast(&parse_json(&value.to_string()).unwrap());
        checked
            .findings
            .iter()
            .map(|f| {
                serde_json::to_value(f.rule)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    let sim = simulated(&value);
    let leverage: f64 = sim["teams"][0]["leverage"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1.9..2.0).contains(&leverage), "{leverage}");
    assert_eq!(rules(&value), ["leverageLow"]);
    value["goals"][0]["curve"]["points"][2] = json!(["1.5", "2.5"]);
    assert_eq!(rules(&value), Vec::<String>::new());
    // Its economics: OTE 200,000.00, half of it incentive; cost of sales at
    // target 200,000 / 1,000,000.
    let result = calculated(&value);
    assert_eq!(result["economics"]["teams"][0]["ote"], json!("200000.00"));
    assert_eq!(
        result["economics"]["teams"][0]["incentiveShare"],
        json!("0.5")
    );
    assert_eq!(result["economics"]["costOfSales"]["atTarget"], json!("0.2"));
}
