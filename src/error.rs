//! What can be wrong with a plan, said so that a payroll analyst understands it.
//!
//! Every error carries the JSON path of the field it is about
//! (`goals[1].target`, `teams[0].weights.revenue`); its message names the
//! field in words and says what is expected.

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::language::{self, Language};
use crate::path::{JsonPath, Step};

/// One problem with one field of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// JSON path of the field, such as `teams[0].weights.revenue`; the root
    /// for the plan as a whole.
    pub path: JsonPath,
    /// What is wrong.
    pub kind: ErrorKind,
}

/// The kinds of problem, one per rule of the plan model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input is not JSON at all; holds the parser's own explanation.
    NotJson(String),
    /// A required field is absent.
    Missing,
    /// A `version` other than 1, the only version of the plan model.
    UnsupportedVersion,
    /// A field the model does not define; holds its key, and the field
    /// of that object it is probably a misspelling of, if any.
    UnknownField(String, Option<String>),
    /// The same key appears twice in one object; holds the key.
    DuplicateKey(String),
    /// A value of the wrong JSON type.
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    /// A JSON number where a decimal must be written as a string; holds the
    /// number's text when it is a plain decimal (as `1850000` or `0.5` are,
    /// and `1e6` is not), which the error offers to write as text.
    NumberNotString(Option<String>),
    /// Text that is not a plain decimal such as `1250.00`.
    NotDecimal,
    /// A decimal with more than 28 significant digits or decimal places.
    TooPrecise,
    /// A negative value where the model asks for zero or more.
    Negative,
    /// Zero or less where the model asks for more than zero.
    NotPositive,
    /// A whole number outside its range, or not whole.
    OutOfRange { min: u64, max: u64 },
    /// Text shorter or longer than allowed.
    TextLength { min: usize, max: usize },
    /// A name of nothing but spaces: it has characters but names nothing.
    Blank,
    /// A list with too few or too many items.
    Count { min: usize, max: usize },
    /// An id that is not 1 to 40 characters of `a-z`, `0-9`, `_` and `-`.
    BadId,
    /// An id already used by an earlier goal or team; holds the id.
    DuplicateId(String),
    /// A reference to a goal id that the plan does not define; holds the id.
    UnknownGoal(String),
    /// A key that names a goal the plan does not define: a weight's, or a
    /// forecast goal's; holds the id, and the id it is probably a
    /// misspelling of, if any. Removing it mends the plan.
    UnknownGoalKey(String, Option<String>),
    /// A reference to a team id that the plan does not define; holds the id.
    UnknownTeam(String),
    /// A share that is not from 0 to 1 in steps of 0.0001.
    NotAShare,
    /// The dial asks for weight on shared goals from a team that weights
    /// none; holds the team's name and, when there is one, a shared goal's.
    NoSharedWeight(String, Option<String>),
    /// The dial asks for weight on shared goals from a team that weights
    /// none, though it weights the plan's revenue goal, which no other team
    /// weights yet; holds the team's name and the goal's.
    NotSharedYet(String, String),
    /// The dial asks for weight on a team's own goals when it has none;
    /// holds the team's name.
    NoOwnWeight(String),
    /// A value outside a fixed list of choices; holds the choices.
    NotOneOf(Vec<&'static str>),
    /// A currency that is not an ISO 4217 code.
    UnknownCurrency,
    /// Money with more decimal places than the plan's currency uses.
    TooManyPlaces { decimals: u32 },
    /// Curve points whose attainments do not rise strictly.
    NotIncreasing,
    /// `beyond: "extend"` on a curve with one point or step interpolation.
    CannotExtend,
    /// A curve point that is not a pair `[attainment, factor]`.
    NotAPair,
    /// A blended team without a curve of its own.
    BlendedNeedsCurve,
    /// A curve on a team whose method is not blended.
    CurveNeedsBlended,
    /// More than 100,000 members over the whole plan.
    TooManyMembers,
    /// A money amount with more than 28 digits, too large to write.
    AmountTooLarge,
    /// A forecast's low result above its likely one.
    LowAboveLikely,
    /// A forecast's high result below its likely one.
    HighBelowLikely,
    /// A correlation outside 0 to 1.
    NotACorrelation,
    /// A revenue goal whose lower results are better: revenue is not.
    RevenueLowerIsBetter,
    /// A scenario file that opens a scenario it does not have; holds the
    /// index asked for (from 0) and how many scenarios there are.
    NoSuchScenario { asked: usize, count: usize },
    /// An edit whose path leads to no field or item of the plan (or, to
    /// insert, to no place in a list).
    NoSuchPlace,
}

impl Error {
    pub fn new(path: JsonPath, kind: ErrorKind) -> Self {
        Error { path, kind }
    }

    /// What mends the error at its path, where no field of an editor could
    /// say it: removing a key the model does not define, or a weight or
    /// forecast on a goal the plan does not have; writing a JSON number as
    /// the decimal text it reads as.
    pub fn mend(&self) -> Option<Mend<'_>> {
        match &self.kind {
            ErrorKind::UnknownField(..) | ErrorKind::UnknownGoalKey(..) => Some(Mend::Remove),
            ErrorKind::NumberNotString(Some(text)) => Some(Mend::Value(text)),
            _ => None,
        }
    }

    /// The sentence shown to the user, without the path, in the language
    /// messages are written in now.
    pub fn message(&self) -> String {
        match language::current() {
            Language::English => self.english(),
            Language::German => self.german(),
        }
    }

    fn english(&self) -> String {
        let label = label(&self.path);
        match &self.kind {
            ErrorKind::NotJson(why) => format!("The plan is not valid JSON: {why}."),
            ErrorKind::Missing => format!("{label} is required."),
            ErrorKind::UnsupportedVersion => {
                "This plan is written for another version of the plan model; Tandem reads version 1."
                    .to_owned()
            }
            ErrorKind::UnknownField(key, None) => {
                format!("“{key}” is not a field of the plan model here; check its spelling.")
            }
            ErrorKind::UnknownField(key, Some(near)) => {
                format!("“{key}” is not a field of the plan model here; did you mean “{near}”?")
            }
            ErrorKind::DuplicateKey(key) => format!("“{key}” is given twice."),
            ErrorKind::WrongType { expected, found } => {
                format!("{label} must be {expected}, not {found}.")
            }
            ErrorKind::NumberNotString(Some(text)) => format!(
                "{label} must be written as text in quotes, \"{text}\" rather than {text}: \
                 a JSON number cannot hold every decimal exactly."
            ),
            ErrorKind::NumberNotString(None) => format!(
                "{label} must be written as text in quotes, such as \"0.5\": \
                 a JSON number cannot hold every decimal exactly."
            ),
            ErrorKind::NotDecimal => format!(
                "{label} must be a plain number such as 1250.00: digits, \
                 an optional minus sign and decimal point, nothing else."
            ),
            ErrorKind::TooPrecise => {
                format!("{label} has more than 28 significant digits or decimal places.")
            }
            ErrorKind::Negative => format!("{label} cannot be negative."),
            ErrorKind::NotPositive => format!("{label} must be greater than zero."),
            ErrorKind::OutOfRange { min, max } => {
                format!("{label} must be a whole number from {min} to {max}.")
            }
            ErrorKind::TextLength { min: 0, max } => {
                format!("{label} must be at most {max} characters long.")
            }
            ErrorKind::TextLength { min, max } => {
                format!("{label} must be {min} to {max} characters long.")
            }
            ErrorKind::Blank => format!("{label} is only spaces: write a name."),
            ErrorKind::Count { min, max } => {
                format!("{label} must have {min} to {max} entries.")
            }
            ErrorKind::BadId => format!(
                "{label} must be 1 to 40 characters, each a lower-case letter, \
                 a digit, “_” or “-”."
            ),
            ErrorKind::DuplicateId(id) => format!("The id “{id}” is already used above."),
            ErrorKind::UnknownGoal(id) | ErrorKind::UnknownGoalKey(id, None) => {
                format!("There is no goal with the id “{id}”.")
            }
            ErrorKind::UnknownGoalKey(id, Some(near)) => {
                format!("There is no goal with the id “{id}”; did you mean “{near}”?")
            }
            ErrorKind::UnknownTeam(id) => format!("There is no team with the id “{id}”."),
            ErrorKind::NotAShare => format!(
                "{label} must be from 0 to 1 (0 % to 100 %) with at most 4 decimal places."
            ),
            ErrorKind::NoSharedWeight(team, Some(goal)) => format!(
                "The team “{team}” weights no shared goal: give it a weight on “{goal}” first."
            ),
            ErrorKind::NoSharedWeight(team, None) => format!(
                "The team “{team}” weights no shared goal, and no other team weights a goal it could share."
            ),
            ErrorKind::NotSharedYet(team, goal) => format!(
                "The team “{team}” weights no shared goal yet: “{goal}”, which it weights, is shared once another team weights it too."
            ),
            ErrorKind::NoOwnWeight(team) => format!(
                "The team “{team}” weights no goal of its own: give it a weight on one first."
            ),
            ErrorKind::NotOneOf(choices) => {
                let quoted: Vec<String> = choices.iter().map(|c| format!("\"{c}\"")).collect();
                format!("{label} must be one of {}.", quoted.join(", "))
            }
            ErrorKind::UnknownCurrency => format!(
                "{label} must be a three-letter ISO 4217 currency code such as USD or EUR."
            ),
            ErrorKind::TooManyPlaces { decimals } => format!(
                "{label} has more decimal places than the plan's {decimals}; \
                 money cannot be split below the currency's smallest unit."
            ),
            ErrorKind::NotIncreasing => format!(
                "{label} must be above the attainment of the point before it: \
                 a curve's attainments rise strictly."
            ),
            ErrorKind::CannotExtend => format!(
                "{label} can be \"extend\" only for a curve with two or more points \
                 and linear interpolation."
            ),
            ErrorKind::NotAPair => {
                format!("{label} must be a pair [attainment, factor], such as [\"1\", \"1\"].")
            }
            ErrorKind::BlendedNeedsCurve => {
                "A blended team needs a curve that turns its blended attainment into a payout factor."
                    .to_owned()
            }
            ErrorKind::CurveNeedsBlended => {
                "Only a blended team has a curve of its own; remove it or set the method to \"blended\"."
                    .to_owned()
            }
            ErrorKind::TooManyMembers => {
                "The plan lists more than 100,000 members in all.".to_owned()
            }
            ErrorKind::AmountTooLarge => format!(
                "{label} leads to an amount of money with more than 28 digits, \
                 too large to write; use a smaller value."
            ),
            ErrorKind::LowAboveLikely => {
                "The low result must not be above the likely one.".to_owned()
            }
            ErrorKind::HighBelowLikely => {
                "The high result must not be below the likely one.".to_owned()
            }
            ErrorKind::NotACorrelation => format!(
                "{label} must be from 0 (the goals move independently) \
                 to 1 (they all move together)."
            ),
            ErrorKind::RevenueLowerIsBetter => format!(
                "{label} must be a goal where higher is better, measured in the plan's currency: \
                 the cost of sales divides by it."
            ),
            ErrorKind::NoSuchScenario { asked, count } => format!(
                "The file opens scenario {} (“active” counts from 0), and it has {}.",
                asked + 1,
                match count {
                    1 => "one scenario".to_owned(),
                    n => format!("{n} scenarios"),
                }
            ),
            ErrorKind::NoSuchPlace => {
                "The edit leads nowhere in the plan: it has no such field or item.".to_owned()
            }
        }
    }

    fn german(&self) -> String {
        let label = german_label(&self.path);
        match &self.kind {
            ErrorKind::NotJson(why) => format!("Der Plan ist kein gültiges JSON: {why}."),
            ErrorKind::Missing => format!("{label} ist erforderlich."),
            ErrorKind::UnsupportedVersion => {
                "Dieser Plan ist für eine andere Version des Planmodells geschrieben; Tandem liest Version 1."
                    .to_owned()
            }
            ErrorKind::UnknownField(key, None) => {
                format!("„{key}“ ist hier kein Feld des Planmodells; bitte die Schreibweise prüfen.")
            }
            ErrorKind::UnknownField(key, Some(near)) => {
                format!("„{key}“ ist hier kein Feld des Planmodells; meinten Sie „{near}“?")
            }
            ErrorKind::DuplicateKey(key) => format!("„{key}“ ist doppelt angegeben."),
            ErrorKind::WrongType { expected, found } => format!(
                "{label} muss {} sein, nicht {}.",
                german_type(expected),
                german_type(found)
            ),
            ErrorKind::NumberNotString(Some(text)) => format!(
                "{label} muss als Text in Anführungszeichen stehen, \"{text}\" statt {text}: \
                 eine JSON-Zahl kann nicht jede Dezimalzahl exakt halten."
            ),
            ErrorKind::NumberNotString(None) => format!(
                "{label} muss als Text in Anführungszeichen stehen, etwa \"0.5\": \
                 eine JSON-Zahl kann nicht jede Dezimalzahl exakt halten."
            ),
            ErrorKind::NotDecimal => format!(
                "{label} muss eine einfache Zahl wie 1250.00 sein: Ziffern, \
                 wahlweise ein Minuszeichen und ein Dezimalpunkt, sonst nichts."
            ),
            ErrorKind::TooPrecise => {
                format!("{label} hat mehr als 28 signifikante Stellen oder Nachkommastellen.")
            }
            ErrorKind::Negative => format!("{label} darf nicht negativ sein."),
            ErrorKind::NotPositive => format!("{label} muss größer als null sein."),
            ErrorKind::OutOfRange { min, max } => {
                format!("{label} muss eine ganze Zahl von {min} bis {max} sein.")
            }
            ErrorKind::TextLength { min: 0, max } => {
                format!("{label} darf höchstens {max} Zeichen lang sein.")
            }
            ErrorKind::TextLength { min, max } => {
                format!("{label} muss {min} bis {max} Zeichen lang sein.")
            }
            ErrorKind::Blank => format!("{label} besteht nur aus Leerzeichen: Bitte einen Namen schreiben."),
            ErrorKind::Count { min, max } => {
                format!("{label} muss {min} bis {max} Einträge haben.")
            }
            ErrorKind::BadId => format!(
                "{label} muss 1 bis 40 Zeichen lang sein, jedes ein Kleinbuchstabe, \
                 eine Ziffer, „_“ oder „-“."
            ),
            ErrorKind::DuplicateId(id) => {
                format!("Die ID „{id}“ wird weiter oben bereits verwendet.")
            }
            ErrorKind::UnknownGoal(id) | ErrorKind::UnknownGoalKey(id, None) => {
                format!("Es gibt kein Ziel mit der ID „{id}“.")
            }
            ErrorKind::UnknownGoalKey(id, Some(near)) => {
                format!("Es gibt kein Ziel mit der ID „{id}“; meinten Sie „{near}“?")
            }
            ErrorKind::UnknownTeam(id) => format!("Es gibt kein Team mit der ID „{id}“."),
            ErrorKind::NotAShare => format!(
                "{label} muss zwischen 0 und 1 liegen (0 % bis 100 %), mit höchstens 4 Nachkommastellen."
            ),
            ErrorKind::NoSharedWeight(team, Some(goal)) => format!(
                "Das Team „{team}“ gewichtet kein gemeinsames Ziel: Geben Sie ihm zuerst eine Gewichtung auf „{goal}“."
            ),
            ErrorKind::NoSharedWeight(team, None) => format!(
                "Das Team „{team}“ gewichtet kein gemeinsames Ziel, und kein anderes Team gewichtet ein Ziel, das es teilen könnte."
            ),
            ErrorKind::NotSharedYet(team, goal) => format!(
                "Das Team „{team}“ gewichtet noch kein gemeinsames Ziel: „{goal}“, das es gewichtet, wird gemeinsam, sobald ein anderes Team es ebenfalls gewichtet."
            ),
            ErrorKind::NoOwnWeight(team) => format!(
                "Das Team „{team}“ gewichtet kein eigenes Ziel: Geben Sie ihm zuerst eine Gewichtung auf eines seiner eigenen Ziele."
            ),
            ErrorKind::NotOneOf(choices) => {
                let quoted: Vec<String> = choices.iter().map(|c| format!("\"{c}\"")).collect();
                format!("{label} muss einer dieser Werte sein: {}.", quoted.join(", "))
            }
            ErrorKind::UnknownCurrency => format!(
                "{label} muss ein dreistelliger Währungscode nach ISO 4217 sein, etwa USD oder EUR."
            ),
            ErrorKind::TooManyPlaces { decimals } => format!(
                "{label} hat mehr Nachkommastellen als die {decimals} des Plans; \
                 Geld lässt sich nicht unter die kleinste Einheit der Währung teilen."
            ),
            ErrorKind::NotIncreasing => format!(
                "{label} muss über der Zielerreichung des vorigen Stützpunkts liegen: \
                 die Zielerreichungen einer Kurve steigen streng."
            ),
            ErrorKind::CannotExtend => format!(
                "{label} kann nur bei einer Kurve mit zwei oder mehr Stützpunkten \
                 und linearer Interpolation \"extend\" sein."
            ),
            ErrorKind::NotAPair => format!(
                "{label} muss ein Paar [Zielerreichung, Faktor] sein, etwa [\"1\", \"1\"]."
            ),
            ErrorKind::BlendedNeedsCurve => {
                "Ein gemischtes Team braucht eine Kurve, die seine gemischte Zielerreichung in einen Auszahlungsfaktor umsetzt."
                    .to_owned()
            }
            ErrorKind::CurveNeedsBlended => {
                "Nur ein gemischtes Team hat eine eigene Kurve; entfernen Sie sie oder stellen Sie die Methode auf \"blended\"."
                    .to_owned()
            }
            ErrorKind::TooManyMembers => {
                "Der Plan führt insgesamt mehr als 100.000 Mitarbeitende.".to_owned()
            }
            ErrorKind::AmountTooLarge => format!(
                "{label} führt zu einem Geldbetrag mit mehr als 28 Stellen, \
                 zu groß zum Schreiben; bitte einen kleineren Wert verwenden."
            ),
            ErrorKind::LowAboveLikely => {
                "Das niedrige Ergebnis darf nicht über dem wahrscheinlichen liegen.".to_owned()
            }
            ErrorKind::HighBelowLikely => {
                "Das hohe Ergebnis darf nicht unter dem wahrscheinlichen liegen.".to_owned()
            }
            ErrorKind::NotACorrelation => format!(
                "{label} muss zwischen 0 (die Ziele bewegen sich unabhängig) \
                 und 1 (sie bewegen sich alle gemeinsam) liegen."
            ),
            ErrorKind::RevenueLowerIsBetter => format!(
                "{label} muss ein Ziel sein, bei dem mehr besser ist, gemessen in der Währung des Plans: \
                 die Vertriebskostenquote teilt durch es."
            ),
            ErrorKind::NoSuchScenario { asked, count } => format!(
                "Die Datei öffnet Szenario {} („active“ zählt ab 0), und sie hat {}.",
                asked + 1,
                match count {
                    1 => "ein Szenario".to_owned(),
                    n => format!("{n} Szenarien"),
                }
            ),
            ErrorKind::NoSuchPlace => {
                "Die Änderung führt ins Leere: Der Plan hat kein solches Feld und keinen solchen Eintrag."
                    .to_owned()
            }
        }
    }
}

/// A JSON type as the English messages name it ("a string"), in German.
fn german_type(english: &str) -> &str {
    match english {
        "null" => "null",
        "true or false" => "true oder false",
        "a number" => "eine Zahl",
        "text" => "Text",
        "a list" => "eine Liste",
        "an object" => "ein Objekt",
        "a decimal in quotes such as \"0.5\"" => {
            "eine Dezimalzahl in Anführungszeichen wie \"0.5\""
        }
        "a goal id in quotes" => "eine Ziel-ID in Anführungszeichen",
        "a list [ … ]" => "eine Liste [ … ]",
        "a team id in quotes" => "eine Team-ID in Anführungszeichen",
        "a whole number" => "eine ganze Zahl",
        "an object { … }" => "ein Objekt { … }",
        "text in quotes" => "Text in Anführungszeichen",
        other => other,
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_root() {
            f.write_str(&self.message())
        } else {
            write!(f, "{}: {}", self.path, self.message())
        }
    }
}

impl std::error::Error for Error {}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mend = self.mend();
        let mut s = serializer.serialize_struct("Error", 3 + usize::from(mend.is_some()))?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("at", self.path.steps())?;
        s.serialize_field("message", &self.message())?;
        if let Some(mend) = mend {
            s.serialize_field("mend", &mend)?;
        }
        s.end()
    }
}

/// What mends an error (`Error::mend`): written `{ "remove": true }` or
/// `{ "value": "1850000" }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mend<'a> {
    /// Remove the key at the error's path.
    Remove,
    /// Write this text at the error's path.
    Value(&'a str),
}

impl Serialize for Mend<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Mend", 1)?;
        match self {
            Mend::Remove => s.serialize_field("remove", &true)?,
            Mend::Value(text) => s.serialize_field("value", text)?,
        }
        s.end()
    }
}

/// Every error of an invalid plan, in the order of the fields they are about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Errors(pub Vec<Error>);

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_lines(f, &self.0)
    }
}

/// Writes each item on a line of its own.
pub(crate) fn write_lines<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str("\n")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

impl std::error::Error for Errors {}

impl From<Error> for Errors {
    fn from(error: Error) -> Self {
        Errors(vec![error])
    }
}

/// The field a path points at, in words: `teams[0].targetIncentive` is
/// "Target incentive", `teams[0].weights.revenue` is "The weight on goal “revenue”".
fn label(path: &JsonPath) -> String {
    label_in(path, &ENGLISH)
}

/// The field a path points at, in German words.
fn german_label(path: &JsonPath) -> String {
    label_in(path, &GERMAN)
}

fn label_in(path: &JsonPath, words: &Labels) -> String {
    let steps = path.steps();
    let (last, parent) = match steps {
        [.., parent, last] => (Some(last), Some(parent)),
        [last] => (Some(last), None),
        [] => (None, None),
    };
    let last = match (last, parent) {
        (Some(Step::Key(goal)), Some(Step::Key(weights))) if weights == "weights" => {
            return (words.weight)(goal);
        }
        (Some(Step::Key(goals)), Some(Step::Key(forecast)))
            if goals == "goals" && forecast == "forecast" =>
        {
            return words.forecast_goals.to_owned();
        }
        // A point is a pair [attainment, factor], named by its number: a
        // curve's points are typed in one field, and the message says which.
        (Some(Step::Index(0)), Some(Step::Index(point))) => return (words.attainment)(point + 1),
        (Some(Step::Index(_)), Some(Step::Index(point))) => return (words.factor)(point + 1),
        (Some(Step::Index(index)), list) => {
            let list = match list {
                Some(Step::Key(list)) => list.as_str(),
                _ => "",
            };
            let item = words
                .items
                .iter()
                .find(|(key, _)| *key == list)
                .map_or(words.entry, |(_, item)| item);
            return format!("{item} {}", index + 1);
        }
        (Some(Step::Key(key)), _) => key.as_str(),
        (None, _) => "",
    };
    match words.fields.iter().find(|(key, _)| *key == last) {
        Some((_, word)) => (*word).to_owned(),
        None => (words.unknown)(last),
    }
}

/// The words a label is made of, in one language.
struct Labels {
    /// "The weight on goal “revenue”".
    weight: fn(&str) -> String,
    forecast_goals: &'static str,
    /// "Point 2's attainment".
    attainment: fn(usize) -> String,
    factor: fn(usize) -> String,
    /// An item of a list by the list's key: "Goal" for `goals[0]`.
    items: &'static [(&'static str, &'static str)],
    /// An item of any other list.
    entry: &'static str,
    /// A field by its key; `""` is the plan as a whole.
    fields: &'static [(&'static str, &'static str)],
    /// A key the model does not define, quoted.
    unknown: fn(&str) -> String,
}

const ENGLISH: Labels = Labels {
    weight: |goal| format!("The weight on goal “{goal}”"),
    forecast_goals: "The forecast's goals",
    attainment: |point| format!("Point {point}'s attainment"),
    factor: |point| format!("Point {point}'s factor"),
    items: &[
        ("goals", "Goal"),
        ("teams", "Team"),
        ("members", "Member"),
        ("modifiers", "Modifier"),
        ("points", "Point"),
    ],
    entry: "Entry",
    fields: &[
        ("", "The plan"),
        ("version", "Version"),
        ("name", "Name"),
        ("currency", "Currency"),
        ("decimals", "Decimals"),
        ("rounding", "Rounding"),
        ("goals", "The list of goals"),
        ("teams", "The list of teams"),
        ("id", "Id"),
        ("target", "Target"),
        ("actual", "Actual result"),
        ("direction", "Direction"),
        ("curve", "Curve"),
        ("gate", "Gate"),
        ("goal", "Goal"),
        ("min", "The gate's minimum attainment"),
        ("points", "The curve's points"),
        ("interpolation", "Interpolation"),
        ("beyond", "Beyond"),
        ("targetIncentive", "Target incentive"),
        ("weights", "Weights"),
        ("method", "Method"),
        ("modifiers", "Modifiers"),
        ("cap", "Cap"),
        ("members", "Members"),
        ("share", "Share"),
        ("from", "From"),
        ("to", "To"),
        ("steps", "Steps"),
        ("team", "Team"),
        ("payout", "Payout"),
        ("forecast", "Forecast"),
        ("low", "Low result"),
        ("likely", "Likely result"),
        ("high", "High result"),
        ("correlation", "Correlation"),
        ("trials", "Trials"),
        ("seed", "Seed"),
        ("budget", "Budget"),
        ("base", "Base salary"),
        ("revenueGoal", "Revenue goal"),
        ("tandemScenarios", "The scenario file's version"),
        ("active", "The active scenario"),
        ("scenarios", "The list of scenarios"),
        ("plan", "The scenario's plan"),
        ("ownResults", "Own results"),
    ],
    unknown: |key| format!("“{key}”"),
};

const GERMAN: Labels = Labels {
    weight: |goal| format!("Die Gewichtung auf Ziel „{goal}“"),
    forecast_goals: "Die Liste der Prognoseziele",
    attainment: |point| format!("Die Zielerreichung von Stützpunkt {point}"),
    factor: |point| format!("Der Faktor von Stützpunkt {point}"),
    items: &[
        ("goals", "Ziel"),
        ("teams", "Team"),
        ("members", "Person"),
        ("modifiers", "Modifikator"),
        ("points", "Stützpunkt"),
    ],
    entry: "Eintrag",
    fields: &[
        ("", "Der Plan"),
        ("version", "Die Version"),
        ("name", "Der Name"),
        ("currency", "Die Währung"),
        ("decimals", "Die Zahl der Nachkommastellen"),
        ("rounding", "Die Rundung"),
        ("goals", "Die Liste der Ziele"),
        ("teams", "Die Liste der Teams"),
        ("id", "Die ID"),
        ("target", "Der Zielwert"),
        ("actual", "Der Ist-Wert"),
        ("direction", "Die Richtung"),
        ("curve", "Die Kurve"),
        ("gate", "Die Hürde"),
        ("goal", "Das Ziel"),
        ("min", "Die Mindest-Zielerreichung der Hürde"),
        ("points", "Die Liste der Stützpunkte"),
        ("interpolation", "Die Interpolation"),
        ("beyond", "Der Verlauf nach dem letzten Stützpunkt"),
        ("targetIncentive", "Die Zielprämie"),
        ("weights", "Die Gewichtung"),
        ("method", "Die Methode"),
        ("modifiers", "Die Liste der Modifikatoren"),
        ("cap", "Die Deckelung"),
        ("members", "Die Liste der Mitarbeitenden"),
        ("share", "Der Anteil"),
        ("from", "Der Startwert"),
        ("to", "Der Endwert"),
        ("steps", "Die Zahl der Schritte"),
        ("team", "Das Team"),
        ("payout", "Die Auszahlung"),
        ("forecast", "Die Prognose"),
        ("low", "Das niedrige Ergebnis"),
        ("likely", "Das wahrscheinliche Ergebnis"),
        ("high", "Das hohe Ergebnis"),
        ("correlation", "Die Korrelation"),
        ("trials", "Die Zahl der Simulationsläufe"),
        ("seed", "Der Startwert des Zufallsgenerators"),
        ("budget", "Das Budget"),
        ("base", "Das Grundgehalt"),
        ("revenueGoal", "Das Umsatzziel"),
        ("tandemScenarios", "Die Version der Szenariodatei"),
        ("active", "Das aktive Szenario"),
        ("scenarios", "Die Liste der Szenarien"),
        ("plan", "Der Plan des Szenarios"),
        ("ownResults", "Die Einstellung „Eigene Ergebnisse“"),
    ],
    unknown: |key| format!("„{key}“"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_the_field_in_words() {
        let root = JsonPath::root;
        let point = |i, j| {
            root()
                .key("goals")
                .index(0)
                .key("curve")
                .key("points")
                .index(i)
                .index(j)
        };
        let cases = [
            (root().key("goals").index(1).key("target"), "Target"),
            (
                root().key("teams").index(0).key("weights").key("revenue"),
                "The weight on goal “revenue”",
            ),
            (
                root().key("teams").index(0).key("targetIncentive"),
                "Target incentive",
            ),
            (point(2, 0), "Point 3's attainment"),
            (point(2, 1), "Point 3's factor"),
            (
                root()
                    .key("goals")
                    .index(0)
                    .key("curve")
                    .key("points")
                    .index(2),
                "Point 3",
            ),
            (root().key("teams").index(3), "Team 4"),
            (root(), "The plan"),
        ];
        for (path, expected) in cases {
            assert_eq!(label(&path), expected, "{path}");
        }
    }

    #[test]
    fn display_is_path_then_sentence() {
        let path = JsonPath::root().key("goals").index(1).key("target");
        let error = Error::new(path, ErrorKind::NotPositive);
        assert_eq!(
            error.to_string(),
            "goals[1].target: Target must be greater than zero."
        );
    }

    /// Every message in German names its field in German, for a page whose
    /// words are German; the English stays as it was.
    #[test]
    fn german_messages_name_the_field_in_german() {
        let weight = JsonPath::root()
            .key("teams")
            .index(0)
            .key("weights")
            .key("revenue");
        let target = JsonPath::root().key("goals").index(1).key("target");
        let cases = [
            (
                Error::new(target.clone(), ErrorKind::NotPositive),
                "Der Zielwert muss größer als null sein.",
            ),
            (
                Error::new(weight, ErrorKind::NotAShare),
                "Die Gewichtung auf Ziel „revenue“ muss zwischen 0 und 1 liegen (0 % bis 100 %), mit höchstens 4 Nachkommastellen.",
            ),
            (
                Error::new(
                    JsonPath::root().key("goals").index(0),
                    ErrorKind::WrongType {
                        expected: "an object { … }",
                        found: "a list",
                    },
                ),
                "Ziel 1 muss ein Objekt { … } sein, nicht eine Liste.",
            ),
            (
                Error::new(
                    JsonPath::root().key("active"),
                    ErrorKind::NoSuchScenario { asked: 2, count: 1 },
                ),
                "Die Datei öffnet Szenario 3 („active“ zählt ab 0), und sie hat ein Szenario.",
            ),
        ];
        crate::set_language(Language::German);
        let german: Vec<String> = cases.iter().map(|(e, _)| e.message()).collect();
        crate::set_language(Language::English);
        for ((error, expected), said) in cases.iter().zip(german) {
            assert_eq!(said, *expected);
            assert_ne!(error.message(), said, "English stays English");
        }
    }

    /// Every type an error can name has German words.
    #[test]
    fn every_type_named_has_german_words() {
        use crate::json::Json;
        let json = [
            Json::Null,
            Json::Bool(true),
            Json::Number("1".into()),
            Json::String("".into()),
            Json::Array(Vec::new()),
            Json::Object(Vec::new()),
        ];
        let named = json.iter().map(Json::kind).chain([
            "a decimal in quotes such as \"0.5\"",
            "a goal id in quotes",
            "a list [ … ]",
            "a team id in quotes",
            "a whole number",
            "an object { … }",
            "text in quotes",
        ]);
        for english in named {
            let german = german_type(english);
            assert!(german != english || english == "null", "{english}");
        }
    }
}
