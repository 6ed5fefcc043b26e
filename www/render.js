// One drawing pass: every view drawn from the store's state, the core's
// evaluation of it and the element's number format, nothing else. What is
// timed (an error held while its entry may be half-typed, the words said once
// typing pauses) is the pass's (pass.js); what is drawn is here.
import { isDecimal } from './decimal.js';
import { valueAt, within } from './paths.js';
import { renderScenarioBar } from './scenariobar.js';
import { renderNoResults, renderResults, renderSummary } from './results.js';

/** At most this many problems, the status line says each in words, not only by their fields. */
const FEW_ERRORS = 3;

/**
 * Draws the views of `page` (the element's parts: `els`, the `store`, the
 * `format` it writes in and what the views act through) from `evaluation`,
 * the core's answer for the store's state: the scenario bar when `bar` (its
 * shape changed), the preset's `note` unless undefined. `errors`: the plan's errors as its
 * entries were read; `held`: the paths of entries that may be half-typed,
 * whose errors wait (`drawEditor` draws them once typing pauses); `chart`
 * false on first load: the payouts only, the chart and the editor next.
 * While the plan has errors, the results that stand are the store's
 * `settled` ones, marked out of date, or none for a plan opened with errors.
 */
export function render(page, evaluation, { bar, note, errors, held, chart }) {
  const { els, store, format } = page;
  if (bar) drawBar(page);
  if (note !== undefined && els.note.textContent !== note) els.note.textContent = note;
  // The form's lists and its default payout follow the plan as it is now
  // (drawn with the chart: below the payouts, not in their way on first load).
  if (chart) page.solver.draw();
  const said = errors.filter((e) => !held.some((f) => within(e.at ?? [], f)));
  if (chart) drawEditor(page, said);
  const wrong = errors.length > 0;
  // Marked out of date, with the field to fix, once an error is said: not
  // while its entry may be half-typed, as its field waits too (found by a
  // fresh look: the phone's bar said "fix New ARR" after "2,1").
  const marked = said.length > 0;
  // What stands: this evaluation, or the last one without errors.
  const stands = wrong ? store.settled : { plan: store.plan, evaluation };
  // A section of the results unfolded or folded: drawn again, nothing announced.
  const unfold = (key, open) => page.change((s) => s.unfold(key, open), { announce: false });
  const onGoal = (id) => {
    page.change((s) => {
      s.chartGoal = id;
    });
    els.results.querySelector('.chart-goal select')?.focus();
  };
  if (stands) {
    const { result, chart: drawn, targets } = stands.evaluation;
    // With several scenarios open, the results and the bar that follows the reader say whose they are (found by a fresh look).
    const scenario = store.state.scenarios.length > 1 ? store.scenario.name : null;
    // The chart is drawn by the editing parts (editing.js): the first result draws its place.
    const { renderChart } = page.editing ?? {};
    renderResults(els.results, format, stands.plan, result, wrong ? { chart: drawn, targets, onGoal: () => {}, open: store.unfolded, unfold, scenario, renderChart } : { chart: drawn, drawing: !chart, targets, changed: store.change, onGoal, open: store.unfolded, unfold, scenario, renderChart });
    renderSummary(els.summary, format, result, marked && { field: fieldName(els.editor, said), more: new Set(said.map((e) => e.path)).size - 1 }, scenario);
    compareScenarios(page, stands.evaluation);
  } else {
    // A plan opened with errors has no results of its own yet: nothing of
    // the plan before is shown, or announced.
    renderNoResults(els.results, format);
    renderSummary(els.summary, format, null, { field: fieldName(els.editor, errors), more: new Set(errors.map((e) => e.path)).size - 1 });
    page.editing.renderComparison(els.comparison, format, { comparison: null });
    els.announce.textContent = '';
  }
  els.results.classList.toggle('stale', marked);
  els.comparison.classList.toggle('stale', marked);
  // "These are the last valid results": only when there are some.
  els.stale.hidden = !marked || !stands;
  // The dials stand where the plan's facts say; why an end is closed needs a plan that calculates.
  // (None yet while only the first result is drawn: they come with the editor.)
  page.dials?.refresh(wrong ? null : evaluation.result);
  page.forecast?.update(wrong ? null : evaluation.result);
  // Class mode comes with the editing parts; the first result is never an exercise's.
  page.exercise?.draw(page.exercising());
}

/**
 * Draws the editor, with `errors` by their fields (and the notes on
 * entries), and says how many there are; a few are said in words too,
 * unless by the field in use (an edit can break another field, off screen:
 * "Better when" a revenue goal).
 */
function drawEditor(page, given) {
  const { els, store, format } = page;
  const { t, tn } = format;
  const { editor } = els;
  const draw = (errors) =>
    page.editing.renderEditor(editor, {
      plan: store.plan,
      facts: store.facts,
      format,
      defaults: store.defaults,
      locked: page.locked,
      entries: page.entries,
      errors,
      edit: page.edit,
      teamId: page.teamId,
      goalId: (taken) => page.core.goalId(taken),
    });
  let errors = given;
  let drawn = draw(errors);
  if (readOpened(page, errors)) {
    errors = page.entries.withReadings(errors);
    drawn = draw(errors);
  }
  const { unplaced, placed, hidden } = drawn;
  if (errors.length) {
    const inUse = page.root.activeElement;
    const byField = ({ path }) => editor.querySelector(`[data-path="${CSS.escape(path)}"]`);
    const elsewhere = errors.length <= FEW_ERRORS ? placed.filter((p) => !byField(p)?.contains(inUse)).map(({ error, path }) => named(page, error, path)) : [];
    const where = [...unplaced.map((error) => named(page, error)), ...elsewhere].join(' ');
    const more = hidden ? ` ${t('And {n} more.', { n: hidden })}` : '';
    page.say(`${tn(errors.length, '1 problem to fix.', '{n} problems to fix.')} ${where}${more}`.trimEnd(), 'error');
  } else if (els.status.dataset.kind === 'error') {
    page.say('');
  }
}

/**
 * Text a link or a file brought into a number field that the core cannot
 * read (the plan as it was typed: "1,85O,000"), read as if typed here, so
 * that its field says how the element's locale reads it, as it did while it
 * was typed, not the plan model's "a plain number such as 1250.00". Whether
 * any was read.
 */
function readOpened({ els, store, entries, editing }, errors) {
  let read = false;
  for (const { path, at } of errors) {
    const kind = at && !entries.failed(at) && els.editor.querySelector(`[data-path="${CSS.escape(path)}"]`)?.dataset.parse;
    const value = kind && editing.NUMBERS.includes(kind) ? valueAt(store.plan, at) : undefined;
    if (typeof value !== 'string' || value === '' || isDecimal(value)) continue;
    entries.take(at, kind, value, store.facts);
    // Not being typed: its error is drawn at once, not held as half-typed.
    entries.left(at);
    read ||= entries.failed(at);
  }
  return read;
}

/**
 * A problem of the plan being edited in words, with the name of the field
 * it is drawn at (`place`, a path's text: its own, or the field above a
 * deeper path, as a curve's points hold each point's problems): "New ARR ·
 * Actual result: …"; the words alone do not say which goal or team. Where
 * no field shows it, its path ("plan" for the whole).
 */
export function named({ els, format }, error, place = error.path) {
  const name = fieldName(els.editor, [{ path: place }]);
  return `${name ?? (error.path || format.t('plan'))}: ${error.message}`;
}

/** The fields of the plan's problems in words ("New ARR · Actual result"), each once, in the editor's order. */
export function problemFields({ els, store, entries, format }) {
  const errors = entries.withReadings(store.result?.errors ?? []);
  return [...new Set(errors.map((e) => fieldName(els.editor, [e]) ?? (e.path || format.t('plan'))))];
}

/**
 * Where the first of `errors` is, in words, for the bar that follows the
 * reader on a phone: its field's label after its card's name ("New ARR ·
 * Actual result"), or null when no field of the editor shows it.
 */
function fieldName(editor, errors) {
  const input = errors.length ? editor.querySelector(`[data-path="${CSS.escape(errors[0].path)}"]`) : null;
  const label = input?.labels?.[0]?.textContent.trim();
  if (!label) return null;
  const card = input.closest('fieldset.card')?.querySelector('legend')?.textContent.trim();
  // A member's field by its place too: "Sales · Member 3 · Name" (found by a fresh look: "Sales · Name" of 40).
  const member = input.closest('.member[role="group"]')?.getAttribute('aria-label');
  const within = [card, member].filter((part) => part && !label.includes(part));
  return [...within, label].join(' · ');
}

/**
 * The scenarios side by side, as `evaluation` compared them; drawn by the
 * editing parts (editing.js): the first result, of one scenario, has none.
 */
function compareScenarios({ els, store, format, editing }, evaluation) {
  if (!editing) return;
  // The goal the chart follows, as the core chose it (the reader's pick, or its own).
  const goal = evaluation.chart?.goal;
  const goalName = goal === undefined ? undefined : evaluation.result.goals.find((g) => g.id === goal)?.name ?? goal;
  editing.renderComparison(els.comparison, format, { state: store.state, comparison: evaluation.comparison, goal, goalName });
}

/** The bar that picks, adds, renames and removes scenarios. */
function drawBar(page) {
  const { els, store, change, format } = page;
  renderScenarioBar(els.scenarios, format, store.state, {
    max: store.max,
    on: {
      pick: (i) => change((s) => s.select(i), { opened: true }),
      duplicate: () => {
        if (store.full) return;
        change((s) => s.duplicate(), { opened: true });
        els.scenarios.querySelector('#scenario-name')?.select();
      },
      remove: () => {
        const before = page.kept();
        const { name } = store.scenario;
        const at = store.state.active;
        change((s) => s.remove(), { opened: true });
        page.undoable?.(before, (f) => f.t('Scenario “{name}” removed. Undo puts it back.', { name }), (f) => f.t('Scenario “{name}” is back.', { name }), `button[data-scenario="${at}"]`);
        // The last but one removed takes its button with it: the focus goes to Undo, not to the page (found by a fresh look).
        if (store.state.scenarios.length < 2) page.root.querySelector('#undo')?.focus();
      },
      // Its tab follows the name as it is typed.
      rename: (name) => change((s) => s.name(name), { bar: true }),
      own: (checked) => {
        const before = page.kept();
        const { name } = store.scenario;
        let goals = [];
        change((s) => {
          goals = s.ownResults(checked);
        });
        // Sharing again takes the other scenarios' results: the scenario's own are set aside, not lost.
        if (!checked && goals.length) {
          const words = { name, goals: goals.join(', ') };
          page.undoable?.(before, (f) => f.tn(goals.length, '“{name}” shares the actual results again: its own result for {goals} is set aside. Undo puts it back.', '“{name}” shares the actual results again: its own results for {goals} are set aside. Undo puts them back.', words), (f) => f.t('“{name}” has its own actual results back.', words), '#own-results');
        }
      },
    },
  });
}

/**
 * Says `text` in the status line; `kind` 'unread' (a plan, file or
 * roster that could not be read) is an error said at once, as an alert;
 * other errors (fields to fix) are said politely, as typing pauses; 'link'
 * (a link copied) is said until the plans change.
 */
export function say({ status }, text, kind = 'info') {
  status.setAttribute('role', kind === 'unread' ? 'alert' : 'status');
  status.textContent = text;
  status.dataset.kind = kind === 'unread' ? 'error' : kind;
}
