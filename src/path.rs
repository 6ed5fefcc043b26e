//! JSON paths such as `teams[0].weights.revenue`. While a plan is read,
//! a path is a chain of borrowed links (`Path`), so that validating a plan
//! with 10,000 members builds no paths at all when it is valid; an error
//! keeps its path as a value (`JsonPath`, a list of keys and indices) that is
//! written out as text only at the edge.

use std::fmt;

use serde::{Serialize, Serializer};

/// Where a value sits in the plan.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Path<'a> {
    /// The plan itself.
    Root,
    /// A field of the object at the parent path.
    Key(&'a Path<'a>, &'a str),
    /// An item of the list at the parent path.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub(crate) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    pub(crate) fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }
}

impl Path<'_> {
    /// The path as a value of its own.
    pub(crate) fn to_json_path(self) -> JsonPath {
        match self {
            Path::Root => JsonPath::root(),
            Path::Key(parent, key) => parent.to_json_path().key(key),
            Path::Index(parent, index) => parent.to_json_path().index(index),
        }
    }
}

/// Where a value sits in a plan: the keys and indices from its root.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonPath(Vec<Step>);

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A field of an object.
    Key(String),
    /// An item of a list.
    Index(usize),
}

impl JsonPath {
    /// The plan itself.
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }

    /// The field `key` of the object here.
    #[must_use]
    pub fn key(mut self, key: &str) -> JsonPath {
        self.0.push(Step::Key(key.to_owned()));
        self
    }

    /// Item `index` of the list here.
    #[must_use]
    pub fn index(mut self, index: usize) -> JsonPath {
        self.0.push(Step::Index(index));
        self
    }

    /// The steps from the root.
    pub fn steps(&self) -> &[Step] {
        &self.0
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Vec<Step>> for JsonPath {
    fn from(steps: Vec<Step>) -> Self {
        JsonPath(steps)
    }
}

/// `teams[0].weights.revenue`, as the plan model writes paths; empty for the root.
impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if i == 0 => f.write_str(key)?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// A step as JSON: a key as text, an index as a number.
impl Serialize for Step {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Step::Key(key) => serializer.serialize_str(key),
            Step::Index(index) => serializer.serialize_u64(*index as u64),
        }
    }
}

impl Serialize for JsonPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Compares with the written form, so that tests can say
/// `assert_eq!(error.path, "goals[0].target")`.
impl PartialEq<&str> for JsonPath {
    fn eq(&self, other: &&str) -> bool {
        let written = self.to_string();
        written == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_paths_as_the_model_does() {
        let root = Path::Root;
        let teams = root.key("teams");
        let team = teams.index(0);
        let weights = team.key("weights");
        assert_eq!(
            weights.key("revenue").to_json_path().to_string(),
            "teams[0].weights.revenue"
        );
        assert_eq!(root.to_json_path().to_string(), "");
        let goals = root.key("goals");
        let goal = goals.index(2);
        let curve = goal.key("curve");
        let points = curve.key("points");
        assert_eq!(
            points.index(1).index(0).to_json_path().to_string(),
            "goals[2].curve.points[1][0]"
        );
        let owned = JsonPath::root().key("teams").index(0).key("weights");
        assert_eq!(owned, weights.to_json_path());
        assert_eq!(JsonPath::root().to_string(), "");
    }
}
