// Scenarios: two or more plans side by side ("Siloed today", "Shared
// tomorrow"), how they travel in links and files, and the comparison table.
//
// Links: one scenario is `#plan=…` as always (with `&name=` and its name
// when it has one of its own); several are `#scenarios=` and the base64url
// of `{ "active": 0, "scenarios": [{ "name", "plan", "ownResults"? }] }`.
// Files: one scenario exports as a plain plan; several as that same object
// with `"tandemScenarios": 1`.
//
// Scenarios are plan designs compared under the same actual results: a
// goal with the same id shows the same actual in every scenario, edited
// once (`shareResults`), except in a scenario set to use its own results
// (`ownResults`).
import { h, scroller } from './dom.js';
import { decode as decodePlan, encode as encodePlan, readFragment, toBase64url } from './link.js';

const PREFIX = '#scenarios=';
const NAME = '&name=';
/** The name a scenario has when nobody named it. */
const UNNAMED = 'Scenario 1';

/** What of a scenario travels in links and files. */
const portable = ({ name, plan, ownResults }) => (ownResults ? { name, plan, ownResults: true } : { name, plan });

/**
 * The scenario bar: a tab per scenario, the active one's name, and the
 * buttons that duplicate and remove it and give it results of its own.
 * `on` holds what each does: `pick(i)`, `duplicate()`, `remove()`,
 * `rename(name)`, `own(checked)`.
 */
export function renderScenarioBar(bar, state, { max, on }) {
  const full = state.scenarios.length >= max;
  const active = state.scenarios[state.active];
  const rename = (event) => {
    const tab = bar.querySelector(`[data-scenario="${state.active}"]`);
    if (tab) tab.textContent = event.target.value || `Scenario ${state.active + 1}`;
    on.rename(event.target.value);
  };
  const parts = [
    h('span', { class: 'group-label', text: 'Scenarios' }),
    state.scenarios.map((s, i) =>
      h('button', { type: 'button', class: 'button tab', 'data-scenario': i, 'aria-pressed': String(i === state.active), text: s.name || `Scenario ${i + 1}`, on: { click: () => on.pick(i) } }),
    ),
    h('label', { for: 'scenario-name', class: 'visually-hidden', text: 'Name of this scenario' }),
    h('input', { id: 'scenario-name', type: 'text', value: active.name, on: { input: rename } }),
    h('button', { type: 'button', class: 'button', id: 'duplicate', text: 'Duplicate as new scenario', disabled: full, title: full ? `At most ${max} scenarios side by side` : undefined, on: { click: () => on.duplicate() } }),
    state.scenarios.length > 1 && h('button', { type: 'button', class: 'button', text: 'Remove this scenario', on: { click: () => on.remove() } }),
    state.scenarios.length > 1 &&
      h(
        'label',
        { class: 'own-results', title: 'Scenarios share the goals’ actual results: a result typed in one is the result in all. Tick to give this scenario results of its own.' },
        h('input', { type: 'checkbox', id: 'own-results', checked: Boolean(active.ownResults), on: { change: (event) => on.own(event.target.checked) } }),
        ' Use its own actual results',
      ),
  ];
  bar.replaceChildren(...parts.flat().filter(Boolean));
}

/** The fragment for a set of scenarios. */
export function encode(state) {
  if (state.scenarios.length === 1) {
    const [{ name, plan }] = state.scenarios;
    return encodePlan(plan) + (name && name !== UNNAMED ? NAME + encodeURIComponent(name) : '');
  }
  return PREFIX + toBase64url(JSON.stringify({ active: state.active, scenarios: state.scenarios.map(portable) }));
}

/**
 * Puts the active scenario's actual results into every other scenario that
 * shares results (unless the active one uses its own), goal by goal id.
 * Returns the names of the goals that changed somewhere.
 */
export function shareResults(state) {
  const source = state.scenarios[state.active];
  const changed = new Set();
  if (source.ownResults) return changed;
  for (const other of state.scenarios) {
    if (other === source || other.ownResults) continue;
    for (const goal of source.plan.goals ?? []) {
      const same = other.plan.goals?.find((g) => g.id === goal.id);
      if (same && same.actual !== goal.actual) {
        same.actual = goal.actual;
        changed.add(goal.name || goal.id);
      }
    }
  }
  return changed;
}

/** The active scenario takes the shared results back from the first other scenario that shares them. */
export function rejoinResults(state) {
  const source = state.scenarios.find((s, i) => i !== state.active && !s.ownResults);
  if (!source) return;
  for (const goal of state.scenarios[state.active].plan.goals ?? []) {
    const same = source.plan.goals?.find((g) => g.id === goal.id);
    if (same) goal.actual = same.actual;
  }
}

/**
 * Scenarios from a fragment (`#scenarios=` or a plain `#plan=`): `{ state }`,
 * `{ error }` saying why it cannot be read, or null when there is none.
 */
export function decode(hash) {
  if (hash.startsWith(PREFIX)) {
    const read = readFragment(hash.slice(PREFIX.length));
    if (read.error) return { error: read.error };
    const json = read.json;
    const count = Array.isArray(json?.scenarios) ? json.scenarios.length : 0;
    if (json && json.active !== undefined && !(Number.isInteger(json.active) && json.active >= 0 && json.active < count)) {
      return { error: `it opens scenario ${JSON.stringify(json.active)}, and it has ${count === 1 ? 'one scenario' : `${count} scenarios`}` };
    }
    const state = fromFile(json);
    return state ? { state } : { error: 'it holds no scenario with a plan' };
  }
  const at = hash.indexOf(NAME);
  const decoded = decodePlan(at < 0 ? hash : hash.slice(0, at));
  if (!decoded) return null;
  if (decoded.error) return { error: decoded.error };
  let name = UNNAMED;
  if (at >= 0) {
    try {
      name = decodeURIComponent(hash.slice(at + NAME.length)) || UNNAMED;
    } catch {
      return { error: 'the scenario’s name in it is not valid percent-encoded text' };
    }
  }
  return { state: { active: 0, scenarios: [{ name, plan: decoded.plan }] } };
}

/** What an export file holds. */
export function toFile(state) {
  if (state.scenarios.length === 1) return state.scenarios[0].plan;
  return { tandemScenarios: 1, active: state.active, scenarios: state.scenarios.map(portable) };
}

/** Scenarios from a parsed file or link: a scenario set, or a plain plan. */
export function fromFile(json) {
  if (json && Array.isArray(json.scenarios)) {
    const scenarios = json.scenarios
      .filter((s) => s && typeof s === 'object' && s.plan && typeof s.plan === 'object')
      .map((s, i) => ({ name: typeof s.name === 'string' && s.name ? s.name : `Scenario ${i + 1}`, plan: s.plan, ...(s.ownResults === true ? { ownResults: true } : {}) }));
    if (!scenarios.length) return null;
    const active = Number.isInteger(json.active) && json.active >= 0 && json.active < scenarios.length ? json.active : 0;
    return { active, scenarios };
  }
  return { active: 0, scenarios: [{ name: 'Scenario 1', plan: json }] };
}

/**
 * The comparison, from the core's `evaluate`: per team, its payout in every
 * scenario, the difference from the first, and its change for 10 more
 * points of the charted goal. `comparison[i]` holds `errors` for a scenario
 * whose plan is invalid.
 */
export function renderComparison({ state, comparison, money, goalName }) {
  const valid = comparison.map((c) => (c.errors ? null : c));
  const teams = [];
  for (const scenario of valid) {
    for (const team of scenario?.teams ?? []) if (!teams.some((t) => t.id === team.id)) teams.push({ id: team.id, name: team.name });
  }
  // `money` formats by the scenario's currency and places, which it carries.
  const signed = (value, scenario) => `${value.startsWith('-') ? '' : '+'}${money(value, scenario)}`;
  const cell = (i, teamId) => {
    const result = valid[i];
    const team = result?.teams.find((t) => t.id === teamId);
    if (!result) return h('td', { text: 'fix errors' });
    if (!team) return h('td', { text: '—' });
    const diff = team.difference;
    const change = team.perTenPoints;
    return h(
      'td',
      { 'data-scenario': i, 'data-team': teamId, 'data-field': 'scenario-payout', 'data-value': team.payout },
      h('span', { class: 'amount', text: money(team.payout, result) }),
      diff !== null && h('span', { class: `diff ${diff.startsWith('-') ? 'down' : 'up'}`, 'data-field': 'difference', 'data-value': diff, text: ` ${signed(diff, result)}` }),
      change !== null && h('span', { class: 'sensitivity', 'data-field': 'sensitivity', 'data-value': change, text: `${signed(change, result)} per +10 pts` }),
    );
  };
  const totals = state.scenarios.map((_, i) =>
    h('td', { 'data-scenario': i, 'data-field': 'scenario-total', 'data-value': valid[i]?.total }, valid[i] ? money(valid[i].total, valid[i]) : 'fix errors'),
  );
  return h(
    'section',
    { class: 'comparison', 'aria-labelledby': 'comparison-heading' },
    h('h3', { id: 'comparison-heading', text: 'Scenarios side by side' }),
    h('p', { class: 'note', text: `Difference from “${state.scenarios[0].name}”, and each team’s payout change for 10 more points of ${goalName} attainment.` }),
    scroller(
      'Scenario payouts table',
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Team' }), state.scenarios.map((s) => h('th', { scope: 'col', text: s.name })))),
        h('tbody', {}, teams.map((t) => h('tr', {}, h('th', { scope: 'row', text: t.name }), state.scenarios.map((_, i) => cell(i, t.id))))),
        h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', text: 'Total' }), totals)),
      ),
    ),
  );
}
