//! Roster files: the members of each team as CSV, `name,team,share` with a
//! header, one row per person.
//!
//! A roster replaces the members of every team it names; teams it does not
//! name keep theirs. Every bad row is reported by its line number, and a
//! roster with any bad row changes nothing.

use std::fmt;

use serde::Serialize;

use crate::allocate::sorted_indices;
use crate::json::Json;
use crate::path::{JsonPath, Step};

/// A problem on one line of a roster file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterError {
    /// The line of the file, from 1.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for RosterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Every problem with a roster file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterErrors(pub Vec<RosterError>);

impl fmt::Display for RosterErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::error::write_lines(f, &self.0)
    }
}

impl std::error::Error for RosterErrors {}

/// The plan (as JSON) with its members taken from the roster `csv`. Names
/// and shares are checked by plan validation, as any plan's members are;
/// their problems come back on the roster line they came from.
pub fn apply_roster(plan: &Json, csv: &str) -> Result<Json, RosterErrors> {
    let team_ids: Vec<&str> = match plan {
        Json::Object(entries) => match entries.iter().find(|(k, _)| k == "teams") {
            Some((_, Json::Array(teams))) => teams.iter().map(team_id).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let (members, mut errors) = read(csv, &team_ids)?;
    let mut plan = plan.clone();
    if let Json::Object(entries) = &mut plan {
        for (key, value) in entries.iter_mut() {
            if let (true, Json::Array(teams)) = (key == "teams", value) {
                for (t, team) in teams.iter_mut().enumerate() {
                    if let (Json::Object(fields), Some(list)) = (team, &members[t]) {
                        let list = list.iter().map(|(_, member)| member.clone()).collect();
                        fields.retain(|(k, _)| k != "members");
                        fields.push(("members".to_owned(), Json::Array(list)));
                    }
                }
            }
        }
    }
    if let Err(invalid) = crate::Plan::from_json(&plan) {
        for error in invalid.0 {
            if let Some(line) = line_of(&error.path, &members) {
                errors.push(RosterError {
                    line,
                    message: error.message(),
                });
            }
        }
    }
    let order = sorted_indices(errors.len(), &|a, b| errors[a].line.cmp(&errors[b].line));
    let errors: Vec<RosterError> = order.into_iter().map(|i| errors[i].clone()).collect();
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(RosterErrors(errors))
    }
}

/// The roster line of the member a path such as `teams[0].members[3].share` is about.
fn line_of(path: &JsonPath, members: &[Option<Vec<(usize, Json)>>]) -> Option<usize> {
    let [Step::Key(teams), Step::Index(t), Step::Key(list), Step::Index(k), ..] = path.steps()
    else {
        return None;
    };
    if teams != "teams" || list != "members" {
        return None;
    }
    let list = members.get(*t)?.as_ref()?;
    list.get(*k).map(|(line, _)| *line)
}

fn team_id(team: &Json) -> &str {
    match team {
        Json::Object(fields) => match fields.iter().find(|(k, _)| k == "id") {
            Some((_, Json::String(id))) => id,
            _ => "",
        },
        _ => "",
    }
}

/// Members by team (in the plan's team order; `None` for teams the roster
/// does not name), each with its line, and the problems with the file's
/// shape: header, field counts, team ids.
type Read = (Vec<Option<Vec<(usize, Json)>>>, Vec<RosterError>);

fn read(csv: &str, team_ids: &[&str]) -> Result<Read, RosterErrors> {
    let mut errors = Vec::new();
    let mut error = |line, message: String| errors.push(RosterError { line, message });
    let rows = records(csv.strip_prefix('\u{feff}').unwrap_or(csv));
    let mut rows = rows
        .into_iter()
        .filter(|(_, fields)| fields.iter().any(|f| !f.trim().is_empty()));
    let Some((header_line, header)) = rows.next() else {
        let message =
            "The roster is empty: it needs a header name,team,share and one row per member.";
        error(1, message.to_owned());
        return Err(RosterErrors(errors));
    };
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(name_at), Some(team_at), Some(share_at)) =
        (column("name"), column("team"), column("share"))
    else {
        error(
            header_line,
            "The first line must be the header name,team,share.".to_owned(),
        );
        return Err(RosterErrors(errors));
    };
    let mut members: Vec<Option<Vec<(usize, Json)>>> = vec![None; team_ids.len()];
    for (line, fields) in rows {
        if fields.len() != header.len() {
            let (want, found) = (header.len(), fields.len());
            error(
                line,
                format!("Expected {want} fields like the header, found {found}."),
            );
            continue;
        }
        let team = fields[team_at].trim();
        let Some(t) = team_ids.iter().position(|id| *id == team) else {
            error(
                line,
                format!("There is no team with the id “{team}” in the plan."),
            );
            continue;
        };
        let member = Json::Object(vec![
            (
                "name".to_owned(),
                Json::String(fields[name_at].trim().to_owned()),
            ),
            (
                "share".to_owned(),
                Json::String(fields[share_at].trim().to_owned()),
            ),
        ]);
        members[t].get_or_insert_with(Vec::new).push((line, member));
    }
    Ok((members, errors))
}

/// CSV records (RFC 4180: quoted fields may hold commas, quotes as `""`
/// and line breaks), each with the line it starts on.
fn records(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n' | '\r') => {
                fields.push(std::mem::take(&mut field));
                records.push((start, std::mem::take(&mut fields)));
                line += 1;
                start = line;
            }
            (_, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push((start, fields));
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_fields_and_line_breaks() {
        let csv = "name,team,share\r\n\"Lima, Ana\",sales,1\n\"Say \"\"Hi\"\"\",sales,2\n\"Two\nlines\",mkt,1\nZoë,mkt,0.5";
        let rows = records(csv);
        assert_eq!(
            rows[1],
            (2, vec!["Lima, Ana".into(), "sales".into(), "1".into()])
        );
        assert_eq!(rows[2].1[0], "Say \"Hi\"");
        assert_eq!(
            rows[3],
            (4, vec!["Two\nlines".into(), "mkt".into(), "1".into()])
        );
        assert_eq!(rows[4], (6, vec!["Zoë".into(), "mkt".into(), "0.5".into()]));
    }
}
