// The page's link, for a calculator with `hash`: the plan (or scenarios) is
// written into it once typing pauses, a link changed by hand or by Back is
// followed, and a link whose plan cannot be read is said out loud with its
// text kept to copy. Without `hash` the page's link is left alone.
import { h } from './dom.js';
import { decode, encode } from './scenarios.js';

export class PageLink {
  #timer = null;
  #listener = null;

  /**
   * `host` is the element (its `hash` attribute says whether the link is
   * kept; `linking` is set while a change waits to be written); `problem` is
   * the `role="alert"` box; `core()` gives the core's exports, which read
   * and write scenarios; `state()` gives the scenarios to write, and
   * `open(state)` shows scenarios a changed link holds.
   */
  constructor(host, problem, { core, state, open }) {
    this.host = host;
    this.problem = problem;
    this.core = core;
    this.state = state;
    this.open = open;
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
    const linked = decode(core, location.hash);
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
    if (this.synced) history.replaceState(null, '', encode(this.core(), this.state()));
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
