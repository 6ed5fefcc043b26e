// The printed comparison: the consultant's leave-behind, at most two pages.
// Page one: every scenario side by side, each team's payout at the actual
// results and with the shared goal at 80 %, 100 % and 120 % of its target,
// and the shared-fate chart with every scenario's total. Page two: what each
// may cost (the simulation the page last ran), the economics when the plans
// have them, and the plan health in words. Every number is the core's
// (`calculate`, `evaluate`'s chart, `check`, the simulation); the page only
// formats it.
import { h, svgNode } from './dom.js';
import { tenths } from './decimal.js';
import { findingText } from './why.js';
import { niceStep, ticksTo } from './chart.js';
import { goalNaming, ownResultsNote } from './comparison.js';
import { forecastsDiffer } from './scenarios.js';

/** The shared goal's levels, in tenths of its target. */
const LEVELS = [8, 10, 12];
// A small chart's box: three side by side across a printed page.
const W = 320;
const H = 180;
const PAD = { left: 52, right: 20, top: 8, bottom: 24 };

/**
 * Draws the comparison into `root`: `scenarios` are `{ name, plan, result }`
 * (`result.errors` when it cannot be calculated); `goal` the id of the
 * shared goal the levels and the chart move; `simulation` the forecast
 * panel's last results per scenario (or null) and `forecast` the forecast
 * they were drawn from (the active scenario's); `core` the module; `date`
 * as text.
 */
export function renderComparisonPrint(f, root, { core, scenarios, active, goal, simulation, forecast, date }) {
  const { t, tn, money, pct } = f;
  const valid = scenarios.filter((s) => !s.result.errors);
  const first = valid[0]?.result;
  const goalOf = (plan) => plan.goals.find((g) => g.id === goal);
  // The goal as the calculated scenarios name it: once when they name it alike, else as each does.
  const { named, alike } = goalNaming(scenarios, goal, (i) => !scenarios[i].result.errors);
  const goalName = alike ? (named[0]?.goal ?? goal) : named.map((n) => t('{goal} in “{scenario}”', n)).join(' / ');
  const m = (v) => money(v, first);
  const names = scenarios.map((s) => s.name).join(', ');
  const header = (what) => h('header', { class: 'statement-header' }, h('p', { class: 'statement-plan', text: tn(scenarios.length, '{n} scenario: {names}', '{n} scenarios: {names}', { names }) }), h('p', { class: 'statement-date', text: `${what} · ${date}` }));
  if (!first) {
    root.replaceChildren(h('section', { class: 'statement-page' }, header(t('Comparison')), h('p', { text: t('No scenario can be calculated: fix the plans’ errors first.') })));
    return;
  }

  // Each scenario with the shared goal at each level: the core's payouts.
  const levels = scenarios.map(({ plan, result }) => {
    const g = goalOf(plan);
    if (result.errors || !g || g.direction === 'lowerIsBetter') return null;
    const { forecast: _, ...bare } = plan;
    return LEVELS.map((k) => {
      try {
        return core.calculate({ ...bare, goals: bare.goals.map((x) => (x.id === goal ? { ...x, actual: tenths(x.target, k) } : x)) });
      } catch {
        return null;
      }
    });
  });
  const rows = scenarios.flatMap(({ name, result }, i) => {
    if (result.errors) return [h('tr', {}, h('th', { scope: 'row', text: name }), h('td', { colspan: 5, text: tn(result.errors.length, 'Not calculated: {n} problem in the plan.', 'Not calculated: {n} problems in the plan.') }))];
    const at = (level, team) => {
      const r = levels[i]?.[level];
      if (!r) return '—';
      return team === null ? m(r.total.payout) : m(r.teams.find((x) => x.id === team)?.payout ?? '0');
    };
    const cells = (team, payout) => [h('td', { 'data-field': 'print-actual', text: m(payout) }), ...LEVELS.map((_, l) => h('td', { 'data-field': `print-level-${LEVELS[l]}`, text: at(l, team) }))];
    return [
      ...result.teams.map((team, k) => h('tr', { 'data-scenario': String(i), 'data-team': team.id }, h('th', { scope: 'row', text: k === 0 ? name : '' }), h('td', { text: team.name }), ...cells(team.id, team.payout))),
      h('tr', { class: 'print-total', 'data-scenario': String(i), 'data-team': '' }, h('th', { scope: 'row', text: '' }), h('td', { text: t('Total') }), ...cells(null, result.total.payout)),
    ];
  });
  const table = h(
    'table',
    { class: 'print-compare' },
    h('caption', { text: t('Payouts at the actual results, and with {goal} at 80%, 100% and 120% of its target (every other goal as it is)', { goal: goalName }) }),
    h('thead', {}, h('tr', {}, [t('Scenario'), t('Team'), t('Actual results'), ...LEVELS.map((k) => (alike ? `${goalName} ${pct(String(k / 10))}` : pct(String(k / 10))))].map((text) => h('th', { scope: 'col', text })))),
    h('tbody', {}, rows),
  );

  // Scenarios on results of their own, said as the screen says them.
  const apart = ownResultsNote(f, scenarios);
  root.replaceChildren(
    h('section', { class: 'statement-page print-comparison' }, header(t('Comparison')), h('h2', { text: t('The designs side by side') }), table, apart && h('p', { 'data-field': 'print-own-results', text: apart }), chart(f, core, scenarios, goal, goalName, first)),
    h('section', { class: 'statement-page print-comparison' }, header(t('Cost, economics and plan health')), cost(f, scenarios, active, simulation, forecast, m), economics(f, scenarios), health(f, core, scenarios, simulation, m)),
  );
}

/**
 * Every scenario's total as the shared goal moves, and each team's payout
 * beside it (found by a fresh look: with the totals alone, a siloed and a
 * shared design drew two lines on top of each other, while what differs is
 * how each team moves): one small chart each, a line per scenario, from the
 * core's charts.
 */
function chart(f, core, scenarios, goal, goalName, first) {
  const { t, pct } = f;
  const series = scenarios.map(({ plan, result }) => {
    if (result.errors) return null;
    const { forecast: _, ...bare } = plan;
    try {
      return core.evaluate({ scenarios: [bare], active: 0, chart: { goal, steps: 61 } }).chart;
    } catch {
      return null;
    }
  });
  if (!series.some(Boolean)) return null;
  const to = Math.max(...series.filter(Boolean).map((c) => Number(c.to)));
  // The teams in the order the scenarios first list them, each named as its first scenario names it.
  const teams = new Map();
  for (const { result } of scenarios) for (const team of result.teams ?? []) if (!teams.has(team.id)) teams.set(team.id, team.name);
  const panels = [
    panel(f, t('Total'), series.map((c) => c && { attainments: c.attainments, payouts: c.totals }), to, first),
    ...[...teams].map(([id, name]) =>
      panel(
        f,
        name,
        series.map((c) => {
          const payouts = c?.teams.find((team) => team.id === id)?.payouts;
          return payouts && { attainments: c.attainments, payouts };
        }),
        to,
        first,
      ),
    ),
  ];
  return h(
    'figure',
    { class: 'print-chart', role: 'img', 'aria-label': t('Payouts of each scenario, in all and by team, as {goal} moves', { goal: goalName }) },
    h('div', { class: 'print-panels' }, ...panels),
    h('figcaption', {}, `${t('Payouts as {goal} moves from 0 to {to} of its target, every other goal as it is:', { goal: goalName, to: pct(String(to)) })} `, ...scenarios.map((s, i) => series[i] && h('span', { class: 'print-key' }, svgNode('svg', { class: 'chart', viewBox: '0 0 24 8', width: 24, height: 8, 'aria-hidden': 'true' }, svgNode('line', { class: `line c${i % 6} print-dash-${i % 4}`, x1: 0, x2: 24, y1: 4, y2: 4 })), ` ${s.name} `))),
  );
}

/** One small chart titled `title`: a line per scenario of its `lines` (`{ attainments, payouts }`, or null where the scenario has none), from 0 to `to`. */
function panel({ shortMoney, pct }, title, lines, to, first) {
  const highest = Math.max(...lines.flatMap((line) => (line?.payouts ?? []).map(Number)), 1);
  // Round money ticks (1, 2 or 5 × 10ⁿ), as the page's own chart has them.
  const moneyTicks = ticksTo(highest, niceStep(highest, 4));
  const top = moneyTicks.at(-1);
  const x = (a) => PAD.left + (a / to) * (W - PAD.left - PAD.right);
  const y = (v) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const ticks = [0, 0.5, 1, 1.5, 2, 2.5, 3].filter((a) => a <= to + 1e-9);
  return h(
    'div',
    { class: 'print-panel' },
    h('h4', { text: title }),
    svgNode(
      'svg',
      { class: 'chart', viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true' },
      ...ticks.map((a) => [svgNode('line', { class: 'gridline', x1: x(a), x2: x(a), y1: PAD.top, y2: H - PAD.bottom }), svgNode('text', { class: 'tick', x: x(a), y: H - PAD.bottom + 15, 'text-anchor': 'middle', text: pct(String(a)) })]),
      ...moneyTicks.map((v) => [svgNode('line', { class: 'gridline', x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }), svgNode('text', { class: 'tick', x: PAD.left - 4, y: y(v) + 4, 'text-anchor': 'end', text: shortMoney(String(v), first) })]),
      ...lines.map((line, i) => line && svgNode('polyline', { class: `line c${i % 6} print-dash-${i % 4}`, 'data-scenario': String(i), points: line.attainments.map((a, k) => `${x(Number(a)).toFixed(1)},${y(Number(line.payouts[k])).toFixed(1)}`).join(' ') })),
    ),
  );
}

/** What each may cost: the simulation the page last ran for every scenario under the active forecast (`active`: the scenario being edited). */
function cost(f, scenarios, active, simulation, forecast, m) {
  const { t, pct, num } = f;
  if (!simulation) {
    // A forecast whose run has not finished (the page was just opened or
    // edited) is not one that was never given, nor one that cannot run: the
    // simulation calculates the plan being edited, and waits while it has
    // problems (found by a fresh look: a problem in it printed as a run
    // under way).
    const why = !forecast
      ? t('Not simulated: give the plan a forecast in “What it may cost” and let it run, then print again.')
      : scenarios[active]?.result.errors
        ? t('Not simulated: the scenario being edited, {name}, has problems to fix, and the simulation calculates it. Fix them, then print again.', { name: scenarios[active].name })
        : t('Not simulated yet: the forecast’s run on these plans has not finished. Print again when “What it may cost” shows its figures.');
    return h('section', {}, h('h3', { text: t('What each may cost') }), h('p', { text: why }));
  }
  const rows = scenarios.map((s, i) => {
    const sim = simulation[i];
    if (!sim || sim.errors) return h('tr', {}, h('th', { scope: 'row', text: s.name }), h('td', { colspan: 5, text: t('Not simulated: the plan has errors.') }));
    const stats = sim.total.stats;
    return h('tr', { 'data-scenario': String(i) }, h('th', { scope: 'row', text: s.name }), ...[stats.mean, stats.p10, stats.p50, stats.p90].map((v) => h('td', { text: m(v) })), h('td', { text: sim.total.pOverBudget === null ? t('no budget') : pct(sim.total.pOverBudget) }));
  });
  const trials = simulation.find((s) => s && !s.errors)?.trials;
  const caption = trials
    ? t('Total payout over {trials} trials of the forecast: 80% of trials fall between P10 and P90', { trials: num(String(trials)) })
    : t('Total payout over the trials of the forecast: 80% of trials fall between P10 and P90');
  return h(
    'section',
    {},
    h('h3', { text: t('What each may cost') }),
    h('table', { class: 'print-cost' }, h('caption', { text: caption }), h('thead', {}, h('tr', {}, [t('Scenario'), t('Expected'), 'P10', 'P50', 'P90', t('Chance over budget')].map((text) => h('th', { scope: 'col', text })))), h('tbody', {}, rows)),
    forecast && h('p', { 'data-field': 'print-forecast', text: forecastText(f, forecast, scenarios, active, m) }),
  );
}

/** The forecast every scenario was simulated under, in one sentence: each goal's low, likely and high result, how they move together, the budget. */
function forecastText(f, forecast, scenarios, active, m) {
  const { t, num } = f;
  const plan = scenarios.find((s) => s.plan.goals.some((g) => forecast.goals?.[g.id]))?.plan ?? scenarios[0].plan;
  const goals = Object.entries(forecast.goals ?? {}).map(([id, range]) => `${plan.goals.find((g) => g.id === id)?.name ?? id} ${num(range.low)} / ${num(range.likely)} / ${num(range.high)}`);
  // Each further part after a semicolon is a clause of its own.
  const parts = [
    goals.join('; '),
    forecast.correlation === undefined ? null : t('results move together with correlation {value}', { value: num(forecast.correlation) }),
    forecast.budget ? t('budget {budget}', { budget: m(forecast.budget) }) : null,
  ];
  const said = { parts: parts.filter((part) => part !== null).join('; '), scenario: scenarios[active].name };
  // The scenarios' own forecasts differ: whose is used, said (found by a fresh look).
  return forecastsDiffer(scenarios)
    ? t('Forecast used for every scenario, that of “{scenario}” (low / likely / high result): {parts}.', said)
    : t('Forecast used for every scenario (low / likely / high result): {parts}.', said);
}

/** On-target earnings, pay mix and cost of sales, for the scenarios whose plans have bases or a revenue goal. */
function economics(f, scenarios) {
  const { t, money, ratioPct, costRatio } = f;
  const rows = scenarios.flatMap(({ name, result }) => {
    const e = result.errors ? null : result.economics;
    if (!e) return [];
    const teams = result.teams.map((team, k) => {
      const te = e.teams.find((x) => x.id === team.id);
      return h('tr', {}, h('th', { scope: 'row', text: k === 0 ? name : '' }), h('td', { text: team.name }), h('td', { text: te?.ote === null || !te ? '—' : money(te.ote, result) }), h('td', { text: te?.incentiveShare === null || !te ? '—' : ratioPct(te.incentiveShare) }));
    });
    const cos = e.costOfSales;
    return [...teams, cos && h('tr', { class: 'print-total' }, h('th', { scope: 'row', text: '' }), h('td', { colspan: 3, text: t('Cost of sales {atTarget} at target, {atActual} at the actual results', { atTarget: costRatio(cos.atTarget), atActual: costRatio(cos.atActual) }) }))];
  });
  if (!rows.length) return null;
  return h('section', {}, h('h3', { text: t('Economics') }), h('table', { class: 'print-economics' }, h('thead', {}, h('tr', {}, [t('Scenario'), t('Team'), t('On-target earnings'), t('Pay mix (incentive)')].map((text) => h('th', { scope: 'col', text })))), h('tbody', {}, rows)));
}

/** Plan health: what the practice check finds in each plan (with the simulation's chances when it ran). */
function health(f, core, scenarios, simulation, m) {
  const { t } = f;
  // The findings' words, their money in the plan's currency.
  const words = { ...f, money: m };
  const parts = scenarios.map(({ name, plan, result }, i) => {
    if (result.errors) return null;
    const sim = simulation?.[i];
    const { forecast: _, ...bare } = plan;
    // The simulation's findings hold leverage and the chances too; without one, only the rules that need none, and the words say so.
    const simulated = sim && !sim.errors;
    const found = simulated ? sim.findings : core.check(bare).findings;
    const none = simulated ? t('Nothing found: leverage, caps, cliffs and the chances of each point are within practice.') : t('Nothing found in caps and cliffs.');
    return [
      h('h4', { text: name }),
      found.length ? h('ul', {}, found.map((finding) => h('li', { 'data-rule': finding.rule, text: findingText(finding, plan, words) }))) : h('p', { text: none }),
      !simulated && h('p', { class: 'print-unchecked', text: t('Leverage and the chances of each point are not checked here: they need a finished simulation of a forecast.') }),
    ];
  });
  return h('section', {}, h('h3', { text: t('Plan health') }), ...parts);
}
