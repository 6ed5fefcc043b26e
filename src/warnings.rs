//! Warnings: what does not stop the calculation but says where a plan may
//! not do what its author meant, above all where it keeps Sales and
//! Marketing apart. The calculation and `check` both report them.

use serde::Serialize;

use crate::curve::Curve;
use crate::exact::text::SHOWN_DIGITS;
use crate::exact::Exact;
use crate::path::JsonPath;
use crate::plan::{Method, Plan};

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum WarningCode {
    /// A team's weights do not sum to 1.
    WeightsNotOne,
    /// No team weights a goal.
    GoalUnweighted,
    /// No goal is shared by two teams: the plan keeps the teams apart.
    NoSharedGoal,
    /// A team has no weight on any shared goal.
    TeamNotShared,
    /// A curve's first point is above 100 % attainment.
    ThresholdAboveTarget,
}

/// Something the plan's author should look at; never stops the calculation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    pub code: WarningCode,
    pub path: JsonPath,
    pub message: String,
}

/// The warnings for a valid plan, in plan order.
pub fn warnings(plan: &Plan) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut warn = |code, path: JsonPath, message: String| {
        warnings.push(Warning {
            code,
            path,
            message,
        })
    };
    let shared = plan.shared_goals();

    for (g, goal) in plan.goals.iter().enumerate() {
        if plan.teams.iter().all(|team| team.weights[g].is_zero()) {
            warn(
                WarningCode::GoalUnweighted,
                goal_path(g),
                format!(
                    "No team has a weight on “{}”, so it pays nobody.",
                    goal.name
                ),
            );
        }
        if let Some(message) = threshold_warning(&goal.curve) {
            warn(
                WarningCode::ThresholdAboveTarget,
                first_point(goal_path(g).key("curve")),
                message,
            );
        }
    }

    // With a single team there is nobody to share with.
    let any_shared = shared.contains(&true);
    if plan.teams.len() >= 2 && !any_shared {
        warn(
            WarningCode::NoSharedGoal,
            JsonPath::root().key("goals"),
            "No goal is shared by two teams: each team is paid only on its own goals, \
             so nothing rewards them for working together."
                .to_owned(),
        );
    }

    for (t, team) in plan.teams.iter().enumerate() {
        let sum = team.weights.iter().fold(Exact::ZERO, |sum, w| sum.add(w));
        if sum != Exact::ONE {
            warn(WarningCode::WeightsNotOne, team_path(t).key("weights"), {
                let sum = percent(&sum);
                format!(
                        "The weights of “{}” add up to {sum} %, not 100 %, so at target it is paid {sum} % of its target incentive.",
                        team.name,
                    )
            });
        }
        let stake = team
            .weights
            .iter()
            .zip(&shared)
            .any(|(w, &s)| s && !w.is_zero());
        if any_shared && !stake {
            warn(
                WarningCode::TeamNotShared,
                team_path(t).key("weights"),
                format!(
                    "“{}” has no weight on a shared goal, so it does not win or lose with the other teams.",
                    team.name
                ),
            );
        }
        if let Method::Blended(curve) = &team.method {
            if let Some(message) = threshold_warning(curve) {
                warn(
                    WarningCode::ThresholdAboveTarget,
                    first_point(team_path(t).key("curve")),
                    message,
                );
            }
        }
        for (m, modifier) in team.modifiers.iter().enumerate() {
            if let Some(message) = threshold_warning(&modifier.curve) {
                warn(
                    WarningCode::ThresholdAboveTarget,
                    first_point(team_path(t).key("modifiers").index(m).key("curve")),
                    message,
                );
            }
        }
    }
    warnings
}

fn goal_path(g: usize) -> JsonPath {
    JsonPath::root().key("goals").index(g)
}

fn team_path(t: usize) -> JsonPath {
    JsonPath::root().key("teams").index(t)
}

fn first_point(curve: JsonPath) -> JsonPath {
    curve.key("points").index(0)
}

fn threshold_warning(curve: &Curve) -> Option<String> {
    let first = curve.threshold()?;
    (*first > Exact::ONE).then(|| {
        format!(
            "This curve pays nothing below {} % attainment, which is above target.",
            percent(first)
        )
    })
}

/// A fraction as a percentage without trailing zeros: 0.875 is "87.5".
fn percent(fraction: &Exact) -> String {
    fraction.mul(&Exact::int(100)).to_significant(SHOWN_DIGITS)
}
