// <tandem-calculator>: the whole calculator as one element, for the full
// page in this folder and for any host page:
//
//   <script type="module" src="tandem.js"></script>
//   <tandem-calculator plan="plans/2027.json" locked="targets weights"></tandem-calculator>
//
// The Wasm module is found next to this script (pkg/), whatever the page's URL.
//
// Attributes (each may change at any time; the element follows)
//   plan      URL of a plan (or scenario) file to start from; changing it
//             later loads the new file. A child
//             <script type="application/json"> holding a plan does the same inline.
//             Without either, the "Shared revenue" example.
//   locked    what viewers cannot change, any of: plan (name, currency,
//             rounding), goals, targets, actuals, curves, teams, incentives,
//             weights. Presets, import and scenarios are hidden when set.
//   compact   results only, for a sidebar.
//   hash      keep the plan in the page's link (#plan= / #scenarios=) and
//             follow it; the full page sets it, host pages usually do not.
//   locale    how numbers are written and read (a BCP 47 tag: de-DE, fr-FR,
//             en-IN); else the nearest `lang` (with the browser's region
//             when that `lang` has none), else the browser's.
// Set by the element
//   ready     once the first result is drawn.
//   linking   while a change waits to be written into the page's link (with
//             `hash`; the link follows once typing pauses).
// Properties
//   result    the latest Result (MODEL.md), or null before the first.
//   plan      a copy of the plan being edited; setting it (a plan or a
//             scenario file's object) validates and recalculates.
// Events
//   tandem-change   after every recalculation; `detail` is the Result.
//   tandem-error    when the plan is invalid (an edit, or a plan the page
//                   set); `detail.errors` holds `{ path, message }`.
// CSS custom properties (set on the element or any ancestor)
//   --tandem-bg, --tandem-surface, --tandem-text, --tandem-muted,
//   --tandem-border, --tandem-accent, --tandem-accent-text, --tandem-error,
//   --tandem-font; team colours --tandem-team-1 … --tandem-team-6.
// Styles live in the shadow root: host styles do not reach in, and these do
// not leak out.
// Removed from the page, it leaves nothing listening outside itself; put
// back, it listens again with its plan as it was.
import { engine } from './engine.js';
import { h, morph, note } from './dom.js';
import { skeleton, lock } from './frame.js';
import { fromFile, rejoinResults, renderComparison, shareResults, toFile } from './scenarios.js';
import { getPath, idFor, markFields, newTeams, refreshMatrix, renderEditor, setPath } from './editor.js';
import { Entries, within } from './entries.js';
import { Solver } from './solver.js';
import { Dials } from './dials.js';
import { PageLink } from './pagelink.js';
import { Files } from './files.js';
import { toPercent } from './decimal.js';
import { known, numbering } from './locale.js';
import { changedText, money, pct, renderResults, renderSummary, summary, useLocale } from './results.js';
import { STEPS } from './chart.js';
import { forecastPanel } from './forecast.js';
import { Statement } from './statement.js';

/** Quiet time after a keystroke before an entry counts as complete. */
const PAUSE_MS = 700;

/** Most scenarios side by side (as many as the core's `evaluate` takes). */
const MAX_SCENARIOS = 20;

const PRESETS = {
  blank: {
    title: 'Blank plan',
    // One goal and one team, names to fill; the team's id follows its name.
    plan: () => {
      const team = { id: 'team-1', name: '', targetIncentive: '10000.00', weights: { 'goal-1': '1' } };
      newTeams.add(team);
      return { version: 1, name: '', currency: 'USD', goals: [{ id: 'goal-1', name: '', target: '100', actual: '100' }], teams: [team] };
    },
    note: 'A blank plan: name the goal and the team (the marked fields), then set the goal’s target and actual result and the team’s target incentive. Add goals and teams below; the weights table says how much of each team’s incentive rides on each goal.',
  },
  siloed: {
    title: 'Siloed',
    file: 'siloed.json',
    note: 'Siloed: Sales is paid only on New ARR and new customers, Marketing only on pipeline and leads. Nothing ties them together; compare with “Shared revenue”.',
  },
  shared: {
    title: 'Shared revenue',
    file: 'shared-revenue.json',
    note: 'Shared revenue: the same company with half of each team’s incentive on New ARR. When revenue moves, both teams move with it.',
  },
  teaching: {
    title: 'Teaching example',
    file: 'teaching.json',
    note: 'Teaching example: a target incentive of 22,500 weighted 50 / 30 / 20 on three goals at 110 %, 70 % and 110 %. By hand: 22,500 × (0.5 × 1.1 + 0.3 × 0.7 + 0.2 × 1.1) = 22,500 × 0.98 = 22,050.00. Open “Show the math” to follow each step. Every step is exact: an attainment of 1,000,000 ÷ 1,200,000 is kept as 5/6, so 90,000 × 0.5 × 5/6 pays exactly 37,500.00, in every rounding mode.',
  },
  dial: {
    title: 'The dial',
    file: 'dial.json',
    note: 'The dial: from siloed to shared. Marketing starts with nothing on New ARR, so only Sales gains when revenue grows. Move Marketing’s dial (under the weights) to 50 %. Watch its line on the chart tilt with revenue, and read under its result what New ARR it now needs.',
  },
  advanced: {
    title: 'Gates, caps & members',
    file: 'gates-modifiers.json',
    note: 'Gates, caps and members: a goal gate, a team gate, a customer-satisfaction modifier, a cap that bites, a blended team and payouts split among members to the cent.',
  },
};

/** Where a scenario's plan came from: a preset, as it was (`followPreset` compares against it). */
function presetOrigin(preset, plan) {
  return { title: preset.title, note: preset.note, text: JSON.stringify(plan) };
}

/**
 * The element's locale: its `locale` attribute, else the nearest `lang`
 * (with the browser's region when that names a language only: `en` and an
 * en-GB browser give en-GB), else the browser's. `unknown` is an asked tag
 * this browser does not know.
 */
function localeOf(host) {
  const asked = host.getAttribute('locale');
  const lang = host.closest('[lang]')?.lang ?? document.documentElement.lang;
  const browser = navigator.language;
  const regional = lang && !lang.includes('-') && browser?.toLowerCase().startsWith(`${lang.toLowerCase()}-`) ? browser : lang;
  const tag = known(asked) ?? known(regional) ?? known(browser) ?? 'en-US';
  return { tag, unknown: asked && !known(asked) ? asked : null };
}

/** Starts a calculator in `root` (the element's shadow root). */
function mount(host, root) {
  const $ = (id) => root.getElementById(id);
  const els = {
    editor: $('editor'),
    results: $('results'),
    status: $('status'),
    stale: $('stale'),
    announce: $('announce'),
    note: $('preset-note'),
    scenarios: $('scenarios'),
    comparison: $('comparison'),
    solver: $('solver'),
    summary: $('summary'),
  };
  /** The field last typed into, for the jump back from the results. */
  let lastField = null;
  /**
   * The last results of a complete entry (standing ~0.7 s, or the field
   * left): what stays on screen, marked out of date, while an entry is wrong.
   */
  let settled = null;
  let settleTimer = null;
  /** Errors held back while an entry may be half-typed, shown once typing pauses. */
  let errorsTimer = null;
  /** Whether the results on screen are `settled`'s. */
  let showingSettled = false;
  /** How numbers are written and read (the `locale` attribute, …). */
  let numbers;
  /** The shared-stake dials under the weights (dials.js). */
  const dials = new Dials(els.editor, () => ({ core, plan, numbers, result: lastResult }), (i, weights) => edit((p) => {
    p.teams[i].weights = weights;
  }));
  /** "What must a goal reach?" (solver.js), answered once typing in the plan pauses. */
  const solver = new Solver(els.solver, () => ({ core, plan, result: lastResult, numbers }));
  let solverTimer = null;
  /** How the entries typed since the editor was drawn were read (entries.js). */
  const entries = new Entries(null);
  /** "What it may cost": the forecast and its simulation, in a worker. */
  const forecast = forecastPanel($('forecast'), {
    changed: () => link.schedule(),
    numbers: () => numbers,
    typing: {
      take: (path, kind, text) => entries.take(path, kind, text, plan),
      noteFor: (path) => entries.noteFor(path),
      withReadings: (errors, part) => entries.withReadings(errors, part),
    },
  });
  /** The page's link, kept in step with the plan when the element has `hash` (pagelink.js). */
  const link = new PageLink(host, $('link-problem'), { state: () => state, open: (next) => show(next) });
  /** The printed statement (statement.js), of the results on screen when they are current. */
  const statement = new Statement($('statement'), () => ({
    core,
    state,
    result: els.results.classList.contains('stale') ? null : lastResult,
    numbers,
  }));
  /** Plan and scenario files, rosters and downloads (files.js). */
  const files = new Files(root, {
    source: () => ({ core, plan }),
    say,
    open: (next) => show(next),
    load: (next) => load(next),
    freeze: () => freeze(),
  });
  let locked = new Set();

  /** Follows the `locale` attribute (and `lang`): numbers written and read its way. */
  function readLocale() {
    const { tag, unknown } = localeOf(host);
    numbers = numbering(tag);
    entries.numbers = numbers;
    // The resolved locale, for scripts and tests.
    root.querySelector('.frame').dataset.locale = tag;
    if (unknown) say(`This browser does not know the locale “${unknown}”; numbers are written and read as ${tag} writes them.`, 'error');
  }

  /** Follows the `locked` attribute: its fields read-only, presets, files and scenarios hidden. */
  function readLocked() {
    locked = new Set((host.getAttribute('locked') ?? '').split(/[\s,]+/).filter(Boolean));
    // Hosts that lock fields also keep viewers from swapping the plan.
    for (const el of root.querySelectorAll('.presets, #import, #import-roster, #scenarios')) el.hidden = locked.size > 0;
  }

  /** Follows `compact`: results only. */
  function readCompact() {
    const compact = host.hasAttribute('compact');
    root.querySelector('.frame').classList.toggle('compact', compact);
    $('forecast').hidden = compact;
  }

  /** Follows `hash`: whether the plan is kept in, and follows, the page's link. */
  function readHash() {
    // A link means something only where the calculator owns the page's link.
    $('copy-link').hidden = !link.synced;
  }

  let lastResult = null;
  /** The `evaluate` answer `lastResult` came with. */
  let lastEvaluation = null;
  /** What the last edit that moved anything changed (the core's `changed`). */
  let lastChange = null;
  let announceTimer = null;
  /** A preset, file, link or scenario tab replaced the plan: not an edit to describe. */
  let switching = false;
  /** The results' sections the reader unfolded, kept open across redraws. */
  const unfolded = new Set();
  readLocale();
  readLocked();
  readHash();

  let core;
  /** The core's `Calculator`, which keeps unchanged scenarios between keystrokes. */
  let calculator;
  /** `{ active, scenarios: [{ name, plan }] }`; `plan` is the active one's. */
  let state;
  let plan;
  /** The goal the shared-fate chart follows, as the reader last picked it. */
  let chartGoal;

  /** Fields whose empty input means "not given" rather than a mistake. */
  const OPTIONAL_WHEN_EMPTY = /^name$|\.cap$|\.weights\./;

  function say(text, kind = 'info') {
    els.status.textContent = text;
    els.status.dataset.kind = kind;
  }

  /** Applies a change to the plan, redraws the editor if asked, recalculates. */
  function edit(mutate, { rebuild = false } = {}) {
    mutate(plan);
    if (rebuild) draw();
    recalculate();
  }

  /** Draws the editor, with what `locked` names read-only. */
  function draw() {
    useLocale(numbers.tag);
    // An entry that could not be read stays marked while the plan holds it as typed.
    entries.keepWhile(plan);
    renderEditor(els.editor, plan, edit, numbers);
    solver.draw();
    if (locked.size) lock(els.editor, locked);
  }

  /**
   * Puts `next` into the active scenario; a preset names it and leaves its
   * note, both kept only while the plan is still the preset (`followPreset`).
   */
  function load(next, preset = null) {
    const scenario = state.scenarios[state.active];
    scenario.plan = next;
    if (preset) {
      scenario.name = preset.title;
      scenario.from = presetOrigin(preset, next);
    } else {
      delete scenario.from;
    }
    // The plan just opened brings its actual results to the scenarios that share them.
    const shared = shareResults(state);
    show(state, preset?.note ?? '');
    if (shared.size) say(`Actual results are shared by the scenarios: ${[...shared].join(', ')} now ${shared.size === 1 ? 'has its value' : 'have their values'} from this plan in every scenario that shares them.`);
  }

  /**
   * Words that follow the numbers: once the plan differs from the preset it
   * came from, the preset's note (whose worked numbers no longer hold) gives
   * way to a line that says so, and a scenario still named after the preset
   * is marked changed. A scenario the person renamed keeps its name.
   */
  function followPreset() {
    const scenario = state.scenarios[state.active];
    const { from } = scenario;
    if (!from) return;
    const changed = JSON.stringify(plan) !== from.text;
    const note = changed ? `Changed from the “${from.title}” preset: its description no longer fits these numbers.` : from.note;
    if (els.note.textContent !== note) els.note.textContent = note;
    const name = changed ? `${from.title} (changed)` : from.title;
    if ([from.title, `${from.title} (changed)`].includes(scenario.name) && scenario.name !== name) {
      scenario.name = name;
      renderScenarioBar();
    }
  }

  /** Shows a set of scenarios, editing the active one. */
  function show(next, note = '') {
    lastChange = null;
    entries.clear();
    settled = null;
    switching = true;
    state = next;
    plan = state.scenarios[state.active].plan;
    els.note.textContent = note;
    renderScenarioBar();
    draw();
    recalculate();
  }

  function renderScenarioBar() {
    const pick = (i) => () => show({ ...state, active: i });
    const duplicate = () => {
      if (state.scenarios.length >= MAX_SCENARIOS) return;
      const current = state.scenarios[state.active];
      const copy = { name: `${current.name} (copy)`, plan: structuredClone(current.plan), ...(current.ownResults ? { ownResults: true } : {}) };
      show({ active: state.scenarios.length, scenarios: [...state.scenarios, copy] });
      els.scenarios.querySelector('#scenario-name')?.select();
    };
    const remove = () => {
      const scenarios = state.scenarios.filter((_, i) => i !== state.active);
      show({ active: Math.max(0, state.active - 1), scenarios });
    };
    const rename = (event) => {
      state.scenarios[state.active].name = event.target.value;
      const tab = els.scenarios.querySelector(`[data-scenario="${state.active}"]`);
      if (tab) tab.textContent = event.target.value || `Scenario ${state.active + 1}`;
      recalculate();
    };
    const own = (event) => {
      const scenario = state.scenarios[state.active];
      scenario.ownResults = event.target.checked;
      if (!scenario.ownResults) rejoinResults(state);
      draw();
      recalculate();
    };
    const parts = [
      h('span', { class: 'group-label', text: 'Scenarios' }),
      state.scenarios.map((s, i) =>
        h('button', { type: 'button', class: 'button tab', 'data-scenario': i, 'aria-pressed': String(i === state.active), text: s.name || `Scenario ${i + 1}`, on: { click: pick(i) } }),
      ),
      h('label', { for: 'scenario-name', class: 'visually-hidden', text: 'Name of this scenario' }),
      h('input', { id: 'scenario-name', type: 'text', value: state.scenarios[state.active].name, on: { input: rename } }),
      h('button', { type: 'button', class: 'button', id: 'duplicate', text: 'Duplicate as new scenario', disabled: state.scenarios.length >= MAX_SCENARIOS, title: state.scenarios.length >= MAX_SCENARIOS ? `At most ${MAX_SCENARIOS} scenarios side by side` : undefined, on: { click: duplicate } }),
      state.scenarios.length > 1 && h('button', { type: 'button', class: 'button', text: 'Remove this scenario', on: { click: remove } }),
      state.scenarios.length > 1 &&
        h(
          'label',
          { class: 'own-results', title: 'Scenarios share the goals’ actual results: a result typed in one is the result in all. Tick to give this scenario results of its own.' },
          h('input', { type: 'checkbox', id: 'own-results', checked: Boolean(state.scenarios[state.active].ownResults), on: { change: own } }),
          ' Use its own actual results',
        ),
    ];
    els.scenarios.replaceChildren(...parts.flat().filter(Boolean));
  }

  /** Draws `errors` by their fields (and the notes on entries), and says how many there are. */
  function showErrors(errors) {
    const { unplaced, hidden } = markFields(els.editor, errors, entries.notes());
    if (errors.length) {
      const where = unplaced.map((e) => `${e.path || 'plan'}: ${e.message}`).join(' ');
      const more = hidden ? ` And ${hidden} more.` : '';
      say(`${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} to fix. ${where}${more}`, 'error');
    } else if (els.status.dataset.kind === 'error') {
      say('');
    }
  }

  /** The scenarios side by side, as `evaluate` compared them. */
  function compareScenarios(evaluation, active) {
    if (!evaluation.comparison) {
      els.comparison.replaceChildren();
      return;
    }
    const goalName = active.goals.find((g) => g.id === chartGoal)?.name ?? chartGoal;
    morph(els.comparison, [renderComparison({ state, comparison: evaluation.comparison, money, goalName })]);
  }

  function recalculate() {
    useLocale(numbers.tag);
    link.schedule();
    followPreset();
    statement.schedule();
    refreshMatrix(els.editor, plan, numbers);
    // One call for everything drawn below: every scenario's result, the
    // chart and the comparison.
    let evaluation;
    try {
      evaluation = calculator.evaluate({
        // The forecast is for the simulation (its own section, its own
        // errors): a half-typed forecast does not stop the payouts.
        scenarios: state.scenarios.map(({ plan: { forecast: _, ...rest } }) => rest),
        active: state.active,
        chart: { goal: chartGoal, steps: STEPS },
        // "Show the math" draws from these.
        workings: true,
      });
    } catch (error) {
      evaluation = { result: { errors: error.errors ?? [{ path: '', message: String(error.message ?? error) }] } };
    }
    const { result } = evaluation;
    const errors = entries.withReadings(result.errors ?? []);
    clearTimeout(settleTimer);
    clearTimeout(errorsTimer);
    if (errors.length) {
      host.dispatchEvent(new CustomEvent('tandem-error', { detail: { errors }, bubbles: true, composed: true }));
      // An entry that cannot be read yet is likely half-typed: its error
      // waits until typing pauses (or the field is left), not flashing on
      // every keystroke of 1,900,000.
      const fresh = entries.fresh(PAUSE_MS);
      showErrors(errors.filter((e) => !fresh.some((f) => within(e.path, f))));
      if (fresh.length) errorsTimer = setTimeout(() => showErrors(errors), PAUSE_MS);
      // The results of the last complete entry, not of a half-typed number.
      if (settled && !showingSettled) {
        renderResults(els.results, settled.plan, settled.evaluation.result, { chart: settled.evaluation.chart, targets: settled.evaluation.targets, onGoal: () => {}, open: unfolded });
        showingSettled = true;
      }
      els.results.classList.add('stale');
      els.stale.hidden = false;
      if (settled) renderSummary(els.summary, settled.evaluation.result, true);
      forecast.update(state, null);
      return;
    }
    showErrors([]);
    showingSettled = false;
    // A plan just opened stands at once; a typed entry once typing pauses.
    if (switching) settle(evaluation);
    else settleTimer = setTimeout(() => settle(evaluation), PAUSE_MS);
    els.results.classList.remove('stale');
    els.stale.hidden = true;
    if (evaluation.chart) chartGoal = evaluation.chart.goal;
    const onGoal = (id) => {
      chartGoal = id;
      recalculate();
      els.results.querySelector('.chart-goal select')?.focus();
    };
    if (evaluation.changed && !switching) lastChange = evaluation.changed;
    switching = false;
    dials.refresh(result);
    lastResult = result;
    lastEvaluation = evaluation;
    // The form's answer follows the plan once typing pauses: with a falling
    // curve, solve tries every grid point (about 0.1 s), too much for every
    // keystroke in the editor. Its own fields answer at once.
    clearTimeout(solverTimer);
    solverTimer = setTimeout(() => solver.answer(), 200);
    renderResults(els.results, plan, result, { chart: evaluation.chart, targets: evaluation.targets, changed: lastChange, onGoal, open: unfolded });
    renderSummary(els.summary, result, false);
    compareScenarios(evaluation, result);
    forecast.update(state, result);
    // Announced once typing pauses, not for every digit of a number.
    const spoken = lastChange ? `${changedText(lastChange, result)}. ${summary(result)}` : summary(result);
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      els.announce.textContent = spoken;
    }, 800);
    host.dispatchEvent(new CustomEvent('tandem-change', { detail: result, bubbles: true, composed: true }));
  }

  /** These results stand: an entry that goes wrong next falls back to them. */
  function settle(evaluation) {
    clearTimeout(settleTimer);
    settled = { plan: structuredClone(plan), evaluation };
  }

  async function fetchPreset(name) {
    if (PRESETS[name].plan) return PRESETS[name].plan();
    const response = await fetch(new URL(`pkg/examples/${PRESETS[name].file}`, import.meta.url));
    if (!response.ok) throw new Error(`Preset ${name} is missing (${response.status}); run npm run build.`);
    return response.json();
  }

  /**
   * A team added in this page takes an id from its name as it is renamed
   * ("Sales EMEA" → sales-emea), until the plan leaves the page (`freeze`).
   */
  function followName(i, name) {
    const team = plan.teams[i];
    const id = idFor(name.trim() || `Team ${i + 1}`, plan.teams.filter((t) => t !== team).map((t) => t.id));
    if (id === team.id) return;
    for (const attr of ['data-team-name', 'data-total', 'data-team-id']) {
      for (const el of els.editor.querySelectorAll(`[${attr}="${CSS.escape(team.id)}"]`)) el.setAttribute(attr, id);
    }
    for (const el of els.editor.querySelectorAll(`[data-label-for="teams:${CSS.escape(team.id)}"]`)) el.dataset.labelFor = `teams:${id}`;
    for (const el of els.editor.querySelectorAll('[data-weight-label]')) {
      const [t, goal] = el.dataset.weightLabel.split(' ');
      if (t === team.id) el.dataset.weightLabel = `${id} ${goal}`;
    }
    solver.renamed(team.id, id);
    team.id = id;
    solver.draw();
  }

  /** The plan left the page (exported, its link copied, a roster imported): team ids stay as they are from now on. */
  function freeze() {
    for (const scenario of state.scenarios) for (const team of scenario.plan.teams ?? []) newTeams.delete(team);
  }

  async function copyLink() {
    freeze();
    link.write();
    try {
      await navigator.clipboard.writeText(location.href);
      say('Link copied: it carries the whole plan.');
    } catch {
      $('link-fallback').hidden = false;
      const field = $('link-text');
      field.value = location.href;
      field.focus();
      field.select();
      say('Copy the link below: it carries the whole plan.');
    }
  }

  function wire() {
    // The dials: the weights a drag starts from are kept until it ends.
    els.editor.addEventListener('input', (event) => dials.input(event));
    els.editor.addEventListener('focusout', (event) => dials.focusout(event));
    // Once a number is entered, it is shown back the locale's way ("50%" in
    // a percent field becomes 50, "$1250" becomes 1,250).
    els.editor.addEventListener('change', (event) => {
      const el = event.target;
      const { path, parse } = el.dataset;
      // Leaving a field completes its entry: its error, if any, shows now.
      if (settleTimer && lastResult && !els.results.classList.contains('stale')) settle(lastEvaluation);
      if (path && entries.failed(path)) {
        entries.left(path);
        recalculate();
      }
      if (!path || !['number', 'money', 'percent'].includes(parse) || entries.failed(path)) return;
      const value = getPath(plan, path);
      if (typeof value === 'string' && value !== '') el.value = numbers.format(parse === 'percent' ? toPercent(value) : value);
    });
    els.editor.addEventListener('input', (event) => {
      const el = event.target;
      const { path, parse } = el.dataset;
      if (!path || !parse) return;
      lastField = el;
      const team = path.match(/^teams\[(\d+)\]\.name$/);
      if (team && newTeams.has(plan.teams[team[1]])) followName(Number(team[1]), el.value);
      const empty = el.value.trim() === '' && OPTIONAL_WHEN_EMPTY.test(path);
      if (empty) entries.forget(path);
      const value = empty ? undefined : entries.take(path, parse, el.value, plan);
      note(el, entries.noteFor(path));
      edit((p) => {
        setPath(p, path, value);
        // An actual result typed in one scenario is the result in every scenario that shares them.
        if (/^goals\[\d+\]\.actual$/.test(path)) shareResults(state);
      });
    });
    for (const button of root.querySelectorAll('[data-preset]')) {
      button.addEventListener('click', async () => {
        const name = button.dataset.preset;
        try {
          load(await fetchPreset(name), PRESETS[name]);
          say('');
        } catch (error) {
          say(error.message, 'error');
        }
      });
    }
    $('export').addEventListener('click', () => {
      freeze();
      files.download(`${JSON.stringify(toFile(state), null, 2)}\n`, 'application/json', 'json');
    });
    $('export-csv').addEventListener('click', () => {
      if (!lastResult) return;
      freeze();
      files.download(core.payoutsCsv(plan), 'text/csv', 'csv');
    });
    $('import-roster').addEventListener('click', () => $('roster-file').click());
    $('roster-file').addEventListener('change', async ({ target: input }) => {
      const file = input.files?.[0];
      input.value = '';
      if (file) await files.importRoster(await file.text(), file.name);
    });
    $('copy-link').addEventListener('click', copyLink);
    // On a narrow screen: from the field to the results and back.
    $('to-results').addEventListener('click', () => {
      $('results-heading').scrollIntoView({ block: 'start' });
      $('results-heading').focus({ preventScroll: true });
      $('to-field').hidden = !lastField?.isConnected;
    });
    $('to-field').addEventListener('click', () => {
      if (!lastField?.isConnected) return;
      lastField.scrollIntoView({ block: 'center' });
      lastField.focus({ preventScroll: true });
    });
    $('print').addEventListener('click', () => window.print());
    $('import').addEventListener('click', () => $('import-file').click());
    // Inside a shadow root, `event.target` is null once the event is over:
    // keep the input.
    $('import-file').addEventListener('change', async ({ target: input }) => {
      const file = input.files?.[0];
      input.value = '';
      if (file) files.openText(await file.text(), file.name);
    });
    host.addEventListener('dragover', (event) => event.preventDefault());
    host.addEventListener('drop', async (event) => {
      event.preventDefault();
      const file = event.dataTransfer?.files?.[0];
      if (!file) return;
      const csv = file.name.toLowerCase().endsWith('.csv') || file.type === 'text/csv';
      if (csv && !locked.size) await files.importRoster(await file.text(), file.name);
      else if (!csv && !locked.size) files.openText(await file.text(), file.name);
    });
    attach();
  }

  /** Listeners outside the element, removed by `detach` and added back by `attach`. */
  let outside = null;

  function attach() {
    if (outside || !core) return;
    outside = new AbortController();
    const { signal } = outside;
    // Printing shows the statement, as of this moment.
    window.addEventListener('beforeprint', () => statement.draw(), { signal });
    link.listen();
  }

  function detach() {
    outside?.abort();
    outside = null;
    link.stop();
    forecast.detach();
    files.stop();
  }

  /** An attribute the host page changed after the element started: followed at once. */
  function follow(name) {
    if (name === 'locale') {
      readLocale();
      // Entries were read the old locale's way; the plan holds plain decimals.
      entries.clear();
      forecast.redraw();
    } else if (name === 'locked') {
      readLocked();
    } else if (name === 'compact') {
      readCompact();
    } else if (name === 'hash') {
      readHash();
      if (outside) link.listen();
      if (link.synced && state) link.write();
    }
    if (!state) return;
    draw();
    recalculate();
  }

  /**
   * A plan or scenario file given by the host page after the element started
   * (the `plan` property, or a new `plan` attribute): shown when valid;
   * otherwise `tandem-error` carries its errors and nothing changes.
   */
  function replace(json) {
    const given = fromFile(json);
    const errors = given
      ? given.scenarios.flatMap((s) => core.check(s.plan).errors)
      : [{ path: '', message: 'This is not a plan or a scenario file.' }];
    if (errors.length) {
      host.dispatchEvent(new CustomEvent('tandem-error', { detail: { errors }, bubbles: true, composed: true }));
      say(`The plan given by the page was not opened: ${errors.slice(0, 10).map((e) => `${e.path || 'plan'}: ${e.message}`).join(' ')}`, 'error');
      return;
    }
    els.note.textContent = '';
    show(structuredClone(given));
  }

  /** Sets the plan from a host page: applied now, or once the module has loaded. */
  function setPlan(json) {
    if (core && state) replace(json);
    else pendingPlan = json;
  }
  let pendingPlan = null;

  /** The `plan` attribute changed: the file it names replaces the plan. */
  async function fetchPlan(url) {
    try {
      const response = await fetch(new URL(url, document.baseURI));
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      setPlan(await response.json());
    } catch (error) {
      const errors = [{ path: '', message: `The plan at ${url} could not be read: ${error.message}.` }];
      host.dispatchEvent(new CustomEvent('tandem-error', { detail: { errors }, bubbles: true, composed: true }));
      say(errors[0].message, 'error');
    }
  }

  /** The plan to start with: the link's, the inline JSON, the `plan` URL, or the preset. */
  async function initial() {
    const linked = link.read();
    if (linked) return [linked.state, ''];
    const inline = host.querySelector(':scope > script[type="application/json"]');
    const url = host.getAttribute('plan');
    if (inline || url) {
      const json = inline ? JSON.parse(inline.textContent) : await (await fetch(new URL(url, document.baseURI))).json();
      const given = fromFile(json);
      if (given) return [given, ''];
    }
    const plan = await fetchPreset('shared');
    return [{ active: 0, scenarios: [{ name: PRESETS.shared.title, plan, from: presetOrigin(PRESETS.shared, plan) }] }, PRESETS.shared.note];
  }

  async function start() {
    try {
      // The module and the starting plan load side by side; meanwhile the
      // browser's number formatting (ICU data, tens of ms the first time)
      // gets ready instead of delaying the first result.
      const loading = Promise.all([engine(), initial()]);
      money('0', { currency: 'USD', decimals: 2 });
      pct('0');
      const [exports, [first, note]] = await loading;
      core = exports;
      // One per element: it remembers the scenarios that did not change.
      calculator = new core.Calculator();
      wire();
      // Results first: the payouts are drawn, and painted, before the editor
      // is built.
      state = first;
      plan = state.scenarios[state.active].plan;
      els.note.textContent = note;
      renderScenarioBar();
      recalculate();
      // For `npm run bench`: time from navigation to the first result on screen.
      performance.mark('tandem-first-result');
      await new Promise((resolve) => {
        requestAnimationFrame(() => setTimeout(resolve, 0));
        // A page in a background tab gets no frames.
        setTimeout(resolve, 100);
      });
      draw();
      // Errors find their fields now that the fields exist.
      recalculate();
      // The plan as it came stands at once.
      if (lastEvaluation && !els.results.classList.contains('stale')) settle(lastEvaluation);
      host.setAttribute('ready', '');
      // A plan the host set while the module loaded.
      if (pendingPlan) replace(pendingPlan);
      pendingPlan = null;
    } catch (error) {
      say(`Tandem could not start: ${error.message}`, 'error');
    }
  }

  start();
  return {
    get result() {
      return lastResult;
    },
    /** A copy of the plan being edited, or null before it is known. */
    get plan() {
      return state ? structuredClone(state.scenarios[state.active].plan) : null;
    },
    setPlan,
    fetchPlan,
    follow,
    attach,
    detach,
  };
}

export class TandemCalculator extends HTMLElement {
  /** Attributes a host page (or its framework) may change after the element started. */
  static get observedAttributes() {
    return ['plan', 'locked', 'compact', 'hash', 'locale'];
  }

  attributeChangedCallback(name, before, value) {
    // Before the element starts, `start` reads its attributes itself.
    if (!this.app || before === value) return;
    if (name !== 'plan') this.app.follow(name);
    else if (value) this.app.fetchPlan(value);
  }

  /** A copy of the plan being edited (the active scenario's). */
  get plan() {
    return this.app?.plan ?? null;
  }

  /** Replaces the plan (or sets scenarios, from a scenario file's object); invalid: `tandem-error`, nothing changes. */
  set plan(value) {
    if (this.app) this.app.setPlan(value);
    else this.pendingPlan = value;
  }

  connectedCallback() {
    // A plan set on the element before this module defined it is an own
    // property hiding the setter: set it again through the setter.
    if (Object.hasOwn(this, 'plan')) {
      const { plan } = this;
      delete this.plan;
      this.plan = plan;
    }
    // Moved elsewhere in the page: the same calculator, listening again.
    if (this.app) {
      this.app.attach();
      return;
    }
    const root = this.attachShadow({ mode: 'open' });
    root.append(...skeleton({ stylesheet: new URL('tandem.css', import.meta.url).href, compact: this.hasAttribute('compact') }));
    this.app = mount(this, root);
    if (this.pendingPlan) this.app.setPlan(this.pendingPlan);
    delete this.pendingPlan;
  }

  /** Removed or moved by the host page (or its framework): nothing is left listening outside. */
  disconnectedCallback() {
    this.app?.detach();
  }

  /** The latest Result, or null before the first calculation. */
  get result() {
    return this.app?.result ?? null;
  }
}

// Defined once, even when a page loads two copies of this module.
if (!customElements.get('tandem-calculator')) customElements.define('tandem-calculator', TandemCalculator);
