//! The WebAssembly boundary: the only file that knows about wasm-bindgen.
//!
//! Each export only converts: a JS value in, the core called, a JS value out.
//! Plans and results are plain JSON-compatible objects with decimals as
//! strings; nothing is kept between calls.
//!
//! The TypeScript types are written by hand in a custom section rather than
//! derived with `tsify`: the core's types stay free of Wasm attributes, the
//! `.d.ts` reads like the plan model, and no extra dependency grows the module.
//! A test in `plan.rs` checks each choice's union against its name table.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::boundary::{decode, encode};
// Exported by both modules (boundary.rs); named here too, for Rust callers.
pub use crate::boundary::{
    max_scenarios, set_language, shown_amount, shown_factor, shown_percent, shown_ratio,
};
#[cfg(feature = "full")]
use crate::Plan;
use crate::{Errors, Json};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A decimal written as a string: "1250000.00", "0.5". */
export type Decimal = string;
export type Rounding = "halfUp" | "halfEven" | "down";
export type Direction = "higherIsBetter" | "lowerIsBetter";
export type Method = "weighted" | "blended";
export type Interpolation = "linear" | "step";
export type Beyond = "cap" | "extend";

export interface Curve {
  points: [Decimal, Decimal][];
  interpolation?: Interpolation;
  beyond?: Beyond;
}
export interface Gate { goal: string; min: Decimal; }
export interface Goal {
  id: string;
  name: string;
  target: Decimal;
  actual: Decimal;
  direction?: Direction;
  curve?: Curve;
  gate?: Gate;
}
export interface Team {
  id: string;
  name: string;
  targetIncentive: Decimal;
  weights: Record<string, Decimal>;
  method?: Method;
  curve?: Curve;
  modifiers?: { goal: string; curve: Curve }[];
  gate?: Gate;
  cap?: Decimal;
  members?: { name: string; share: Decimal }[];
  /** The team's total base salary for the plan's period: money, at most the plan's places. */
  base?: Decimal;
}
export interface Plan {
  version?: 1;
  name?: string;
  currency?: string;
  decimals?: number;
  rounding?: Rounding;
  goals: Goal[];
  teams: Team[];
  /** What some goals' results may be, for `simulate`; the calculation ignores it. */
  forecast?: Forecast;
  /** The goal (higher is better) that measures revenue in the plan's currency, for the cost of sales. */
  revenueGoal?: string;
}
/** Results as written in the plan (not attainments), low ≤ likely ≤ high. */
export interface Forecast {
  goals: Record<string, { low: Decimal; likely: Decimal; high: Decimal }>;
  /** How much all forecast goals move together, "0" to "1"; "0" when absent. */
  correlation?: Decimal;
  /** 1 to 1,000,000; 10,000 when absent. */
  trials?: number;
  /** 0 to 2^53 − 1; 1 when absent. */
  seed?: number;
  /** Money, at most the plan's places. */
  budget?: Decimal;
}

export interface PlanError {
  /** The field's JSON path as MODEL.md writes it: `goals[1].target`; empty for the plan as a whole. */
  path: string;
  /** The same path as its keys and indices: `["goals", 1, "target"]`. */
  at: (string | number)[];
  message: string;
  /** What mends the error where no field could: `{ remove: true }`, removing the key at `at` (a field the plan model does not define, a weight or forecast on a goal the plan does not have); `{ value }`, writing that text at `at` (a JSON number, as the decimal text it reads as). */
  mend?: { remove: true } | { value: string };
}
export interface Warning {
  code: "weightsNotOne" | "goalUnweighted" | "noSharedGoal" | "teamNotShared" | "thresholdAboveTarget" | "nameRepeated" | "capAsPercent";
  path: string;
  message: string;
}
/** Where a valid plan departs from sales-compensation practice (README, "The practice check"). */
export interface Finding {
  rule: "leverageLow" | "leverageHigh" | "capBelowTwice" | "cliff" | "thresholdChance" | "targetChance" | "excellenceChance";
  severity: "warning" | "notice";
  path: string;
  message: string;
  /** The number judged, exactly: a leverage, a cap, a factor or a chance. */
  value: Decimal;
  /** Leverage and chances: the band practice expects, inclusive (chances as fractions), and the side the value fell on. */
  band?: [Decimal, Decimal];
  side?: "below" | "above";
  /** The team and the goal the finding is about, by id (a cliff in a team's modifier names both). */
  team?: string;
  goal?: string;
  /** A cliff's and a chance's point, as an attainment. */
  at?: Decimal;
}
/** A plan's errors, warnings, findings (those that need no simulation; `simulate` gives them all) and facts (one, for the plan; none when it is not JSON). */
/** What the practice check expects: bands inclusive, chances and the cliff's factor as fractions. */
export interface Practice { leverage: [Decimal, Decimal]; leastCap: Decimal; cliff: Decimal; chances: { threshold: [Decimal, Decimal]; target: [Decimal, Decimal]; excellence: [Decimal, Decimal] }; }
export interface Check { errors: PlanError[]; warnings: Warning[]; findings: Finding[]; facts: Facts[]; }
/** On-target earnings, pay mix and cost of sales; ratios exact. */
export interface Economics {
  /** Per team: base, OTE (base + target incentive) and targetIncentive ÷ OTE; null without a base. */
  teams: { id: string; base: Decimal | null; ote: Decimal | null; incentiveShare: Decimal | null }[];
  /** (Σ base + Σ targetIncentive) ÷ the revenue target and (Σ base + Σ payout) ÷ the revenue actual (null when it is 0); a team without a base counts 0. Null without `revenueGoal`. */
  costOfSales: { atTarget: Decimal | null; atActual: Decimal | null } | null;
}

export interface Line {
  goal: string;
  weight: Decimal;
  atTarget: Decimal;
  factor: Decimal;
  /** targetIncentive × weight × factor before rounding (an addition: workings only). */
  exact?: Decimal;
  amount: Decimal;
}
/** A gate as the calculation found it (an addition: workings only). */
export interface GateResult { goal: string; min: Decimal; attainment: Decimal; met: boolean; margin: Decimal; }
/** Where an attainment falls on a curve: below its first point, from point `from` (an index) to the next, or at or past its last point. */
export type OnCurve = { where: "below" } | { where: "between"; from: number } | { where: "past"; point: number };
export interface TeamResult {
  id: string;
  name: string;
  targetIncentive: Decimal;
  method: Method;
  lines: Line[];
  blendedAttainment: Decimal | null;
  /** Where the blended attainment falls on the team's curve (an addition: workings only, blended teams). */
  on?: OnCurve;
  subtotal: Decimal;
  modifier: Decimal | null;
  /** Subtotal × modifier, rounded (an addition to the plan model's Result). */
  afterModifiers: Decimal | null;
  /** Subtotal × modifier before rounding (an addition: workings only, with modifiers). */
  afterModifiersExact?: Decimal;
  gated: boolean;
  /** The team's gate (an addition: workings only, with a gate). */
  gate?: GateResult;
  capped: boolean;
  /** cap × targetIncentive, rounded (an addition to the plan model's Result). */
  capAmount: Decimal | null;
  /** cap × targetIncentive before rounding (an addition: workings only, with a cap). */
  capExact?: Decimal;
  payout: Decimal;
  payoutRatio: Decimal | null;
  sharedStake: Decimal;
  /** The sum of the team's weights (an addition: workings only). */
  weightSum?: Decimal;
  /** sharedStake ÷ weightSum: where the shared-stake dial stands (an addition: workings only). */
  sharedShare?: Decimal;
  sharedPayout: Decimal | null;
  members: { name: string; share: Decimal; payout: Decimal }[];
}
export interface Result {
  currency: string;
  decimals: number;
  rounding: Rounding;
  /** `on`: where the attainment falls on the goal's curve (an addition: workings only). */
  goals: { id: string; name: string; attainment: Decimal; factor: Decimal; gated: boolean; gate?: GateResult; shared: boolean; on?: OnCurve }[];
  teams: TeamResult[];
  total: { targetIncentive: Decimal; payout: Decimal; payoutRatio: Decimal | null };
  split: { team: string; share: Decimal }[];
  warnings: Warning[];
  /** Null when the plan has no `base` and no `revenueGoal`. */
  economics: Economics | null;
}

export interface SweepOptions { goal: string; from: Decimal; to: Decimal; steps: number; }
export interface SweepPoint { attainment: Decimal; teams: { id: string; payout: Decimal }[]; total: Decimal; }

export interface SolveOptions { team: string; goal: string; payout: Decimal; }
/** The dial: `share` (0 to 1, at most 4 places) of the team's total weight on shared goals. */
export interface DialOptions { team: string; share: Decimal; from?: Record<string, Decimal>; }
export interface Dialed { weights: Record<string, Decimal>; }
/** The least attainment (0 to 10, in steps of 0.0001) at which the team is paid at least `payout`, or that none is; `jump` (only when true): the payout jumps past `payout` between the step before and this one (a curve's step or threshold, a gate), so what it pays above `payout` is the jump's, not the grid's; `upTo` (only when the team is paid more past it): the grid's last attainment, up to which `maxPayout` is the most. */
export type Solution =
  | { attainment: Decimal; actual: Decimal; payout: Decimal; jump?: true }
  | { reachable: false; maxPayout: Decimal; upTo?: Decimal };

/** What the page asks `evaluate` for after an edit. */
export interface EvaluateRequest {
  scenarios: Plan[];
  /** The scenario being edited, whose chart is drawn; 0 when absent. */
  active?: number;
  /** The goal to chart and to compare by (the first shared goal when absent or unknown), and the chart's points. */
  chart?: { goal?: string; steps: number };
  /** Results with the workings a statement shows (`exact`, `gate`, `weightSum`, …); false when absent. */
  workings?: boolean;
}
/** What to draw of the scenarios a `Calculator` holds: `EvaluateRequest` without its plans. */
export interface Drawing {
  chart?: { goal?: string; steps: number };
  workings?: boolean;
}
/** A path into a plan: keys and indices, `["goals", 0, "actual"]`; `[]` is the plan itself. */
export type PlanPath = (string | number)[];
/** One edit of the scenarios a `Calculator` holds; a path is into the active scenario's plan. */
export type Edit =
  | { set: PlanPath; value: unknown }
  | { remove: PlanPath }
  | { insert: PlanPath; value: unknown }
  | { move: PlanPath; to: number }
  | { scenario: "select"; index: number }
  | { scenario: "duplicate" }
  | { scenario: "remove" }
  | { scenario: "rename"; name: string }
  | { scenario: "ownResults"; own: boolean };
/** The chart as columns: attainments, totals and each team's payouts, point by point. */
export interface Chart {
  goal: string;
  to: Decimal;
  attainments: Decimal[];
  totals: Decimal[];
  teams: { id: string; payouts: Decimal[] }[];
  /** Where the goal's curve starts to pay, when above 0 and not the target. */
  threshold?: Decimal;
  /** Past the target, where the goal's curve pays no more (it holds its factor beyond). */
  cap?: Decimal;
  /** The indices of the points added off the chart's steps, a grid step below (or at) an attainment where a payout jumps. */
  added?: number[];
}
export interface TeamComparison {
  id: string;
  name: string;
  payout: Decimal;
  /** payout − the same team's payout in the first scenario. */
  difference: Decimal | null;
  /** The payout at ten more points of the charted goal's attainment, minus the payout now. */
  perTenPoints: Decimal | null;
}
export interface Comparison {
  currency: string;
  decimals: number;
  teams: TeamComparison[];
  total: Decimal;
  totalDifference: Decimal | null;
}
/** What the core reads of a plan as far as it can, valid or not. */
export interface Facts {
  /** The plan's currency when it is a known code, else "USD". */
  currency: string;
  /** Money's places: the plan's `decimals` when valid, else the currency's minor units. */
  decimals: number;
  /** Per goal, in the plan's order: whether two or more teams weight it above zero, and whether that is known (not while a weight on it cannot be read and fewer than two are above zero). */
  goals: { shared: boolean; sharedKnown: boolean }[];
  /** Per team, in the plan's order: the sum of its weights that can be read, whether every weight can be, whether the sum is not 1, whether it is known which of its goals are shared, where its dial stands (null when it weights nothing, a weight of its own cannot be read or that is not known), and the goals its payout depends on (weighted, their gates, its gate, its modifiers). */
  teams: { weightSum: Decimal; weightsRead: boolean; weightsOff: boolean; sharedKnown: boolean; sharedShare: Decimal | null; dependsOn: string[] }[];
}
/** The model's defaults (MODEL.md), named as plans name them. */
export interface Defaults {
  currency: string;
  rounding: Rounding;
  direction: "higherIsBetter" | "lowerIsBetter";
  method: "weighted" | "blended";
  interpolation: "linear" | "step";
  beyond: "cap" | "extend";
  curve: Curve;
  forecast: { correlation: Decimal; trials: number; seed: number };
}
/** A team's members as `evaluate` answers them: one list per field, in the plan's order (a roster of 10,000 crosses as three lists, not 10,000 objects). */
export interface MemberColumns { name: string[]; share: Decimal[]; payout: Decimal[]; }
/** A Result as `evaluate` answers it: each team's `members` as columns. */
export type EvaluatedResult = Omit<Result, "teams"> & { teams: (Omit<TeamResult, "members"> & { members: MemberColumns })[] };
export interface Evaluation {
  /** The active scenario's Result (its members as columns), or its errors. */
  result: EvaluatedResult | { errors: PlanError[] };
  /** The active scenario's facts, valid or not; from a `Calculator`, left out when they are its last answer's (only actual results moved, on which they do not depend). */
  facts?: Facts;
  chart: Chart | null;
  /** With two or more scenarios: per scenario its payouts beside the first's, or its errors. */
  comparison: (Comparison | { errors: PlanError[] })[] | null;
  /** With `workings`: per team weighting a shared goal, what its largest shared goal must reach for it to earn its target incentive. */
  targets?: { team: string; goal: string; solution: Solution }[];
  /** With `workings`, from a `Calculator`: what the edit under way moved, since the results last stood (`settle`). */
  changed?: {
    goals: { id: string; name: string; before: Decimal; after: Decimal }[];
    /** The targets, target incentives, weights and caps that moved, in plan order; `before` or `after` is null only for a cap: none then, or none now. */
    inputs?: { input: "target" | "targetIncentive" | "weight" | "cap"; goal?: { id: string; name: string }; team?: { id: string; name: string }; before: Decimal | null; after: Decimal | null }[];
    teams: { id: string; name: string; difference: Decimal }[];
    total: Decimal;
  };
  /** From a `Calculator`: `chart` and `targets` are left out, being those of its last answer (only the charted goal's own result moved). */
  kept?: true;
}

/** Money statistics of a payout over the trials; percentiles by nearest rank. */
export interface Stats { mean: Decimal; min: Decimal; p5: Decimal; p10: Decimal; p50: Decimal; p90: Decimal; p95: Decimal; max: Decimal; }
/** Fractions of the trials in which an attainment fell below a curve's threshold (its first point, when above 0), on a segment rising faster than attainment, and above the last point of a curve that holds its factor there. */
export interface Curved {
  belowThreshold: Decimal;
  accelerated: Decimal;
  beyondLast: Decimal;
  /** For a goal: its own gate stopped it (factor 0) — an addition. */
  gateClosed?: Decimal;
}
/** What bound a team's pay, as fractions of the trials. */
export interface Binding {
  capped: Decimal;
  /** The team's gate, or the gate of a goal it weights, paid nothing. */
  gateClosed: Decimal;
  /** The team's own gate paid it nothing (an addition: a goal's gate zeroes only that goal's line). */
  ownGateClosed: Decimal;
  /** A weighted team: each goal it weights, on the goal's own curve. */
  goals: Record<string, Curved>;
  /** A blended team: its blended attainment on its own curve. */
  blended?: Curved;
}
export interface SimulatedTeam {
  id: string;
  name: string;
  targetIncentive: Decimal;
  stats: Stats;
  pAboveTarget: Decimal;
  binding: Binding;
  /** p90 ÷ targetIncentive; null when the target incentive is 0. */
  leverage: Decimal | null;
  /** The most the team can be paid ÷ targetIncentive; null when nothing bounds it. */
  maxLeverage: Decimal | null;
  /** The part of the mean payout earned on shared goals (money). */
  meanShared: Decimal;
}
export interface Simulation {
  trials: number;
  seed: number;
  correlation: Decimal;
  teams: SimulatedTeam[];
  /** `reserve`: P90 − P50, what an expensive year costs above a typical one. */
  total: { targetIncentive: Decimal; stats: Stats; reserve: Decimal; pOverBudget: Decimal | null };
  /** Pearson's, 4 places: every pair of teams, then each team with each forecast goal's attainment (b is the goal's id); null when a side never varies. */
  /** `tie`: the band of `value` words use (together from 0.7, partly from 0.3, independent above −0.3, else opposite); null without a value. */
  correlations: { a: string; b: string; value: Decimal | null; tie: "together" | "partly" | "independent" | "opposite" | null }[];
  /** The total payout in 30 equal bins from `from` to `to`. */
  histogram: { from: Decimal; to: Decimal; counts: number[] };
  /** Per forecast goal: its mean result (as atExpected uses it), whether that is not its likely result, and its chances. */
  goals: { id: string; mean: Decimal; skewed: boolean; pThreshold: Decimal; pTarget: Decimal; pExcellence: Decimal }[];
  atLikely: { teams: { id: string; payout: Decimal }[]; total: Decimal };
  /** The plain calculation with every forecast goal at its mean result. */
  atExpected: { teams: { id: string; payout: Decimal }[]; total: Decimal };
  /** difference = stats.mean − atLikely.total = skew + shape; skew = atExpected.total − atLikely.total; shape = stats.mean − atExpected.total; noise = 2 × standardError; shapeIsNoise: |shape| ≤ noise. */
  gap: { difference: Decimal; skew: Decimal; shape: Decimal; standardError: Decimal | null; noise: Decimal | null; shapeIsNoise: boolean };
  /** Every practice rule the plan breaks, with this simulation's numbers. */
  findings: Finding[];
}

/** Several named plans side by side: `readScenarios` gives them, `writeScenarios` and `shareResults` take them. */
export interface Scenarios {
  tandemScenarios?: 1;
  /** The scenario being edited; 0 when absent. */
  active?: number;
  /** 1 to `maxScenarios()`; a scenario nobody named is "Scenario N". */
  scenarios: { name?: string; plan: Plan; ownResults?: boolean }[];
}
/** A scenario file, as "Export plan" writes it when there are several scenarios (or one with a name of its own). */
export interface ScenarioFile extends Scenarios { tandemScenarios: 1; }
/** What sharing actual results changed: scenario `scenario`'s goal at index `goal` now has `actual`; `goals` names the goals whose result changed. */
export interface SharedResults {
  edits: { scenario: number; goal: number; actual: Decimal }[];
  goals: string[];
}

/** How `applyRoster` read the file: fields separated by `,`, `;` or a tab, shares with decimal commas or not, its text encoding, and one sentence that says so. */
export interface RosterFormat { separator: "," | ";" | "\t"; decimalComma: boolean; encoding: "UTF-8" | "UTF-16" | "Windows-1252"; note: string; }
/** `payoutsCsv`'s options: `locale` writes the CSV as that locale's spreadsheets read it (de-DE: `;` and decimal commas), after a byte-order mark; without it, or `"plain"`, `,` and `.` and no mark. */
export interface CsvOptions { locale?: string; }

/** A bad row of a roster file, by its line (from 1). */
export interface RosterError { line: number; message: string; }
/** Thrown by `applyRoster`: `message` lists every bad row, `errors` holds them. */
export interface RosterErrors extends Error { errors: RosterError[]; }

/** Thrown by `calculate`, `sweep`, `evaluate` and `payoutsCsv`: `message` lists every error, `errors` holds them. */
export interface PlanErrors extends Error { errors: PlanError[]; }
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Sends any panic's message to `console.error`. Nothing should panic; if
/// something does, the message says where.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| console_error(&info.to_string())));
}

/// A calculator for one page, which holds its scenarios and takes edits
/// (the edit format is `calculator.rs`'s): `open` a scenario file once, then
/// `edit` and `evaluate`. A scenario whose plan did not change since the last
/// call is not read, validated or calculated again. `evaluate` also takes
/// the plain function's request with its own plans. Call `free()` when done
/// with it.
#[wasm_bindgen]
#[derive(Default)]
pub struct Calculator {
    calculator: crate::Calculator,
}

#[wasm_bindgen]
impl Calculator {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Calculator {
        Calculator::default()
    }

    /// Holds the scenarios of a scenario file (or a plan); throws a
    /// `PlanErrors` when its shape cannot be edited, holding what it held.
    pub fn open(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ScenarioFile | Plan")] file: JsValue,
    ) -> Result<(), JsValue> {
        decode(file, |json| self.calculator.open(json)).map_err(throw)
    }

    /// Every error of every plan held (a forecast's too), each at its path in
    /// its plan.
    #[wasm_bindgen(unchecked_return_type = "PlanError[]")]
    pub fn errors(&self) -> JsValue {
        encode(&self.calculator.errors())
    }

    /// The scenarios held, as a scenario file (null before `open`).
    #[wasm_bindgen(unchecked_return_type = "ScenarioFile | null")]
    pub fn file(&self) -> JsValue {
        encode_json(&self.calculator.file())
    }

    /// Applies one edit; says what sharing actual results changed in the
    /// other scenarios. Throws a `PlanErrors` for an edit it refuses, which
    /// changes nothing.
    #[wasm_bindgen(unchecked_return_type = "SharedResults")]
    pub fn edit(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Edit")] edit: JsValue,
    ) -> Result<JsValue, JsValue> {
        let shared = decode(edit, |json| self.calculator.edit(json)).map_err(throw)?;
        Ok(encode_json(&shared.to_json()))
    }

    /// The results of the last `evaluate` stand: what the next edit
    /// changed (`changed`) is told against them. Call it when an edit ends
    /// (its field left, typing paused) and when a plan is opened.
    pub fn settle(&mut self) {
        self.calculator.settle();
    }

    /// What the page draws for the scenarios held (`{ chart?, workings? }`),
    /// or for the plans a request brings (`{ scenarios, active?, chart?,
    /// workings? }`). Throws a `PlanErrors` only when the request is
    /// malformed.
    #[wasm_bindgen(unchecked_return_type = "Evaluation")]
    pub fn evaluate(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "EvaluateRequest | Drawing")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        let evaluation = decode(request, |json| self.calculator.evaluate(json)).map_err(throw)?;
        Ok(encode(&evaluation))
    }
}

/// Why `text` is not JSON, as the core's errors say it (what it expected,
/// at which line and column, in the language set), or `undefined` when it
/// is JSON: for a plan file's text that `JSON.parse` refused, whose own
/// words are the browser's, in its language, often without a line.
#[wasm_bindgen(js_name = jsonError)]
pub fn json_error(text: &str) -> Option<String> {
    crate::json::parse(text).err().map(|(_, why)| why)
}

/// Exports only in the module built with the `full` feature, the whole
/// core (the simulation's and the roster's workers, and the package's
/// `./core`): the page's own module leaves them out, as its first result
/// does not need them (the page draws its chart from `evaluate`).
#[cfg(feature = "full")]
mod full {
    use wasm_bindgen::prelude::*;

    use super::{
        decode, decode_options, decode_plan, decode_scenarios, encode, encode_json, error_with,
        throw,
    };
    use crate::{Json, SweepOptions};

    /// Calculates a plan; throws a `PlanErrors` when it is invalid.
    #[wasm_bindgen(unchecked_return_type = "Result")]
    pub fn calculate(
        #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    ) -> Result<JsValue, JsValue> {
        let plan = decode_plan(plan)?;
        let report = crate::calculate(&plan).map_err(throw)?;
        Ok(encode(&report))
    }

    /// What the practice check expects (README, "The practice check"):
    /// `{ leverage: [low, high], leastCap, cliff, chances: { threshold,
    /// target, excellence } }`, bands inclusive, chances and the cliff's
    /// factor as fractions; the page words the check with them.
    #[wasm_bindgen(unchecked_return_type = "Practice")]
    pub fn practice() -> JsValue {
        // The core's own text, which always parses.
        js_sys::JSON::parse(crate::practice::PRACTICE_JSON).unwrap_or(JsValue::NULL)
    }

    /// How tied two things are that move with correlation `r` (a decimal
    /// from -1 to 1): "together", "partly", "independent" or "opposite", by
    /// the bands the simulation's ties use (`Tie`), for words beside a
    /// correlation typed or dialled; throws a `PlanErrors` when `r` is not
    /// a decimal.
    #[wasm_bindgen]
    pub fn tie(r: &str) -> Result<String, JsValue> {
        use crate::Named;
        let value = crate::decimal::parse(r)
            .map_err(|kind| throw(crate::Error::new(crate::JsonPath::root(), kind).into()))?;
        Ok(crate::Tie::of(value).name().to_owned())
    }

    /// A plan's errors and warnings; never throws.
    #[wasm_bindgen(unchecked_return_type = "Check")]
    pub fn check(#[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue) -> JsValue {
        let check = match decode(plan, |json| Ok(crate::check(json))) {
            Ok(check) => check,
            Err(errors) => crate::Check {
                errors: errors.0,
                warnings: Vec::new(),
                findings: Vec::new(),
                facts: Vec::new(),
            },
        };
        encode(&check)
    }

    /// Everything the page draws after an edit, in one call: every scenario's
    /// result or errors, the active one's chart and the comparison. Throws a
    /// `PlanErrors` only when the request itself is malformed.
    #[wasm_bindgen(unchecked_return_type = "Evaluation")]
    pub fn evaluate(
        #[wasm_bindgen(unchecked_param_type = "EvaluateRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        let evaluation = decode(request, crate::evaluate).map_err(throw)?;
        Ok(encode(&evaluation))
    }

    /// Every team's and member's payout as CSV: the text `tandem calc --format
    /// csv [--csv-locale TAG]` writes of a plan, or of a scenario file (each
    /// row led by its scenario's name). Throws a `PlanErrors` when a plan or
    /// the locale is invalid.
    #[wasm_bindgen(js_name = payoutsCsv)]
    pub fn payouts_csv(
        #[wasm_bindgen(unchecked_param_type = "Plan | ScenarioFile")] plan: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CsvOptions | undefined")] options: JsValue,
    ) -> Result<String, JsValue> {
        // A scenario file, or one plan.
        let (scenarios, plan) = decode(plan, |json| {
            let scenarios = crate::Scenarios::from_json(json)?;
            let plan = match scenarios.is_set() {
                true => None,
                false => Some(crate::Plan::from_json(json)?),
            };
            Ok((scenarios, plan))
        })
        .map_err(throw)?;
        let locale = decode(options, |json| {
            Ok(match json {
                Json::Object(entries) => entries.iter().find(|(k, _)| k == "locale"),
                _ => None,
            }
            .and_then(|(_, value)| match value {
                Json::String(tag) => Some(tag.to_string()),
                _ => None,
            }))
        })
        .map_err(throw)?;
        let convention = match locale {
            Some(tag) => crate::Convention::of_locale(&tag)
                .map_err(|why| JsValue::from(js_sys::Error::new(&format!("locale: {why}"))))?,
            None => crate::Convention::PLAIN,
        };
        let Some(plan) = plan else {
            let results = scenarios.calculate().map_err(throw)?;
            return Ok(crate::scenario_payouts_csv(&results, convention));
        };
        let report = crate::calculate(&plan).map_err(throw)?;
        Ok(crate::payouts_csv(&report, convention))
    }

    /// What a goal must reach for a team to be paid at least `payout`, every
    /// other goal at its actual result; throws a `PlanErrors` when the plan or
    /// the options are invalid.
    #[wasm_bindgen(unchecked_return_type = "Solution")]
    pub fn solve(
        #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SolveOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let plan = decode_plan(plan)?;
        let options = decode_options(&plan, options, crate::SolveOptions::from_json)?;
        let solution = crate::solve(&plan, &options).map_err(throw)?;
        Ok(encode(&solution))
    }

    /// The shared-stake dial: team `team`'s weights with `share` of their total
    /// on shared goals, keeping the proportions of `from` (the weights when the
    /// drag began; the plan's when absent) within each group. Throws a
    /// `PlanErrors` that says why when an end of the dial has no weight to move.
    #[wasm_bindgen(unchecked_return_type = "Dialed")]
    pub fn dial(
        #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
        #[wasm_bindgen(unchecked_param_type = "DialOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let plan = decode_plan(plan)?;
        let options = decode_options(&plan, options, crate::DialOptions::from_json)?;
        let dialed = crate::dial(&plan, &options).map_err(throw)?;
        Ok(encode(&dialed))
    }

    /// The active scenario's actual results put into every scenario that shares
    /// them: what changed, for the page to apply.
    #[wasm_bindgen(js_name = shareResults, unchecked_return_type = "SharedResults")]
    pub fn share_results(
        #[wasm_bindgen(unchecked_param_type = "Scenarios")] scenarios: JsValue,
    ) -> Result<JsValue, JsValue> {
        Ok(encode_json(
            &decode_scenarios(scenarios)?.share_results().to_json(),
        ))
    }

    /// The active scenario's actual results taken back from the scenarios that
    /// share them (it stopped using its own): what changed.
    #[wasm_bindgen(js_name = rejoinResults, unchecked_return_type = "SharedResults")]
    pub fn rejoin_results(
        #[wasm_bindgen(unchecked_param_type = "Scenarios")] scenarios: JsValue,
    ) -> Result<JsValue, JsValue> {
        Ok(encode_json(
            &decode_scenarios(scenarios)?.rejoin_results().to_json(),
        ))
    }

    /// Payouts across a range of one goal's attainment; throws a `PlanErrors`
    /// when the plan or the options are invalid.
    #[wasm_bindgen(unchecked_return_type = "SweepPoint[]")]
    pub fn sweep(
        #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
        #[wasm_bindgen(unchecked_param_type = "SweepOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let plan = decode_plan(plan)?;
        let options = decode_options(&plan, options, SweepOptions::from_json)?;
        let points = crate::sweep(&plan, &options).map_err(throw)?;
        Ok(encode(&points))
    }

    /// The plan with its members taken from a roster (CSV `name,team,share`,
    /// as for `tandem calc --roster`: the file's bytes as they are, or its
    /// text), and how the file was read; throws an `Error` whose `errors`
    /// holds `{ line, message }` for every bad row, and then nothing is
    /// imported.
    #[wasm_bindgen(
        js_name = applyRoster,
        unchecked_return_type = "{ plan: Plan; format: RosterFormat }"
    )]
    pub fn apply_roster(
        #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] csv: JsValue,
    ) -> Result<JsValue, JsValue> {
        let bytes = match csv.as_string() {
            Some(text) => text.into_bytes(),
            None => js_sys::Uint8Array::new(&csv).to_vec(),
        };
        match decode(plan, |json| Ok(crate::apply_roster(json, &bytes))).map_err(throw)? {
            Ok(rostered) => {
                // The plan's own JSON text, numbers as they were written.
                let plan = js_sys::JSON::parse(&rostered.plan.to_text()).unwrap_or(JsValue::NULL);
                let format = rostered.format;
                let read = encode(&RosterRead {
                    separator: format.separator.to_string(),
                    decimal_comma: format.decimal_comma,
                    encoding: format.encoding.name(),
                    note: format.describe(),
                });
                let answer = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&answer, &"plan".into(), &plan);
                let _ = js_sys::Reflect::set(&answer, &"format".into(), &read);
                Ok(answer.into())
            }
            Err(errors) => Err(error_with(&errors.to_string(), &errors.0)),
        }
    }

    /// `applyRoster`'s `format`.
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct RosterRead {
        separator: String,
        decimal_comma: bool,
        encoding: &'static str,
        note: String,
    }

    /// The plan's forecast simulated (its `trials` and `seed`); throws a
    /// `PlanErrors` when the plan is invalid or has no forecast.
    #[wasm_bindgen(unchecked_return_type = "Simulation")]
    pub fn simulate(
        #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    ) -> Result<JsValue, JsValue> {
        let plan = decode_plan(plan)?;
        let simulation =
            crate::simulate(plan, &crate::SimulateOptions::default()).map_err(throw)?;
        Ok(encode(&simulation))
    }

    /// `simulate` in parts, for a progress bar: `run(count)` runs up to `count`
    /// more trials and returns how many are done, `finish()` the statistics.
    /// Call `free()` when done with it.
    #[wasm_bindgen]
    pub struct Simulator {
        /// None once finished.
        inner: Option<crate::Simulator>,
    }

    #[wasm_bindgen]
    impl Simulator {
        /// Throws a `PlanErrors` when the plan is invalid or has no forecast.
        #[wasm_bindgen(constructor)]
        pub fn new(
            #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
        ) -> Result<Simulator, JsValue> {
            let plan = decode_plan(plan)?;
            let inner = crate::Simulator::new(plan, &crate::SimulateOptions::default());
            Ok(Simulator {
                inner: Some(inner.map_err(throw)?),
            })
        }

        /// Trials in all.
        #[wasm_bindgen(getter)]
        pub fn trials(&self) -> u32 {
            self.inner.as_ref().map_or(0, crate::Simulator::trials)
        }

        /// Runs up to `count` more trials; the number done so far.
        pub fn run(&mut self, count: u32) -> Result<u32, JsValue> {
            match self.inner.as_mut() {
                Some(inner) => inner.run(count).map_err(throw),
                None => Ok(0),
            }
        }

        /// Runs what is left and returns the statistics; once only.
        #[wasm_bindgen(unchecked_return_type = "Simulation")]
        pub fn finish(&mut self) -> Result<JsValue, JsValue> {
            let Some(inner) = self.inner.take() else {
                return Err(js_sys::Error::new("This simulation is already finished.").into());
            };
            Ok(encode(&inner.finish().map_err(throw)?))
        }
    }
}
#[cfg(feature = "full")]
pub use full::{
    apply_roster, calculate, check, dial, evaluate, payouts_csv, rejoin_results, share_results,
    simulate, solve, sweep, Simulator,
};

/// The version of the Tandem engine.
/// A scenario file, a `#scenarios=` link's JSON or a plain plan, read as
/// scenarios (a plain plan is one). The file's shape and each plan's shape
/// as an editor walks it are checked (the plans' values are not: an
/// invalid plan opens with its errors by its fields); throws a `PlanErrors`
/// when it cannot be read or shown.
#[wasm_bindgen(js_name = readScenarios, unchecked_return_type = "Scenarios")]
pub fn read_scenarios(
    #[wasm_bindgen(unchecked_param_type = "Plan | ScenarioFile")] file: JsValue,
) -> Result<JsValue, JsValue> {
    let scenarios = decode_scenarios(file)?;
    scenarios.shape().map_err(throw)?;
    Ok(encode_json(&scenarios.to_json()))
}

/// The text of the file that holds `scenarios`: the plain plan when there
/// is one scenario nobody named, with shared results; else a scenario file.
#[wasm_bindgen(js_name = writeScenarios)]
pub fn write_scenarios(
    #[wasm_bindgen(unchecked_param_type = "Scenarios")] scenarios: JsValue,
) -> Result<String, JsValue> {
    Ok(decode_scenarios(scenarios)?.to_file_json().to_text())
}

/// The name of scenario `index` (from 0) when nobody named it.
#[wasm_bindgen(js_name = unnamedScenario)]
pub fn unnamed_scenario(index: usize) -> String {
    crate::unnamed_scenario(index)
}

/// An id for a team called `name` (decomposed: `name.normalize("NFKD")`),
/// not in `taken`: "Sales EMEA" is "sales-emea" (`ids::id_for`).
#[wasm_bindgen(js_name = teamId)]
pub fn team_id(name: &str, taken: Vec<String>) -> String {
    crate::ids::id_for(name, "team", &taken)
}

/// A fresh id for a goal not in `taken`: "goal-3" (`ids::fresh_id`).
#[wasm_bindgen(js_name = goalId)]
pub fn goal_id(taken: Vec<String>) -> String {
    crate::ids::fresh_id("goal", &taken)
}

/// The model's defaults: what a plan means where it leaves a part out,
/// and the goal curve it leaves out, written out.
#[wasm_bindgen(unchecked_return_type = "Defaults")]
pub fn defaults() -> JsValue {
    // The core's own text, which always parses.
    js_sys::JSON::parse(crate::defaults::DEFAULTS_JSON).unwrap_or(JsValue::NULL)
}

/// The text of the path whose steps are `steps`: `["goals", 0, "target"]`
/// is `goals[0].target`, as the errors' `path` says it. The page names its
/// fields so and never writes or reads a path's text itself.
#[wasm_bindgen(js_name = pathText)]
pub fn path_text(
    #[wasm_bindgen(unchecked_param_type = "(string | number)[]")] steps: JsValue,
) -> Result<String, JsValue> {
    let path = decode(steps, crate::calculator::read_path).map_err(throw)?;
    Ok(path.to_string())
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(feature = "full")]
/// Options for a call on `plan`, read by the core's `from_json` for them.
fn decode_options<T>(
    plan: &Plan,
    value: JsValue,
    read: fn(&Plan, &Json) -> Result<T, Errors>,
) -> Result<T, JsValue> {
    decode(value, |json| read(plan, json)).map_err(throw)
}

fn decode_scenarios(value: JsValue) -> Result<crate::Scenarios, JsValue> {
    decode(value, crate::Scenarios::from_json).map_err(throw)
}

/// The core's own JSON value as a plain JS value.
fn encode_json(json: &Json) -> JsValue {
    // The core writes JSON text that always parses.
    js_sys::JSON::parse(&json.to_text()).unwrap_or(JsValue::NULL)
}

#[cfg(feature = "full")]
#[wasm_bindgen(module = "/src/cross.js")]
extern "C" {
    /// The plan's text as `Plan::from_crossed` reads it (long lists of
    /// members as columns); `None` when JSON has no text for it.
    #[wasm_bindgen(js_name = planText, catch)]
    fn plan_text(plan: &JsValue) -> Result<Option<String>, JsValue>;
}

/// A plan from JavaScript, its long lists of members crossing as columns;
/// read as `decode` reads it when they are not as `cross.js` writes them.
#[cfg(feature = "full")]
fn decode_plan(value: JsValue) -> Result<Plan, JsValue> {
    if let Ok(Some(text)) = plan_text(&value) {
        if let Some(plan) = Plan::from_crossed(&text) {
            return plan.map_err(throw);
        }
    }
    decode(value, Plan::from_json).map_err(throw)
}

/// An `Error` whose message lists every error and whose `errors` property
/// holds them as `{ path, message }` objects.
fn throw(errors: Errors) -> JsValue {
    error_with(&errors.to_string(), &errors.0)
}

/// An `Error` with `message` and an `errors` property holding `list`.
fn error_with(message: &str, list: &impl Serialize) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("errors"), &encode(list));
    error.into()
}
