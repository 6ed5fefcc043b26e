// Scenarios: two or more plans side by side ("Siloed today", "Shared
// tomorrow"), how they travel in links and files, and the comparison table.
//
// Links: one scenario is `#plan=…` as always; several are `#scenarios=` and
// the base64url of `{ "active": 0, "scenarios": [{ "name", "plan" }] }`.
// Files: one scenario exports as a plain plan; several as that same object
// with `"tandemScenarios": 1`.
import { h, scroller } from './dom.js';
import { decode as decodePlan, encode as encodePlan, readFragment, toBase64url } from './link.js';

const PREFIX = '#scenarios=';

/** The fragment for a set of scenarios. */
export function encode(state) {
  if (state.scenarios.length === 1) return encodePlan(state.scenarios[0].plan);
  return PREFIX + toBase64url(JSON.stringify({ active: state.active, scenarios: state.scenarios }));
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
  const decoded = decodePlan(hash);
  if (!decoded) return null;
  if (decoded.error) return { error: decoded.error };
  return { state: { active: 0, scenarios: [{ name: 'Scenario 1', plan: decoded.plan }] } };
}

/** What an export file holds. */
export function toFile(state) {
  if (state.scenarios.length === 1) return state.scenarios[0].plan;
  return { tandemScenarios: 1, active: state.active, scenarios: state.scenarios };
}

/** Scenarios from a parsed file or link: a scenario set, or a plain plan. */
export function fromFile(json) {
  if (json && Array.isArray(json.scenarios)) {
    const scenarios = json.scenarios
      .filter((s) => s && typeof s === 'object' && s.plan && typeof s.plan === 'object')
      .map((s, i) => ({ name: typeof s.name === 'string' && s.name ? s.name : `Scenario ${i + 1}`, plan: s.plan }));
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
