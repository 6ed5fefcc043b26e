//! The real `tandem` binary: commands, formats and exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn tandem(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tandem runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn calc_prints_the_result_as_json() {
    let out = tandem(&["calc", "examples/shared-revenue.json"], None);
    assert_eq!(out.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let plan =
        tandem::Plan::from_json_str(include_str!("../examples/shared-revenue.json")).unwrap();
    let expected = serde_json::to_value(tandem::calculate(&plan).unwrap()).unwrap();
    assert_eq!(printed, expected);
    assert_eq!(printed["teams"][0]["payout"], "121500.00");
}

#[test]
fn calc_text_is_a_readable_statement() {
    let out = tandem(
        &["calc", "examples/shared-revenue.json", "--format", "text"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let statement = text(&out.stdout);
    for expected in [
        "SALES [sales]: target incentive 120,000.00, weighted",
        "New ARR",
        "92.5 %",
        "121,500.00",
        "Shared goals carry 50 % of the target incentive",
        "Chloé Martin",
        "40,500.00",
        "JOINT SPLIT",
        "67.33 %",
        "180,450.00",
    ] {
        assert!(
            statement.contains(expected),
            "missing {expected:?} in\n{statement}"
        );
    }
}

#[test]
fn calc_csv_has_a_row_per_team_and_member() {
    let out = tandem(&["calc", "examples/siloed.json", "--format=csv"], None);
    assert_eq!(out.status.code(), Some(0));
    let csv = text(&out.stdout);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "team,team_name,member,member_share,payout,currency"
    );
    assert_eq!(rows[1], "sales,Sales,,,117300.00,USD");
    assert_eq!(rows[2], "sales,Sales,Ana Lima,1,39100.00,USD");
    assert_eq!(rows.len(), 1 + 2 + 5);
}

#[test]
fn dash_reads_standard_input() {
    let plan = include_str!("../examples/siloed.json");
    let out = tandem(&["calc", "-"], Some(plan));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn invalid_plan_prints_every_error_and_exits_1() {
    let plan = r#"{
        "goals": [{ "id": "revenue", "name": "Revenue", "target": "0", "actual": 5 }],
        "teams": [{ "id": "sales", "name": "Sales", "targetIncentive": "1000", "weights": { "revenu": "1" } }]
    }"#;
    let out = tandem(&["calc", "-"], Some(plan));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    let paths: Vec<&str> = stderr
        .lines()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "goals[0].target",
            "goals[0].actual",
            "teams[0].weights.revenu"
        ]
    );
}

#[test]
fn not_json_exits_1() {
    let out = tandem(&["calc", "-"], Some("{ nope"));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("The plan is not valid JSON"));
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        &[][..],
        &["calculate", "x.json"],
        &["calc"],
        &["calc", "examples/siloed.json", "--format", "xml"],
        &["calc", "does-not-exist.json"],
        &[
            "sweep",
            "examples/siloed.json",
            "--goal",
            "revenue",
            "--from",
            "0",
            "--to",
            "1",
            "--steps",
            "1",
        ],
        &[
            "sweep",
            "examples/siloed.json",
            "--goal",
            "nope",
            "--from",
            "0",
            "--to",
            "1",
            "--steps",
            "3",
        ],
    ] {
        let out = tandem(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn help_lists_the_commands() {
    let out = tandem(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for command in ["tandem calc", "tandem check", "tandem sweep"] {
        assert!(help.contains(command));
    }
}

#[test]
fn check_prints_warnings_and_errors() {
    let out = tandem(&["check", "examples/siloed.json"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("warning: goals: No goal is shared by two teams"));

    let out = tandem(
        &["check", "-", "--format", "json"],
        Some(r#"{"goals": [], "teams": []}"#),
    );
    assert_eq!(out.status.code(), Some(1));
    let check: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(check["errors"][0]["path"], "goals");
    assert_eq!(check["errors"][1]["path"], "teams");
}

#[test]
fn sweep_prints_one_point_per_step() {
    let args = [
        "sweep",
        "examples/shared-revenue.json",
        "--goal",
        "revenue",
        "--from",
        "0",
        "--to",
        "1.5",
        "--steps",
        "7",
    ];
    let out = tandem(&args, None);
    assert_eq!(out.status.code(), Some(0));
    let points: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let points = points.as_array().unwrap();
    assert_eq!(points.len(), 7);
    assert_eq!(points[6]["attainment"], "1.5");
    assert_eq!(points[4]["attainment"], "1");
    assert_eq!(points[4]["total"], "187200.00");

    let mut csv_args = args.to_vec();
    csv_args.extend(["--format", "csv"]);
    let out = tandem(&csv_args, None);
    let csv = text(&out.stdout);
    assert_eq!(csv.lines().next(), Some("attainment,sales,marketing,total"));
    assert_eq!(csv.lines().count(), 8);
}

#[test]
fn roster_sets_the_members_and_payouts_sum_exactly() {
    let args = [
        "calc",
        "examples/shared-revenue.json",
        "--roster",
        "examples/roster.csv",
        "--format",
        "csv",
    ];
    let out = tandem(&args, None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[4], "sales,Sales,\"Martin, Chloé\",1,34714.28,USD");
    assert_eq!(rows[9], "marketing,Marketing,Zoë Ng,0.5,11790.00,USD");
    // Sales: 3 × 34,714.29 − 0.01 + 17,357.14 = 121,500.00, the team payout.
    let cents = |row: &str| -> i64 {
        row.split(',')
            .nth_back(1)
            .unwrap()
            .replace('.', "")
            .parse()
            .unwrap()
    };
    let sales: i64 = rows[2..6].iter().map(|r| cents(r)).sum();
    assert_eq!(sales, cents(rows[1]));
}

#[test]
fn a_bad_roster_row_is_rejected_by_line_and_nothing_is_imported() {
    let dir = std::env::temp_dir().join(format!("tandem-roster-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let roster = dir.join("bad.csv");
    std::fs::write(
        &roster,
        "name,team,share\nAna,sales,1\nBen,nope,1\n\nCara,marketing,0\n",
    )
    .unwrap();
    let out = tandem(
        &[
            "calc",
            "examples/shared-revenue.json",
            "--roster",
            roster.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "line 3: There is no team “nope” in the plan. A row’s team is a team’s id or name: sales (Sales), marketing (Marketing).\nline 5: Share must be greater than zero.\n"
    );
}

fn solve(plan: &str, team: &str, goal: &str, payout: &str) -> serde_json::Value {
    let out = tandem(
        &[
            "solve", plan, "--team", team, "--goal", goal, "--payout", payout,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn solve_answers_what_a_goal_must_reach() {
    use serde_json::json;
    // Shared revenue, Marketing: 30,000a + 31,200 ≥ 60,000 at a = 0.96.
    assert_eq!(
        solve(
            "examples/shared-revenue.json",
            "marketing",
            "revenue",
            "60000"
        ),
        json!({ "attainment": "0.96", "actual": "1920000", "payout": "60000.00" })
    );
    // Gates, modifiers and caps. Marketing on its gated pipeline goal (the
    // gate, New ARR ≥ 90 %, is met): 41,600 + 48,000a ≥ 80,000 at a = 0.8.
    let gates = "examples/gates-modifiers.json";
    assert_eq!(
        solve(gates, "marketing", "pipeline", "80000"),
        json!({ "attainment": "0.8", "actual": "4800000", "payout": "80000.00" })
    );
    // Its cap, 1.2 × 80,000 = 96,000: past 100 % the pipeline line pays
    // 48,000 × (1 + 2.5(a − 1)); at 1.0533 the payout is 95,996.00, at 1.0534
    // it passes 96,000 and is capped there.
    assert_eq!(
        solve(gates, "marketing", "pipeline", "96000"),
        json!({ "attainment": "1.0534", "actual": "6320400", "payout": "96000.00" })
    );
    assert_eq!(
        solve(gates, "marketing", "pipeline", "96000.01"),
        json!({ "reachable": false, "maxPayout": "96000.00" })
    );
    // Customer success, blended, on logo churn (lower is better):
    // b = 0.3 × 1.15 + 0.5a + 0.2 × 1.15 = 0.575 + 0.5a reaches the team
    // curve's 100 % at a = 0.85, a churn of (2 − 0.85) × 8 = 9.2 %.
    assert_eq!(
        solve(gates, "cs", "churn", "40000"),
        json!({ "attainment": "0.85", "actual": "9.2", "payout": "40000.00" })
    );
}

#[test]
fn solve_as_text_is_one_sentence_and_bad_flags_are_usage_errors() {
    let out = tandem(
        &[
            "solve",
            "examples/shared-revenue.json",
            "--team",
            "marketing",
            "--goal",
            "revenue",
            "--payout",
            "60000",
            "--format",
            "text",
        ],
        None,
    );
    assert_eq!(
        text(&out.stdout),
        "To be paid at least 60,000.00, Marketing needs New ARR at 96 % of target: a result of 1,920,000 (and is paid 60,000.00 there).\n"
    );
    let out = tandem(
        &[
            "solve",
            "examples/gates-modifiers.json",
            "--team",
            "marketing",
            "--goal",
            "pipeline",
            "--payout",
            "96000.01",
            "--format",
            "text",
        ],
        None,
    );
    assert!(text(&out.stdout)
        .contains("the most it can earn, with every other goal as it is, is 96,000.00"));
    let out = tandem(
        &[
            "solve",
            "examples/shared-revenue.json",
            "--team",
            "nobody",
            "--goal",
            "revenue",
            "--payout",
            "1",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--team: There is no team with the id “nobody”."));
}

#[test]
fn simulate_prints_the_statistics_and_flags_override_the_forecast() {
    let out = tandem(
        &[
            "simulate",
            "examples/shared-revenue.json",
            "--trials",
            "2000",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let recorded: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/shared-revenue-simulation.json")).unwrap();
    assert_eq!(printed, recorded);

    let out = tandem(
        &["simulate", "-", "--seed=9", "--trials", "10"],
        Some(include_str!("../examples/siloed.json")),
    );
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (printed["trials"].as_u64(), printed["seed"].as_u64()),
        (Some(10), Some(9))
    );
}

#[test]
fn simulate_as_text_is_a_short_report() {
    let out = tandem(
        &[
            "simulate",
            "examples/shared-revenue.json",
            "--format",
            "text",
            "--trials",
            "2000",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let report = text(&out.stdout);
    for expected in [
        "P10",
        "P50",
        "P90",
        "above target",
        "Sales",
        "Marketing",
        "Total",
        "Budget 200,000.00: the total goes over it in",
        "Sales' and Marketing's payouts move together: correlation 0.8",
    ] {
        assert!(report.contains(expected), "{expected:?} in\n{report}");
    }
}

#[test]
fn simulate_flags_out_of_range_are_usage_errors_and_no_forecast_is_invalid() {
    for flag in [
        ["--trials", "0"],
        ["--trials", "1000001"],
        ["--seed", "-1"],
        ["--trials", "many"],
    ] {
        let out = tandem(
            &["simulate", "examples/shared-revenue.json", flag[0], flag[1]],
            None,
        );
        assert_eq!(out.status.code(), Some(2), "{flag:?}");
        assert!(text(&out.stderr).contains(flag[0]), "{}", text(&out.stderr));
    }
    let out = tandem(&["simulate", "examples/teaching.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr).trim(), "forecast: Forecast is required.");
}
