// The shared-fate chart: each team's payout and the total as one goal's
// attainment moves from 0 % to 150 % (further when the goal is already past
// it), as the core's `evaluate` computed it, with today's point marked and
// the goal's threshold, target and cap drawn in.
//
// Plain SVG rather than a chart library: about a hundred lines, no
// dependency to keep up, nothing that needs inline styles under the page's
// Content-Security-Policy, and it prints. An equivalent table carries the
// same numbers for screen readers and for print.
import { disclosure, h, hold, scroller, svg } from './dom.js';
import { later, phrase, t } from './words.js';

const W = 640;
const H = 300;
const PAD = { left: 70, right: 16, top: 16, bottom: 40 };
/** Points on the chart, for the core to compute. */
export const STEPS = 61;

const x = (a, max) => PAD.left + (a / max) * (W - PAD.left - PAD.right);
const y = (v, top) => H - PAD.bottom - (top ? v / top : 0) * (H - PAD.top - PAD.bottom);
/** The goal picker's id; the section's heading is `${PICKER}-h` (one chart per shadow root: fixed ids). */
const PICKER = 'chart-goal';
/** The guides' labels, by their class. */
const GUIDES = { target: phrase('target {at}'), threshold: phrase('threshold {at}'), cap: phrase('cap {at}') };

/** A round step (1, 2 or 5 × 10ⁿ) that cuts `span` into at most `count` parts. */
export function niceStep(span, count) {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw * (1 - 1e-9));
}

/** Tick values from 0 to the first multiple of `step` at or past `max`. */
export function ticksTo(max, step) {
  const count = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: count + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
}

/**
 * The chart's place while it is drawn, on first load: its heading and an
 * empty box of the chart's size, so that nothing below moves when it comes.
 */
export function chartPlaceholder() {
  return h(
    'section',
    { class: 'shared-fate', 'aria-busy': 'true', 'aria-labelledby': `${PICKER}-h` },
    h('h3', { id: `${PICKER}-h`, text: t('Shared fate') }),
    svg('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('The chart is being drawn.') }),
  );
}

/**
 * Draws `chart` (the core's `Chart`: the goal, where the axis ends, the
 * points, and where the goal's curve starts and stops paying) into a new
 * element. `result` is today's result, `money`, `shortMoney` and `pct`
 * format values, `onGoal` is called
 * when the reader picks another goal, `open` remembers whether the data
 * table is unfolded. Numbers become floats here only to place pixels.
 */
export function renderChart({ chart, result, targets = [], money, shortMoney, pct, onGoal, open }) {
  const g = result.goals.findIndex((goal) => goal.id === chart.goal);
  const goal = result.goals[g];
  const now = Number(goal.attainment);
  const to = Number(chart.to);
  const at = chart.attainments.map((a) => x(Number(a), to).toFixed(1));
  // The money axis: round ticks (1, 2 or 5 × 10ⁿ) up to the highest total;
  // with nothing paid anywhere, up to what the plan pays at target.
  const highest = Math.max(...chart.totals.map(Number), Number(result.total.payout));
  const atTarget = result.teams.reduce((sum, team) => sum + Number(team.targetIncentive), 0);
  const moneyTicks = ticksTo(highest || atTarget || 1, niceStep(highest || atTarget || 1, 4));
  const top = moneyTicks.at(-1);
  const polyline = (values) => values.map((v, i) => `${at[i]},${y(Number(v), top).toFixed(1)}`).join(' ');

  const lines = result.teams.map((team, k) =>
    svg('polyline', {
      class: `line c${k % 6}`,
      points: polyline(chart.teams[k].payouts),
    }),
  );
  const total = svg('polyline', {
    class: 'line total',
    points: polyline(chart.totals),
  });
  const marks = [
    ...result.teams.map((team, k) =>
      svg(
        'circle',
        { class: `mark c${k % 6}`, cx: x(now, to), cy: y(Number(team.payout), top), r: 5, 'data-team': team.id, 'data-field': 'chart-payout', 'data-value': team.payout },
        svg('title', { text: t('{team}: {payout} at {attainment}', { team: team.name, payout: money(team.payout), attainment: pct(goal.attainment) }) }),
      ),
    ),
    svg('circle', { class: 'mark total', cx: x(now, to), cy: y(Number(result.total.payout), top), r: 5, 'data-field': 'chart-total', 'data-value': result.total.payout }),
    // Where each team's line reaches its target incentive (the core's solve),
    // when that is on this goal and on the chart.
    ...targets
      .filter((target) => target.goal === chart.goal && target.solution.reachable !== false && Number(target.solution.attainment) <= to)
      .map((target) => {
        const k = result.teams.findIndex((team) => team.id === target.team);
        const team = result.teams[k];
        const [cx, cy] = [x(Number(target.solution.attainment), to), y(Number(team.targetIncentive), top)];
        return svg(
          'path',
          { class: `solve-mark c${k % 6}`, d: `M${cx.toFixed(1)} ${(cy - 6).toFixed(1)}l6 6l-6 6l-6 -6z`, 'data-team': team.id, 'data-field': 'chart-target', 'data-value': target.solution.attainment },
          svg('title', { text: t('{team} earns its target incentive ({target}) from {attainment}', { team: team.name, target: money(team.targetIncentive), attainment: pct(target.solution.attainment) }) }),
        );
      }),
  ];

  // Target, threshold and the point past which the curve pays no more.
  // Where they are is the core's (the chart's `threshold` and `cap`).
  const guides = [[1, 'target']];
  if (chart.threshold) guides.push([Number(chart.threshold), 'threshold']);
  if (chart.cap) guides.push([Number(chart.cap), 'cap']);
  const guideEls = guides.map(([a, label]) => [
    svg('line', { class: `guide ${label}`, x1: x(a, to), x2: x(a, to), y1: PAD.top, y2: H - PAD.bottom }),
    svg('text', { class: 'guide-label', x: x(a, to) + 4, y: PAD.top + 12, text: t(GUIDES[label], { at: pct(String(a)) }) }),
  ]);

  const ticks = [];
  const xStep = [0.1, 0.25, 0.5, 1, 2.5, 5, 10].find((step) => to / step <= 8) ?? niceStep(to, 8);
  for (const a of ticksTo(to, xStep).filter((a) => a <= to + 1e-9)) {
    ticks.push(svg('text', { class: 'tick', x: x(a, to), y: H - PAD.bottom + 18, 'text-anchor': 'middle', text: pct(String(a)) }));
  }
  for (const v of moneyTicks) {
    ticks.push(
      svg('line', { class: 'gridline', x1: PAD.left, x2: W - PAD.right, y1: y(v, top), y2: y(v, top) }),
      svg('text', { class: 'tick', x: PAD.left - 6, y: y(v, top) + 4, 'text-anchor': 'end', 'data-tick': v, text: shortMoney(v) }),
    );
  }
  const axes = [
    svg('line', { class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom }),
    svg('line', { class: 'axis', x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: H - PAD.bottom }),
    svg('text', { class: 'axis-label', x: (W + PAD.left) / 2, y: H - 4, 'text-anchor': 'middle', text: t('{goal}: attainment', { goal: goal.name }) }),
  ];

  // Values at the nearest point, on hover and on keyboard focus (arrows,
  // Page Up/Down, Home, End), drawn on the chart and said in words below it.
  // The listeners find this drawing's data on the chart (`tandemData`), so
  // that a redraw patches the chart in place (dom.js `morph`) and they read
  // the new numbers.
  const cursor = svg('g', { class: 'cursor', visibility: 'hidden' });
  const readout = h('p', { class: 'chart-readout', 'aria-live': 'polite', 'data-field': 'chart-readout' });
  const count = chart.attainments.length;
  const nearest = (a) => chart.attainments.reduce((best, v, i) => (Math.abs(Number(v) - a) < Math.abs(Number(chart.attainments[best]) - a) ? i : best), 0);
  const series = [...result.teams.map((team, k) => ({ name: team.name, cls: `c${k % 6}`, values: chart.teams[k].payouts })), { name: t('Total'), cls: 'total', values: chart.totals }];
  const data = {
    index: nearest(now),
    /** Shows the values at point `i` on `figure` (the chart on screen), in the words it was drawn in. */
    point: later((figure, i) => {
      data.index = Math.min(Math.max(i, 0), count - 1);
      const a = chart.attainments[data.index];
      const cx = x(Number(a), to);
      const values = series.map((s) => `${s.name} ${money(s.values[data.index])}`);
      const panelX = cx > W / 2 ? cx - 8 : cx + 8;
      const here = figure.querySelector('.cursor');
      here.replaceChildren(
        svg('line', { class: 'cursor-line', x1: cx, x2: cx, y1: PAD.top, y2: H - PAD.bottom }),
        ...series.map((s) => svg('circle', { class: `cursor-dot ${s.cls}`, cx, cy: y(Number(s.values[data.index]), top), r: 4 })),
        svg('text', { class: 'cursor-text', x: panelX, y: PAD.top + 28, 'text-anchor': cx > W / 2 ? 'end' : 'start' },
          svg('tspan', { x: panelX, dy: 0, text: pct(a) }),
          series.map((s, k) => svg('tspan', { x: panelX, dy: 15, class: `cursor-${s.cls}`, text: values[k] }))),
      );
      here.setAttribute('visibility', 'visible');
      const said = figure.parentNode.querySelector('.chart-readout');
      said.textContent = t('At {attainment} {goal}: {values}.', { attainment: pct(a), goal: goal.name, values: values.join(', ') });
      said.dataset.index = data.index;
      said.dataset.attainment = a;
    }),
    /** The point nearest to the pointer at `clientX`. */
    at(figure, clientX) {
      const box = figure.getBoundingClientRect();
      const sx = ((clientX - box.left) / box.width) * W;
      return nearest(((sx - PAD.left) / (W - PAD.left - PAD.right)) * to);
    },
    count,
  };
  const hide = (figure) => figure.querySelector('.cursor').setAttribute('visibility', 'hidden');
  // One chart in a calculator's shadow root: fixed ids, which a redraw
  // keeps (a new id each time would make every redraw differ).
  const titleId = 'chart-title';
  const figure = svg(
    'svg',
    {
      class: 'chart',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      tabindex: 0,
      'aria-labelledby': titleId,
      'aria-describedby': `${titleId}-keys`,
    },
    svg('title', { id: titleId, text: t('Payouts as {goal} moves from 0 to {to}; today {attainment}. The table below has the numbers.', { goal: goal.name, to: pct(chart.to), attainment: pct(goal.attainment) }) }),
    svg('desc', { id: `${titleId}-keys`, text: t('Left and right arrows read the payouts point by point.') }),
    axes,
    guideEls,
    ticks,
    lines,
    total,
    marks,
    cursor,
  );
  hold(figure, data);
  const on = (type, handle) => figure.addEventListener(type, (event) => handle(event.currentTarget, event.currentTarget.tandemData, event));
  on('pointermove', (fig, d, event) => d.point(fig, d.at(fig, event.clientX)));
  on('pointerleave', (fig) => {
    if (fig.getRootNode().activeElement !== fig) hide(fig);
  });
  on('focus', (fig, d) => d.point(fig, d.index));
  on('blur', hide);
  on('keydown', (fig, d, event) => {
    const step = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 }[event.key];
    if (step !== undefined) d.point(fig, d.index + step);
    else if (event.key === 'Home') d.point(fig, 0);
    else if (event.key === 'End') d.point(fig, d.count - 1);
    else return;
    event.preventDefault();
  });

  // Every 4th point at first; every point on demand.
  const every = Math.round((STEPS - 1) / 15);
  const table = disclosure({
    key: 'chart-data',
    open,
    summary: t('Chart data'),
    props: { class: 'chart-data' },
    build: later(() => {
      const body = h('tbody', {});
      const fill = (all) => {
        const rows = chart.attainments.map((_, i) => i).filter((i) => all || i % every === 0);
        body.replaceChildren(
          ...rows.map((i) =>
            h('tr', {}, h('th', { scope: 'row', text: pct(chart.attainments[i]) }), chart.teams.map((team) => h('td', { text: money(team.payouts[i]) })), h('td', { text: money(chart.totals[i]) })),
          ),
        );
      };
      const all = open.has('chart-data-all');
      fill(all);
      const toggle = h('button', {
        type: 'button',
        class: 'button',
        'aria-pressed': String(all),
        text: t('Show all {n} points', { n: count }),
        on: {
          click: () => {
            const on = !open.has('chart-data-all');
            if (on) open.add('chart-data-all');
            else open.delete('chart-data-all');
            toggle.setAttribute('aria-pressed', String(on));
            fill(on);
          },
        },
      });
      return [
        toggle,
        scroller(
          t('Payouts by {goal} attainment, table', { goal: goal.name }),
          h(
            'table',
            {},
            h('caption', { text: t('Payouts by {goal} attainment', { goal: goal.name }) }),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('Attainment') }), result.teams.map((team) => h('th', { scope: 'col', text: team.name })), h('th', { scope: 'col', text: t('Total') }))),
            body,
          ),
        ),
      ];
    }),
  });

  const picker = h(
    'div',
    { class: 'field chart-goal' },
    h('label', { for: PICKER, text: t('Payouts as this goal moves') }),
    h(
      'select',
      { id: PICKER, on: { change: (e) => onGoal(e.target.value) } },
      result.goals.map((gl) => h('option', { value: gl.id, text: gl.shared ? t('{goal} (shared)', { goal: gl.name }) : gl.name, selected: gl.id === goal.id })),
    ),
  );
  const legend = h(
    'ul',
    { class: 'legend chart-legend' },
    result.teams.map((team, i) => h('li', {}, h('span', { class: `swatch c${i % 6}`, 'aria-hidden': 'true' }), h('span', { text: team.name }))),
    h('li', {}, h('span', { class: 'swatch total', 'aria-hidden': 'true' }), h('span', { text: t('Total (dashed)') })),
    marks.length > result.teams.length + 1 && h('li', {}, h('span', { class: 'diamond', 'aria-hidden': 'true', text: '◇' }), h('span', { text: t('Where a team earns its target incentive') })),
  );
  return h('section', { class: 'shared-fate', 'aria-labelledby': `${PICKER}-h` }, h('h3', { id: `${PICKER}-h`, text: t('Shared fate') }), picker, figure, readout, legend, table);
}
