//! JSON paths such as `teams[0].weights.revenue`, built as a chain of
//! borrowed links and written out only when an error needs one: validating a
//! plan with 10,000 members makes no path strings at all when it is valid.

use std::fmt;

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

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
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
            weights.key("revenue").to_string(),
            "teams[0].weights.revenue"
        );
        assert_eq!(root.to_string(), "");
        let goals = root.key("goals");
        let goal = goals.index(2);
        let curve = goal.key("curve");
        let points = curve.key("points");
        assert_eq!(
            points.index(1).index(0).to_string(),
            "goals[2].curve.points[1][0]"
        );
    }
}
