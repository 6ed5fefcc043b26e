// The shared-fate chart: each team's payout and the total as one goal's
// attainment moves from 0 % to 150 % (further when the goal is already past
// it), as the core's `evaluate` computed it, with today's point marked and
// the goal's threshold, target and cap drawn in.
//
// Plain SVG rather than a chart library: about a hundred lines, no
// dependency to keep up, nothing that needs inline styles under the page's
// Content-Security-Policy, and it prints. An equivalent table carries the
// same numbers for screen readers and for print.
import { disclosure, h, svg, uid } from './dom.js';
import { compare } from './decimal.js';

const W = 640;
const H = 300;
const PAD = { left: 70, right: 16, top: 16, bottom: 40 };
/** Points on the chart, for the core to compute. */
export const STEPS = 61;

const x = (a, max) => PAD.left + (a / max) * (W - PAD.left - PAD.right);
const y = (v, top) => H - PAD.bottom - (top ? v / top : 0) * (H - PAD.top - PAD.bottom);

/**
 * Draws `chart` (the core's `Chart`: the goal, where the axis ends and the
 * points) into a new element. `plan` and `result` are today's plan and
 * result, `money`, `shortMoney` and `pct` format values, `onGoal` is called
 * when the reader picks another goal, `open` remembers whether the data
 * table is unfolded. Numbers become floats here only to place pixels.
 */
export function renderChart({ chart, plan, result, targets = [], money, shortMoney, pct, onGoal, open }) {
  const g = result.goals.findIndex((goal) => goal.id === chart.goal);
  const goal = result.goals[g];
  const curve = plan.goals[g].curve;
  const now = Number(goal.attainment);
  const to = Number(chart.to);
  const at = chart.attainments.map((a) => x(Number(a), to).toFixed(1));
  const top = Math.max(...chart.totals.map(Number), Number(result.total.payout), 1) * 1.05;
  const polyline = (values) => values.map((v, i) => `${at[i]},${y(Number(v), top).toFixed(1)}`).join(' ');

  const lines = result.teams.map((team, t) =>
    svg('polyline', {
      class: `line c${t % 6}`,
      points: polyline(chart.teams[t].payouts),
    }),
  );
  const total = svg('polyline', {
    class: 'line total',
    points: polyline(chart.totals),
  });
  const marks = [
    ...result.teams.map((team, t) =>
      svg(
        'circle',
        { class: `mark c${t % 6}`, cx: x(now, to), cy: y(Number(team.payout), top), r: 5, 'data-team': team.id, 'data-field': 'chart-payout', 'data-value': team.payout },
        svg('title', { text: `${team.name}: ${money(team.payout)} at ${pct(goal.attainment)}` }),
      ),
    ),
    svg('circle', { class: 'mark total', cx: x(now, to), cy: y(Number(result.total.payout), top), r: 5, 'data-field': 'chart-total', 'data-value': result.total.payout }),
    // Where each team's line reaches its target incentive (the core's solve),
    // when that is on this goal and on the chart.
    ...targets
      .filter((target) => target.goal === chart.goal && target.solution.reachable !== false && Number(target.solution.attainment) <= to)
      .map((target) => {
        const t = result.teams.findIndex((team) => team.id === target.team);
        const team = result.teams[t];
        const [cx, cy] = [x(Number(target.solution.attainment), to), y(Number(team.targetIncentive), top)];
        return svg(
          'path',
          { class: `solve-mark c${t % 6}`, d: `M${cx.toFixed(1)} ${(cy - 6).toFixed(1)}l6 6l-6 6l-6 -6z`, 'data-team': team.id, 'data-field': 'chart-target', 'data-value': target.solution.attainment },
          svg('title', { text: `${team.name} earns its target incentive (${money(team.targetIncentive)}) from ${pct(target.solution.attainment)}` }),
        );
      }),
  ];

  // Target, threshold and the point past which the curve pays no more.
  const guides = [[1, 'target']];
  const first = curve?.points?.[0]?.[0];
  if (first && compare(first, '0') > 0 && compare(first, '1') !== 0) guides.push([Number(first), 'threshold']);
  const last = curve?.points?.at(-1)?.[0];
  if (last && curve.beyond !== 'extend' && compare(last, '1') > 0) guides.push([Number(last), 'cap']);
  const guideEls = guides.map(([a, label]) => [
    svg('line', { class: `guide ${label}`, x1: x(a, to), x2: x(a, to), y1: PAD.top, y2: H - PAD.bottom }),
    svg('text', { class: 'guide-label', x: x(a, to) + 4, y: PAD.top + 12, text: `${label} ${pct(String(a))}` }),
  ]);

  const ticks = [];
  for (let a = 0; a <= to + 1e-9; a += 0.25) {
    ticks.push(svg('text', { class: 'tick', x: x(a, to), y: H - PAD.bottom + 18, 'text-anchor': 'middle', text: pct(String(Math.round(a * 100) / 100)) }));
  }
  for (const v of [0, top / 2, top / 1.05]) {
    ticks.push(svg('text', { class: 'tick', x: PAD.left - 6, y: y(v, top) + 4, 'text-anchor': 'end', text: shortMoney(Math.round(v)) }));
  }
  const axes = [
    svg('line', { class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom }),
    svg('line', { class: 'axis', x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: H - PAD.bottom }),
    svg('text', { class: 'axis-label', x: (W + PAD.left) / 2, y: H - 4, 'text-anchor': 'middle', text: `${goal.name}: attainment` }),
  ];

  const titleId = uid('chart');
  const figure = svg(
    'svg',
    { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId },
    svg('title', { id: titleId, text: `Payouts as ${goal.name} moves from 0 to ${pct(chart.to)}; today ${pct(goal.attainment)}. The table below has the numbers.` }),
    axes,
    guideEls,
    ticks,
    lines,
    total,
    marks,
  );

  const every = Math.round((STEPS - 1) / 15);
  const rows = chart.attainments.map((_, i) => i).filter((i) => i % every === 0);
  const table = disclosure({
    key: 'chart-data',
    open,
    summary: 'Chart data',
    props: { class: 'chart-data' },
    build: () =>
      h(
        'div',
        { class: 'scroll' },
        h(
          'table',
          {},
          h('caption', { text: `Payouts by ${goal.name} attainment` }),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Attainment' }), result.teams.map((t) => h('th', { scope: 'col', text: t.name })), h('th', { scope: 'col', text: 'Total' }))),
          h(
            'tbody',
            {},
            rows.map((i) =>
              h('tr', {}, h('th', { scope: 'row', text: pct(chart.attainments[i]) }), chart.teams.map((t) => h('td', { text: money(t.payouts[i]) })), h('td', { text: money(chart.totals[i]) })),
            ),
          ),
        ),
      ),
  });

  const selectId = uid('chart-goal');
  const picker = h(
    'div',
    { class: 'field chart-goal' },
    h('label', { for: selectId, text: 'Payouts as this goal moves' }),
    h(
      'select',
      { id: selectId, on: { change: (e) => onGoal(e.target.value) } },
      result.goals.map((gl) => h('option', { value: gl.id, text: gl.shared ? `${gl.name} (shared)` : gl.name, selected: gl.id === goal.id })),
    ),
  );
  const legend = h(
    'ul',
    { class: 'legend chart-legend' },
    result.teams.map((t, i) => h('li', {}, h('span', { class: `swatch c${i % 6}`, 'aria-hidden': 'true' }), h('span', { text: t.name }))),
    h('li', {}, h('span', { class: 'swatch total', 'aria-hidden': 'true' }), h('span', { text: 'Total (dashed)' })),
    marks.length > result.teams.length + 1 && h('li', {}, h('span', { class: 'diamond', 'aria-hidden': 'true', text: '◇' }), h('span', { text: 'Where a team earns its target incentive' })),
  );
  return h('section', { class: 'shared-fate', 'aria-labelledby': `${selectId}-h` }, h('h3', { id: `${selectId}-h`, text: 'Shared fate' }), picker, figure, legend, table);
}
