//! The language messages are written in: English, or German for a page
//! that speaks German. The CLI writes English; the Wasm module writes in
//! the language its page last asked for (`setLanguage`), so that an error
//! by a field reads in the language of the words around it.
//!
//! Messages are written when they are shown (an error's and a warning's at
//! serialization), so a result kept from an earlier call reads in the
//! language asked for now.

use std::cell::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    English,
    German,
}

impl Language {
    /// The language of a BCP 47 tag's words: German for `de` and `de-…`, else English.
    pub fn of_tag(tag: &str) -> Language {
        let language = tag.split(['-', '_']).next().unwrap_or_default();
        if language.eq_ignore_ascii_case("de") {
            Language::German
        } else {
            Language::English
        }
    }
}

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
}

/// The language messages are written in now.
pub fn current() -> Language {
    CURRENT.with(Cell::get)
}

/// Writes messages in `language` from now on.
pub fn set(language: Language) {
    CURRENT.with(|c| c.set(language));
}

/// `english` or `german`, whichever the messages are written in now.
pub fn pick<T>(english: T, german: T) -> T {
    match current() {
        Language::English => english,
        Language::German => german,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_speaks_german_only_for_de() {
        for (tag, language) in [
            ("de", Language::German),
            ("de-DE", Language::German),
            ("DE-at", Language::German),
            ("de_CH", Language::German),
            ("en-US", Language::English),
            ("fr-FR", Language::English),
            ("dea", Language::English),
            ("", Language::English),
        ] {
            assert_eq!(Language::of_tag(tag), language, "{tag}");
        }
    }
}
