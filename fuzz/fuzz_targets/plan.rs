//! Raw bytes → plan JSON → validate → calculate → sweep. Nothing may panic,
//! and a plan that calculates keeps the laws of exact money.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandem::{Decimal, Json, Plan, SweepOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(json) = tandem::parse_json(text) else {
        return;
    };
    let _ = tandem::check(&json);
    let Ok(plan) = Plan::from_json(&json) else {
        return;
    };
    let Ok(report) = tandem::calculate(&plan) else {
        return;
    };
    for team in &report.teams {
        if !team.members.is_empty() {
            let sum: Decimal = team.members.iter().map(|m| m.payout).sum();
            assert_eq!(sum, team.payout, "members of {} sum to the team", team.id);
        }
        if team.gated {
            assert!(team.payout.is_zero());
        }
        if let Some(cap) = team.cap_amount {
            assert!(team.payout <= cap);
        }
    }
    let split: Decimal = report.split.iter().map(|s| s.share).sum();
    assert!(split == Decimal::ONE || (split.is_zero() && report.total.payout.is_zero()));

    let options = Json::Object(vec![
        ("goal".into(), Json::String(report.goals[0].id.clone().into())),
        ("from".into(), Json::String("0".into())),
        ("to".into(), Json::String("2".into())),
        ("steps".into(), Json::Number("11".into())),
    ]);
    if let Ok(options) = SweepOptions::from_json(&plan, &options) {
        let _ = tandem::sweep(&plan, &options);
    }
});
