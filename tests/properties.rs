//! Laws the calculation keeps on any plan: exact splits, caps that hold,
//! gates that pay nothing, payouts that never fall as results rise, and no
//! panic on any input.
#![cfg(not(target_arch = "wasm32"))]

use std::borrow::Cow;

use proptest::prelude::*;
use serde_json::{json, Value};
use tandem::{calculate, Decimal, Exact, Json, Plan, Report};

/// A non-negative decimal with up to `places` places, as a string.
fn decimal(max: i64, places: u32) -> impl Strategy<Value = String> {
    (0..=max, 0..=places).prop_map(|(m, s)| Decimal::new(m, s).to_string())
}

/// A curve; with `rising`, its factors never fall.
fn curve(rising: bool) -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((1i64..80, 0i64..150), 1..5),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(move |(steps, step, extend)| {
            let mut a = Decimal::ZERO;
            let mut f = Decimal::ZERO;
            let points: Vec<Value> = steps
                .iter()
                .enumerate()
                .map(|(i, &(da, df))| {
                    a += if i == 0 {
                        Decimal::new(da - 1, 2)
                    } else {
                        Decimal::new(da, 2)
                    };
                    let df = Decimal::new(df, 2);
                    f = if rising { f + df } else { df };
                    json!([a.to_string(), f.to_string()])
                })
                .collect();
            let extendable = points.len() >= 2 && !step;
            json!({
                "points": points,
                "interpolation": if step { "step" } else { "linear" },
                "beyond": if extend && extendable { "extend" } else { "cap" },
            })
        })
}

fn optional<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop_oneof![Just(None), s.prop_map(Some)].boxed()
}

/// A plan with 1 to 5 goals and 1 to 4 teams; with `rising`, every curve
/// rises or stays flat.
fn plan(rising: bool) -> impl Strategy<Value = Value> {
    (1usize..=5, 1usize..=4).prop_flat_map(move |(goals, teams)| {
        let goal = (
            decimal(100_000, 2).prop_filter("target above zero", |t| t.parse::<Decimal>().unwrap() > Decimal::ZERO),
            decimal(200_000, 2),
            any::<bool>(),
            optional(curve(rising)),
            optional((0..goals, decimal(150, 2))),
        );
        let team = (
            decimal(10_000_000, 2),
            prop::collection::vec(optional(decimal(100, 2)), goals),
            optional(curve(rising)),
            prop::collection::vec((0..goals, curve(rising)), 0..3),
            optional((0..goals, decimal(150, 2))),
            optional(decimal(300, 2)),
            prop::collection::vec(decimal(500, 3), 0..6),
        );
        (
            prop::collection::vec(goal, goals),
            prop::collection::vec(team, teams),
            prop_oneof![Just("halfUp"), Just("halfEven"), Just("down")],
            0u32..=4,
        )
            .prop_map(move |(goals, teams, rounding, decimals)| {
                let goals: Vec<Value> = goals
                    .into_iter()
                    .enumerate()
                    .map(|(i, (target, actual, lower, curve, gate))| {
                        let mut g = json!({
                            "id": format!("g{i}"), "name": format!("Goal {i}"),
                            "target": target, "actual": actual,
                            "direction": if lower && !rising { "lowerIsBetter" } else { "higherIsBetter" },
                        });
                        if let Some(curve) = curve {
                            g["curve"] = curve;
                        }
                        if let Some((goal, min)) = gate {
                            g["gate"] = json!({ "goal": format!("g{goal}"), "min": min });
                        }
                        g
                    })
                    .collect();
                let teams: Vec<Value> = teams
                    .into_iter()
                    .enumerate()
                    .map(|(i, (ti, weights, blended, modifiers, gate, cap, members))| {
                        // Whole-unit target incentives fit every number of places.
                        let ti = ti.split('.').next().unwrap_or("0").to_owned();
                        let weights: serde_json::Map<String, Value> = weights
                            .into_iter()
                            .enumerate()
                            .filter_map(|(g, w)| w.map(|w| (format!("g{g}"), json!(w))))
                            .collect();
                        let mut t = json!({ "id": format!("t{i}"), "name": format!("Team {i}"), "targetIncentive": ti, "weights": weights });
                        if let Some(curve) = blended {
                            t["method"] = json!("blended");
                            t["curve"] = curve;
                        }
                        if !modifiers.is_empty() {
                            t["modifiers"] = modifiers
                                .into_iter()
                                .map(|(g, curve)| json!({ "goal": format!("g{g}"), "curve": curve }))
                                .collect();
                        }
                        if let Some((goal, min)) = gate {
                            t["gate"] = json!({ "goal": format!("g{goal}"), "min": min });
                        }
                        if let Some(cap) = cap {
                            t["cap"] = json!(cap);
                        }
                        let members: Vec<Value> = members
                            .into_iter()
                            .enumerate()
                            .filter(|(_, s)| s.parse::<Decimal>().unwrap() > Decimal::ZERO)
                            .map(|(m, share)| json!({ "name": format!("Member {m}"), "share": share }))
                            .collect();
                        t["members"] = json!(members);
                        t
                    })
                    .collect();
                json!({ "goals": goals, "teams": teams, "rounding": rounding, "decimals": decimals })
            })
    })
}

fn run(plan: &Value) -> Report {
    let plan = Plan::from_json_str(&plan.to_string()).expect("generated plans are valid");
    calculate(&plan).expect("generated plans calculate")
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 300,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn members_sum_exactly_to_their_team(plan in plan(false)) {
        let report = run(&plan);
        for team in &report.teams {
            if !team.members.is_empty() {
                let sum: Decimal = team.members.iter().map(|m| m.payout).sum();
                prop_assert_eq!(sum, team.payout);
                prop_assert!(team.members.iter().all(|m| m.payout >= Decimal::ZERO));
            }
        }
    }

    #[test]
    fn split_shares_sum_to_exactly_one(plan in plan(false)) {
        let report = run(&plan);
        let sum: Decimal = report.split.iter().map(|s| s.share).sum();
        if report.total.payout.is_zero() {
            prop_assert!(report.split.iter().all(|s| s.share.is_zero()));
        } else {
            prop_assert_eq!(sum, Decimal::ONE);
        }
    }

    #[test]
    fn caps_always_hold(plan in plan(false)) {
        let report = run(&plan);
        for (team, json) in report.teams.iter().zip(plan["teams"].as_array().unwrap()) {
            if let Some(cap) = json.get("cap").and_then(Value::as_str) {
                let limit = cap.parse::<Decimal>().unwrap() * team.target_incentive;
                prop_assert!(team.payout <= limit.round_dp_with_strategy(report.decimals, rust_decimal::RoundingStrategy::AwayFromZero));
            }
        }
    }

    #[test]
    fn gates_pay_nothing(plan in plan(false)) {
        let report = run(&plan);
        for team in &report.teams {
            if team.gated {
                prop_assert!(team.payout.is_zero());
                prop_assert!(team.members.iter().all(|m| m.payout.is_zero()));
            }
            for line in &team.lines {
                let goal = report.goals.iter().find(|g| g.id == line.goal).unwrap();
                if goal.gated {
                    prop_assert!(line.amount.is_zero());
                }
            }
        }
    }

    #[test]
    fn payout_never_falls_as_a_result_rises(plan in plan(true), goal in 0usize..5, raise in 1i64..100_000) {
        let goal = goal % plan["goals"].as_array().unwrap().len();
        let before = run(&plan);
        let mut raised = plan.clone();
        let actual: Decimal = plan["goals"][goal]["actual"].as_str().unwrap().parse().unwrap();
        raised["goals"][goal]["actual"] = json!((actual + Decimal::new(raise, 2)).to_string());
        let after = run(&raised);
        for (b, a) in before.teams.iter().zip(&after.teams) {
            prop_assert!(a.payout >= b.payout, "{}: {} then {}", b.id, b.payout, a.payout);
        }
    }

    #[test]
    fn money_has_exactly_the_plans_places(plan in plan(false)) {
        let report = run(&plan);
        for team in &report.teams {
            prop_assert_eq!(team.payout.scale(), report.decimals);
            prop_assert_eq!(team.subtotal.scale(), report.decimals);
            for line in &team.lines {
                prop_assert_eq!(line.amount.scale(), report.decimals);
            }
        }
    }

    #[test]
    fn rosters_never_panic_and_what_applies_is_valid(
        rows in prop::collection::vec(
            (
                "[a-zé\" ,]{0,8}",
                prop_oneof![Just("sales"), Just("marketing"), Just("nope"), Just("")],
                prop_oneof![Just("1".to_owned()), Just("0.5".to_owned()), Just("0".to_owned()), Just("-1".to_owned()), Just("x".to_owned()), Just(String::new()), "[0-9]{1,30}"],
                any::<bool>(),
            ),
            0..20,
        ),
        noise in "[a-z0-9,\"\\n\r. -]{0,80}",
    ) {
        let plan = tandem::parse_json(include_str!("../examples/shared-revenue.json")).unwrap();
        let mut csv = String::from("name,team,share\n");
        for (name, team, share, quote) in rows {
            let name = if quote { format!("\"{}\"", name.replace('"', "\"\"")) } else { name };
            csv.push_str(&format!("{name},{team},{share}\n"));
        }
        csv.push_str(&noise);
        if let Ok(with_roster) = tandem::apply_roster(&plan, csv.as_bytes()) {
            prop_assert!(Plan::from_json(&with_roster.plan).is_ok());
        }
    }

    #[test]
    fn no_panic_on_any_text(text in "\\PC{0,200}") {
        if let Ok(json) = tandem::parse_json(&text) {
            let _ = tandem::check(&json);
        }
    }

    #[test]
    fn parsing_the_text_of_a_plan_gives_the_plan(plan in plan(false)) {
        let text = plan.to_string();
        prop_assert_eq!(tandem::parse_json(&text), Ok(to_json(&plan)));
    }

    #[test]
    fn no_panic_on_any_json(json in any_json()) {
        let _ = tandem::check(&json);
        if let Ok(plan) = Plan::from_json(&json) {
            let _ = calculate(&plan);
        }
    }

    #[test]
    fn no_panic_on_mutated_plans(plan in plan(false), path in 0usize..64, value in any_json()) {
        // Replace one field somewhere in a valid plan with anything at all.
        let mut json = to_json(&plan);
        replace_nth(&mut json, path, value);
        let _ = tandem::check(&json);
    }

    #[test]
    fn no_panic_on_extreme_numbers(target in extreme(), actual in extreme(), ti in extreme(), w in extreme(), cap in extreme(), share in extreme()) {
        let plan = json!({
            "goals": [{ "id": "g", "name": "G", "target": target, "actual": actual }],
            "teams": [{ "id": "t", "name": "T", "targetIncentive": ti, "weights": { "g": w }, "cap": cap,
                        "members": [{ "name": "A", "share": share }, { "name": "B", "share": "1" }] }]
        });
        if let Ok(plan) = Plan::from_json_str(&plan.to_string()) {
            let _ = calculate(&plan);
        }
    }
}

/// Decimals from tiny to the largest that may be written.
fn extreme() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("9999999999999999999999999999".to_owned()),
        Just("0.0000000000000000000000000001".to_owned()),
        Just("1".to_owned()),
        Just("0".to_owned()),
        (1u32..=28, any::<u64>()).prop_map(|(scale, m)| Decimal::new(
            (m >> 1) as i64,
            scale.min(18)
        )
        .to_string()),
        "[0-9]{1,28}",
    ]
}

fn any_json() -> impl Strategy<Value = Json<'static>> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<f64>().prop_map(|n| Json::Number(n.to_string().into())),
        "-?[0-9]{1,5}(\\.[0-9]{1,3})?(e[0-9])?".prop_map(|n| Json::Number(n.into())),
        "[-0-9.a-z]{0,12}".prop_map(|s| Json::String(s.into())),
        extreme().prop_map(|s| Json::String(s.into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            Just(Cow::Borrowed("goals")),
            Just(Cow::Borrowed("teams")),
            Just(Cow::Borrowed("id")),
            Just(Cow::Borrowed("name")),
            Just(Cow::Borrowed("target")),
            Just(Cow::Borrowed("actual")),
            Just(Cow::Borrowed("weights")),
            Just(Cow::Borrowed("targetIncentive")),
            Just(Cow::Borrowed("curve")),
            Just(Cow::Borrowed("points")),
            "[a-z]{1,3}".prop_map(Cow::Owned),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::vec((key, inner), 0..6).prop_map(Json::Object),
        ]
    })
}

fn to_json(value: &Value) -> Json<'static> {
    match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Number(n.to_string().into()),
        Value::String(s) => Json::String(s.clone().into()),
        Value::Array(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Object(map) => Json::Object(
            map.iter()
                .map(|(k, v)| (k.clone().into(), to_json(v)))
                .collect(),
        ),
    }
}

/// Replaces the `n`th value in a depth-first walk (wrapping around).
fn replace_nth(json: &mut Json<'static>, n: usize, value: Json<'static>) {
    fn count(json: &Json) -> usize {
        1 + match json {
            Json::Array(items) => items.iter().map(count).sum(),
            Json::Object(entries) => entries.iter().map(|(_, v)| count(v)).sum(),
            _ => 0,
        }
    }
    fn walk(json: &mut Json<'static>, n: &mut usize, value: &mut Option<Json<'static>>) {
        if *n == 0 {
            if let Some(value) = value.take() {
                *json = value;
            }
            return;
        }
        *n -= 1;
        match json {
            Json::Array(items) => items.iter_mut().for_each(|item| walk(item, n, value)),
            Json::Object(entries) => entries.iter_mut().for_each(|(_, v)| walk(v, n, value)),
            _ => {}
        }
    }
    let mut n = n % count(json);
    walk(json, &mut n, &mut Some(value));
}

/// The same plan with one change to its JSON.
fn edited(plan: &Value, edit: impl FnOnce(&mut Value)) -> Value {
    let mut copy = plan.clone();
    edit(&mut copy);
    copy
}

/// An amount in the report's minor units.
fn units(amount: Decimal, decimals: u32) -> i128 {
    let mut scaled = amount;
    scaled.rescale(decimals);
    scaled.mantissa()
}

proptest! {
    #![proptest_config(config())]

    /// Ties go to the member listed first, so a permutation can move a tied
    /// cent between members; nothing else changes (`members_split_to_the_cent`
    /// in calculation.rs pins exact splits).
    #[test]
    fn permuting_members_permutes_their_payouts(plan in plan(false), seed in any::<u64>()) {
        let before = run(&plan);
        for (t, team) in before.teams.iter().enumerate() {
            let n = team.members.len();
            if n < 2 {
                continue;
            }
            let order: Vec<usize> = (0..n).map(|i| (i + seed as usize) % n).rev().collect();
            let permuted = edited(&plan, |p| {
                let members = p["teams"][t]["members"].as_array().unwrap().clone();
                p["teams"][t]["members"] = order.iter().map(|&i| members[i].clone()).collect();
            });
            let after = run(&permuted);
            let moved: Vec<i128> = order.iter().map(|&i| units(team.members[i].payout, before.decimals)).collect();
            let now: Vec<i128> = after.teams[t].members.iter().map(|m| units(m.payout, before.decimals)).collect();
            prop_assert_eq!(moved.iter().sum::<i128>(), now.iter().sum::<i128>());
            for (x, y) in moved.iter().zip(&now) {
                prop_assert!((x - y).abs() <= 1, "a member's payout moves by at most one tied minor unit");
            }
        }
    }

    #[test]
    fn ten_times_the_target_incentive_pays_ten_times_up_to_rounding(plan in plan(false)) {
        let scaled = edited(&plan, |p| {
            for team in p["teams"].as_array_mut().unwrap() {
                let ti: Decimal = team["targetIncentive"].as_str().unwrap().parse().unwrap();
                team["targetIncentive"] = json!((ti * Decimal::TEN).to_string());
            }
        });
        let (one, ten) = (run(&plan), run(&scaled));
        for (a, b) in one.teams.iter().zip(&ten.teams) {
            // Each line rounds by less than one unit (rounding down), ten
            // times over on the smaller plan, and a modifier multiplies those
            // errors; the modifier and cap steps round once more each.
            let m = a.modifier.clone().unwrap_or(Exact::ONE).max(Exact::ONE);
            let lines = a.lines.len().max(1) as i128;
            let bound = Exact::int(lines * 10).mul(&m).add(&Exact::int(21));
            let gap = Exact::int((units(a.payout, one.decimals) * 10 - units(b.payout, one.decimals)).abs());
            prop_assert!(gap <= bound, "{}: {} × 10 against {}", a.id, a.payout, b.payout);
        }
    }

    #[test]
    fn swapping_two_teams_swaps_their_split(plan in plan(false)) {
        let teams = plan["teams"].as_array().unwrap();
        prop_assume!(teams.len() >= 2);
        let two = edited(&plan, |p| p["teams"] = json!([teams[0], teams[1]]));
        let swapped = edited(&plan, |p| p["teams"] = json!([teams[1], teams[0]]));
        let (a, b) = (run(&two), run(&swapped));
        let (a0, a1) = (a.split[0].share, a.split[1].share);
        let (b0, b1) = (b.split[0].share, b.split[1].share);
        if a0 != b1 {
            // Only an exact tie of remainders (both teams owed x.5 ten-thousandths)
            // moves the last unit, to the team listed first.
            let total = units(a.total.payout, a.decimals);
            let owed = units(a.teams[0].payout, a.decimals) * 10_000 % total;
            prop_assert_eq!(owed * 2, total);
            prop_assert_eq!((a0 - b1).abs(), Decimal::new(1, 4));
        }
        prop_assert_eq!(a0 + a1, b0 + b1);
    }
}

proptest! {
    #![proptest_config(config())]

    /// A sweep point is the plan calculated with that goal's actual set to
    /// attainment × target (for a goal where higher is better).
    #[test]
    fn a_sweep_point_is_the_plan_at_that_attainment(plan in plan(true), goal in 0usize..5, hundredths in 0i64..300) {
        let goal = goal % plan["goals"].as_array().unwrap().len();
        let attainment = Decimal::new(hundredths, 2);
        let target: Decimal = plan["goals"][goal]["target"].as_str().unwrap().parse().unwrap();
        let id = plan["goals"][goal]["id"].as_str().unwrap().to_owned();
        let at = edited(&plan, |p| p["goals"][goal]["actual"] = json!((attainment * target).to_string()));
        let expected = run(&at);

        let parsed = Plan::from_json_str(&plan.to_string()).unwrap();
        let options = Json::Object(vec![
            ("goal".into(), Json::String(id.into())),
            ("from".into(), Json::String(attainment.to_string().into())),
            ("to".into(), Json::String(attainment.to_string().into())),
            ("steps".into(), Json::Number("2".into())),
        ]);
        let options = tandem::SweepOptions::from_json(&parsed, &options).unwrap();
        let points = tandem::sweep(&parsed, &options).unwrap();
        for (team, swept) in expected.teams.iter().zip(&points[0].teams) {
            prop_assert_eq!(team.payout, swept.payout, "{}", team.id);
        }
        prop_assert_eq!(expected.total.payout, points[0].total);
    }
}

/// A JSON value of any shape: the wrong values a near-valid input holds.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN", |f| f.is_finite())
            .prop_map(Value::from),
        "[-0-9.e]{0,40}".prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
        Just(Value::from("revenue")),
        Just(Value::from("9".repeat(60))),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,8}|id|goal|curve|points|weights", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every path in a JSON value (the root is empty).
fn paths_of(value: &Value, at: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(at.clone());
    match value {
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let mut next = at.clone();
                next.push(json!(i));
                paths_of(v, next, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let mut next = at.clone();
                next.push(json!(k));
                paths_of(v, next, out);
            }
        }
        _ => {}
    }
}

/// `value` with the value at one of its paths (picked by `pick`) replaced.
fn with_one_wrong(value: &Value, pick: usize, wrong: Value) -> Value {
    let mut all = Vec::new();
    paths_of(value, Vec::new(), &mut all);
    let path = &all[pick % all.len()];
    let mut copy = value.clone();
    let mut at = &mut copy;
    for step in path {
        at = match step {
            Value::Number(i) => &mut at[i.as_u64().unwrap_or(0) as usize],
            Value::String(k) => &mut at[k.as_str()],
            _ => unreachable!("paths are keys and indices"),
        };
    }
    *at = wrong;
    copy
}

/// Proptest with a fixed seed: the same inputs on every run (`npm test`);
/// `PROPTEST_CASES` and `PROPTEST_RNG_SEED` make a longer or another run.
fn fixed() -> ProptestConfig {
    let env = |name: &str| std::env::var(name).ok();
    ProptestConfig {
        cases: env("PROPTEST_CASES")
            .and_then(|v| v.parse().ok())
            .unwrap_or(400),
        rng_seed: proptest::test_runner::RngSeed::Fixed(
            env("PROPTEST_RNG_SEED")
                .and_then(|v| v.parse().ok())
                .unwrap_or(20_261_204),
        ),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(fixed())]

    /// Every way into the core takes a near-valid input (a valid plan or
    /// scenario file with one value of any shape put anywhere) without a
    /// panic: read, checked, its facts, as a scenario file (shape, sharing
    /// results, calculating every scenario), and edit after edit through
    /// one `Evaluator`.
    #[test]
    fn no_panic_on_near_valid_input(pick in any::<usize>(), wrong in any_value(), set in any::<bool>()) {
        let shared: Value = serde_json::from_str(include_str!("../examples/shared-revenue.json")).unwrap();
        let siloed: Value = serde_json::from_str(include_str!("../examples/siloed.json")).unwrap();
        let input = if set {
            json!({ "tandemScenarios": 1, "active": 1, "scenarios": [{ "name": "A", "plan": siloed }, { "plan": shared }] })
        } else {
            shared.clone()
        };
        let mutated = with_one_wrong(&input, pick, wrong);
        let text = mutated.to_string();
        let json = tandem::parse_json(&text).unwrap();
        let _ = Plan::from_json(&json).map(|p| calculate(&p));
        let _ = tandem::check(&json);
        let _ = tandem::facts(&json);
        if let Ok(mut scenarios) = tandem::Scenarios::from_json(&json) {
            let _ = scenarios.shape();
            let _ = scenarios.check();
            let _ = scenarios.calculate();
            let _ = scenarios.to_file_json().to_text();
            let _ = scenarios.share_results();
            let _ = scenarios.rejoin_results();
        }
        let mut evaluator = tandem::Evaluator::default();
        for plan in [&shared, &mutated, &shared] {
            let request = json!({ "scenarios": [plan, siloed], "active": 0, "chart": { "steps": 5 }, "workings": true });
            let _ = evaluator.evaluate(&tandem::parse_json(&request.to_string()).unwrap());
            evaluator.settle();
        }
    }
}

/// A roster cell that is nearly right: a name, a team's id or name, a share,
/// or something a spreadsheet might have put there instead.
fn roster_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("sales".to_owned()),
        Just("Marketing".to_owned()),
        Just("nobody".to_owned()),
        Just("1".to_owned()),
        Just("0".to_owned()),
        Just("-1".to_owned()),
        Just("1,5".to_owned()),
        Just("0,5".to_owned()),
        Just("1.000".to_owned()),
        Just("1.000,5".to_owned()),
        Just("-1,000.5".to_owned()),
        Just("Zoë".to_owned()),
        Just("0.0001".to_owned()),
        Just("9".repeat(40)),
        Just("\"quoted, with comma\"".to_owned()),
        Just("\"unclosed".to_owned()),
        Just("".to_owned()),
        ".{0,12}",
    ]
}

proptest! {
    #![proptest_config(fixed())]

    /// Rosters that are nearly right (any cell, extra or missing cells, a
    /// header of another shape, `;` between fields) are read into the
    /// example plan, or refused by line, without a panic; and solve and
    /// simulate options of any shape are read without one.
    #[test]
    fn no_panic_on_near_valid_rosters_and_options(
        header in prop_oneof![Just("name,team,share"), Just("name;team;share"), Just("name\tteam\tshare"), Just("team,name"), Just("\u{feff}name,team,share")],
        separator in prop_oneof![Just(","), Just(";"), Just("\t")],
        rows in prop::collection::vec(prop::collection::vec(roster_cell(), 0..5), 0..8),
        encoding in 0..3u8,
        options in any_value(),
    ) {
        let example = tandem::parse_json(include_str!("../examples/shared-revenue.json")).unwrap();
        let mut csv = format!("{header}\n");
        for row in &rows {
            csv.push_str(&row.join(separator));
            csv.push('\n');
        }
        // As UTF-8, as UTF-16 with its mark, or each character's low byte (not UTF-8 once any is above 0x7F).
        let bytes: Vec<u8> = match encoding {
            0 => csv.into_bytes(),
            1 => [0xFF, 0xFE].into_iter().chain(csv.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
            _ => csv.chars().map(|c| c as u32 as u8).collect(),
        };
        if let Ok(rostered) = tandem::apply_roster(&example, &bytes) {
            let plan = Plan::from_json(&rostered.plan).expect("a roster read into a valid plan keeps it valid");
            let _ = calculate(&plan);
        }
        let plan = Plan::from_json(&example).unwrap();
        let options = options.to_string();
        let options = tandem::parse_json(&options).unwrap();
        if let Ok(options) = tandem::SolveOptions::from_json(&plan, &options) {
            let _ = tandem::solve(&plan, &options);
        }
        let _ = tandem::SimulateOptions::from_json(&options);
    }
}
