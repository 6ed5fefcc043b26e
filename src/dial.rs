//! The shared-stake dial: how much of a team's weight rides on shared goals
//! (goals another team weights too) against its own, set as one number.
//!
//! Moving the dial to X puts X of the team's total weight on its shared
//! goals and the rest on its own, keeping the proportions within each group
//! as they were when the drag began. Weights move in whole units (0.0001,
//! or finer when the weights already are) split by largest remainder, ties
//! to the goal listed first, so the total never drifts and X is met exactly.

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::allocate::largest_remainder;
use crate::error::{Error, ErrorKind, Errors};
use crate::exact::Exact;
use crate::json::Json;
use crate::natural::Natural;
use crate::path::{JsonPath, Path};
use crate::plan::Plan;
use crate::reader::Reader;

/// Which team, where to set the dial, and the weights the drag began from.
#[derive(Debug, Clone, PartialEq)]
pub struct DialOptions {
    team: usize,
    /// The fraction of the team's total weight to put on shared goals, in
    /// steps of 0.0001.
    share: Decimal,
    /// The weights when the drag began, in goal order (`None` for a goal the
    /// team does not list); the plan's own when not given.
    from: Vec<Option<Decimal>>,
}

/// The team's weights after the dial moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dialed {
    /// Every goal the team weights, in goal order: its id and the weight as
    /// decimal text. Written as a JSON object, as a plan's weights are.
    #[serde(serialize_with = "as_object")]
    pub weights: Vec<(String, String)>,
}

/// Pairs written as one JSON object, without building a map first.
fn as_object<S: Serializer>(pairs: &[(String, String)], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

impl DialOptions {
    /// Reads `{ team, share, from? }`: a team id, a share from 0 to 1 with
    /// at most 4 places, and optionally the team's weights (goal id →
    /// decimal) when the drag began.
    pub fn from_json(plan: &Plan, json: &Json) -> Result<DialOptions, Errors> {
        let mut reader = Reader::default();
        let options = read(&mut reader, plan, json);
        reader.finish(options)
    }
}

fn read(reader: &mut Reader, plan: &Plan, json: &Json) -> Option<DialOptions> {
    let root = Path::Root;
    let entries = reader.object(&root, json, Some(&["team", "share", "from"]))?;
    let team = reader.required(&root, entries, "team", |r, p, t| r.team_ref(p, t, plan));
    let share = reader.required(&root, entries, "share", |r, p, json| {
        let share = r.at_least_zero(p, json)?;
        if share > Decimal::ONE || share.normalize().scale() > 4 {
            r.error(p, ErrorKind::NotAShare);
            return None;
        }
        Some(share)
    });
    let from = reader.optional(&root, entries, "from", |r, p, json| {
        let entries = r.object(p, json, None)?;
        let mut weights = vec![None; plan.goals.len()];
        let mut valid = true;
        for (id, value) in entries {
            let path = p.key(id);
            let goal = plan.goals.iter().position(|g| g.id == *id);
            let weight = r.at_least_zero(&path, value);
            match (goal, weight) {
                (Some(g), Some(w)) => weights[g] = Some(w),
                (None, _) => {
                    r.error(&path, ErrorKind::UnknownGoal(id.to_string()));
                    valid = false;
                }
                _ => valid = false,
            }
        }
        valid.then_some(weights)
    });
    let team = team?;
    let from = match from? {
        Some(weights) => weights,
        None => plan.teams[team]
            .weight_decimals()
            .into_iter()
            .map(|w| (!w.is_zero()).then_some(w))
            .collect(),
    };
    Some(DialOptions {
        team,
        share: share?,
        from,
    })
}

/// The team's weights with `options.share` of their total on shared goals.
/// An error (at `share`) when that needs a group the team has no weight in.
pub fn dial(plan: &Plan, options: &DialOptions) -> Result<Dialed, Errors> {
    let t = options.team;
    let team = &plan.teams[t];
    let from: Vec<Decimal> = options.from.iter().map(|w| w.unwrap_or_default()).collect();
    let listed = |g: usize| options.from[g].is_some();
    // Shared: another team weights the goal too.
    let shared: Vec<bool> = (0..plan.goals.len())
        .map(|g| {
            let mut others = plan.teams.iter().enumerate().filter(|(u, _)| *u != t);
            others.any(|(_, other)| other.weights[g] > Exact::ZERO)
        })
        .collect();
    // A group is the goals of its kind the team weights; with none weighted
    // yet, the ones it lists at 0, to be given equal parts (so that a team
    // listing New ARR at 0 % can dial its way onto it). A team that lists no
    // shared goal at all (a siloed plan's) dials onto the plan's revenue
    // goal when another team weights it: the goal a shared plan shares
    // (found by a fresh look: from "Siloed" the dial was closed, though its
    // weights looked like those of "The dial", whose 0 % is written).
    let in_group = |want_shared: bool| -> (Vec<usize>, bool) {
        let of_kind = |g: &usize| shared[*g] == want_shared;
        let weighted: Vec<usize> = (0..plan.goals.len())
            .filter(of_kind)
            .filter(|&g| from[g] > Decimal::ZERO)
            .collect();
        if !weighted.is_empty() {
            return (weighted, false);
        }
        let zeros: Vec<usize> = (0..plan.goals.len())
            .filter(of_kind)
            .filter(|&g| listed(g))
            .collect();
        let revenue = plan.revenue_goal.filter(|&r| want_shared && shared[r]);
        match revenue {
            Some(r) if zeros.is_empty() => (vec![r], true),
            _ => (zeros, true),
        }
    };
    let ((shared_goals, shared_equal), (own_goals, own_equal)) = (in_group(true), in_group(false));
    let share_path = || JsonPath::root().key("share");
    if options.share > Decimal::ZERO && shared_goals.is_empty() {
        // The plan's revenue goal, which the team weights and no other team
        // yet (Siloed's Sales): said before any goal of another team's
        // (found by a fresh look: "give it a weight on Marketing-sourced
        // pipeline" read oddly of Sales).
        let unshared = plan
            .revenue_goal
            .filter(|&r| from[r] > Decimal::ZERO && !shared[r]);
        let kind = match unshared {
            Some(r) => ErrorKind::NotSharedYet(team.name.clone(), plan.goals[r].name.clone()),
            None => {
                let hint = shared
                    .iter()
                    .position(|&s| s)
                    .map(|g| plan.goals[g].name.clone());
                ErrorKind::NoSharedWeight(team.name.clone(), hint)
            }
        };
        return Err(Error::new(share_path(), kind).into());
    }
    if options.share < Decimal::ONE && own_goals.is_empty() {
        return Err(Error::new(share_path(), ErrorKind::NoOwnWeight(team.name.clone())).into());
    }

    // Whole units of 10^-places: hundredths of a point (0.0001) unless a
    // weight or the shared group's total, share × total, needs finer ones
    // to be whole; no finer than that (found by a fresh look: weights adding
    // up to 112 % were dialled to 90.3226 and 21.6774, not 90.32 and 21.68).
    let total: Decimal = from.iter().sum();
    // share × total has at most 4 more places than the total.
    let shared_places = options
        .share
        .checked_mul(total)
        .map_or(4 + total.normalize().scale(), |s| s.normalize().scale());
    let places = from
        .iter()
        .map(|w| w.normalize().scale())
        .chain([4, shared_places])
        .max()
        .unwrap_or(4);
    // `value` in units of 10^-`at` (weights are ≥ 0, at most `at` places).
    let units_at = |value: Decimal, at: u32| -> Natural {
        let value = value.normalize();
        let mantissa = Natural::from_u128(value.mantissa().unsigned_abs());
        mantissa.mul(&Natural::power_of_ten(at.saturating_sub(value.scale())))
    };
    let units = |value: Decimal| units_at(value, places);
    let total_units = units(total);
    // share × total, exactly: `places` leaves room for its places.
    let shared_units = units_at(options.share, 4)
        .mul(&total_units)
        .div_rem(&Natural::power_of_ten(4))
        .map(|(whole, _)| whole)
        .unwrap_or_default();
    let own_units = total_units.sub(&shared_units);

    let mut weights: Vec<Option<Natural>> = vec![None; plan.goals.len()];
    let one = Natural::from_u128(1);
    let groups = [
        (&shared_goals, shared_units, shared_equal),
        (&own_goals, own_units, own_equal),
    ];
    for (goals, group_units, equal) in groups {
        let base: Vec<Natural> = goals
            .iter()
            .map(|&g| if equal { one.clone() } else { units(from[g]) })
            .collect();
        let parts = largest_remainder(&group_units, &base).unwrap_or_default();
        for (&g, part) in goals.iter().zip(parts) {
            weights[g] = Some(part);
        }
    }
    let written = plan
        .goals
        .iter()
        .zip(weights)
        .filter_map(|(goal, units)| {
            let units = units?;
            Some((goal.id.clone(), write_units(&units, places)))
        })
        .collect();
    Ok(Dialed { weights: written })
}

/// `units × 10^-places` as decimal text without trailing zeros.
fn write_units(units: &Natural, places: u32) -> String {
    let mut digits = Vec::new();
    units.push_digits(&mut digits);
    let places = places as usize;
    if digits.len() <= places {
        let mut padded = vec![b'0'; places + 1 - digits.len()];
        padded.extend(digits);
        digits = padded;
    }
    let point = digits.len() - places;
    let mut text: Vec<u8> = Vec::with_capacity(digits.len() + 1);
    for (i, digit) in digits.into_iter().enumerate() {
        if i == point {
            text.push(b'.');
        }
        text.push(digit);
    }
    let mut text = String::from_utf8(text).unwrap_or_default();
    if text.contains('.') {
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    text
}
