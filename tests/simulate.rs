//! `simulate` against MODEL.md's "Forecast and simulation": a reference that
//! draws the same results with its own copy of the generator and calculates
//! every trial with the plain `calculate`, the flat-forecast law, ordering
//! laws on random forecasts, the forecast's errors, and the fixed output the
//! Wasm tests compare with (the CLI and Wasm agree byte for byte).
#![cfg(not(target_arch = "wasm32"))]

use std::f64::consts::{PI, SQRT_2};

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use proptest::prelude::*;
use serde_json::{json, Value};
use tandem::{calculate, check, simulate, Plan, SimulateOptions, Simulation};

const SHARED: &str = include_str!("../examples/shared-revenue.json");
const GATES: &str = include_str!("../examples/gates-modifiers.json");
const TEACHING: &str = include_str!("../examples/teaching.json");

fn plan(value: &Value) -> Plan {
    Plan::from_json_str(&value.to_string()).expect("valid plan")
}

fn with_forecast(text: &str, forecast: Value) -> Value {
    let mut value: Value = serde_json::from_str(text).unwrap();
    value["forecast"] = forecast;
    value
}

fn run(value: &Value) -> Simulation {
    simulate(plan(value), &SimulateOptions::default()).expect("simulates")
}

fn money(value: &Value) -> BigRational {
    let text = value.as_str().unwrap();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits: BigInt = format!("{whole}{fraction}").parse().unwrap();
    BigRational::new(digits, BigInt::from(10).pow(fraction.len() as u32))
}

/// The generator of MODEL.md, written again: SplitMix64 seeding
/// xoshiro256**, uniforms from the top 53 bits, Box–Muller in pairs.
struct Reference {
    s: [u64; 4],
    spare: Option<f64>,
}

impl Reference {
    fn new(seed: u64) -> Self {
        let mut x = seed;
        let mut s = [0; 4];
        for slot in &mut s {
            x = x.wrapping_add(0x9e3779b97f4a7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
            *slot = z ^ (z >> 31);
        }
        Reference { s, spare: None }
    }

    fn next(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    fn uniform(&mut self) -> f64 {
        (self.next() >> 11) as f64 / 9007199254740992.0
    }

    fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        let (u1, u2) = (1.0 - self.uniform(), self.uniform());
        let r = libm::sqrt(-2.0 * libm::log(u1));
        self.spare = Some(r * libm::sin(2.0 * PI * u2));
        r * libm::cos(2.0 * PI * u2)
    }
}

/// The triangular quantile, rounded half to even to `places` with big
/// rationals, as decimal text.
fn triangular(low: &str, likely: &str, high: &str, u: f64) -> String {
    let places = [low, likely, high]
        .iter()
        .map(|t| t.split_once('.').map_or(0, |(_, f)| f.len()))
        .max()
        .unwrap()
        + 2;
    if low == high {
        return low.to_owned();
    }
    let (a, c, b): (f64, f64, f64) = (
        low.parse().unwrap(),
        likely.parse().unwrap(),
        high.parse().unwrap(),
    );
    let x = if u < (c - a) / (b - a) {
        a + libm::sqrt(u * (b - a) * (c - a))
    } else {
        b - libm::sqrt((1.0 - u) * (b - a) * (b - c))
    };
    let scaled = BigRational::from_float(x).unwrap()
        * BigRational::from_integer(BigInt::from(10).pow(places as u32));
    let floor = scaled.floor();
    let rest = &scaled - &floor;
    let half = BigRational::new(1.into(), 2.into());
    let mut units = floor.to_integer();
    if rest > half || (rest == half && (&units % 2u32) != BigInt::zero()) {
        units += 1;
    }
    let value = BigRational::new(units, BigInt::from(10).pow(places as u32));
    let (lo, hi) = (money(&json!(low)), money(&json!(high)));
    let value = value.max(lo).min(hi);
    // Exact decimal text of a fraction with a power-of-ten denominator.
    let scaled =
        (value * BigRational::from_integer(BigInt::from(10).pow(places as u32))).to_integer();
    let digits = format!("{:0>width$}", scaled.to_string(), width = places + 1);
    let (whole, fraction) = digits.split_at(digits.len() - places);
    format!("{whole}.{fraction}")
}

fn nearest_rank(sorted: &[BigRational], k: usize) -> BigRational {
    let n = sorted.len();
    sorted[((k * n).div_ceil(100)).max(1) - 1].clone()
}

/// The first `n` trials of `value`'s forecast, drawn by the reference
/// generator from `seed` (MODEL.md's steps 1 to 3): each the plan with the
/// drawn results as its forecast goals' actuals.
fn drawn_trials(value: &Value, seed: u64, n: usize) -> Vec<Value> {
    let forecast = &value["forecast"];
    let rho: f64 = forecast["correlation"]
        .as_str()
        .unwrap_or("0")
        .parse()
        .unwrap();
    let mut random = Reference::new(seed);
    (0..n)
        .map(|_| {
            let z = random.normal();
            let mut trial = value.clone();
            for (i, goal) in value["goals"].as_array().unwrap().iter().enumerate() {
                let f = &forecast["goals"][goal["id"].as_str().unwrap()];
                if f.is_object() {
                    let zg = libm::sqrt(rho) * z + libm::sqrt(1.0 - rho) * random.normal();
                    let u = libm::erfc(-zg / SQRT_2) / 2.0;
                    let [low, likely, high] =
                        ["low", "likely", "high"].map(|k| f[k].as_str().unwrap());
                    trial["goals"][i]["actual"] = json!(triangular(low, likely, high, u));
                }
            }
            trial
        })
        .collect()
}

/// The simulation by hand: the same draws, every trial a plain `calculate`
/// of the plan with the drawn results as actuals.
#[test]
fn every_trial_is_the_plain_calculation_of_its_drawn_results() {
    let forecast = json!({
        "goals": {
            "revenue": { "low": "1500000", "likely": "2000000", "high": "2300000.5" },
            "churn": { "low": "5", "likely": "7.5", "high": "12" },
            "nps": { "low": "20", "likely": "42", "high": "60" }
        },
        "correlation": "0.35", "trials": 400, "seed": 7, "budget": "100000.00"
    });
    let value = with_forecast(GATES, forecast.clone());
    let sim = run(&value);

    let goals = value["goals"].as_array().unwrap();
    let forecast_goals = goals
        .iter()
        .filter(|g| forecast["goals"][g["id"].as_str().unwrap()].is_object());
    assert_eq!(forecast_goals.count(), 3, "the fixture's goal ids");
    let teams = value["teams"].as_array().unwrap().len();
    let n = 400;
    let mut payouts: Vec<Vec<BigRational>> = vec![Vec::new(); teams + 1];
    for trial in drawn_trials(&value, 7, n) {
        let result = serde_json::to_value(calculate(&plan(&trial)).unwrap()).unwrap();
        for t in 0..teams {
            payouts[t].push(money(&result["teams"][t]["payout"]));
        }
        payouts[teams].push(money(&result["total"]["payout"]));
    }

    let got = serde_json::to_value(&sim).unwrap();
    let stats = |t: usize| match t == teams {
        true => &got["total"]["stats"],
        false => &got["teams"][t]["stats"],
    };
    for (t, column) in payouts.iter_mut().enumerate() {
        let above = |limit: &BigRational| column.iter().filter(|p| *p > limit).count();
        if t < teams {
            let ti = money(&value["teams"][t]["targetIncentive"]);
            let expected = BigRational::new(above(&ti).into(), n.into());
            assert_eq!(
                money(&got["teams"][t]["pAboveTarget"]),
                expected,
                "team {t}"
            );
        } else {
            let expected = BigRational::new(above(&money(&json!("100000.00"))).into(), n.into());
            assert_eq!(money(&got["total"]["pOverBudget"]), expected);
        }
        let sum: BigRational = column.iter().cloned().sum();
        let mean = sum / BigRational::from_integer(n.into());
        // Half up to cents, the fixture's rounding.
        let cents = (mean * BigRational::from_integer(100.into())
            + BigRational::new(1.into(), 2.into()))
        .floor();
        assert_eq!(
            money(&stats(t)["mean"]),
            cents / BigRational::from_integer(100.into()),
            "mean {t}"
        );
        column.sort();
        assert_eq!(money(&stats(t)["min"]), column[0]);
        assert_eq!(money(&stats(t)["max"]), column[n - 1]);
        for (key, k) in [
            ("p5", 5),
            ("p10", 10),
            ("p50", 50),
            ("p90", 90),
            ("p95", 95),
        ] {
            assert_eq!(
                money(&stats(t)[key]),
                nearest_rank(column, k),
                "{key} of {t}"
            );
        }
    }
    let varied = payouts[teams].first() != payouts[teams].last();
    assert!(varied, "the fixture's total varies");
    let counts: u64 = got["histogram"]["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_u64().unwrap())
        .sum();
    assert_eq!(counts, n as u64);
}

/// MODEL.md: "A forecast with low = likely = high for every goal gives every
/// statistic equal to the plain calculation with those results."
#[test]
fn a_flat_forecast_reproduces_the_plain_calculation_in_every_statistic() {
    for text in [SHARED, GATES, TEACHING] {
        let base: Value = serde_json::from_str(text).unwrap();
        let mut goals = serde_json::Map::new();
        for goal in base["goals"].as_array().unwrap() {
            let actual = goal["actual"].clone();
            goals.insert(
                goal["id"].as_str().unwrap().into(),
                json!({ "low": actual, "likely": actual, "high": actual }),
            );
        }
        let result = serde_json::to_value(calculate(&plan(&base)).unwrap()).unwrap();
        let total = result["total"]["payout"].clone();
        let value = with_forecast(
            text,
            json!({ "goals": goals, "correlation": "0.4", "trials": 50, "budget": total }),
        );
        let sim = serde_json::to_value(run(&value)).unwrap();
        let flat = |stats: &Value, payout: &Value| {
            for key in ["mean", "min", "p5", "p10", "p50", "p90", "p95", "max"] {
                assert_eq!(&stats[key], payout, "{key}");
            }
        };
        for (t, team) in result["teams"].as_array().unwrap().iter().enumerate() {
            flat(&sim["teams"][t]["stats"], &team["payout"]);
            let above = money(&team["payout"]) > money(&team["targetIncentive"]);
            assert_eq!(
                sim["teams"][t]["pAboveTarget"],
                json!(if above { "1" } else { "0" })
            );
            assert_eq!(sim["atLikely"]["teams"][t]["payout"], team["payout"]);
        }
        flat(&sim["total"]["stats"], &total);
        assert_eq!(
            sim["total"]["pOverBudget"],
            json!("0"),
            "the budget is the payout"
        );
        assert_eq!(sim["atLikely"]["total"], total);
        assert_eq!(sim["histogram"]["from"], total);
        assert_eq!(sim["histogram"]["to"], total);
        assert_eq!(sim["histogram"]["counts"][0], json!(50));
        assert!(sim["correlations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["value"].is_null()));
        for (g, chances) in sim["goals"].as_array().unwrap().iter().enumerate() {
            let attainment = money(&result["goals"][g]["attainment"]);
            let reached = attainment >= BigRational::from_integer(1.into());
            assert_eq!(chances["pTarget"], json!(if reached { "1" } else { "0" }));
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_other_draws() {
    let value: Value = serde_json::from_str(SHARED).unwrap();
    let once = serde_json::to_string(&run(&value)).unwrap();
    assert_eq!(once, serde_json::to_string(&run(&value)).unwrap());
    let other = simulate(
        plan(&value),
        &SimulateOptions {
            trials: None,
            seed: Some(2),
        },
    )
    .unwrap();
    assert_ne!(once, serde_json::to_string(&other).unwrap());
    assert_eq!(other.seed, 2);
}

/// The output the Wasm tests compare their own run with: 2,000 trials of
/// the "Shared revenue" example, as `tandem simulate --trials 2000` writes
/// it (compact). Regenerate it only when MODEL.md's draws change.
#[test]
fn the_shared_revenue_simulation_is_the_recorded_one() {
    let value: Value = serde_json::from_str(SHARED).unwrap();
    let sim = simulate(
        plan(&value),
        &SimulateOptions {
            trials: Some(2000),
            seed: None,
        },
    )
    .unwrap();
    let expected = include_str!("fixtures/shared-revenue-simulation.json");
    assert_eq!(serde_json::to_string(&sim).unwrap(), expected.trim_end());
}

#[test]
fn forecast_errors_come_with_their_paths() {
    let cases = [
        (
            json!({ "goals": { "revenue": { "low": "3", "likely": "2", "high": "4" } } }),
            "forecast.goals.revenue.low",
        ),
        (
            json!({ "goals": { "revenue": { "low": "1", "likely": "5", "high": "4" } } }),
            "forecast.goals.revenue.high",
        ),
        (
            json!({ "goals": { "nope": { "low": "1", "likely": "2", "high": "3" } } }),
            "forecast.goals.nope",
        ),
        (json!({ "goals": {} }), "forecast.goals"),
        (
            json!({ "goals": { "revenue": { "low": "1", "likely": "2", "high": "3" } }, "trials": 0 }),
            "forecast.trials",
        ),
        (
            json!({ "goals": { "revenue": { "low": "1", "likely": "2", "high": "3" } }, "trials": 1000001 }),
            "forecast.trials",
        ),
        (
            json!({ "goals": { "revenue": { "low": "1", "likely": "2", "high": "3" } }, "seed": 9007199254740992u64 }),
            "forecast.seed",
        ),
        (
            json!({ "goals": { "revenue": { "low": "1", "likely": "2", "high": "3" } }, "budget": "1.005" }),
            "forecast.budget",
        ),
        (
            json!({ "goals": { "revenue": { "low": "1", "likely": "2", "high": "3" } }, "correlation": "1.01" }),
            "forecast.correlation",
        ),
        (
            json!({ "goals": { "revenue": { "low": "-1", "likely": "2", "high": "3" } } }),
            "forecast.goals.revenue.low",
        ),
        (
            json!({ "goals": { "revenue": { "low": "1", "likely": "2" } } }),
            "forecast.goals.revenue.high",
        ),
        (
            json!({ "goals": { "revenue": { "low": "1", "likely": "2", "high": "3" } }, "runs": 5 }),
            "forecast.runs",
        ),
    ];
    for (forecast, path) in cases {
        let value = with_forecast(SHARED, forecast.clone());
        let errors = Plan::from_json_str(&value.to_string()).unwrap_err();
        let paths: Vec<String> = errors.0.iter().map(|e| e.path.to_string()).collect();
        assert_eq!(paths, [path], "{forecast}");
        let checked = check(&tandem::parse_json(&value.to_string()).unwrap());
        assert_eq!(checked.errors.len(), 1, "check reports it too");
    }
    let correlation = with_forecast(
        SHARED,
        json!({ "goals": { "revenue": { "low": "1", "likely": "2", "high": "3" } }, "correlation": "2" }),
    );
    let message = Plan::from_json_str(&correlation.to_string()).unwrap_err().0[0].message();
    assert_eq!(
        message,
        "Correlation must be from 0 (the goals move independently) to 1 (they all move together)."
    );
}

#[test]
fn a_plan_without_a_forecast_calculates_and_cannot_be_simulated() {
    let mut value: Value = serde_json::from_str(SHARED).unwrap();
    value.as_object_mut().unwrap().remove("forecast");
    let plain = plan(&value);
    assert!(calculate(&plain).is_ok());
    let errors = simulate(plain.clone(), &SimulateOptions::default()).unwrap_err();
    assert_eq!(errors.0[0].path.to_string(), "forecast");
    assert_eq!(errors.0[0].message(), "Forecast is required.");
}

#[test]
fn a_million_trials_finish() {
    let value: Value = serde_json::from_str(SHARED).unwrap();
    let sim = simulate(
        plan(&value),
        &SimulateOptions {
            trials: Some(1_000_000),
            seed: None,
        },
    )
    .unwrap();
    let counts: u64 = sim.histogram.counts.iter().map(|&c| u64::from(c)).sum();
    assert_eq!(counts, 1_000_000);
}

fn decimal(text: &str) -> f64 {
    text.parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Percentiles are ordered, the mean lies between min and max, the
    /// histogram adds up to the trials, chances are fractions.
    #[test]
    fn statistics_are_ordered_and_add_up(
        spread in prop::collection::vec((0u32..200, 0u32..200, 0u32..200), 3),
        correlation in 0u32..=100,
        trials in 1u32..400,
        seed in 0u64..1000,
    ) {
        let ids = ["revenue", "logos", "pipeline"];
        let targets = [2_000_000u64, 40, 6_000_000];
        let mut goals = serde_json::Map::new();
        for ((id, target), (a, b, c)) in ids.iter().zip(targets).zip(&spread) {
            let mut points = [*a, *b, *c];
            points.sort();
            let at = |p: u32| format!("{}", target * u64::from(p) / 100);
            goals.insert((*id).into(), json!({ "low": at(points[0]), "likely": at(points[1]), "high": at(points[2]) }));
        }
        let forecast = json!({ "goals": goals, "correlation": format!("{}", f64::from(correlation) / 100.0), "trials": trials, "seed": seed });
        let sim = serde_json::to_value(run(&with_forecast(SHARED, forecast))).unwrap();
        let mut all = vec![&sim["total"]["stats"]];
        for team in sim["teams"].as_array().unwrap() {
            all.push(&team["stats"]);
        }
        for stats in all {
            let order = ["min", "p5", "p10", "p50", "p90", "p95", "max"].map(|k| decimal(stats[k].as_str().unwrap()));
            prop_assert!(order.windows(2).all(|w| w[0] <= w[1]), "{stats}");
            let mean = money(&stats["mean"]);
            prop_assert!(money(&stats["min"]) <= mean && mean <= money(&stats["max"]));
        }
        let counts: u64 = sim["histogram"]["counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).sum();
        prop_assert_eq!(counts, u64::from(trials));
        for goal in sim["goals"].as_array().unwrap() {
            for key in ["pThreshold", "pTarget", "pExcellence"] {
                let p = money(&goal[key]).to_f64().unwrap();
                prop_assert!((0.0..=1.0).contains(&p));
            }
        }
        for c in sim["correlations"].as_array().unwrap() {
            if let Some(v) = c["value"].as_str() {
                prop_assert!((-1.0..=1.0).contains(&decimal(v)));
            }
        }
    }
}

/// A decimal's exact value (decimal text, such as a Result's attainment or
/// a drawn result).
fn exact(text: &str) -> BigRational {
    money(&json!(text))
}

/// Half to even to cents, as the GATES fixture rounds.
fn cents_half_even(value: &BigRational) -> BigRational {
    let hundred = BigRational::from_integer(100.into());
    let scaled = value * &hundred;
    let floor = scaled.floor();
    let rest = &scaled - &floor;
    let half = BigRational::new(1.into(), 2.into());
    let mut units = floor.to_integer();
    if rest > half || (rest == half && (&units % 2u32) != BigInt::zero()) {
        units += 1;
    }
    BigRational::new(units, 100.into())
}

/// Where attainment `a` falls on a curve of the plan's JSON, by MODEL.md's
/// words: below a first point above 0; on a linear segment (the last one
/// continued when the curve extends) whose factor rises faster than
/// attainment; above the last point of a curve that holds its factor there.
fn place(curve: &Value, a: &BigRational) -> [bool; 3] {
    let points: Vec<(BigRational, BigRational)> = curve["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (exact(p[0].as_str().unwrap()), exact(p[1].as_str().unwrap())))
        .collect();
    let linear = curve["interpolation"].as_str() != Some("step");
    let extend = curve["beyond"].as_str() == Some("extend");
    let (first, last) = (&points[0].0, &points[points.len() - 1].0);
    let below = *first > BigRational::zero() && a < first;
    let steep =
        |i: usize| points[i + 1].1.clone() - &points[i].1 > points[i + 1].0.clone() - &points[i].0;
    let at_or_below = points.iter().filter(|(x, _)| x <= a).count();
    let accelerated = linear
        && match at_or_below {
            0 => false,
            n if n < points.len() => steep(n - 1),
            n => extend && n >= 2 && steep(n - 2),
        };
    // Beyond the last point binds only where the curve holds its factor.
    let extended = extend && linear && points.len() >= 2;
    [below, accelerated, a > last && !extended]
}

/// The simulation's reasons, by hand over the same trials: the binding
/// fractions, each team's mean shared part (payout × shared lines ÷ all
/// lines, averaged exactly and rounded once), the standard error of the
/// total, atExpected and the gap, leverage — on the fixture with caps,
/// gates, a threshold, a step curve, a modifier and a blended team.
#[test]
fn the_reasons_are_counted_over_the_same_trials() {
    let forecast = json!({
        "goals": {
            "revenue": { "low": "1400000", "likely": "1900000", "high": "3100000" },
            "churn": { "low": "5", "likely": "7.5", "high": "12" },
            "nps": { "low": "20", "likely": "42", "high": "60" }
        },
        "correlation": "0.35", "trials": 300, "seed": 11
    });
    let value = with_forecast(GATES, forecast.clone());
    let sim = serde_json::to_value(run(&value)).unwrap();
    let goals = value["goals"].as_array().unwrap().clone();
    let teams = value["teams"].as_array().unwrap().clone();
    let n = 300usize;
    let mut capped = vec![0usize; teams.len()];
    let mut closed = vec![0usize; teams.len()];
    let mut own_closed = vec![0usize; teams.len()];
    let mut goal_closed = vec![0usize; goals.len()];
    let mut places = vec![vec![[0usize; 3]; goals.len()]; teams.len()];
    let mut shared_sum = vec![BigRational::zero(); teams.len()];
    let mut totals = Vec::new();
    for trial in drawn_trials(&value, 11, n) {
        let result = serde_json::to_value(calculate(&plan(&trial)).unwrap()).unwrap();
        // Attainments from the drawn results, exactly.
        let attainment = |g: usize| {
            let ratio = exact(trial["goals"][g]["actual"].as_str().unwrap())
                / exact(goals[g]["target"].as_str().unwrap());
            match goals[g]["direction"].as_str() {
                Some("lowerIsBetter") => {
                    (BigRational::from_integer(2.into()) - ratio).max(BigRational::zero())
                }
                _ => ratio,
            }
        };
        totals.push(money(&result["total"]["payout"]));
        for (g, closed) in goal_closed.iter_mut().enumerate() {
            *closed += usize::from(result["goals"][g]["gated"] == json!(true));
        }
        for (t, team) in teams.iter().enumerate() {
            let r = &result["teams"][t];
            let weights = team["weights"].as_object().unwrap();
            let weighted: Vec<usize> = (0..goals.len())
                .filter(|g| weights.contains_key(goals[*g]["id"].as_str().unwrap()))
                .collect();
            let blended = team["method"] == json!("blended");
            capped[t] += usize::from(r["capped"] == json!(true));
            let goal_gate = !blended
                && weighted
                    .iter()
                    .any(|&g| result["goals"][g]["gated"] == json!(true));
            closed[t] += usize::from(r["gated"] == json!(true) || goal_gate);
            own_closed[t] += usize::from(r["gated"] == json!(true));
            let payout = money(&r["payout"]);
            let (shared, all) = if blended {
                let part = |g: usize| {
                    exact(weights[goals[g]["id"].as_str().unwrap()].as_str().unwrap())
                        * attainment(g)
                };
                let all: BigRational = weighted.iter().map(|&g| part(g)).sum();
                let shared: BigRational = weighted
                    .iter()
                    .filter(|&&g| result["goals"][g]["shared"] == json!(true))
                    .map(|&g| part(g))
                    .sum();
                let at = place(&team["curve"], &all);
                for (count, flag) in places[t][0].iter_mut().zip(at) {
                    *count += usize::from(flag);
                }
                (shared, all)
            } else {
                for &g in &weighted {
                    let curve = goals[g].get("curve").cloned().unwrap_or(
                        json!({ "points": [["0", "0"], ["1", "1"]], "beyond": "extend" }),
                    );
                    for (count, flag) in places[t][g].iter_mut().zip(place(&curve, &attainment(g)))
                    {
                        *count += usize::from(flag);
                    }
                }
                (money(&r["sharedPayout"]), money(&r["subtotal"]))
            };
            if !all.is_zero() {
                shared_sum[t] += payout * shared / all;
            }
        }
    }
    // Fractions are written with at most 28 significant digits.
    let fraction = |count: usize| BigRational::new(count.into(), n.into());
    let close = |got: &Value, expected: BigRational| {
        let tiny = BigRational::new(1.into(), BigInt::from(10).pow(28));
        (exact(got.as_str().unwrap()) - expected).abs() <= tiny
    };
    let mut seen = [false; 3];
    for (t, team) in teams.iter().enumerate() {
        let got = &sim["teams"][t];
        let binding = &got["binding"];
        assert!(close(&binding["capped"], fraction(capped[t])), "capped {t}");
        assert!(
            close(&binding["gateClosed"], fraction(closed[t])),
            "gate {t}"
        );
        let check = |counts: &[usize; 3], got: &Value, seen: &mut [bool; 3]| {
            for (k, key) in ["belowThreshold", "accelerated", "beyondLast"]
                .iter()
                .enumerate()
            {
                assert!(close(&got[key], fraction(counts[k])), "{key} of team {t}");
                seen[k] |= counts[k] > 0 && counts[k] < n;
            }
        };
        if team["method"] == json!("blended") {
            check(&places[t][0], &binding["blended"], &mut seen);
        } else {
            let ids = binding["goals"].as_object().unwrap();
            for (g, goal) in goals.iter().enumerate() {
                if let Some(got) = ids.get(goal["id"].as_str().unwrap()) {
                    check(&places[t][g], got, &mut seen);
                    assert!(
                        close(&got["gateClosed"], fraction(goal_closed[g])),
                        "gate of goal {g}"
                    );
                }
            }
        }
        let mean_shared =
            cents_half_even(&(shared_sum[t].clone() / BigRational::from_integer(n.into())));
        assert_eq!(money(&got["meanShared"]), mean_shared, "meanShared {t}");
        let leverage = money(&got["stats"]["p90"]) / money(&team["targetIncentive"]);
        assert!(close(&got["leverage"], leverage), "leverage {t}");
    }
    assert_eq!(
        seen, [true; 3],
        "the forecast makes every kind of count neither 0 nor all"
    );
    assert!(capped.iter().any(|&c| c > 0 && c < n) && closed.iter().any(|&c| c > 0 && c < n));
    assert!(
        goal_closed.iter().any(|&c| c > 0 && c < n) && own_closed.iter().any(|&c| c > 0 && c < n)
    );

    // The standard error: s with (s − ½ cent)² ≤ SE² ≤ (s + ½ cent)², where
    // SE² = Σ(x − x̄)² / (n − 1) / n.
    let count = BigRational::from_integer(n.into());
    let mean: BigRational = totals.iter().cloned().sum::<BigRational>() / &count;
    let squares: BigRational = totals.iter().map(|x| (x - &mean) * (x - &mean)).sum();
    let variance = squares / (&count - BigRational::from_integer(1.into())) / &count;
    let se = money(&sim["gap"]["standardError"]);
    let half_cent = BigRational::new(1.into(), 200.into());
    assert!((&se - &half_cent).pow(2) <= variance && variance <= (&se + &half_cent).pow(2));

    // atExpected: each forecast goal at (low + likely + high) / 3, rounded
    // half to even to p + 2 places, as a plain calculation.
    let mut expected = value.clone();
    // Revenue: 6,400,000 / 3 = 2,133,333.333…, to 0 + 2 places; churn:
    // 24.5 / 3 = 8.1666…, to 1 + 2 places; NPS: 122 / 3 = 40.666…, to 2.
    let means = [
        ("revenue", 0, "2133333.33"),
        ("churn", 2, "8.167"),
        ("nps", 3, "40.67"),
    ];
    for (id, g, result) in means {
        let f = &forecast["goals"][id];
        let sum: BigRational = ["low", "likely", "high"]
            .iter()
            .map(|k| exact(f[k].as_str().unwrap()))
            .sum();
        let third = sum / BigRational::from_integer(3.into());
        assert!(
            (third - exact(result)).abs() < BigRational::new(1.into(), 200.into()),
            "{id}"
        );
        expected["goals"][g]["actual"] = json!(result);
    }
    let at_expected = serde_json::to_value(calculate(&plan(&expected)).unwrap()).unwrap();
    assert_eq!(sim["atExpected"]["total"], at_expected["total"]["payout"]);
    let skew = money(&at_expected["total"]["payout"]) - money(&sim["atLikely"]["total"]);
    assert_eq!(money(&sim["gap"]["skew"]), skew);
    let shape = money(&sim["total"]["stats"]["mean"]) - money(&at_expected["total"]["payout"]);
    assert_eq!(money(&sim["gap"]["shape"]), shape);
    let noise = shape.abs() <= se * BigRational::from_integer(2.into());
    assert_eq!(sim["gap"]["shapeIsNoise"], json!(noise));
}

/// Two trials of "Shared revenue" with only New ARR forecast, worked by
/// hand from the two draws (which the reference generator confirms).
#[test]
fn two_trials_by_hand() {
    let forecast = json!({
        "goals": { "revenue": { "low": "1500000", "likely": "2000000", "high": "2500000" } },
        "trials": 2, "seed": 1
    });
    let value = with_forecast(SHARED, forecast);
    let drawn: Vec<Value> = drawn_trials(&value, 1, 2)
        .iter()
        .map(|t| t["goals"][0]["actual"].clone())
        .collect();
    assert_eq!(drawn, ["1958764.56", "2179957.65"]);
    let sim = serde_json::to_value(run(&value)).unwrap();
    // Sales: New ARR's line is 60,000 × 1,958,764.56 / 2,000,000 =
    // 58,762.9368 → 58,762.94, then 60,000 × 1.089978825 = 65,398.7295 →
    // 65,398.73; New customers (44 / 40) pays 66,000.00 both times. No cap
    // or modifier, so each trial's shared part is the New ARR line, and the
    // mean (58,762.94 + 65,398.73) / 2 = 62,080.835 rounds half up.
    assert_eq!(sim["teams"][0]["meanShared"], json!("62080.84"));
    // Marketing: 30,000 × 0.97938228 = 29,381.4684 → 29,381.47 and
    // 30,000 × 1.089978825 = 32,699.36475 → 32,699.36: mean 31,040.415.
    assert_eq!(sim["teams"][1]["meanShared"], json!("31040.42"));
    // Totals: 124,762.94 + 29,381.47 + 31,200.00 (pipeline 19,800.00, MQLs
    // 11,400.00) = 185,344.41 and 131,398.73 + 32,699.36 + 31,200.00 =
    // 195,298.09. With two trials, SE² = Σ(x − x̄)² / 1 / 2 = d², d half
    // the gap: 9,953.68 / 2 = 4,976.84.
    assert_eq!(sim["gap"]["standardError"], json!("4976.84"));
    // The mean of 1.5 M, 2 M and 2.5 M is the likely 2 M: no skew. At it,
    // Sales 126,000.00 and Marketing 61,200.00; the mean total 190,321.25 is
    // 3,121.25 more, within 2 × 4,976.84: noise.
    assert_eq!(sim["atExpected"]["total"], json!("187200.00"));
    assert_eq!(sim["gap"]["skew"], json!("0.00"));
    assert_eq!(sim["gap"]["shape"], json!("3121.25"));
    assert_eq!(sim["gap"]["shapeIsNoise"], json!(true));
    // P90 of two trials is the larger: 131,398.73 / 120,000 for Sales.
    assert_eq!(
        sim["teams"][0]["leverage"],
        json!("1.094989416666666666666666667")
    );
}
