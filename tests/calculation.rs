//! The calculation, step by step, with inputs and expectations as decimal
//! strings; and the published worked examples.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use tandem::{calculate, Plan, Report};

fn report(plan: Value) -> Report {
    let plan = Plan::from_json_str(&plan.to_string()).expect("valid plan");
    calculate(&plan).expect("calculates")
}

fn result(plan: Value) -> Value {
    serde_json::to_value(report(plan)).unwrap()
}

/// `base` with the fields of `extra` set on it.
fn merged(mut base: Value, extra: &Value) -> Value {
    for (key, value) in extra.as_object().unwrap() {
        base[key] = value.clone();
    }
    base
}

/// A plan with one goal per (target, actual) and one weighted team.
fn one_team(goals: &[(&str, &str)], weights: &[&str], team: Value) -> Value {
    let goals: Vec<Value> = goals
        .iter()
        .enumerate()
        .map(|(i, (target, actual))| {
            json!({ "id": format!("g{i}"), "name": format!("Goal {i}"), "target": target, "actual": actual })
        })
        .collect();
    let weights: serde_json::Map<String, Value> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| (format!("g{i}"), json!(w)))
        .collect();
    let base = json!({ "id": "t", "name": "Team", "targetIncentive": "0", "weights": weights });
    json!({ "goals": goals, "teams": [merged(base, &team)] })
}

#[test]
fn published_example_weighted_50_30_20() {
    let cases = [
        (["110", "70", "110"], "22050.00"),
        (["100", "120", "100"], "23850.00"),
    ];
    for (actuals, payout) in cases {
        let goals: Vec<(&str, &str)> = actuals.iter().map(|a| ("100", *a)).collect();
        let plan = one_team(
            &goals,
            &["0.5", "0.3", "0.2"],
            json!({ "targetIncentive": "22500" }),
        );
        assert_eq!(result(plan)["teams"][0]["payout"], payout, "{actuals:?}");
    }
}

#[test]
fn published_example_company_modifier() {
    let plan = json!({
        "goals": [
            { "id": "individual", "name": "Individual quota", "target": "100", "actual": "150" },
            { "id": "company", "name": "Company revenue", "target": "100", "actual": "125" }
        ],
        "teams": [{
            "id": "rep", "name": "Rep", "targetIncentive": "10000",
            "weights": { "individual": "1" },
            "modifiers": [{ "goal": "company", "curve": { "points": [["0", "0"], ["1", "1"]], "beyond": "extend" } }]
        }]
    });
    let r = result(plan);
    assert_eq!(r["teams"][0]["subtotal"], "15000.00");
    assert_eq!(r["teams"][0]["modifier"], "1.25");
    assert_eq!(r["teams"][0]["payout"], "18750.00");
}

#[test]
fn attainment_both_directions() {
    let cases = [
        ("higherIsBetter", "100", "92.5", "0.925"),
        ("higherIsBetter", "3", "1", "0.3333333333333333333333333333"),
        ("higherIsBetter", "100", "0", "0"),
        ("lowerIsBetter", "8", "8", "1"),
        ("lowerIsBetter", "8", "7", "1.125"),
        ("lowerIsBetter", "100", "110", "0.9"),
        ("lowerIsBetter", "100", "0", "2"),
        ("lowerIsBetter", "100", "250", "0"),
    ];
    for (direction, target, actual, attainment) in cases {
        let plan = json!({
            "goals": [{ "id": "g", "name": "G", "target": target, "actual": actual, "direction": direction }],
            "teams": [{ "id": "t", "name": "T", "targetIncentive": "0", "weights": { "g": "1" } }]
        });
        assert_eq!(
            result(plan)["goals"][0]["attainment"],
            attainment,
            "{direction} {actual}/{target}"
        );
    }
}

#[test]
fn goal_curve_turns_attainment_into_factor() {
    let threshold = json!({ "points": [["0.8", "0.5"], ["1", "1"], ["1.5", "2"]] });
    let step = json!({ "points": [["0.5", "0.5"], ["1", "1"]], "interpolation": "step" });
    let cases = [
        (&threshold, "79", "0"),
        (&threshold, "80", "0.5"),
        (&threshold, "90", "0.75"),
        (&threshold, "125", "1.5"),
        (&threshold, "300", "2"),
        (&step, "99", "0.5"),
        (&step, "140", "1"),
    ];
    for (curve, actual, factor) in cases {
        let plan = json!({
            "goals": [{ "id": "g", "name": "G", "target": "100", "actual": actual, "curve": curve }],
            "teams": [{ "id": "t", "name": "T", "targetIncentive": "1000", "weights": { "g": "1" } }]
        });
        assert_eq!(result(plan)["goals"][0]["factor"], factor, "{actual}");
    }
}

#[test]
fn goal_gate_zeroes_the_factor() {
    let cases = [
        ("89.99", true, "0", "0.00"),
        ("90", false, "1.2", "1200.00"),
    ];
    for (gate_actual, gated, factor, amount) in cases {
        let plan = json!({
            "goals": [
                { "id": "bonus", "name": "Bonus goal", "target": "100", "actual": "120",
                  "gate": { "goal": "revenue", "min": "0.9" } },
                { "id": "revenue", "name": "Revenue", "target": "100", "actual": gate_actual }
            ],
            "teams": [{ "id": "t", "name": "T", "targetIncentive": "1000", "weights": { "bonus": "1" } }]
        });
        let r = result(plan);
        assert_eq!(r["goals"][0]["gated"], gated);
        assert_eq!(r["goals"][0]["factor"], factor);
        assert_eq!(r["teams"][0]["lines"][0]["amount"], amount);
    }
}

#[test]
fn weighted_lines_round_each_amount() {
    // 1000 × 1/3 × 1 = 333.333… per line; each line rounds, the subtotal sums lines.
    let plan = one_team(
        &[("3", "3"), ("3", "3"), ("3", "3")],
        &["0.3333333333", "0.3333333333", "0.3333333334"],
        json!({ "targetIncentive": "1000" }),
    );
    let r = result(plan);
    let lines = r["teams"][0]["lines"].as_array().unwrap();
    let amounts: Vec<&str> = lines
        .iter()
        .map(|l| l["amount"].as_str().unwrap())
        .collect();
    assert_eq!(amounts, ["333.33", "333.33", "333.33"]);
    assert_eq!(r["teams"][0]["subtotal"], "999.99");
    assert_eq!(lines[0]["atTarget"], "333.33");
}

#[test]
fn zero_weight_goals_have_no_line() {
    let plan = one_team(
        &[("1", "1"), ("1", "1")],
        &["1", "0"],
        json!({ "targetIncentive": "10" }),
    );
    let r = result(plan);
    assert_eq!(r["teams"][0]["lines"].as_array().unwrap().len(), 1);
}

#[test]
fn rounding_modes_apply_to_money() {
    // 0.125 × 1 pays 0.125: each mode rounds it its own way.
    let cases = [("halfUp", "0.13"), ("halfEven", "0.12"), ("down", "0.12")];
    for (rounding, payout) in cases {
        let mut plan = one_team(&[("1", "1")], &["0.125"], json!({ "targetIncentive": "1" }));
        plan["rounding"] = json!(rounding);
        assert_eq!(result(plan)["teams"][0]["payout"], payout, "{rounding}");
    }
}

#[test]
fn currency_sets_the_places() {
    let cases = [
        ("USD", None, "1234.50"),
        ("JPY", None, "1235"),
        ("KWD", None, "1234.500"),
        ("USD", Some(0), "1235"),
    ];
    for (currency, decimals, payout) in cases {
        let mut plan = one_team(&[("2", "1")], &["1"], json!({ "targetIncentive": "2469" }));
        plan["currency"] = json!(currency);
        if let Some(decimals) = decimals {
            plan["decimals"] = json!(decimals);
        }
        assert_eq!(result(plan)["teams"][0]["payout"], payout, "{currency}");
    }
}

#[test]
fn blended_team_runs_the_sum_through_its_curve() {
    let plan = one_team(
        &[("100", "120"), ("100", "80")],
        &["0.5", "0.5"],
        json!({
            "targetIncentive": "1000", "method": "blended",
            "curve": { "points": [["0.9", "0.5"], ["1", "1"], ["1.2", "2"]] }
        }),
    );
    let r = result(plan);
    let team = &r["teams"][0];
    assert_eq!(team["blendedAttainment"], "1");
    assert_eq!(team["subtotal"], "1000.00");
    assert_eq!(team["lines"], json!([]));
    assert_eq!(team["sharedPayout"], Value::Null);
}

#[test]
fn blended_team_ignores_goal_gates() {
    let plan = json!({
        "goals": [
            { "id": "a", "name": "A", "target": "100", "actual": "100", "gate": { "goal": "b", "min": "1" } },
            { "id": "b", "name": "B", "target": "100", "actual": "50" }
        ],
        "teams": [{ "id": "t", "name": "T", "targetIncentive": "100", "weights": { "a": "1" },
                    "method": "blended", "curve": { "points": [["0", "0"], ["1", "1"]] } }]
    });
    let r = result(plan);
    assert_eq!(r["goals"][0]["gated"], true);
    assert_eq!(r["teams"][0]["payout"], "100.00");
}

#[test]
fn modifiers_multiply_and_round_once() {
    let kicker = json!({ "points": [["0", "0.9"], ["1", "1"], ["1.2", "1.1"]] });
    let cases = [
        ("100", "1", "1000.00"),
        ("110", "1.05", "1050.00"),
        ("50", "0.95", "950.00"),
    ];
    for (actual, modifier, payout) in cases {
        let plan = with_company(
            actual,
            json!({ "modifiers": [{ "goal": "co", "curve": kicker }] }),
        );
        let r = result(plan);
        assert_eq!(r["teams"][0]["modifier"], modifier, "{actual}");
        assert_eq!(r["teams"][0]["payout"], payout, "{actual}");
    }
}

#[test]
fn team_gate_pays_nothing_when_missed() {
    // (company actual, gated, capped, payout): the gate comes before the cap.
    let cases = [("74", true, false, "0.00"), ("75", false, true, "500.00")];
    for (actual, gated, capped, payout) in cases {
        let team = json!({ "gate": { "goal": "co", "min": "0.75" }, "cap": "0.5" });
        let r = result(with_company(actual, team));
        assert_eq!(r["teams"][0]["gated"], gated, "{actual}");
        assert_eq!(r["teams"][0]["capped"], capped, "{actual}");
        assert_eq!(r["teams"][0]["payout"], payout, "{actual}");
    }
}

/// One team paid 1,000 on its own goal (at 100 %), with `team`'s fields
/// added, and a company goal "co" at `actual` of 100.
fn with_company(actual: &str, team: Value) -> Value {
    let base =
        json!({ "id": "t", "name": "T", "targetIncentive": "1000", "weights": { "own": "1" } });
    let t = merged(base, &team);
    json!({
        "goals": [
            { "id": "own", "name": "Own", "target": "1", "actual": "1" },
            { "id": "co", "name": "Company", "target": "100", "actual": actual }
        ],
        "teams": [t]
    })
}

#[test]
fn cap_limits_the_payout() {
    let cases = [
        ("150", "1.5", false, "1500.00"),
        ("151", "1.5", true, "1500.00"),
        ("300", "0", true, "0.00"),
    ];
    for (actual, cap, capped, payout) in cases {
        let plan = one_team(
            &[("100", actual)],
            &["1"],
            json!({ "targetIncentive": "1000", "cap": cap }),
        );
        let r = result(plan);
        assert_eq!(r["teams"][0]["capped"], capped, "{actual} cap {cap}");
        assert_eq!(r["teams"][0]["payout"], payout, "{actual} cap {cap}");
    }
}

#[test]
fn members_split_to_the_cent() {
    let cases: [(&str, [&str; 3], [&str; 3]); 4] = [
        // 333.33 is 33,333 cents: 11,111 each.
        ("333.33", ["1", "1", "1"], ["111.11", "111.11", "111.11"]),
        // 10,000 cents: 3,333 each and one left, to the first listed.
        ("100", ["1", "1", "1"], ["33.34", "33.33", "33.33"]),
        ("100", ["0.5", "0.25", "0.25"], ["50.00", "25.00", "25.00"]),
        // 1,000 cents by 1:2:4: 142.86, 285.71 and 571.43 are owed; the two cents
        // left go to the two largest remainders.
        ("10", ["1", "2", "4"], ["1.43", "2.86", "5.71"]),
    ];
    for (payout, shares, expected) in cases {
        let members: Vec<Value> = shares
            .iter()
            .enumerate()
            .map(|(i, s)| json!({ "name": format!("M{i}"), "share": s }))
            .collect();
        let plan = one_team(
            &[("1", "1")],
            &["1"],
            json!({ "targetIncentive": payout, "members": members }),
        );
        let r = result(plan);
        let payouts: Vec<&str> = r["teams"][0]["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["payout"].as_str().unwrap())
            .collect();
        assert_eq!(payouts, expected, "{payout} by {shares:?}");
    }
}

#[test]
fn split_sums_to_one_in_ten_thousandths() {
    let plan = json!({
        "goals": [{ "id": "g", "name": "G", "target": "1", "actual": "1" }],
        "teams": [
            { "id": "a", "name": "A", "targetIncentive": "100", "weights": { "g": "1" } },
            { "id": "b", "name": "B", "targetIncentive": "100", "weights": { "g": "1" } },
            { "id": "c", "name": "C", "targetIncentive": "100", "weights": { "g": "1" } }
        ]
    });
    let r = result(plan);
    assert_eq!(
        r["split"],
        json!([
            { "team": "a", "share": "0.3334" },
            { "team": "b", "share": "0.3333" },
            { "team": "c", "share": "0.3333" }
        ])
    );
    assert_eq!(r["total"]["payout"], "300.00");
    assert_eq!(r["total"]["payoutRatio"], "1");
}

#[test]
fn split_is_all_zero_when_nothing_is_paid() {
    let plan = json!({
        "goals": [{ "id": "g", "name": "G", "target": "1", "actual": "0" }],
        "teams": [
            { "id": "a", "name": "A", "targetIncentive": "0", "weights": { "g": "1" } },
            { "id": "b", "name": "B", "targetIncentive": "100", "weights": { "g": "1" } }
        ]
    });
    let r = result(plan);
    assert_eq!(
        r["split"],
        json!([{ "team": "a", "share": "0" }, { "team": "b", "share": "0" }])
    );
    assert_eq!(r["teams"][0]["payoutRatio"], Value::Null);
    assert_eq!(r["teams"][1]["payoutRatio"], "0");
}

#[test]
fn shared_stake_and_shared_payout() {
    let r = result(serde_json::from_str(include_str!("../examples/shared-revenue.json")).unwrap());
    assert_eq!(r["goals"][0]["shared"], true);
    assert_eq!(r["goals"][1]["shared"], false);
    assert_eq!(r["teams"][0]["sharedStake"], "0.5");
    assert_eq!(r["teams"][0]["sharedPayout"], "55500.00");
    assert_eq!(r["teams"][1]["sharedStake"], "0.5");
    assert_eq!(r["teams"][1]["sharedPayout"], "27750.00");
    assert_eq!(r["total"]["payout"], "180450.00");
}

#[test]
fn warnings_name_their_code_and_path() {
    let siloed = result(serde_json::from_str(include_str!("../examples/siloed.json")).unwrap());
    assert_eq!(siloed["warnings"][0]["code"], "noSharedGoal");

    let plan = json!({
        "goals": [
            { "id": "shared", "name": "Shared", "target": "1", "actual": "1" },
            { "id": "own", "name": "Own", "target": "1", "actual": "1",
              "curve": { "points": [["1.1", "1"]] } },
            { "id": "nobody", "name": "Nobody's", "target": "1", "actual": "1" },
            { "id": "solo", "name": "Solo", "target": "1", "actual": "1" }
        ],
        "teams": [
            { "id": "a", "name": "A", "targetIncentive": "1", "weights": { "shared": "0.5", "own": "0.4" } },
            { "id": "b", "name": "B", "targetIncentive": "1", "weights": { "shared": "1" } },
            { "id": "c", "name": "C", "targetIncentive": "1", "weights": { "solo": "1" } }
        ]
    });
    let r = result(plan);
    let found: Vec<(String, String)> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["code"].as_str().unwrap().to_owned(),
                w["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("thresholdAboveTarget", "goals[1].curve.points[0]"),
        ("goalUnweighted", "goals[2]"),
        ("weightsNotOne", "teams[0].weights"),
        ("teamNotShared", "teams[2].weights"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(c, p)| (c.to_string(), p.to_string()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn money_always_carries_the_plans_places() {
    let r = result(serde_json::from_str(include_str!("../examples/gates-modifiers.json")).unwrap());
    for team in r["teams"].as_array().unwrap() {
        for field in ["targetIncentive", "subtotal", "payout"] {
            let text = team[field].as_str().unwrap();
            assert_eq!(
                text.split_once('.').map(|(_, f)| f.len()),
                Some(2),
                "{field} {text}"
            );
        }
    }
    assert_eq!(r["teams"][0]["capped"], true);
    assert_eq!(r["teams"][0]["payout"], "150000.00");
    assert_eq!(r["goals"][2]["gated"], true);
}

#[test]
fn extreme_inputs_calculate_exactly() {
    // Attainment 10^56 − 10^28: far past 128 bits, still exact.
    let plan = one_team(
        &[(
            "0.0000000000000000000000000001",
            "9999999999999999999999999999",
        )],
        &["1"],
        json!({ "targetIncentive": "0" }),
    );
    let r = result(plan);
    let big = format!("9999999999999999999999999999{}", "0".repeat(28));
    assert_eq!(r["goals"][0]["attainment"], big.as_str());
    assert_eq!(r["teams"][0]["payout"], "0.00");
}

#[test]
fn money_beyond_28_digits_is_an_error_with_a_path() {
    let plan = one_team(
        &[("1", "9999999999999999999999999999")],
        &["1"],
        json!({ "targetIncentive": "9999999999999999999999999999" }),
    );
    let plan = Plan::from_json_str(&plan.to_string()).unwrap();
    let errors = calculate(&plan).unwrap_err();
    assert_eq!(errors.0[0].path, "teams[0].weights.g0");
}

#[test]
fn sweep_steps_evenly_and_ignores_the_actual() {
    let plan = Plan::from_json_str(include_str!("../examples/shared-revenue.json")).unwrap();
    let options = tandem::Json::Object(vec![
        ("goal".into(), tandem::Json::String("revenue".into())),
        ("from".into(), tandem::Json::String("0".into())),
        ("to".into(), tandem::Json::String("1.5".into())),
        ("steps".into(), tandem::Json::Number("4".into())),
    ]);
    let options = tandem::SweepOptions::from_json(&plan, &options).unwrap();
    let points = serde_json::to_value(tandem::sweep(&plan, &options).unwrap()).unwrap();
    let attainments: Vec<&str> = points
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["attainment"].as_str().unwrap())
        .collect();
    assert_eq!(attainments, ["0", "0.5", "1", "1.5"]);
    // At 100 % revenue: Sales 60,000 + 66,000; Marketing 30,000 + 19,800 + 11,400.
    assert_eq!(
        points[2]["teams"][0],
        json!({ "id": "sales", "payout": "126000.00" })
    );
    assert_eq!(
        points[2]["teams"][1],
        json!({ "id": "marketing", "payout": "61200.00" })
    );
    assert_eq!(points[2]["total"], "187200.00");
}

#[test]
fn the_workings_carry_the_exact_values_a_statement_shows() {
    // 1,000,000 of 1,200,000 is 5/6; 90,000.00 × 0.5 × 5/6 = 37,500 exactly,
    // and 100.05 × 0.5 × 5/6 = 41.6875 before it rounds to 41.69.
    let plan = json!({
        "goals": [
            { "id": "arr", "name": "New ARR", "target": "1200000", "actual": "1000000" },
            { "id": "nps", "name": "NPS", "target": "50", "actual": "40",
              "gate": { "goal": "arr", "min": "0.9" } }
        ],
        "teams": [
            { "id": "sales", "name": "Sales", "targetIncentive": "90000.00",
              "weights": { "arr": "0.5", "nps": "0.3" }, "cap": "0.4",
              "gate": { "goal": "arr", "min": "0.8" },
              "modifiers": [{ "goal": "arr", "curve": { "points": [["0", "0"], ["1", "1"]] } }] },
            { "id": "ops", "name": "Ops", "targetIncentive": "100.05", "weights": { "arr": "0.5" } }
        ]
    });
    let lean = result(plan.clone());
    assert_eq!(lean["teams"][0]["lines"][0].get("exact"), None);
    assert_eq!(lean["teams"][0].get("gate"), None);
    let plan = Plan::from_json_str(&plan.to_string()).unwrap();
    let r = serde_json::to_value(tandem::calculate_with_workings(&plan).unwrap()).unwrap();
    let sales = &r["teams"][0];
    assert_eq!(sales["lines"][0]["exact"], "37500");
    assert_eq!(sales["lines"][0]["amount"], "37500.00");
    // The NPS goal is gated: 5/6 misses 0.9 by 1/15.
    assert_eq!(
        r["goals"][1]["gate"],
        json!({ "goal": "arr", "min": "0.9", "attainment": "0.8333333333333333333333333333",
                "met": false, "margin": "-0.06666666666666666666666666667" })
    );
    assert_eq!(sales["lines"][1]["exact"], "0");
    // Subtotal 37,500.00 × modifier 5/6 = 31,250 exactly; the cap is
    // 0.4 × 90,000 = 36,000, which does not bite.
    assert_eq!(sales["afterModifiersExact"], "31250");
    assert_eq!(sales["capExact"], "36000");
    assert_eq!(sales["capped"], false);
    // The team gate: 5/6 meets 0.8 by 1/30.
    assert_eq!(sales["gate"]["met"], true);
    assert_eq!(sales["gate"]["margin"], "0.03333333333333333333333333333");
    assert_eq!(sales["weightSum"], "0.8");
    assert_eq!(r["teams"][1]["lines"][0]["exact"], "41.6875");
    assert_eq!(r["teams"][1]["lines"][0]["amount"], "41.69");
    assert_eq!(r["teams"][1].get("gate"), None);
    assert_eq!(r["teams"][1].get("capExact"), None);
}
