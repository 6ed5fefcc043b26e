//! The Wasm boundary as JavaScript sees it: plain objects in, plain objects
//! out, decimals as strings, errors that carry paths. Runs in Node and in
//! headless Chromium (`npm test` runs both).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use tandem::wasm;

const SHARED: &str = include_str!("../examples/shared-revenue.json");
const GATES: &str = include_str!("../examples/gates-modifiers.json");

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON parses")
}

fn to_json(value: &JsValue) -> serde_json::Value {
    let text: String = JSON::stringify(value).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

/// The native result for the same plan, as JSON.
fn native(text: &str) -> serde_json::Value {
    let json = tandem::parse_json(text).unwrap();
    let plan = tandem::Plan::from_json(&json).unwrap();
    serde_json::to_value(tandem::calculate(&plan).unwrap()).unwrap()
}

fn errors_of(thrown: &JsValue) -> Vec<(String, String)> {
    assert!(thrown.is_instance_of::<js_sys::Error>(), "throws an Error");
    let errors: Array = Reflect::get(thrown, &"errors".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    errors
        .iter()
        .map(|e| {
            let get = |key: &str| Reflect::get(&e, &key.into()).unwrap().as_string().unwrap();
            (get("path"), get("message"))
        })
        .collect()
}

#[wasm_bindgen_test]
fn calculate_matches_the_native_result_field_for_field() {
    for plan in [SHARED, GATES] {
        let result = wasm::calculate(js(plan)).expect("valid plan");
        assert_eq!(to_json(&result), native(plan));
    }
}

#[wasm_bindgen_test]
fn invalid_plan_throws_an_error_listing_every_path() {
    let plan = r#"{ "goals": [{ "id": "g", "name": "G", "target": "0", "actual": "1" }],
                   "teams": [{ "id": "t", "name": "T", "targetIncentive": "1", "weights": { "x": "1" } }] }"#;
    let thrown = wasm::calculate(js(plan)).unwrap_err();
    let errors = errors_of(&thrown);
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["goals[0].target", "teams[0].weights.x"]);
    assert_eq!(errors[0].1, "Target must be greater than zero.");
    let message: String = thrown.unchecked_ref::<js_sys::Error>().message().into();
    assert!(message.contains("goals[0].target: Target must be greater than zero."));
    assert!(message.contains("teams[0].weights.x"));
}

#[wasm_bindgen_test]
fn a_value_is_shown_as_the_cli_shows_it_cut_where_it_does_not_end() {
    // 1,199,999 ÷ 1,200,000 is 99.99991666…%: cut to 99.9999…%, never the 100 % it has not reached.
    let plan = r#"{ "goals": [{ "id": "g", "name": "G", "target": "1200000", "actual": "1199999" }],
                   "teams": [{ "id": "t", "name": "T", "targetIncentive": "1000", "weights": { "g": "1" } }] }"#;
    let result = to_json(&wasm::calculate(js(plan)).unwrap());
    let attainment = result["goals"][0]["attainment"].as_str().unwrap();
    assert_eq!(wasm::shown_percent(attainment), "0.999999…");
    assert_eq!(wasm::shown_percent("0.925"), "0.925");
    assert_eq!(
        wasm::shown_factor("0.8333333333333333333333333333"),
        "0.8333…"
    );
    assert_eq!(wasm::shown_factor("1.1"), "1.1");
    assert_eq!(wasm::shown_ratio("1.11745"), "1.1174");
}

#[wasm_bindgen_test]
fn each_error_carries_its_path_as_steps_and_path_text_writes_them_back() {
    let plan = r#"{ "goals": [{ "id": "g", "name": "G", "target": "1", "actual": "1",
                               "curve": { "points": [["0.8", "0.5"], ["0.7", "1"]] } }],
                   "teams": [{ "id": "t", "name": "T", "targetIncentive": "1", "weights": { "g": "x" } }] }"#;
    let thrown = wasm::calculate(js(plan)).unwrap_err();
    let errors: Array = Reflect::get(&thrown, &"errors".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let pairs: Vec<(String, String)> = errors
        .iter()
        .map(|e| {
            let at = Reflect::get(&e, &"at".into()).unwrap();
            let path = Reflect::get(&e, &"path".into())
                .unwrap()
                .as_string()
                .unwrap();
            (path, wasm::path_text(at).unwrap())
        })
        .collect();
    assert_eq!(
        pairs,
        [
            (
                "goals[0].curve.points[1][0]".into(),
                "goals[0].curve.points[1][0]".into()
            ),
            ("teams[0].weights.g".into(), "teams[0].weights.g".into()),
        ]
    );
    let at = to_json(&Reflect::get(&errors.get(1), &"at".into()).unwrap());
    assert_eq!(at, serde_json::json!(["teams", 0, "weights", "g"]));
    assert_eq!(wasm::path_text(js("[]")).unwrap(), "");
    assert!(wasm::path_text(js(r#"["goals", -1]"#)).is_err());
}

#[wasm_bindgen_test]
fn a_js_number_for_a_decimal_is_rejected_with_its_path() {
    let plan = r#"{ "goals": [{ "id": "g", "name": "G", "target": "1", "actual": 0.1 }],
                   "teams": [{ "id": "t", "name": "T", "targetIncentive": 1000, "weights": { "g": "1" } }] }"#;
    let paths: Vec<String> = errors_of(&wasm::calculate(js(plan)).unwrap_err())
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(paths, ["goals[0].actual", "teams[0].targetIncentive"]);
}

/// Every object in the result is a plain object or an array; no `Map`,
/// `BigInt` or `undefined` anywhere.
fn assert_plain(value: &JsValue, path: &str) {
    assert!(!value.is_undefined(), "{path} is undefined");
    assert!(!value.is_bigint(), "{path} is a BigInt");
    if let Some(array) = value.dyn_ref::<Array>() {
        for (i, item) in array.iter().enumerate() {
            assert_plain(&item, &format!("{path}[{i}]"));
        }
    } else if value.is_object() {
        let plain = Object::get_prototype_of(&Object::new());
        assert!(
            Object::get_prototype_of(value) == plain,
            "{path} is not a plain object"
        );
        for entry in Object::entries(value.unchecked_ref()).iter() {
            let entry: Array = entry.unchecked_into();
            assert_plain(
                &entry.get(1),
                &format!("{path}.{}", entry.get(0).as_string().unwrap()),
            );
        }
    }
}

#[wasm_bindgen_test]
fn results_are_plain_json_compatible_objects() {
    let result = wasm::calculate(js(GATES)).unwrap();
    assert_plain(&result, "result");
    let teams: Array = Reflect::get(&result, &"teams".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let modifier = Reflect::get(&teams.get(1), &"modifier".into()).unwrap();
    assert!(modifier.is_null(), "no modifier is null, not undefined");
    let payout = Reflect::get(&teams.get(0), &"payout".into()).unwrap();
    assert_eq!(payout.as_string().as_deref(), Some("150000.00"));
}

#[wasm_bindgen_test]
fn json_stringify_round_trips() {
    let result = wasm::calculate(js(SHARED)).unwrap();
    let text = JSON::stringify(&result).unwrap();
    let again = JSON::stringify(&JSON::parse(&String::from(text.clone())).unwrap()).unwrap();
    assert_eq!(String::from(text), String::from(again));
}

#[wasm_bindgen_test]
fn a_call_after_an_error_still_works() {
    assert!(wasm::calculate(js("{}")).is_err());
    assert!(wasm::calculate(JsValue::UNDEFINED).is_err());
    assert!(wasm::calculate(js(SHARED)).is_ok());
}

#[wasm_bindgen_test]
fn check_never_throws() {
    for input in [
        JsValue::UNDEFINED,
        JsValue::from(5),
        js("[1,2]"),
        js(r#"{"goals": 1}"#),
        js(SHARED),
    ] {
        let check = wasm::check(input);
        assert_plain(&check, "check");
        assert!(Reflect::get(&check, &"errors".into())
            .unwrap()
            .is_instance_of::<Array>());
        assert!(Reflect::get(&check, &"warnings".into())
            .unwrap()
            .is_instance_of::<Array>());
    }
    let check = wasm::check(js(include_str!("../examples/siloed.json")));
    let warnings: Array = Reflect::get(&check, &"warnings".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let code = Reflect::get(&warnings.get(0), &"code".into()).unwrap();
    assert_eq!(code.as_string().as_deref(), Some("noSharedGoal"));
}

#[wasm_bindgen_test]
fn sweep_returns_the_requested_number_of_points() {
    let options = js(r#"{ "goal": "revenue", "from": "0", "to": "1.5", "steps": 151 }"#);
    let points: Array = wasm::sweep(js(SHARED), options)
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(points.length(), 151);
    let last = points.get(150);
    assert_eq!(
        Reflect::get(&last, &"attainment".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("1.5")
    );

    let bad = js(r#"{ "goal": "revenue", "from": "0", "to": "1.5", "steps": 1 }"#);
    let paths: Vec<String> = errors_of(&wasm::sweep(js(SHARED), bad).unwrap_err())
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(paths, ["steps"]);
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn evaluate_returns_every_scenario_the_chart_and_the_comparison_in_one_call() {
    let request = format!(
        r#"{{ "scenarios": [{GATES}, {SHARED}], "active": 1, "chart": {{ "goal": "revenue", "steps": 4 }} }}"#
    );
    let mut evaluation = to_json(&wasm::evaluate(js(&request)).expect("a well-formed request"));
    // Members cross as columns: the same members as `calculate`'s, by field.
    let mut alone = native(SHARED);
    let teams = evaluation["result"]["teams"].as_array_mut().unwrap();
    for (team, by_itself) in teams.iter_mut().zip(alone["teams"].as_array_mut().unwrap()) {
        let rows = by_itself["members"].take();
        for field in ["name", "share", "payout"] {
            let column: Vec<_> = rows
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m[field].clone())
                .collect();
            assert_eq!(team["members"][field], serde_json::Value::Array(column));
        }
        team["members"] = serde_json::Value::Null;
    }
    assert_eq!(evaluation["result"], alone);
    assert_eq!(
        evaluation["comparison"][0]["total"],
        native(GATES)["total"]["payout"]
    );
    assert_eq!(evaluation["chart"]["goal"], "revenue");
    assert_eq!(
        evaluation["chart"]["attainments"].as_array().map(Vec::len),
        Some(4)
    );
    // Shared revenue, ten more points of New ARR: Sales 120,000 × 0.5 × 0.1.
    assert_eq!(
        evaluation["comparison"][1]["teams"][0]["perTenPoints"],
        "6000.00"
    );
}

#[wasm_bindgen_test]
fn a_roster_replaces_members_and_a_bad_one_names_its_lines() {
    let csv = "name,team,share\nAda,sales,1\nGrace,sales,2\n";
    let read = to_json(&wasm::apply_roster(js(SHARED), csv.into()).expect("a good roster"));
    assert_eq!(
        read["plan"]["teams"][0]["members"][1],
        serde_json::json!({ "name": "Grace", "share": "2" })
    );
    assert_eq!(read["format"]["note"], "Read with “,” between fields.");
    // German Excel's bytes: ';', a decimal comma, Windows-1252 ("Zoë").
    let bytes = js_sys::Uint8Array::from(&b"name;team;share\r\nZo\xEB;sales;1,5\r\n"[..]);
    let read = to_json(&wasm::apply_roster(js(SHARED), bytes.into()).expect("a German roster"));
    assert_eq!(
        read["plan"]["teams"][0]["members"][0],
        serde_json::json!({ "name": "Zoë", "share": "1.5" })
    );
    assert_eq!(
        read["format"],
        serde_json::json!({ "separator": ";", "decimalComma": true, "encoding": "Windows-1252", "note": "Read with “;” between fields, decimal commas. The file is not UTF-8: it was read as Windows-1252 (older Excel on Windows); check accented names." })
    );
    let thrown = wasm::apply_roster(
        js(SHARED),
        "name,team,share\nAda,nope,1\nBob,sales,0\n".into(),
    )
    .unwrap_err();
    let errors = to_json(&Reflect::get(&thrown, &"errors".into()).unwrap());
    let lines: Vec<u64> = errors
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 3]);
}

#[wasm_bindgen_test]
fn solve_finds_what_a_goal_must_reach() {
    let options = js(r#"{ "team": "marketing", "goal": "revenue", "payout": "60000" }"#);
    let solution = to_json(&wasm::solve(js(SHARED), options).expect("valid options"));
    assert_eq!(
        solution,
        serde_json::json!({ "attainment": "0.96", "actual": "1920000", "payout": "60000.00" })
    );
    let bad = js(r#"{ "team": "nobody", "goal": "revenue", "payout": "1" }"#);
    let errors = errors_of(&wasm::solve(js(SHARED), bad).unwrap_err());
    assert_eq!(errors[0].0, "team");
}

#[wasm_bindgen_test]
fn payouts_csv_is_the_cli_s_csv() {
    let csv = wasm::payouts_csv(js(SHARED), JsValue::UNDEFINED).expect("valid plan");
    let plan = tandem::Plan::from_json_str(SHARED).unwrap();
    let report = tandem::calculate(&plan).unwrap();
    assert_eq!(csv, tandem::payouts_csv(&report, tandem::Convention::PLAIN));
    assert!(csv.starts_with("team,team_name,member,member_share,payout,currency\r\n"));
    let german = wasm::payouts_csv(js(SHARED), js(r#"{ "locale": "de-DE" }"#)).unwrap();
    let convention = tandem::Convention::of_locale("de-DE").unwrap();
    assert_eq!(german, tandem::payouts_csv(&report, convention));
    assert!(german.starts_with("\u{feff}team;team_name;member;member_share;payout;currency\r\nsales;Sales;Ana Lima;1;40500,00;USD\r\n"));
    assert!(wasm::payouts_csv(js(SHARED), js(r#"{ "locale": "Deutsch" }"#)).is_err());
}

/// The same simulation as the native test's recorded one, byte for byte:
/// every float function comes from `libm` in both builds.
#[wasm_bindgen_test]
fn simulate_gives_the_native_bytes() {
    let mut plan = to_json(&js(SHARED));
    plan["forecast"]["trials"] = 2000.into();
    let simulation = wasm::simulate(js(&plan.to_string())).expect("a forecast");
    let text: String = JSON::stringify(&simulation).unwrap().into();
    let expected = include_str!("fixtures/shared-revenue-simulation.json");
    assert_eq!(text, expected.trim_end());

    // In parts, as the page's worker runs it: the same statistics.
    let mut parts = wasm::Simulator::new(js(&plan.to_string())).expect("a forecast");
    assert_eq!(parts.trials(), 2000);
    assert_eq!(parts.run(750).unwrap(), 750);
    assert_eq!(parts.run(750).unwrap(), 1500);
    let text: String = JSON::stringify(&parts.finish().unwrap()).unwrap().into();
    assert_eq!(text, expected.trim_end());
    assert!(parts.finish().is_err(), "finished once");
}

#[wasm_bindgen_test]
fn simulate_without_a_forecast_names_it() {
    let mut plan = to_json(&js(SHARED));
    plan.as_object_mut().unwrap().remove("forecast");
    let thrown = wasm::simulate(js(&plan.to_string())).unwrap_err();
    assert_eq!(errors_of(&thrown)[0].0, "forecast");
}

#[wasm_bindgen_test]
fn scenarios_are_read_written_and_share_results_at_the_boundary() {
    let file = js(r#"{"active": 1, "scenarios": [
        {"name": "A", "plan": {"goals": [{"id": "g", "name": "Revenue", "actual": "1"}], "teams": []}},
        {"plan": {"goals": [{"id": "g", "actual": "2"}], "teams": []}}]}"#);
    let read = wasm::read_scenarios(file).unwrap();
    assert_plain(&read, "readScenarios");
    let text = JSON::stringify(&read).unwrap().as_string().unwrap();
    assert!(text.contains(r#""name":"Scenario 2""#), "{text}");
    let shared = wasm::share_results(read.clone()).unwrap();
    assert_eq!(
        JSON::stringify(&shared).unwrap().as_string().unwrap(),
        r#"{"edits":[{"scenario":0,"goal":0,"actual":"2"}],"goals":["g"]}"#
    );
    let written = wasm::write_scenarios(read).unwrap();
    assert!(written.starts_with(r#"{"tandemScenarios":1,"active":1,"scenarios":"#));
    assert_eq!(wasm::unnamed_scenario(0), "Scenario 1");
    assert_eq!(wasm::max_scenarios(), 20);
    let errors = errors_of(&wasm::read_scenarios(js("[1]")).unwrap_err());
    assert_eq!(errors[0].0, "");
    let errors =
        errors_of(&wasm::read_scenarios(js(r#"{"scenarios": [{"plan": 1}]}"#)).unwrap_err());
    assert_eq!(errors[0].0, "scenarios[0].plan");
}

/// The practice rules that need no simulation come with `check`, as
/// natively; the economics come with the Result.
#[wasm_bindgen_test]
fn check_lists_the_findings_and_calculate_the_economics() {
    let checked = to_json(&wasm::check(js(GATES)));
    let rules: Vec<&str> = checked["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        ["capBelowTwice", "capBelowTwice", "cliff", "cliff", "cliff"]
    );
    let result = to_json(&wasm::calculate(js(SHARED)).unwrap());
    assert_eq!(result["economics"]["teams"][0]["ote"], "300000.00");
    assert_eq!(result["economics"]["costOfSales"]["atTarget"], "0.3");
}

/// What `JSON.parse` makes of the value's JSON text (serde_json's, as the
/// CLI writes it), written back by `JSON.stringify`: keys in their order.
fn as_json_parse_reads(value: &impl serde::Serialize) -> String {
    let parsed = JSON::parse(&serde_json::to_string(value).unwrap()).unwrap();
    JSON::stringify(&parsed).unwrap().into()
}

/// Values cross as a tape (src/tape.rs, src/tape.js), not as JSON text:
/// what arrives is what `JSON.parse` would have made of the JSON text, key
/// for key and in order, for every example, for names holding the tape's
/// own separators and other awkward text, and twice in a row (the key table
/// both sides keep only grows).
#[wasm_bindgen_test]
fn a_value_arrives_as_json_parse_would_read_its_json_text() {
    let examples = [
        SHARED,
        GATES,
        include_str!("../examples/dial.json"),
        include_str!("../examples/leverage.json"),
        include_str!("../examples/siloed.json"),
        include_str!("../examples/teaching.json"),
    ];
    let mut awkward = to_json(&js(SHARED));
    let names = [
        "A\u{1}B",
        "x\u{2}\u{3}y",
        "x\u{1}\u{2}\u{1}y",
        "__proto__",
        "Zoë \"Z\" \\ 😀",
        "a\u{2}b",
    ];
    for (i, name) in names.iter().enumerate() {
        awkward["teams"][0]["members"][i % 3]["name"] = (*name).into();
        awkward["goals"][i % 4]["name"] = (*name).into();
        if i % 3 == 2 {
            let shared = js(&awkward.to_string());
            let result = wasm::calculate(shared).expect("valid plan");
            let text: String = JSON::stringify(&result).unwrap().into();
            assert_eq!(
                text,
                as_json_parse_reads(&native_report(&awkward.to_string()))
            );
        }
    }
    for _ in 0..2 {
        for plan in examples {
            let result = wasm::calculate(js(plan)).expect("valid plan");
            let text: String = JSON::stringify(&result).unwrap().into();
            assert_eq!(text, as_json_parse_reads(&native_report(plan)), "{plan}");
            let checked: String = JSON::stringify(&wasm::check(js(plan))).unwrap().into();
            let json = tandem::parse_json(plan).unwrap();
            assert_eq!(checked, as_json_parse_reads(&tandem::check(&json)));
        }
    }
    // A map (a team's weights by goal id) and an error's path and message.
    let dialed = wasm::dial(js(SHARED), js(r#"{ "team": "marketing", "share": "0.8" }"#)).unwrap();
    let text: String = JSON::stringify(&dialed).unwrap().into();
    assert!(
        text.contains(r#""weights":{"revenue":"0.8","pipeline":"0.12","mqls":"0.08"}"#),
        "{text}"
    );
    let thrown = wasm::calculate(js(r#"{ "goals": "\u0001" }"#)).unwrap_err();
    assert_eq!(errors_of(&thrown)[0].0, "goals");
}

fn native_report(text: &str) -> tandem::Report {
    let json = tandem::parse_json(text).unwrap();
    let plan = tandem::Plan::from_json(&json).unwrap();
    tandem::calculate(&plan).unwrap()
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/cross.js")]
extern "C" {
    /// The text a plan crosses as.
    #[wasm_bindgen(js_name = planText)]
    fn plan_text(plan: &JsValue) -> Option<String>;
}

/// How many teams' members `plan` sends as columns.
fn crossed(plan: &str) -> usize {
    plan_text(&js(plan)).unwrap().matches('\0').count() / 4
}

/// The preset with `members` for its first team and `others` for its
/// second (each a JSON list's text).
fn with_members(members: &str, others: &str) -> String {
    let mut plan = to_json(&js(SHARED));
    plan["teams"][0]["members"] = serde_json::from_str(members).unwrap();
    plan["teams"][1]["members"] = serde_json::from_str(others).unwrap();
    plan.to_string()
}

/// `count` members named `Rep 0` …, with shares 1 to 7 in turn.
fn reps(count: usize) -> Vec<serde_json::Value> {
    (0..count)
        .map(
            |i| serde_json::json!({ "name": format!("Rep {i}"), "share": (1 + i % 7).to_string() }),
        )
        .collect()
}

/// Long lists of members cross as columns (src/cross.js), not as JSON, and
/// their payouts come back as rows (src/tape.rs): what `calculate` gives is
/// the native result, and what it throws the native errors, path for path
/// and word for word, whether the columns carry the members or the plan
/// crosses as JSON (a member with a key of its own, a share written as a
/// number, a name holding the columns' separator).
#[wasm_bindgen_test]
fn long_lists_of_members_give_what_json_gives() {
    let mut awkward = reps(70);
    awkward[3]["name"] = "Zoë \"Z\" \\ 😀".into();
    awkward[4]["name"] = "x\u{2}\u{3}y".into();
    awkward[5]["name"] = "rep 0".into(); // repeated, so warned of
    awkward[6]["share"] = "0.125".into();
    let valid = [
        with_members(
            &serde_json::to_string(&reps(100)).unwrap(),
            &serde_json::to_string(&reps(64)).unwrap(),
        ),
        with_members(&serde_json::to_string(&awkward).unwrap(), "[]"),
        with_members(
            &serde_json::to_string(&reps(63)).unwrap(),
            &serde_json::to_string(&reps(2000)).unwrap(),
        ),
    ];
    let mut separator = reps(80);
    separator[10]["name"] = "A\u{1}B".into();
    let mut nul = reps(80);
    nul[11]["name"] = "A\u{0}B".into();
    let separator = with_members(&serde_json::to_string(&separator).unwrap(), "[]");
    let nul = with_members(&serde_json::to_string(&nul).unwrap(), "[]");
    // Lists of 64 members or more cross as columns; so does one with a
    // name holding U+0001, which the module then reads as JSON.
    let counts: Vec<usize> = [&valid[0], &valid[1], &valid[2], &separator, &nul]
        .map(|plan| crossed(plan))
        .into();
    assert_eq!(counts, [2, 1, 1, 1, 0]);
    for plan in valid.iter().chain([&separator, &nul]) {
        let result = wasm::calculate(js(plan)).expect("valid plan");
        let text: String = JSON::stringify(&result).unwrap().into();
        assert_eq!(text, as_json_parse_reads(&native_report(plan)));
    }

    let mut wrong = reps(90);
    wrong[0]["name"] = "".into();
    wrong[1]["name"] = "n".repeat(201).into();
    wrong[2]["name"] = "é".repeat(200).into(); // 400 bytes, 200 characters: valid
    wrong[3]["share"] = "0".into();
    wrong[4]["share"] = "-1".into();
    wrong[5]["share"] = "abc".into();
    wrong[6]["share"] = "".into();
    wrong[7]["share"] = "1.2.3".into();
    wrong[8]["share"] = "0.00000000000000000000000000001".into();
    let mut extra = reps(90);
    extra[9]["colour"] = "red".into();
    let mut number = reps(90);
    number[9]["share"] = 2.into();
    let many = serde_json::to_string(&reps(60_000)).unwrap();
    let invalid = [
        with_members(
            &serde_json::to_string(&wrong).unwrap(),
            &serde_json::to_string(&wrong).unwrap(),
        ),
        with_members(&serde_json::to_string(&extra).unwrap(), "[]"),
        with_members(&serde_json::to_string(&number).unwrap(), "[]"),
        with_members(&many, &many),
    ];
    assert_eq!(invalid.each_ref().map(|plan| crossed(plan)), [2, 0, 0, 2]);
    for plan in &invalid {
        let thrown = wasm::calculate(js(plan)).unwrap_err();
        let json = tandem::parse_json(plan).unwrap();
        let native = tandem::Plan::from_json(&json).unwrap_err();
        let expected: Vec<(String, String)> = native
            .0
            .iter()
            .map(|error| (error.path.to_string(), error.message()))
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(errors_of(&thrown), expected);
    }
}

/// A JavaScript string can hold half of a character, which JSON text (and
/// so the core) cannot: the error names the field that holds it, not a
/// column of the one line the plan crossed as (found by a fresh look).
#[wasm_bindgen_test]
fn half_a_character_is_said_at_its_field() {
    let mut plan = to_json(&js(SHARED));
    plan["teams"][0]["members"][1]["name"] = "PLACEHOLDER".into();
    let text = plan.to_string().replace("PLACEHOLDER", "A\\ud800");
    let errors = errors_of(&wasm::calculate(js(&text)).unwrap_err());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, "teams[0].members[1].name");
    let checked = to_json(&wasm::check(js(&text)));
    assert_eq!(
        checked["errors"][0]["path"], "teams[0].members[1].name",
        "{checked}"
    );
}
