//! The real `tandem` binary: commands, formats and exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;

use serde_json::json;
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

/// `tandem calc FILE --format text`, which succeeds: the statement it prints.
fn statement(file: &str) -> String {
    let out = tandem(&["calc", file, "--format", "text"], None);
    assert_eq!(out.status.code(), Some(0));
    text(&out.stdout)
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
    let statement = statement("examples/shared-revenue.json");
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

/// The joint split's shares, in steps of 0.0001, each with both places of
/// its percentage. Worked by hand: 150,000, 82,400 and 51,000 of 283,400
/// are 52.9287…, 29.0755… and 17.9957… %; in steps of 0.01 points, 52.92,
/// 29.07 and 17.99 with two steps left, to the largest remainders (0.87 and
/// 0.58 of a step): 52.93, 29.07 and 18.00, written 18.00 %, not 18 %.
#[test]
fn calc_text_writes_the_joint_split_with_both_places() {
    let statement = statement("examples/gates-modifiers.json");
    let split: Vec<&str> = statement
        .lines()
        .skip_while(|line| *line != "JOINT SPLIT")
        .skip(1)
        .take(3)
        .map(|line| line.rsplit("   ").next().unwrap_or_default().trim())
        .collect();
    assert_eq!(split, ["52.93 %", "29.07 %", "18.00 %"], "{statement}");
}

#[test]
fn calc_csv_has_a_row_per_payee_and_its_payouts_add_up_to_the_total() {
    let out = tandem(&["calc", "examples/siloed.json", "--format=csv"], None);
    assert_eq!(out.status.code(), Some(0));
    let csv = text(&out.stdout);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "team,team_name,member,member_share,payout,currency"
    );
    // By hand: Sales 120,000 × (0.7 × 0.925 + 0.3 × 1.1) = 117,300.00 over
    // three members of share 1, 39,100.00 each; Marketing 60,000 × (0.6 ×
    // 1.1 + 0.4 × 0.95) = 62,400.00 over two, 31,200.00 each. No team's own
    // row beside its members': the column adds up to 179,700.00.
    assert_eq!(rows[1], "sales,Sales,Ana Lima,1,39100.00,USD");
    assert_eq!(rows[4], "marketing,Marketing,Dev Patel,1,31200.00,USD");
    assert_eq!(rows.len(), 1 + 5);
    let cents: u64 = rows[1..]
        .iter()
        .map(|row| {
            row.split(',')
                .nth(4)
                .unwrap()
                .replace('.', "")
                .parse::<u64>()
                .unwrap()
        })
        .sum();
    assert_eq!(cents, 17_970_000);
    // A team without members is its own row.
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("examples/siloed.json").unwrap()).unwrap();
    plan["teams"][1].as_object_mut().unwrap().remove("members");
    let out = tandem(&["calc", "-", "--format=csv"], Some(&plan.to_string()));
    let csv = text(&out.stdout);
    assert_eq!(
        csv.lines().last(),
        Some("marketing,Marketing,,,62400.00,USD")
    );
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
    assert_eq!(rows[3], "sales,Sales,\"Martin, Chloé\",1,34714.28,USD");
    assert_eq!(rows[7], "marketing,Marketing,Zoë Ng,0.5,11790.00,USD");
    // Sales: 3 × 34,714.29 − 0.01 + 17,357.14 = 121,500.00, the team payout
    // (by hand; the JSON result says it, and the CSV has no row of its own for it).
    let cents = |row: &str| -> i64 {
        row.split(',')
            .nth_back(1)
            .unwrap()
            .replace('.', "")
            .parse()
            .unwrap()
    };
    let sales: i64 = rows[1..5].iter().map(|r| cents(r)).sum();
    assert_eq!(sales, 12_150_000);
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

/// A roster's columns that were not read are said on standard error, as
/// the page says them.
#[test]
fn a_rosters_columns_not_read_are_said() {
    let dir = std::env::temp_dir().join(format!("tandem-unread-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let roster = dir.join("hr.csv");
    std::fs::write(
        &roster,
        "name,email,team,share,\nAna,ana@example.com,sales,1,\nBen,ben@example.com,marketing,1,x\n",
    )
    .unwrap();
    let path = roster.to_str().unwrap();
    let out = tandem(
        &["calc", "examples/shared-revenue.json", "--roster", path],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        format!("{path}: Read with “,” between fields. Columns not read: “email” and the 5th (no name in the header).\n")
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
    // Paid more past 1,000 % (pro rata without end): the most is said of
    // the attainments looked at. By hand: 18,000 × 10 + 14,400 = 194,400.00.
    let out = tandem(
        &[
            "solve",
            "examples/teaching.json",
            "--team",
            "marketing",
            "--goal",
            "revenue",
            "--payout",
            "200000",
            "--format",
            "text",
        ],
        None,
    );
    assert_eq!(
        text(&out.stdout),
        "Marketing cannot be paid 200,000.00 on Revenue alone up to 1000 % of target: the most it can earn there, with every other goal as it is, is 194,400.00.\n"
    );
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
    // By hand: mean 179,446.06 − 179,400.00 at the likely results = 46.06
    // (skew 0.00 + shape 46.06); 2 × the standard error 323.03 = 646.06.
    assert_eq!(printed["gap"]["difference"], json!("46.06"));
    assert_eq!(printed["gap"]["noise"], json!("646.06"));

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

/// `examples/siloed-vs-shared.json`, worked by hand. Siloed today: Sales
/// 120,000 × (0.7 × 0.925 + 0.3 × 1.1) = 117,300.00; Marketing 60,000 ×
/// (0.6 × 1.1 + 0.4 × 0.95) = 62,400.00. Shared tomorrow: 121,500.00 and
/// 58,950.00 (the Shared revenue example). Ten more points of New ARR pay
/// Sales 120,000 × 0.7 × 0.1 = 8,400.00 siloed, 120,000 × 0.5 × 0.1 =
/// 6,000.00 shared, and Marketing 0.00 and 3,000.00.
const SCENARIOS: &str = "examples/siloed-vs-shared.json";

#[test]
fn calc_reads_a_scenario_file_and_compares_the_scenarios() {
    let out = tandem(&["calc", SCENARIOS], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed["active"], 1);
    let payouts = |i: usize| -> Vec<&str> {
        let teams = printed["scenarios"][i]["result"]["teams"]
            .as_array()
            .unwrap();
        teams
            .iter()
            .map(|t| t["payout"].as_str().unwrap())
            .collect()
    };
    assert_eq!(printed["scenarios"][0]["name"], "Siloed today");
    assert_eq!(payouts(0), ["117300.00", "62400.00"]);
    assert_eq!(payouts(1), ["121500.00", "58950.00"]);
    let comparison = &printed["comparison"];
    assert_eq!(comparison["goal"], "revenue");
    let shared = &comparison["scenarios"][1];
    assert_eq!(shared["totalDifference"], "750.00");
    let differences: Vec<&str> = (0..2)
        .map(|t| shared["teams"][t]["difference"].as_str().unwrap())
        .collect();
    assert_eq!(differences, ["4200.00", "-3450.00"]);
    let per_ten =
        |i: usize, t: usize| comparison["scenarios"][i]["teams"][t]["perTenPoints"].clone();
    assert_eq!(per_ten(0, 0), "8400.00");
    assert_eq!(per_ten(0, 1), "0.00");
    assert_eq!(per_ten(1, 0), "6000.00");
    assert_eq!(per_ten(1, 1), "3000.00");
    assert_eq!(
        comparison["scenarios"][0]["totalDifference"],
        serde_json::Value::Null
    );
}

#[test]
fn calc_text_and_csv_of_a_scenario_file() {
    let statement = statement(SCENARIOS);
    for expected in [
        "SCENARIO 1 OF 2: Siloed today",
        "SCENARIO 2 OF 2: Shared tomorrow (the one being edited)",
        "SCENARIOS SIDE BY SIDE",
        "Difference from “Siloed today”, and each team's payout change for 10 more points of New ARR attainment.",
        "117,300.00",
        "121,500.00  +4,200.00  +6,000.00 per +10 pts",
        "58,950.00  −3,450.00  +3,000.00 per +10 pts",
        "180,450.00  +750.00",
    ] {
        assert!(statement.contains(expected), "missing {expected:?} in\n{statement}");
    }
    let out = tandem(&["calc", SCENARIOS, "--format", "csv"], None);
    let csv = text(&out.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "scenario,team,team_name,member,member_share,payout,currency"
    );
    // Siloed Sales' 117,300.00 over three members; shared Marketing's
    // 58,950.00 over two, 29,475.00 each (by hand).
    assert_eq!(lines[1], "Siloed today,sales,Sales,Ana Lima,1,39100.00,USD");
    assert!(lines.contains(&"Shared tomorrow,marketing,Marketing,Dev Patel,1,29475.00,USD"));
}

#[test]
fn check_reads_a_scenario_file_with_every_path_in_the_file() {
    let out = tandem(&["check", SCENARIOS, "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Siloed today shares no goal; Shared tomorrow warns of nothing.
    assert_eq!(printed["warnings"][0]["path"], "scenarios[0].plan.goals");
    assert_eq!(printed["warnings"][0]["code"], "noSharedGoal");
    assert_eq!(printed["warnings"].as_array().unwrap().len(), 1);

    let broken = std::fs::read_to_string(SCENARIOS).unwrap().replacen(
        "\"actual\": \"1850000\"",
        "\"actual\": \"-5\"",
        2,
    );
    for command in ["check", "calc"] {
        let out = tandem(&[command, "-"], Some(&broken));
        assert_eq!(out.status.code(), Some(1), "{command}");
        let said = text(if command == "check" {
            &out.stdout
        } else {
            &out.stderr
        });
        assert!(
            said.contains("scenarios[0].plan.goals[0].actual: Actual result cannot be negative."),
            "{said}"
        );
        assert!(said.contains("scenarios[1].plan.goals[0].actual"), "{said}");
    }

    let out = tandem(
        &["calc", "-"],
        Some(r#"{"active": 3, "scenarios": [{"plan": {}}], "extra": 1}"#),
    );
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(said.contains("active: "), "{said}");
    assert!(said.contains("extra: "), "{said}");
    let out = tandem(&["check", "-"], Some("[1, 2]"));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("must be an object { … } (a plan or a scenario file)"));
}

#[test]
fn a_roster_applies_to_every_scenario() {
    let out = tandem(
        &["calc", SCENARIOS, "--roster", "examples/roster.csv"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let plain = tandem(
        &[
            "calc",
            "examples/siloed.json",
            "--roster",
            "examples/roster.csv",
        ],
        None,
    );
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(printed["scenarios"][0]["result"], plain);
}

/// One team on one goal, "New ARR" (target 100), with `curve`, `cap` and a
/// triangular forecast `low`, `likely`, `high`, simulated as text and JSON.
fn explained(
    curve: serde_json::Value,
    cap: Option<&str>,
    forecast: [&str; 3],
) -> (String, serde_json::Value) {
    let mut team = json!({ "id": "sales", "name": "Sales", "targetIncentive": "1000.00",
                           "weights": { "revenue": "1" } });
    if let Some(cap) = cap {
        team["cap"] = json!(cap);
    }
    let plan = json!({
        "version": 1,
        "goals": [{ "id": "revenue", "name": "New ARR", "target": "100", "actual": "100", "curve": curve }],
        "teams": [team],
        "forecast": { "goals": { "revenue": { "low": forecast[0], "likely": forecast[1], "high": forecast[2] } } }
    })
    .to_string();
    let written = tandem(&["simulate", "-", "--format", "text"], Some(&plan));
    let json = tandem(&["simulate", "-"], Some(&plan));
    (
        text(&written.stdout),
        serde_json::from_slice(&json.stdout).unwrap(),
    )
}

/// The percent the text writes for a fraction of the JSON.
fn percent_of(fraction: &serde_json::Value) -> String {
    let value: f64 = fraction.as_str().unwrap().parse().unwrap();
    let rounded = format!("{:.2}", value * 100.0);
    let trimmed = rounded.trim_end_matches('0').trim_end_matches('.');
    format!("{trimmed} %")
}

const CAUSES: [&str; 5] = ["cap cut", "gate", "threshold", "steeper", "last point"];

/// The causes named where the text says where the trials fell.
fn causes_named(text: &str) -> Vec<&'static str> {
    let fell: String = text
        .lines()
        .filter(|l| l.starts_with("  - ") && !l.contains('['))
        .filter_map(|l| {
            l.split_once("Where the trials fell: ")
                .map(|(_, causes)| causes)
        })
        .collect();
    CAUSES.into_iter().filter(|c| fell.contains(c)).collect()
}

#[test]
fn a_cap_that_binds_is_the_only_cause_named() {
    // Pro rata, capped at 1.05× target incentive; New ARR from 70 to 130:
    // over 105 in (130 − 105)² / (60 × 30) = 34.7 % of trials. The cap
    // cuts the mean by about 28.9 per trial, far beyond noise.
    let pro_rata = json!({ "points": [["0", "0"], ["1", "1"]], "beyond": "extend" });
    let (text, sim) = explained(pro_rata, Some("1.05"), ["70", "100", "130"]);
    let capped = &sim["teams"][0]["binding"]["capped"];
    let share: f64 = capped.as_str().unwrap().parse().unwrap();
    assert!((0.32..0.37).contains(&share), "{share}");
    assert_eq!(sim["gap"]["shapeIsNoise"], json!(false));
    assert!(
        text.contains(&format!(
            "Sales's cap cut its pay in {} of trials",
            percent_of(capped)
        )),
        "{text}"
    );
    assert_eq!(causes_named(&text), ["cap cut"], "{text}");
    assert!(text.contains("less than at the likely results"), "{text}");
    // Symmetric: no skew is named.
    assert!(!text.contains("skewed"), "{text}");
}

#[test]
fn an_accelerator_reached_in_a_tenth_of_trials_is_named() {
    // Pro rata to 116 %, then 1.84 over 0.84 to 200 %: accelerated above
    // 116, reached in (130 − 116)² / 1800 = 10.9 % of trials.
    let curve = json!({ "points": [["0", "0"], ["1.16", "1.16"], ["2", "3"]], "beyond": "cap" });
    let (text, sim) = explained(curve, None, ["70", "100", "130"]);
    let goal = &sim["teams"][0]["binding"]["goals"]["revenue"];
    let share: f64 = goal["accelerated"].as_str().unwrap().parse().unwrap();
    assert!((0.09..0.12).contains(&share), "{share}");
    assert!(
        text.contains(&format!(
            "“New ARR” was on a segment steeper than pro rata in {} of trials",
            percent_of(&goal["accelerated"])
        )),
        "{text}"
    );
    assert_eq!(causes_named(&text), ["steeper"], "{text}");
    assert!(text.contains("more than at the likely results"), "{text}");
}

#[test]
fn a_skewed_forecast_names_its_goal_and_the_mean() {
    // 70 / 90 / 130: the mean 96.666… is 96.67 to 0 + 2 places, not 90.
    let pro_rata = json!({ "points": [["0", "0"], ["1", "1"]], "beyond": "extend" });
    let (text, sim) = explained(pro_rata, Some("1.05"), ["70", "90", "130"]);
    assert_eq!(sim["goals"][0]["mean"], json!("96.67"));
    assert_eq!(sim["goals"][0]["skewed"], json!(true));
    // At 96.67 % the team earns 966.70; at 90 %, 900.00.
    assert_eq!(sim["gap"]["skew"], json!("66.70"));
    assert!(text.contains("  - 66.70 more from the skewed forecast of “New ARR” (mean 96.67, likely 90): at the mean results the plan costs 966.70."), "{text}");
}

#[test]
fn a_noise_only_difference_claims_no_cause() {
    for trials in ["10000", "100000"] {
        let out = tandem(
            &[
                "simulate",
                "examples/shared-revenue.json",
                "--format",
                "text",
                "--trials",
                trials,
            ],
            None,
        );
        let text = text(&out.stdout);
        assert!(
            text.contains("is within sampling noise (± 2 standard errors = ± "),
            "{text}"
        );
        assert_eq!(causes_named(&text), Vec::<&str>::new(), "{text}");
        assert!(!text.contains("skewed"), "{text}");
    }
}

/// A ratio of the JSON as the text writes it: at most 4 places, no trailing zeros.
fn ratio_of(value: &serde_json::Value) -> String {
    let value: f64 = value.as_str().unwrap().parse().unwrap();
    let rounded = format!("{value:.4}");
    rounded
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_owned()
}

/// An amount of the JSON as the text writes it: thousands grouped by commas.
fn grouped(value: &serde_json::Value) -> String {
    let (whole, cents) = value.as_str().unwrap().split_once('.').unwrap();
    let digits: Vec<char> = whole.chars().collect();
    let mut out = String::new();
    for (i, digit) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(*digit);
    }
    format!("{out}.{cents}")
}

#[test]
fn simulate_text_says_each_teams_leverage_and_shared_pay() {
    let written = tandem(
        &[
            "simulate",
            "examples/shared-revenue.json",
            "--format",
            "text",
        ],
        None,
    );
    let json = tandem(&["simulate", "examples/shared-revenue.json"], None);
    let said = text(&written.stdout);
    let sim: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    // Each team's line, from the JSON's leverage, maxLeverage, meanShared and mean.
    for team in sim["teams"].as_array().unwrap() {
        let line = format!(
            "{}: a good year (P90) pays {}× target, at most {}×; {} of the mean payout {} is earned on shared goals.",
            team["name"].as_str().unwrap(),
            ratio_of(&team["leverage"]),
            ratio_of(&team["maxLeverage"]),
            grouped(&team["meanShared"]),
            grouped(&team["stats"]["mean"])
        );
        assert!(said.lines().any(|l| l == line), "{line}\n{said}");
    }
    // Sales: P90 133,953.98 ÷ 120,000 = 1.1163; capped at 2×; half of its
    // incentive rides on New ARR, which Marketing shares.
    assert!(said.contains("\nSales: a good year (P90) pays 1.1163× target, at most 2×; 59,968.14 of the mean payout 119,969.34 is earned on shared goals.\n"), "{said}");
    // One team on pro rata without end: nothing bounds its pay (no "at
    // most"), and no goal is shared, so nothing is earned on shared goals.
    let pro_rata = json!({ "points": [["0", "0"], ["1", "1"]], "beyond": "extend" });
    let (said, sim) = explained(pro_rata, None, ["70", "100", "130"]);
    let team = &sim["teams"][0];
    assert_eq!(team["maxLeverage"], serde_json::Value::Null);
    assert_eq!(team["meanShared"], json!("0.00"));
    let line = format!(
        "Sales: a good year (P90) pays {}× target; 0.00 of the mean payout {} is earned on shared goals.",
        ratio_of(&team["leverage"]),
        grouped(&team["stats"]["mean"])
    );
    assert!(said.lines().any(|l| l == line), "{line}\n{said}");
}

#[test]
fn the_statement_shows_economics_and_check_lists_findings() {
    let statement = statement("examples/shared-revenue.json");
    // 180,000 + 120,000 = 300,000, 40 % of it incentive; Marketing 240,000 +
    // 60,000 = 300,000, 20 %. Cost of sales: (420,000 + 180,000) /
    // 2,000,000 = 30 % at target; (420,000 + 180,450) / 1,850,000 =
    // 0.3245675…, 32.46 % at the actual results (ratios rounded half to
    // even to four places, as the plan model shows them).
    assert!(statement.contains("  On-target earnings 300,000.00 (base 180,000.00 + target incentive 120,000.00), 40 % of it incentive."), "{statement}");
    assert!(statement.contains("  On-target earnings 300,000.00 (base 240,000.00 + target incentive 60,000.00), 20 % of it incentive."), "{statement}");
    assert!(statement.contains("Cost of sales (base and incentive pay ÷ revenue): 30 % at target, 32.46 % at the actual results."), "{statement}");
    let out = tandem(&["check", "examples/leverage.json"], None);
    assert_eq!(out.status.code(), Some(0));
    let checked = text(&out.stdout);
    assert!(checked.starts_with("practice warning: teams[0]: Account executive's good year (P90) pays 1.9873× its target incentive, under 2×"), "{checked}");
    assert!(
        checked
            .trim_end()
            .ends_with("[leverageLow]\nThe plan is valid and has no warnings; the findings above are where it departs from common practice."),
        "{checked}"
    );
}

#[test]
fn csv_locale_writes_as_that_locales_spreadsheets_read() {
    let german = tandem(
        &[
            "calc",
            "examples/shared-revenue.json",
            "--format",
            "csv",
            "--csv-locale",
            "de-DE",
        ],
        None,
    );
    assert_eq!(german.status.code(), Some(0));
    let csv = text(&german.stdout);
    let rows: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        rows[0],
        "\u{feff}team;team_name;member;member_share;payout;currency"
    );
    // 121,500.00 over three members of share 1 (by hand).
    assert_eq!(rows[1], "sales;Sales;Ana Lima;1;40500,00;USD");
    let sweep = tandem(
        &[
            "sweep",
            "examples/shared-revenue.json",
            "--goal",
            "revenue",
            "--from",
            "0.5",
            "--to",
            "1.5",
            "--steps",
            "3",
            "--format",
            "csv",
            "--csv-locale",
            "fr-FR",
        ],
        None,
    );
    let csv = text(&sweep.stdout);
    // 50 % of New ARR's target: a team on pro-rata curves.
    assert!(
        csv.starts_with("\u{feff}attainment;sales;marketing;total\r\n0,5;"),
        "{csv}"
    );
    let wrong = tandem(
        &[
            "calc",
            "examples/shared-revenue.json",
            "--csv-locale",
            "de-DE",
        ],
        None,
    );
    assert_eq!(wrong.status.code(), Some(2));
}

#[test]
fn a_command_that_reads_one_plan_says_a_scenario_file_is_one() {
    for command in ["simulate", "solve", "sweep"] {
        let out = tandem(&[command, SCENARIOS], None);
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert!(
            text(&out.stderr).starts_with(&format!(
                "tandem: {command} reads one plan, and {SCENARIOS} is a scenario file: `tandem calc` and `tandem check` read every scenario in it; give {command} one scenario's plan."
            )),
            "{}",
            text(&out.stderr)
        );
    }
}
