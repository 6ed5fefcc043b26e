//! Ids as the model writes them (`[a-z0-9_-]{1,40}`, unique in their
//! list): the rule the plan's reader checks, and the ids the page gives the
//! goals and teams added in it, made here so that the syntax is written
//! once.

/// The most characters in an id.
pub const MAX_ID: usize = 40;

/// The most characters of an id made from a name, leaving room for a
/// number after it ("-2" to "-99999") within `MAX_ID`.
const MAX_BASE: usize = 34;

/// Whether `id` is written as the model writes ids.
pub fn is_id(id: &str) -> bool {
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-';
    !id.is_empty() && id.len() <= MAX_ID && id.bytes().all(allowed)
}

/// An id for something called `name`, not in `taken`: "Sales EMEA" is
/// "sales-emea", then "sales-emea-2" if that is taken. Its letters and
/// digits, lower-cased; a run of anything else is one hyphen, and none
/// starts or ends it; combining marks are left out, so that a name the
/// page has decomposed (Unicode NFKD, JavaScript's `normalize`) keeps its
/// letters: "Que\u{301}bec" is "quebec". At most 34 characters; `fallback`
/// when the name has no letter or digit of a-z and 0-9.
pub fn id_for(name: &str, fallback: &str, taken: &[String]) -> String {
    let mut base = String::new();
    let mut gap = false;
    // ASCII lower-casing is enough: a letter that lower-cases into a-z
    // decomposes into one ("É" is "E" and a mark; "İ" is "I" and a dot).
    for c in name.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if gap && !base.is_empty() {
                base.push('-');
            }
            gap = false;
            base.push(c);
        } else if !('\u{300}'..='\u{36f}').contains(&c) {
            gap = true;
        }
    }
    base.truncate(MAX_BASE);
    let base = match base.trim_end_matches('-') {
        "" => fallback,
        trimmed => trimmed,
    };
    numbered(base, taken)
}

/// A fresh id `prefix-n` not in `taken`, counting from one more than the
/// list holds: the third goal added is "goal-3".
pub fn fresh_id(prefix: &str, taken: &[String]) -> String {
    (taken.len() + 1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

/// `base` when it is free, else the first of `base-2`, `base-3`, … that is.
fn numbered(base: &str, taken: &[String]) -> String {
    if !taken.iter().any(|id| id == base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taken(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| (*id).to_owned()).collect()
    }

    /// Each worked by hand from the rule.
    #[test]
    fn ids_follow_names() {
        let none = taken(&[]);
        for (name, id) in [
            ("Sales EMEA", "sales-emea"),
            ("  Sales -- EMEA!  ", "sales-emea"),
            ("Que\u{301}bec", "quebec"),
            ("E\u{301}TATS", "etats"),
            ("Québec", "qu-bec"),
            ("Team 2", "team-2"),
            ("R&D / Ops", "r-d-ops"),
            ("売上", "team"),
            ("", "team"),
            ("A_B", "a-b"),
            // 40 letters: cut to 34, and a cut that ends in a hyphen loses it.
            (
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmn",
                "abcdefghijklmnopqrstuvwxyzabcdefgh",
            ),
            (
                "abcdefghijklmnopqrstuvwxyzabcdefgh ijk",
                "abcdefghijklmnopqrstuvwxyzabcdefgh",
            ),
            (
                "abcdefghijklmnopqrstuvwxyzabcdefg hijk",
                "abcdefghijklmnopqrstuvwxyzabcdefg",
            ),
        ] {
            let made = id_for(name, "team", &none);
            assert_eq!(made, id, "{name:?}");
            assert!(is_id(&made), "{made}");
        }
        let some = taken(&["sales", "sales-2", "goal-3"]);
        assert_eq!(id_for("Sales", "team", &some), "sales-3");
        assert_eq!(id_for("Marketing", "team", &some), "marketing");
        assert_eq!(fresh_id("goal", &some), "goal-4");
        assert_eq!(fresh_id("goal", &taken(&["goal-2", "x"])), "goal-3");
        assert_eq!(fresh_id("goal", &taken(&["a", "goal-3"])), "goal-4");
    }

    #[test]
    fn ids_are_checked_by_the_models_syntax() {
        for id in ["a", "sales-emea", "team_2", &"x".repeat(40)] {
            assert!(is_id(id), "{id}");
        }
        for id in ["", "Sales", "sales emea", "é", &"x".repeat(41)] {
            assert!(!is_id(id), "{id}");
        }
    }
}
