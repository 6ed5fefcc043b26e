//! Raw bytes → every other way into the core: a scenario file (read, its
//! shape, checked, results shared, every scenario calculated), the facts of
//! a plan being typed, an `Evaluator` taking it as an edit after a valid
//! plan, a roster read into the example plan, and solve and simulate
//! options. Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandem::{Evaluator, Json, Plan, Scenarios, SimulateOptions, SolveOptions};

const EXAMPLE: &str = include_str!("../../examples/shared-revenue.json");

fuzz_target!(|data: &[u8]| {
    let Ok(example) = tandem::parse_json(EXAMPLE) else {
        return;
    };
    // The bytes as a roster for the example plan, in any encoding.
    let _ = tandem::apply_roster(&example, data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(json) = tandem::parse_json(text) else {
        return;
    };
    let _ = tandem::facts(&json);
    if let Ok(mut scenarios) = Scenarios::from_json(&json) {
        let _ = scenarios.shape();
        let _ = scenarios.check();
        let _ = scenarios.calculate();
        let _ = scenarios.to_file_json().to_text();
        let _ = scenarios.share_results();
        let _ = scenarios.rejoin_results();
    }
    // An edit after a valid plan, and back.
    let mut evaluator = Evaluator::default();
    for plan in [&example, &json, &example] {
        let request = Json::Object(vec![
            ("scenarios".into(), Json::Array(vec![plan.clone()])),
            ("workings".into(), Json::Bool(true)),
            (
                "chart".into(),
                Json::Object(vec![("steps".into(), Json::Number("5".into()))]),
            ),
        ]);
        let _ = evaluator.evaluate(&request);
        evaluator.settle();
    }
    // The bytes as solve and simulate options for the example plan.
    if let Ok(plan) = Plan::from_json(&example) {
        if let Ok(options) = SolveOptions::from_json(&plan, &json) {
            let _ = tandem::solve(&plan, &options);
        }
        let _ = SimulateOptions::from_json(&json);
    }
});
