// The one drawing pass, and what follows typing in time. Each change of
// state (tandem.js `#change`) is followed by one pass: one `evaluate` of the
// core for everything drawn (every scenario's result, the chart and the
// comparison, the active plan's facts), then `render` (render.js) from the
// store and that answer. A typed entry is complete once typing pauses or
// its field is left: until then its error is held back, its results do not
// yet stand, the solve form waits and nothing is said; the timers here do
// each once typing pauses. `page` is the element's parts (parts.js).
import { STEPS } from './chartframe.js';
import { changedText, summary } from './results.js';
import { render } from './render.js';

/** Quiet time after a keystroke before an entry counts as complete. */
const PAUSE_MS = 700;

export class Pass {
  #page;
  #settleTimer = null;
  #errorsTimer = null;
  #solverTimer = null;
  #announceTimer = null;

  constructor(page) {
    this.#page = page;
  }

  /**
   * The pass: the scenario bar too when `bar` (its shape changed); `chart`
   * false on first load (the payouts are painted first); `discrete`: an edit
   * of its own (a button, a menu, a paste), whose results stand at once;
   * `announce` false: the host heard of this result already. Also on its own
   * when what changed is not state (an attribute, a field left).
   */
  run({ bar = false, chart = true, announce = true, discrete = false } = {}) {
    const page = this.#page;
    const { store, host, format } = page;
    page.link.schedule();
    page.statement?.schedule();
    // The preset's note, or the line that says the plan changed from it (which renames the scenario).
    const { note, renamed } = store.presetNote();
    const drawn = { bar: bar || renamed, note, chart };
    const evaluation = store.evaluate(STEPS, { chart });
    const errors = page.entries.withReadings(evaluation.result.errors ?? []);
    for (const timer of [this.#settleTimer, this.#errorsTimer, this.#solverTimer, this.#announceTimer]) clearTimeout(timer);
    if (errors.length) {
      store.wrong();
      host.dispatchEvent(new CustomEvent('tandem-error', { detail: { errors }, bubbles: true, composed: true }));
      // An entry that cannot be read yet is likely half-typed: its error
      // waits until typing pauses (or the field is left), not flashing on
      // every keystroke of 1,900,000. The results of the last complete
      // entry stand; nothing is said of a keystroke before this one ("2" of "2,4").
      const held = page.entries.fresh(PAUSE_MS);
      render(page, evaluation, { ...drawn, errors, held });
      // Once typing pauses, the held errors are said: by their fields, in the out-of-date marks and the bar.
      if (chart && held.length) this.#errorsTimer = setTimeout(() => render(page, evaluation, { ...drawn, bar: false, errors, held: [] }), PAUSE_MS);
      page.solver.answer();
      return;
    }
    // A plan just opened, or a discrete edit, stands at once; a typed entry once typing pauses.
    const typing = !store.right(evaluation, discrete);
    if (typing) this.#settleTimer = setTimeout(() => this.settle(), PAUSE_MS);
    render(page, evaluation, { ...drawn, errors, held: [] });
    // The form's answer follows the plan at once, or once typing pauses:
    // with a falling curve, solve tries every grid point (about 0.1 s), too
    // much for every keystroke in the editor. Its own fields answer at once.
    // On first load (no chart yet) the form waits for the next pass, as the
    // chart does.
    if (typing) this.#solverTimer = setTimeout(() => page.solver.answer(), 200);
    else if (chart) page.solver.answer();
    // Announced once typing pauses, not for every digit of a number; an
    // exercise's answers are not said until they are shown.
    const { result } = evaluation;
    // A scenario shown in place of another is named first (found by a fresh
    // look: a screen reader heard a total, not whose).
    const shown = drawn.bar && store.state.scenarios.length > 1 ? `${format.t('Scenario “{scenario}”', { scenario: store.scenario.name })}. ` : '';
    const spoken = shown + (store.change ? `${changedText(format, store.change, result)}. ${summary(format, result)}` : summary(format, result));
    this.#announceTimer = setTimeout(() => {
      page.els.announce.textContent = page.exercising() && !page.exercise.revealed ? '' : spoken;
    }, 800);
    if (announce) host.dispatchEvent(new CustomEvent('tandem-change', { detail: result, bubbles: true, composed: true }));
  }

  /** The latest results stand now (`store.settle`), not once typing pauses. */
  settle() {
    clearTimeout(this.#settleTimer);
    this.#page.store.settle();
    this.#page.dials.settle();
  }

  /** A field was left: its entry is complete, and the results typed into it stand now. */
  left() {
    if (this.#settleTimer && this.#page.store.current) this.settle();
  }
}
