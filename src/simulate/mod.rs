//! Simulate: the plan calculated many times with results drawn from its
//! forecast, for what it may cost and how tied the teams' payouts are.
//!
//! The draws follow MODEL.md to the bit (xoshiro256** seeded by SplitMix64,
//! Box–Muller, a one-factor Gaussian copula, triangular quantiles), with
//! every float function from `libm` so that the CLI and the Wasm module give
//! the same numbers. From the drawn results on, each trial is the exact
//! calculation; only the statistics that are not money (correlations) use
//! floats.

mod gap;
mod random;
mod stats;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::calculate::{attainment, attainments, too_large};
use crate::curve::Place;
use crate::decimal::{add, serialize_money, serialize_money_opt, serialize_plain};
use crate::error::{Error, ErrorKind, Errors};
use crate::exact::Exact;
use crate::forecast::{ForecastGoal, MAX_SEED, MAX_TRIALS};
use crate::json::Json;
use crate::money::{Money, Rounding};
use crate::path::{JsonPath, Path};
use crate::plan::Plan;
use crate::practice::{practice, Finding};
use crate::reader::Reader;
use crate::sweep::{by_team, Sweeper, TeamPayout};
use gap::{share, standard_error, ExactShared, TeamCounts, Trial};
pub use gap::{Binding, Curved, Goals};
use random::{phi, Random};
use stats::{correlations, histogram, Summary};
pub use stats::{Correlation, Histogram, Stats, Tie};

/// What a caller may set over the forecast's own values, as the CLI's
/// `--trials` and `--seed` do.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SimulateOptions {
    pub trials: Option<u32>,
    pub seed: Option<u64>,
}

impl SimulateOptions {
    /// Reads `{ trials?, seed? }`: whole numbers from 1 to 1,000,000 and
    /// from 0 to 2⁵³ − 1.
    pub fn from_json(json: &Json) -> Result<SimulateOptions, Errors> {
        let mut r = Reader::default();
        let root = Path::Root;
        let options = r
            .object(&root, json, Some(&["trials", "seed"]))
            .and_then(|entries| {
                let trials = r.optional(&root, entries, "trials", |r, p, t| {
                    r.whole(p, t, 1, MAX_TRIALS)
                });
                let seed = r.optional(&root, entries, "seed", |r, p, s| {
                    r.whole_u64(p, s, 0, MAX_SEED)
                });
                Some(SimulateOptions {
                    trials: trials?,
                    seed: seed?,
                })
            });
        r.finish(options)
    }
}

/// The statistics of a simulation (MODEL.md, "Forecast and simulation").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Simulation {
    pub trials: u32,
    pub seed: u64,
    #[serde(serialize_with = "serialize_plain")]
    pub correlation: Decimal,
    pub teams: Vec<TeamSimulation>,
    pub total: TotalSimulation,
    pub correlations: Vec<Correlation>,
    pub histogram: Histogram,
    pub goals: Vec<GoalChances>,
    pub at_likely: AtResults,
    pub at_expected: AtResults,
    pub gap: Gap,
    /// What practice would question in the plan, with the simulation's
    /// numbers (leverage, chances) and without (caps, cliffs).
    pub findings: Vec<Finding>,
}

/// The expected cost against the cost at the likely results, in two exact
/// parts: `skew` (a forecast whose likely result is not its mean) and
/// `shape` (what the curves do to the average, with sampling noise).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Gap {
    /// stats.mean − atLikely.total = skew + shape: how much the expected
    /// cost differs from the cost at the likely results.
    #[serde(serialize_with = "serialize_money")]
    pub difference: Decimal,
    /// atExpected.total − atLikely.total.
    #[serde(serialize_with = "serialize_money")]
    pub skew: Decimal,
    /// stats.mean − atExpected.total.
    #[serde(serialize_with = "serialize_money")]
    pub shape: Decimal,
    /// The total payout's sample standard deviation ÷ √trials; none for a
    /// single trial.
    #[serde(serialize_with = "serialize_money_opt")]
    pub standard_error: Option<Decimal>,
    /// 2 × standardError: the band the shape leaves by chance alone about 1
    /// run in 20.
    #[serde(serialize_with = "serialize_money_opt")]
    pub noise: Option<Decimal>,
    /// |shape| ≤ noise.
    pub shape_is_noise: bool,
}

/// One team's payout over the trials.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamSimulation {
    pub id: String,
    pub name: String,
    #[serde(serialize_with = "serialize_money")]
    pub target_incentive: Decimal,
    pub stats: Stats,
    /// The fraction of trials paying more than the target incentive.
    pub p_above_target: Exact,
    /// What bound the team's pay, as fractions of the trials.
    pub binding: Binding,
    /// p90 ÷ target incentive; none when the target incentive is 0.
    pub leverage: Option<Exact>,
    /// The most the team can be paid ÷ target incentive (its cap, or its
    /// curves' ends when they cap); none when nothing bounds it.
    pub max_leverage: Option<Exact>,
    /// The part of the mean payout earned on shared goals.
    #[serde(serialize_with = "serialize_money")]
    pub mean_shared: Decimal,
}

/// The total payout over the trials.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TotalSimulation {
    #[serde(serialize_with = "serialize_money")]
    pub target_incentive: Decimal,
    pub stats: Stats,
    /// P90 − P50: what an expensive year (one in ten costs more) costs above
    /// a typical one, the reserve to hold.
    #[serde(serialize_with = "serialize_money")]
    pub reserve: Decimal,
    /// The fraction of trials paying more than the budget; none without one.
    pub p_over_budget: Option<Exact>,
}

/// How often a forecast goal reached its threshold, target and excellence
/// point, as fractions of the trials.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalChances {
    pub id: String,
    /// The forecast's mean result, (low + likely + high) / 3 rounded as a
    /// drawn result is: the result `atExpected` uses.
    pub mean: Exact,
    /// Whether the mean is not the likely result: the forecast is skewed.
    pub skewed: bool,
    pub p_threshold: Exact,
    pub p_target: Exact,
    pub p_excellence: Exact,
}

/// The plain calculation with every forecast goal at one result: its
/// likely one, or its mean.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AtResults {
    pub teams: Vec<TeamPayout>,
    #[serde(serialize_with = "serialize_money")]
    pub total: Decimal,
}

/// Runs the plan's forecast: `options` override its trials and seed.
/// An error at `forecast` when the plan has none.
pub fn simulate(plan: Plan, options: &SimulateOptions) -> Result<Simulation, Errors> {
    Simulator::new(plan, options)?.finish()
}

/// A simulation run in parts, so that a caller can show progress between
/// them: `run` some trials at a time, then `finish` for the statistics.
pub struct Simulator {
    plan: Plan,
    trials: u32,
    seed: u64,
    /// The forecast's correlation and budget, as the statistics report them.
    correlation: Decimal,
    budget: Option<Decimal>,
    draws: Vec<Draw>,
    /// √ρ and √(1 − ρ): the weights of the common and the goal's own normal.
    common: f64,
    own: f64,
    random: Random,
    /// Each team's payout, then the total, per trial, in minor units.
    payouts: Vec<Vec<u64>>,
    /// Each forecast goal's attainment per trial.
    attainments: Vec<Vec<f64>>,
    /// Per forecast goal, the trials reaching its threshold, target and
    /// excellence point.
    reached: Vec<[u32; 3]>,
    /// Per team, what bound its pay and its shared part.
    counts: Vec<TeamCounts>,
    /// Per team, the shared parts summed exactly, when asked for.
    exact_shared: Option<Vec<ExactShared>>,
}

impl Simulator {
    /// A simulation of `plan`'s forecast, no trial run yet; an error at
    /// `forecast` when the plan has none.
    pub fn new(plan: Plan, options: &SimulateOptions) -> Result<Simulator, Errors> {
        let Some(forecast) = &plan.forecast else {
            let path = JsonPath::root().key("forecast");
            return Err(Error::new(path, ErrorKind::Missing).into());
        };
        let trials = options.trials.unwrap_or(forecast.trials);
        let seed = options.seed.unwrap_or(forecast.seed);
        let draws: Vec<Draw> = forecast.goals.iter().map(|g| Draw::new(&plan, g)).collect();
        let n = trials as usize;
        let rho = float(&forecast.correlation);
        Ok(Simulator {
            trials,
            seed,
            correlation: forecast.correlation,
            budget: forecast.budget,
            common: libm::sqrt(rho),
            own: libm::sqrt(1.0 - rho),
            random: Random::new(seed),
            payouts: (0..=plan.teams.len())
                .map(|_| Vec::with_capacity(n))
                .collect(),
            attainments: (0..draws.len()).map(|_| Vec::with_capacity(n)).collect(),
            reached: vec![[0; 3]; draws.len()],
            counts: (0..plan.teams.len())
                .map(|t| TeamCounts::new(&plan, t))
                .collect(),
            exact_shared: None,
            draws,
            plan,
        })
    }

    /// Trials run so far.
    pub fn done(&self) -> u32 {
        self.payouts.first().map_or(0, |c| c.len() as u32)
    }

    /// Trials in all.
    pub fn trials(&self) -> u32 {
        self.trials
    }

    /// Runs up to `count` more trials; the number run so far.
    pub fn run(&mut self, count: u32) -> Result<u32, Errors> {
        let count = count.min(self.trials - self.done());
        let plan = &self.plan;
        let goals = self.draws.iter().map(|d| d.goal).collect();
        let mut sweeper = Sweeper::over(plan, goals)?;
        // Where each goal's attainment falls; the forecast goals' change each trial.
        let mut places: Vec<Place> = plan
            .goals
            .iter()
            .zip(attainments(plan))
            .map(|(goal, a)| goal.curve.place(&a))
            .collect();
        let mut gated = vec![false; plan.goals.len()];
        for _ in 0..count {
            let z = self.random.normal();
            for (i, draw) in self.draws.iter().enumerate() {
                let zg = self.common * z + self.own * self.random.normal();
                let u = phi(zg);
                let a = attainment(&plan.goals[draw.goal], &draw.result(u));
                for (count, point) in self.reached[i].iter_mut().zip(&draw.points) {
                    *count += u32::from(a >= *point);
                }
                self.attainments[i].push(a.to_f64());
                places[draw.goal] = plan.goals[draw.goal].curve.place(&a);
                sweeper.set(draw.goal, a);
            }
            let mut total = 0u64;
            let paid = sweeper.paid()?;
            for (g, gated) in gated.iter_mut().enumerate() {
                *gated = sweeper.gated(g);
            }
            let trial = Trial {
                plan,
                places: &places,
                gated: &gated,
            };
            for (t, paid) in paid.iter().enumerate() {
                let units = plan.money.units(paid.payout);
                let units = units.and_then(|u| u64::try_from(u).ok());
                let units = units.ok_or_else(|| too_large(t, &["targetIncentive"]))?;
                total = total.checked_add(units).ok_or_else(|| too_large(t, &[]))?;
                self.payouts[t].push(units);
                self.counts[t].count(trial, t, units, paid);
                if let Some(exact) = &mut self.exact_shared {
                    exact[t].add(units, paid);
                }
            }
            self.payouts[plan.teams.len()].push(total);
        }
        Ok(self.done())
    }

    /// Runs the trials left and gives the statistics.
    pub fn finish(mut self) -> Result<Simulation, Errors> {
        self.run(self.trials)?;
        let money = self.plan.money;
        let fast: Option<Vec<Decimal>> = self
            .counts
            .iter()
            .map(|c| c.mean_shared(money, self.trials))
            .collect();
        let mean_shared = match fast {
            Some(means) => means,
            None => self.exact_mean_shared()?,
        };
        let total_error = standard_error(money, &self.payouts[self.plan.teams.len()]);
        let Simulator {
            plan,
            trials,
            seed,
            correlation,
            budget,
            draws,
            mut payouts,
            attainments,
            reached,
            counts,
            ..
        } = self;
        let plan = &plan;
        let goals: Vec<usize> = draws.iter().map(|d| d.goal).collect();
        let correlations = correlations(plan, &goals, &payouts, &attainments);
        let mut summaries = Vec::with_capacity(payouts.len());
        for column in &mut payouts {
            let summary = Summary::of(plan, column);
            summaries.push(summary.ok_or_else(|| too_large(0, &["targetIncentive"]))?);
        }
        let Some((total, teams)) = summaries.split_last() else {
            return Err(too_large(0, &["targetIncentive"]).into());
        };
        let units = |amount: Decimal| plan.money.units(amount).unwrap_or(0);
        let total_ti = plan
            .teams
            .iter()
            .try_fold(plan.money.zero(), |sum, t| add(sum, t.target_incentive))
            .ok_or_else(|| too_large(0, &["targetIncentive"]))?;
        let at_likely = at_results(plan, &draws, |d| d.likely.clone())?;
        let at_expected = at_results(plan, &draws, Draw::mean)?;
        let too_large_gap = || too_large(0, &["targetIncentive"]);
        let shape = total
            .stats
            .mean
            .checked_sub(at_expected.total)
            .ok_or_else(too_large_gap)?;
        let noise = match total_error {
            // A sum, not a product: money keeps its places (0.00, not 0).
            Some(error) => Some(add(error, error).ok_or_else(too_large_gap)?),
            None => None,
        };
        let gap = Gap {
            difference: total
                .stats
                .mean
                .checked_sub(at_likely.total)
                .ok_or_else(too_large_gap)?,
            skew: at_expected
                .total
                .checked_sub(at_likely.total)
                .ok_or_else(too_large_gap)?,
            shape,
            shape_is_noise: noise.is_some_and(|noise| shape.abs() <= noise),
            standard_error: total_error,
            noise,
        };
        let teams: Vec<TeamSimulation> = plan
            .teams
            .iter()
            .zip(teams)
            .zip(counts.iter().zip(mean_shared))
            .map(|((team, summary), (counts, mean_shared))| {
                let ti = Exact::from(team.target_incentive);
                TeamSimulation {
                    id: team.id.clone(),
                    name: team.name.clone(),
                    target_incentive: team.target_incentive,
                    stats: summary.stats.clone(),
                    p_above_target: share(summary.above(units(team.target_incentive)), trials),
                    binding: counts.binding(plan, trials),
                    leverage: Exact::from(summary.stats.p90).div(&ti),
                    max_leverage: max_leverage(plan, team),
                    mean_shared,
                }
            })
            .collect();
        let mut simulation = Simulation {
            trials,
            seed,
            correlation,
            teams,
            total: TotalSimulation {
                target_incentive: total_ti,
                stats: total.stats.clone(),
                reserve: total.stats.p90 - total.stats.p50,
                p_over_budget: budget.map(|b| share(total.above(units(b)), trials)),
            },
            correlations,
            histogram: histogram(plan, total.sorted),
            goals: draws
                .iter()
                .zip(&reached)
                .map(|(draw, counts)| {
                    let mean = draw.mean();
                    GoalChances {
                        id: plan.goals[draw.goal].id.clone(),
                        skewed: mean != draw.likely,
                        mean,
                        p_threshold: share(counts[0], trials),
                        p_target: share(counts[1], trials),
                        p_excellence: share(counts[2], trials),
                    }
                })
                .collect(),
            at_likely,
            at_expected,
            gap,
            findings: Vec::new(),
        };
        simulation.findings = practice(plan, Some(&simulation));
        Ok(simulation)
    }

    /// Each team's mean shared part summed exactly, by running the same
    /// trials again (they are seeded): for the rare sum whose fast mean
    /// cannot tell how it rounds.
    fn exact_mean_shared(&self) -> Result<Vec<Decimal>, Errors> {
        let options = SimulateOptions {
            trials: Some(self.trials),
            seed: Some(self.seed),
        };
        let mut again = Simulator::new(self.plan.clone(), &options)?;
        again.exact_shared = Some(vec![ExactShared::default(); self.plan.teams.len()]);
        again.run(self.trials)?;
        let sums = again.exact_shared.unwrap_or_default();
        let money = self.plan.money;
        sums.iter()
            .map(|sum| sum.mean(money, self.trials))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| too_large(0, &["targetIncentive"]).into())
    }
}

/// The most team `team` can be paid ÷ its target incentive: its cap, or
/// what its curves and modifiers pay at most, whichever is less; none when
/// nothing bounds it.
fn max_leverage(plan: &Plan, team: &crate::plan::Team) -> Option<Exact> {
    let curves = match &team.method {
        crate::plan::Method::Weighted => plan
            .goals
            .iter()
            .zip(&team.weights)
            .filter(|(_, w)| **w > Exact::ZERO)
            .try_fold(Exact::ZERO, |sum, (goal, w)| {
                Some(sum.add(&w.mul(&goal.curve.most()?)))
            }),
        crate::plan::Method::Blended(curve) => curve.most(),
    };
    let modified = team
        .modifiers
        .iter()
        .fold(curves, |m, modifier| Some(m?.mul(&modifier.curve.most()?)));
    match (modified, &team.cap) {
        (Some(most), Some(cap)) => Some(most.min(cap.clone())),
        (most, cap) => most.or_else(|| cap.clone()),
    }
}

/// Powers of ten that are exact floats: 10⁰ to 10²².
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A decimal as a float: its mantissa divided by its power of ten, in
/// correctly rounded steps that every build takes alike (not text parsing,
/// whose tables would grow the module by a fifth).
fn float(value: &Decimal) -> f64 {
    let power = |p: u32| POWERS.get(p as usize).copied().unwrap_or(1.0);
    // A scale is at most 28: at most two steps.
    let first = value.scale().min(22);
    value.mantissa() as f64 / power(first) / power(value.scale() - first)
}

/// How one forecast goal's result is drawn, and the attainments it is
/// counted against.
struct Draw {
    goal: usize,
    low: Exact,
    likely: Exact,
    high: Exact,
    /// Low, likely and high as floats, for the quantile.
    floats: [f64; 3],
    /// Results are rounded half to even to this many places.
    places: u32,
    /// Threshold (the curve's first point), target (1) and excellence (its
    /// last point), as attainments.
    points: [Exact; 3],
}

impl Draw {
    fn new(plan: &Plan, forecast: &ForecastGoal) -> Draw {
        let curve = &plan.goals[forecast.goal].curve;
        let first = curve.points.first().map_or(Exact::ZERO, |p| p.0.clone());
        let last = curve.points.last().map_or(Exact::ZERO, |p| p.0.clone());
        Draw {
            goal: forecast.goal,
            low: forecast.low.into(),
            likely: forecast.likely.into(),
            high: forecast.high.into(),
            floats: [
                float(&forecast.low),
                float(&forecast.likely),
                float(&forecast.high),
            ],
            places: forecast.places() + 2,
            points: [first, Exact::ONE, last],
        }
    }

    /// The forecast's mean result, (low + likely + high) / 3, rounded as a
    /// drawn result is.
    fn mean(&self) -> Exact {
        let sum = self.low.add(&self.likely).add(&self.high);
        let money = Money {
            decimals: self.places,
            rounding: Rounding::HalfEven,
        };
        let third = sum.div(&Exact::int(3)).unwrap_or(Exact::ZERO);
        // Results have at most 30 places, whose scale fits in 128 bits.
        let rounded = money
            .round_units(&third)
            .and_then(|units| Exact::ratio(units, 10i128.checked_pow(self.places)?));
        rounded.unwrap_or(third)
    }

    /// The result at quantile `u` of the triangular distribution, rounded,
    /// kept within low and high.
    fn result(&self, u: f64) -> Exact {
        if self.low == self.high {
            return self.low.clone();
        }
        let [a, c, b] = self.floats;
        let x = if u < (c - a) / (b - a) {
            a + libm::sqrt(u * (b - a) * (c - a))
        } else {
            b - libm::sqrt((1.0 - u) * (b - a) * (b - c))
        };
        let rounded = half_even(x, self.places).unwrap_or_else(|| self.low.clone());
        // A float near a bound can fall a hair outside it.
        rounded.max(self.low.clone()).min(self.high.clone())
    }
}

/// `x` rounded half to even to `places` decimal places, exactly.
fn half_even(x: f64, places: u32) -> Option<Exact> {
    let money = Money {
        decimals: places,
        rounding: Rounding::HalfEven,
    };
    let units = money.round_units(&Exact::from_f64(x)?)?;
    Exact::ratio(units, 10i128.checked_pow(places)?)
}

/// The plain calculation with every forecast goal at the result `result`
/// gives, through the trials' own `Sweeper` (the same steps as `calculate`).
fn at_results(
    plan: &Plan,
    draws: &[Draw],
    result: impl Fn(&Draw) -> Exact,
) -> Result<AtResults, Errors> {
    let mut sweeper = Sweeper::over(plan, draws.iter().map(|d| d.goal).collect())?;
    for draw in draws {
        sweeper.set(draw.goal, attainment(&plan.goals[draw.goal], &result(draw)));
    }
    let (teams, total) = by_team(plan, sweeper.current()?)?;
    Ok(AtResults { teams, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_even_rounds_the_float_exactly() {
        let cases = [
            (0.125, 2, "0.12"),
            (0.375, 2, "0.38"),
            (2.5, 0, "2"),
            (1234.5678, 2, "1234.57"),
            // 0.1 is a hair above 1/10 as a float.
            (0.1, 30, "0.1000000000000000055511151231"),
        ];
        for (x, places, expected) in cases {
            let rounded = half_even(x, places).unwrap();
            assert_eq!(rounded.to_significant(28), expected, "{x}");
        }
    }
}
