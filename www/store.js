// The one store of a calculator's state. The plans are the core's: its
// `Calculator` holds the scenarios (each a name, a plan, whether it keeps
// its own actual results), which one is edited, and applies every edit and
// the rule that scenarios share actual results. The store sends it edits
// and keeps only what the page alone knows: where a preset scenario came
// from, the teams added in this page, the goal the chart follows, the
// latest evaluation and its facts, the results that stand (`settled`) and
// whether those on screen are out of date (`stale`), what the edit under
// way changed, and the sections of the results unfolded. What the views read (`state`, `plan`) is
// the core's, as of the last change, frozen: a view that writes into it
// fails at once rather than changing a copy nobody reads. Every change is a
// method here; the element calls one through its `#change`, which then
// draws once. Nothing here touches the page.
import { compare, isDecimal } from './decimal.js';
import { designOf, noteText, presetOrigin } from './presets.js';
import { valueAt } from './paths.js';
import { portable } from './scenarios.js';

/**
 * A plan as the payouts read it: without its forecast, which is the
 * simulation's (its own section, its own errors), so that a half-typed or
 * stale forecast does not stop the payouts, the dials or the solve form.
 */
export function withoutForecast({ forecast: _, ...plan }) {
  return plan;
}

const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The core's edits that turn plan `before` into `after`: each key or item
 * set or removed; a list whose length changed is set whole.
 */
export function diff(before, after, path = [], edits = []) {
  if (Object.is(before, after)) return edits;
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((item, i) => diff(item, after[i], [...path, i], edits));
  } else if (isRecord(before) && isRecord(after)) {
    for (const key of Object.keys(before)) if (after[key] === undefined && before[key] !== undefined) edits.push({ remove: [...path, key] });
    for (const [key, value] of Object.entries(after)) {
      if (value === undefined) continue;
      if (before[key] === undefined) edits.push({ set: [...path, key], value });
      else diff(before[key], value, [...path, key], edits);
    }
  } else {
    edits.push({ set: path, value: after });
  }
  return edits;
}

/** A team's members as a Result lists them, from the columns `evaluate` sends. */
export function memberRows({ name, share, payout }) {
  return name.map((n, i) => ({ name: n, share: share[i], payout: payout[i] }));
}

/**
 * Each team's members in `result` (an answer's) as a Result lists them:
 * members cross as columns (three lists, not an object per member); the
 * views and the host read a Result, whose members are rows.
 */
function asRows(result) {
  for (const team of result.teams ?? []) team.members = memberRows(team.members);
}

/**
 * `changed` (the core's) with each goal's result before and after as the
 * plans `before` and `after` write it, when it is the same number: the text
 * its field shows ("1900000.10"), not the core's exact value (1900000.1).
 */
function asWritten(changed, before, after) {
  if (!changed?.goals.length) return changed;
  const written = (plan, id, value) => {
    const text = plan?.goals?.find((g) => g.id === id)?.actual;
    return isDecimal(text) && isDecimal(value) && compare(text, value) === 0 ? text : value;
  };
  return { ...changed, goals: changed.goals.map((g) => ({ ...g, before: written(before, g.id, g.before), after: written(after, g.id, g.after) })) };
}

/** `value` and everything in it, frozen. */
function frozen(value) {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

export class Store {
  #core = null;
  /** The core's `Calculator`: the scenarios, and what stayed the same between calls. */
  #calculator = null;
  /** The scenarios as the core last gave them (frozen), until the next change. */
  #file = null;
  /**
   * Per scenario, what only the page knows: `from`, the preset it was
   * opened from (`presetNote`); `newTeams`, the ids of teams added in this
   * page whose plan has not left it yet (exported, its link copied, a
   * roster imported): no roster or link knows them, so each follows its
   * team's name.
   */
  #pages = [];
  /** The core's latest answer (`evaluate`). */
  #last = null;
  /**
   * Until the page's module has loaded, where the element started on its
   * own preset: the first result's module (engine.js `firstEngine`) and its
   * answer, drawn as the first result (`early`).
   */
  #early = null;

  /** How the element writes: its locale's words and numbers (format.js), the core's messages in its language too. */
  format = null;

  /** Counts the plans opened for editing (a link, a file, a preset, another scenario), not edits: what was read for one plan is not put into another. */
  opened = 0;

  /** The goal the shared-fate chart follows, as the reader picked it (an id); the core's choice until then. */
  chartGoal = undefined;

  // What the results show, and how the edit under way stands.
  /** The latest answer for the plan without errors; none since a plan was opened until it has one. */
  evaluation = null;
  /** Whether the plan being edited has errors: the results shown are `settled`'s, marked out of date. */
  stale = false;
  /** The results of the last complete entry, `{ plan, evaluation }`: they stand, and stay on screen while an entry is wrong. */
  settled = null;
  /** What the edit under way, or the last one that moved anything, changed (the core's `changed`). */
  change = null;
  /** The sections of the results the reader unfolded, kept open across redraws. */
  unfolded = new Set();
  /**
   * The solve form's question: the team and goal asked (ids), and the
   * payout typed (null: the team's target incentive as the plan has it
   * now; the text as typed, with `unread`, when it cannot be read), with
   * the `note` on how it was read (or why it could not be).
   */
  question = { team: null, goal: null, payout: null, unread: false, note: '' };
  /**
   * What the forecast keeps while it is not in the plan: each goal's low,
   * likely and high while the goal is out of it, and the forecast's
   * settings while it has no goal (`forecastGoal`).
   */
  // A forecast the page starts assumes its goals partly move together (the
  // model's default is 0); its trials and seed are the model's.
  #forecastAside = { ranges: new Map(), settings: { correlation: '0.5' } };
  /** A plan was opened: its first results stand at once, and no line says what they "changed". */
  #switching = false;
  /** Whether the edit under way (since the results last stood) moved a result or a payout. */
  #editMoved = false;
  /** Edits sent to the core, and how many of them the results last drawn (`right`) had seen. */
  #sent = 0;
  #seen = 0;

  #defaults = null;

  /** The core's facts of the plan being edited, from the latest evaluation (valid or not): currency, places, weight sums, shared goals. */
  get facts() {
    return this.#last?.facts ?? null;
  }

  /** The latest Result of the plan without errors (`evaluation`'s; before the page's module, the first result's). */
  get result() {
    return (this.evaluation ?? this.#early?.answer)?.result ?? null;
  }

  /** The Result on screen: the latest, or while the plan has errors the last that stood (drawn marked out of date); null before the first. */
  get standing() {
    return this.stale ? (this.settled?.evaluation.result ?? null) : this.result;
  }

  /** The Result on screen while it is current: none while the plan has errors. */
  get current() {
    return this.stale ? null : this.result;
  }

  /** The core's exports, once the Wasm module has loaded. */
  get core() {
    return this.#core;
  }

  set core(core) {
    this.#core = core;
    this.#calculator = new core.Calculator();
    this.#defaults = core.defaults();
  }

  /**
   * The core's `Calculator`, its messages in the element's language: the
   * Wasm module is one for every element on the page.
   */
  get #speaking() {
    this.#core.setLanguage(this.format.tag);
    return this.#calculator;
  }

  /** The element writes in `format` (format.js) from now on. */
  writeIn(format) {
    this.format = format;
  }

  /** Every error of every plan held (a forecast's too), each at its path in its plan: the core's. */
  errors() {
    return this.#speaking.errors();
  }

  /** The model's defaults (the core's): what a plan means where it leaves a part out. */
  get defaults() {
    return this.#defaults;
  }

  /** `{ active, scenarios: [{ name, plan, ownResults?, from?, typed? }] }` (`typed`: the person typed its name), frozen; null until the first plan. */
  get state() {
    if (!this.#file) {
      const file = this.#calculator?.file();
      if (!file) return null;
      const scenarios = file.scenarios.map(({ name, plan, ownResults }, i) => {
        const { from, typed } = this.#pages[i] ?? {};
        return { name, plan, ...(ownResults ? { ownResults } : {}), ...(from ? { from } : {}), ...(typed ? { typed } : {}) };
      });
      this.#file = frozen({ active: file.active, scenarios });
    }
    return this.#file;
  }

  /** The scenario being edited. */
  get scenario() {
    const state = this.state;
    return state?.scenarios[state.active];
  }

  /** The plan being edited: the active scenario's. */
  get plan() {
    return this.scenario?.plan;
  }

  /** Most scenarios side by side. */
  get max() {
    return (this.#core ?? this.#early.core).maxScenarios();
  }

  get full() {
    return this.state.scenarios.length >= this.max;
  }

  /** What the page alone knows of the scenario being edited. */
  get #page() {
    return this.#pages[this.state.active];
  }

  /** Sends `edit` to the core; the names of the goals whose shared result it changed elsewhere. */
  #send(edit) {
    const { goals } = this.#speaking.edit(edit);
    this.#sent += 1;
    this.#file = null;
    return goals;
  }

  /** Every scenario replaced: a link, a file, the host page, the first plan. */
  replace(next) {
    this.#speaking.open(portable(next));
    this.#pages = next.scenarios.map(({ from, typed }) => ({ from, typed, newTeams: new Set() }));
    this.#file = null;
    this.#early = null;
    this.opened += 1;
  }

  /**
   * Before the page's module has loaded: the one scenario `state` the
   * element starts with (its own preset), and `answer`, the first result's
   * module's (`core`'s) answer for it, as the `Calculator` would answer
   * once it opened it but for the plan's facts (none until then: the
   * editor, which shows them, comes with the `Calculator`). Drawn as the
   * first result, edited by nothing: `replace` opens the same scenario in
   * the `Calculator` once it is here.
   */
  early(state, answer, core) {
    const { name, plan, from } = state.scenarios[0];
    this.#file = frozen({ active: 0, scenarios: [{ name, plan: structuredClone(plan), ...(from ? { from } : {}) }] });
    this.#pages = [{ from, newTeams: new Set() }];
    asRows(answer.result);
    this.#early = { answer, core };
    this.#last = answer;
  }

  /** Whether only the first result is here: the page's module, which edits, is not yet. */
  get waiting() {
    return this.#early !== null;
  }

  /** Edits scenario `i` from now on. */
  select(i) {
    this.#send({ scenario: 'select', index: i });
    this.opened += 1;
  }

  /** A copy of the active scenario (named by the core: "X (copy)"), edited from now on; false when there are as many as can be. */
  duplicate() {
    if (this.full) return false;
    // The copy came from where its plan came from: a preset's note is as true of it.
    const { from } = this.#page;
    this.#send({ scenario: 'duplicate' });
    this.#pages.push({ ...(from ? { from } : {}), newTeams: new Set() });
    this.opened += 1;
    return true;
  }

  /** Removes the active scenario; the one before it is edited next. */
  remove() {
    const { active, scenarios } = this.state;
    if (scenarios.length < 2) return;
    this.#send({ scenario: 'remove' });
    this.#pages.splice(active, 1);
    this.opened += 1;
  }

  /**
   * The person names the active scenario: a preset put into it later keeps
   * this name (README); cleared, it has the name the core gives a scenario
   * nobody named.
   */
  name(name) {
    this.#page.typed = name.trim() !== '';
    this.rename(name);
  }

  /** Names the active scenario; cleared, it has the name the core gives a scenario nobody named. */
  rename(name) {
    this.#send({ scenario: 'rename', name });
  }

  /**
   * Gives the active scenario actual results of its own, or has it share
   * them again; returns the names of the goals whose result sharing changed
   * in it.
   */
  ownResults(own) {
    return this.#send({ scenario: 'ownResults', own });
  }

  /**
   * Puts `plan` into the active scenario; a preset names it and leaves its
   * origin, kept only while the plan is still the preset (`presetNote`);
   * else `name` (a file's) names it, when given. Returns the names of the
   * goals whose results the plan brought to the scenarios that share them
   * (`shared`), and whether the scenario took results of its own (`own`): a
   * preset is an example with results of its own, which are not the other
   * scenarios' where they differ (found by a fresh look: the teaching
   * example's results went into a consultant's "Siloed" scenario).
   */
  load(plan, preset = null, name = '') {
    const { active, scenarios } = this.state;
    let own = false;
    if (preset && scenarios.length > 1 && !scenarios[active].ownResults) {
      // Its results are the others' when sharing them again would change
      // none of them: then it shares them (found by a fresh look: a preset
      // with the company's very results was said not to be at the same
      // results, and a result typed then moved it alone). The core says.
      this.ownResults(true);
      this.#send({ set: [], value: plan });
      own = this.ownResults(false).length > 0;
      if (own) this.ownResults(true);
    }
    const shared = new Set(this.#send({ set: [], value: plan }));
    this.opened += 1;
    const page = this.#page;
    // A preset whose teams are to be named (Blank plan): their ids follow the names given.
    page.newTeams = new Set(preset?.namesToFill ? plan.teams.map((team) => team.id) : []);
    if (preset) {
      // Named after the preset, unless the person named it (found by a fresh look: "Shared tomorrow" became "Shared revenue").
      if (!page.typed) this.rename(this.format.t(preset.title));
      page.from = presetOrigin(preset, this.plan, this.format);
    } else {
      delete page.from;
      if (name) this.rename(name);
    }
    this.#file = null;
    return { shared, own };
  }

  /** Sets the value at the path `at` (its keys and indices) in the plan being edited; `undefined` removes it. Returns what `edit` does. */
  set(at, value) {
    if (value !== undefined) return new Set(this.#send({ set: at, value }));
    return new Set(valueAt(this.plan, at) === undefined ? [] : this.#send({ remove: at }));
  }

  /**
   * A number typed at the path `at`: the preset's own text there when it is
   * the same number (120000 over its 120000.00), so that the plan is still
   * the preset and its name and note say so; else `value`.
   */
  asOpened(at, value) {
    const { from } = this.#page;
    const was = from && valueAt(from.plan, at);
    return typeof value === 'string' && typeof was === 'string' && isDecimal(value) && isDecimal(was) && compare(value, was) === 0 ? was : value;
  }

  /**
   * Applies `mutate` to a copy of the plan being edited and sends the core
   * the edits that make the plan that copy. A team the edit added (an id
   * the plan did not have) takes its id from its name. Returns the names of
   * the goals whose shared result changed in another scenario.
   */
  edit(mutate) {
    const before = this.plan;
    const after = structuredClone(before);
    mutate(after);
    const shared = new Set(diff(before, after).flatMap((edit) => this.#send(edit)));
    const ids = new Set((before.teams ?? []).map((team) => team.id));
    for (const team of after.teams ?? []) if (!ids.has(team.id)) this.#page.newTeams.add(team.id);
    return shared;
  }

  /**
   * Puts goal `id` into the forecast of the plan being edited (`on`), with
   * the range it had when it was taken out, else `fresh()`; or takes it
   * out, keeping its range, and the forecast's settings when it was the
   * last goal (a plan has no forecast without goals).
   */
  forecastGoal(id, on, fresh) {
    const aside = this.#forecastAside;
    this.edit((p) => {
      if (on) {
        p.forecast ??= { goals: {}, ...structuredClone(aside.settings) };
        p.forecast.goals[id] = aside.ranges.get(id) ?? fresh();
      } else if (p.forecast) {
        aside.ranges.set(id, p.forecast.goals[id]);
        delete p.forecast.goals[id];
        if (!Object.keys(p.forecast.goals).length) {
          const { goals: _, ...settings } = p.forecast;
          aside.settings = settings;
          delete p.forecast;
        }
      }
    });
  }

  /**
   * Words that follow the numbers, for a scenario opened from a preset: the
   * preset's note while the plan is still the preset, else a line that says
   * it changed; a scenario still named after the preset is renamed "…
   * (changed)" (and back), or after the plan once the person names it; a
   * name the person gave the scenario stays. The note is
   * written in the element's `format`. Returns the note
   * (undefined when the scenario came from no preset) and whether the name
   * changed.
   */
  presetNote() {
    const { format } = this;
    const page = this.#page;
    const { from } = page;
    if (!from) return { note: undefined, renamed: false };
    const { plan, name: current } = this.scenario;
    // The note speaks of the numbers, results too; the name of the design,
    // which a result typed in does not change.
    const changed = JSON.stringify(plan) !== from.text;
    const note = changed ? format.t('Changed from the “{preset}” preset: its description no longer fits these numbers.', { preset: format.t(from.phrase) }) : noteText(from.note, format);
    // A plan the person named names its scenario too, while the scenario
    // has a name the page gave it (found by a fresh look: "Blank plan
    // (changed)" went on in the link and the embed code after the plan was
    // named "Acme FY25 incentives").
    const given = plan.name?.trim();
    const named = given && given !== from.plan.name?.trim() ? given : undefined;
    const name = named ?? (designOf(plan) !== from.design ? from.changed : from.title);
    const renamed = [from.title, from.changed, page.named].includes(current) && current !== name;
    if (renamed) this.rename(name);
    page.named = named;
    return { note, renamed };
  }

  /**
   * The core's answer for the scenarios after a change: every scenario's
   * result or errors, the chart in `steps` points (none when `chart` is
   * false), the comparison and the workings.
   */
  evaluate(steps, { chart = true } = {}) {
    let answer;
    try {
      // "Show the math" draws from the workings.
      answer = this.#speaking.evaluate({ ...(chart ? { chart: { goal: this.chartGoal, steps } } : {}), workings: true });
    } catch (error) {
      return { result: { errors: error.errors ?? [{ path: '', message: String(error.message ?? error) }] } };
    }
    // What it did not send again is the last answer's: the facts while only
    // actual results moved, the chart and the targets while only the
    // charted goal's did.
    answer.facts ??= this.#last?.facts;
    if (answer.kept) Object.assign(answer, { chart: this.#last.chart, targets: this.#last.targets });
    asRows(answer.result);
    this.#last = answer;
    return answer;
  }

  /** A plan was opened: nothing of the one before stands for it, or is said to have changed. */
  opening() {
    this.change = null;
    this.evaluation = null;
    this.settled = null;
    this.#switching = true;
  }

  /** The plan being edited has errors: the results shown are the last that stood. */
  wrong() {
    this.stale = true;
  }

  /**
   * `evaluation` is the plan's results, without errors. Those of a plan
   * just opened, or of a discrete edit (`discrete`: a button, a menu, a
   * paste), stand at once; a typed entry's once typing pauses (`settle`).
   * Returns whether they stand.
   */
  right(evaluation, discrete) {
    this.stale = false;
    this.evaluation = evaluation;
    const switching = this.#switching;
    // Whether the plan changed since the results drawn last (not only drawn again).
    const edited = this.#sent !== this.#seen;
    this.#seen = this.#sent;
    const began = this.settled?.plan;
    if (switching || discrete) this.settle();
    // The line says what the edit under way changed since it began (the
    // core's `changed`); an edit that came back to where it began changed
    // nothing.
    if (discrete && !switching) {
      // An edit of its own: the line says what it changed, or goes.
      this.change = asWritten(evaluation.changed ?? null, began, this.plan);
    } else if (evaluation.changed && !switching) {
      this.change = asWritten(evaluation.changed, began, this.plan);
      this.#editMoved = true;
    } else if (this.#editMoved || edited) {
      // An edit that came back to where it began, or one that moved
      // nothing (a name typed): the line of an edit before it goes.
      this.change = null;
    }
    this.#switching = false;
    return switching || discrete;
  }

  /** The latest results stand: an entry that goes wrong next falls back to them, and the next edit's change is told against them. */
  settle() {
    this.settled = { plan: this.plan, evaluation: this.evaluation };
    this.#speaking.settle();
    this.#editMoved = false;
  }

  /** Team `i` of the plan being edited takes the id `id` (it follows its name while it is new); the solve form's question follows it. */
  retag(i, id) {
    const page = this.#page;
    const was = this.plan.teams[i].id;
    this.#send({ set: ['teams', i, 'id'], value: id });
    if (page.newTeams.delete(was)) page.newTeams.add(id);
    if (this.question.team === was) this.ask({ team: id });
  }

  /** The section of the results called `key` unfolds (`open`) or folds. */
  unfold(key, open) {
    if (open) this.unfolded.add(key);
    else this.unfolded.delete(key);
  }

  /** The solve form asks anew: `change` holds what the person chose or typed. */
  ask(change) {
    this.question = { ...this.question, ...change };
  }

  /** The plan left the page (exported, its link copied, a roster imported): team ids stay as they are from now on. */
  freeze() {
    for (const page of this.#pages) page.newTeams.clear();
  }

  /** Whether team `i` of the plan being edited was added in this page, so that its id follows its name (the core's `teamId`). */
  isNewTeam(i) {
    return this.#page.newTeams.has(this.plan.teams[i]?.id);
  }
}
