//! Sweep: the plan recomputed across a range of one goal's attainment, the
//! data behind a payout-versus-attainment chart.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::calculate::{
    after_subtotal, attainments, blended, goal_factor, goal_factors, line_amount, too_large,
};
use crate::decimal::{add, serialize_money};
use crate::error::{Error, Errors};
use crate::exact::Exact;
use crate::json::Json;
use crate::path::Path;
use crate::plan::{Method, Plan, Team};
use crate::reader::Reader;
use crate::validate::GoalIds;

/// Which goal to sweep, over which attainments, in how many steps.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepOptions {
    /// Index of the goal in the plan.
    goal: usize,
    from: Exact,
    to: Exact,
    steps: u32,
}

/// The payouts at one attainment of the swept goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweepPoint {
    pub attainment: Exact,
    pub teams: Vec<TeamPayout>,
    #[serde(serialize_with = "serialize_money")]
    pub total: Decimal,
}

/// One team's payout at one point of a sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamPayout {
    pub id: String,
    #[serde(serialize_with = "serialize_money")]
    pub payout: Decimal,
}

impl SweepOptions {
    /// Reads `{ goal, from, to, steps }`: `goal` the id of one of the plan's
    /// goals, `from` and `to` attainments as decimal strings (≥ 0, `"1.5"` is
    /// 150 %), `steps` a whole number from 2 to 1,000.
    pub fn from_json(plan: &Plan, json: &Json) -> Result<SweepOptions, Errors> {
        let mut v = Reader::default();
        let options = read(&mut v, plan, json);
        v.finish(options)
    }
}

fn read(v: &mut Reader, plan: &Plan, json: &Json) -> Option<SweepOptions> {
    let root = Path::Root;
    let entries = v.object(&root, json, Some(&["goal", "from", "to", "steps"]))?;
    let ids = GoalIds::of(plan);
    let goal = v.required(&root, entries, "goal", |v, p, g| v.goal_ref(p, g, &ids));
    let from = v.required(&root, entries, "from", Reader::at_least_zero);
    let to = v.required(&root, entries, "to", Reader::at_least_zero);
    let steps = v.required(&root, entries, "steps", |v, p, s| v.whole(p, s, 2, 1000));
    Some(SweepOptions {
        goal: goal?,
        from: from?.into(),
        to: to?.into(),
        steps: steps?,
    })
}

/// Recomputes the plan `steps` times with the swept goal's attainment set to
/// `from + i × (to − from) / (steps − 1)`; that goal's actual is ignored.
///
/// Each point runs the same steps as `calculate`, but only where the swept
/// goal reaches: the factors of that goal and of goals gated on it, and the
/// lines on those goals; the other lines of a team are added up once.
#[inline(never)]
pub fn sweep(plan: &Plan, options: &SweepOptions) -> Result<Vec<SweepPoint>, Errors> {
    let mut sweeper = Sweeper::new(plan, options.goal)?;
    steps(&options.from, &options.to, options.steps)
        .map(|attainment| sweeper.point(attainment))
        .collect()
}

/// The attainments a sweep from `from` to `to` in `steps` points (2 at
/// least) takes: `from + i × (to − from) / (steps − 1)`, exactly.
pub(crate) fn steps(from: &Exact, to: &Exact, steps: u32) -> impl Iterator<Item = Exact> {
    let steps = steps.max(2);
    // At least one interval, so the division always has a divisor.
    let intervals = Exact::int(i128::from(steps - 1));
    let span = to.sub(from);
    let from = from.clone();
    (0..steps).map(move |i| {
        let offset = span.mul(&Exact::int(i128::from(i))).div(&intervals);
        from.add(&offset.unwrap_or(Exact::ZERO))
    })
}

/// Each team's payout (`payouts`, in the plan's team order) by its id, and
/// their total.
pub(crate) fn by_team(
    plan: &Plan,
    payouts: Vec<Decimal>,
) -> Result<(Vec<TeamPayout>, Decimal), Errors> {
    let mut total = plan.money.zero();
    for (t, payout) in payouts.iter().enumerate() {
        total = add(total, *payout).ok_or_else(|| too_large(t, &["targetIncentive"]))?;
    }
    let teams = plan.teams.iter().zip(payouts);
    let teams = teams
        .map(|(team, payout)| TeamPayout {
            id: team.id.clone(),
            payout,
        })
        .collect();
    Ok((teams, total))
}

/// The plan calculated again and again at other attainments of some goals,
/// with what does not depend on those goals worked out once.
pub(crate) struct Sweeper<'a> {
    plan: &'a Plan,
    /// The goals whose attainments change: one for a sweep, the forecast
    /// goals for a simulation.
    goals: Vec<usize>,
    attainments: Vec<Exact>,
    factors: Vec<(Exact, bool)>,
    /// The goals whose factors move with them: themselves, and the goals
    /// gated on one of them.
    moving: Vec<usize>,
    /// Whether each goal is shared, for how a team's pay splits.
    shared: Vec<bool>,
    teams: Vec<Prepared>,
}

impl<'a> Sweeper<'a> {
    /// A sweeper over one goal's attainment.
    pub(crate) fn new(plan: &'a Plan, goal: usize) -> Result<Sweeper<'a>, Errors> {
        Sweeper::over(plan, vec![goal])
    }

    /// A sweeper over the attainments of `goals` (indices), together.
    pub(crate) fn over(plan: &'a Plan, goals: Vec<usize>) -> Result<Sweeper<'a>, Errors> {
        let attainments = attainments(plan);
        let factors = goal_factors(plan, &attainments);
        let shared = plan.shared_goals();
        let moving: Vec<usize> = (0..plan.goals.len())
            .filter(|g| {
                goals.contains(g)
                    || plan.goals[*g]
                        .gate
                        .as_ref()
                        .is_some_and(|gate| goals.contains(&gate.goal))
            })
            .collect();
        let teams = plan
            .teams
            .iter()
            .enumerate()
            .map(|(t, team)| {
                let still = !moves(team, &goals, &moving);
                Prepared::new(plan, t, &shared, &moving, &factors, &attainments, still)
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(Sweeper {
            plan,
            goals,
            attainments,
            factors,
            moving,
            shared,
            teams,
        })
    }

    /// Every team's payout with the swept goal at `attainment`.
    pub(crate) fn payouts(&mut self, attainment: &Exact) -> Result<Vec<Decimal>, Errors> {
        self.set_first(attainment);
        self.current()
    }

    /// Every team's payout and the total with the swept goal at
    /// `attainment`.
    pub(crate) fn point(&mut self, attainment: Exact) -> Result<SweepPoint, Errors> {
        let payouts = self.payouts(&attainment)?;
        let (teams, total) = by_team(self.plan, payouts)?;
        Ok(SweepPoint {
            attainment,
            teams,
            total,
        })
    }

    /// Team `t`'s payout with the swept goal at `attainment`.
    pub(crate) fn payout(&mut self, t: usize, attainment: &Exact) -> Result<Decimal, Errors> {
        self.set_first(attainment);
        self.refresh();
        // Callers pass the index of one of the plan's teams.
        match self.teams.get(t) {
            Some(team) => Ok(team
                .paid(self.plan, t, &self.shared, &self.attainments, &self.factors)?
                .payout),
            None => Ok(self.plan.money.zero()),
        }
    }

    fn set_first(&mut self, attainment: &Exact) {
        if let Some(&g) = self.goals.first() {
            self.attainments[g] = attainment.clone();
        }
    }

    /// Sets goal `g`'s attainment; `g` is one of the sweeper's goals.
    pub(crate) fn set(&mut self, g: usize, attainment: Exact) {
        self.attainments[g] = attainment;
    }

    /// Every team's payout at the attainments set.
    pub(crate) fn current(&mut self) -> Result<Vec<Decimal>, Errors> {
        Ok(self.paid()?.into_iter().map(|p| p.payout).collect())
    }

    /// Every team's payout at the attainments set, with what bound it.
    pub(crate) fn paid(&mut self) -> Result<Vec<Paid>, Errors> {
        self.refresh();
        let mut paid = Vec::with_capacity(self.teams.len());
        for (t, team) in self.teams.iter().enumerate() {
            paid.push(team.paid(self.plan, t, &self.shared, &self.attainments, &self.factors)?);
        }
        Ok(paid)
    }

    /// Whether goal `g`'s gate stopped its factor at the attainments last
    /// paid on.
    pub(crate) fn gated(&self, g: usize) -> bool {
        self.factors[g].1
    }

    fn refresh(&mut self) {
        for &g in &self.moving {
            self.factors[g] = goal_factor(self.plan, g, &self.attainments);
        }
    }
}

/// Whether a team's payout can change with the attainments of `goals`,
/// whose factors move those of `moving`.
fn moves(team: &Team, goals: &[usize], moving: &[usize]) -> bool {
    let weighs = |g: &usize| team.weights[*g] > Exact::ZERO;
    moving.iter().any(weighs)
        || team.modifiers.iter().any(|m| goals.contains(&m.goal))
        || team
            .gate
            .as_ref()
            .is_some_and(|gate| goals.contains(&gate.goal))
}

/// A team's payout at one point, with what bound it and how it splits.
#[derive(Debug, Clone)]
pub(crate) struct Paid {
    pub(crate) payout: Decimal,
    /// The cap cut the payout.
    pub(crate) capped: bool,
    /// The team's gate, or the gate of a goal it weights, paid nothing.
    pub(crate) gate_closed: bool,
    /// The team's own gate paid it nothing.
    pub(crate) own_gate_closed: bool,
    /// The part of the team's lines on shared goals, and all of them,
    /// before modifiers and the cap.
    pub(crate) split: Split,
    /// The blended attainment, for a blended team.
    pub(crate) blended: Option<Exact>,
}

/// How a team's pay splits over its lines: line amounts for a weighted
/// team, the parts of the blended attainment (weight × attainment) for a
/// blended one; the part on shared goals, then all of them.
#[derive(Debug, Clone)]
pub(crate) enum Split {
    Amounts(Decimal, Decimal),
    Parts(Exact, Exact),
}

/// What a team's payout needs at every point of a sweep.
struct Prepared {
    target_incentive: Exact,
    /// The lines on goals that do not move with the swept goals, added up,
    /// and those of them on shared goals.
    fixed: Decimal,
    fixed_shared: Decimal,
    /// Target incentive × weight for each line that moves, by goal.
    moving: Vec<(usize, Exact)>,
    /// The payout, when nothing the team depends on moves.
    still: Option<Paid>,
}

impl Prepared {
    fn new(
        plan: &Plan,
        t: usize,
        shared: &[bool],
        moving: &[usize],
        factors: &[(Exact, bool)],
        attainments: &[Exact],
        still: bool,
    ) -> Result<Prepared, Error> {
        let team = &plan.teams[t];
        let ti = Exact::from(team.target_incentive);
        let mut prepared = Prepared {
            fixed: plan.money.zero(),
            fixed_shared: plan.money.zero(),
            moving: Vec::new(),
            target_incentive: ti.clone(),
            still: None,
        };
        if let Method::Weighted = team.method {
            for (g, weight) in team.weights.iter().enumerate() {
                if *weight <= Exact::ZERO {
                    continue;
                }
                let weighted = ti.mul(weight);
                if moving.contains(&g) {
                    prepared.moving.push((g, weighted));
                } else {
                    let amount = line_amount(plan, &weighted, &factors[g].0)
                        .ok_or_else(|| too_large(t, &["weights"]))?;
                    let sum = |sum| add(sum, amount).ok_or_else(|| too_large(t, &["weights"]));
                    prepared.fixed = sum(prepared.fixed)?;
                    if shared[g] {
                        prepared.fixed_shared = sum(prepared.fixed_shared)?;
                    }
                }
            }
        }
        if still {
            prepared.still = Some(prepared.paid(plan, t, shared, attainments, factors)?);
        }
        Ok(prepared)
    }

    /// Team `t`'s pay at `attainments` and `factors`; `shared` says which
    /// goals are shared.
    fn paid(
        &self,
        plan: &Plan,
        t: usize,
        shared: &[bool],
        attainments: &[Exact],
        factors: &[(Exact, bool)],
    ) -> Result<Paid, Error> {
        if let Some(paid) = &self.still {
            return Ok(paid.clone());
        }
        let team = &plan.teams[t];
        let ti = &self.target_incentive;
        let too_large = || too_large(t, &["weights"]);
        let (subtotal, split, blended_attainment, goal_gate) = match &team.method {
            Method::Weighted => {
                let (mut all, mut on_shared) = (self.fixed, self.fixed_shared);
                for (g, weighted) in &self.moving {
                    let amount =
                        line_amount(plan, weighted, &factors[*g].0).ok_or_else(too_large)?;
                    all = add(all, amount).ok_or_else(too_large)?;
                    if shared[*g] {
                        on_shared = add(on_shared, amount).ok_or_else(too_large)?;
                    }
                }
                let weighs = |g: usize| team.weights[g] > Exact::ZERO;
                let gate = (0..plan.goals.len()).any(|g| weighs(g) && factors[g].1);
                (all, Split::Amounts(on_shared, all), None, gate)
            }
            Method::Blended(curve) => {
                let (blended_attainment, subtotal) = blended(plan, t, ti, curve, attainments)?;
                let part = |g: usize| team.weights[g].mul(&attainments[g]);
                let on_shared = (0..plan.goals.len())
                    .filter(|&g| shared[g])
                    .fold(Exact::ZERO, |sum, g| sum.add(&part(g)));
                let lines = blended_attainment.clone();
                let split = Split::Parts(on_shared, lines);
                (subtotal, split, Some(blended_attainment), false)
            }
        };
        let steps = after_subtotal(plan, t, ti, subtotal, attainments)?;
        Ok(Paid {
            payout: steps.payout,
            capped: steps.capped,
            gate_closed: steps.gated || goal_gate,
            own_gate_closed: steps.gated,
            split,
            blended: blended_attainment,
        })
    }
}
