//! Roster files: the members of each team as CSV, `name,team,share` with a
//! header, one row per person.
//!
//! Read the way spreadsheets save them: fields separated by `,`, `;` (with
//! decimal commas, as German or French Excel writes) or tabs (Excel's
//! "Unicode text"), whichever the header is written with; UTF-8 with or
//! without a byte-order mark, UTF-16, or Windows-1252 (a file that is not
//! UTF-8). The result says how the file was read. A share that could be read
//! two ways (`1.000` where `.` may group thousands) is an error on its line.
//!
//! A row's `team` is a team's id or, failing that, its name (ignoring
//! case; a name two teams share is an error). A roster replaces the members
//! of every team it names; teams it does not name keep theirs. Every bad row
//! is reported by its line number (a team the plan does not have once, with
//! its lines and the plan's teams), and a roster with any bad row changes
//! nothing.

use std::fmt;

use serde::Serialize;

use crate::allocate::sorted_indices;
use crate::csv::{decode, Encoding};
use crate::json::Json;
use crate::language::{self, pick, Language};
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

/// How a roster file was read: its field separator, whether its shares
/// were read with decimal commas, its text encoding, and the shares
/// written with the other decimal mark than the file's (`1,5` in a file
/// with "," between fields), read as decimals all the same: the first one's
/// line and how many; and the header's other columns, which were not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterFormat {
    pub separator: char,
    pub decimal_comma: bool,
    pub encoding: Encoding,
    pub other_mark: Option<(usize, usize)>,
    pub unread: Vec<Column>,
}

/// A column of a roster's header other than its name, team and share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// Named in the header, as written there.
    Named(String),
    /// Without a name in the header, though some row has a value in it: its place, from 1.
    Unnamed(usize),
}

/// The columns a roster's note says were not read: “email”, the 5th (no
/// name in the header).
fn unread_columns(unread: &[Column]) -> String {
    let german = language::current() == Language::German;
    let names: Vec<String> = unread
        .iter()
        .map(|column| match (column, german) {
            (Column::Named(name), false) => format!("“{name}”"),
            (Column::Named(name), true) => format!("„{name}“"),
            (Column::Unnamed(at), false) => {
                let th = match (at % 10, at % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("the {at}{th} (no name in the header)")
            }
            (Column::Unnamed(at), true) => format!("die {at}. (ohne Namen in der Kopfzeile)"),
        })
        .collect();
    let list = match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), pick("and", "und")),
        None => return String::new(),
    };
    match (german, names.len()) {
        (false, 1) => format!(" Column not read: {list}."),
        (false, _) => format!(" Columns not read: {list}."),
        (true, 1) => format!(" Nicht gelesene Spalte: {list}."),
        (true, _) => format!(" Nicht gelesene Spalten: {list}."),
    }
}

/// A separator as the messages name it: "tabs", "“;”".
fn named(separator: char) -> String {
    match (separator, language::current()) {
        ('\t', Language::English) => "tabs".to_owned(),
        ('\t', Language::German) => "Tabulatoren".to_owned(),
        (c, Language::English) => format!("“{c}”"),
        (c, Language::German) => format!("„{c}“"),
    }
}

impl RosterFormat {
    /// One sentence for the person who chose the file.
    pub fn describe(&self) -> String {
        let separator = named(self.separator);
        let encoding = match self.encoding {
            Encoding::Windows1252 => pick(
                " The file is not UTF-8: it was read as Windows-1252 (older Excel on Windows); check accented names.",
                " Die Datei ist nicht UTF-8: Sie wurde als Windows-1252 gelesen (älteres Excel unter Windows); bitte Namen mit Umlauten prüfen.",
            ),
            Encoding::Utf16 => pick(" The file is UTF-16 text.", " Die Datei ist UTF-16-Text."),
            Encoding::Utf8 => "",
        };
        let unread = unread_columns(&self.unread);
        // Never read otherwise in silence (found by a fresh look: "1,5" in a
        // file with "," between fields, which the share's field refuses).
        let other = match self.other_mark {
            None => String::new(),
            Some((line, count)) => {
                let (mark, zeichen) = if self.decimal_comma {
                    ("point", "Dezimalpunkt")
                } else {
                    ("comma", "Dezimalkomma")
                };
                match (language::current(), count) {
                    (Language::English, 1) => format!(
                        " The share on line {line} is written with a decimal {mark}: it was read as a decimal."
                    ),
                    (Language::English, n) => format!(
                        " The shares on {n} lines, from line {line}, are written with a decimal {mark}: they were read as decimals."
                    ),
                    (Language::German, 1) => format!(
                        " Der Anteil in Zeile {line} ist mit {zeichen} geschrieben: Er wurde als Dezimalzahl gelesen."
                    ),
                    (Language::German, n) => format!(
                        " Die Anteile in {n} Zeilen, ab Zeile {line}, sind mit {zeichen} geschrieben: Sie wurden als Dezimalzahlen gelesen."
                    ),
                }
            }
        };
        match (language::current(), self.decimal_comma) {
            (Language::English, false) => {
                format!("Read with {separator} between fields.{other}{unread}{encoding}")
            }
            (Language::English, true) => {
                format!("Read with {separator} between fields, decimal commas.{other}{unread}{encoding}")
            }
            (Language::German, false) => {
                format!("Gelesen mit {separator} zwischen den Feldern.{other}{unread}{encoding}")
            }
            (Language::German, true) => {
                format!(
                    "Gelesen mit {separator} zwischen den Feldern, Dezimalkommas.{other}{unread}{encoding}"
                )
            }
        }
    }
}

/// A plan with its members taken from a roster, and how the roster was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Rostered {
    pub plan: Json<'static>,
    pub format: RosterFormat,
}

/// The plan (as JSON) with its members taken from the roster file `bytes`.
/// Names and shares are checked by plan validation, as any plan's members
/// are; their problems come back on the roster line they came from.
pub fn apply_roster(plan: &Json, bytes: &[u8]) -> Result<Rostered, RosterErrors> {
    let teams: Vec<Team> = match plan {
        Json::Object(entries) => match entries.iter().find(|(k, _)| k == "teams") {
            Some((_, Json::Array(teams))) => teams.iter().map(Team::of).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let (text, encoding) = decode(bytes);
    let (members, mut errors, (separator, decimal_comma, other_mark), unread) =
        read(&text, &teams)?;
    let mut plan = plan.owned();
    if let Json::Object(entries) = &mut plan {
        for (key, value) in entries.iter_mut() {
            if let (true, Json::Array(teams)) = (key == "teams", value) {
                for (t, team) in teams.iter_mut().enumerate() {
                    if let (Json::Object(fields), Some(list)) = (team, &members[t]) {
                        let list = list.iter().map(|(_, member)| member.clone()).collect();
                        fields.retain(|(k, _)| k != "members");
                        fields.push(("members".into(), Json::Array(list)));
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
        let format = RosterFormat {
            separator,
            decimal_comma,
            encoding,
            other_mark,
            unread,
        };
        Ok(Rostered { plan, format })
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

/// A team a roster row can name: by its id, or by its name.
struct Team<'a> {
    id: &'a str,
    name: &'a str,
}

impl<'a> Team<'a> {
    fn of(team: &'a Json<'a>) -> Self {
        let text = |key: &str| match team {
            Json::Object(fields) => match fields.iter().find(|(k, _)| k == key) {
                Some((_, Json::String(value))) => value.as_ref(),
                _ => "",
            },
            _ => "",
        };
        Team {
            id: text("id"),
            name: text("name"),
        }
    }
}

/// Whether two names are the same when case is ignored, letter by letter:
/// Latin (ASCII, Latin-1, Latin Extended-A), Greek and Cyrillic capitals
/// match their small letters; other characters must be equal. (Full Unicode
/// case mapping would add its tables, about 16 KB gzipped, to the Wasm
/// module; team names in these scripts are what rosters hold.)
fn same_name(a: &str, b: &str) -> bool {
    a.chars().map(fold).eq(b.chars().map(fold))
}

/// A capital letter's small letter in the scripts `same_name` covers; any
/// other character as it is.
fn fold(c: char) -> char {
    let code = c as u32;
    let small = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            code + 0x20
        }
        0x400..=0x40F => code + 0x50,
        0x100..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x178 => 0xFF,
        _ => code,
    };
    char::from_u32(small).unwrap_or(c)
}

/// Why a row's team was not found.
#[derive(PartialEq, Eq)]
enum Missing {
    /// No team has this id or name.
    Unknown,
    /// Several teams have this name (and none this id).
    Shared,
}

/// The team a row names: the one with that id, else the one with that name
/// ignoring case.
fn find(teams: &[Team], wanted: &str) -> Result<usize, Missing> {
    if let Some(t) = teams.iter().position(|team| team.id == wanted) {
        return Ok(t);
    }
    let mut named = teams
        .iter()
        .enumerate()
        .filter(|(_, team)| same_name(team.name.trim(), wanted));
    match (named.next(), named.next()) {
        (Some((t, _)), None) => Ok(t),
        (None, _) => Err(Missing::Unknown),
        _ => Err(Missing::Shared),
    }
}

/// Rows whose team was not found, one group per team as written, in the
/// order they first appear: the first line, every line, and why.
type Unfound<'a> = Vec<(&'a str, Vec<usize>, Missing)>;

/// One error per team the roster names but the plan does not have (or has
/// twice by that name), at its first line, listing its lines and the
/// plan's teams: not one per row.
fn unfound_errors(unfound: Unfound, teams: &[Team]) -> Vec<RosterError> {
    let listed: Vec<String> = teams
        .iter()
        .map(|t| format!("{} ({})", t.id, t.name))
        .collect();
    unfound
        .into_iter()
        .map(|(wanted, lines, why)| {
            let rows = match lines.len() {
                1 => String::new(),
                n => {
                    let shown: Vec<String> = lines.iter().take(5).map(|l| l.to_string()).collect();
                    let (shown, more) = (shown.join(", "), n.saturating_sub(5));
                    match (language::current(), n > 5) {
                        (Language::English, false) => format!(" ({n} rows: lines {shown})"),
                        (Language::English, true) => {
                            format!(" ({n} rows: lines {shown} and {more} more)")
                        }
                        (Language::German, false) => format!(" ({n} Zeilen: {shown})"),
                        (Language::German, true) => {
                            format!(" ({n} Zeilen: {shown} und {more} weitere)")
                        }
                    }
                }
            };
            let message = if why == Missing::Shared {
                let ids: Vec<&str> = teams
                    .iter()
                    .filter(|t| same_name(t.name.trim(), wanted))
                    .map(|t| t.id)
                    .collect();
                match language::current() {
                    Language::English => format!(
                        "More than one team is named “{wanted}”{rows}: write the team’s id instead ({}).",
                        ids.join(" or ")
                    ),
                    Language::German => format!(
                        "Mehr als ein Team heißt „{wanted}“{rows}: Schreiben Sie stattdessen die ID des Teams ({}).",
                        ids.join(" oder ")
                    ),
                }
            } else {
                let listed = listed.join(", ");
                pick(
                    format!("There is no team “{wanted}” in the plan{rows}. A row’s team is a team’s id or name: {listed}."),
                    format!("Im Plan gibt es kein Team „{wanted}“{rows}. Das Team einer Zeile ist die ID oder der Name eines Teams: {listed}."),
                )
            };
            RosterError {
                line: lines[0],
                message,
            }
        })
        .collect()
}

/// Members by team (in the plan's team order; `None` for teams the roster
/// does not name), each with its line; the problems with the file's shape
/// (header, field counts, teams, shares that read two ways); and the
/// separator with whether shares have decimal commas, and the shares
/// written with the other mark (the first one's line, how many); and the
/// columns not read.
type Read = (
    Vec<Option<Vec<(usize, Json<'static>)>>>,
    Vec<RosterError>,
    (char, bool, Option<(usize, usize)>),
    Vec<Column>,
);

/// The separators a roster's header may be written with, and whether a file
/// so written writes decimals with a comma (`None`: either may be).
const SEPARATORS: [(char, Option<bool>); 3] = [(',', Some(false)), (';', Some(true)), ('\t', None)];

/// The names a roster's columns go by: English, or the German a spreadsheet
/// made in German is given (Name;Team;Anteil).
const NAME: &[&str] = &["name"];
const TEAM: &[&str] = &["team"];
const SHARE: &[&str] = &["share", "anteil"];

/// Whether a header's `cell` is one of a column's `names`.
fn heads(cell: &str, names: &[&str]) -> bool {
    names.iter().any(|n| cell.trim().eq_ignore_ascii_case(n))
}

fn read(csv: &str, teams: &[Team]) -> Result<Read, RosterErrors> {
    let mut errors = Vec::new();
    let mut error = |line, message: String| errors.push(RosterError { line, message });
    let blank = |fields: &[String]| fields.iter().all(|f| f.trim().is_empty());
    // The header is the first line that is not blank, in the separator
    // that finds its three columns in it.
    let Some(first) = csv.lines().position(|l| !l.trim().is_empty()) else {
        let message = pick(
            "The roster is empty: it needs a header name,team,share and one row per member.",
            "Die Liste der Mitarbeitenden ist leer: Sie braucht die Kopfzeile name,team,share und eine Zeile je Person.",
        );
        error(1, message.to_owned());
        return Err(RosterErrors(errors));
    };
    let written = csv.lines().nth(first).unwrap_or_default();
    let head: String = csv
        .lines()
        .take(first + 1)
        .flat_map(|l| [l, "\n"])
        .collect();
    // Each column by one of its names.
    let columns = |header: &[String]| {
        let column = |names: &[&str]| header.iter().position(|h| heads(h, names));
        Some((column(NAME)?, column(TEAM)?, column(SHARE)?))
    };
    let found = SEPARATORS.iter().find_map(|&(separator, comma)| {
        let header = records(&head, separator)
            .rows
            .into_iter()
            .find(|(_, fields)| !blank(fields))?
            .1;
        Some((separator, comma, columns(&header)?))
    });
    let Some((separator, comma, (name_at, team_at, share_at))) = found else {
        let written: String = written.chars().take(80).collect();
        error(
            first + 1,
            pick(
                format!("The first line must be the header name,team,share (or Name;Team;Anteil, or with tabs between the names, as spreadsheets save it); it reads “{written}”."),
                format!("Die erste Zeile muss die Kopfzeile name,team,share sein (oder Name;Team;Anteil, oder mit Tabulatoren zwischen den Namen, wie Tabellenkalkulationen sie speichern); sie lautet „{written}“."),
            ),
        );
        return Err(RosterErrors(errors));
    };
    let Records {
        rows: records,
        after_quote,
        unclosed,
    } = records(csv, separator);
    if let Some(line) = unclosed {
        error(
            line,
            pick(
                "A quote (\") opens a field here that the file never closes: the rows after it cannot be told apart. Close the quote, or write the field without it.".to_owned(),
                "Ein Anführungszeichen (\") öffnet hier ein Feld, das die Datei nie schließt: Die Zeilen danach sind nicht auseinanderzuhalten. Schließen Sie es, oder schreiben Sie das Feld ohne.".to_owned(),
            ),
        );
        return Err(RosterErrors(errors));
    }
    let Some(at) = records.iter().position(|(_, fields)| !blank(fields)) else {
        return Err(RosterErrors(errors));
    };
    let header = &records[at].1;
    // A column named twice: which one to read cannot be told, and reading
    // the first would drop the other's values in silence (found by a fresh
    // look: name,team,share,share).
    let named_twice = [(name_at, NAME), (team_at, TEAM), (share_at, SHARE)]
        .into_iter()
        .find_map(|(at, names)| {
            let same = header.iter().filter(|h| heads(h, names));
            (same.count() > 1).then(|| header[at].trim())
        });
    if let Some(name) = named_twice {
        error(
            records[at].0,
            pick(
                format!("The header names the column “{name}” twice: which of them to read cannot be told. Keep one."),
                format!("Die Kopfzeile nennt die Spalte „{name}“ zweimal: Welche davon gelesen werden soll, ist nicht zu erkennen. Behalten Sie eine."),
            ),
        );
        return Err(RosterErrors(errors));
    }
    // Every other column is said in the note, not dropped in silence; one
    // without a name in the header only where a row has a value in it.
    let unread: Vec<Column> = (0..header.len())
        .filter(|i| ![name_at, team_at, share_at].contains(i))
        .filter_map(|i| match header[i].trim() {
            "" => records[at + 1..]
                .iter()
                .any(|(_, fields)| fields.get(i).is_some_and(|v| !v.trim().is_empty()))
                .then_some(Column::Unnamed(i + 1)),
            name => Some(Column::Named(name.to_owned())),
        })
        .collect();
    let said = named(separator);
    let mut members: Vec<Option<Vec<(usize, Json<'static>)>>> = vec![None; teams.len()];
    let mut unfound: Unfound = Vec::new();
    let mut commas = false;
    let mut other_mark: Option<(usize, usize)> = None;
    for (line, fields) in records.iter().skip(at + 1).filter(|(_, f)| !blank(f)) {
        let line = *line;
        if after_quote.contains(&line) {
            error(
                line,
                pick(
                    "Text follows a field’s closing quote: write the whole field inside the quotes, or without them.".to_owned(),
                    "Auf das schließende Anführungszeichen eines Feldes folgt weiterer Text: Schreiben Sie das ganze Feld in Anführungszeichen oder ganz ohne.".to_owned(),
                ),
            );
            continue;
        }
        if fields.len() != header.len() {
            let (want, found) = (header.len(), fields.len());
            error(
                line,
                pick(
                    format!("Expected {want} fields separated by {said} like the header, found {found}."),
                    format!("Erwartet wurden {want} Felder, getrennt durch {said} wie in der Kopfzeile; gefunden: {found}."),
                ),
            );
            continue;
        }
        let share = match share_text(fields[share_at].trim(), comma, separator) {
            Ok(share) => share,
            Err(message) => {
                error(line, message);
                continue;
            }
        };
        commas |= share.1 == Some(',');
        // A decimal written with the mark this file does not use for them.
        let other = match comma {
            Some(false) => share.1 == Some(','),
            Some(true) => share.1 == Some('.'),
            None => false,
        };
        if other {
            other_mark = Some(other_mark.map_or((line, 1), |(first, n)| (first, n + 1)));
        }
        let team = fields[team_at].trim();
        let t = match find(teams, team) {
            Ok(t) => t,
            Err(why) => {
                match unfound.iter_mut().find(|(wanted, ..)| *wanted == team) {
                    Some((_, lines, _)) => lines.push(line),
                    None => unfound.push((team, vec![line], why)),
                }
                continue;
            }
        };
        let member = Json::Object(vec![
            (
                "name".into(),
                Json::String(fields[name_at].trim().to_owned().into()),
            ),
            ("share".into(), Json::String(share.0.into())),
        ]);
        members[t].get_or_insert_with(Vec::new).push((line, member));
    }
    errors.extend(unfound_errors(unfound, teams));
    let decimal_comma = comma.unwrap_or(commas);
    Ok((
        members,
        errors,
        (separator, decimal_comma, other_mark),
        unread,
    ))
}

/// A share as the plan writes it (`0.5`), and the decimal mark it was read
/// with (`None` for a whole number). `comma` is the file's convention (`None` where either
/// mark may be a decimal). A mark followed by groups of three digits where
/// it may group thousands (`1.000` in a file with decimal commas, `1,000`
/// in one without, either in a tab-separated file) reads two ways: an error
/// that says both. A share that is no number in any convention is an error
/// that says how this file writes them; one that is a number but breaks a
/// rule of shares (zero, too many places) is left for the plan's own check.
fn share_text(
    share: &str,
    comma: Option<bool>,
    separator: char,
) -> Result<(String, Option<char>), String> {
    let grouped = |mark: char| {
        let mut parts = share.trim_start_matches(['-', '+']).split(mark);
        let head = parts.next().unwrap_or_default();
        let digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
        (1..=3).contains(&head.len())
            && digits(head)
            && parts.clone().count() >= 1
            && parts.all(|p| p.len() == 3 && digits(p))
    };
    let decimal = |mark: char| match comma {
        Some(true) => mark == ',',
        Some(false) => mark == '.',
        None => true,
    };
    let (has_comma, has_point) = (share.contains(','), share.contains('.'));
    let both = |a: &str, b: &str| {
        Err(match (separator, language::current()) {
            ('\t', Language::English) => format!(
                "The share “{share}” could be {a} or {b}: this file may use either as its decimal mark. Write it without grouping, as {a} or {b}."
            ),
            (c, Language::English) => format!(
                "The share “{share}” could be {a} or {b}: files with “{c}” between fields may write it to group thousands. Write it without grouping, as {a} or {b}."
            ),
            ('\t', Language::German) => format!(
                "Der Anteil „{share}“ könnte {a} oder {b} sein: Diese Datei kann beides als Dezimalzeichen verwenden. Schreiben Sie ihn ohne Tausendertrennung, als {a} oder {b}."
            ),
            (c, Language::German) => format!(
                "Der Anteil „{share}“ könnte {a} oder {b} sein: Dateien mit „{c}“ zwischen den Feldern können damit Tausender gruppieren. Schreiben Sie ihn ohne Tausendertrennung, als {a} oder {b}."
            ),
        })
    };
    let plain = |s: &str| s.replace(['.', ','], "");
    // Anything but digits, one sign and the marks is not a number in any
    // convention: said in the file's, not the plan's.
    let digits = share.trim_start_matches(['-', '+']);
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        let example = match comma {
            Some(true) => pick("0,5 or 1", "0,5 oder 1"),
            Some(false) => pick("0.5 or 1", "0.5 oder 1"),
            None => pick("0.5, 0,5 or 1", "0.5, 0,5 oder 1"),
        };
        if share.is_empty() {
            return Err(pick(
                format!("The share is empty: this file writes shares like {example}."),
                format!("Der Anteil ist leer: Diese Datei schreibt Anteile wie {example}."),
            ));
        }
        return Err(pick(
            format!("The share “{share}” is not a number: this file writes shares like {example}."),
            format!(
                "Der Anteil „{share}“ ist keine Zahl: Diese Datei schreibt Anteile wie {example}."
            ),
        ));
    }
    match (has_comma, has_point) {
        (true, false) | (false, true) => {
            let mark = if has_comma { ',' } else { '.' };
            let several = share.matches(mark).count() > 1;
            if grouped(mark) && (several || !decimal(mark) || comma.is_none()) {
                if several {
                    // Only a grouping: 1.000.000.
                    return Ok((plain(share), None));
                }
                let as_decimal = share.replace(mark, ".");
                let as_decimal = as_decimal.trim_end_matches('0').trim_end_matches('.');
                let whole = plain(share);
                let whole = match whole.trim_start_matches('0') {
                    "" => "0",
                    digits => digits,
                };
                return both(as_decimal, whole);
            }
            Ok((share.replace(',', "."), Some(mark)))
        }
        (true, true) => {
            // The last mark is the decimal one, the other groups thousands.
            let last = if share.rfind(',') > share.rfind('.') {
                ','
            } else {
                '.'
            };
            let group = if last == ',' { '.' } else { ',' };
            let (whole, _) = share.rsplit_once(last).unwrap_or((share, ""));
            let digits = whole.trim_start_matches(['-', '+']);
            let well = digits.split(group).enumerate().all(|(i, p)| {
                p.chars().all(|c| c.is_ascii_digit())
                    && if i == 0 {
                        (1..=3).contains(&p.len())
                    } else {
                        p.len() == 3
                    }
            });
            if decimal(last) && well {
                Ok((share.replace(group, "").replace(',', "."), Some(last)))
            } else {
                Ok((share.to_owned(), None))
            }
        }
        (false, false) => Ok((share.to_owned(), None)),
    }
}

/// A file's CSV records (RFC 4180: quoted fields may hold the separator,
/// quotes as `""` and line breaks), each with the line it starts on; and
/// what cannot be read as RFC 4180 says: the lines where text follows a
/// field's closing quote (`"Ann" B`), and the line where a quote opens a
/// field that the file never closes.
struct Records {
    rows: Vec<(usize, Vec<String>)>,
    after_quote: Vec<usize>,
    unclosed: Option<usize>,
}

fn records(text: &str, separator: char) -> Records {
    let mut rows = Vec::new();
    let mut after_quote = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    // The field's closing quote has been read: only spaces may follow it.
    let mut closed = false;
    let mut line = 1;
    let mut start = 1;
    let mut opened = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => {
                quoted = false;
                closed = true;
            }
            (false, '"') if !closed && field.trim().is_empty() => {
                field.clear();
                quoted = true;
                opened = line;
            }
            (false, c) if c == separator => {
                fields.push(std::mem::take(&mut field));
                closed = false;
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n' | '\r') => {
                fields.push(std::mem::take(&mut field));
                rows.push((start, std::mem::take(&mut fields)));
                closed = false;
                line += 1;
                start = line;
            }
            (_, c) => {
                if c == '\n' {
                    line += 1;
                }
                if closed && !c.is_whitespace() && after_quote.last() != Some(&start) {
                    after_quote.push(start);
                }
                field.push(c);
            }
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        rows.push((start, fields));
    }
    Records {
        rows,
        after_quote,
        unclosed: quoted.then_some(opened),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = r#"{
        "goals": [{ "id": "g", "name": "G", "target": "1", "actual": "1" }],
        "teams": [
            { "id": "sales-us", "name": "Sales", "targetIncentive": "100", "weights": { "g": "1" } },
            { "id": "sales-emea", "name": "sales", "targetIncentive": "100", "weights": { "g": "1" } },
            { "id": "mkt", "name": "Marketing", "targetIncentive": "100", "weights": { "g": "1" } },
            { "id": "Marketing", "name": "Brand", "targetIncentive": "100", "weights": { "g": "1" } }
        ]
    }"#;

    fn apply(csv: &str) -> Result<Json<'static>, Vec<String>> {
        let plan = crate::json::parse(PLAN).unwrap();
        apply_roster(&plan, csv.as_bytes())
            .map(|r| r.plan)
            .map_err(|e| e.0.iter().map(|e| e.to_string()).collect())
    }

    /// Each member's field `at` (0: name, 1: share) in team `team` of `plan`.
    fn member_fields(plan: &Json, team: usize, at: usize) -> Vec<String> {
        let Json::Object(entries) = plan else {
            panic!()
        };
        let Some((_, Json::Array(teams))) = entries.iter().find(|(k, _)| k == "teams") else {
            panic!()
        };
        let Json::Object(fields) = &teams[team] else {
            panic!()
        };
        match fields.iter().find(|(k, _)| k == "members") {
            Some((_, Json::Array(list))) => list
                .iter()
                .map(|m| match m {
                    Json::Object(f) => match &f[at].1 {
                        Json::String(text) => text.to_string(),
                        _ => panic!(),
                    },
                    _ => panic!(),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    fn members_of(plan: &Json, team: usize) -> Vec<String> {
        member_fields(plan, team, 0)
    }

    #[test]
    fn case_folds_as_unicode_does_in_the_scripts_it_covers() {
        let ranges = [
            0x41..=0x5A,
            0xC0..=0xDE,
            0x100..=0x17F,
            0x391..=0x3AB,
            0x400..=0x42F,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            let (Some(expected), None) = (lower.next(), lower.next()) else {
                continue;
            };
            // İ (U+0130) lowers to i + a combining dot: not one letter, left as it is.
            assert_eq!(fold(c), expected, "{c} (U+{:04X})", c as u32);
        }
        assert!(same_name("Équipe Ventes", "équipe ventes"));
        assert!(same_name("ОТДЕЛ ПРОДАЖ", "отдел продаж"));
        assert!(!same_name("Sales", "Sales EMEA"));
    }

    #[test]
    fn a_row_names_its_team_by_id_or_else_by_name_ignoring_case() {
        let plan = apply(
            "name,team,share\nAna,sales-us,1\nBen,MARKETING ,1\nCara,Marketing,1\nDev,brand,1\n",
        )
        .unwrap();
        assert_eq!(members_of(&plan, 0), ["Ana"]);
        // "Marketing" is an id: the id wins over the other team's name.
        assert_eq!(members_of(&plan, 3), ["Cara", "Dev"]);
        assert_eq!(members_of(&plan, 2), ["Ben"]);
    }

    #[test]
    fn a_name_two_teams_share_is_an_error_that_asks_for_the_id() {
        assert_eq!(
            apply("name,team,share\nAna,Sales,1\nBen,SALES,1\n").unwrap_err(),
            [
                "line 2: More than one team is named “Sales”: write the team’s id instead (sales-us or sales-emea).",
                "line 3: More than one team is named “SALES”: write the team’s id instead (sales-us or sales-emea).",
            ]
        );
    }

    #[test]
    fn a_team_the_plan_lacks_is_one_error_with_its_lines_and_the_plans_teams() {
        let rows: String = (0..30).map(|i| format!("P{i},Sales EMEA,1\n")).collect();
        let errors = apply(&format!("name,team,share\n{rows}Zoë,nope,1\n")).unwrap_err();
        assert_eq!(
            errors,
            [
                "line 2: There is no team “Sales EMEA” in the plan (30 rows: lines 2, 3, 4, 5, 6 and 25 more). A row’s team is a team’s id or name: sales-us (Sales), sales-emea (sales), mkt (Marketing), Marketing (Brand).",
                "line 32: There is no team “nope” in the plan. A row’s team is a team’s id or name: sales-us (Sales), sales-emea (sales), mkt (Marketing), Marketing (Brand).",
            ]
        );
    }

    #[test]
    fn reads_quoted_fields_and_line_breaks() {
        let csv = "name,team,share\r\n\"Lima, Ana\",sales,1\n\"Say \"\"Hi\"\"\",sales,2\n\"Two\nlines\",mkt,1\nZoë,mkt,0.5";
        let rows = records(csv, ',').rows;
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

    #[test]
    fn a_file_with_semicolons_reads_decimal_commas_and_says_so() {
        let plan = crate::json::parse(PLAN).unwrap();
        let csv = "\u{feff}Name;Team;Share\r\n\"Lima; Ana\";mkt;0,5\r\nBen;mkt;1.000.000\r\nCara;mkt;1.234,5\r\nDev;mkt;0.25\r\n";
        let rostered = apply_roster(&plan, csv.as_bytes()).unwrap();
        let shares = member_fields(&rostered.plan, 2, 1);
        // 1.000.000 can only be a grouping; 0.25 only a decimal point.
        assert_eq!(shares, ["0.5", "1000000", "1234.5", "0.25"]);
        assert_eq!(
            members_of(&rostered.plan, 2),
            ["Lima; Ana", "Ben", "Cara", "Dev"]
        );
        // 0.25 is read as a decimal all the same, and said (line 5).
        assert_eq!(
            rostered.format.describe(),
            "Read with “;” between fields, decimal commas. The share on line 5 is written with a decimal point: it was read as a decimal."
        );
    }

    #[test]
    fn a_decimal_comma_in_a_file_with_commas_between_fields_is_read_and_said() {
        let plan = crate::json::parse(PLAN).unwrap();
        let csv = "name,team,share\nAna,mkt,1\nBen,mkt,\"1,5\"\nCara,mkt,\"0,25\"\n";
        let rostered = apply_roster(&plan, csv.as_bytes()).unwrap();
        assert_eq!(member_fields(&rostered.plan, 2, 1), ["1", "1.5", "0.25"]);
        assert_eq!(
            rostered.format.describe(),
            "Read with “,” between fields. The shares on 2 lines, from line 3, are written with a decimal comma: they were read as decimals."
        );
        let plain = apply_roster(&plan, b"name,team,share\nAna,mkt,1.5\n").unwrap();
        assert_eq!(plain.format.describe(), "Read with “,” between fields.");
    }

    #[test]
    fn a_share_that_reads_two_ways_is_an_error_that_gives_both() {
        assert_eq!(
            apply("name;team;share\nAna;mkt;1.000\n").unwrap_err(),
            ["line 2: The share “1.000” could be 1 or 1000: files with “;” between fields may write it to group thousands. Write it without grouping, as 1 or 1000."]
        );
        assert_eq!(
            apply("name,team,share\nAna,mkt,\"1,500\"\n").unwrap_err(),
            ["line 2: The share “1,500” could be 1.5 or 1500: files with “,” between fields may write it to group thousands. Write it without grouping, as 1.5 or 1500."]
        );
        assert_eq!(
            apply("name\tteam\tshare\nAna\tmkt\t0,250\n").unwrap_err(),
            ["line 2: The share “0,250” could be 0.25 or 250: this file may use either as its decimal mark. Write it without grouping, as 0.25 or 250."]
        );
        // Not a number at all: said in the file's own convention.
        assert_eq!(
            apply("name;team;share\nAna;mkt;1,5x\nBen;mkt;\n").unwrap_err(),
            [
                "line 2: The share “1,5x” is not a number: this file writes shares like 0,5 or 1.",
                "line 3: The share is empty: this file writes shares like 0,5 or 1."
            ]
        );
    }

    /// A page that speaks German reads a roster's notes and errors in German.
    #[test]
    fn german_notes_and_errors() {
        crate::set_language(crate::Language::German);
        let errors = apply("name;team;share\nAna;mkt;1.000\nBen;nope;1\n").unwrap_err();
        let plan = crate::json::parse(PLAN).unwrap();
        let format = apply_roster(&plan, b"name;team;share\nAna;mkt;0,5\n")
            .unwrap()
            .format
            .describe();
        crate::set_language(crate::Language::English);
        assert_eq!(
            errors,
            [
                "line 2: Der Anteil „1.000“ könnte 1 oder 1000 sein: Dateien mit „;“ zwischen den Feldern können damit Tausender gruppieren. Schreiben Sie ihn ohne Tausendertrennung, als 1 oder 1000.",
                "line 3: Im Plan gibt es kein Team „nope“. Das Team einer Zeile ist die ID oder der Name eines Teams: sales-us (Sales), sales-emea (sales), mkt (Marketing), Marketing (Brand)."
            ]
        );
        assert_eq!(
            format,
            "Gelesen mit „;“ zwischen den Feldern, Dezimalkommas."
        );
    }

    #[test]
    fn a_header_that_is_not_name_team_share_is_quoted_in_the_error() {
        assert_eq!(
            apply("\nVorname;Team;Anteil\nAna;mkt;1\n").unwrap_err(),
            ["line 2: The first line must be the header name,team,share (or Name;Team;Anteil, or with tabs between the names, as spreadsheets save it); it reads “Vorname;Team;Anteil”."]
        );
    }

    /// A column named twice is refused at the header's line, not read from
    /// the first of them with the other's values dropped.
    #[test]
    fn a_column_named_twice_is_refused() {
        for (csv, line, name) in [
            ("\nname,team,share,share\nAna,mkt,1,2\n", 2, "share"),
            ("Name;Team;Anteil;share\nAna;mkt;1;2\n", 1, "Anteil"),
            ("name,team,share,Team\nAna,mkt,1,sales\n", 1, "team"),
        ] {
            assert_eq!(
                apply(csv).unwrap_err(),
                [format!("line {line}: The header names the column “{name}” twice: which of them to read cannot be told. Keep one.")]
            );
        }
        // Another column, named once, is no matter.
        assert!(apply("name,team,share,email\nAna,mkt,1,ana@example.com\n").is_ok());
    }

    /// The note of a roster read from `csv`.
    fn note(csv: &str) -> String {
        let plan = crate::json::parse(PLAN).unwrap();
        apply_roster(&plan, csv.as_bytes())
            .unwrap()
            .format
            .describe()
    }

    /// Columns other than name, team and share are said in the note, not
    /// dropped in silence; one without a name only where it holds a value.
    #[test]
    fn columns_that_are_not_read_are_said() {
        assert_eq!(
            note("name,team,share\nAna,mkt,1\n"),
            "Read with “,” between fields."
        );
        assert_eq!(
            note("email,name,team,share\nana@example.com,Ana,mkt,1\n"),
            "Read with “,” between fields. Column not read: “email”."
        );
        assert_eq!(
            note("name;Abteilung;team;share;;\nAna;Vertrieb;mkt;1;;x\nBen;;mkt;2;;\n"),
            "Read with “;” between fields, decimal commas. Columns not read: “Abteilung” and the 6th (no name in the header)."
        );
        assert_eq!(
            note("name,team,share,\nAna,mkt,1,x\n"),
            "Read with “,” between fields. Column not read: the 4th (no name in the header)."
        );
        assert_eq!(
            note(",,,,,,,,,,,name,team,share\n,,,,,,,,,,x,Ana,mkt,1\n"),
            "Read with “,” between fields. Column not read: the 11th (no name in the header)."
        );
        // Empty columns a spreadsheet leaves after the last are nothing to read.
        assert_eq!(
            note("name,team,share,,\nAna,mkt,1,,\n"),
            "Read with “,” between fields."
        );
        crate::set_language(crate::Language::German);
        let german = note("Name;Team;Anteil;E-Mail;Ort;\nAna;mkt;1;a@b.de;Bonn;x\n");
        crate::set_language(crate::Language::English);
        assert_eq!(
            german,
            "Gelesen mit „;“ zwischen den Feldern, Dezimalkommas. Nicht gelesene Spalten: „E-Mail“, „Ort“ und die 6. (ohne Namen in der Kopfzeile)."
        );
    }

    /// What RFC 4180 cannot read is said at its line, not read some way.
    #[test]
    fn a_quote_never_closed_or_text_after_one_is_an_error() {
        assert_eq!(
            apply("name,team,share\nAna,mkt,1\n\"Ben,mkt,1\nCara,mkt,1\n").unwrap_err(),
            ["line 3: A quote (\") opens a field here that the file never closes: the rows after it cannot be told apart. Close the quote, or write the field without it."]
        );
        assert_eq!(
            apply("name,team,share\n\"Ana\" Lima,mkt,1\nBen,mkt,\"2\"x\n\"Cara\" ,mkt,1\n\"Dan\nLee\"s,mkt,1\n").unwrap_err(),
            [
                "line 2: Text follows a field’s closing quote: write the whole field inside the quotes, or without them.",
                "line 3: Text follows a field’s closing quote: write the whole field inside the quotes, or without them.",
                "line 5: Text follows a field’s closing quote: write the whole field inside the quotes, or without them.",
            ]
        );
        // A quote inside a field not opened by one is the field's own.
        let plan = apply("name,team,share\nAna \"Lima\",mkt,1\n").unwrap();
        assert_eq!(members_of(&plan, 2), ["Ana \"Lima\""]);
    }

    /// A roster saved from a German spreadsheet may head its columns in German.
    #[test]
    fn a_german_header_reads_as_name_team_share() {
        let plan = apply("Name;Team;Anteil\nAna;mkt;0,5\nBen;Marketing;1\n").unwrap();
        assert_eq!(member_fields(&plan, 2, 1), ["0.5"]);
        assert_eq!(member_fields(&plan, 3, 0), ["Ben"]);
    }
}
