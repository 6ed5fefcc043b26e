//! Solve: what a goal must reach for a team to be paid at least P, checked
//! against answers worked by hand and, on random plans, against its laws.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};
use tandem::{calculate, parse_json, solve, Plan, SolveOptions};

fn answer(plan: &Value, team: &str, goal: &str, payout: &str) -> Value {
    let plan = Plan::from_json_str(&plan.to_string()).unwrap();
    let options = json!({ "team": team, "goal": goal, "payout": payout });
    let options =
        SolveOptions::from_json(&plan, &parse_json(&options.to_string()).unwrap()).unwrap();
    serde_json::to_value(solve(&plan, &options).unwrap()).unwrap()
}

fn example(name: &str) -> Value {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// One goal and one team with weight 1.
fn one(goal: Value, team: Value) -> Value {
    let mut goal = goal;
    goal["id"] = json!("g");
    goal["name"] = json!("Goal");
    let mut team = team;
    team["id"] = json!("t");
    team["name"] = json!("Team");
    team["weights"] = json!({ "g": "1" });
    json!({ "goals": [goal], "teams": [team] })
}

#[test]
fn the_published_example_inverts_a_pro_rata_line() {
    // Shared revenue. Marketing: 60,000 × (0.5a + 0.3 × 1.1 + 0.2 × 0.95)
    // = 30,000a + 31,200 ≥ 60,000 when a ≥ 0.96: New ARR of 1,920,000.
    let shared = example("shared-revenue.json");
    assert_eq!(
        answer(&shared, "marketing", "revenue", "60000"),
        json!({ "attainment": "0.96", "actual": "1920000", "payout": "60000.00" })
    );
    // Sales: 60,000a + 66,000 ≥ 120,000 when a ≥ 0.9: 1,800,000.
    assert_eq!(
        answer(&shared, "sales", "revenue", "120000"),
        json!({ "attainment": "0.9", "actual": "1800000", "payout": "120000.00" })
    );
    // Nothing to reach: at 0 % Sales is still paid 66,000.00 for customers.
    assert_eq!(answer(&shared, "sales", "revenue", "0")["attainment"], "0");
}

#[test]
fn an_accelerated_segment_is_inverted_on_its_own_slope() {
    // Curve (0.8, 0.5) → (1, 1) → (1.5, 2), extended: above target each
    // point pays 2 points of factor. 10,000 × f(a) ≥ 15,000 needs f = 1.5:
    // 1 + (a − 1) × 2 = 1.5, a = 1.25.
    let plan = one(
        json!({ "target": "200", "actual": "100",
                "curve": { "points": [["0.8", "0.5"], ["1", "1"], ["1.5", "2"]], "beyond": "extend" } }),
        json!({ "targetIncentive": "10000.00" }),
    );
    assert_eq!(
        answer(&plan, "t", "g", "15000"),
        json!({ "attainment": "1.25", "actual": "250", "payout": "15000.00" })
    );
}

#[test]
fn a_lower_is_better_goal_is_solved_in_its_result() {
    // Costs: attainment 2 − actual / 100. 10,000 × a ≥ 11,000: a = 1.1,
    // an actual of (2 − 1.1) × 100 = 90.
    let plan = one(
        json!({ "target": "100", "actual": "100", "direction": "lowerIsBetter" }),
        json!({ "targetIncentive": "10000.00" }),
    );
    assert_eq!(
        answer(&plan, "t", "g", "11000"),
        json!({ "attainment": "1.1", "actual": "90", "payout": "11000.00" })
    );
    // At most 200 % (an actual of 0): 20,000.00.
    assert_eq!(
        answer(&plan, "t", "g", "20000.01"),
        json!({ "reachable": false, "maxPayout": "20000.00" })
    );
}

#[test]
fn a_gated_goal_pays_from_its_gate() {
    // The goal pays nothing below 80 % of itself: even a cent needs 80 %.
    let plan = one(
        json!({ "target": "1000", "actual": "0", "gate": { "goal": "g", "min": "0.8" } }),
        json!({ "targetIncentive": "10000.00" }),
    );
    // It jumps from 0.00 to 8,000.00 at the gate: no attainment pays 0.01.
    assert_eq!(
        answer(&plan, "t", "g", "0.01"),
        json!({ "attainment": "0.8", "actual": "800", "payout": "8000.00", "jump": true })
    );
}

#[test]
fn a_step_in_a_curve_is_a_jump_and_a_step_between_grid_points_is_not() {
    // The teaching example with step tiers on Revenue (50 % from 50 %, 80 %
    // from 80 %, 100 % from 100 %, 150 % from 120 %; found by a fresh look).
    // Sales: 45,000 × f + 90,000 × 0.5 × 1.1 = 45,000 f + 49,500 ≥ 90,000
    // needs f ≥ 0.9: the 80 % tier pays 85,500.00, so the first tier enough
    // is 100 % at 100 %, 45,000 + 49,500 = 94,500.00, jumped to.
    let mut plan = example("teaching.json");
    plan["goals"][0]["curve"] = json!({
        "points": [["0.5", "0.5"], ["0.8", "0.8"], ["1", "1"], ["1.2", "1.5"]],
        "interpolation": "step"
    });
    assert_eq!(
        answer(&plan, "sales", "revenue", "90000"),
        json!({ "attainment": "1", "actual": "1200000", "payout": "94500.00", "jump": true })
    );
    // Marketing: 18,000 × f + 36,000 × 0.5 × 0.8 = 18,000 f + 14,400 ≥
    // 36,000 needs f ≥ 1.2: the 150 % tier at 120 %, 27,000 + 14,400.
    assert_eq!(
        answer(&plan, "marketing", "revenue", "36000"),
        json!({ "attainment": "1.2", "actual": "1440000", "payout": "41400.00", "jump": true })
    );
    // Pro rata, the same payout is reached between two grid points: 45,000 a
    // + 49,500 ≥ 90,000 at a = 0.9 exactly, and 90,000.01 at a ≥
    // 0.9000002…, so at 0.9001, paying 45,000 × 0.9001 + 49,500 =
    // 90,004.50: the grid's doing, not a jump.
    let plan = example("teaching.json");
    assert_eq!(
        answer(&plan, "sales", "revenue", "90000.01"),
        json!({ "attainment": "0.9001", "actual": "1080120", "payout": "90004.50" })
    );
}

#[test]
fn a_payout_that_rises_past_the_grid_says_how_far_its_most_goes() {
    // The teaching example, Marketing on Revenue, pro rata without end: at
    // 1,000 % it is paid 36,000 × 0.5 × 10 + 36,000 × 0.5 × 0.8 = 180,000 +
    // 14,400 = 194,400.00, short of 200,000; at 1,200 % it would be paid
    // 230,400.00. The most is the grid's, up to 1,000 % (found by a fresh
    // look: said as the most the team can earn).
    let plan = example("teaching.json");
    assert_eq!(
        answer(&plan, "marketing", "revenue", "200000"),
        json!({ "reachable": false, "maxPayout": "194400.00", "upTo": "10" })
    );
    // A curve that stops at its last point: the most is the plan's.
    let mut capped = plan.clone();
    capped["goals"][0]["curve"] = json!({ "points": [["0", "0"], ["1.5", "2"]] });
    assert_eq!(
        answer(&capped, "marketing", "revenue", "200000"),
        json!({ "reachable": false, "maxPayout": "50400.00" })
    );
}

#[test]
fn a_capped_team_cannot_reach_past_its_cap() {
    let plan = one(
        json!({ "target": "100", "actual": "100" }),
        json!({ "targetIncentive": "10000.00", "cap": "1.5" }),
    );
    assert_eq!(
        answer(&plan, "t", "g", "15000"),
        json!({ "attainment": "1.5", "actual": "150", "payout": "15000.00" })
    );
    assert_eq!(
        answer(&plan, "t", "g", "15000.01"),
        json!({ "reachable": false, "maxPayout": "15000.00" })
    );
}

#[test]
fn a_falling_curve_is_searched_point_by_point() {
    // Up to 100 % and down after: 900 is first reached at 90 %, and no
    // attainment pays more than 1,000.00.
    let plan = one(
        json!({ "target": "100", "actual": "0",
                "curve": { "points": [["0", "0"], ["1", "1"], ["2", "0.5"]] } }),
        json!({ "targetIncentive": "1000.00" }),
    );
    assert_eq!(answer(&plan, "t", "g", "900")["attainment"], "0.9");
    assert_eq!(
        answer(&plan, "t", "g", "1000.01"),
        json!({ "reachable": false, "maxPayout": "1000.00" })
    );
}

#[test]
fn unknown_teams_and_goals_are_errors_at_their_paths() {
    let plan = Plan::from_json_str(&example("shared-revenue.json").to_string()).unwrap();
    let options = parse_json(r#"{ "team": "nobody", "goal": "nothing", "payout": "-1" }"#).unwrap();
    let errors = SolveOptions::from_json(&plan, &options).unwrap_err();
    let paths: Vec<String> = errors.0.iter().map(|e| e.path.to_string()).collect();
    assert_eq!(paths, ["team", "goal", "payout"]);
}

/// The team's payout with the goal's actual set for attainment `a`.
fn payout_at(plan: &Value, a: &str) -> f64 {
    let mut plan = plan.clone();
    let target: f64 = plan["goals"][0]["target"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    // Targets here are whole numbers and `a` has four places: exact in text.
    let actual = rust_decimal::Decimal::from_str_exact(a).unwrap()
        * rust_decimal::Decimal::from(target as i64);
    plan["goals"][0]["actual"] = json!(actual.normalize().to_string());
    let plan = Plan::from_json_str(&plan.to_string()).unwrap();
    calculate(&plan).unwrap().teams[0]
        .payout
        .to_string()
        .parse()
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_answer_pays_p_and_one_step_below_does_not(
        target in 1i64..2000,
        ti in 1i64..100_000,
        curve in 0usize..4,
        cap in proptest::option::of(1u32..30),
        p in 0u32..300,
    ) {
        let curves = [
            json!({ "points": [["0", "0"], ["1", "1"]], "beyond": "extend" }),
            json!({ "points": [["0.8", "0.5"], ["1", "1"], ["1.5", "2"]] }),
            json!({ "points": [["0.5", "0.25"], ["1", "1"], ["1.2", "1.5"]], "interpolation": "step" }),
            json!({ "points": [["0", "0.1"], ["1", "1"], ["1.25", "1.75"]], "beyond": "extend" }),
        ];
        let mut team = json!({ "targetIncentive": format!("{ti}.00") });
        if let Some(cap) = cap {
            team["cap"] = json!(format!("{}", f64::from(cap) / 10.0));
        }
        let plan = one(json!({ "target": target.to_string(), "actual": "0", "curve": curves[curve] }), team);
        // P from 0 to 3 × the target incentive, to the cent.
        let wanted = ti as f64 * f64::from(p) / 100.0;
        let wanted_text = format!("{wanted:.2}");
        let wanted: f64 = wanted_text.parse().unwrap();
        let got = answer(&plan, "t", "g", &wanted_text);
        if got["reachable"] == json!(false) {
            prop_assert!(payout_at(&plan, "10") < wanted, "unreachable although 1000 % pays enough");
        } else {
            let a: f64 = got["attainment"].as_str().unwrap().parse().unwrap();
            let at = got["attainment"].as_str().unwrap();
            prop_assert!(payout_at(&plan, at) >= wanted);
            if a > 0.0 {
                let below = format!("{:.4}", a - 0.0001);
                prop_assert!(payout_at(&plan, &below) < wanted, "one step below {at} already pays");
            }
        }
    }
}
