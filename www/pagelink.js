// The page's link, for a calculator with `hash`: the plan (or scenarios) is
// written into it once typing pauses, a link changed by hand or by Back is
// followed, and a link whose plan cannot be read is said out loud with its
// text kept to copy. Without `hash` the page's link is left alone.
import { h } from './dom.js';
import { decode, encode } from './scenarios.js';

/** Where a link names its number format: after the plan, as no plan's text contains it. */
const LOCALE = '&locale=';

/** A fragment as its plan part and its number format (a tag of letters, digits and hyphens, or null). */
function splitLocale(hash) {
  const at = hash.lastIndexOf(LOCALE);
  const tag = at < 0 ? '' : hash.slice(at + LOCALE.length);
  return /^[A-Za-z0-9-]{2,35}$/.test(tag) ? [hash.slice(0, at), tag] : [hash, null];
}

export class PageLink {
  #timer = null;
  #listener = null;

  /**
   * `host` is the element (its `hash` attribute says whether the link is
   * kept; `linking` is set while a change waits to be written); `problem` is
   * the `role="alert"` box; `core()` gives the core's exports, which read
   * and write scenarios; `state()` gives the scenarios to write, and
   * `open(state)` shows scenarios a changed link holds; `locale()` gives the
   * page's picked number format (or null), written after the plan as
   * `&locale=de-DE`, and `openLocale(tag)` follows a link changed to another.
   */
  constructor(host, problem, { core, state, open, locale, openLocale }) {
    this.host = host;
    this.problem = problem;
    this.core = core;
    this.state = state;
    this.open = open;
    this.picked = locale;
    this.openLocale = openLocale;
  }

  /** The number format the page's link names (`&locale=de-DE` at its end), or null. */
  locale() {
    return splitLocale(location.hash)[1];
  }

  get synced() {
    return this.host.hasAttribute('hash');
  }

  /**
   * The link's scenarios, when it is kept: `{ state }`, or null. A link that
   * cannot be read is said (`alert`) and gives null. `core` is the core's
   * exports (before the element keeps them, the first plan is read).
   */
  read(core = this.core()) {
    if (!this.synced) return null;
    const linked = decode(core, splitLocale(location.hash)[0]);
    if (linked?.error) {
      this.alert(linked.error);
      return null;
    }
    return linked;
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

  /** Writes the link now (when it is kept). */
  write() {
    clearTimeout(this.#timer);
    this.#timer = null;
    const locale = this.picked();
    if (this.synced) history.replaceState(null, '', encode(this.core(), this.state()) + (locale ? `${LOCALE}${locale}` : ''));
    this.host.removeAttribute('linking');
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
      const locale = this.locale();
      if (locale !== this.picked()) this.openLocale(locale);
      const linked = this.read();
      if (linked && encode(this.core(), linked.state) !== encode(this.core(), this.state())) this.open(linked.state);
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
  alert(why) {
    this.problem.replaceChildren(
      h('p', { text: `This link’s plan could not be read: ${why.replace(/\.$/, '')}. The page shows another plan instead; the link as it came is below, to copy or to send back to whoever shared it.` }),
      h('label', { for: 'broken-link', class: 'visually-hidden', text: 'The link that could not be read' }),
      h('input', { id: 'broken-link', type: 'text', readonly: true, value: location.href }),
    );
    this.problem.hidden = false;
  }
}
