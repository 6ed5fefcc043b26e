//! Commands, flags and exit codes of `tandem`.
//!
//! Exit 0 on success, 1 when the plan is invalid (every error on standard
//! error as `path: message`), 2 on bad usage or an unreadable file.

mod text;

use std::io::{self, Read, Write};
use std::process::ExitCode;

use tandem::{Convention, Errors, Json, Plan, Scenarios, SolveOptions, SweepOptions};

const HELP: &str = "\
tandem: sales-and-marketing incentives with shared ownership of the outcome

Usage:
  tandem calc PLAN.json [--format json|text|csv] [--csv-locale TAG] [--roster ROSTER.csv]
  tandem check PLAN.json [--format text|json] [--roster ROSTER.csv]
  tandem sweep PLAN.json --goal ID --from A --to B --steps N [--format json|csv]
              [--csv-locale TAG]
  tandem solve PLAN.json --team ID --goal ID --payout P [--format json|text]
  tandem simulate PLAN.json [--trials N] [--seed S] [--format json|text]
  tandem --help | --version

PLAN.json is a plan file as described in the README; `-` reads standard input.
calc and check also read a scenario file (several plans side by side, as the
page saves them): calc prints every scenario and the comparison, check every
scenario's errors and warnings, each at its path in the file.

  calc    prints the result: JSON (default), a readable statement (text), or
          one CSV row per payee: each member, or a team without members (csv)
  check   prints the plan's errors and warnings; exit 1 when it has errors
  --csv-locale  writes CSV as a spreadsheet in locale TAG reads it (de-DE:
          ';' between fields and decimal commas; en-US: ',' and '.'), after a
          byte-order mark so that Excel reads it as UTF-8; without it, or
          with `plain`, ',' and '.' and no mark
  --roster  takes each team's members from a CSV file with the header
          name,team,share (team is a team id or name); teams it does not
          name keep their members, and a bad row, reported by line, changes
          nothing. Fields may be separated by ',' or by ';' with decimal
          commas (as German Excel saves them) or by tabs; UTF-8, UTF-16 or
          Windows-1252, as the file is
  sweep   recomputes the plan N times (2 to 1000) with goal ID's attainment
          going from A to B (decimal fractions: 1.5 is 150 %) and prints each
          team's payout and the total at every step
  solve   finds what goal ID must reach (0 % to 1000 %, in steps of 0.01
          points) for team ID to be paid at least P, every other goal at its
          actual result
  simulate  calculates the plan N times (1 to 1,000,000; default the
          forecast's trials) with results drawn from the plan's forecast and
          prints what it may cost: each team's and the total's spread, the
          chance of going over budget, how tied the teams' payouts are

Exit status: 0 success, 1 invalid plan, 2 bad usage or unreadable file.
";

/// How a command prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Text,
    Csv,
}

/// A command line, understood.
#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Version,
    Calc {
        plan: String,
        format: Format,
        csv: Convention,
        roster: Option<String>,
    },
    Check {
        plan: String,
        format: Format,
        roster: Option<String>,
    },
    Sweep {
        plan: String,
        format: Format,
        csv: Convention,
        options: Vec<(String, String)>,
    },
    Solve {
        plan: String,
        format: Format,
        options: Vec<(String, String)>,
    },
    Simulate {
        plan: String,
        format: Format,
        options: Vec<(String, String)>,
    },
}

/// What ended a command early.
enum Failure {
    /// The plan, or the sweep's options, are invalid (exit 1 or 2).
    Invalid(Errors, u8),
    /// Bad usage or unreadable input (exit 2).
    Usage(String),
    /// A roster file with bad rows (exit 1).
    Roster(tandem::RosterErrors),
}

pub fn run(args: &[String]) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = parse_args(args)
        .map_err(Failure::Usage)
        .and_then(|command| execute(command, &mut out));
    let flushed = out.flush();
    match result {
        Ok(code) if flushed.is_ok() => ExitCode::from(code),
        // Output cut short (a closed pipe, a full disk) is not success.
        Ok(_) => ExitCode::from(2),
        Err(Failure::Invalid(errors, code)) => {
            eprintln!("{errors}");
            ExitCode::from(code)
        }
        Err(Failure::Roster(errors)) => {
            eprintln!("{errors}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("tandem: {message}\nRun `tandem --help` for usage.");
            ExitCode::from(2)
        }
    }
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err("no command given".to_owned());
    };
    let mut plan = None;
    let mut format = None;
    let mut options = Vec::new();
    let mut roster = None;
    let mut csv = None;
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        if arg == "-" || !arg.starts_with('-') {
            if plan.replace(arg.clone()).is_some() {
                return Err(format!("unexpected argument “{arg}”: give one plan file"));
            }
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag, Some(value.to_owned())),
            None => (arg.as_str(), None),
        };
        if matches!(flag, "--help" | "-h") {
            return Ok(Command::Help);
        }
        let sweep_flag = ["--goal", "--from", "--to", "--steps"].contains(&flag);
        let solve_flag = ["--team", "--goal", "--payout"].contains(&flag);
        let roster_flag = flag == "--roster" && (command == "calc" || command == "check");
        let simulate_flag = ["--trials", "--seed"].contains(&flag);
        let csv_flag = flag == "--csv-locale" && (command == "calc" || command == "sweep");
        let accepted = flag == "--format"
            || roster_flag
            || csv_flag
            || (sweep_flag && command == "sweep")
            || (solve_flag && command == "solve")
            || (simulate_flag && command == "simulate");
        if !accepted {
            return Err(format!("unknown option “{flag}” for `tandem {command}`"));
        }
        let value = match inline {
            Some(value) => value,
            None => rest
                .next()
                .cloned()
                .ok_or(format!("{flag} needs a value"))?,
        };
        if flag == "--roster" {
            roster = Some(value);
        } else if flag == "--csv-locale" {
            csv = Some(Convention::of_locale(&value).map_err(|e| format!("--csv-locale: {e}"))?);
        } else if flag == "--format" {
            format = Some(match value.as_str() {
                "json" => Format::Json,
                "text" => Format::Text,
                "csv" => Format::Csv,
                other => return Err(format!("unknown format “{other}”: use json, text or csv")),
            });
        } else {
            options.push((flag.trim_start_matches("--").to_owned(), value));
        }
    }
    let plan = || {
        plan.clone().ok_or(format!(
            "`tandem {command}` needs a plan file (or - for standard input)"
        ))
    };
    let allow = |allowed: &[Format], default: Format| match format {
        None => Ok(default),
        Some(f) if allowed.contains(&f) => Ok(f),
        Some(_) => Err(format!("`tandem {command}` does not print that format")),
    };
    if csv.is_some() && format != Some(Format::Csv) {
        return Err("--csv-locale says how --format csv writes: give --format csv too".to_owned());
    }
    let csv = csv.unwrap_or(Convention::PLAIN);
    match command.as_str() {
        "--help" | "-h" | "help" => Ok(Command::Help),
        "--version" | "-V" => Ok(Command::Version),
        "calc" => Ok(Command::Calc {
            plan: plan()?,
            format: allow(&[Format::Json, Format::Text, Format::Csv], Format::Json)?,
            csv,
            roster,
        }),
        "check" => Ok(Command::Check {
            plan: plan()?,
            format: allow(&[Format::Text, Format::Json], Format::Text)?,
            roster,
        }),
        "sweep" => Ok(Command::Sweep {
            plan: plan()?,
            format: allow(&[Format::Json, Format::Csv], Format::Json)?,
            csv,
            options,
        }),
        "solve" => Ok(Command::Solve {
            plan: plan()?,
            format: allow(&[Format::Json, Format::Text], Format::Json)?,
            options,
        }),
        "simulate" => Ok(Command::Simulate {
            plan: plan()?,
            format: allow(&[Format::Json, Format::Text], Format::Json)?,
            options,
        }),
        other => Err(format!("unknown command “{other}”")),
    }
}

fn execute(command: Command, out: &mut impl Write) -> Result<u8, Failure> {
    let written = |result: io::Result<()>| result.map(|()| 0).or(Ok(2));
    match command {
        Command::Help => written(out.write_all(HELP.as_bytes())),
        Command::Version => written(writeln!(out, "tandem {}", env!("CARGO_PKG_VERSION"))),
        Command::Calc {
            plan,
            format,
            csv,
            roster,
        } => {
            let scenarios = with_roster(read_scenarios(&plan)?, roster.as_deref())?;
            let text = if scenarios.is_set() {
                let results = scenarios.calculate().map_err(|e| Failure::Invalid(e, 1))?;
                match format {
                    Format::Json => json(&results),
                    Format::Text => text::scenarios(&scenarios, &results),
                    Format::Csv => tandem::scenario_payouts_csv(&results, csv),
                }
            } else {
                let plan = scenarios.plans().map_err(|e| Failure::Invalid(e, 1))?;
                let plan = plan.first().ok_or(Failure::Usage("no plan".to_owned()))?;
                let report = tandem::calculate(plan).map_err(|e| Failure::Invalid(e, 1))?;
                match format {
                    Format::Json => json(&report),
                    Format::Text => text::statement(plan, &report),
                    Format::Csv => tandem::payouts_csv(&report, csv),
                }
            };
            written(out.write_all(text.as_bytes()))
        }
        Command::Check {
            plan,
            format,
            roster,
        } => {
            let check = match read_scenarios(&plan) {
                Ok(scenarios) => with_roster(scenarios, roster.as_deref())?.check(),
                Err(Failure::Invalid(errors, _)) => tandem::Check {
                    errors: errors.0,
                    warnings: Vec::new(),
                    findings: Vec::new(),
                    facts: Vec::new(),
                },
                Err(other) => return Err(other),
            };
            let text = match format {
                Format::Json => json(&check),
                _ => text::check(&check),
            };
            written(out.write_all(text.as_bytes()))?;
            Ok(if check.errors.is_empty() { 0 } else { 1 })
        }
        Command::Sweep {
            plan,
            format,
            csv,
            options,
        } => {
            let plan = one_plan(&plan, "sweep")?;
            let options = sweep_options(&plan, options)?;
            let points = tandem::sweep(&plan, &options).map_err(|e| Failure::Invalid(e, 1))?;
            let text = match format {
                Format::Csv => tandem::sweep_csv(&points, csv),
                _ => json(&points),
            };
            written(out.write_all(text.as_bytes()))
        }
        Command::Solve {
            plan,
            format,
            options,
        } => {
            let plan = one_plan(&plan, "solve")?;
            let flag = |key: &str| {
                let given = options.iter().find(|(k, _)| k == key);
                given.map(|(_, value)| value.clone()).unwrap_or_default()
            };
            let asked = (flag("team"), flag("goal"), flag("payout"));
            let options =
                SolveOptions::from_json(&plan, &flags_json(options, &[])).map_err(usage)?;
            let solution = tandem::solve(&plan, &options).map_err(|e| Failure::Invalid(e, 1))?;
            let text = match format {
                Format::Text => {
                    let report = tandem::calculate(&plan).map_err(|e| Failure::Invalid(e, 1))?;
                    text::solution(&report, &asked, &solution)
                }
                _ => json(&solution),
            };
            written(out.write_all(text.as_bytes()))
        }
        Command::Simulate {
            plan,
            format,
            options,
        } => {
            let plan = one_plan(&plan, "simulate")?;
            let options = flags_json(options, &["trials", "seed"]);
            let options = tandem::SimulateOptions::from_json(&options).map_err(usage)?;
            let simulation =
                tandem::simulate(plan.clone(), &options).map_err(|e| Failure::Invalid(e, 1))?;
            let text = match format {
                Format::Text => text::simulation(&plan, &simulation),
                _ => json(&simulation),
            };
            written(out.write_all(text.as_bytes()))
        }
    }
}

/// Flags as the options object the library validates, so the CLI and the
/// Wasm module share one set of rules; the keys in `numbers` are JSON
/// numbers when they are whole numbers.
fn flags_json(flags: Vec<(String, String)>, numbers: &[&str]) -> Json<'static> {
    let entries = flags
        .into_iter()
        .map(|(key, value)| {
            let json = match value.parse::<u64>() {
                Ok(n) if numbers.contains(&key.as_str()) => Json::Number(n.to_string().into()),
                _ => Json::String(value.into()),
            };
            (key.into(), json)
        })
        .collect();
    Json::Object(entries)
}

/// Errors in options given as flags: bad usage, each named by its flag.
fn usage(errors: Errors) -> Failure {
    let flags: Vec<String> = errors
        .0
        .iter()
        .map(|e| format!("--{}: {}", e.path, e.message()))
        .collect();
    Failure::Usage(flags.join("\n"))
}

/// The sweep's flags as the `{ goal, from, to, steps }` object.
fn sweep_options(plan: &Plan, flags: Vec<(String, String)>) -> Result<SweepOptions, Failure> {
    SweepOptions::from_json(plan, &flags_json(flags, &["steps"])).map_err(usage)
}

/// The scenarios with their members taken from a roster file, when one is
/// given: the roster applies to every scenario, each by its own team ids.
fn with_roster(mut scenarios: Scenarios, roster: Option<&str>) -> Result<Scenarios, Failure> {
    let Some(path) = roster else {
        return Ok(scenarios);
    };
    let bytes = read_bytes(path)?;
    let mut read = None;
    for scenario in &mut scenarios.scenarios {
        let rostered = tandem::apply_roster(&scenario.plan, &bytes).map_err(Failure::Roster)?;
        scenario.plan = rostered.plan;
        read = Some(rostered.format);
    }
    // A file read otherwise than as plain UTF-8 with commas, or with
    // columns that were not read, says so.
    if let Some(format) = read.filter(|f| {
        f.separator != ','
            || f.encoding != tandem::Encoding::Utf8
            || f.other_mark.is_some()
            || !f.unread.is_empty()
    }) {
        eprintln!("{path}: {}", format.describe());
    }
    Ok(scenarios)
}

/// A plan file or a scenario file.
fn read_scenarios(path: &str) -> Result<Scenarios, Failure> {
    let text = read_text(path)?;
    Scenarios::from_json(&parse_json(&text)?).map_err(|e| Failure::Invalid(e, 1))
}

fn parse_json(text: &str) -> Result<Json<'_>, Failure> {
    tandem::parse_json(text).map_err(|e| Failure::Invalid(e, 1))
}

fn read_text(path: &str) -> Result<String, Failure> {
    String::from_utf8(read_bytes(path)?)
        .map_err(|e| Failure::Usage(format!("cannot read {path}: {e}")))
}

fn read_bytes(path: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    read.map_err(|e| Failure::Usage(format!("cannot read {path}: {e}")))?;
    Ok(bytes)
}

/// The plan at `path` for a command that reads one plan; a scenario file
/// is told apart and said so, not read as a plan with a misspelt field.
fn one_plan(path: &str, command: &str) -> Result<Plan, Failure> {
    let text = read_text(path)?;
    let json = parse_json(&text)?;
    if Scenarios::is_file(&json) {
        return Err(Failure::Usage(format!(
            "{command} reads one plan, and {path} is a scenario file: `tandem calc` and \
             `tandem check` read every scenario in it; give {command} one scenario's plan."
        )));
    }
    Plan::from_json(&json).map_err(|e| Failure::Invalid(e, 1))
}

fn json(value: &impl serde::Serialize) -> String {
    // Serializing these types cannot fail: every map key is a string.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn reads_commands_and_flags() {
        assert_eq!(
            parse_args(&args("calc plan.json --format text")),
            Ok(Command::Calc {
                plan: "plan.json".into(),
                format: Format::Text,
                csv: Convention::PLAIN,
                roster: None,
            })
        );
        assert_eq!(
            parse_args(&args("calc --format=csv --csv-locale de-DE -")),
            Ok(Command::Calc {
                plan: "-".into(),
                format: Format::Csv,
                csv: Convention {
                    decimal_comma: true,
                    bom: true
                },
                roster: None,
            })
        );
        assert_eq!(
            parse_args(&args(
                "sweep p.json --goal revenue --from 0 --to 1.5 --steps 4"
            )),
            Ok(Command::Sweep {
                plan: "p.json".into(),
                format: Format::Json,
                csv: Convention::PLAIN,
                options: vec![
                    ("goal".into(), "revenue".into()),
                    ("from".into(), "0".into()),
                    ("to".into(), "1.5".into()),
                    ("steps".into(), "4".into()),
                ],
            })
        );
        assert_eq!(parse_args(&args("check p.json --help")), Ok(Command::Help));
    }

    #[test]
    fn rejects_bad_usage() {
        for line in [
            "",
            "frobnicate p.json",
            "calc",
            "calc a.json b.json",
            "calc p.json --format xml",
            "calc p.json --goal revenue",
            "check p.json --format csv",
            "calc p.json --format",
            "calc p.json --csv-locale de-DE",
            "calc p.json --format csv --csv-locale deutsch",
            "check p.json --csv-locale de-DE",
        ] {
            assert!(parse_args(&args(line)).is_err(), "{line:?}");
        }
    }
}
