// The one store of a calculator's state: its scenarios (each a name, a plan,
// whether it keeps its own actual results and, for a preset, where it came
// from), the one being edited, and the goal the chart follows. Every change
// to them is a method here; the element calls one through its `#change`,
// which then draws once. Nothing here touches the page. The rule that
// scenarios share actual results, and how many there can be, are the
// core's.
import { designOf, noteText, presetOrigin } from './presets.js';
import { portable } from './scenarios.js';
import { t } from './words.js';

/**
 * A plan as the payouts read it: without its forecast, which is the
 * simulation's (its own section, its own errors), so that a half-typed or
 * stale forecast does not stop the payouts, the dials or the solve form.
 */
export function withoutForecast({ forecast: _, ...plan }) {
  return plan;
}

/** Only its goals of each plan: all that sharing results reads. */
const goalsOnly = (plan) => ({ goals: plan.goals });

export class Store {
  /**
   * Teams added in this page whose plan has not left it yet (exported, its
   * link copied, a roster imported): no roster or link knows their ids, so
   * each follows its team's name.
   */
  #newTeams = new WeakSet();

  /** The core's exports, once the Wasm module has loaded. */
  core = null;
  /** `{ active, scenarios: [{ name, plan, ownResults?, from? }] }`; null until the first plan. */
  state = null;
  /** The core's facts of the plan being edited, from the latest evaluation (valid or not): currency, places, weight sums, shared goals. */
  facts = null;
  /** The goal the shared-fate chart follows, as the reader picked it (an id); the core's choice until then. */
  chartGoal = undefined;

  /** The scenario being edited. */
  get scenario() {
    return this.state?.scenarios[this.state.active];
  }

  /** The plan being edited: the active scenario's. */
  get plan() {
    return this.scenario?.plan;
  }

  /** Most scenarios side by side. */
  get max() {
    return this.core.maxScenarios();
  }

  get full() {
    return this.state.scenarios.length >= this.max;
  }

  /** Every scenario replaced: a link, a file, the host page, the first plan. */
  replace(next) {
    this.state = next;
  }

  /** Edits scenario `i` from now on. */
  select(i) {
    this.state = { ...this.state, active: i };
  }

  /** A copy of the active scenario, edited from now on; false when there are as many as can be. */
  duplicate() {
    if (this.full) return false;
    const current = this.scenario;
    const copy = { name: this.#copyName(current.name), plan: structuredClone(current.plan), ...(current.ownResults ? { ownResults: true } : {}) };
    this.state = { active: this.state.scenarios.length, scenarios: [...this.state.scenarios, copy] };
    return true;
  }

  /**
   * A name no scenario has for a copy of the one named `name`: "X (copy)",
   * then "X (copy 2)", counted from X, so that a copy of a copy is not
   * "X (copy) (copy)".
   */
  #copyName(name) {
    const suffix = (n) => (n === 1 ? t('{name} (copy)', { name: '' }) : t('{name} (copy {n})', { name: '', n }));
    const taken = new Set(this.state.scenarios.map((s) => s.name));
    let base = name;
    for (let n = 1; n <= taken.size; n += 1) {
      if (name.endsWith(suffix(n))) base = name.slice(0, -suffix(n).length);
    }
    let n = 1;
    while (taken.has(base + suffix(n))) n += 1;
    return base + suffix(n);
  }

  /** Removes the active scenario; the one before it is edited next. */
  remove() {
    const scenarios = this.state.scenarios.filter((_, i) => i !== this.state.active);
    this.state = { active: Math.max(0, this.state.active - 1), scenarios };
  }

  /** Names the active scenario; cleared, it has the name the core gives a scenario nobody named. */
  rename(name) {
    this.scenario.name = name || this.core.unnamedScenario(this.state.active);
  }

  /** Gives the active scenario actual results of its own, or has it share them again. */
  ownResults(own) {
    this.scenario.ownResults = own;
    if (!own) this.#apply(this.core.rejoinResults(portable(this.state, goalsOnly)));
  }

  /**
   * Puts `plan` into the active scenario; a preset names it and leaves its
   * origin, kept only while the plan is still the preset (`presetNote`).
   * Returns the names of the results the plan brought to the scenarios
   * that share them.
   */
  load(plan, preset = null) {
    const scenario = this.scenario;
    scenario.plan = plan;
    // A preset whose teams are to be named (Blank plan): their ids follow the names given.
    if (preset?.namesToFill) for (const team of plan.teams) this.#newTeams.add(team);
    if (preset) {
      scenario.name = t(preset.title);
      scenario.from = presetOrigin(preset, plan);
    } else {
      delete scenario.from;
    }
    return this.#share();
  }

  /** Applies `mutate` to the plan being edited; an actual result typed there is the result in every scenario that shares them. */
  edit(mutate, path = '') {
    const ids = new Set((this.plan.teams ?? []).map((team) => team.id));
    mutate(this.plan);
    // A team the edit added (an id the plan did not have): its id follows its name.
    for (const team of this.plan.teams ?? []) if (!ids.has(team.id)) this.#newTeams.add(team);
    if (/^goals\[\d+\]\.actual$/.test(path)) this.#share();
  }

  /**
   * The active scenario's actual results into every scenario that shares
   * them; the names of the goals whose result changed somewhere.
   */
  #share() {
    return this.#apply(this.core.shareResults(portable(this.state, goalsOnly)));
  }

  /** Applies what the core's sharing of results changed; the names of the goals it changed. */
  #apply({ edits, goals }) {
    for (const { scenario, goal, actual } of edits) this.state.scenarios[scenario].plan.goals[goal].actual = actual;
    return new Set(goals);
  }

  /**
   * Words that follow the numbers, for a scenario opened from a preset: the
   * preset's note while the plan is still the preset, else a line that says
   * it changed; a scenario still named after the preset is renamed "…
   * (changed)" (and back), a name the person gave stays. A note's numbers
   * are written with `numbers` (a locale.js numbering). Returns the note
   * (undefined when the scenario came from no preset) and whether the name
   * changed.
   */
  presetNote(numbers) {
    const scenario = this.scenario;
    const { from } = scenario;
    if (!from) return { note: undefined, renamed: false };
    // The note speaks of the numbers, results too; the name of the design,
    // which a result typed in does not change.
    const changed = JSON.stringify(scenario.plan) !== from.text;
    const note = changed ? t('Changed from the “{preset}” preset: its description no longer fits these numbers.', { preset: from.title }) : noteText(from.note, numbers);
    const changedName = t('{preset} (changed)', { preset: from.title });
    const name = designOf(scenario.plan) !== from.design ? changedName : from.title;
    const renamed = [from.title, changedName].includes(scenario.name) && scenario.name !== name;
    if (renamed) scenario.name = name;
    return { note, renamed };
  }

  /**
   * What the core's `Calculator.evaluate` is asked after a change: every
   * scenario, the chart in `steps` points (none when `chart` is false), the
   * workings.
   */
  request(steps, { chart = true } = {}) {
    return {
      scenarios: this.state.scenarios.map(({ plan }) => withoutForecast(plan)),
      active: this.state.active,
      ...(chart ? { chart: { goal: this.chartGoal, steps } } : {}),
      // "Show the math" draws from these.
      workings: true,
    };
  }

  /** The plan left the page (exported, its link copied, a roster imported): team ids stay as they are from now on. */
  freeze() {
    this.#newTeams = new WeakSet();
  }

  /** Whether team `i` of the plan being edited was added in this page, so that its id follows its name (`idFor`). */
  isNewTeam(i) {
    return this.#newTeams.has(this.plan.teams[i]);
  }
}
