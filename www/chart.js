// The shared-fate chart: each team's payout and the total as one goal's
// attainment moves from 0 % to 150 % (further when the goal is already past
// it), as the core's `evaluate` computed it, with today's point marked and
// the goal's threshold, target and cap drawn in.
//
// Plain SVG rather than a chart library, drawn by lit-html's `svg`
// templates: about a hundred lines, no dependency to keep up, nothing that
// needs inline styles under the page's Content-Security-Policy, and it
// prints. An equivalent table carries the
// same numbers for screen readers and for print.
import { Directive, directive } from './vendor/directive.js';
import { fold, html, nothing, overflow, svg } from './draw.js';
import { phrase } from './words.js';
import { H, PICKER, STEPS, W } from './chartframe.js';

const PAD = { left: 70, right: 16, top: 16, bottom: 40 };
/**
 * Width of a character of the chart's text, in the chart's units, at the
 * largest size it takes (tandem.css: 20 units on a phone): text is placed
 * by its length, so that nothing runs off the chart or into other text
 * however narrow the chart is drawn.
 */
const CHAR = 12;
/** The same where the chart is drawn wide, its text at 12 units. */
const CHAR_WIDE = 7.5;

/**
 * Where attainment `a` of an axis running to `max` is, the money axis
 * `left` units from the chart's edge.
 */
const xOf = (left) => (a, max) => left + (a / max) * (W - left - PAD.right);
const y = (v, top) => H - PAD.bottom - (top ? v / top : 0) * (H - PAD.top - PAD.bottom);
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
 * On the chart: the point shown (on hover or focus) stays shown through a
 * redraw, with this drawing's numbers (`data.point`); with none shown, the
 * words of the last one go, as they would no longer be true.
 */
const pointing = directive(
  class extends Directive {
    render() {
      return nothing;
    }

    update(part, [data]) {
      const figure = part.element;
      const readout = figure.parentNode?.querySelector('.chart-readout');
      if (figure.querySelector('.cursor')?.getAttribute('visibility') === 'visible') data.point(figure, Number(readout?.dataset.index ?? data.index));
      else if (readout?.textContent) readout.textContent = '';
      return nothing;
    }
  },
);

/**
 * The chart for `chart` (the core's `Chart`: the goal, where the axis ends,
 * the points, and where the goal's curve starts and stops paying), as a
 * template, written by `format` (format.js). `result` is today's result, `onGoal` is called when the reader picks another goal,
 * `open` holds what is unfolded and `unfold(key, open)` unfolds or folds a
 * section (the data table, all its points). Numbers become floats here
 * only to place pixels.
 */
export function renderChart(format, { chart, result, targets = [], onGoal, open, unfold }) {
  const { t, pct } = format;
  const money = (v) => format.money(v, result);
  const shortMoney = (v) => format.shortMoney(v, result);
  const g = result.goals.findIndex((goal) => goal.id === chart.goal);
  const goal = result.goals[g];
  const now = Number(goal.attainment);
  const to = Number(chart.to);
  // The money axis: round ticks (1, 2 or 5 × 10ⁿ) up to the highest total;
  // with nothing paid anywhere, up to what the plan pays at target.
  const highest = Math.max(...chart.totals.map(Number), Number(result.total.payout));
  const atTarget = result.teams.reduce((sum, team) => sum + Number(team.targetIncentive), 0);
  const moneyTicks = ticksTo(highest || atTarget || 1, niceStep(highest || atTarget || 1, 4));
  const top = moneyTicks.at(-1);
  // The money axis's labels fit left of it: "400.000 €" needs more room than "$400K" (found by a fresh look: ".000 €" on a phone).
  const moneyLabels = moneyTicks.map(shortMoney);
  const left = Math.max(PAD.left, Math.max(...moneyLabels.map((label) => label.length)) * CHAR + 12);
  const x = xOf(left);
  const at = chart.attainments.map((a) => x(Number(a), to).toFixed(1));
  const polyline = (values) => values.map((v, i) => `${at[i]},${y(Number(v), top).toFixed(1)}`).join(' ');

  const lines = result.teams.map((team, k) => svg`<polyline class=${`line c${k % 6}`} points=${polyline(chart.teams[k].payouts)}></polyline>`);
  const total = svg`<polyline class="line total" points=${polyline(chart.totals)}></polyline>`;
  // Where each team's line reaches its target incentive (the core's solve),
  // when that is on this goal and on the chart.
  const solved = targets
    .filter((target) => target.goal === chart.goal && target.solution.reachable !== false && Number(target.solution.attainment) <= to)
    .map((target) => {
      const k = result.teams.findIndex((team) => team.id === target.team);
      const team = result.teams[k];
      const [cx, cy] = [x(Number(target.solution.attainment), to), y(Number(team.targetIncentive), top)];
      return svg`<path class=${`solve-mark c${k % 6}`} d=${`M${cx.toFixed(1)} ${(cy - 6).toFixed(1)}l6 6l-6 6l-6 -6z`} data-team=${team.id} data-field="chart-target" data-value=${target.solution.attainment}><title>${t('{team} earns its target incentive ({target}) from {attainment}', { team: team.name, target: money(team.targetIncentive), attainment: pct(target.solution.attainment) })}</title></path>`;
    });
  const marks = svg`${result.teams.map(
    (team, k) =>
      svg`<circle class=${`mark c${k % 6}`} cx=${x(now, to)} cy=${y(Number(team.payout), top)} r="5" data-team=${team.id} data-field="chart-payout" data-value=${team.payout}><title>${t('{team}: {payout} at {attainment}', { team: team.name, payout: money(team.payout), attainment: pct(goal.attainment) })}</title></circle>`,
  )}<circle class="mark total" cx=${x(now, to)} cy=${y(Number(result.total.payout), top)} r="5" data-field="chart-total" data-value=${result.total.payout}></circle>${solved}`;

  // Target, threshold and the point past which the curve pays no more.
  // Where they are is the core's (the chart's `threshold` and `cap`).
  // One past the chart's right end is not drawn: its label would sit at the
  // edge, at an attainment it does not name (found by two fresh looks: "cap
  // 200%" at the 150 % end).
  const guides = [[1, 'target'], chart.threshold && [Number(chart.threshold), 'threshold'], chart.cap && [Number(chart.cap), 'cap']].filter((guide) => guide && guide[0] <= to + 1e-9);
  // A label that would run into the one to its left goes a line lower
  // ("threshold 80%" and "target 100%" overlapped; found by a fresh look),
  // and one that would run off the chart's right edge starts far enough left
  // of its line to end inside it ("cap 150%" showed as "ca"). Where each goes
  // is worked out from its length, for the chart's text as a wide chart
  // draws it and as a narrow one does (tandem.css shows the one that fits).
  guides.sort(([a], [b]) => a - b);
  const labels = guides.map(([a, label]) => t(GUIDES[label], { at: pct(String(a)) }));
  const placed = (char, kind) => {
    const ends = [];
    return guides.map(([a], i) => {
      const width = labels[i].length * char;
      const start = Math.min(x(a, to) + 4, W - PAD.right - width);
      let row = ends.findIndex((end) => end < start);
      if (row < 0) row = ends.length;
      ends[row] = start + width;
      return svg`<text class=${`guide-label ${kind}`} x=${start} y=${PAD.top + 12} dy=${`${row * 1.2}em`}>${labels[i]}</text>`;
    });
  };
  const [wide, narrow] = [placed(CHAR_WIDE, 'wide'), placed(CHAR, 'narrow')];
  const guideEls = guides.map(([a, label], i) => svg`<line class=${`guide ${label}`} x1=${x(a, to)} x2=${x(a, to)} y1=${PAD.top} y2=${H - PAD.bottom}></line>${wide[i]}${narrow[i]}`);

  const xStep = [0.1, 0.25, 0.5, 1, 2.5, 5, 10].find((step) => to / step <= 8) ?? niceStep(to, 8);
  const xTicks = ticksTo(to, xStep).filter((a) => a <= to + 1e-9);
  const ticks = svg`${xTicks
    // The last one ends at the chart's right edge rather than running past it (found by a fresh look: "150%" was cut), the first starts at the axis, clear of "$0".
    // Every other one, counted back from the last, is marked `alt`: a phone's larger text shows only the others (tandem.css; "125 %150 %" ran together).
    .map((a, i) => svg`<text class=${(xTicks.length - 1 - i) % 2 ? 'tick alt' : 'tick'} x=${x(a, to)} y=${H - PAD.bottom + 18} text-anchor=${a > to - xStep / 2 ? 'end' : a === 0 ? 'start' : 'middle'}>${pct(String(a))}</text>`)}${moneyTicks.map(
    (v, i) =>
      svg`<line class="gridline" x1=${left} x2=${W - PAD.right} y1=${y(v, top)} y2=${y(v, top)}></line><text class="tick" x=${left - 6} y=${y(v, top) + 4} text-anchor="end" data-tick=${v}>${moneyLabels[i]}</text>`,
  )}`;
  const axes = svg`<line class="axis" x1=${left} x2=${W - PAD.right} y1=${H - PAD.bottom} y2=${H - PAD.bottom}></line><line class="axis" x1=${left} x2=${left} y1=${PAD.top} y2=${H - PAD.bottom}></line><text class="axis-label" x=${(W + left) / 2} y=${H - 4} text-anchor="middle">${t('{goal}: attainment', { goal: goal.name })}</text>`;

  // Values at the nearest point, on hover and on keyboard focus (arrows,
  // Page Up/Down, Home, End), drawn on the chart and said in words below
  // it. The listeners are this drawing's, so they read its numbers.
  const count = chart.attainments.length;
  const nearest = (a) => chart.attainments.reduce((best, v, i) => (Math.abs(Number(v) - a) < Math.abs(Number(chart.attainments[best]) - a) ? i : best), 0);
  const series = [...result.teams.map((team, k) => ({ name: team.name, cls: `c${k % 6}`, values: chart.teams[k].payouts })), { name: t('Total'), cls: 'total', values: chart.totals }];
  const data = {
    // Focused, the readout starts at today's point, or the last one before
    // it: not one past a threshold today has not reached (found by a fresh
    // look: at 79.9999 % it read the payouts at 80 %).
    index: Math.max(chart.attainments.findLastIndex((v) => Number(v) <= now), 0),
    /** Shows the values at point `i` on `figure` (the chart on screen), in the words it was drawn in. */
    point(figure, i) {
      data.index = Math.min(Math.max(i, 0), count - 1);
      const a = chart.attainments[data.index];
      const cx = x(Number(a), to);
      const values = series.map((s) => `${s.name} ${money(s.values[data.index])}`);
      const panelX = cx > W / 2 ? cx - 8 : cx + 8;
      const here = figure.querySelector('.cursor');
      // The cursor is not the template's: it is drawn here, for the point under the pointer.
      here.replaceChildren();
      const ns = 'http://www.w3.org/2000/svg';
      const el = (tag, attrs, text) => {
        const node = document.createElementNS(ns, tag);
        for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
        if (text !== undefined) node.textContent = text;
        return node;
      };
      const words = el('text', { class: 'cursor-text', x: panelX, y: PAD.top + 28, 'text-anchor': cx > W / 2 ? 'end' : 'start' });
      words.append(el('tspan', { x: panelX, dy: 0 }, pct(a)), ...series.map((s, k) => el('tspan', { x: panelX, dy: '1.25em', class: `cursor-${s.cls}` }, values[k])));
      here.append(
        el('line', { class: 'cursor-line', x1: cx, x2: cx, y1: PAD.top, y2: H - PAD.bottom }),
        ...series.map((s) => el('circle', { class: `cursor-dot ${s.cls}`, cx, cy: y(Number(s.values[data.index]), top), r: 4 })),
        words,
      );
      here.setAttribute('visibility', 'visible');
      const said = figure.parentNode.querySelector('.chart-readout');
      said.textContent = t('At {attainment} {goal}: {values}.', { attainment: pct(a), goal: goal.name, values: values.join(', ') });
      said.dataset.index = data.index;
      said.dataset.attainment = a;
    },
    /** The point nearest to the pointer at `clientX`. */
    at(figure, clientX) {
      const box = figure.getBoundingClientRect();
      const sx = ((clientX - box.left) / box.width) * W;
      return nearest(((sx - left) / (W - left - PAD.right)) * to);
    },
  };
  const hide = (figure) => figure.querySelector('.cursor').setAttribute('visibility', 'hidden');
  const keys = (event) => {
    const figure = event.currentTarget;
    const step = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 }[event.key];
    if (step !== undefined) data.point(figure, data.index + step);
    else if (event.key === 'Home') data.point(figure, 0);
    else if (event.key === 'End') data.point(figure, count - 1);
    else return;
    event.preventDefault();
  };
  // One chart in a calculator's shadow root: fixed ids, which a redraw
  // keeps (a new id each time would make every redraw differ).
  const titleId = 'chart-title';
  const title = t('Payouts as {goal} moves from 0 to {to}; today {attainment}. The table below has the numbers.', { goal: goal.name, to: pct(chart.to), attainment: pct(goal.attainment) });
  // The drawing's words (ticks, guides) are not read out: the title, the readout and the table say it all (found by a fresh look).
  const figure = html`<svg class="chart" viewBox=${`0 0 ${W} ${H}`} role="img" tabindex="0" aria-labelledby=${titleId} aria-describedby=${`${titleId}-keys`} ${pointing(data)} @pointermove=${(e) => data.point(e.currentTarget, data.at(e.currentTarget, e.clientX))} @pointerleave=${(e) => e.currentTarget.getRootNode().activeElement !== e.currentTarget && hide(e.currentTarget)} @focus=${(e) => data.point(e.currentTarget, data.index)} @blur=${(e) => hide(e.currentTarget)} @keydown=${keys}><title id=${titleId}>${title}</title><desc id=${`${titleId}-keys`}>${t('Left and right arrows read the payouts point by point.')}</desc><g aria-hidden="true">${axes}${guideEls}${ticks}${lines}${total}${marks}<g class="cursor" visibility="hidden"></g></g></svg>`;

  const picker = html`<div class="field chart-goal"><label for=${PICKER}>${t('Payouts as this goal moves')}</label><select id=${PICKER} @change=${(e) => onGoal(e.target.value)}>${result.goals.map((gl) => html`<option value=${gl.id} .selected=${gl.id === goal.id}>${gl.shared ? t('{goal} (shared)', { goal: gl.name }) : gl.name}</option>`)}</select></div>`;
  const legend = html`<ul class="legend chart-legend">${result.teams.map((team, i) => html`<li><span class=${`swatch c${i % 6}`} aria-hidden="true"></span><span>${team.name}</span></li>`)}<li><span class="swatch total" aria-hidden="true"></span><span>${t('Total (dashed)')}</span></li>${solved.length ? html`<li><span class="diamond" aria-hidden="true">◇</span><span>${t('Where a team earns its target incentive')}</span></li>` : nothing}</ul>`;
  return html`<section class="shared-fate" aria-labelledby=${`${PICKER}-h`}><h3 id=${`${PICKER}-h`}>${t('Shared fate')}</h3>${picker}${figure}<p class="chart-readout" aria-live="polite" data-field="chart-readout"></p>${legend}${dataTable({ t, chart, result, goal, money, pct, open, unfold })}</section>`;
}

/**
 * The chart's numbers as a table, folded: every 4th of its steps at first,
 * and either side of each jump (the core's `added` points, and the one
 * after each); every point on demand.
 */
function dataTable({ t, chart, result, goal, money, pct, open, unfold }) {
  const all = open.has('chart-data-all');
  const every = Math.round((STEPS - 1) / 15);
  const added = new Set(chart.added ?? []);
  const content = () => {
    const rows = [];
    let step = 0;
    chart.attainments.forEach((_, i) => {
      const onStep = !added.has(i);
      if (all || added.has(i) || added.has(i - 1) || (onStep && step % every === 0)) rows.push(i);
      if (onStep) step += 1;
    });
    const table = html`<table><caption>${t('Payouts by {goal} attainment', { goal: goal.name })}</caption><thead><tr><th scope="col">${t('Attainment')}</th>${result.teams.map((team) => html`<th scope="col">${team.name}</th>`)}<th scope="col">${t('Total')}</th></tr></thead><tbody>${rows.map((i) => html`<tr><th scope="row">${pct(chart.attainments[i])}</th>${chart.teams.map((team) => html`<td>${money(team.payouts[i])}</td>`)}<td>${money(chart.totals[i])}</td></tr>`)}</tbody></table>`;
    return html`<button type="button" class="button" aria-pressed=${String(all)} @click=${() => unfold('chart-data-all', !all)}>${t('Show all {n} points', { n: chart.attainments.length })}</button><div class="scroll" role="region" aria-label=${t('Payouts by {goal} attainment, table', { goal: goal.name })} ${overflow()}>${table}</div>`;
  };
  return fold({ key: 'chart-data', open, unfold, summary: t('Chart data'), kind: 'chart-data', content });
}
