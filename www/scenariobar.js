// The scenario bar: a tab per scenario, the open one's name, and what can
// be done with scenarios (duplicate, remove, own actual results). Drawn by
// lit-html from the store's state after every change: the name being typed
// stays as typed while its tab follows it.
import { draw, html, nothing, typed } from './draw.js';

/**
 * Draws the bar for `state` (`{ active, scenarios }`) into `bar`, in
 * `format`'s words (format.js); `max` is
 * the most scenarios side by side; `on` holds what each control does:
 * `pick(i)`, `duplicate()`, `remove()`, `rename(name)` and `own(checked)`.
 */
export function renderScenarioBar(bar, { t }, state, { max, on }) {
  const full = state.scenarios.length >= max;
  const active = state.scenarios[state.active];
  const several = state.scenarios.length > 1;
  const tabs = state.scenarios.map(
    (s, i) => html`<button type="button" class="button tab" data-scenario=${i} aria-pressed=${String(i === state.active)} @click=${() => on.pick(i)}>${s.name}</button>`,
  );
  const own = t('Scenarios share the goals’ actual results: a result typed in one is the result in all. Tick to give this scenario results of its own.');
  draw(
    html`${[
      html`<span class="group-label">${t('Scenarios')}</span>`,
      tabs,
      html`<label for="scenario-name" class="visually-hidden">${t('Name of this scenario')}</label>`,
      // Left, the field shows the name the scenario took (a name of spaces alone, or none, is "Scenario 2").
      html`<input id="scenario-name" type="text" ${typed(active.name)} @input=${(event) => on.rename(event.target.value)} @change=${(event) => on.rename(event.target.value)}>`,
      html`<button type="button" class="button" id="duplicate" ?disabled=${full} title=${full ? t('At most {max} scenarios side by side', { max }) : nothing} @click=${() => on.duplicate()}>${t('Duplicate as new scenario')}</button>`,
      several ? html`<button type="button" class="button" @click=${() => on.remove()}>${t('Remove this scenario')}</button>` : nothing,
      several
        ? html`<label class="own-results" title=${own}><input type="checkbox" id="own-results" .checked=${Boolean(active.ownResults)} @change=${(event) => on.own(event.target.checked)}>${` ${t('Use its own actual results')}`}</label>`
        : nothing,
    ]}`,
    bar,
  );
}
