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
import { disclosure, h, note, scroller, svg, uid } from './dom.js';
import { tenths } from './decimal.js';
import { money, num, pct, ratio, shortMoney } from './results.js';
import { currentLocale, later, phrase, t, tn, tParts, useLocale } from './words.js';
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

/**
 * The section's behaviour: `update(result)` after every recalculation
 * (result null while the plan has errors). `state()` is the store's
 * scenarios, which the forecast changes only through the store: `edit(mutate)`
 * (a change to a copy of the plan being edited), `set(path, value)` and
 * `forecastGoal(id, on, fresh)` (a goal in or out, its range kept meanwhile);
 * `unfolded` is the store's set of unfolded sections; `facts()` the core's
 * facts of the plan (its money while it is invalid); `defaults()` the
 * model's (a forecast's settings it leaves out); `tie(r)` the core's band
 * of a correlation; `changed()` is called after the forecast is edited (the page's link
 * follows it);
 * `numbers()` is how the element writes numbers (locale.js); `typing` reads
 * entries its way (`take(path, kind, text)`, `noteFor(path)`) and puts its
 * words for entries it could not read in place of the core's
 * (`withReadings(errors, 'forecast')`);
 * `redraw()` draws the form again on the next update; `detach()` stops the
 * worker.
 */
export function forecastPanel(section, { changed, numbers, state, facts, defaults: modelDefaults, tie, edit: change, set, forecastGoal, unfolded, typing: { take, noteFor, withReadings } }) {
  let result = null;
  let shape = null;
  let worker = null;
  let running = null;
  let nextId = 0;
  let timer = null;
  let progressTimer = null;
  /** What the last finished run gave, and the names of its scenarios. */
  let last = null;

  const plan = () => state().scenarios[state().active].plan;

  function update(nextResult) {
    result = nextResult;
    const p = plan();
    const key = JSON.stringify([state().active, p.goals.map((g) => [g.id, g.name]), Object.keys(p.forecast?.goals ?? {}), p.forecast?.trials, Boolean(result)]);
    if (key !== shape) {
      shape = key;
      drawForm();
    }
    schedule();
  }

  /** Applies an edit to the active plan's forecast and runs again soon. */
  function edit(mutate, options) {
    change(mutate);
    edited(options);
  }

  /** The forecast was edited: its form drawn again when its shape changed (`redraw`), the simulation run again soon. */
  function edited({ redraw = false } = {}) {
    if (redraw) {
      shape = null;
      update(result);
    } else {
      schedule();
    }
    changed();
  }

  /** Puts `goal` into the forecast, or takes it out (the store keeps its range meanwhile). */
  function include(goal, on) {
    forecastGoal(goal.id, on, () => prefill(goal));
    edited({ redraw: true });
    section.querySelector(`[data-include="${CSS.escape(goal.id)}"]`)?.focus();
  }

  function drawForm() {
    useLocale(numbers().tag);
    const p = plan();
    const f = p.forecast;
    const rows = p.goals.map((goal, i) => {
      const range = f?.goals?.[goal.id];
      const name = goal.name || t('Goal {n}', { n: i + 1 });
      const box = uid('sim-in');
      const input = (key) =>
        h('input', {
          type: 'text',
          id: uid('sim-in'),
          inputmode: 'decimal',
          autocomplete: 'off',
          'data-path': `forecast.goals.${goal.id}.${key}`,
          'aria-label': t(RESULT_LABELS[key], { goal: name }),
          value: numbers().format(range?.[key] ?? ''),
          on: {
            input: (e) => {
              const path = `forecast.goals.${goal.id}.${key}`;
              const value = take(path, 'number', e.target.value);
              note(e.target, noteFor(path));
              set(path, value);
              edited();
            },
          },
        });
      return h(
        'tr',
        {},
        h('th', { scope: 'row' }, h('input', { type: 'checkbox', id: box, 'data-include': goal.id, checked: Boolean(range), on: { change: (e) => include(goal, e.target.checked) } }), ' ', h('label', { for: box, text: name })),
        range ? ['low', 'likely', 'high'].map((key) => h('td', {}, input(key))) : h('td', { colspan: 3, class: 'muted', text: t('Stays at its actual result, {actual}.', { actual: numbers().format(goal.actual) }) }),
      );
    });
    const table = scroller(
      t('Forecast goals'),
      h('table', { class: 'forecast-goals' }, h('caption', { text: t('Tick the goals whose results are uncertain') }), h('thead', {}, h('tr', {}, [t('Goal'), t('Low'), t('Likely'), t('High')].map((text) => h('th', { scope: 'col', text })))), h('tbody', {}, rows)),
    );
    const settingsEls = f ? settingsFields(f) : [h('p', { class: 'muted', text: t('Tick a goal to forecast it: its low, likely and high results start 20 % either side of its actual result.') })];
    section.replaceChildren(
      h('h2', { id: 'forecast-heading', text: t('What it may cost') }),
      h('p', { class: 'note', text: t('Results are not known when a plan is designed. Give a low, likely and high result for the uncertain goals; Tandem draws results between them thousands of times and calculates the plan exactly each time. You see what the plan may cost, how often it goes over budget, and how tied the teams’ payouts are.') }),
      table,
      ...settingsEls,
      h('div', { class: 'sim-progress', id: 'sim-running', hidden: true }, h('label', { for: 'sim-progress', text: t('Simulating') }), ' ', h('progress', { id: 'sim-progress', max: 1, value: 0 }), ' ', h('button', { type: 'button', class: 'button', id: 'sim-cancel', text: t('Cancel'), on: { click: later(cancelByHand) } })),
      h('p', { id: 'sim-status', class: 'status', role: 'status' }),
      h('div', { id: 'sim-output' }),
    );
    if (last) renderOutput();
  }

  function settingsFields(f) {
    const { forecast: defaults } = modelDefaults();
    const rho = Math.round(Number(f.correlation ?? defaults.correlation) * 100);
    // The core's bands (its `tie`, as the simulation's ties), in the page's words; exactly 0 is "independent".
    const together = (r) => {
      const value = num((r / 100).toFixed(2));
      return t(r === 0 ? BANDS.none : BANDS[tie((r / 100).toFixed(2))], { value });
    };
    const output = h('output', { id: 'sim-correlation-value', for: 'sim-correlation', text: together(rho) });
    const trials = [...new Set([...TRIALS, f.trials ?? defaults.trials])].sort((a, b) => a - b);
    return [
      h(
        'div',
        { class: 'fields' },
        h(
          'div',
          { class: 'field correlation' },
          h('label', { for: 'sim-correlation', text: t('How the forecast goals move together') }),
          h(
            'div',
            { class: 'dial-row' },
            h('span', { class: 'end', 'aria-hidden': 'true', text: t('independent') }),
            h('input', {
              type: 'range',
              id: 'sim-correlation',
              min: 0,
              max: 100,
              step: 5,
              value: rho,
              'data-path': 'forecast.correlation',
              'aria-valuetext': together(rho),
              on: {
                input: later((e) => {
                  const r = Number(e.target.value);
                  output.textContent = together(r);
                  e.target.setAttribute('aria-valuetext', output.textContent);
                  edit((q) => { q.forecast.correlation = (r / 100).toFixed(2); });
                }),
              },
            }),
            h('span', { class: 'end', 'aria-hidden': 'true', text: t('move together') }),
          ),
          output,
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'sim-trials', text: t('Trials') }),
          h('select', { id: 'sim-trials', 'data-path': 'forecast.trials', on: { change: (e) => edit((q) => { q.forecast.trials = Number(e.target.value); }, { redraw: true }) } }, trials.map((n) => h('option', { value: n, text: num(n), selected: n === (f.trials ?? defaults.trials) }))),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'sim-budget', text: t('Budget for the total payout') }),
          h('input', {
            type: 'text',
            id: 'sim-budget',
            inputmode: 'decimal',
            autocomplete: 'off',
            'data-path': 'forecast.budget',
            value: numbers().format(f.budget ?? ''),
            on: {
              input: (e) => {
                const text = e.target.value.trim();
                const value = text ? take('forecast.budget', 'money', text) : undefined;
                note(e.target, text ? noteFor('forecast.budget') : '');
                edit((q) => {
                  if (value === undefined) delete q.forecast.budget;
                  else q.forecast.budget = value;
                });
              },
            },
          }),
        ),
      ),
    ];
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(later(run), DEBOUNCE_MS);
  }

  /** Stops a run in progress: the worker is ended, a new one starts next time. */
  function cancel() {
    clearTimeout(progressTimer);
    if (running !== null) {
      worker?.terminate();
      worker = null;
      running = null;
    }
    const bar = section.querySelector('#sim-running');
    if (bar) bar.hidden = true;
  }

  function cancelByHand() {
    clearTimeout(timer);
    cancel();
    section.dataset.simState = 'cancelled';
    say(t('Cancelled. Edit the plan or the forecast to run it again.'));
  }

  function say(text) {
    const status = section.querySelector('#sim-status');
    if (status) status.textContent = text;
  }

  function run() {
    cancel();
    const f = plan().forecast;
    if (!f || !result) {
      last = null;
      section.querySelector('#sim-output')?.replaceChildren();
      section.dataset.simState = 'idle';
      say(f ? t('Fix the plan’s errors first: the simulation calculates the plan.') : '');
      return;
    }
    // The active scenario's forecast, applied to every scenario: plan designs
    // compared under the same uncertainty.
    const plans = state().scenarios.map((s) => withForecast(s.plan, f));
    const names = state().scenarios.map((s) => s.name);
    try {
      worker ??= startWorker();
    } catch (error) {
      section.dataset.simState = 'error';
      say(t('The simulation could not run: {reason}.', { reason: error.message }));
      return;
    }
    const id = (nextId += 1);
    running = id;
    section.dataset.simState = 'running';
    const started = performance.now();
    progressTimer = setTimeout(() => {
      const bar = section.querySelector('#sim-running');
      if (bar && running === id) bar.hidden = false;
    }, PROGRESS_AFTER_MS);
    worker.onmessage = later(({ data }) => {
      if (data.id !== running) return;
      if (data.results) {
        clearTimeout(progressTimer);
        running = null;
        section.querySelector('#sim-running').hidden = true;
        last = { results: data.results, names, ms: performance.now() - started };
        renderOutput();
        return;
      }
      const bar = section.querySelector('#sim-progress');
      bar.max = data.of;
      bar.value = data.progress;
      bar.setAttribute('aria-valuetext', t('{done} of {all} trials', { done: num(data.progress), all: num(data.of) }));
    });
    worker.postMessage({ id, plans, locale: currentLocale() });
    say('');
  }

  function startWorker() {
    const moved = movedAssets();
    // Started as bundlers recognise a worker: `new Worker(new URL(literal, import.meta.url))`; from another origin, from a blob (workers.js).
    const next = moved ? moduleWorker('simulate-worker.js', moved) : moduleWorker('simulate-worker.js', import.meta.url, () => new Worker(new URL('./simulate-worker.js', import.meta.url), { type: 'module' }));
    next.onerror = later((event) => {
      // It answers nothing more: the next run starts another (and says so again if that fails too).
      next.terminate();
      if (worker === next) worker = null;
      running = null;
      section.dataset.simState = 'error';
      say(t('The simulation could not run: {reason}.', { reason: event.message ?? t('its worker failed to start') }));
    });
    return next;
  }

  function renderOutput() {
    useLocale(numbers().tag);
    const out = section.querySelector('#sim-output');
    for (const el of section.querySelectorAll('.field-error')) el.remove();
    for (const el of section.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
    }
    const found = last.results[state().active] ?? last.results[0];
    const errors = withReadings(found.errors ?? [], 'forecast');
    const sim = errors.length ? { ...found, errors } : found;
    if (sim.errors) {
      section.dataset.simState = 'error';
      const unplaced = [];
      for (const error of sim.errors) {
        const field = section.querySelector(`[data-path="${CSS.escape(error.path)}"]`);
        if (field) {
          const id = uid('forecast-error');
          field.setAttribute('aria-invalid', 'true');
          field.setAttribute('aria-describedby', id);
          field.closest('td, .field')?.append(h('p', { class: 'field-error', id, text: error.message }));
        } else {
          unplaced.push(`${error.path || t('plan')}: ${error.message}`);
        }
      }
      out.replaceChildren();
      say(tn(sim.errors.length, 'The forecast has a problem to fix. {unplaced}', 'The forecast has {n} problems to fix. {unplaced}', { unplaced: unplaced.join(' ') }));
      return;
    }
    section.dataset.simState = 'done';
    say(t('{trials} trials in {ms} ms.', { trials: num(sim.trials), ms: Math.round(last.ms) }));
    // Money as the Result writes it, or (while the plan is invalid) as its facts read it.
    const cur = result ?? facts();
    const m = (v) => money(v, cur);
    const parts = [headline(sim, m), histogram(sim, m, cur, plan().forecast?.budget), statsTable(sim, m), ties(sim), health(sim, m)];
    if (last.results.length > 1) parts.push(compareTable(last, m));
    out.replaceChildren(...parts);
  }

  function headline(sim, m) {
    const budget = plan().forecast?.budget;
    const over = sim.total.pOverBudget;
    return h(
      'div',
      { class: 'sim-headline' },
      over === null
        ? h('p', { text: t('Give a budget to see the chance of going over it.') })
        : h('p', {}, tParts('Chance of going over the budget of {budget}: {chance}', { budget: m(budget), chance: h('strong', { class: 'big', 'data-field': 'p-over-budget', 'data-value': over, text: pct(over) }) })),
      h('p', {}, tParts('Expected cost {mean}; 80 % of trials cost between {p10} and {p90}.', { mean: h('strong', { 'data-field': 'sim-mean', 'data-value': sim.total.stats.mean, text: m(sim.total.stats.mean) }), p10: m(sim.total.stats.p10), p90: m(sim.total.stats.p90) })),
    );
  }

  function health(sim, m) {
    // P90 − P50, as the core worked it out (the CLI says the same).
    const { reserve } = sim.total;
    const f = { money: m, pct, ratio, num };
    const { lead, reasons } = whyItDiffers(sim, plan(), f);
    const found = sim.findings.map((finding) =>
      h('li', { class: finding.severity, 'data-rule': finding.rule, 'data-path': finding.path, 'data-value': finding.value, text: findingText(finding, plan(), f) }),
    );
    return h(
      'section',
      { class: 'sim-health' },
      h('h3', { text: t('Why the expected cost differs') }),
      h('p', { 'data-field': 'why', text: lead }),
      reasons.length ? h('ul', { 'data-field': 'why-reasons' }, reasons.map((text) => h('li', { text }))) : null,
      h('p', { 'data-field': 'reserve', 'data-value': reserve, text: t('Reserve to hold: {reserve} (P90 − P50), what an expensive year (one in ten costs more) costs above a typical one.', { reserve: m(reserve) }) }),
      h('h3', { text: t('Plan health') }),
      found.length
        ? h('ul', { 'data-field': 'findings' }, found)
        : h('p', { 'data-field': 'findings', text: t('No finding: nothing the practice check looks at departs from it.') }),
      h('p', { class: 'hint', text: t('The practice check: a good year (the 90th percentile) pays 2–3× target incentive; no cap below 2×; no cliff (nothing paid below a point, half or more at it); a goal reaches its threshold in 85–95 % of years, its target in 60–70 %, its excellence point (its curve’s last point) in 5–15 %. Practice states these for individual sellers; here they are read on each team’s pay over the forecast.') }),
    );
  }

  function statsTable(sim, m) {
    const row = (id, name, stats, extra) =>
      h('tr', {}, h('th', { scope: 'row', text: name }), STATS.map(([key]) => h('td', { 'data-sim-team': id, 'data-stat': key, 'data-value': stats[key], text: m(stats[key]) })), extra);
    const cell = (team, key, text) => h('td', { 'data-sim-team': team.id, 'data-stat': key, 'data-value': team[key] ?? '', text });
    const economics = h(
      'table',
      { class: 'sim-economics' },
      h('caption', { text: t('Economics over the trials') }),
      h('thead', {}, h('tr', {}, [t('Team'), t('Good year (P90) ÷ target'), t('At most ÷ target'), t('Mean earned on shared goals')].map((x) => h('th', { scope: 'col', text: x })))),
      h(
        'tbody',
        {},
        sim.teams.map((team) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', text: team.name }),
            cell(team, 'leverage', team.leverage === null ? '—' : `${ratio(team.leverage)}×`),
            cell(team, 'maxLeverage', team.maxLeverage === null ? t('no limit') : `${ratio(team.maxLeverage)}×`),
            cell(team, 'meanShared', t('{shared} of {mean}', { shared: m(team.meanShared), mean: m(team.stats.mean) })),
          ),
        ),
      ),
    );
    const explained = h('p', { class: 'hint', text: t('Leverage: what a good year (P90: one year in ten pays more) pays against target incentive; practice expects 2–3×. At most: the cap, or where the curves stop. Earned on shared goals: each trial’s payout split over the team’s lines in proportion to their amounts, averaged: how much of the pay really rides on the shared goals.') });
    return scroller(
      t('Payouts over the trials'),
      h(
        'table',
        { class: 'sim-stats' },
        h('caption', { text: t('Payouts over the trials (P10: one year in ten pays less)') }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('Team') }), STATS.map(([, stat]) => h('th', { scope: 'col', text: t(stat) })), h('th', { scope: 'col', text: t('Above target') }))),
        h(
          'tbody',
          {},
          sim.teams.map((team) => row(team.id, team.name, team.stats, h('td', { 'data-sim-team': team.id, 'data-stat': 'pAboveTarget', 'data-value': team.pAboveTarget, text: pct(team.pAboveTarget) }))),
          row('total', t('Total'), sim.total.stats, h('td', { text: '' })),
        ),
      ),
      economics,
      explained,
    );
  }

  /** A correlation from the core (four places) as the locale writes it, or "—" where there is none. */
  const correlation = (value) => (value === null || value === undefined ? '—' : numbers().format(value));

  function ties(sim) {
    const name = (id) => sim.teams.find((team) => team.id === id)?.name ?? plan().goals.find((g) => g.id === id)?.name ?? id;
    const isTeam = (id) => sim.teams.some((team) => team.id === id);
    const tie = (c) => {
      const said = { a: name(c.a), b: name(c.b), value: correlation(c.value) };
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
    return h(
      'section',
      { class: 'sim-ties' },
      h('h3', { text: t('How tied the teams are') }),
      pairs.length ? h('ul', {}, pairs.map((c) => h('li', { 'data-field': 'correlation', 'data-a': c.a, 'data-b': c.b, 'data-value': c.value ?? '', text: tie(c) }))) : h('p', { text: t('One team: nothing to tie.') }),
      disclosure({
        key: 'goal-ties',
        open: unfolded,
        summary: t('Each team’s payout against each forecast goal'),
        build: later(() => h('ul', {}, withGoals.map((c) => h('li', { text: t('{team} with {goal}: {value}', { team: name(c.a), goal: name(c.b), value: correlation(c.value) }) })))),
      }),
    );
  }

  function compareTable(run, m) {
    return scroller(
      t('Every scenario under this forecast'),
      h(
        'table',
        { class: 'sim-compare' },
        h('caption', { text: t('Every scenario under this forecast') }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('Scenario') }), STATS.map(([, stat]) => h('th', { scope: 'col', text: t('Total {stat}', { stat: t(stat) }) })), h('th', { scope: 'col', text: t('Over budget') }), h('th', { scope: 'col', text: t('Tie between the first two teams') }))),
        h(
          'tbody',
          {},
          run.results.map((sim, i) =>
            sim.errors
              ? h('tr', {}, h('th', { scope: 'row', text: run.names[i] }), h('td', { colspan: 6, text: sim.errors.map((e) => e.message).join(' ') }))
              : h(
                  'tr',
                  { 'data-scenario': i },
                  h('th', { scope: 'row', text: run.names[i] }),
                  STATS.map(([key]) => h('td', { 'data-stat': key, 'data-value': sim.total.stats[key], text: m(sim.total.stats[key]) })),
                  h('td', { 'data-stat': 'pOverBudget', 'data-value': sim.total.pOverBudget ?? '', text: sim.total.pOverBudget === null ? '—' : pct(sim.total.pOverBudget) }),
                  h('td', { 'data-stat': 'tie', 'data-value': sim.correlations[0]?.value ?? '', text: correlation(sim.correlations[0]?.value) }),
                ),
          ),
        ),
      ),
    );
  }

  return {
    update,
    /** The last simulation's results per scenario, when one has finished and none runs; else null. */
    simulated: () => (last && !running ? last.results : null),
    redraw() {
      shape = null;
    },
    detach() {
      clearTimeout(timer);
      cancel();
    },
  };
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
function histogram(sim, m, cur, budget) {
  const { from, to, counts } = sim.histogram;
  const [lo, hi] = [Number(from), Number(to)];
  const span = hi - lo || 1;
  const most = Math.max(...counts, 1);
  const width = (W - PAD.left - PAD.right) / counts.length;
  const x = (v) => PAD.left + ((Number(v) - lo) / span) * (W - PAD.left - PAD.right);
  const bars = counts.map((c, i) => svg('rect', { class: 'bar', x: (PAD.left + i * width + 1).toFixed(1), width: Math.max(width - 2, 1).toFixed(1), y: (H - PAD.bottom - (c / most) * (H - PAD.top - PAD.bottom)).toFixed(1), height: ((c / most) * (H - PAD.top - PAD.bottom)).toFixed(1) }));
  // Labels above the bars; the budget's on a second row, so that it does
  // not cover a percentile's.
  const mark = (value, label, cls, row = 0) => {
    const at = Math.min(Math.max(x(value), PAD.left), W - PAD.right);
    return [svg('line', { class: `guide ${cls}`, x1: at, x2: at, y1: PAD.top - 8 + row * 14, y2: H - PAD.bottom }), svg('text', { class: 'guide-label', x: at + 3, y: PAD.top - 10 + row * 14, text: label })];
  };
  const figureTitle = uid('hist');
  const figure = svg(
    'svg',
    { class: 'chart histogram', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': figureTitle },
    svg('title', { id: figureTitle, text: t('How often each total payout came up, from {from} to {to}. The table below has the numbers.', { from: m(from), to: m(to) }) }),
    bars,
    mark(sim.total.stats.p10, 'P10', 'p10'),
    mark(sim.total.stats.p50, 'P50', 'p50'),
    mark(sim.total.stats.p90, 'P90', 'p90'),
    budget !== undefined && sim.total.pOverBudget !== null ? mark(budget, t('Budget {budget}', { budget: m(budget) }), 'budget', 1) : null,
    svg('line', { class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom }),
    svg('text', { class: 'tick', x: PAD.left, y: H - PAD.bottom + 16, text: shortMoney(lo, cur) }),
    svg('text', { class: 'tick', x: W - PAD.right, y: H - PAD.bottom + 16, 'text-anchor': 'end', text: shortMoney(hi, cur) }),
    svg('text', { class: 'axis-label', x: W / 2, y: H - 6, 'text-anchor': 'middle', text: t('Total payout') }),
  );
  return h('figure', { class: 'sim-histogram' }, figure, histogramTable(sim, m));
}

function histogramTable(sim, m) {
  const { from, to, counts } = sim.histogram;
  // Bin edges from + i × (to − from) / 30, cut to the currency's places.
  const places = (from.split('.')[1] ?? '').length;
  const units = (text) => BigInt(text.replace('.', ''));
  const [lo, hi] = [units(from), units(to)];
  const edge = (i) => {
    const digits = (lo + ((hi - lo) * BigInt(i)) / BigInt(counts.length)).toString().padStart(places + 1, '0');
    return places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  };
  return h(
    'details',
    { class: 'sim-data' },
    h('summary', { text: t('Histogram data') }),
    scroller(
      t('Histogram data'),
      h(
        'table',
        {},
        h('caption', { text: t('Trials by total payout (each range includes its start, not its end; the last includes both)') }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('Total payout from') }), h('th', { scope: 'col', text: t('Trials') }))),
        h('tbody', {}, counts.map((c, i) => h('tr', {}, h('th', { scope: 'row', text: m(edge(i)) }), h('td', { 'data-bin': i, text: num(c) })))),
      ),
    ),
  );
}
