//! The plan model's fixed choices (rounding, direction, method,
//! interpolation, beyond), each with one table of its names: read from
//! plans, written in results, put into words in the text statement and
//! checked against the TypeScript types (by the tests in `plan.rs`, which
//! imports every choice).

use serde::{Serialize, Serializer};

/// A choice the plan model writes as one of a fixed set of names.
pub trait Named: Copy + PartialEq + 'static {
    /// Every value, with its name in plans and results and its words in a
    /// statement, in the model's order.
    const TABLE: &'static [(Self, &'static str, &'static str)];

    /// The name in plans and results: `"halfUp"`.
    fn name(self) -> &'static str {
        Self::TABLE
            .iter()
            .find(|(value, _, _)| *value == self)
            .map_or("", |(_, name, _)| name)
    }

    /// The words in a statement: "half up".
    fn words(self) -> &'static str {
        Self::TABLE
            .iter()
            .find(|(value, _, _)| *value == self)
            .map_or("", |(_, _, words)| words)
    }

    /// The value with this name, if any.
    fn from_name(name: &str) -> Option<Self> {
        Self::TABLE
            .iter()
            .find(|(_, known, _)| *known == name)
            .map(|(value, _, _)| *value)
    }

    /// Every name, for an error that lists them.
    fn names() -> Vec<&'static str> {
        Self::TABLE.iter().map(|(_, name, _)| *name).collect()
    }
}

/// Writes a choice as its name.
pub fn serialize_name<T: Named, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    value.name().serialize(serializer)
}
