// The page's link, for a calculator with `hash`: the plan (or scenarios) is
// written into it once typing pauses, a link changed by hand or by Back is
// followed, and a link whose plan cannot be read is said out loud with its
// text kept to copy. Without `hash` the page's link is left alone.
import { h } from './dom.js';
import { decode, encode } from './scenarios.js';
import { clause } from './words.js';

/**
 * A fragment as its plan part and the page's options after it, in this
 * order: `&chart=revenue` (the goal the reader picked for the chart and
 * the comparison, by its id, percent-encoded), `&exercise=1` (the results
 * hidden until the reader works them out) and `&locale=de-DE` (the number
 * format). No plan's text contains `&`-options: plans are base64url, a
 * scenario's name percent-encoded.
 */
function splitOptions(hash) {
  let rest = hash;
  let locale = null;
  let exercise = false;
  let chart;
  const tag = rest.match(/&locale=([A-Za-z0-9-]{2,35})$/);
  if (tag) {
    locale = tag[1];
    rest = rest.slice(0, tag.index);
  }
  if (rest.endsWith('&exercise=1')) {
    exercise = true;
    rest = rest.slice(0, -'&exercise=1'.length);
  }
  const goal = rest.match(/&chart=([^&#]{1,200})$/);
  if (goal) {
    try {
      chart = decodeURIComponent(goal[1]);
      rest = rest.slice(0, goal.index);
    } catch {
      // Not percent-encoded text: not an option the page wrote, left to the plan's reader.
    }
  }
  return { rest, locale, exercise, chart };
}

/** The options written after the plan: `{ chart, exercise, locale }`. */
export function optionsText({ chart, exercise, locale }) {
  return (chart ? `&chart=${encodeURIComponent(chart)}` : '') + (exercise ? '&exercise=1' : '') + (locale ? `&locale=${locale}` : '');
}

/**
 * What a mail or chat app may have done to a link that only undoing it
 * reads: `{ hash, why }`, the fragment undone and what was undone, in
 * `format`'s words; null when there is nothing to undo. A Tandem link's
 * fragment never ends in punctuation (base64url, an id, a locale tag, or a
 * name whose punctuation is percent-encoded), and writes `&` as itself.
 */
function repaired(hash, { t }) {
  const why = [];
  let undone = hash;
  if (undone.includes('&amp;')) {
    undone = undone.replaceAll('&amp;', '&');
    why.push(t('it holds “&amp;” where a link has “&” (the way a web page writes it)'));
  }
  // The browser writes a `>`, `"` or `»` taken into the address percent-encoded.
  const end = undone.match(/(?:[.,;:!?)\]}'»>"]|%3E|%22|%C2%BB)+$/i)?.[0];
  if (end) {
    undone = undone.slice(0, -end.length);
    why.push(t('it ends in “{end}”, which no Tandem link does (the punctuation after a link, taken into it)', { end: decodeURIComponent(end) }));
  }
  return why.length ? { hash: undone, why: why.join('; ') } : null;
}

export class PageLink {
  #timer = null;
  #listener = null;
  /** Whether the problem box says a link could not be read. */
  #alerted = false;

  /**
   * `host` is the element (its `hash` attribute says whether the link is
   * kept; `linking` is set while a change waits to be written); `problem` is
   * the `role="alert"` box; `core()` gives the core's exports, which read
   * and write scenarios, and `format()` the element's format (format.js); `state()` gives the scenarios to write, and
   * `open(state)` shows scenarios a changed link holds; `locale()` gives the
   * page's picked number format (or null), written after the plan as
   * `&locale=de-DE`, and `openLocale(tag)` follows a link changed to another;
   * `exercising()` says whether the plan is shown as an exercise
   * (`&exercise=1`, before the format); `chart()` gives the goal the reader
   * picked for the chart (or undefined), written before both, which
   * `open(state, chart)` is given with the scenarios. `outdated()` is
   * called once the plans on screen are no longer those of the link last
   * copied (`copied()`).
   */
  constructor(host, problem, { core, format, state, open, locale, openLocale, exercising, chart, outdated }) {
    this.host = host;
    this.problem = problem;
    this.core = core;
    this.format = format;
    this.state = state;
    this.open = open;
    this.picked = locale;
    this.openLocale = openLocale;
    this.exercising = exercising;
    this.chart = chart;
    this.outdated = outdated;
  }

  /** The plans as the link last copied carries them: `write` says when they are outdated. */
  #copied = null;

  /** A link to the plans on screen was copied just now. */
  copied() {
    this.#copied = encode(this.core(), this.state());
  }

  /** The number format the page's link names (`&locale=de-DE` at its end), or null. */
  locale() {
    return splitOptions(location.hash).locale;
  }

  /** Whether the page's link opens the plan as an exercise (`&exercise=1`). */
  exercise() {
    return splitOptions(location.hash).exercise;
  }

  get synced() {
    return this.host.hasAttribute('hash');
  }

  /** Whether the link is kept and carries scenarios (read or not): seen without the core. */
  get carries() {
    return this.synced && splitOptions(location.hash).rest.replace(/^#/, '') !== '';
  }

  /**
   * The link's scenarios, when it is kept: `{ state, chart }` (chart: the
   * goal the link's reader picked for the chart, or undefined), or null. A
   * link that cannot be read is said (`alert`) and gives null. `core` is
   * the core's exports (before the element keeps them, the first plan is
   * read).
   */
  read(core = this.core()) {
    if (!this.synced) return null;
    const format = this.format();
    // A link a mail or chat app changed in a way that reads only if undone:
    // said, with the link undone to open, never read in silence.
    const repair = repaired(location.hash, format);
    if (repair) {
      const undone = decode(core, splitOptions(repair.hash).rest, format);
      if (undone && !undone.error) {
        this.alert(repair.why, location.href.split('#')[0] + repair.hash);
        return null;
      }
    }
    const { rest, chart } = splitOptions(location.hash);
    const linked = decode(core, rest, format);
    if (linked?.error) {
      this.alert(linked.error);
      return null;
    }
    // A link that reads: what was said of one that did not no longer stands.
    if (this.#alerted) {
      this.#alerted = false;
      this.problem.hidden = true;
    }
    return linked && { ...linked, chart };
  }

  /**
   * Writes the link once typing pauses: the link of a plan with 10,000
   * members is half a megabyte of base64, too much to rewrite on every
   * keystroke before the results are drawn. Until it is written the element
   * says so (`linking`), for scripts and tests.
   */
  schedule() {
    if (!this.synced) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.write(), 150);
    this.host.setAttribute('linking', '');
  }

  /** A change is coming that the link will follow (a preset being fetched): `linking` says so until it is written. */
  expect() {
    if (this.synced) this.host.setAttribute('linking', '');
  }

  /** Writes the link now (when it is kept). */
  write() {
    clearTimeout(this.#timer);
    this.#timer = null;
    const options = { chart: this.chart(), exercise: this.exercising(), locale: this.picked() };
    const plans = this.synced || this.#copied !== null ? encode(this.core(), this.state()) : null;
    if (this.synced) history.replaceState(null, '', plans + optionsText(options));
    this.host.removeAttribute('linking');
    // A link copied before this change no longer carries what is on screen.
    if (this.#copied !== null && plans !== this.#copied) {
      this.#copied = null;
      this.outdated();
    }
  }

  /** This page's link for the plan as an exercise, in number format `locale`: the results hidden until worked out. */
  exerciseLink(locale) {
    const page = location.href.split('#')[0];
    return page + encode(this.core(), this.state()) + optionsText({ chart: this.chart(), exercise: true, locale });
  }

  /** Follows a link changed by hand or by Back, while `hash` is set; `stop()` ends it. */
  listen() {
    this.stop();
    if (!this.synced) {
      this.host.removeAttribute('linking');
      return;
    }
    this.#listener = new AbortController();
    window.addEventListener('hashchange', () => {
      // An exercise link pasted into a page showing results opens as an
      // exercise, as in a new tab, and Back (or another link) from an
      // exercise opens with its results: the page starts again on it (found
      // by fresh looks: the answers showed, and the link lost its
      // &exercise=1; Back kept the exercise, and wrote it into the link).
      // An element whose host makes it an exercise stays one.
      if (this.exercise() !== this.exercising() && !this.host.hasAttribute('exercise')) {
        location.reload();
        return;
      }
      const locale = this.locale();
      if (locale !== this.picked()) this.openLocale(locale);
      const linked = this.read();
      if (linked && (linked.chart !== this.chart() || encode(this.core(), linked.state) !== encode(this.core(), this.state()))) this.open(linked.state, linked.chart);
    }, { signal: this.#listener.signal });
  }

  stop() {
    clearTimeout(this.#timer);
    this.#listener?.abort();
    this.#listener = null;
  }

  /**
   * A link whose plan cannot be read: said out loud, with the link's text
   * kept to copy, since the page goes on with another plan and rewrites the
   * link.
   */
  alert(why, undone = null) {
    const { t } = this.format();
    // Said of a link the page reads once a change to it is undone: not that it could not be read (found by a fresh look).
    const said = undone
      ? t('This link reads once a change a mail or chat app made to it is undone: {why}. Until it is opened that way the page shows another plan; the link as it came is below.', { why: clause(why) })
      : t('This link’s plan could not be read: {why}. The page shows another plan instead; the link as it came is below, to copy or to send back to whoever shared it.', { why: clause(why) });
    // What the status line said of a link copied before is not of this one.
    this.outdated();
    this.showProblem(
      h('p', { text: said }),
      ...(undone ? [h('p', {}, h('a', { href: undone, id: 'undone-link', text: t('Open the link with that undone') }))] : []),
      h('label', { for: 'broken-link', class: 'visually-hidden', text: t('The link that could not be read') }),
      h('input', { id: 'broken-link', type: 'text', readonly: true, value: location.href }),
    );
    this.#alerted = true;
  }

  /** Shows `parts` in the box that stays (an alert): a plan given to the page that it could not open. */
  showProblem(...parts) {
    this.problem.replaceChildren(...parts);
    this.problem.hidden = false;
  }
}
