//! `simulate` against MODEL.md's "Forecast and simulation": a reference that
//! draws the same results with its own copy of the generator and calculates
//! every trial with the plain `calculate`, the flat-forecast law, ordering
//! laws on random forecasts, the forecast's errors, and the fixed output the
//! Wasm tests compare with (the CLI and Wasm agree byte for byte).
#![cfg(not(target_arch = "wasm32"))]

use std::f64::consts::{PI, SQRT_2};

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};
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

    let goals = value["goals"].as_array().unwrap().clone();
    let forecast_goals: Vec<(usize, &str, &str, &str)> = goals
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let f = &forecast["goals"][g["id"].as_str().unwrap()];
            f.is_object().then(|| {
                (
                    i,
                    f["low"].as_str().unwrap(),
                    f["likely"].as_str().unwrap(),
                    f["high"].as_str().unwrap(),
                )
            })
        })
        .collect();
    assert_eq!(forecast_goals.len(), 3, "the fixture's goal ids");
    let teams = value["teams"].as_array().unwrap().len();
    let mut random = Reference::new(7);
    let (rho, n) = (0.35f64, 400);
    let mut payouts: Vec<Vec<BigRational>> = vec![Vec::new(); teams + 1];
    for _ in 0..n {
        let z = random.normal();
        let mut trial = value.clone();
        for &(i, low, likely, high) in &forecast_goals {
            let zg = libm::sqrt(rho) * z + libm::sqrt(1.0 - rho) * random.normal();
            let u = libm::erfc(-zg / SQRT_2) / 2.0;
            trial["goals"][i]["actual"] = json!(triangular(low, likely, high, u));
        }
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
