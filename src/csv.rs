//! CSV output: payouts per team and member (the per-member payout export of
//! the CLI and of the page, through Wasm: one writer for both), and sweeps.

use crate::decimal::{money_text, plain_text};
use crate::exact::text::SHOWN_DIGITS;
use crate::report::Report;
use crate::scenarios::ScenarioResults;
use crate::sweep::SweepPoint;

const PAYOUT_HEADER: [&str; 6] = [
    "team",
    "team_name",
    "member",
    "member_share",
    "payout",
    "currency",
];

/// One row per team, then one per member of that team.
pub fn payouts(report: &Report) -> String {
    let mut rows = vec![row(&PAYOUT_HEADER)];
    payout_rows(&mut rows, &[], report);
    rows.concat()
}

/// The payouts of every scenario, each row led by its scenario's name.
pub fn scenario_payouts(results: &ScenarioResults) -> String {
    let mut header = vec!["scenario"];
    header.extend(PAYOUT_HEADER);
    let mut rows = vec![row(&header)];
    for scenario in &results.scenarios {
        payout_rows(&mut rows, &[&scenario.name], &scenario.result);
    }
    rows.concat()
}

/// A row per team and per member of `report`, each led by `lead`.
fn payout_rows(rows: &mut Vec<String>, lead: &[&str], report: &Report) {
    let mut push = |cells: &[&str]| rows.push(row(&[lead, cells].concat()));
    for team in &report.teams {
        let payout = money_text(&team.payout);
        push(&[&team.id, &team.name, "", "", &payout, &report.currency]);
        for member in &team.members {
            let share = plain_text(&member.share);
            let payout = money_text(&member.payout);
            push(&[
                &team.id,
                &team.name,
                &member.name,
                &share,
                &payout,
                &report.currency,
            ]);
        }
    }
}

/// One row per step: the attainment, each team's payout, the total.
pub fn sweep(points: &[SweepPoint]) -> String {
    let mut header = vec!["attainment"];
    if let Some(first) = points.first() {
        header.extend(first.teams.iter().map(|t| t.id.as_str()));
    }
    header.push("total");
    let mut rows = vec![row(&header)];
    for point in points {
        let mut cells = vec![point.attainment.to_significant(SHOWN_DIGITS)];
        cells.extend(point.teams.iter().map(|t| money_text(&t.payout)));
        cells.push(money_text(&point.total));
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        rows.push(row(&cells));
    }
    rows.concat()
}

/// One CSV line (RFC 4180). A cell that a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@` first) is prefixed with `'`, unless it is a
/// plain number.
fn row(cells: &[&str]) -> String {
    let quoted: Vec<String> = cells.iter().map(|cell| cell_text(cell)).collect();
    format!("{}\r\n", quoted.join(","))
}

fn cell_text(cell: &str) -> String {
    let formula =
        cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && crate::decimal::parse(cell).is_err();
    let cell = if formula {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_defused() {
        assert_eq!(
            row(&["a", "b,c", "say \"hi\""]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(
            row(&["=SUM(A1)", "-12.50", "@x"]),
            "'=SUM(A1),-12.50,'@x\r\n"
        );
    }
}
