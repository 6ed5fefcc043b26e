//! The model's defaults (MODEL.md): what a plan means where it leaves a
//! part out. The plan's reader applies them, and the page asks for them
//! (`defaults` in Wasm), so that it shows them in the controls of a part a
//! plan leaves out (a goal without `direction` says "Higher") and writes
//! the default curve where a curve is needed, without a copy of its own.

use rust_decimal::Decimal;

use crate::curve::{Beyond, Interpolation};
use crate::money::Rounding;
use crate::plan::{Direction, MethodName};

/// A plan's currency.
pub const CURRENCY: &str = "USD";
/// How money is rounded.
pub const ROUNDING: Rounding = Rounding::HalfUp;
/// Which way a goal's actual result is better.
pub const DIRECTION: Direction = Direction::HigherIsBetter;
/// How a team's goals combine.
pub const METHOD: MethodName = MethodName::Weighted;
/// How a curve moves between its points.
pub const INTERPOLATION: Interpolation = Interpolation::Linear;
/// What a curve that is given does past its last point (the goal curve a
/// plan leaves out continues its line: `Curve::pro_rata`).
pub const BEYOND: Beyond = Beyond::Cap;
/// How much a forecast's goals move together.
pub const CORRELATION: Decimal = Decimal::ZERO;
/// A simulation's trials.
pub const TRIALS: u32 = 10_000;
/// A simulation's seed.
pub const SEED: u64 = 1;

/// The defaults as the page reads them, named as plans name them, with the
/// goal curve a plan leaves out (`Curve::pro_rata`) written out as a plan
/// writes a curve. Text rather than a value serialized on each call: the
/// page's module stays smaller, and a test checks it against the constants
/// above.
pub const DEFAULTS_JSON: &str = r#"{"currency":"USD","rounding":"halfUp","direction":"higherIsBetter","method":"weighted","interpolation":"linear","beyond":"cap","curve":{"points":[["0","0"],["1","1"]],"interpolation":"linear","beyond":"extend"},"forecast":{"correlation":"0","trials":10000,"seed":1}}"#;

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::curve::Curve;
    use crate::names::Named;

    /// The text the page reads is the constants the reader applies.
    #[test]
    fn the_pages_defaults_are_the_readers() {
        let curve = Curve::pro_rata();
        let points: Vec<[String; 2]> = curve
            .points
            .iter()
            .map(|(a, f)| [a.to_significant(28), f.to_significant(28)])
            .collect();
        let made = json!({
            "currency": CURRENCY,
            "rounding": ROUNDING.name(),
            "direction": DIRECTION.name(),
            "method": METHOD.name(),
            "interpolation": INTERPOLATION.name(),
            "beyond": BEYOND.name(),
            "curve": {
                "points": points,
                "interpolation": curve.interpolation.name(),
                "beyond": curve.beyond.name(),
            },
            "forecast": { "correlation": CORRELATION.to_string(), "trials": TRIALS, "seed": SEED },
        });
        let read: Value = serde_json::from_str(DEFAULTS_JSON).unwrap();
        assert_eq!(read, made);
    }

    /// And they are MODEL.md's, read there by hand.
    #[test]
    fn the_defaults_are_the_models() {
        let read: Value = serde_json::from_str(DEFAULTS_JSON).unwrap();
        assert_eq!(read["currency"], "USD");
        assert_eq!(read["rounding"], "halfUp");
        assert_eq!(read["direction"], "higherIsBetter");
        assert_eq!(read["method"], "weighted");
        assert_eq!(read["interpolation"], "linear");
        assert_eq!(read["beyond"], "cap");
        assert_eq!(
            read["curve"],
            json!({ "points": [["0", "0"], ["1", "1"]], "interpolation": "linear", "beyond": "extend" })
        );
        assert_eq!(
            read["forecast"],
            json!({ "correlation": "0", "trials": 10000, "seed": 1 })
        );
    }
}
