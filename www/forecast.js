// "What it may cost": the plan's forecast (low, likely and high results for
// some goals, how much they move together, trials, a budget) and what the
// core's `simulate` makes of it: the spread of each team's payout and of
// the total, the chance of going over budget, how tied the teams are, and
// the plan's health in words. The simulation runs in a Web Worker
// (simulate-worker.js) with a progress bar and a cancel button; typing never
// waits for it, and it runs again once typing pauses. Every figure comes
// from the core; the page only formats it.
//
// Hooks for tests and host pages: `data-sim-state` on the section (idle,
// running, done, cancelled, error), `data-sim-team` and `data-stat` with
// `data-value` (the exact decimal) on the statistics, `data-field` on the
// headline figures.
import { draw as render, fold as folded, html, nothing, overflow, svg, typed } from './draw.js';
import { placesIn, tenths } from './decimal.js';
import { pathOf } from './paths.js';
import { forecastsDiffer } from './scenarios.js';
import { clause, phrase } from './words.js';
import { findingText, whyItDiffers } from './why.js';
import { movedAssets } from './assets.js';
import { moduleWorker } from './workers.js';

const TRIALS = [1000, 10000, 100000];
/** The statistics the tables show, by their key in the core's stats. */
const STATS = [['mean', phrase('Mean')], ['p10', phrase('P10')], ['p50', phrase('P50')], ['p90', phrase('P90')]];
/** The forecast boxes' labels, by the result each holds. */
const RESULT_LABELS = { low: phrase('Low result of {goal}'), likely: phrase('Likely result of {goal}'), high: phrase('High result of {goal}') };
/** The correlation slider's words, by the core's band of its value (the slider runs from 0 to 1: never "opposite"). */
const BANDS = {
  together: phrase('{value}: move together'),
  partly: phrase('{value}: partly together'),
  independent: phrase('{value}: nearly independent'),
  none: phrase('{value}: independent'),
};
/** Quiet time after an edit before the simulation runs again. */
const DEBOUNCE_MS = 400;
/** A run shorter than this shows no progress bar (it would only flash). */
const PROGRESS_AFTER_MS = 100;

/** A box that scrolls its wide content sideways, named for screen readers (a tab stop while it has more than it shows). */
const scroll = (label, content) => html`<div class="scroll" role="region" aria-label=${label} ${overflow()}>${content}</div>`;
const heads = (labels) => html`<thead><tr>${labels.map((text) => html`<th scope="col">${text}</th>`)}</tr></thead>`;

/**
 * The section, drawn by lit-html from the plan, the last result, the last
 * finished run and the run under way, whenever any of them changes.
 * `source()` gives `{ state, facts, defaults, format, unfolded }`: the
 * store's scenarios, the core's facts of the plan (its money while it is
 * invalid), the model's defaults (a forecast's settings it leaves out), how
 * the element writes (format.js) and the store's unfolded sections.
 * Every change goes through the element's one loop (`act`): `edit(mutate)`,
 * `set(at, value)` (`at` a path's steps, paths.js), `forecastGoal(id, on, fresh)` (a goal in or out, its
 * range kept meanwhile) and `unfold(key, open)`; it calls `update(result)`
 * after every recalculation (result null while the plan has errors).
 * `tie(r)` is the core's band of a correlation, `practice` what the core's
 * practice check expects (its bands, worded in the section); `typing` reads entries its
 * way (`take(at, kind, text)`, `noteFor(at)`, `forget(at)`) and puts its words for
 * entries it could not read in place of the core's (`withReadings(errors,
 * 'forecast')`).
 */
export class Forecast {
  /** The latest result of the plan being edited, or null while it has errors. */
  #result = null;
  #worker = null;
  /** The id of the run under way, or null. */
  #running = null;
  #nextId = 0;
  #timer = null;
  #progressTimer = null;
  /** The run under way, as its worker reports it: `{ shown, done, of }`. */
  #progress = { shown: false, done: 0, of: 1 };
  /** What the last finished run gave (`results`, the `names` of its scenarios, `ms`), or null. */
  #last = null;
  /**
   * The section's state (`data-sim-state`) and what its status line says:
   * words written when drawn, so in the locale of then.
   */
  #state = 'idle';
  #said = () => '';

  constructor(section, { source, act, tie, practice, typing }) {
    Object.assign(this, { section, source, act, tie, practice, typing });
  }

  /** The plan being edited. */
  get #plan() {
    const { state } = this.source();
    return state.scenarios[state.active].plan;
  }

  /** After every recalculation: drawn again, and the simulation run again once edits pause. */
  update(result) {
    this.#result = result;
    this.#schedule();
    this.draw();
  }

  /** The last simulation's results per scenario, when one has finished and none runs; else null. */
  simulated() {
    return this.#last && this.#running === null ? this.#last.results : null;
  }

  /** Stops the run under way and the worker. */
  detach() {
    clearTimeout(this.#timer);
    this.#cancel();
  }

  /** Draws the section from what it shows now. */
  draw() {
    const { format, unfolded } = this.source();
    const { t, tn, num } = format;
    const { act } = this;
    const plan = this.#plan;
    const f = plan.forecast;
    this.section.dataset.simState = this.#state;
    // The forecast's errors, from the last run, by their fields (the entries that could not be read in their words).
    const found = this.#last && (this.#last.results[this.source().state.active] ?? this.#last.results[0]);
    const errors = found ? this.typing.withReadings(found.errors ?? [], 'forecast') : [];
    const fields = new Set();
    // A field is named by its path's text (paths.js), as the errors name it.
    const marked = (at) => {
      const path = pathOf(at);
      fields.add(path);
      return errors.filter((e) => e.path === path);
    };
    const fieldMarks = (at, list) => {
      const path = pathOf(at);
      const note = this.typing.noteFor(at);
      return html`${list.map((e, i) => html`<p class="field-error" id=${`${path}-error-${i}`}>${e.message}</p>`)}${note ? html`<p class="field-note" id=${`${path}-note`} data-note-for=${path}>${note}</p>` : nothing}`;
    };
    const described = (at, list) => {
      const path = pathOf(at);
      return [...list.map((_, i) => `${path}-error-${i}`), this.typing.noteFor(at) ? `${path}-note` : ''].filter(Boolean).join(' ') || nothing;
    };
    const fold = (options) => folded({ open: unfolded, unfold: (key, open) => act.unfold(key, open), ...options });

    const rows = plan.goals.map((goal, i) => {
      const range = f?.goals?.[goal.id];
      const name = goal.name || t('Goal {n}', { n: i + 1 });
      const box = (key) => {
        const at = ['forecast', 'goals', goal.id, key];
        const list = marked(at);
        const onInput = (e) => act.set(at, this.typing.take(at, 'number', e.target.value));
        return html`<td><input type="text" id=${pathOf(at)} inputmode="decimal" autocomplete="off" data-path=${pathOf(at)} aria-label=${t(RESULT_LABELS[key], { goal: name })} ${typed(format.format(range?.[key] ?? ''))} aria-invalid=${list.length ? 'true' : nothing} aria-describedby=${described(at, list)} @input=${onInput}>${fieldMarks(at, list)}</td>`;
      };
      const include = (e) => {
        const on = e.target.checked;
        act.forecastGoal(goal.id, on, () => prefill(goal));
      };
      const cells = range ? ['low', 'likely', 'high'].map(box) : html`<td colspan="3" class="muted">${t('Stays at its actual result, {actual}.', { actual: format.format(goal.actual) })}</td>`;
      return html`<tr><th scope="row"><input type="checkbox" id=${`sim-in-${goal.id}`} data-include=${goal.id} .checked=${Boolean(range)} @change=${include}> <label for=${`sim-in-${goal.id}`}>${name}</label></th>${cells}</tr>`;
    });
    const table = scroll(t('Forecast goals'), html`<table class="forecast-goals"><caption>${t('Tick the goals whose results are uncertain')}</caption>${heads([t('Goal'), t('Low'), t('Likely'), t('High')])}<tbody>${rows}</tbody></table>`);
    const settings = f ? this.#settings(f, marked, fieldMarks, described) : html`<p class="muted">${t('Tick a goal to forecast it: its low, likely and high results start 20% either side of its actual result.')}</p>`;
    const { shown, done, of } = this.#progress;
    const progress = html`<div class="sim-progress" id="sim-running" ?hidden=${!shown}><label for="sim-progress">${t('Simulating')}</label> <progress id="sim-progress" max=${of} .value=${done} aria-valuetext=${t('{done} of {all} trials', { done: num(done), all: num(of) })}></progress> <button type="button" class="button" id="sim-cancel" @click=${() => this.#cancelByHand()}>${t('Cancel')}</button></div>`;
    // Errors no field of the form shows are said in the status line. How
    // long a finished run took is shown, not spoken: the simulation runs
    // again after every edit, and its time changes each run (found by a
    // fresh look with a screen reader).
    let quiet = this.#state === 'done';
    let said = this.#said(format);
    let output = nothing;
    if (found && errors.length) {
      const unplaced = errors.filter((e) => !fields.has(e.path)).map((e) => `${e.path || t('plan')}: ${e.message}`);
      said = tn(errors.length, 'The forecast has a problem to fix. {unplaced}', 'The forecast has {n} problems to fix. {unplaced}', { unplaced: unplaced.join(' ') });
      quiet = false;
      this.section.dataset.simState = 'error';
    } else if (found) {
      // The last run's, while the next runs too: what it found stays in view.
      output = this.#output(found, fold);
    }
    render(
      html`<h2 id="forecast-heading">${t('What it may cost')}</h2><p class="note">${t('Results are not known when a plan is designed. Give a low, likely and high result for the uncertain goals; Tandem draws results between them thousands of times and calculates the plan exactly each time. You see what the plan may cost, how often it goes over budget, and how tied the teams’ payouts are.')}</p>${table}${settings}${progress}<p id="sim-status" class="status" role="status" aria-live=${quiet ? 'off' : 'polite'}>${said}</p><div id="sim-output">${output}</div>`,
      this.section,
    );
  }

  #settings(f, marked, fieldMarks, described) {
    const { defaults: modelDefaults, format } = this.source();
    const { t, num } = format;
    const { act } = this;
    const { forecast: defaults } = modelDefaults;
    const rho = Math.round(Number(f.correlation ?? defaults.correlation) * 100);
    // The core's bands (its `tie`, as the simulation's ties), in the page's words; exactly 0 is "independent".
    const together = t(rho === 0 ? BANDS.none : BANDS[this.tie((rho / 100).toFixed(2))], { value: num((rho / 100).toFixed(2)) });
    const trials = [...new Set([...TRIALS, f.trials ?? defaults.trials])].sort((a, b) => a - b);
    const budget = ['forecast', 'budget'];
    const budgetErrors = marked(budget);
    const typedBudget = (e) => {
      const text = e.target.value.trim();
      if (!text) this.typing.forget(budget);
      const value = text ? this.typing.take(budget, 'money', text) : undefined;
      act.edit((q) => {
        if (value === undefined) delete q.forecast.budget;
        else q.forecast.budget = value;
      });
    };
    const correlation = html`<div class="field correlation"><label for="sim-correlation">${t('How the forecast goals move together')}</label><div class="dial-row"><span class="end" aria-hidden="true">${t('independent')}</span><input type="range" id="sim-correlation" min="0" max="100" step="5" .value=${String(rho)} data-path=${pathOf(['forecast', 'correlation'])} aria-valuetext=${together} @input=${(e) =>
      act.edit((q) => {
        q.forecast.correlation = (Number(e.target.value) / 100).toFixed(2);
      })}><span class="end" aria-hidden="true">${t('move together')}</span></div><output id="sim-correlation-value" for="sim-correlation">${together}</output></div>`;
    const trialsField = html`<div class="field"><label for="sim-trials">${t('Trials')}</label><select id="sim-trials" data-path=${pathOf(['forecast', 'trials'])} @change=${(e) =>
      act.edit((q) => {
        q.forecast.trials = Number(e.target.value);
      })}>${trials.map((n) => html`<option value=${n} .selected=${n === (f.trials ?? defaults.trials)}>${num(n)}</option>`)}</select></div>`;
    const budgetField = html`<div class="field"><label for="sim-budget">${t('Budget for the total payout')}</label><input type="text" id="sim-budget" inputmode="decimal" autocomplete="off" data-path=${pathOf(budget)} ${typed(format.amount(f.budget ?? '', this.source().facts?.decimals))} aria-invalid=${budgetErrors.length ? 'true' : nothing} aria-describedby=${described(budget, budgetErrors)} @input=${typedBudget}>${fieldMarks(budget, budgetErrors)}</div>`;
    return html`<div class="fields">${correlation}${trialsField}${budgetField}</div>`;
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#run(), DEBOUNCE_MS);
  }

  /** Stops a run in progress: the worker is ended, a new one starts next time. */
  #cancel() {
    clearTimeout(this.#progressTimer);
    if (this.#running !== null) {
      this.#worker?.terminate();
      this.#worker = null;
      this.#running = null;
    }
    this.#progress = { ...this.#progress, shown: false };
  }

  #cancelByHand() {
    clearTimeout(this.#timer);
    this.#cancel();
    this.#show('cancelled', ({ t, num }) => {
      // The last run's figures stay in view: said to be of that run when the plan has changed since.
      const last = this.#last && (this.#last.results[this.source().state.active] ?? this.#last.results[0]);
      const since = last && !last.errors && JSON.stringify(this.#last.plan) !== JSON.stringify(this.#plan);
      return since
        ? t('Cancelled. The figures below are of the last finished run ({trials} trials), on the plan and forecast as they were then. Edit the plan or the forecast to run it again.', { trials: num(last.trials) })
        : t('Cancelled. Edit the plan or the forecast to run it again.');
    });
  }

  /** The section's state and status line (`said(format)`, its words in the element's format as it is when drawn), drawn. */
  #show(state, said = () => '') {
    this.#state = state;
    this.#said = said;
    this.draw();
  }

  #run() {
    this.#cancel();
    const f = this.#plan.forecast;
    const { state } = this.source();
    if (!f || !this.#result) {
      this.#last = null;
      this.#show('idle', ({ t }) => (f ? t('Fix the plan’s errors first: the simulation calculates the plan.') : ''));
      return;
    }
    // The active scenario's forecast, applied to every scenario: plan designs
    // compared under the same uncertainty.
    const plans = state.scenarios.map((s) => withForecast(s.plan, f));
    const names = state.scenarios.map((s) => s.name);
    // Scenarios whose own forecasts differ: whose this one is, said with the table (found by a fresh
    // look: the costs changed with the tab, each under that tab's forecast, unsaid).
    const under = forecastsDiffer(state.scenarios) ? names[state.active] : null;
    try {
      this.#worker ??= this.#startWorker();
    } catch (error) {
      // A browser's own message ends with its full stop (found by a fresh look: ".." under Trusted Types).
      this.#show('error', ({ t }) => t('The simulation could not run: {reason}.', { reason: clause(error.message) }));
      return;
    }
    const id = (this.#nextId += 1);
    this.#running = id;
    const started = performance.now();
    this.#progressTimer = setTimeout(() => {
      if (this.#running !== id) return;
      this.#progress = { ...this.#progress, shown: true };
      this.draw();
    }, PROGRESS_AFTER_MS);
    this.#worker.onmessage = ({ data }) => {
      if (data.id !== this.#running) return;
      if (data.results) {
        clearTimeout(this.#progressTimer);
        this.#running = null;
        this.#progress = { shown: false, done: 0, of: 1 };
        // With the plan and money as they were for this run: what it says is of them.
        this.#last = { results: data.results, names, under, ms: performance.now() - started, plan: this.#plan, cur: this.#result ?? this.source().facts };
        const sim = data.results[state.active] ?? data.results[0];
        const { ms } = this.#last;
        this.#show('done', ({ t, num }) => (sim.errors ? '' : t('{trials} trials in {ms} ms.', { trials: num(sim.trials), ms: num(Math.round(ms)) })));
        return;
      }
      this.#progress = { ...this.#progress, done: data.progress, of: data.of };
      this.draw();
    };
    this.#worker.postMessage({ id, plans, locale: this.source().format.tag });
    this.#show('running');
  }

  #startWorker() {
    const moved = movedAssets();
    // Started as bundlers recognise a worker: `new Worker(new URL(literal, import.meta.url))`; from another origin, from a blob (workers.js).
    const next = moved ? moduleWorker('simulate-worker.js', moved) : moduleWorker('simulate-worker.js', import.meta.url, () => new Worker(new URL('./simulate-worker.js', import.meta.url), { type: 'module' }));
    next.onerror = (event) => {
      // It answers nothing more: the next run starts another (and says so again if that fails too).
      next.terminate();
      if (this.#worker === next) this.#worker = null;
      this.#running = null;
      this.#show('error', ({ t }) => t('The simulation could not run: {reason}.', { reason: event.message === undefined ? t('its worker failed to start') : clause(event.message) }));
    };
    return next;
  }

  /** What the finished run `sim` (the active scenario's) says, with every scenario's when there are several. */
  #output(sim, fold) {
    // Money as the Result wrote it, or (while the plan was invalid) as its facts read it.
    const { cur, plan } = this.#last;
    const { format } = this.source();
    const m = (v) => format.money(v, cur);
    return html`${headline(format, sim, m, plan.forecast?.budget)}${histogram(format, sim, m, cur, plan.forecast?.budget, fold)}${statsTable(format, sim, m)}${this.#ties(format, sim, fold)}${health(format, sim, m, plan, this.practice)}${this.#last.results.length > 1 ? this.#compareTable(format, this.#last, m) : nothing}`;
  }

  /** A correlation from the core (four places) as the locale writes it, or "—" where there is none. */
  #correlation(value) {
    return value === null || value === undefined ? '—' : this.source().format.format(value);
  }

  #ties({ t }, sim, fold) {
    const { plan } = this.#last;
    const name = (id) => sim.teams.find((team) => team.id === id)?.name ?? plan.goals.find((g) => g.id === id)?.name ?? id;
    const isTeam = (id) => sim.teams.some((team) => team.id === id);
    const tie = (c) => {
      const said = { a: name(c.a), b: name(c.b), value: this.#correlation(c.value) };
      // The band is the core's (`tie`); the CLI says the same bands.
      const words = {
        together: phrase('{a} and {b}: payouts move together (correlation {value}).'),
        partly: phrase('{a} and {b}: payouts partly move together (correlation {value}).'),
        independent: phrase('{a} and {b}: payouts move almost independently (correlation {value}).'),
        opposite: phrase('{a} and {b}: payouts move in opposite directions (correlation {value}).'),
      }[c.tie];
      return t(words ?? phrase('{a} and {b}: payouts not correlated: one of them never changes.'), said);
    };
    const pairs = sim.correlations.filter((c) => isTeam(c.b));
    const withGoals = sim.correlations.filter((c) => !isTeam(c.b));
    const listed = pairs.length
      ? html`<ul>${pairs.map((c) => html`<li data-field="correlation" data-a=${c.a} data-b=${c.b} data-value=${c.value ?? ''}>${tie(c)}</li>`)}</ul>`
      : html`<p>${t('One team: nothing to tie.')}</p>`;
    const goals = fold({
      key: 'goal-ties',
      summary: t('Each team’s payout against each forecast goal'),
      content: () => html`<ul>${withGoals.map((c) => html`<li>${t('{team} with {goal}: {value}', { team: name(c.a), goal: name(c.b), value: this.#correlation(c.value) })}</li>`)}</ul>`,
    });
    return html`<section class="sim-ties"><h3>${t('How tied the teams are')}</h3>${listed}${goals}</section>`;
  }

  #compareTable({ t, pct }, run, m) {
    const row = (sim, i) =>
      sim.errors
        ? html`<tr><th scope="row">${run.names[i]}</th><td colspan="6">${sim.errors.map((e) => e.message).join(' ')}</td></tr>`
        : html`<tr data-scenario=${i}><th scope="row">${run.names[i]}</th>${STATS.map(([key]) => html`<td data-stat=${key} data-value=${sim.total.stats[key]}>${m(sim.total.stats[key])}</td>`)}<td data-stat="pOverBudget" data-value=${sim.total.pOverBudget ?? ''}>${sim.total.pOverBudget === null ? '—' : pct(sim.total.pOverBudget)}</td><td data-stat="tie" data-value=${sim.correlations[0]?.value ?? ''}>${this.#correlation(sim.correlations[0]?.value)}</td></tr>`;
    const labels = [t('Scenario'), ...STATS.map(([, stat]) => t('Total {stat}', { stat: t(stat) })), t('Over budget'), t('Tie between the first two teams')];
    const caption = run.under === null ? t('Every scenario under this forecast') : t('Every scenario under the forecast of “{scenario}”', { scenario: run.under });
    const whose = run.under !== null && html`<p class="note" data-field="forecast-whose">${t('The scenarios have forecasts of their own: here each is costed under that of “{scenario}”, the scenario being edited.', { scenario: run.under })}</p>`;
    return html`${whose || nothing}${scroll(caption, html`<table class="sim-compare"><caption>${caption}</caption>${heads(labels)}<tbody>${run.results.map(row)}</tbody></table>`)}`;
  }
}

function headline(format, sim, m, budget) {
  const { t, tParts, pct } = format;
  const over = sim.total.pOverBudget;
  const chance =
    over === null
      ? html`<p>${t('Give a budget to see the chance of going over it.')}</p>`
      : html`<p>${tParts('Chance of going over the budget of {budget}: {chance}', { budget: m(budget), chance: html`<strong class="big" data-field="p-over-budget" data-value=${over}>${pct(over)}</strong>` })}</p>`;
  const mean = html`<strong data-field="sim-mean" data-value=${sim.total.stats.mean}>${m(sim.total.stats.mean)}</strong>`;
  return html`<div class="sim-headline">${chance}<p>${tParts('Expected cost {mean}; 80% of trials cost between {p10} and {p90}.', { mean, p10: m(sim.total.stats.p10), p90: m(sim.total.stats.p90) })}</p></div>`;
}

function health(format, sim, m, plan, practice) {
  const { t, pct, ratio } = format;
  const band = ([low, high]) => `${pct(low)}–${pct(high)}`;
  const { chances } = practice;
  const expects = { low: ratio(practice.leverage[0]), high: ratio(practice.leverage[1]), cap: ratio(practice.leastCap), cliff: pct(practice.cliff), threshold: band(chances.threshold), target: band(chances.target), excellence: band(chances.excellence) };
  // P90 − P50, as the core worked it out (the CLI says the same).
  const { reserve } = sim.total;
  // The findings' words, their money in the plan's currency.
  const f = { ...format, money: m };
  const { lead, reasons } = whyItDiffers(sim, plan, f);
  const found = sim.findings.map((finding) => html`<li class=${finding.severity} data-rule=${finding.rule} data-path=${finding.path} data-value=${finding.value}>${findingText(finding, plan, f)}</li>`);
  return html`<section class="sim-health"><h3>${t('Why the expected cost differs')}</h3><p data-field="why">${lead}</p>${reasons.length ? html`<ul data-field="why-reasons">${reasons.map((text) => html`<li>${text}</li>`)}</ul>` : nothing}<p data-field="reserve" data-value=${reserve}>${t('Reserve to hold: {reserve} (P90 − P50), what an expensive year (one in ten costs more) costs above a typical one.', { reserve: m(reserve) })}</p><h3>${t('Plan health')}</h3>${found.length ? html`<ul data-field="findings">${found}</ul>` : html`<p data-field="findings">${t('No finding: nothing the practice check looks at departs from it.')}</p>`}<p class="hint">${t('The practice check: a good year (the 90th percentile) pays {low}–{high}× target incentive; no cap below {cap}×; no cliff (nothing paid below a point, {cliff} of target or more at it); a goal reaches its threshold in {threshold} of years, its target in {target}, its excellence point (its curve’s last point) in {excellence}. Practice states these for individual sellers; here they are read on each team’s pay over the forecast.', expects)}</p></section>`;
}

function statsTable(format, sim, m) {
  const { t, pct, ratio } = format;
  const row = (id, name, stats, extra) => html`<tr><th scope="row">${name}</th>${STATS.map(([key]) => html`<td data-sim-team=${id} data-stat=${key} data-value=${stats[key]}>${m(stats[key])}</td>`)}${extra}</tr>`;
  const cell = (team, key, text) => html`<td data-sim-team=${team.id} data-stat=${key} data-value=${team[key] ?? ''}>${text}</td>`;
  const economics = html`<table class="sim-economics"><caption>${t('Economics over the trials')}</caption>${heads([t('Team'), t('Good year (P90) ÷ target'), t('At most ÷ target'), t('Mean earned on shared goals')])}<tbody>${sim.teams.map(
    (team) =>
      html`<tr><th scope="row">${team.name}</th>${cell(team, 'leverage', team.leverage === null ? '—' : `${ratio(team.leverage)}×`)}${cell(team, 'maxLeverage', team.maxLeverage === null ? t('no limit') : `${ratio(team.maxLeverage)}×`)}${cell(team, 'meanShared', t('{shared} of {mean}', { shared: m(team.meanShared), mean: m(team.stats.mean) }))}</tr>`,
  )}</tbody></table>`;
  const explained = html`<p class="hint">${t('Leverage: what a good year (P90: one year in ten pays more) pays against target incentive; practice expects 2–3×. At most: the cap, or where the curves stop. Earned on shared goals: each trial’s payout split over the team’s lines in proportion to their amounts, averaged: how much of the pay really rides on the shared goals.')}</p>`;
  const stats = html`<table class="sim-stats"><caption>${t('Payouts over the trials (P10: one year in ten pays less)')}</caption>${heads([t('Team'), ...STATS.map(([, stat]) => t(stat)), t('Above target')])}<tbody>${sim.teams.map((team) => row(team.id, team.name, team.stats, html`<td data-sim-team=${team.id} data-stat="pAboveTarget" data-value=${team.pAboveTarget}>${pct(team.pAboveTarget)}</td>`))}${row('total', t('Total'), sim.total.stats, html`<td></td>`)}</tbody></table>`;
  return scroll(t('Payouts over the trials'), html`${stats}${economics}${explained}`);
}

/** The forecast's first look at a goal: 20 % either side of its actual result. */
function prefill(goal) {
  const base = /^\d+(\.\d+)?$/.test(goal.actual ?? '') ? goal.actual : goal.target;
  return { low: tenths(base, 8), likely: base, high: tenths(base, 12) };
}

/** `plan` with `forecast`, keeping only the goals the plan has. */
function withForecast(plan, forecast) {
  const ids = new Set(plan.goals.map((g) => g.id));
  const goals = Object.fromEntries(Object.entries(forecast.goals).filter(([id]) => ids.has(id)));
  return { ...plan, forecast: { ...forecast, goals } };
}

const W = 640;
const H = 220;
const PAD = { left: 16, right: 16, top: 24, bottom: 40 };

/** The total payout's histogram with the budget line and the P10, P50 and P90 marks, and its table. */
function histogram(format, sim, m, cur, budget, fold) {
  const { t, shortMoney } = format;
  const { from, to, counts } = sim.histogram;
  const [lo, hi] = [Number(from), Number(to)];
  const span = hi - lo || 1;
  const most = Math.max(...counts, 1);
  const width = (W - PAD.left - PAD.right) / counts.length;
  const x = (v) => PAD.left + ((Number(v) - lo) / span) * (W - PAD.left - PAD.right);
  const bars = counts.map((c, i) => svg`<rect class="bar" x=${(PAD.left + i * width + 1).toFixed(1)} width=${Math.max(width - 2, 1).toFixed(1)} y=${(H - PAD.bottom - (c / most) * (H - PAD.top - PAD.bottom)).toFixed(1)} height=${((c / most) * (H - PAD.top - PAD.bottom)).toFixed(1)}></rect>`);
  // Labels above the bars; the budget's on a second row, so that it does
  // not cover a percentile's.
  const mark = (value, label, cls, row = 0) => {
    const at = Math.min(Math.max(x(value), PAD.left), W - PAD.right);
    return svg`<line class=${`guide ${cls}`} x1=${at} x2=${at} y1=${PAD.top - 8 + row * 14} y2=${H - PAD.bottom}></line><text class="guide-label" x=${at + 3} y=${PAD.top - 10 + row * 14}>${label}</text>`;
  };
  // One histogram in a calculator's shadow root: a fixed id.
  const title = 'hist-title';
  const budgetMark = budget !== undefined && sim.total.pOverBudget !== null ? mark(budget, t('Budget {budget}', { budget: m(budget) }), 'budget', 1) : nothing;
  return html`<figure class="sim-histogram"><svg class="chart histogram" viewBox=${`0 0 ${W} ${H}`} role="img" aria-labelledby=${title}><title id=${title}>${t('How often each total payout came up, from {from} to {to}. The table below has the numbers.', { from: m(from), to: m(to) })}</title>${bars}${mark(sim.total.stats.p10, 'P10', 'p10')}${mark(sim.total.stats.p50, 'P50', 'p50')}${mark(sim.total.stats.p90, 'P90', 'p90')}${budgetMark}<line class="axis" x1=${PAD.left} x2=${W - PAD.right} y1=${H - PAD.bottom} y2=${H - PAD.bottom}></line><text class="tick" x=${PAD.left} y=${H - PAD.bottom + 16}>${shortMoney(lo, cur)}</text><text class="tick" x=${W - PAD.right} y=${H - PAD.bottom + 16} text-anchor="end">${shortMoney(hi, cur)}</text><text class="axis-label" x=${W / 2} y=${H - 6} text-anchor="middle">${t('Total payout')}</text></svg>${fold({ key: 'histogram-data', summary: t('Histogram data'), kind: 'sim-data', content: () => histogramTable(format, sim, m) })}</figure>`;
}

function histogramTable(format, sim, m) {
  const { t, num } = format;
  const { from, to, counts } = sim.histogram;
  // Bin edges from + i × (to − from) / 30, cut to the currency's places.
  const places = placesIn(from);
  const units = (text) => BigInt(text.replace('.', ''));
  const [lo, hi] = [units(from), units(to)];
  const edge = (i) => {
    const digits = (lo + ((hi - lo) * BigInt(i)) / BigInt(counts.length)).toString().padStart(places + 1, '0');
    return places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  };
  return scroll(
    t('Histogram data'),
    html`<table><caption>${t('Trials by total payout (each range includes its start, not its end; the last includes both)')}</caption>${heads([t('Total payout from'), t('Trials')])}<tbody>${counts.map((c, i) => html`<tr><th scope="row">${m(edge(i))}</th><td data-bin=${i}>${num(c)}</td></tr>`)}</tbody></table>`,
  );
}
