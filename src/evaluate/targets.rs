//! The targets: for each team, what its largest shared goal (a team that
//! weights none: its largest goal) must reach for the team to earn its
//! target incentive, solved exactly.

use serde::Serialize;

use crate::error::Errors;
use crate::exact::Exact;
use crate::plan::Plan;
use crate::solve::{rises, solve, Solution, SolveOptions};

/// What one team needs from its largest shared goal (or, weighting none,
/// its largest goal) to earn its target incentive, every other goal as it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub team: String,
    pub goal: String,
    pub solution: Solution,
}

/// For each team: what the shared goal it weights most (the first of
/// equals) must reach for the team to earn its target incentive; for a team
/// that weights no shared goal (a siloed one), the goal it weights most.
/// Not for a team whose payout can fall as the goal rises.
pub(crate) fn targets(plan: &Plan) -> Result<Vec<Target>, Errors> {
    let shared = plan.shared_goals();
    let mut targets = Vec::new();
    for (t, team) in plan.teams.iter().enumerate() {
        let largest = |among: &dyn Fn(usize) -> bool| {
            let mut largest: Option<usize> = None;
            for (g, weight) in team.weights.iter().enumerate() {
                let heavier = largest.is_none_or(|l| *weight > team.weights[l]);
                if among(g) && *weight > Exact::ZERO && heavier {
                    largest = Some(g);
                }
            }
            largest
        };
        let Some(g) = largest(&|g| shared[g]).or_else(|| largest(&|_| true)) else {
            continue;
        };
        let options = SolveOptions::new(t, g, team.target_incentive);
        // With a falling curve, solve tries every grid point: too slow for
        // every keystroke, so no sentence then.
        if !rises(plan, &options) {
            continue;
        }
        targets.push(Target {
            team: team.id.clone(),
            goal: plan.goals[g].id.clone(),
            solution: solve(plan, &options)?,
        });
    }
    Ok(targets)
}
