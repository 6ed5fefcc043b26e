//! Warnings: what does not stop the calculation but says where a plan may
//! not do what its author meant, above all where it keeps Sales and
//! Marketing apart. The calculation and `check` both report them.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::curve::Curve;
use crate::exact::text::SHOWN_DIGITS;
use crate::exact::Exact;
use crate::language::{self, Language};
use crate::path::JsonPath;
use crate::plan::{Method, Plan};
use crate::shown::grouped;

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
    /// A goal or team has the name of one before it, or a member the name
    /// of one before it in its team (the case of A to Z and surrounding
    /// spaces aside): the results cannot tell them apart, and a person
    /// listed twice is paid twice.
    NameRepeated,
    /// A team's cap is ten or more times its target incentive: most likely
    /// a percentage written where the model takes a multiple (200 for 2).
    CapAsPercent,
}

/// The least cap said to look like a percentage: 10 times the target
/// incentive (1,000 %), five times the 2× that practice caps at.
const CAP_AS_PERCENT: i128 = 10;

/// Something the plan's author should look at; never stops the calculation.
/// Its message is written when it is shown, in the language of that moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub code: WarningCode,
    pub path: JsonPath,
    about: About,
}

/// What a warning's message names.
#[derive(Debug, Clone, PartialEq)]
enum About {
    /// A goal by its name.
    Goal(String),
    /// The plan as a whole.
    Plan,
    /// A team by its name, with its weights' sum as a percentage ("87.5").
    Weights(String, String),
    /// A team by its name.
    Team(String),
    /// A curve's first attainment as a percentage.
    Threshold(String),
    /// A goal's name that an earlier goal has too.
    GoalName(String),
    /// A team's name that an earlier team has too.
    TeamName(String),
    /// A team by its name, and a member's name that an earlier member of it has too.
    /// A member's team, name, and the places (from 1) of the earlier
    /// member of that name and of this one.
    MemberName(String, String, (usize, usize)),
    /// A team by its name, and its cap.
    Cap(String, Exact),
}

impl Warning {
    /// The sentence for the plan's author.
    pub fn message(&self) -> String {
        let german = language::current() == Language::German;
        // Numbers are written the language's way: "20,000" and "87.5" in
        // English, "20.000" and "87,5" in German, as the page writes its own.
        let number = |p: &str| grouped(p, german);
        match (&self.about, german) {
            (About::Goal(goal), false) => format!("No team has a weight on “{goal}”, so it pays nobody."),
            (About::Goal(goal), true) => format!("„{goal}“ ist bei keinem Team gewichtet und zahlt daher niemandem etwas aus."),
            (About::Plan, false) => "No goal is shared by two teams: each team is paid only on its own goals, \
                 so nothing rewards them for working together."
                .to_owned(),
            (About::Plan, true) => "Kein Ziel wird von zwei Teams geteilt: Jedes Team wird nur auf seine eigenen Ziele bezahlt, \
                 nichts belohnt also die Zusammenarbeit."
                .to_owned(),
            (About::Weights(team, sum), false) => {
                let sum = number(sum);
                format!(
                    "The weights of “{team}” add up to {sum} %, not 100 %, so at target it is paid {sum} % of its target incentive."
                )
            }
            (About::Weights(team, sum), true) => {
                let sum = number(sum);
                format!(
                    "Die Gewichtungen von „{team}“ ergeben zusammen {sum} % statt 100 %; bei 100 % Zielerreichung erhält das Team daher {sum} % seiner Zielprämie."
                )
            }
            (About::Team(team), false) => format!(
                "“{team}” has no weight on a shared goal, so it does not win or lose with the other teams."
            ),
            (About::Team(team), true) => format!(
                "„{team}“ hat keine Gewichtung auf einem gemeinsamen Ziel, gewinnt oder verliert also nicht mit den anderen Teams."
            ),
            (About::Threshold(first), false) => format!(
                "This curve pays nothing below {} % attainment, which is above target.",
                number(first)
            ),
            (About::Threshold(first), true) => format!(
                "Diese Kurve zahlt unter {} % Zielerreichung nichts aus, also erst oberhalb des Ziels (100 %).",
                number(first)
            ),
            (About::GoalName(goal), false) => format!(
                "Another goal is also called “{goal}”: the results cannot tell the two apart."
            ),
            (About::GoalName(goal), true) => format!(
                "Ein anderes Ziel heißt ebenfalls „{goal}“: In den Ergebnissen sind die beiden nicht zu unterscheiden."
            ),
            (About::TeamName(team), false) => format!(
                "Another team is also called “{team}”: the results cannot tell the two apart."
            ),
            (About::TeamName(team), true) => format!(
                "Ein anderes Team heißt ebenfalls „{team}“: In den Ergebnissen sind die beiden nicht zu unterscheiden."
            ),
            (About::MemberName(team, member, (earlier, later)), false) => format!(
                "Members {earlier} and {later} of “{team}” are both called “{member}”: each is paid a share, so one person listed twice is paid twice."
            ),
            (About::MemberName(team, member, (earlier, later)), true) => format!(
                "Die Personen {earlier} und {later} in „{team}“ heißen beide „{member}“: Jede erhält einen Anteil, eine doppelt aufgeführte Person wird also doppelt bezahlt."
            ),
            (About::Cap(team, multiple), false) => {
                let (cap, pct, meant) = cap_words(multiple, german);
                format!(
                    "“{team}” is capped at {cap} times its target incentive, {pct} %: a cap is written as a multiple ({meant} for {cap} %), so {cap} may be a percentage written where a multiple belongs."
                )
            }
            (About::Cap(team, multiple), true) => {
                let (cap, pct, meant) = cap_words(multiple, german);
                format!(
                    "„{team}“ ist auf das {cap}-Fache seiner Zielprämie gedeckelt, {pct} %: Eine Deckelung wird als Vielfaches geschrieben ({meant} für {cap} %), {cap} ist also womöglich ein Prozentwert an der Stelle eines Vielfachen."
                )
            }
        }
    }
}

impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Warning", 3)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("message", &self.message())?;
        s.end()
    }
}

/// The warnings for a valid plan, in plan order.
pub fn warnings(plan: &Plan) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut warn =
        |code, path: JsonPath, about: About| warnings.push(Warning { code, path, about });
    let shared = plan.shared_goals();

    let goal_named = repeated(plan.goals.iter().map(|goal| goal.name.as_str()));
    for (g, goal) in plan.goals.iter().enumerate() {
        if goal_named[g].is_some() {
            warn(
                WarningCode::NameRepeated,
                goal_path(g).key("name"),
                About::GoalName(goal.name.clone()),
            );
        }
        if plan.teams.iter().all(|team| team.weights[g].is_zero()) {
            warn(
                WarningCode::GoalUnweighted,
                goal_path(g),
                About::Goal(goal.name.clone()),
            );
        }
        if let Some(about) = threshold_warning(&goal.curve) {
            warn(
                WarningCode::ThresholdAboveTarget,
                first_point(goal_path(g).key("curve")),
                about,
            );
        }
    }

    // With a single team there is nobody to share with.
    let any_shared = shared.contains(&true);
    if plan.teams.len() >= 2 && !any_shared {
        warn(
            WarningCode::NoSharedGoal,
            JsonPath::root().key("goals"),
            About::Plan,
        );
    }

    let team_named = repeated(plan.teams.iter().map(|team| team.name.as_str()));
    for (t, team) in plan.teams.iter().enumerate() {
        if team_named[t].is_some() {
            warn(
                WarningCode::NameRepeated,
                team_path(t).key("name"),
                About::TeamName(team.name.clone()),
            );
        }
        let sum = team.weights.iter().fold(Exact::ZERO, |sum, w| sum.add(w));
        if sum != Exact::ONE {
            warn(
                WarningCode::WeightsNotOne,
                team_path(t).key("weights"),
                About::Weights(team.name.clone(), percent(&sum)),
            );
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
                About::Team(team.name.clone()),
            );
        }
        if let Some(cap) = team
            .cap
            .as_ref()
            .filter(|cap| **cap >= Exact::int(CAP_AS_PERCENT))
        {
            warn(
                WarningCode::CapAsPercent,
                team_path(t).key("cap"),
                About::Cap(team.name.clone(), cap.clone()),
            );
        }
        let member_named = repeated(team.members.iter().map(|member| &*member.name));
        for (m, member) in team.members.iter().enumerate() {
            if let Some(earlier) = member_named[m] {
                // Both by their places in the list (from 1), which a team
                // too large to edit in the page, or a roster's rows, can
                // be searched by (found by a fresh look).
                let places = (earlier + 1, m + 1);
                let name = member.name.trim().to_owned();
                warn(
                    WarningCode::NameRepeated,
                    team_path(t).key("members").index(m).key("name"),
                    About::MemberName(team.name.clone(), name, places),
                );
            }
        }
        if let Method::Blended(curve) = &team.method {
            if let Some(about) = threshold_warning(curve) {
                warn(
                    WarningCode::ThresholdAboveTarget,
                    first_point(team_path(t).key("curve")),
                    about,
                );
            }
        }
        for (m, modifier) in team.modifiers.iter().enumerate() {
            if let Some(about) = threshold_warning(&modifier.curve) {
                warn(
                    WarningCode::ThresholdAboveTarget,
                    first_point(team_path(t).key("modifiers").index(m).key("curve")),
                    about,
                );
            }
        }
    }
    warnings
}

/// For each of `names`, the index of the first one before it that it is (not
/// blank), surrounding spaces and the case of the letters A to Z aside. (Unicode's case tables
/// would add about 19 KB gzipped to the page's module.) By a table of the
/// first name of each hash, not against every earlier name: a roster of
/// 10,000 is read in one pass.
fn repeated<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> Vec<Option<usize>> {
    let names: Vec<&str> = names.map(str::trim).collect();
    // At most half full; each slot the index of a name, or `EMPTY`.
    const EMPTY: usize = usize::MAX;
    let mask = (names.len() * 2).next_power_of_two().max(2) - 1;
    let mut slots = vec![EMPTY; mask + 1];
    (0..names.len())
        .map(|i| {
            let name = names[i];
            if name.is_empty() {
                return None;
            }
            // The hash's low bits index the table.
            let mut at = folded_hash(name) as usize & mask;
            loop {
                match slots[at] {
                    EMPTY => {
                        slots[at] = i;
                        return None;
                    }
                    earlier if names[earlier].eq_ignore_ascii_case(name) => return Some(earlier),
                    _ => at = (at + 1) & mask,
                }
            }
        })
        .collect()
}

/// A hash of `name` with the letters A to Z folded to a to z: eight bytes
/// to a word, each word by a multiply and a rotation as rustc's own FxHash
/// (the standard SipHash, byte by byte, took half the time of calculating
/// a plan with 10,000 members), then MurmurHash3's last mix, so that a
/// word's high bytes reach the low bits that index the table. Names are the
/// plan's own, so there is no one to guard against who would pick colliding
/// ones.
fn folded_hash(name: &str) -> u64 {
    let mut hash = name.len() as u64;
    for chunk in name.as_bytes().chunks(8) {
        let mut word = [0; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        let word = lowercase(u64::from_le_bytes(word));
        hash = (hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^ (hash >> 33)
}

/// Eight bytes with A to Z made a to z, all at once: a byte gets 0x20 when
/// it is ASCII, at least `A` and not beyond `Z` (each test the top bit of
/// the byte plus a constant, which no carry crosses from a 7-bit byte).
fn lowercase(word: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let low = word & (0x7f * EACH);
    let from_a = low + (0x80 - u64::from(b'A')) * EACH;
    let beyond_z = low + (0x7f - u64::from(b'Z')) * EACH;
    let upper = !word & (from_a ^ beyond_z) & (0x80 * EACH);
    word | (upper >> 2)
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

fn threshold_warning(curve: &Curve) -> Option<About> {
    let first = curve.threshold()?;
    (*first > Exact::ONE).then(|| About::Threshold(percent(first)))
}

/// A fraction as a percentage without trailing zeros: 0.875 is "87.5".
/// A cap's words: the multiple as written, as a percentage, and a
/// hundredth of it (the multiple that percentage would be).
fn cap_words(cap: &Exact, german: bool) -> (String, String, String) {
    let hundredth = cap.mul(&Exact::ratio(1, 100).unwrap_or(Exact::ZERO));
    (
        grouped(&cap.to_significant(SHOWN_DIGITS), german),
        grouped(&percent(cap), german),
        grouped(&hundredth.to_significant(SHOWN_DIGITS), german),
    )
}

fn percent(fraction: &Exact) -> String {
    fraction.mul(&Exact::int(100)).to_significant(SHOWN_DIGITS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A warning kept from an earlier call reads in the language asked for
    /// when it is shown: its message is written then, numbers the
    /// language's way ("87,5" in German).
    #[test]
    fn a_warning_is_written_in_the_language_it_is_shown_in() {
        let plan = Plan::from_json_str(
            r#"{
              "goals": [{ "id": "g", "name": "New ARR", "target": "1", "actual": "1" }],
              "teams": [{ "id": "s", "name": "Sales", "targetIncentive": "100", "weights": { "g": "0.875" } }]
            }"#,
        )
        .unwrap();
        let found = warnings(&plan);
        assert_eq!(found.len(), 1);
        let english = found[0].message();
        crate::set_language(Language::German);
        let german = found[0].message();
        crate::set_language(Language::English);
        assert_eq!(
            english,
            "The weights of “Sales” add up to 87.5 %, not 100 %, so at target it is paid 87.5 % of its target incentive."
        );
        assert_eq!(
            german,
            "Die Gewichtungen von „Sales“ ergeben zusammen 87,5 % statt 100 %; bei 100 % Zielerreichung erhält das Team daher 87,5 % seiner Zielprämie."
        );
    }

    /// The `nameRepeated` warnings of `plan`, by path, with their words.
    fn repeated(plan: &Plan) -> Vec<(String, String)> {
        warnings(plan)
            .iter()
            .filter(|w| w.code == WarningCode::NameRepeated)
            .map(|w| (w.path.to_string(), w.message()))
            .collect()
    }

    /// Two goals called "New ARR" and " new arr " and two teams called
    /// "Sales": the later of each is warned of, by its name's field.
    #[test]
    fn a_name_an_earlier_goal_or_team_has_is_warned_of() {
        let plan = Plan::from_json_str(
            r#"{
              "goals": [
                { "id": "a", "name": "New ARR", "target": "1", "actual": "1" },
                { "id": "b", "name": " new arr ", "target": "1", "actual": "1" },
                { "id": "c", "name": "Pipeline", "target": "1", "actual": "1" }
              ],
              "teams": [
                { "id": "s", "name": "Sales", "targetIncentive": "100", "weights": { "a": "0.5", "c": "0.5" } },
                { "id": "t", "name": "Sales", "targetIncentive": "100", "weights": { "a": "0.5", "b": "0.5" } }
              ]
            }"#,
        )
        .unwrap();
        assert_eq!(
            repeated(&plan),
            [
                (
                    "goals[1].name".to_owned(),
                    "Another goal is also called “ new arr ”: the results cannot tell the two apart.".to_owned()
                ),
                (
                    "teams[1].name".to_owned(),
                    "Another team is also called “Sales”: the results cannot tell the two apart.".to_owned()
                ),
            ]
        );
    }

    /// A roster that lists Ben Okafor twice (" ben okafor " the second
    /// time) pays him two shares: the later is warned of, by its field and
    /// with both places in the list (1 and 3); the same name in another
    /// team is another person.
    #[test]
    fn a_member_named_as_an_earlier_member_of_the_team_is_warned_of() {
        let plan = Plan::from_json_str(
            r#"{
              "goals": [{ "id": "g", "name": "New ARR", "target": "1", "actual": "1" }],
              "teams": [
                { "id": "s", "name": "Sales", "targetIncentive": "100", "weights": { "g": "1" },
                  "members": [{ "name": "Ben Okafor", "share": "1" }, { "name": "Ana", "share": "1" }, { "name": " ben okafor ", "share": "1" }] },
                { "id": "m", "name": "Marketing", "targetIncentive": "100", "weights": { "g": "1" },
                  "members": [{ "name": "Ana", "share": "1" }] }
              ]
            }"#,
        )
        .unwrap();
        assert_eq!(
            repeated(&plan),
            [(
                "teams[0].members[2].name".to_owned(),
                "Members 1 and 3 of “Sales” are both called “ben okafor”: each is paid a share, so one person listed twice is paid twice.".to_owned()
            )]
        );
    }

    /// The table's hash folds eight bytes to a word: names of every length
    /// around a word's edge, in either case and with spaces around, are
    /// found repeated exactly where a comparison with every earlier name
    /// finds them.
    #[test]
    fn repeated_names_are_those_equal_to_an_earlier_one() {
        let mut names = Vec::new();
        for length in 0..=20 {
            let name: String = "Alexandra Okafor-Smith".chars().take(length).collect();
            names.push(name.clone());
            names.push(format!("  {}", name.to_ascii_uppercase()));
            names.push(format!("{name}x"));
            names.push(format!("{} ", name.to_ascii_lowercase()));
        }
        names.extend(
            ["Zoë", "ZOË", "zoë", "Rep 1", "Rep 10", "Rep 1 ", "Rep 01"].map(str::to_owned),
        );
        let by_set = super::repeated(names.iter().map(String::as_str));
        let by_comparison: Vec<Option<usize>> = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let name = name.trim();
                let same = |earlier: &String| earlier.trim().eq_ignore_ascii_case(name);
                names[..i]
                    .iter()
                    .position(same)
                    .filter(|_| !name.is_empty())
            })
            .collect();
        assert_eq!(by_set, by_comparison);
        assert!(by_set.iter().flatten().count() > 40);
    }

    /// A cap of 10 or more times the target incentive (1,000 %) is said to
    /// look like a percentage written where a multiple belongs; 9.99 is not.
    #[test]
    fn a_cap_that_looks_like_a_percentage_is_warned_of() {
        let plan = |cap: &str| {
            Plan::from_json_str(&format!(
                r#"{{
                  "goals": [{{ "id": "g", "name": "New ARR", "target": "1", "actual": "1" }}],
                  "teams": [{{ "id": "s", "name": "Sales", "targetIncentive": "100", "weights": {{ "g": "1" }}, "cap": "{cap}" }}]
                }}"#
            ))
            .unwrap()
        };
        let capped = |cap: &str| {
            warnings(&plan(cap))
                .into_iter()
                .filter(|w| w.code == WarningCode::CapAsPercent)
                .map(|w| (w.path.to_string(), w.message()))
                .collect::<Vec<_>>()
        };
        assert_eq!(capped("9.99"), []);
        assert_eq!(
            capped("200"),
            [(
                "teams[0].cap".to_owned(),
                "“Sales” is capped at 200 times its target incentive, 20,000 %: a cap is written as a multiple (2 for 200 %), so 200 may be a percentage written where a multiple belongs.".to_owned()
            )]
        );
        let found = warnings(&plan("12.5"));
        crate::set_language(Language::German);
        let german: Vec<String> = found.iter().map(Warning::message).collect();
        crate::set_language(Language::English);
        assert!(german.contains(&"„Sales“ ist auf das 12,5-Fache seiner Zielprämie gedeckelt, 1.250 %: Eine Deckelung wird als Vielfaches geschrieben (0,125 für 12,5 %), 12,5 ist also womöglich ein Prozentwert an der Stelle eines Vielfachen.".to_owned()), "{german:?}");
    }

    /// Eight bytes at a time, A to Z and only they become a to z, as byte
    /// by byte.
    #[test]
    fn a_word_is_lowercased_as_its_bytes() {
        for start in (0..=255u8).step_by(8) {
            let bytes: [u8; 8] = std::array::from_fn(|i| start.wrapping_add(i as u8));
            let expected = bytes.map(|b| b.to_ascii_lowercase());
            assert_eq!(
                super::lowercase(u64::from_le_bytes(bytes)),
                u64::from_le_bytes(expected)
            );
        }
    }
}
