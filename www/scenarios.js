// Scenarios: two or more plans side by side ("Siloed today", "Shared
// tomorrow"), how they travel in links and files, and the bar that picks
// one (the comparison table is comparison.js).
//
// The scenario file, its reader and writer, and the rule that scenarios
// share actual results are the core's (`readScenarios`, `writeScenarios`,
// `shareResults`, `rejoinResults`): the CLI reads what the page writes.
// Here only what is the page's own: a link is `#plan=` (with `&name=` and
// the scenario's name when it has one of its own) for one scenario, and
// `#scenarios=` and the base64url of the scenario file for several.
import { h } from './dom.js';
import { decode as decodePlan, encodeText, readFragment, toBase64url } from './link.js';
import { t } from './words.js';

const PREFIX = '#scenarios=';
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
export function readScenarios(core, json) {
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

/**
 * The scenario bar: a tab per scenario, the active one's name, and the
 * buttons that duplicate and remove it and give it results of its own.
 * `on` holds what each does: `pick(i)`, `duplicate()`, `remove()`,
 * `rename(name)` (returns the name the scenario now has), `own(checked)`.
 */
export function renderScenarioBar(bar, state, { max, on }) {
  const full = state.scenarios.length >= max;
  const active = state.scenarios[state.active];
  const rename = (event) => {
    const name = on.rename(event.target.value);
    const tab = bar.querySelector(`[data-scenario="${state.active}"]`);
    if (tab) tab.textContent = name;
  };
  const parts = [
    h('span', { class: 'group-label', text: t('Scenarios') }),
    state.scenarios.map((s, i) =>
      h('button', { type: 'button', class: 'button tab', 'data-scenario': i, 'aria-pressed': String(i === state.active), text: s.name, on: { click: () => on.pick(i) } }),
    ),
    h('label', { for: 'scenario-name', class: 'visually-hidden', text: t('Name of this scenario') }),
    h('input', { id: 'scenario-name', type: 'text', value: active.name, on: { input: rename } }),
    h('button', { type: 'button', class: 'button', id: 'duplicate', text: t('Duplicate as new scenario'), disabled: full, title: full ? t('At most {max} scenarios side by side', { max }) : undefined, on: { click: () => on.duplicate() } }),
    state.scenarios.length > 1 && h('button', { type: 'button', class: 'button', text: t('Remove this scenario'), on: { click: () => on.remove() } }),
    state.scenarios.length > 1 &&
      h(
        'label',
        { class: 'own-results', title: t('Scenarios share the goals’ actual results: a result typed in one is the result in all. Tick to give this scenario results of its own.') },
        h('input', { type: 'checkbox', id: 'own-results', checked: Boolean(active.ownResults), on: { change: (event) => on.own(event.target.checked) } }),
        ` ${t('Use its own actual results')}`,
      ),
  ];
  bar.replaceChildren(...parts.flat().filter(Boolean));
}

/** The fragment for a set of scenarios. */
export function encode(core, state) {
  const text = core.writeScenarios(portable(state));
  if (state.scenarios.length > 1) return PREFIX + toBase64url(text);
  // One scenario is written as its plain plan; its name, when somebody gave it one, follows.
  const [{ name }] = state.scenarios;
  return encodeText(text) + (name !== core.unnamedScenario(0) ? NAME + encodeURIComponent(name) : '');
}

/**
 * Scenarios from a fragment (`#scenarios=` or a plain `#plan=`): `{ state }`,
 * `{ error }` saying why it cannot be read, or null when there is none.
 */
export function decode(core, hash) {
  if (hash.startsWith(PREFIX)) {
    const read = readFragment(hash.slice(PREFIX.length));
    return read.error ? { error: read.error } : readScenarios(core, read.json);
  }
  const at = hash.indexOf(NAME);
  const decoded = decodePlan(at < 0 ? hash : hash.slice(0, at));
  if (!decoded) return null;
  if (decoded.error) return { error: decoded.error };
  const read = readScenarios(core, decoded.plan);
  if (read.error || at < 0) return read;
  try {
    const name = decodeURIComponent(hash.slice(at + NAME.length));
    if (name) read.state.scenarios[0].name = name;
  } catch {
    return { error: t('the scenario’s name in it is not valid percent-encoded text') };
  }
  return read;
}

