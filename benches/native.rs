//! Where the core's time goes, natively (release build, no Wasm, no
//! JavaScript): for each plan, reading its JSON text, validating it,
//! calculating and writing the Result as JSON, and reading and validating
//! it as it crosses into the Wasm module when the folder holds that text
//! (`NAME.crossed`, src/cross.js's); and one keystroke of the page
//! through an `Evaluator`, with and without reading and writing JSON.
//!
//! `npm run bench` writes its workloads into a folder and runs
//! `cargo bench --no-default-features --bench native -- FOLDER`; each line printed is one JSON
//! object, which it puts into docs/benchmarks.md. Every plan `NAME.json` in
//! the folder is measured but `keystroke-*.json`: `keystroke-file.json` is
//! the scenarios a `Calculator` opens, `keystroke-0.json` and
//! `keystroke-1.json` two edits (a result typed), and `keystroke-draw.json`
//! what is asked after each.

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use tandem::{calculate, parse_json, Calculator, Plan};

/// Mean µs per call of `f`, over as many calls as fit in a quarter second
/// after a warm-up.
fn time<T>(mut f: impl FnMut() -> T) -> f64 {
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_millis(50) {
        black_box(f());
    }
    let (start, mut calls) = (Instant::now(), 0u32);
    while calls < 3 || start.elapsed() < Duration::from_millis(250) {
        black_box(f());
        calls += 1;
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(calls)
}

fn main() -> Result<(), String> {
    let folder = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .ok_or("usage: cargo bench --no-default-features --bench native -- FOLDER")?;
    let read = |name: &str| {
        fs::read_to_string(Path::new(&folder).join(name)).map_err(|e| format!("{name}: {e}"))
    };
    let mut names: Vec<String> = fs::read_dir(&folder)
        .map_err(|e| format!("{folder}: {e}"))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json") && !name.starts_with("keystroke-"))
        .collect();
    names.sort();
    for name in names {
        let text = read(&name)?;
        let json = parse_json(&text).map_err(|e| e.to_string())?;
        let plan = Plan::from_json(&json).map_err(|e| e.to_string())?;
        let result = calculate(&plan).map_err(|e| e.to_string())?;
        let write = |value: &tandem::Report| serde_json::to_string(value).unwrap_or_default();
        // The plan as it crosses into the Wasm module (src/cross.js), when
        // the folder holds it: its text and columns read and validated.
        let plan_name = name.trim_end_matches(".json");
        let crossed =
            match fs::read_to_string(Path::new(&folder).join(format!("{plan_name}.crossed"))) {
                Ok(text) => format!("{:.2}", time(|| Plan::from_crossed(&text))),
                Err(_) => "null".to_owned(),
            };
        println!(
            r#"{{"plan":"{}","read":{:.2},"validate":{:.2},"crossed":{crossed},"calculate":{:.2},"write":{:.2},"all":{:.2}}}"#,
            plan_name,
            time(|| parse_json(&text)),
            time(|| Plan::from_json(&json)),
            time(|| calculate(&plan)),
            time(|| write(&result)),
            time(|| {
                let plan = Plan::from_json(&parse_json(&text).ok()?).ok()?;
                Some(write(&calculate(&plan).ok()?))
            }),
        );
    }
    fn parse(text: &str) -> Result<tandem::Json<'_>, String> {
        parse_json(text).map_err(|e| e.to_string())
    }
    let typed = [read("keystroke-0.json")?, read("keystroke-1.json")?];
    let edits = [parse(&typed[0])?, parse(&typed[1])?];
    let asked = read("keystroke-draw.json")?;
    let draw = parse(&asked)?;
    let mut calculator = Calculator::default();
    calculator
        .open(&parse(&read("keystroke-file.json")?)?)
        .map_err(|e| e.to_string())?;
    let mut turn = 0;
    let core = time(|| {
        turn += 1;
        calculator.edit(&edits[turn % 2]).is_ok() && calculator.evaluate(&draw).is_ok()
    });
    let all = time(|| {
        turn += 1;
        calculator.edit(&parse_json(&typed[turn % 2]).ok()?).ok()?;
        Some(serde_json::to_string(&calculator.evaluate(&draw).ok()?).unwrap_or_default())
    });
    println!(r#"{{"keystroke":true,"core":{core:.2},"all":{all:.2}}}"#);
    Ok(())
}
