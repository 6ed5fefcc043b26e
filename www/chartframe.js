// The shared-fate chart's frame, which the first result draws: its size,
// the points the core computes for it, and its place while it is drawn.
// The chart itself (chart.js) comes with the editing parts (editing.js).
import { html } from './draw.js';

export const W = 640;
export const H = 300;
/** The goal picker's id; the section's heading is `${PICKER}-h` (one chart per shadow root: fixed ids). */
export const PICKER = 'chart-goal';
/** Points on the chart, for the core to compute. */
export const STEPS = 61;

/**
 * The chart's place while it is drawn, on first load: its heading and an
 * empty box of the chart's size, so that nothing below moves when it comes.
 */
export function chartPlaceholder({ t }) {
  return html`<section class="shared-fate" aria-busy="true" aria-labelledby=${`${PICKER}-h`}><h3 id=${`${PICKER}-h`}>${t('Shared fate')}</h3><svg class="chart" viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${t('The chart is being drawn.')}></svg></section>`;
}
