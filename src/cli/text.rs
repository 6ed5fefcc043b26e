//! The readable statement of `tandem calc --format text`, and the text of
//! `tandem check`: what a manager could hand to an employee.

use std::fmt::Write;

use tandem::shown::{factor, grouped, percent, ratio, ratio_percent};
use tandem::{
    Check, Compared, Decimal, Exact, Named, Plan, Report, ScenarioResults, Scenarios, Simulation,
    Solution, TeamResult,
};

/// The whole statement: goals, one block per team, the joint split, warnings.
pub fn statement(plan: &Plan, report: &Report) -> String {
    let mut s = String::new();
    let rounding = report.rounding.words();
    let _ = writeln!(
        s,
        "{}\nAmounts in {}, rounded {} to {} decimal places.\n",
        plan.name().unwrap_or("Incentive statement"),
        report.currency,
        rounding,
        report.decimals
    );

    let width = column_width(report.goals.iter().map(|g| g.name.as_str()), 10);
    s.push_str("GOALS\n");
    for goal in &report.goals {
        let mut notes = Vec::new();
        if goal.shared {
            notes.push("shared");
        }
        if goal.gated {
            notes.push("gate not met: pays nothing");
        }
        let _ = writeln!(
            s,
            "  {:<width$}  attainment {:>9}  factor {:>8}  {}",
            goal.name,
            percent(&goal.attainment),
            factor(&goal.factor),
            notes.join(", ")
        );
    }
    for team in &report.teams {
        s.push('\n');
        team_block(&mut s, report, team, width);
    }

    s.push_str("\nJOINT SPLIT\n");
    let team_width = column_width(report.teams.iter().map(|t| t.name.as_str()), 5);
    for (team, share) in report.teams.iter().zip(&report.split) {
        let _ = writeln!(
            s,
            "  {:<team_width$}  {:>16}  {:>8}",
            team.name,
            money(team.payout),
            split_share(share.share)
        );
    }
    let _ = writeln!(
        s,
        "  {:<team_width$}  {:>16}  of {} target incentive{}",
        "Total",
        money(report.total.payout),
        money(report.total.target_incentive),
        report
            .total
            .payout_ratio
            .as_ref()
            .map(|r| format!(" ({})", percent(r)))
            .unwrap_or_default()
    );

    if let Some(cost) = report
        .economics
        .as_ref()
        .and_then(|e| e.cost_of_sales.as_ref())
    {
        let ratio = |r: &Option<Exact>| r.as_ref().map_or("none".to_owned(), ratio_percent);
        let _ = writeln!(
            s,
            "\nCost of sales (base and incentive pay ÷ revenue): {} at target, {} at the actual results.",
            ratio(&cost.at_target),
            ratio(&cost.at_actual)
        );
    }

    if !report.warnings.is_empty() {
        s.push_str("\nWARNINGS\n");
        for warning in &report.warnings {
            let _ = writeln!(s, "  - {}", warning.message());
        }
    }
    s
}

fn team_block(s: &mut String, report: &Report, team: &TeamResult, width: usize) {
    let method = team.method.words();
    let _ = writeln!(
        s,
        "{} [{}]: target incentive {}, {method}",
        team.name.to_uppercase(),
        team.id,
        money(team.target_incentive)
    );
    let amount_col = width + 2 + 8 + 2 + 10 + 2 + 8 + 2 + 14;
    if let Some(blended) = &team.blended_attainment {
        let _ = writeln!(
            s,
            "  Blended attainment {} (Σ weight × attainment)",
            percent(blended)
        );
    } else {
        let _ = writeln!(
            s,
            "  {:<width$}  {:>8}  {:>10}  {:>8}  {:>14}  {:>14}",
            "Goal", "Weight", "Attainment", "Factor", "At target", "Amount"
        );
        for line in &team.lines {
            let goal = report.goals.iter().find(|g| g.id == line.goal);
            let _ = writeln!(
                s,
                "  {:<width$}  {:>8}  {:>10}  {:>8}  {:>14}  {:>14}",
                goal.map_or(line.goal.as_str(), |g| g.name.as_str()),
                percent(&line.weight),
                goal.map(|g| percent(&g.attainment)).unwrap_or_default(),
                factor(&line.factor),
                money(line.at_target),
                money(line.amount)
            );
        }
    }
    let row = |s: &mut String, label: &str, value: String| {
        let _ = writeln!(s, "  {label:<amount_col$}  {value:>14}");
    };
    row(s, "Subtotal", money(team.subtotal));
    if let Some(modifier) = &team.modifier {
        let _ = writeln!(
            s,
            "  Modifiers multiply the subtotal by {}: {}.",
            factor(modifier),
            team.after_modifiers.map(money).unwrap_or_default()
        );
    }
    if team.gated {
        let _ = writeln!(s, "  The team's gate is not met, so it is paid nothing.");
    }
    if team.capped {
        let cap = team.cap_amount.map(money).unwrap_or_default();
        let _ = writeln!(s, "  The cap is reached: the payout is limited to {cap}.");
    }
    row(s, "Payout", money(team.payout));
    if let Some(ratio) = &team.payout_ratio {
        let _ = writeln!(s, "  That is {} of the target incentive.", percent(ratio));
    }
    if !team.shared_stake.is_zero() {
        let from_shared = team
            .shared_payout
            .map(|p| format!(", and {} of the payout comes from them", money(p)))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  Shared goals carry {} of the target incentive{from_shared}.",
            percent(&team.shared_stake)
        );
    }
    if let Some(economics) = report
        .economics
        .as_ref()
        .and_then(|e| e.teams.iter().find(|t| t.id == team.id))
    {
        if let (Some(base), Some(ote)) = (economics.base, economics.ote) {
            let mix = economics
                .incentive_share
                .as_ref()
                .map(|share| format!(", {} of it incentive", ratio_percent(share)))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "  On-target earnings {} (base {} + target incentive {}){mix}.",
                money(ote),
                money(base),
                money(team.target_incentive)
            );
        }
    }
    if !team.members.is_empty() {
        let member_width = team
            .members
            .iter()
            .map(|m| m.name.chars().count())
            .max()
            .unwrap_or(0);
        let _ = writeln!(
            s,
            "  Members (split by share, to the cent, largest remainder)"
        );
        for member in &team.members {
            let _ = writeln!(
                s,
                "    {:<member_width$}  share {:>8}  {:>14}",
                member.name,
                factor(&member.share.into()),
                money(member.payout)
            );
        }
    }
}

/// `tandem solve` as text: one sentence. `asked` is the team id, the goal id
/// and the payout as given.
pub fn solution(report: &Report, asked: &(String, String, String), solution: &Solution) -> String {
    let (team, goal, payout) = asked;
    let team = report.teams.iter().find(|t| t.id == *team);
    let goal = report.goals.iter().find(|g| g.id == *goal);
    let (Some(team), Some(goal)) = (team, goal) else {
        return String::new();
    };
    let wanted = match payout.parse::<Decimal>() {
        Ok(mut amount) => {
            amount.rescale(report.decimals);
            money(amount)
        }
        Err(_) => payout.clone(),
    };
    match solution {
        Solution::Reached {
            attainment,
            actual,
            payout,
            ..
        } => format!(
            "To be paid at least {wanted}, {} needs {} at {} of target: a result of {} (and is paid {} there).\n",
            team.name,
            goal.name,
            percent(attainment),
            group(&actual.to_significant(28)),
            money(*payout)
        ),
        Solution::Unreachable {
            max_payout,
            up_to: None,
            ..
        } => format!(
            "{} cannot be paid {wanted} on {} alone: the most it can earn, with every other goal as it is, is {}.\n",
            team.name,
            goal.name,
            money(*max_payout)
        ),
        Solution::Unreachable {
            max_payout,
            up_to: Some(top),
            ..
        } => format!(
            "{} cannot be paid {wanted} on {} alone up to {} of target: the most it can earn there, with every other goal as it is, is {}.\n",
            team.name,
            goal.name,
            percent(top),
            money(*max_payout)
        ),
    }
}

/// `tandem calc --format text` on a scenario file: each scenario's
/// statement under its name, then the scenarios side by side.
pub fn scenarios(scenarios: &Scenarios, results: &ScenarioResults) -> String {
    let mut s = String::new();
    let plans = scenarios.plans().unwrap_or_default();
    let count = results.scenarios.len();
    for (i, (scenario, plan)) in results.scenarios.iter().zip(&plans).enumerate() {
        let mut notes = Vec::new();
        if i == results.active {
            notes.push("the one being edited");
        }
        if scenario.own_results {
            notes.push("its own actual results");
        }
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", notes.join("; "))
        };
        let _ = writeln!(
            s,
            "SCENARIO {} OF {count}: {}{notes}\n",
            i + 1,
            scenario.name
        );
        s.push_str(&statement(plan, &scenario.result));
        s.push('\n');
    }
    if let Some(comparison) = &results.comparison {
        comparison_table(&mut s, results, comparison);
    }
    s
}

/// Each team's payout in every scenario, with its difference from the
/// first scenario and its change for ten more points of the charted goal.
fn comparison_table(
    s: &mut String,
    results: &ScenarioResults,
    comparison: &tandem::ScenarioComparison,
) {
    let first = results.scenarios.first().map_or("", |r| r.name.as_str());
    let goal = comparison.goal.as_deref().and_then(|id| {
        let goals = &results.scenarios.get(results.active)?.result.goals;
        goals.iter().find(|g| g.id == id).map(|g| g.name.as_str())
    });
    s.push_str("SCENARIOS SIDE BY SIDE\n");
    let _ = writeln!(
        s,
        "Difference from “{first}”{}.\n",
        match goal {
            Some(goal) =>
                format!(", and each team's payout change for 10 more points of {goal} attainment"),
            None => String::new(),
        }
    );
    let mut teams: Vec<(&str, &str)> = Vec::new();
    for compared in &comparison.scenarios {
        if let Compared::Payouts(c) = compared {
            for team in &c.teams {
                if !teams.iter().any(|(id, _)| *id == team.id) {
                    teams.push((&team.id, &team.name));
                }
            }
        }
    }
    let width = column_width(teams.iter().map(|(_, name)| *name), 5);
    let signed = |d: Decimal| {
        if d.is_sign_negative() {
            format!("−{}", money(-d))
        } else {
            format!("+{}", money(d))
        }
    };
    for (scenario, compared) in results.scenarios.iter().zip(&comparison.scenarios) {
        let _ = writeln!(s, "{}", scenario.name);
        let Compared::Payouts(c) = compared else {
            s.push_str("  has errors\n");
            continue;
        };
        for (id, name) in &teams {
            let Some(team) = c.teams.iter().find(|t| t.id == *id) else {
                let _ = writeln!(s, "  {name:<width$}  {:>16}", "—");
                continue;
            };
            let mut notes = Vec::new();
            if let Some(d) = team.difference {
                notes.push(signed(d));
            }
            if let Some(d) = team.per_ten_points {
                notes.push(format!("{} per +10 pts", signed(d)));
            }
            let _ = writeln!(
                s,
                "  {name:<width$}  {:>16}  {}",
                money(team.payout),
                notes.join("  ")
            );
        }
        let difference = c.total_difference.map(signed).unwrap_or_default();
        let line = format!(
            "  {:<width$}  {:>16}  {difference}",
            "Total",
            money(c.total)
        );
        let _ = writeln!(s, "{}", line.trim_end());
    }
}

/// `tandem simulate --format text`: per team the P10–P50–P90 band and the
/// chance of paying above target, the total against the budget, and how
/// tied the teams' payouts are, in words.
pub fn simulation(plan: &Plan, sim: &Simulation) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: what it may cost\n{} trials (seed {}), forecast goals correlated {}. Amounts in {}.\n",
        plan.name().unwrap_or("The plan"),
        group(&sim.trials.to_string()),
        sim.seed,
        sim.correlation,
        plan.currency()
    );
    let width = column_width(sim.teams.iter().map(|t| t.name.as_str()), 5);
    let _ = writeln!(
        s,
        "  {:<width$}  {:>14}  {:>14}  {:>14}  {:>14}  above target",
        "", "P10", "P50", "P90", "at target"
    );
    for team in &sim.teams {
        let st = &team.stats;
        let _ = writeln!(
            s,
            "  {:<width$}  {:>14}  {:>14}  {:>14}  {:>14}  {}",
            team.name,
            money(st.p10),
            money(st.p50),
            money(st.p90),
            money(team.target_incentive),
            percent(&team.p_above_target)
        );
    }
    let st = &sim.total.stats;
    let _ = writeln!(
        s,
        "  {:<width$}  {:>14}  {:>14}  {:>14}  {:>14}\n",
        "Total",
        money(st.p10),
        money(st.p50),
        money(st.p90),
        money(sim.total.target_incentive)
    );
    let _ = writeln!(
        s,
        "Expected cost {}; at the likely results {}. Reserve to hold (P90 − P50): {}.",
        money(st.mean),
        money(sim.at_likely.total),
        money(sim.total.reserve)
    );
    for sentence in why_it_differs(plan, sim) {
        let _ = writeln!(s, "{sentence}");
    }
    for team in &sim.teams {
        let most = team
            .max_leverage
            .as_ref()
            .map(|m| format!(", at most {}×", ratio(m)))
            .unwrap_or_default();
        let leverage = team
            .leverage
            .as_ref()
            .map(|l| format!("a good year (P90) pays {}× target{most}; ", ratio(l)))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "{}: {leverage}{} of the mean payout {} is earned on shared goals.",
            team.name,
            money(team.mean_shared),
            money(team.stats.mean)
        );
    }
    if let (Some(budget), Some(p)) = (plan.forecast_budget(), &sim.total.p_over_budget) {
        let _ = writeln!(
            s,
            "Budget {}: the total goes over it in {} of trials.",
            money(budget),
            percent(p)
        );
    }
    if !sim.findings.is_empty() {
        s.push_str("Plan health:\n");
        for finding in &sim.findings {
            let _ = writeln!(s, "  - {} [{}]", finding.message, code_of(&finding.rule));
        }
    }
    for pair in sim.correlations.iter().filter(|c| is_team(sim, &c.b)) {
        let name = |id: &str| {
            let team = sim.teams.iter().find(|t| t.id == id);
            team.map_or(id.to_owned(), |t| t.name.clone())
        };
        let (a, b) = (name(&pair.a), name(&pair.b));
        let _ = match (pair.value, pair.tie) {
            (Some(r), Some(tie)) => writeln!(
                s,
                "{} and {} payouts {}: correlation {}.",
                possessive(&a),
                possessive(&b),
                tie.words(),
                // With its four places, as the Result and the page write it (0.2110).
                r
            ),
            _ => writeln!(
                s,
                "{a} and {b}: one of them is paid the same in every trial, so their payouts are not correlated."
            ),
        };
    }
    s
}

/// Why the expected cost differs from the cost at the likely results, in
/// sentences that follow the simulation's numbers (MODEL.md, "Why the cost
/// differs"): the skew names the skewed forecast goals; the shape is
/// "within sampling noise" when it is, and is otherwise explained only by
/// what the counts show bound in some trial.
pub fn why_it_differs(plan: &Plan, sim: &Simulation) -> Vec<String> {
    let mut said = Vec::new();
    let difference = sim.gap.difference;
    if difference.is_zero() {
        said.push("The expected cost is the cost at the likely results.".to_owned());
        return said;
    }
    said.push(format!(
        "The expected cost is {} {} than at the likely results:",
        money(difference.abs()),
        more_or_less(difference)
    ));
    let gap = &sim.gap;
    if !gap.skew.is_zero() {
        let goals: Vec<String> = sim
            .goals
            .iter()
            .filter(|g| g.skewed)
            .map(|g| {
                let likely = plan.forecast_likely(&g.id).unwrap_or_default();
                format!(
                    "“{}” (mean {}, likely {})",
                    plan.goal_name(&g.id).unwrap_or(&g.id),
                    group(&ratio(&g.mean)),
                    group(&likely.to_string())
                )
            })
            .collect();
        said.push(format!(
            "  - {} {} from the skewed forecast of {}: at the mean results the plan costs {}.",
            money(gap.skew.abs()),
            more_or_less(gap.skew),
            goals.join(", "),
            money(sim.at_expected.total)
        ));
    }
    let rest = if gap.skew.is_zero() {
        "All of it".to_owned()
    } else {
        format!(
            "The rest, {} {},",
            money(gap.shape.abs()),
            more_or_less(gap.shape)
        )
    };
    let noise = gap
        .noise
        .map(|noise| format!("± 2 standard errors = ± {}", money(noise)))
        .unwrap_or_else(|| "one trial has no standard error".to_owned());
    if gap.shape.is_zero() {
        return said;
    }
    if gap.shape_is_noise {
        said.push(format!(
            "  - {rest} is within sampling noise ({noise}): more trials would move it."
        ));
        return said;
    }
    let reasons = binding_reasons(plan, sim);
    let fell = |reasons: &[String]| format!("Where the trials fell: {}.", reasons.join("; "));
    said.push(match (gap.standard_error.is_some(), reasons.is_empty()) {
        (false, true) => {
            format!("  - {rest}: one trial cannot tell sampling noise from what the curves do.")
        }
        (false, false) => format!(
            "  - {rest}: one trial cannot measure sampling noise. {}",
            fell(&reasons)
        ),
        (true, false) => format!(
            "  - {rest} is beyond sampling noise ({noise}, a band chance \
             alone leaves about 1 run in 20): caps, gates, thresholds, the curves' bends and modifiers shape the \
             average. {}",
            fell(&reasons)
        ),
        (true, true) => format!(
            "  - {rest} is beyond sampling noise ({noise}, a band chance \
             alone leaves about 1 run in 20), yet no cap, gate or threshold bound and no curve was steep or past \
             its end in any trial: it comes from modifiers, steps or rates that change at a \
             point, or it is that 1 run in 20."
        ),
    });
    said
}

/// What bound pay in some trial, from the counts: each team's cap and own
/// gate, each goal's gate, threshold, steep segment and last point (a goal
/// weighted by several teams is named once).
fn binding_reasons(plan: &Plan, sim: &Simulation) -> Vec<String> {
    let mut reasons = Vec::new();
    let mut goals_said: Vec<&str> = Vec::new();
    for team in &sim.teams {
        let b = &team.binding;
        if !b.capped.is_zero() {
            reasons.push(format!(
                "{}'s cap cut its pay in {} of trials",
                team.name,
                percent(&b.capped)
            ));
        }
        if !b.own_gate_closed.is_zero() {
            reasons.push(format!(
                "{}'s own gate paid it nothing in {} of trials",
                team.name,
                percent(&b.own_gate_closed)
            ));
        }
        let mut curve = |name: String, c: &tandem::Curved| {
            if let Some(gated) = c.gate_closed.as_ref().filter(|g| !g.is_zero()) {
                reasons.push(format!(
                    "{name}'s gate stopped pay on it in {} of trials",
                    percent(gated)
                ));
            }
            if !c.below_threshold.is_zero() {
                reasons.push(format!(
                    "{name} fell below its threshold (no pay on it) in {} of trials",
                    percent(&c.below_threshold)
                ));
            }
            if !c.accelerated.is_zero() {
                reasons.push(format!(
                    "{name} was on a segment steeper than pro rata in {} of trials",
                    percent(&c.accelerated)
                ));
            }
            if !c.beyond_last.is_zero() {
                reasons.push(format!(
                    "{name} went above its curve's last point (beyond it, pay stops rising) in {} of trials",
                    percent(&c.beyond_last)
                ));
            }
        };
        for (id, c) in &b.goals.0 {
            if !goals_said.contains(&id.as_str()) {
                goals_said.push(id);
                curve(format!("“{}”", plan.goal_name(id).unwrap_or(id)), c);
            }
        }
        if let Some(c) = &b.blended {
            curve(format!("{}'s blended attainment", team.name), c);
        }
    }
    reasons
}

fn more_or_less(amount: Decimal) -> &'static str {
    if amount.is_sign_negative() {
        "less"
    } else {
        "more"
    }
}

fn is_team(sim: &Simulation, id: &str) -> bool {
    sim.teams.iter().any(|t| t.id == id)
}

/// "Sales'" and "Marketing's".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// `tandem check` as text: every error, then every warning.
pub fn check(check: &Check) -> String {
    let mut s = String::new();
    for error in &check.errors {
        let _ = writeln!(s, "error: {error}");
    }
    for warning in &check.warnings {
        let _ = writeln!(
            s,
            "warning: {}: {} [{}]",
            warning.path,
            warning.message(),
            code_of(&warning.code)
        );
    }
    for finding in &check.findings {
        let _ = writeln!(
            s,
            "practice {}: {}: {} [{}]",
            code_of(&finding.severity),
            finding.path,
            finding.message,
            code_of(&finding.rule)
        );
    }
    if check.errors.is_empty() && check.warnings.is_empty() {
        s.push_str(match check.findings.is_empty() {
            true => "The plan is valid and has no warnings.\n",
            false => "The plan is valid and has no warnings; the findings above are where it departs from common practice.\n",
        });
    }
    s
}

/// The name a value is written with in JSON (a rule id, a severity).
fn code_of(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The width of a column of names: the longest, in characters, and at
/// least `least`.
fn column_width<'a>(names: impl Iterator<Item = &'a str>, least: usize) -> usize {
    names
        .map(|name| name.chars().count())
        .max()
        .unwrap_or(0)
        .max(least)
}

/// Money with thousands separated: `22050.00` is `22,050.00`.
fn money(amount: Decimal) -> String {
    group(&amount.to_string())
}

/// Decimal text with thousands separated: `1920000` is `1,920,000`.
fn group(text: &str) -> String {
    grouped(text, false)
}

/// A share of the joint split, in steps of 0.0001, as a percentage with
/// both its places: 18.00 %, as 52.93 % beside it (a teacher adding them up
/// reads "18 %" as a figure rounded differently).
fn split_share(share: Decimal) -> String {
    format!("{:.2} %", share * Decimal::ONE_HUNDRED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_by_thousands() {
        let cases = [
            ("0.00", "0.00"),
            ("999.99", "999.99"),
            ("22050.00", "22,050.00"),
            ("1250000", "1,250,000"),
            ("-1234.5", "-1,234.5"),
        ];
        for (amount, expected) in cases {
            assert_eq!(money(amount.parse().unwrap()), expected);
        }
    }
}
