// The scenarios side by side: each team's payout in each scenario, its
// difference from the first scenario and its change for 10 more points of
// the goal the chart follows, all as the core's `comparison` gives them.
// Drawn by lit-html after every keystroke, it writes only what changed.
import { draw, html, nothing, overflow } from './draw.js';

/**
 * A scenario with its own actual results is not compared at the same
 * results as the others: what the comparison says of `scenarios` (each
 * `{ name, ownResults }`) beside its table, on screen and in print, or null
 * (found by fresh looks).
 */
export function ownResultsNote({ tn }, scenarios) {
  const own = scenarios.filter((s) => s.ownResults).map((s) => s.name);
  if (!own.length) return null;
  return tn(own.length, '“{names}” uses its own actual results: its column is not at the same results as the others.', '{names} use their own actual results: their columns are not at the same results as the others.', { names: own.map((n) => (own.length > 1 ? `“${n}”` : n)).join(', ') });
}

/**
 * The goal with the id `goal` as each of `scenarios` (`{ name, plan }`) that
 * has it names it, of those `counted(i)` (the ones calculated):
 * `named`, `{ i, scenario, goal }` each, and whether they all name it
 * `alike`, so that it is said once, else as each names it (found by a fresh
 * look: "Revenue" said of a scenario whose goal is "New ARR").
 */
export function goalNaming(scenarios, goal, counted) {
  const named = scenarios.flatMap(({ name, plan }, i) => {
    const own = counted(i) && plan.goals.find((g) => g.id === goal);
    return own ? [{ i, scenario: name, goal: own.name || goal }] : [];
  });
  return { named, alike: named.every((n) => n.goal === named[0].goal) };
}

/**
 * Draws the core's `comparison` of `state`'s scenarios into `root` (nothing
 * when there is none): per team, its payout in every scenario, the
 * difference from the first, and its change for 10 more points of the
 * charted goal, `goal` (its id; `goalName` as the scenario being edited
 * names it); `comparison[i]` holds `errors` for a scenario
 * whose plan is invalid. `format` (format.js) writes it; money is written
 * in each scenario's currency and places, which it carries.
 */
export function renderComparison(root, format, { state, comparison, goal: charted, goalName }) {
  const { t, money } = format;
  if (!comparison) {
    draw(nothing, root);
    return;
  }
  const valid = comparison.map((c) => (c.errors ? null : c));
  // A team's row is named as the scenario being edited names it (as the
  // heading names its goal), else as the first scenario that has it does.
  const edited = valid[state.active];
  const teams = [];
  for (const scenario of valid) {
    for (const team of scenario?.teams ?? []) {
      if (!teams.some((known) => known.id === team.id)) teams.push({ id: team.id, name: edited?.teams.find((x) => x.id === team.id)?.name ?? team.name });
    }
  }
  const signed = (value, scenario) => `${value.startsWith('-') ? '' : '+'}${money(value, scenario)}`;
  // What each figure of a cell is, for a screen reader, which hears the
  // cell as one line ("$121,500.00 +$4,200.00 +$6,000.00 per +10 pts" said
  // nothing of what the +$4,200.00 was; found by a fresh look).
  const first = state.scenarios[0].name;
  const indices = state.scenarios.map((_, i) => i);
  const naming = charted === undefined ? null : goalNaming(state.scenarios, charted, (i) => valid[i]);
  const difference = (diff, result) =>
    diff === null ? nothing : html`<span class=${`diff ${diff.startsWith('-') ? 'down' : 'up'}`} data-field="difference" data-value=${diff}><span class="visually-hidden">${t('difference from “{scenario}”:', { scenario: first })}</span>${` ${signed(diff, result)}`}</span>`;
  const cell = (i, teamId) => {
    const result = valid[i];
    const team = result?.teams.find((x) => x.id === teamId);
    if (!result) return html`<td>${t('fix errors')}</td>`;
    if (!team) return html`<td>—</td>`;
    const change = team.perTenPoints;
    const goal = naming?.named.find((n) => n.i === i)?.goal ?? goalName;
    return html`<td data-scenario=${i} data-team=${teamId} data-field="scenario-payout" data-value=${team.payout}>${[
      html`<span class="amount">${money(team.payout, result)}</span>`,
      difference(team.difference, result),
      change === null
        ? nothing
        : html`<span class="sensitivity" data-field="sensitivity" data-value=${change}><span aria-hidden="true">${t('{change} per +10 pts', { change: signed(change, result) })}</span><span class="visually-hidden">${goal === undefined ? t('{change} for 10 more points of attainment', { change: signed(change, result) }) : t('{change} for 10 more points of {goal}', { change: signed(change, result), goal })}</span></span>`,
    ]}</td>`;
  };
  const total = (i) => {
    const result = valid[i];
    if (!result) return html`<td data-scenario=${i} data-field="scenario-total">${t('fix errors')}</td>`;
    return html`<td data-scenario=${i} data-field="scenario-total" data-value=${result.total}><span class="amount">${money(result.total, result)}</span>${difference(result.totalDifference, result)}</td>`;
  };
  const note =
    goalName === undefined
      ? t('Difference from “{scenario}”.', { scenario: first })
      : naming.alike
        ? t('Difference from “{scenario}”, and each team’s payout change for 10 more points of {goal} attainment.', { scenario: first, goal: naming.named[0]?.goal ?? goalName })
        : t('Difference from “{scenario}”, and each team’s payout change for 10 more points of the attainment of the goal the chart follows: {goals}.', { scenario: first, goals: naming.named.map((n) => t('{goal} in “{scenario}”', n)).join('; ') });
  const apart = ownResultsNote(format, state.scenarios);
  const table = html`<table>${[
    html`<thead><tr><th scope="col">${t('Team')}</th>${state.scenarios.map((s) => html`<th scope="col">${s.name}</th>`)}</tr></thead>`,
    html`<tbody>${teams.map((team) => html`<tr><th scope="row">${team.name}</th>${indices.map((i) => cell(i, team.id))}</tr>`)}</tbody>`,
    html`<tfoot><tr><th scope="row">${t('Total')}</th>${indices.map(total)}</tr></tfoot>`,
  ]}</table>`;
  draw(
    html`<section class="comparison" aria-labelledby="comparison-heading">${[
      html`<h3 id="comparison-heading">${t('Scenarios side by side')}</h3>`,
      html`<p class="note">${note}</p>`,
      apart ? html`<p class="note" data-field="own-results-note">${apart}</p>` : nothing,
      html`<div class="scroll" role="region" aria-label=${t('Scenario payouts table')} ${overflow()}>${table}</div>`,
    ]}</section>`,
    root,
  );
}
