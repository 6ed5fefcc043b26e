//! The practice check (MODEL.md, "Why the cost differs, and the plan's
//! economics"): where a plan departs from what sales-compensation practice
//! expects, each finding with a stable rule id. The README names the
//! published source of each rule.

use serde::Serialize;

use crate::curve::Curve;
use crate::exact::Exact;
use crate::path::JsonPath;
use crate::plan::{Method, Plan};
use crate::shown::{percent, ratio};
use crate::simulate::Simulation;

/// Which rule a finding breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Rule {
    /// A good year (the team's P90) pays under 2× target incentive.
    LeverageLow,
    /// A good year pays over 3× target incentive.
    LeverageHigh,
    /// A team's cap is below 2× its target incentive.
    CapBelowTwice,
    /// A curve's factor jumps from 0 to 0.5 or more at its first point
    /// above 0 attainment.
    Cliff,
    /// A forecast goal reaches its threshold outside 85–95 % of trials.
    ThresholdChance,
    /// A forecast goal reaches its target outside 60–70 % of trials.
    TargetChance,
    /// A forecast goal reaches its excellence point outside 5–15 % of trials.
    ExcellenceChance,
}

/// How much a finding matters: a `warning` questions the plan's design,
/// a `notice` says a forecast goal's chances are unusual.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Warning,
    Notice,
}

/// Which side of its band a judged number fell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Side {
    Below,
    Above,
}

/// One departure from practice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub path: JsonPath,
    pub message: String,
    /// The number the rule judged (a leverage, a cap, a factor, a chance),
    /// exactly, for a front end to write in its own words.
    pub value: Exact,
    /// The band practice expects the value in, inclusive (leverage and
    /// chances: chances as fractions), and the side it fell on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<[Exact; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The team and the goal the finding is about, by id, where it is
    /// about one (a cliff in a team's modifier names both).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// For a cliff and a chance: the attainment of the point judged (the
    /// cliff's point; the threshold, 1, or the excellence point).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Exact>,
}

/// The bands of practice a forecast goal's chances are judged against,
/// inclusive: threshold, target, excellence, in percent.
pub const BANDS: [(Rule, &str, i128, i128); 3] = [
    (Rule::ThresholdChance, "threshold", 85, 95),
    (Rule::TargetChance, "target", 60, 70),
    (Rule::ExcellenceChance, "excellence point", 5, 15),
];

/// Leverage at P90 that practice expects, inclusive.
pub const LEVERAGE: (i128, i128) = (2, 3);

/// The lowest cap practice accepts, in multiples of target incentive.
pub const LEAST_CAP: i128 = 2;

/// What practice expects, written out for the page's words about the
/// check (`practice` in Wasm): a good year's leverage band, the lowest cap,
/// the factor from which a curve that pays nothing just below a point is a
/// cliff, and each chance's band, as fractions. The constants above (and
/// the curve's `CLIFF`) are what the check judges by; a test keeps this
/// text equal to them.
pub const PRACTICE_JSON: &str = r#"{"leverage":["2","3"],"leastCap":"2","cliff":"0.5","chances":{"threshold":["0.85","0.95"],"target":["0.6","0.7"],"excellence":["0.05","0.15"]}}"#;

/// The findings for a valid plan: those that need no simulation, and with
/// `simulation` (of this plan) those that do.
pub fn practice(plan: &Plan, simulation: Option<&Simulation>) -> Vec<Finding> {
    let mut found = Vec::new();
    let teams = JsonPath::root().key("teams");
    let goals = JsonPath::root().key("goals");
    for (t, team) in plan.teams.iter().enumerate() {
        if let Some(cap) = team
            .cap
            .as_ref()
            .filter(|cap| **cap < Exact::int(LEAST_CAP))
        {
            found.push(Finding {
                rule: Rule::CapBelowTwice,
                severity: Severity::Warning,
                path: teams.clone().index(t).key("cap"),
                message: format!(
                    "{}'s cap is {}× its target incentive: practice caps no lower than 2×, \
                     so that a great year still pays more than a good one.",
                    team.name,
                    ratio(cap)
                ),
                value: cap.clone(),
                band: None,
                side: None,
                team: Some(team.id.clone()),
                goal: None,
                at: None,
            });
        }
    }
    let mut cliff =
        |curve: &Curve, path: JsonPath, whose: String, subject: (Option<&str>, Option<&str>)| {
            if let Some(i) = curve.cliff() {
                let (a, f) = &curve.points[i];
                found.push(Finding {
                    rule: Rule::Cliff,
                    severity: Severity::Warning,
                    path: path.key("points").index(i),
                    message: format!(
                        "{whose} pays nothing below {} and {} of target at {}: a cliff, \
                     where a small miss costs {} of the pay.",
                        percent(a),
                        percent(f),
                        percent(a),
                        percent(f)
                    ),
                    value: f.clone(),
                    band: None,
                    side: None,
                    team: subject.0.map(str::to_owned),
                    goal: subject.1.map(str::to_owned),
                    at: Some(a.clone()),
                });
            }
        };
    for (g, goal) in plan.goals.iter().enumerate() {
        let whose = format!("“{}”'s curve", goal.name);
        let subject = (None, Some(goal.id.as_str()));
        cliff(
            &goal.curve,
            goals.clone().index(g).key("curve"),
            whose,
            subject,
        );
    }
    for (t, team) in plan.teams.iter().enumerate() {
        if let Method::Blended(curve) = &team.method {
            let whose = format!("{}'s blended curve", team.name);
            let subject = (Some(team.id.as_str()), None);
            cliff(curve, teams.clone().index(t).key("curve"), whose, subject);
        }
        for (m, modifier) in team.modifiers.iter().enumerate() {
            let path = teams
                .clone()
                .index(t)
                .key("modifiers")
                .index(m)
                .key("curve");
            let goal = &plan.goals[modifier.goal];
            let whose = format!("{}'s modifier on “{}”", team.name, goal.name);
            let subject = (Some(team.id.as_str()), Some(goal.id.as_str()));
            cliff(&modifier.curve, path, whose, subject);
        }
    }
    if let Some(simulation) = simulation {
        simulated(plan, simulation, &mut found);
    }
    found
}

/// The findings that need the simulation's numbers.
fn simulated(plan: &Plan, simulation: &Simulation, found: &mut Vec<Finding>) {
    let (low, high) = (Exact::int(LEVERAGE.0), Exact::int(LEVERAGE.1));
    for (t, team) in simulation.teams.iter().enumerate() {
        let Some(leverage) = &team.leverage else {
            continue;
        };
        let (rule, side, words) = match leverage {
            l if *l < low => (Rule::LeverageLow, Side::Below, "under 2×"),
            l if *l > high => (Rule::LeverageHigh, Side::Above, "over 3×"),
            _ => continue,
        };
        found.push(Finding {
            rule,
            severity: Severity::Warning,
            path: JsonPath::root().key("teams").index(t),
            message: format!(
                "{}'s good year (P90) pays {}× its target incentive, {side}: practice expects \
                 a good year to pay 2–3× target.",
                team.name,
                ratio(leverage),
                side = words
            ),
            value: leverage.clone(),
            band: Some([low.clone(), high.clone()]),
            side: Some(side),
            team: Some(team.id.clone()),
            goal: None,
            at: None,
        });
    }
    let Some(forecast) = &plan.forecast else {
        return;
    };
    for (chances, forecast_goal) in simulation.goals.iter().zip(&forecast.goals) {
        let goal = &plan.goals[forecast_goal.goal];
        let first = goal.curve.points.first().map(|p| &p.0);
        let last = goal.curve.points.last().map(|p| &p.0);
        let judged = [
            // A threshold only where the curve's first point is above 0,
            // excellence only where its last point is above target.
            first
                .filter(|a| **a > Exact::ZERO)
                .map(|a| (&chances.p_threshold, a.clone())),
            Some((&chances.p_target, Exact::ONE)),
            last.filter(|a| **a > Exact::ONE)
                .map(|a| (&chances.p_excellence, a.clone())),
        ];
        for ((rule, name, low, high), judged) in BANDS.iter().zip(judged) {
            let Some((chance, at)) = judged else {
                continue;
            };
            let band = [Exact::ratio(*low, 100), Exact::ratio(*high, 100)];
            let [Some(from), Some(to)] = band else {
                continue;
            };
            let (side, words) = if *chance < from {
                (Side::Below, "harder than usual")
            } else if *chance > to {
                (Side::Above, "easier than usual")
            } else {
                continue;
            };
            found.push(Finding {
                rule: *rule,
                severity: Severity::Notice,
                path: JsonPath::root().key("forecast").key("goals").key(&goal.id),
                message: format!(
                    "“{}” reaches its {name} ({}) in {} of trials: {words} \
                     (practice: {low}–{high} %).",
                    goal.name,
                    percent(&at),
                    percent(chance)
                ),
                value: chance.clone(),
                band: Some([from, to]),
                side: Some(side),
                team: None,
                goal: Some(goal.id.clone()),
                at: Some(at),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::curve::CLIFF;

    /// The text the page words the check with is the constants it judges by.
    #[test]
    fn the_pages_practice_is_the_checks() {
        let fraction = |n: i128, d: i128| Exact::ratio(n, d).unwrap().to_significant(28);
        let chance = |name: &str| {
            let (_, _, low, high) = BANDS.iter().find(|band| band.1.starts_with(name)).unwrap();
            json!([fraction(*low, 100), fraction(*high, 100)])
        };
        let made = json!({
            "leverage": [LEVERAGE.0.to_string(), LEVERAGE.1.to_string()],
            "leastCap": LEAST_CAP.to_string(),
            "cliff": fraction(CLIFF.0, CLIFF.1),
            "chances": {
                "threshold": chance("threshold"),
                "target": chance("target"),
                "excellence": chance("excellence"),
            },
        });
        let read: Value = serde_json::from_str(PRACTICE_JSON).unwrap();
        assert_eq!(read, made);
    }
}
