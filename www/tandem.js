// <tandem-calculator>: the whole calculator as one element, for the full
// page in this folder and for any host page:
//
//   <script type="module" src="tandem.js"></script>
//   <tandem-calculator plan="plans/2027.json" locked="targets weights"></tandem-calculator>
//
// The Wasm module is found next to this script (pkg/), whatever the page's URL.
//
// Its attributes, properties, events and CSS custom properties are listed on
// the class below (and, from there, in custom-elements.json and tandem.d.ts).
// The element sets `ready` once its first result is drawn, and `linking`
// while a change waits to be written into the page's link (with `hash`; the
// link follows once typing pauses). Styles live in the shadow root: host
// styles do not reach in, and these do not leak out. Removed from the page,
// it leaves nothing listening outside itself; put back, it listens again
// with its plan as it was.
//
// Inside: the scenarios (their plans, names, the one being edited) are held
// by the core's `Calculator`, which the one store (store.js) sends edits;
// the store keeps what only the page knows (where a preset scenario came
// from, teams added here, the chart's goal, what is unfolded). Every
// control's listener (dispatch.js) and every part (the forecast's too)
// changes state through `#change`: a store method, then one drawing pass
// (`#update`): one `evaluate` of the core, then `render` (render.js) draws
// the views by lit-html (draw.js) from the store and that answer; only what
// differs is written. This file keeps the element's lifecycle, its
// attributes and properties (the plans a host gives: given.js), and what
// follows typing in time. The parts of the page are classes of their own
// (entries, solver, dials, page link, files, statement, forecast), each
// given what it needs to read; the forecast, statement, embed dialog and
// files load after the first result (`#more`).
import { movedAssets, useAssets } from './assets.js';
import { engine, wholeEngine } from './engine.js';
import { LOCK_WORDS, loading, skeleton } from './frame.js';
import { Given } from './given.js';
import { listen } from './dispatch.js';
import { Entries } from './entries.js';
import { Solver } from './solver.js';
import { Dials } from './dials.js';
import { PageLink } from './pagelink.js';
import { LocalePicker } from './picker.js';
import { Exercise } from './exercise.js';
import { known, localeOf, numbering } from './locale.js';
import { changedText, money, pct, summary } from './results.js';
import { drawEditor, render } from './render.js';
import { languageOf, loadWords, relabel, t, tn, useLocale, wordsReady } from './words.js';
import { STEPS } from './chart.js';
import { noteText } from './presets.js';
import { Store } from './store.js';

/** Quiet time after a keystroke before an entry counts as complete. */
const PAUSE_MS = 700;


/**
 * The whole calculator as one element: plan editor, results with their workings, the shared-fate chart, scenarios and the simulation.
 *
 * The Custom Elements Manifest (custom-elements.json) is written from these
 * tags by `@custom-elements-manifest/analyzer` when the package is built.
 *
 * @tag tandem-calculator
 * @attr {string} plan - URL of a plan (or scenario) file to start from; changing it loads the new file. A child <script type="application/json"> holding a plan does the same inline. Without either, the "Shared revenue" example.
 * @attr {string} locked - What viewers cannot change, space-separated: plan (with the revenue goal), goals, targets, actuals, curves, teams, incentives (with base salaries), weights. Presets, import and scenarios are hidden when set.
 * @attr {boolean} compact - Results only, for a sidebar.
 * @attr {boolean} hash - Keep the plan in the page's link (#plan= / #scenarios=) and follow it.
 * @attr {string} locale - How numbers are written and read (a BCP 47 tag: de-DE, fr-FR, en-IN), and the language of the words: German for de, else English; else the nearest lang, else the browser's.
 * @attr {boolean} exercise - Class mode: the results hidden and the plan read-only; readers type each team's payout and are told whether it is right to the cent, then see the answers and the math. The page's link does the same with &exercise=1.
 * @attr {string} assets - URL of the folder holding the package's files (tandem.css, pkg/, the workers), for a server or bundler that moved them; read when the element starts.
 * @fires {CustomEvent<Result>} tandem-change - After every recalculation; detail is the Result.
 * @fires {CustomEvent<TandemErrorDetail>} tandem-error - When the plan is invalid; detail.errors holds { path, message }.
 * @fires {CustomEvent<TandemLocaleDetail>} tandem-locale - When the element's words and numbers are drawn in a locale, at start and after every change; detail holds { locale, language } ("de" or "en").
 * @cssprop --tandem-bg - Page background
 * @cssprop --tandem-surface - Panel background
 * @cssprop --tandem-text - Text colour
 * @cssprop --tandem-muted - Secondary text
 * @cssprop --tandem-border - Borders
 * @cssprop --tandem-accent - Buttons and links
 * @cssprop --tandem-accent-text - Text on the accent colour
 * @cssprop --tandem-error - Errors
 * @cssprop --tandem-font - Font family
 * @cssprop --tandem-team-1 - Colour of team 1
 * @cssprop --tandem-team-2 - Colour of team 2
 * @cssprop --tandem-team-3 - Colour of team 3
 * @cssprop --tandem-team-4 - Colour of team 4
 * @cssprop --tandem-team-5 - Colour of team 5
 * @cssprop --tandem-team-6 - Colour of team 6
 */
export class TandemCalculator extends HTMLElement {
  /** Attributes a host page (or its framework) may change after the element started. */
  static get observedAttributes() {
    return ['plan', 'locked', 'compact', 'hash', 'locale', 'exercise'];
  }

  /** The scenarios, the one being edited and the chart's goal (store.js). */
  #store = new Store();
  /** The shadow root, from the first time the element is connected. */
  #root = null;
  /** The frame's parts the element writes to. */
  #els = null;
  /** What the views and the listeners are given: the element's parts and what they act through (`#mount`). */
  #page = null;
  /** The core's exports (pkg/tandem.js) once the module has loaded. */
  #core = null;
  /** The whole core (pkg/full/: solve, the dial, check, payouts CSV), loaded after the first result (`#more`). */
  #full = null;
  /** How numbers are written and read (the `locale` attribute, …). */
  #numbers = null;
  /** What the `locked` attribute names. */
  #locked = new Set();

  // The page's parts, made when the element is first connected.
  /** The shared-stake dials under the weights. */
  #dials = null;
  /** "What must a goal reach?", answered once typing in the plan pauses. */
  #solver = null;
  /** How the entries typed since the editor was drawn were read. */
  #entries = null;
  /** "What it may cost": the forecast and its simulation, in a worker. */
  #forecast = null;
  /** The page's link, kept in step with the plan when the element has `hash`. */
  #link = null;
  /** The full page's number-format picker (picker.js). */
  #picker = null;
  /** Class mode (exercise.js); `#exerciseLink`: the page's link opened it. */
  #exercise = null;
  #exerciseLink = false;
  /** The printed statement, of the results on screen when they are current. */
  #statement = null;
  /** Plan and scenario files, rosters and downloads. */
  #files = null;
  /** The "Embed this plan" dialog. */
  #embed = null;
  /** The promise of the four parts above (`#more`), once asked for. */
  #tools = null;

  // The timers that follow typing.
  #settleTimer = null;
  /** Errors held back while an entry may be half-typed, shown once typing pauses. */
  #errorsTimer = null;
  #solverTimer = null;
  #announceTimer = null;
  /** Listeners outside the element, removed when it leaves the page. */
  #outside = null;
  /** The plans the host page gives (given.js). */
  #given = new Given(() => this.#page);

  attributeChangedCallback(name, before, value) {
    // Before the element starts, `#start` reads its attributes itself.
    if (!this.#root || before === value) return;
    if (name !== 'plan') this.#follow(name);
    else if (value) this.#given.fetch(value);
  }

  /**
   * A copy of the plan being edited (the active scenario's), or null before it is known. Setting it (a plan or a scenario file's object) validates and recalculates; invalid, it fires tandem-error and nothing changes; equal to the plan it has, nothing happens.
   * @type {Plan | ScenarioFile | null}
   */
  get plan() {
    return this.#store.state ? structuredClone(this.#store.plan) : null;
  }

  /** @param {Plan | ScenarioFile | string} value a plan, a scenario file's object, or the URL of either */
  set plan(value) {
    // A URL, as frameworks pass the `plan` attribute's value to the property.
    if (typeof value === 'string') {
      this.#given.fetch(value);
      return;
    }
    this.#given.take(value);
  }

  /**
   * The latest Result, or null before the first calculation.
   * @type {Result | null}
   */
  get result() {
    return this.#store.result;
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
    if (this.#root) {
      this.#attach();
      return;
    }
    if (this.hasAttribute('assets')) useAssets(this.getAttribute('assets'));
    const moved = movedAssets();
    const stylesheet = moved ? new URL('tandem.css', moved) : new URL('./tandem.css', import.meta.url);
    this.#root = this.attachShadow({ mode: 'open' });
    // Until its first result the element keeps its place and shows nothing
    // (the stylesheet may still be loading): the page does not jump.
    this.#root.adoptedStyleSheets = [loading()];
    this.#root.append(...skeleton({ stylesheet: stylesheet.href, compact: this.hasAttribute('compact') }));
    this.#mount();
  }

  /** Removed or moved by the host page (or its framework): nothing is left listening outside. */
  disconnectedCallback() {
    if (this.#root) this.#detach();
  }

  #$(id) {
    return this.#root.getElementById(id);
  }

  /** Makes the page's parts and starts: the module and the first plan load. */
  #mount() {
    const $ = (id) => this.#$(id);
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
    this.#els = els;
    const store = this.#store;
    this.#dials = new Dials(els.editor, () => ({ core: this.#full, plan: store.plan, facts: store.facts, numbers: this.#numbers, result: store.result, locked: this.#locked.has('weights') }), (i, weights) =>
      this.#edit(
        (p) => {
          p.teams[i].weights = weights;
        },
        { discrete: false },
      ),
    );
    this.#solver = new Solver(els.solver, () => ({ core: this.#full, plan: store.plan, facts: store.facts, result: store.current, numbers: this.#numbers, question: store.question, ask: (change) => store.ask(change) }));
    this.#entries = new Entries(null);
    this.#picker = new LocalePicker($('locale-picker'), () => {
      this.#follow('locale');
      this.#link.schedule();
    });
    this.#link = new PageLink(this, $('link-problem'), {
      core: () => this.#core,
      state: () => store.state,
      open: (next, chart) => this.#show(next, chart),
      locale: () => this.#picker.picked,
      chart: () => store.chartGoal,
      // A link changed by hand or by Back to another format.
      openLocale: (tag) => {
        this.#picker.pick(tag);
        this.#follow('locale');
      },
      exercising: () => this.#exercising(),
    });
    if (this.#link.synced) {
      this.#picker.start(this.#link.locale());
      this.#exerciseLink = this.#link.exercise();
    }
    this.#exercise = new Exercise($('exercise'), this.#root.querySelector('.frame'), () => ({
      plan: store.plan,
      facts: store.facts,
      result: store.current,
      numbers: this.#numbers,
    }));
    this.#page = this.#parts();
    this.#readLocale();
    this.#readLocked();
    this.#readHash();
    this.#start();
  }

  /**
   * The element's parts as the views (render.js) and the listeners
   * (dispatch.js) see them: what they read, as it is when they read it, and
   * the actions they change the state through.
   */
  #parts() {
    const self = this;
    return {
      host: this,
      root: this.#root,
      els: this.#els,
      store: this.#store,
      $: (id) => this.#$(id),
      get core() {
        return self.#core;
      },
      get full() {
        return self.#full;
      },
      get numbers() {
        return self.#numbers;
      },
      get locked() {
        return self.#locked;
      },
      entries: this.#entries,
      dials: this.#dials,
      solver: this.#solver,
      link: this.#link,
      picker: this.#picker,
      exercise: this.#exercise,
      get forecast() {
        return self.#forecast;
      },
      get files() {
        return self.#files;
      },
      get statement() {
        return self.#statement;
      },
      get embed() {
        return self.#embed;
      },
      /** The field last typed into, for the jump back from the results (dispatch.js). */
      lastField: null,
      change: (mutate, options) => this.#change(mutate, options),
      edit: (mutate, options) => this.#edit(mutate, options),
      update: (options) => this.#update(options),
      load: (plan, options) => this.#load(plan, options),
      say: (text, kind) => this.#say(text, kind),
      show: (next, chart) => this.#show(next, chart),
      more: () => this.#more(),
      exercising: () => this.#exercising(),
      teamId: (name, taken) => this.#teamId(name, taken),
      // Leaving a field completes its entry: the results stand now, not once typing pauses.
      settle: () => {
        if (this.#settleTimer && this.#store.current) this.#settle();
      },
      followName: (i, name) => this.#followName(i, name),
    };
  }

  /**
   * The parts the first result does not need, loaded once: after the first
   * result, or sooner when one is asked for. The forecast and its
   * simulation, the printed statement, the embed dialog, plan and roster
   * files. In dist/ they are a file of their own.
   */
  #more() {
    this.#tools ??= Promise.all([import('./forecast.js'), import('./statement.js'), import('./embed.js'), import('./files.js'), wholeEngine()]).then(([{ Forecast }, { Statement }, { Embed }, { Files }, full]) => {
      this.#full = full;
      const $ = (id) => this.#$(id);
      const { results } = this.#els;
      const store = this.#store;
      // The forecast changes the plan as the editor does: through the store, then one drawing pass.
      this.#forecast = new Forecast($('forecast'), {
        source: () => ({ state: store.state, facts: store.facts, defaults: store.defaults, numbers: this.#numbers, unfolded: store.unfolded }),
        act: {
          edit: (mutate) => this.#change((s) => s.edit(mutate)),
          set: (path, value) => this.#change((s) => s.set(path, value)),
          forecastGoal: (id, on, fresh) => this.#change((s) => s.forecastGoal(id, on, fresh), { discrete: true }),
          unfold: (key, open) => this.#change((s) => s.unfold(key, open), { announce: false }),
        },
        tie: (r) => full.tie(r),
        typing: {
          take: (path, kind, text) => this.#entries.take(path, kind, text, store.facts),
          noteFor: (path) => this.#entries.noteFor(path),
          forget: (path) => this.#entries.forget(path),
          withReadings: (errors, part) => this.#entries.withReadings(errors, part),
        },
      });
      this.#statement = new Statement($('statement'), () => ({
        core: this.#full,
        state: store.state,
        result: store.current,
        numbers: this.#numbers,
        // The comparison moves the goal the chart follows, and shows the last simulation.
        goal: store.evaluation?.chart?.goal ?? store.plan.goals[0]?.id,
        simulation: this.#forecast.simulated(),
        exercise: this.#exercising() && !this.#exercise.revealed,
      }));
      this.#embed = new Embed(this.#root, import.meta.url);
      this.#files = new Files(this.#root, {
        source: () => ({ core: this.#full, plan: store.plan, opened: store.opened }),
        say: (text, kind) => this.#say(text, kind),
      show: (next, chart) => this.#show(next, chart),
        open: (next) => this.#show(next),
        load: (next, name) => this.#load(next, { name }),
        freeze: () => store.freeze(),
      });
      const { current } = store;
      this.#forecast.update(current);
      this.#statement.schedule();
      // The dials' ends and the solve form's answer need the whole core.
      this.#dials.refresh(current);
      this.#solver.answer();
    });
    return this.#tools;
  }

  /** Follows the `locale` attribute (and `lang`): numbers written and read its way. */
  #readLocale() {
    // The full page writes numbers the browser's way until another format is
    // picked: its lang="en" says what language its words are in, not how the
    // reader writes numbers.
    const shown = this.#link.synced && !this.hasAttribute('locale');
    const own = (shown && known(navigator.language)) || localeOf(this).tag;
    const { tag, unknown } = localeOf(this, shown ? (this.#picker.picked ?? own) : null);
    this.#numbers = numbering(tag);
    this.#entries.numbers = this.#numbers;
    useLocale(tag);
    this.#picker.draw({ shown, own });
    const frame = this.#root.querySelector('.frame');
    // Words and numbers drawn in the locale: the frame says which (for
    // scripts and tests), and in what language, and so does the host.
    const spoken = () => {
      frame.removeAttribute('aria-busy');
      frame.dataset.locale = tag;
      frame.lang = languageOf(tag);
      relabel(this.#root);
      this.#warnUnknown(unknown, tag);
      this.dispatchEvent(new CustomEvent('tandem-locale', { detail: { locale: tag, language: languageOf(tag) }, bubbles: true, composed: true }));
    };
    if (wordsReady(tag)) return spoken();
    // German is fetched the first time it is needed, then drawn again.
    // Meanwhile the frame is busy, which tests and assistive technology can see.
    frame.setAttribute('aria-busy', 'true');
    loadWords(tag).then(
      () => {
        if (this.#numbers.tag !== tag) return;
        useLocale(tag);
        this.#picker.draw({ shown, own });
        // The same result in other words (the kept results too): the host heard of it already.
        if (this.#store.state) this.#update({ bar: true, announce: false });
        spoken();
      },
      () => {
        frame.removeAttribute('aria-busy');
        frame.dataset.locale = tag;
        frame.lang = 'en';
        this.#say('The German words could not be loaded: the calculator stays in English.', 'error');
      },
    );
  }

  /** Says that the browser does not know the locale asked for (`unknown`), and which it uses. */
  #warnUnknown(unknown, tag) {
    if (unknown) this.#say(t('This browser does not know the locale “{unknown}”; numbers are written and read as {tag} writes them.', { unknown, tag }), 'error');
  }

  /** Follows the `locked` attribute: its fields read-only, presets, files and scenarios hidden. */
  #readLocked() {
    this.#locked = new Set((this.getAttribute('locked') ?? '').split(/[\s,]+/).filter(Boolean));
    // An exercise's plan is the question: every part of it stays as given.
    if (this.#exercising()) for (const word of LOCK_WORDS) this.#locked.add(word);
    // Hosts that lock fields also keep viewers from swapping the plan.
    for (const el of this.#root.querySelectorAll('.presets, #import, #import-roster, #scenarios, #embed')) el.hidden = this.#locked.size > 0;
  }

  /** Follows `compact`: results only. */
  #readCompact() {
    const compact = this.hasAttribute('compact');
    this.#root.querySelector('.frame').classList.toggle('compact', compact);
    this.#$('forecast').hidden = compact;
  }

  /** Whether the plan is shown as an exercise: the `exercise` attribute, or the link that opened the page. */
  #exercising() {
    return this.hasAttribute('exercise') || this.#exerciseLink;
  }

  /** Follows `hash`: whether the plan is kept in, and follows, the page's link. */
  #readHash() {
    // A link means something only where the calculator owns the page's link.
    this.#$('copy-link').hidden = !this.#link.synced;
    this.#$('make-exercise').hidden = !this.#link.synced || this.#exercising();
  }

  /**
   * Says `text` in the status line; `kind` 'unread' (a plan, file or
   * roster that could not be read) is an error said at once, as an alert;
   * other errors (fields to fix) are said politely, as typing pauses.
   */
  #say(text, kind = 'info') {
    const { status } = this.#els;
    status.setAttribute('role', kind === 'unread' ? 'alert' : 'status');
    status.textContent = text;
    status.dataset.kind = kind === 'unread' ? 'error' : kind;
  }

  /**
   * Every change of state goes through here: `mutate` changes the store
   * (through its methods), then one drawing pass (`#update`). `opened`: a
   * plan, file, link or scenario tab replaced what was shown, not an edit to
   * describe; its results stand at once and `note` is the preset's words (or
   * none).
   */
  #change(mutate, { bar = false, chart = true, opened = false, note = '', discrete = false, announce = true } = {}) {
    mutate(this.#store);
    if (opened) {
      this.#exercise.reset();
      // Nothing of the plan before stands for this one.
      this.#store.opening();
      this.#entries.clear();
      this.#els.note.textContent = note;
    }
    this.#update({ bar: bar || opened, chart, discrete, announce });
  }

  /**
   * The one drawing pass: one `evaluate` of the core for everything drawn
   * (every scenario's result, the chart and the comparison, the active
   * plan's facts), then `render` (render.js) from the store and that answer;
   * the scenario bar too when asked (its shape changed). `chart` false on
   * first load: the payouts are painted first. Here is what follows typing
   * in time: errors held while an entry may be half-typed, results that
   * stand once typing pauses, the words said then, and the host's events.
   * Also on its own when what changed is not state (an attribute, a field left).
   */
  #update({ bar = false, chart = true, announce = true, discrete = false } = {}) {
    const store = this.#store;
    useLocale(this.#numbers.tag);
    this.#link.schedule();
    this.#statement?.schedule();
    // The preset's note, or the line that says the plan changed from it (which renames the scenario).
    const { note, renamed } = store.presetNote(this.#numbers);
    const drawn = { bar: bar || renamed, note, chart };
    const evaluation = store.evaluate(STEPS, { chart });
    const errors = this.#entries.withReadings(evaluation.result.errors ?? []);
    for (const timer of [this.#settleTimer, this.#errorsTimer, this.#solverTimer, this.#announceTimer]) clearTimeout(timer);
    if (errors.length) {
      store.wrong();
      this.dispatchEvent(new CustomEvent('tandem-error', { detail: { errors }, bubbles: true, composed: true }));
      // An entry that cannot be read yet is likely half-typed: its error
      // waits until typing pauses (or the field is left), not flashing on
      // every keystroke of 1,900,000. The results of the last complete
      // entry stand; nothing is said of a keystroke before this one ("2" of "2,4").
      const held = this.#entries.fresh(PAUSE_MS);
      render(this.#page, evaluation, { ...drawn, errors, held });
      if (chart && held.length) this.#errorsTimer = setTimeout(() => drawEditor(this.#page, errors), PAUSE_MS);
      this.#solver.answer();
      return;
    }
    // A plan just opened, or a discrete edit, stands at once; a typed entry once typing pauses.
    const typing = !store.right(evaluation, discrete);
    if (typing) this.#settleTimer = setTimeout(() => this.#settle(), PAUSE_MS);
    render(this.#page, evaluation, { ...drawn, errors, held: [] });
    // The form's answer follows the plan at once, or once typing pauses:
    // with a falling curve, solve tries every grid point (about 0.1 s), too
    // much for every keystroke in the editor. Its own fields answer at once.
    if (typing) this.#solverTimer = setTimeout(() => this.#solver.answer(), 200);
    else this.#solver.answer();
    // Announced once typing pauses, not for every digit of a number; an
    // exercise's answers are not said until they are shown.
    const { result } = evaluation;
    const spoken = store.change ? `${changedText(store.change, result)}. ${summary(result)}` : summary(result);
    this.#announceTimer = setTimeout(() => {
      this.#els.announce.textContent = this.#exercising() && !this.#exercise.revealed ? '' : spoken;
    }, 800);
    if (announce) this.dispatchEvent(new CustomEvent('tandem-change', { detail: result, bubbles: true, composed: true }));
  }

  /**
   * Applies `mutate` to (a copy of) the plan being edited; `rebuild`: the
   * plan's shape changed (a goal, team or curve added, moved or removed), so
   * the notes on entries go and an entry that could not be read stays marked
   * only while the plan holds it as typed. A discrete edit (a button, a menu, a paste) is
   * an edit of its own, whole at once: its results stand, and the line says
   * what it changed; a dial's keys and drags run on, as typing does.
   */
  #edit(mutate, { rebuild = false, discrete = true } = {}) {
    this.#change(
      (store) => {
        store.edit(mutate);
        if (rebuild) this.#entries.keepWhile(store.plan);
      },
      { discrete },
    );
  }

  /** Puts `plan` into the active scenario; a preset names it and leaves its note. */
  #load(plan, { preset = null, name = '' } = {}) {
    let shared;
    this.#change(
      (store) => {
        shared = store.load(plan, preset, name);
      },
      { opened: true, note: preset ? noteText(preset.note, this.#numbers) : '' },
    );
    return shared.size ? tn(shared.size, 'Actual results are shared by the scenarios: {goals} now has its value from this plan in every scenario that shares them.', 'Actual results are shared by the scenarios: {goals} now have their values from this plan in every scenario that shares them.', { goals: [...shared].join(', ') }) : '';
  }

  /** Shows a set of scenarios (a link, a file, the host page), editing the active one; `chart`: the goal a link says its reader charted. */
  #show(next, chart) {
    this.#change(
      (store) => {
        store.replace(next);
        store.chartGoal = chart;
      },
      { opened: true },
    );
  }

  /** The latest results stand now (`store.settle`), not once typing pauses. */
  #settle() {
    clearTimeout(this.#settleTimer);
    this.#store.settle();
  }

  /** The core's id for a team called `name`, not in `taken` ("Ventes Québec" → "ventes-quebec": the name decomposed, so its letters stay). */
  #teamId(name, taken) {
    return this.#core.teamId(name.normalize('NFKD'), taken);
  }

  /**
   * A team added in this page takes an id from its name as it is renamed
   * ("Sales EMEA" → sales-emea), until the plan leaves the page (`freeze`).
   */
  #followName(i, name) {
    const { plan } = this.#store;
    const team = plan.teams[i];
    const id = this.#teamId(name.trim() || `Team ${i + 1}`, plan.teams.filter((t) => t !== team).map((t) => t.id));
    if (id !== team.id) this.#store.retag(i, id);
  }

  /** Once the module has loaded: what each control does (dispatch.js), and the listeners outside. */
  #wire() {
    listen(this.#page);
    this.#attach();
  }

  /** Listens outside the element (removed by `#detach`). */
  #attach() {
    if (this.#outside || !this.#core) return;
    this.#outside = new AbortController();
    const { signal } = this.#outside;
    // Printing shows the statement, as of this moment.
    window.addEventListener('beforeprint', () => this.#statement?.draw(), { signal });
    this.#link.listen();
  }

  /** Stops listening outside the element, and the workers. */
  #detach() {
    this.#outside?.abort();
    this.#outside = null;
    this.#link.stop();
    this.#forecast?.detach();
    this.#files?.stop();
  }

  /** An attribute the host page changed after the element started: followed at once. */
  #follow(name) {
    if (name === 'locale') {
      this.#readLocale();
      // Entries were read the old locale's way; the plan holds plain decimals.
      this.#entries.clear();
    } else if (name === 'locked') {
      this.#readLocked();
    } else if (name === 'compact') {
      this.#readCompact();
    } else if (name === 'exercise') {
      this.#exercise.reset();
      this.#readLocked();
      this.#readHash();
    } else if (name === 'hash') {
      this.#readHash();
      // The number format picker is the full page's: it comes and goes with `hash`.
      this.#readLocale();
      if (this.#outside) this.#link.listen();
      if (this.#link.synced && this.#store.state) this.#link.write();
    }
    if (!this.#store.state) return;
    this.#update({ bar: name === 'locale' });
  }


  async #start() {
    try {
      // The module and the starting plan load side by side; meanwhile the
      // browser's number formatting (ICU data, tens of ms the first time)
      // gets ready instead of delaying the first result. German words,
      // where the locale asks for them, come before the plan is read, so
      // that a link that cannot be read is said in German (#readLocale
      // says so if they cannot load).
      const spoken = loadWords(this.#numbers.tag).catch(() => {});
      const loading = Promise.all([engine(), spoken.then(() => this.#given.initial())]);
      money('0', { currency: 'USD', decimals: 2 });
      pct('0');
      const [core, [first, words]] = await loading;
      this.#core = core;
      this.#store.core = core;
      this.#wire();
      // Results first: the payouts are drawn, and painted, before the chart
      // and the editor (the chart's sweep and drawing were a third of this
      // first pass).
      this.#els.note.textContent = words ? noteText(words, this.#numbers) : '';
      this.#change((store) => store.replace(first), { bar: true, chart: false });
      // Shown now where the editor, drawn next, sits beside the results;
      // in one column (a phone, or compact) it would push them down: shown
      // once both are drawn.
      const frame = this.#root.querySelector('.frame');
      const beside = !this.hasAttribute('compact') && !matchMedia('(max-width: 60rem)').matches;
      if (beside) frame.classList.add('drawn');
      // For `npm run bench`: time from navigation to the first result on screen.
      performance.mark('tandem-first-result');
      await new Promise((resolve) => {
        requestAnimationFrame(() => setTimeout(resolve, 0));
        // A page in a background tab gets no frames.
        setTimeout(resolve, 100);
      });
      // The chart; and errors find their fields now that the fields exist.
      // The same result as the first pass's: the host heard of it already.
      this.#update({ announce: false });
      // The plan as it came stands at once.
      if (this.#store.current) this.#settle();
      frame.classList.add('drawn');
      // The rest of the page's parts, then it is ready; without them the results still stand.
      await this.#more().catch((error) => this.#say(t('Part of Tandem could not load (the forecast, printing, files): {why}', { why: error.message }), 'error'));
      this.setAttribute('ready', '');
      // A plan the host set while the module loaded.
      this.#given.started();
    } catch (error) {
      // What went wrong is shown, whatever was drawn.
      this.#root.querySelector('.frame').classList.add('drawn');
      this.#say(t('Tandem could not start: {why}', { why: error.message }), 'error');
    }
  }
}

// Defined once, even when a page loads two copies of this module.
if (!customElements.get('tandem-calculator')) customElements.define('tandem-calculator', TandemCalculator);
