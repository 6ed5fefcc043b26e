// Scenarios: two or more plans side by side ("Siloed today", "Shared
// tomorrow") and how they travel in links and files (the bar that picks
// one is scenariobar.js, the comparison table comparison.js).
//
// The scenario file, its reader and writer, and the rule that scenarios
// share actual results are the core's (`readScenarios`, `writeScenarios`,
// `shareResults`, `rejoinResults`): the CLI reads what the page writes.
// Here only what is the page's own: a link is `#plan=` (with `&name=` and
// the scenario's name when it has one of its own) for one scenario, and
// `#scenarios=` and the base64url of the scenario file for several.
import { compare, isDecimal } from './decimal.js';
import { readFragment, toBase64url } from './link.js';

const PREFIX = '#scenarios=';
const PLAN = '#plan=';
const NAME = '&name=';

/**
 * What of the page's scenarios the core reads: each one's name, plan and
 * whether it keeps its own results (not, say, the preset it came from).
 * `plan` picks what of each plan is sent.
 */
export function portable(state, plan = (p) => p) {
  return { active: state.active, scenarios: state.scenarios.map((s) => ({ name: s.name, plan: plan(s.plan), ownResults: Boolean(s.ownResults) })) };
}

/**
 * Scenarios from a parsed file, link or host page's value, read by the
 * core: `{ state }`, or `{ error }` saying why it cannot be read.
 */
export function readScenarios(core, json, { t }) {
  try {
    const { active, scenarios } = core.readScenarios(json);
    return { state: { active, scenarios: scenarios.map(({ name, plan, ownResults }) => (ownResults ? { name, plan, ownResults } : { name, plan })) } };
  } catch (error) {
    const list = error.errors?.map((e) => `${e.path || t('the file')}: ${e.message}`).join(' ');
    return { error: list || error.message, errors: error.errors ?? [{ path: '', message: error.message }] };
  }
}

/** The text of the file "Export plan" saves: the core's writing, indented for people who open it. */
export function fileText(core, state) {
  return `${JSON.stringify(JSON.parse(core.writeScenarios(portable(state))), null, 2)}\n`;
}


/** The fragment for a set of scenarios. */
export function encode(core, state) {
  const text = core.writeScenarios(portable(state));
  if (state.scenarios.length > 1) return PREFIX + toBase64url(text);
  // One scenario is written as its plain plan; its name, when somebody gave it one, follows.
  const [{ name }] = state.scenarios;
  return PLAN + toBase64url(text) + (name !== core.unnamedScenario(0) ? NAME + encodeName(name) : '');
}

/**
 * A scenario's name percent-encoded, its punctuation too (`.` as `%2E`), so
 * that a link never ends in punctuation: the `.` or `)` a mail app takes
 * into a link at the end of a sentence is then never the name's own.
 */
const encodeName = (name) => encodeURIComponent(name).replace(/[!'()*.~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Scenarios from a fragment (`#scenarios=` or a plain `#plan=`): `{ state }`,
 * `{ error }` saying why it cannot be read (in `format`'s words), or null
 * when there is none. A mail or chat app may send the link on with the `=`
 * after `#plan` or `#scenarios` percent-encoded (`%3D`), which reads one way
 * only; any other fragment is not a plan, and is said.
 */
export function decode(core, given, format) {
  const hash = given.replace(/^#(plan|scenarios)%3[Dd]/, '#$1=');
  if (hash === '' || hash === '#') return null;
  if (!hash.startsWith(PREFIX) && !hash.startsWith(PLAN)) {
    const shown = hash.length > 40 ? `${hash.slice(0, 40)}…` : hash;
    return { error: format.t('its address ends in “{fragment}”, which is not a plan: a Tandem link’s ends in #plan= or #scenarios=', { fragment: shown }) };
  }
  // A plain plan's link may name its scenario after it; several scenarios carry their names.
  const several = hash.startsWith(PREFIX);
  const at = several ? -1 : hash.indexOf(NAME);
  const fragment = readFragment(hash.slice((several ? PREFIX : PLAN).length, at < 0 ? undefined : at), format);
  if (fragment.error) return { error: fragment.error };
  const read = readScenarios(core, fragment.json, format);
  if (read.error || at < 0) return read;
  try {
    const name = decodeURIComponent(hash.slice(at + NAME.length));
    if (name) read.state.scenarios[0].name = name;
  } catch {
    return { error: format.t('the scenario’s name in it is not valid percent-encoded text') };
  }
  return read;
}


/**
 * Whether the scenarios' own forecasts (each `{ plan }`) differ: the page
 * costs every scenario under the one being edited, and says whose it is.
 * Decimals are compared as numbers: a budget of 200000 is one of 200000.00.
 */
export function forecastsDiffer(scenarios) {
  const first = scenarios[0]?.plan.forecast;
  return scenarios.some((s) => !same(s.plan.forecast, first));
}

/** Two JSON values alike, their decimal texts compared as numbers. */
function same(a, b) {
  if (typeof a === 'string' && typeof b === 'string' && isDecimal(a) && isDecimal(b)) return compare(a, b) === 0;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && same(a[key], b[key]));
}
