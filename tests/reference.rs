//! The core against a deliberately simple exact reference: the plan model's
//! calculation written again here over `num-rational` big fractions,
//! straight from the model's text, on random plans with the round numbers
//! real plans have (targets such as 900,000 or 120, weights such as 0.3/0.7)
//! in all three rounding modes. Every team and member payout must agree.
#![cfg(not(target_arch = "wasm32"))]

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use proptest::prelude::*;
use serde_json::{json, Value};
use tandem::{calculate, Plan};

type Q = BigRational;

fn q(text: &str) -> Q {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits: BigInt = format!("{whole}{fraction}").parse().unwrap();
    Q::new(digits, BigInt::from(10).pow(fraction.len() as u32))
}

fn int(n: i64) -> Q {
    Q::from_integer(BigInt::from(n))
}

/// `x` rounded to `places` with the plan's rounding, as whole minor units.
fn round_units(x: &Q, places: u32, mode: &str) -> BigInt {
    let scaled = x * int(10).pow(places as i32);
    let whole = scaled.trunc();
    let rest = (&scaled - &whole).abs();
    let half = Q::new(BigInt::from(1), BigInt::from(2));
    let up = match mode {
        "down" => false,
        "halfUp" => rest >= half,
        _ => rest > half || (rest == half && whole.to_integer() % 2 != BigInt::zero()),
    };
    let step = if scaled.is_negative() { -1 } else { 1 };
    whole.to_integer()
        + if up {
            BigInt::from(step)
        } else {
            BigInt::zero()
        }
}

fn units_to_q(units: &BigInt, places: u32) -> Q {
    Q::new(units.clone(), BigInt::from(10).pow(places))
}

/// The model's curve, step 2.
fn curve(spec: Option<&Value>, a: &Q) -> Q {
    let default = json!({ "points": [["0", "0"], ["1", "1"]], "beyond": "extend" });
    let spec = spec.unwrap_or(&default);
    let points: Vec<(Q, Q)> = spec["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (q(p[0].as_str().unwrap()), q(p[1].as_str().unwrap())))
        .collect();
    let step = spec["interpolation"] == "step";
    let extend = spec["beyond"] == "extend";
    let line = |(a0, f0): &(Q, Q), (a1, f1): &(Q, Q)| f0 + (a - a0) * (f1 - f0) / (a1 - a0);
    let Some(i) = points.iter().rposition(|(at, _)| at <= a) else {
        return Q::zero();
    };
    let factor = match points.get(i + 1) {
        Some(_) if step => points[i].1.clone(),
        Some(next) => line(&points[i], next),
        None if extend && i > 0 => line(&points[i - 1], &points[i]),
        None => points[i].1.clone(),
    };
    factor.max(Q::zero())
}

/// Every team's payout and its members' payouts, in minor units.
fn reference(plan: &Value) -> Vec<(BigInt, Vec<BigInt>)> {
    let places = 2;
    let mode = plan["rounding"].as_str().unwrap_or("halfUp");
    let goals = plan["goals"].as_array().unwrap();
    let index = |id: &Value| goals.iter().position(|g| g["id"] == *id).unwrap();
    let attainment: Vec<Q> = goals
        .iter()
        .map(|g| {
            let r = q(g["actual"].as_str().unwrap()) / q(g["target"].as_str().unwrap());
            if g["direction"] == "lowerIsBetter" {
                (int(2) - r).max(Q::zero())
            } else {
                r
            }
        })
        .collect();
    let met = |gate: &Value| {
        gate.is_null() || attainment[index(&gate["goal"])] >= q(gate["min"].as_str().unwrap())
    };
    let factor: Vec<Q> = goals
        .iter()
        .zip(&attainment)
        .map(|(g, a)| {
            if met(&g["gate"]) {
                curve(g.get("curve"), a)
            } else {
                Q::zero()
            }
        })
        .collect();
    plan["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|team| {
            let ti = q(team["targetIncentive"].as_str().unwrap());
            let weights = team["weights"].as_object().unwrap();
            let weight = |g: &Value| {
                weights
                    .get(g["id"].as_str().unwrap())
                    .map(|w| q(w.as_str().unwrap()))
            };
            let subtotal = if team["method"] == "blended" {
                let b = goals
                    .iter()
                    .zip(&attainment)
                    .filter_map(|(g, a)| weight(g).map(|w| w * a))
                    .fold(Q::zero(), |sum, x| sum + x);
                round_units(&(&ti * curve(team.get("curve"), &b)), places, mode)
            } else {
                goals
                    .iter()
                    .zip(&factor)
                    .filter_map(|(g, f)| weight(g).filter(|w| w.is_positive()).map(|w| (w, f)))
                    .map(|(w, f)| round_units(&(&ti * w * f), places, mode))
                    .fold(BigInt::zero(), |sum, x| sum + x)
            };
            let mut payout = match team["modifiers"].as_array() {
                Some(modifiers) if !modifiers.is_empty() => {
                    let m = modifiers
                        .iter()
                        .map(|m| curve(m.get("curve"), &attainment[index(&m["goal"])]))
                        .fold(int(1), |product, f| product * f);
                    round_units(&(units_to_q(&subtotal, places) * m), places, mode)
                }
                _ => subtotal,
            };
            if !met(&team["gate"]) {
                payout = BigInt::zero();
            }
            if let Some(cap) = team["cap"].as_str() {
                payout = payout.min(round_units(&(q(cap) * &ti), places, mode));
            }
            let members = match team["members"].as_array() {
                Some(members) => split(&payout, members),
                None => Vec::new(),
            };
            (payout, members)
        })
        .collect()
}

/// Step 8 as the model says it: floor of each member's exact part, then the
/// units left one each to the largest remainders, ties to the first listed.
fn split(payout: &BigInt, members: &[Value]) -> Vec<BigInt> {
    let shares: Vec<Q> = members
        .iter()
        .map(|m| q(m["share"].as_str().unwrap()))
        .collect();
    let sum = shares.iter().fold(Q::zero(), |s, x| s + x);
    let owed: Vec<Q> = shares
        .iter()
        .map(|s| Q::from_integer(payout.clone()) * s / &sum)
        .collect();
    let mut parts: Vec<BigInt> = owed.iter().map(|o| o.floor().to_integer()).collect();
    let given = parts.iter().fold(BigInt::zero(), |s, x| s + x);
    let left = (payout - given).to_usize().unwrap();
    let mut order: Vec<usize> = (0..owed.len()).collect();
    order.sort_by(|&a, &b| (&owed[b] - owed[b].floor()).cmp(&(&owed[a] - owed[a].floor())));
    for &i in order.iter().take(left) {
        parts[i] += 1;
    }
    parts
}

/// A small seeded generator, so that proptest's seed makes the whole plan.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[(self.next() % list.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A plan with the round numbers real plans have, where attainments such
/// as 5/6 and 7/6 and exact half-cent ties are common.
fn round_plan(seed: u64) -> Value {
    let mut dice = Dice(seed | 1);
    let curves = [
        json!({ "points": [["0.5", "0"], ["1", "1"]] }),
        json!({ "points": [["0.9", "0.5"], ["1.2", "2"]] }),
        json!({ "points": [["0", "0"], ["1", "1"], ["1.5", "2"]], "beyond": "extend" }),
        json!({ "points": [["0.8", "0.5"], ["1", "1"], ["1.5", "2"]], "interpolation": "step" }),
        json!({ "points": [["1", "1"], ["2", "2"]] }),
    ];
    let goal_count = 1 + dice.next() % 4;
    let mut goals: Vec<Value> = (0..goal_count)
        .map(|i| {
            let (target, step) = *dice.pick(&[
                (900_000u64, 1000u64),
                (1_200_000, 1000),
                (300_000, 1000),
                (700_000, 1000),
                (60, 1),
                (120, 1),
                (36, 1),
                (7, 1),
            ]);
            let actual = step * (dice.next() % (target * 3 / 2 / step + 1));
            let mut goal = json!({ "id": format!("g{i}"), "name": format!("Goal {i}"),
                                   "target": target.to_string(), "actual": actual.to_string() });
            if dice.chance(20) {
                goal["direction"] = json!("lowerIsBetter");
            }
            if dice.chance(40) {
                goal["curve"] = dice.pick(&curves).clone();
            }
            goal
        })
        .collect();
    for goal in &mut goals {
        if dice.chance(15) {
            let on = dice.next() % goal_count;
            goal["gate"] =
                json!({ "goal": format!("g{on}"), "min": dice.pick(&["0.5", "0.8", "0.9", "1"]) });
        }
    }
    let teams: Vec<Value> = (0..1 + dice.next() % 3)
        .map(|t| {
            const SPLITS: [&[&str]; 6] = [
                &["1"],
                &["0.5", "0.5"],
                &["0.3", "0.7"],
                &["0.25", "0.75"],
                &["0.2", "0.3", "0.5"],
                &["0.6", "0.4"],
            ];
            let split = *dice.pick(&SPLITS);
            let weights: serde_json::Map<String, Value> = split
                .iter()
                .take(goal_count as usize)
                .enumerate()
                .map(|(g, w)| (format!("g{g}"), json!(w)))
                .collect();
            let ti = dice.pick(&["45000.00", "90000.00", "60000.00", "120000.00", "33333.33", "100.05", "1800.18"]);
            let mut team = json!({ "id": format!("t{t}"), "name": format!("Team {t}"),
                                   "targetIncentive": ti, "weights": weights });
            if dice.chance(15) {
                team["method"] = json!("blended");
                team["curve"] = dice.pick(&curves).clone();
            }
            if dice.chance(25) {
                let on = dice.next() % goal_count;
                team["modifiers"] = json!([{ "goal": format!("g{on}"), "curve": dice.pick(&curves) }]);
            }
            if dice.chance(15) {
                team["gate"] = json!({ "goal": "g0", "min": dice.pick(&["0.5", "0.8"]) });
            }
            if dice.chance(30) {
                team["cap"] = json!(dice.pick(&["1", "1.5", "2"]));
            }
            if dice.chance(40) {
                let members: Vec<Value> = (0..1 + dice.next() % 6)
                    .map(|m| json!({ "name": format!("M{m}"), "share": dice.pick(&["1", "2", "3"]) }))
                    .collect();
                team["members"] = json!(members);
            }
            team
        })
        .collect();
    json!({ "goals": goals, "teams": teams })
}

fn units(text: &str) -> BigInt {
    text.replace('.', "").parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn the_core_pays_what_the_exact_reference_pays(seed in any::<u64>(), mode in 0usize..3) {
        let mut plan = round_plan(seed);
        plan["rounding"] = json!(["halfUp", "halfEven", "down"][mode]);
        let expected = reference(&plan);
        let core = Plan::from_json_str(&plan.to_string()).unwrap();
        let report = calculate(&core).unwrap();
        for (team, (payout, members)) in report.teams.iter().zip(&expected) {
            prop_assert_eq!(units(&team.payout.to_string()), payout.clone(), "{} in {}", team.id, plan);
            let paid: Vec<BigInt> = team.members.iter().map(|m| units(&m.payout.to_string())).collect();
            prop_assert_eq!(&paid, members, "members of {} in {}", team.id, plan);
        }
    }
}

#[test]
fn the_reference_pays_the_hand_worked_example() {
    // The guard on the guard: 90,000.00 × 0.5 × 5/6 = 37,500.00 when rounding down.
    let plan = json!({
        "rounding": "down",
        "goals": [{ "id": "g", "name": "G", "target": "1200000", "actual": "1000000" }],
        "teams": [{ "id": "t", "name": "T", "targetIncentive": "90000.00", "weights": { "g": "0.5" } }]
    });
    assert_eq!(reference(&plan)[0].0, BigInt::from(3_750_000));
}
