//! Exact to the cent in every rounding mode: adversarial cases worked by
//! hand, where cutting a value to 28 digits before rounding goes wrong.
//!
//! Each case states the exact value of the money figure as a fraction and
//! what each rounding mode makes of it. A core that cut 5/6 to
//! 0.8333333333333333333333333333 first would pay 37,499.99 in the first
//! case when rounding down, and miss in every other case at least once.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use tandem::{calculate, Plan};

const MODES: [&str; 3] = ["halfUp", "halfEven", "down"];

/// The plan's result as JSON, with `rounding` set.
fn result(mut plan: Value, rounding: &str) -> Value {
    plan["rounding"] = json!(rounding);
    let plan = Plan::from_json_str(&plan.to_string()).expect("valid plan");
    serde_json::to_value(calculate(&plan).expect("calculates")).unwrap()
}

/// One goal and one weighted team.
fn one_goal(goal: Value, target_incentive: &str, weight: &str) -> Value {
    let mut goal = goal;
    goal["id"] = json!("g");
    goal["name"] = json!("Goal");
    json!({
        "goals": [goal],
        "teams": [{ "id": "t", "name": "Team", "targetIncentive": target_incentive, "weights": { "g": weight } }]
    })
}

/// Checks team 0's payout in each rounding mode: `[halfUp, halfEven, down]`.
fn pays(plan: &Value, expected: [&str; 3], case: &str) {
    for (mode, payout) in MODES.iter().zip(expected) {
        let r = result(plan.clone(), mode);
        assert_eq!(r["teams"][0]["payout"], payout, "{case}, {mode}");
    }
}

#[test]
fn five_sixths_of_the_target_pays_37_500_in_every_mode() {
    // 1,000,000 / 1,200,000 = 5/6; 90,000.00 × 0.5 × 5/6 = 37,500 exactly.
    let plan = one_goal(
        json!({ "target": "1200000", "actual": "1000000" }),
        "90000.00",
        "0.5",
    );
    pays(&plan, ["37500.00", "37500.00", "37500.00"], "5/6");
    assert_eq!(
        result(plan, "down")["goals"][0]["attainment"],
        "0.8333333333333333333333333333"
    );
}

#[test]
fn half_cent_ties_through_thirds() {
    // 1/3 attainment; 100.05 × 0.5 / 3 = 16.675 exactly: a tie, last kept digit odd.
    let odd = one_goal(json!({ "target": "3", "actual": "1" }), "100.05", "0.5");
    pays(&odd, ["16.68", "16.68", "16.67"], "16.675");
    // 99.99 × 0.5 / 3 = 16.665 exactly: a tie, last kept digit even.
    let even = one_goal(json!({ "target": "3", "actual": "1" }), "99.99", "0.5");
    pays(&even, ["16.67", "16.66", "16.66"], "16.665");
}

#[test]
fn half_cent_ties_through_sevenths() {
    // 1/7 attainment; 140.07 × 0.5 / 7 = 70.035 / 7 = 10.005 exactly. Cut to
    // 28 digits, 1/7 is 0.1428571428571428571428571429, a little above, and
    // half-even would wrongly round up.
    let plan = one_goal(json!({ "target": "7", "actual": "1" }), "140.07", "0.5");
    pays(&plan, ["10.01", "10.00", "10.00"], "10.005");
}

#[test]
fn lower_is_better_at_two_minus_five_sixths() {
    // 2 − 1,000,000 / 1,200,000 = 7/6; 1,800.18 × 0.5 × 7/6 = 900.09 × 7/6
    // = 6,300.63 / 6 = 1,050.105 exactly. Cut, 7/6 is 1.166…667, above.
    let plan = one_goal(
        json!({ "target": "1200000", "actual": "1000000", "direction": "lowerIsBetter" }),
        "1800.18",
        "0.5",
    );
    pays(&plan, ["1050.11", "1050.10", "1050.10"], "1,050.105");
    // 2 − 2/3 = 4/3; 90,000.00 × 0.5 × 4/3 = 60,000 exactly. Cut, 2/3 is
    // 0.666…67, a little above, 4/3 a little below, and rounding down pays
    // 59,999.99.
    let plan = one_goal(
        json!({ "target": "3", "actual": "2", "direction": "lowerIsBetter" }),
        "90000.00",
        "0.5",
    );
    pays(&plan, ["60000.00", "60000.00", "60000.00"], "4/3");
}

#[test]
fn interpolated_segment_entered_at_a_third() {
    // Attainment 5/6 on the segment (0.5, 0) → (1, 1): a − a₀ = 1/3, so the
    // factor is (1/3) / (1/2) = 2/3, and 90,000.00 × 0.5 × 2/3 = 30,000 exactly.
    let plan = one_goal(
        json!({ "target": "1200000", "actual": "1000000",
                "curve": { "points": [["0.5", "0"], ["1", "1"]] } }),
        "90000.00",
        "0.5",
    );
    pays(&plan, ["30000.00", "30000.00", "30000.00"], "2/3");
}

#[test]
fn blended_team_over_thirds_reaches_its_threshold() {
    // Three goals at 1/3 each, weight 1 each: blended attainment exactly 1,
    // which is the team curve's threshold, so it pays 60,000.00 × 1. Cut to
    // 28 digits the sum is 0.999…9, below the threshold, and pays nothing.
    let goals: Vec<Value> = (0..3)
        .map(|i| json!({ "id": format!("g{i}"), "name": format!("Goal {i}"), "target": "3", "actual": "1" }))
        .collect();
    let plan = json!({
        "goals": goals,
        "teams": [{
            "id": "t", "name": "Team", "targetIncentive": "60000.00",
            "weights": { "g0": "1", "g1": "1", "g2": "1" },
            "method": "blended",
            "curve": { "points": [["1", "1"], ["2", "2"]] }
        }]
    });
    pays(&plan, ["60000.00", "60000.00", "60000.00"], "blended 1");
    assert_eq!(result(plan, "down")["teams"][0]["blendedAttainment"], "1");
}

#[test]
fn two_modifiers_whose_product_is_exact_only_as_a_fraction() {
    // Subtotal 60,000.00; modifiers 1/3 (a third of target, pro-rata) and 3
    // (three times target, pro-rata, extended): the product is exactly 1.
    // Cut, 0.333…3 × 3 = 0.999…9 and rounding down pays 59,999.99.
    let pro_rata = json!({ "points": [["0", "0"], ["1", "1"]], "beyond": "extend" });
    let plan = json!({
        "goals": [
            { "id": "base", "name": "Base", "target": "100", "actual": "100" },
            { "id": "third", "name": "Third", "target": "3", "actual": "1" },
            { "id": "triple", "name": "Triple", "target": "1", "actual": "3" }
        ],
        "teams": [{
            "id": "t", "name": "Team", "targetIncentive": "60000.00", "weights": { "base": "1" },
            "modifiers": [{ "goal": "third", "curve": pro_rata }, { "goal": "triple", "curve": pro_rata }]
        }]
    });
    pays(&plan, ["60000.00", "60000.00", "60000.00"], "1/3 × 3");
    assert_eq!(result(plan, "down")["teams"][0]["modifier"], "1");
}

#[test]
fn gates_compare_exact_attainments() {
    // (actual, target, minimum, met): 0.925 meets a minimum of exactly 0.925
    // and misses one a ten-octillionth above; 2/3 misses
    // 0.6666666666666666666666666667 (which a cut 2/3 would equal) and
    // meets 0.6666666666666666666666666666.
    let cases = [
        ("1850000", "2000000", "0.925", true),
        (
            "1850000",
            "2000000",
            "0.9250000000000000000000000001",
            false,
        ),
        ("2", "3", "0.6666666666666666666666666667", false),
        ("2", "3", "0.6666666666666666666666666666", true),
    ];
    for (actual, target, min, met) in cases {
        let mut plan = one_goal(
            json!({ "target": target, "actual": actual }),
            "1000.00",
            "1",
        );
        plan["teams"][0]["gate"] = json!({ "goal": "g", "min": min });
        for mode in MODES {
            let r = result(plan.clone(), mode);
            assert_eq!(
                r["teams"][0]["gated"], !met,
                "{actual}/{target} against {min}"
            );
            let paid = r["teams"][0]["payout"] != "0.00";
            assert_eq!(paid, met, "{actual}/{target} against {min}");
        }
    }
}

#[test]
fn a_cap_that_equals_the_payout_does_not_bite() {
    // 7/6 of target × 60,000.00 = 70,000 exactly. A cap of 7/6 written to 28
    // digits is 70,000.000…02 before rounding: equal to the payout once
    // rounded, so the payout stands and is not marked capped.
    let mut plan = one_goal(json!({ "target": "6", "actual": "7" }), "60000.00", "1");
    plan["teams"][0]["cap"] = json!("1.166666666666666666666666667");
    for mode in MODES {
        let r = result(plan.clone(), mode);
        assert_eq!(r["teams"][0]["payout"], "70000.00", "{mode}");
        assert_eq!(r["teams"][0]["capped"], false, "{mode}");
    }
    // 1.2 × 50,000.00 = 60,000.00 against a cap of exactly 1.2: not capped;
    // a cap of 1.1999 (59,995.00) bites.
    for (cap, payout, capped) in [("1.2", "60000.00", false), ("1.1999", "59995.00", true)] {
        let mut plan = one_goal(json!({ "target": "100", "actual": "120" }), "50000.00", "1");
        plan["teams"][0]["cap"] = json!(cap);
        let r = result(plan, "halfUp");
        assert_eq!(r["teams"][0]["payout"], payout, "cap {cap}");
        assert_eq!(r["teams"][0]["capped"], capped, "cap {cap}");
    }
}

#[test]
fn members_split_an_exact_payout_to_the_cent() {
    // 37,500.00 split three ways: 12,500.00 each, in every mode.
    let mut plan = one_goal(
        json!({ "target": "1200000", "actual": "1000000" }),
        "90000.00",
        "0.5",
    );
    plan["teams"][0]["members"] = json!([
        { "name": "A", "share": "1" }, { "name": "B", "share": "1" }, { "name": "C", "share": "1" }
    ]);
    for mode in MODES {
        let r = result(plan.clone(), mode);
        let members: Vec<&str> = r["teams"][0]["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["payout"].as_str().unwrap())
            .collect();
        assert_eq!(members, ["12500.00", "12500.00", "12500.00"], "{mode}");
    }
}

#[test]
fn a_sweep_point_at_five_sixths_pays_exactly() {
    // Seven points from 0 to 1 are 0, 1/6, …, 1: point 5 is exactly 5/6,
    // and pays 37,500.00 when rounding down.
    let mut plan = one_goal(
        json!({ "target": "1200000", "actual": "0" }),
        "90000.00",
        "0.5",
    );
    plan["rounding"] = json!("down");
    let plan = Plan::from_json_str(&plan.to_string()).unwrap();
    let options = tandem::parse_json(r#"{ "goal": "g", "from": "0", "to": "1", "steps": 7 }"#);
    let options = tandem::SweepOptions::from_json(&plan, &options.unwrap()).unwrap();
    let points = tandem::sweep(&plan, &options).unwrap();
    assert_eq!(
        points[5].attainment.to_significant(28),
        "0.8333333333333333333333333333"
    );
    assert_eq!(points[5].teams[0].payout.to_string(), "37500.00");
}

#[test]
fn members_with_shares_28_digits_apart_split_exactly() {
    // Shares 10^-28 and 10^28 − 1: as whole numbers with one scale they need
    // 56 digits, past 128 bits. 100.00 goes all to the second member, to the
    // cent; a third member with the same tiny share changes nothing.
    let mut plan = one_goal(json!({ "target": "1", "actual": "1" }), "100.00", "1");
    plan["teams"][0]["members"] = json!([
        { "name": "Tiny", "share": "0.0000000000000000000000000001" },
        { "name": "Huge", "share": "9999999999999999999999999999" },
        { "name": "Tiny too", "share": "0.0000000000000000000000000001" }
    ]);
    let r = result(plan, "halfUp");
    let paid: Vec<&str> = r["teams"][0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["payout"].as_str().unwrap())
        .collect();
    assert_eq!(paid, ["0.00", "100.00", "0.00"]);
}
