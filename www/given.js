// The plans a host page gives the element: the `plan` property, the `plan`
// attribute's file, a child <script type="application/json">, and the one to
// start with when none is given (the page's link, else the preset). `parts()`
// is the element's parts (tandem.js `#parts`), null until it is first connected:
// a plan set before then waits.
import { h } from './dom.js';
import { engine, speaking } from './engine.js';
import { PRESETS, fetchPreset, presetOrigin } from './presets.js';
import { portable, readScenarios } from './scenarios.js';
import { clause } from './words.js';

export class Given {
  #parts;
  /** A plan the host set before the module loaded, opened once it has. */
  #pending = null;
  /** The plan the page last set (as the core writes it), to tell a new one from the same again. */
  #last = null;

  constructor(parts) {
    this.#parts = parts;
  }

  get #page() {
    return this.#parts();
  }

  /** A plan or scenario file's object the host set: opened now, or once the element has started. */
  take(value) {
    const page = this.#page;
    if (page?.core && page.store.state) this.#replace(value);
    else this.#pending = value;
  }

  /**
   * Whether `state` is no longer the plan the host page gave (its `plan`
   * property or attribute, or its inline JSON): a viewer's what-if, which a
   * printed statement says it is (found by a fresh look: an intranet's
   * what-if printed as a real statement). False for a preset or a link.
   */
  changed(state) {
    if (this.#last === null || !state) return false;
    try {
      return this.#page.core.writeScenarios(portable(state)) !== this.#last;
    } catch {
      return true;
    }
  }

  /** Once the element has started: a plan the host set while the module loaded. */
  started() {
    const pending = this.#pending;
    this.#pending = null;
    if (pending) this.#replace(pending);
  }

  /**
   * A plan or scenario file given by the host page after the element started
   * (the `plan` property, or a new `plan` attribute): shown when valid;
   * otherwise `tandem-error` carries its errors and nothing changes.
   */
  #replace(json) {
    const { core, store, format } = this.#page;
    const given = readScenarios(core, json, format);
    const written = (state) => {
      try {
        return core.writeScenarios(portable(state));
      } catch {
        return null;
      }
    };
    // The same plan again (a framework that builds its object on every
    // render, or renders again after tandem-change): nothing to recalculate,
    // no event, and what people typed since stays. Only a plan that differs
    // from the one the page last gave replaces what is shown.
    const text = given.state ? written(given.state) : null;
    if (text !== null && (text === this.#last || text === written(store.state))) return;
    this.#last = text;
    const errors = given.errors ?? errorsOf(core, given.state, format.tag);
    if (errors.length) {
      this.#heard(errors);
      this.#page.say(format.t('The plan given by the page was not opened: {errors}', { errors: errors.slice(0, 10).map((e) => `${e.path || format.t('plan')}: ${e.message}`).join(' ') }), 'unread');
      return;
    }
    this.#page.show(given.state);
  }

  /**
   * The plan the page gave at start could not be opened (`why`): the host
   * hears of it (tandem-error), and the box that stays, which a link that
   * cannot be read uses too, says so and that the example plan shows instead
   * (found by a fresh look: a plan file with "team" for "teams" showed the
   * example's payouts, the status line that said so cleared by the next pass).
   */
  #refused(why) {
    const { link, format } = this.#page;
    this.#heard([{ path: '', message: why }]);
    link.showProblem(h('p', { text: `${why} ${format.t('The page shows the example plan instead.')}` }));
  }

  /** The host page hears of `errors` in what it gave (tandem-error). */
  #heard(errors) {
    this.#page.host.dispatchEvent(new CustomEvent('tandem-error', { detail: { errors }, bubbles: true, composed: true }));
  }

  /** The `plan` attribute changed (or a URL was set as the property): the file it names replaces the plan. */
  async fetch(url) {
    try {
      this.take(await fetchedJson(url));
    } catch (error) {
      const errors = [{ path: '', message: notRead(this.#page.format, url, error) }];
      this.#heard(errors);
      this.#page.say(errors[0].message, 'unread');
    }
  }

  /**
   * The scenarios to start with and the preset's note (or ''): the link's,
   * one the page set, the inline JSON, the `plan` URL, or the preset.
   */
  async initial() {
    const { host, link, store, format, locked } = this.#page;
    const inline = host.querySelector(':scope > script[type="application/json"]');
    const url = host.getAttribute('plan');
    // The preset, where nothing else can be the plan to start with, is
    // fetched while the module loads, not once it has (a page that locks
    // nothing fetches it for its button anyway).
    const preset = link.carries || this.#pending || inline || url || locked.size ? null : fetchPreset('shared', format);
    preset?.catch(() => {});
    // The link and a given plan are read by the core, loading meanwhile.
    const core = speaking(await engine(), () => format.tag);
    const linked = link.synced && link.read(core);
    if (linked) {
      store.chartGoal = linked.chart;
      return [linked.state, ''];
    }
    // A plan the page set before the module was ready starts the element,
    // rather than the preset with the page's plan after it.
    if (this.#pending) {
      const given = readScenarios(core, this.#pending, format);
      if (given.state) {
        this.#pending = null;
        this.#last = core.writeScenarios(portable(given.state));
        return [given.state, ''];
      }
    }
    if (inline || url) {
      let json;
      let unread = null;
      try {
        json = inline ? JSON.parse(inline.textContent) : await fetchedJson(url);
      } catch (error) {
        unread = inline ? format.t('The plan in the page could not be read: {why}.', { why: clause(error.message) }) : notRead(format, url, error);
      }
      const given = unread ? null : readScenarios(core, json, format);
      if (given?.state) {
        this.#last = core.writeScenarios(portable(given.state));
        return [given.state, ''];
      }
      this.#refused(unread ?? format.t('The plan given by the page was not opened: {errors}', { errors: given.error }));
    }
    return this.preset(await (preset ?? fetchPreset('shared', format)));
  }

  /**
   * Whether the element starts on the page's own preset: no link carries
   * plans, and the host gave none (a property, the `plan` attribute, inline
   * JSON); not in class mode, whose results are hidden.
   */
  presetOnly() {
    const { host, link } = this.#page;
    return !link.carries && !this.#pending && !host.getAttribute('plan') && !host.querySelector(':scope > script[type="application/json"]') && !this.#page.exercising();
  }

  /** The scenarios of the page's own preset, whose plan is `plan`, and its note. */
  preset(plan) {
    const { format } = this.#page;
    return [{ active: 0, scenarios: [{ name: format.t(PRESETS.shared.title), plan, from: presetOrigin(PRESETS.shared, plan, format) }] }, PRESETS.shared.note];
  }
}

/** Why the plan file at `url` gave no plan (`error`), in `format`'s words. */
const notRead = ({ t }, url, error) => t('The plan at {url} could not be read: {why}.', { url, why: clause(error.message) });

/** The JSON of the file at `url` (relative to the page); throws, saying why, when there is none. */
async function fetchedJson(url) {
  const response = await fetch(new URL(url, document.baseURI));
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** Every error of the plans of `state` (a link's, a file's, the host page's), as the core reads them, in the language of locale `tag`. */
function errorsOf(core, state, tag) {
  const probe = new core.Calculator();
  core.setLanguage(tag);
  try {
    probe.open(portable(state));
    return probe.errors();
  } finally {
    probe.free();
  }
}
