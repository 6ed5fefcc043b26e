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
// Inside: the scenarios are held by the core's `Calculator`, which the one
// store (store.js) sends edits. Every control's listener (dispatch.js) and
// every part (parts.js) changes state through `#change`: a store method,
// then one drawing pass (pass.js): one `evaluate` of the core, then
// `render` (render.js) draws every view from the store and that answer.
// This file keeps the element's lifecycle and its properties (the plans a
// host gives: given.js). On its own preset the element draws its first
// result with the first result's module (engine.js `firstEngine`), before
// the page's module, with the `Calculator`, and the editing parts
// (editing.js) have loaded; what is asked of it meanwhile waits for them.
import { movedAssets, useAssets } from './assets.js';
import { loading, skeleton } from './frame.js';
import { Given } from './given.js';
import { editingParts, makeEditing, makePage, moreParts } from './parts.js';
import { readHash, readLocale, readLocked, follow } from './attributes.js';
import { Pass } from './pass.js';
import { render } from './render.js';
import { loadWords } from './words.js';
import { engine, firstEngine, speaking } from './engine.js';
import { fetchPreset, noteText } from './presets.js';
import { Store } from './store.js';

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
 * @fires {CustomEvent<TandemCalculator>} tandem-print - On document, just before this element's Print prints; detail is the element. The other elements on the page print nothing that time.
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
  /** The element's parts (parts.js), from the first time it is connected. */
  #page = null;
  /** The plans the host page gives (given.js). */
  #given = new Given(() => this.#page);
  /** The promise of the parts the first result does not need (`moreParts`), once asked for. */
  #tools = null;
  /** The one drawing pass and the timers that follow typing (pass.js). */
  #pass = null;
  /** Listeners outside the element, removed when it leaves the page. */
  #outside = null;
  /**
   * Changes and passes asked for while only the first result is drawn (the
   * page's module still loading: `store.waiting`), made once it is here.
   */
  #queued = [];

  attributeChangedCallback(name, before, value) {
    // Before the element starts, `#start` reads its attributes itself.
    if (!this.#root || before === value) return;
    if (name !== 'plan') follow(this.#page, name);
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
    if (typeof value === 'string') this.#given.fetch(value);
    else this.#given.take(value);
  }

  /**
   * The Result on screen: the latest, or while the plan has errors the last that stood (shown marked out of date); null before the first.
   * @type {Result | null}
   */
  get result() {
    return this.#store.standing;
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
    if (!this.#root) return;
    this.#outside?.abort();
    this.#outside = null;
    this.#page.link.stop();
    this.#page.forecast?.detach();
    this.#page.files?.stop();
  }

  /** Makes the element's parts (parts.js), reads its attributes and starts: the module and the first plan load. */
  #mount() {
    // While only the first result is drawn, a change or a pass waits for
    // the page's module (a scenario bar's button, a section unfolded).
    const waiting = (act) => (this.#store.waiting ? this.#queued.push(act) : act());
    const page = makePage(this, this.#root, this.#store, {
      change: (mutate, options) => waiting(() => this.#change(mutate, options)),
      update: (options) => waiting(() => this.#pass.run(options)),
      more: () => (this.#tools ??= moreParts(page, import.meta.url)),
      listening: () => this.#outside !== null,
      // Leaving a field completes its entry: the results stand now, not once typing pauses.
      settle: () => this.#pass.left(),
    });
    page.given = this.#given;
    this.#page = page;
    this.#pass = new Pass(page);
    readLocale(page);
    readLocked(page);
    readHash(page);
    this.#holdControls();
    // The module starts compiling now, while the words load, not after: the
    // first result's where the element starts on its own preset (it draws
    // the first result, and the page's module loads after it), else the
    // page's. Asked once the script that put the element in the page has
    // run: a host that sets its plan right after adding the element has
    // that plan shown first (found by a fresh look: framework.html showed
    // the preset's payouts first).
    queueMicrotask(() => (this.#paints() ? firstEngine() : engine()).catch(() => {}));
    this.#start();
  }

  /**
   * Every change of state goes through here: `mutate` changes the store
   * (through its methods), then one drawing pass (pass.js). `opened`: a
   * plan, file, link or scenario tab replaced what was shown, not an edit to
   * describe; its results stand at once and `note` is the preset's words (or
   * none). A discrete edit (a button, a menu, a paste) is an edit of its
   * own, whole at once: its results stand, and the line says what it
   * changed; typing and a dial's keys and drags run on.
   */
  #change(mutate, { bar = false, chart = true, opened = false, note = '', discrete = false, announce = true } = {}) {
    const page = this.#page;
    mutate(this.#store);
    if (opened) {
      page.exercise.reset();
      // Nothing of the plan before stands for this one.
      this.#store.opening();
      page.entries.clear();
      page.els.note.textContent = note;
    }
    this.#pass.run({ bar: bar || opened, chart, discrete, announce });
    page.changed?.();
  }

  /** Listens outside the element (stopped when it leaves the page). */
  #attach() {
    if (this.#outside || !this.#page.core) return;
    this.#outside = new AbortController();
    const { signal } = this.#outside;
    // Printing shows the statement, as of this moment. Printed from one
    // calculator's Print, it is that calculator's statement alone: the others
    // on the page print nothing (found by a fresh look: a second plan's
    // member slips came out with the first's statement).
    const frame = this.#root.querySelector('.frame');
    let printedBy = null;
    document.addEventListener('tandem-print', ({ detail }) => (printedBy = detail), { signal });
    window.addEventListener(
      'beforeprint',
      () => {
        const other = printedBy !== null && printedBy !== this;
        frame.classList.toggle('unprinted', other);
        if (!other) this.#page.statement?.draw();
      },
      { signal },
    );
    window.addEventListener(
      'afterprint',
      () => {
        printedBy = null;
        frame.classList.remove('unprinted');
      },
      { signal },
    );
    this.#page.link.listen();
  }

  /**
   * The element's own preset's first result, from the first result's module
   * (engine.js `firstEngine`), drawn as the first pass will draw it once
   * the page's module is here; false when it was not drawn (the plan has
   * errors, or that module could not load: the page's module answers).
   */
  async #paint() {
    const page = this.#page;
    try {
      const [first, plan] = await Promise.all([firstEngine(), fetchPreset('shared', page.format)]);
      // A plan the host set meanwhile is the first shown.
      if (!this.#paints()) return false;
      const answer = speaking(first, () => page.format.tag).firstAnswer(plan);
      if (!answer) return false;
      const [state, note] = this.#given.preset(plan);
      page.format.relabel(this.#root);
      this.#store.early(state, answer, first);
      page.els.note.textContent = noteText(note, page.format);
      render(page, answer, { bar: true, errors: [], held: [], chart: false });
      this.#shown();
      return true;
    } catch {
      return false;
    }
  }

  /**
   * While only the first result is drawn, a click on a button of the
   * toolbar, a skip link or the phone's bar, or Alt+R / Alt+P, whose
   * listeners (dispatch.js) come with the editing parts: kept, and made
   * once they are here, with the other changes asked for meanwhile (found
   * by a fresh look: a preset or Copy link clicked then did nothing).
   */
  #holdControls() {
    const controls = '.toolbar:not(.scenarios) button, .skip-links button, #to-results, #to-field';
    this.#root.addEventListener(
      'click',
      ({ target }) => {
        const control = this.#store.waiting && target.closest?.(controls);
        if (control) this.#queued.push(() => control.click());
      },
      true,
    );
    this.addEventListener(
      'keydown',
      ({ code, key, altKey, ctrlKey, metaKey, shiftKey }) => {
        if (!this.#store.waiting || !altKey || ctrlKey || metaKey || shiftKey || !['KeyR', 'KeyP'].includes(code)) return;
        this.#queued.push(() => pressAgain(this, { code, key, altKey }));
      },
      true,
    );
  }

  /**
   * Whether the results are shown as soon as they are drawn: where the
   * editor, drawn next, sits beside them. In one column (a phone, or
   * compact) it would push them down: they are shown once both are drawn.
   */
  #beside() {
    return !this.hasAttribute('compact') && !matchMedia('(max-width: 60rem)').matches;
  }

  /**
   * Whether the first result is drawn by the first result's module: on the
   * element's own preset, where the results are shown as soon as they are
   * drawn (in one column they wait for the page's module and the editor,
   * and that module would only be more to load first).
   */
  #paints() {
    return this.#given.presetOnly() && this.#beside();
  }

  /** The first result is on screen. */
  #shown() {
    if (this.#beside()) this.#root.querySelector('.frame').classList.add('drawn');
    // For `npm run bench`: time from navigation to the first result on screen.
    performance.mark('tandem-first-result');
  }

  async #start() {
    const page = this.#page;
    try {
      // The module and the starting plan load side by side; meanwhile the
      // browser's number formatting (ICU data, tens of ms the first time)
      // gets ready instead of delaying the first result. German words,
      // where the locale asks for them, come before the plan is read, so
      // that a link that cannot be read is said in German (readLocale
      // says so if they cannot load).
      const spoken = loadWords(page.format.tag).catch(() => {});
      // On its own preset, the first result is drawn by the first result's
      // module; the page's module loads after it.
      const painted = spoken.then(() => this.#paints() && this.#paint());
      // The editing parts (editing.js) load with it.
      const loading = painted.then((drawn) => Promise.all([drawn, engine(), editingParts(), spoken.then(() => this.#given.initial())]));
      page.format.money('0', { currency: 'USD', decimals: 2 });
      page.format.num('0');
      const [drawn, core, editing, [first, words]] = await loading;
      // The dials, class mode (its banner among the frame's words) and the solve form.
      makeEditing(page, editing);
      // The frame's own words (the toolbar, the dialogs) in the language
      // before it is shown. readLocale relabels them once the words are
      // here, which a cold browser has seen come after this: the German
      // toolbar then a line longer once shown (a layout shift of 0.02).
      page.format.relabel(this.#root);
      page.core = speaking(core, () => page.format.tag);
      this.#store.core = core;
      // What each control does (dispatch.js), and the listeners outside.
      editing.listen(page);
      this.#attach();
      // Results first: the payouts are drawn, and painted, before the chart
      // and the editor (the chart's sweep and drawing were a third of this
      // first pass).
      page.els.note.textContent = words ? noteText(words, page.format) : '';
      // Drawn again as the first result was drawn, where it was: nothing moves.
      this.#change((store) => store.replace(first), { bar: true, chart: false });
      if (!drawn) this.#shown();
      // What was asked for while only the first result was drawn.
      for (const act of this.#queued.splice(0)) act();
      const frame = this.#root.querySelector('.frame');
      await new Promise((resolve) => {
        requestAnimationFrame(() => setTimeout(resolve, 0));
        // A page in a background tab gets no frames.
        setTimeout(resolve, 100);
      });
      // The number format picker's other locales, whose names were not
      // worked out before the first result.
      page.picker.complete();
      // The chart; and errors find their fields now that the fields exist.
      // The same result as the first pass's: the host heard of it already.
      this.#pass.run({ announce: false });
      // The plan as it came stands at once.
      if (this.#store.current) this.#pass.settle();
      frame.classList.add('drawn');
      // The page's own preset (index.html preloads it for the page that opens
      // on it), ready for its button where a link or the host brought
      // another plan (presets are hidden while anything is locked): used, not
      // left preloaded in vain (found by a fresh look: Chromium warned of it).
      if (!page.locked.size) fetchPreset('shared', page.format).catch(() => {});
      // The rest of the page's parts, then it is ready; without them the results still stand.
      await page.more().catch((error) => page.say(page.format.t('Part of Tandem could not load (the forecast, printing, files): {why}', { why: error.message }), 'error'));
      this.setAttribute('ready', '');
      // A plan the host set while the module loaded.
      this.#given.started();
    } catch (error) {
      // What went wrong is shown, whatever was drawn.
      this.#root.querySelector('.frame').classList.add('drawn');
      page.say(page.format.t('Tandem could not start: {why}', { why: error.message }), 'error');
    }
  }
}

/**
 * A key held while only the first result was drawn (`init`: its code, key
 * and modifiers), pressed again on `host` once its listeners are here. Not
 * an event the element fires for its host: the manifest does not list it.
 */
function pressAgain(host, init) {
  host.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true, composed: true }));
}

// Defined once, even when a page loads two copies of this module.
if (!customElements.get('tandem-calculator')) customElements.define('tandem-calculator', TandemCalculator);
