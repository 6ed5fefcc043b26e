// Drawing with lit-html's `render`: a template is parsed once, and each
// later render writes only the holes whose values changed, so a keystroke
// changes the numbers on screen and nothing else. Text goes into holes as
// text and attributes, never as HTML. The library's files are copied from
// node_modules into www/vendor by scripts/build.mjs (the page as written
// loads them as they are; dist/ bundles them).
import { html, nothing, render, svg } from './vendor/lit-html.js';
import { Directive, directive } from './vendor/directive.js';
import { watchOverflow } from './dom.js';

export { html, nothing, svg };

/** Roots drawn into: what the page put there before (its loading skeleton) is cleared once, as lit-html adds to a root. */
const drawn = new WeakSet();

/** Draws `template` into `root`. */
export function draw(template, root) {
  if (!drawn.has(root)) {
    root.replaceChildren();
    drawn.add(root);
  }
  render(template, root);
}

/**
 * On an element: as wide as `share` of its row, through the CSSOM, which a
 * strict CSP allows (lit-html's own styleMap writes a style attribute when
 * it first draws, which `style-src 'self'` refuses).
 */
export const width = directive(
  class extends Directive {
    render() {
      return nothing;
    }

    update(part, [share]) {
      part.element.style.width = `${Number(share) * 100}%`;
      return nothing;
    }
  },
);

/** On a scroll box: a tab stop, marked `data-overflow`, while its content is wider than it is (`watchOverflow`). */
export const overflow = directive(
  class extends Directive {
    #watched = null;

    render() {
      return nothing;
    }

    update(part) {
      if (this.#watched !== part.element) {
        this.#watched = part.element;
        watchOverflow(part.element);
      }
      return nothing;
    }
  },
);

/**
 * A folded section (`<details>`): `content()` is drawn only while it is
 * unfolded, which `open` (the store's set of unfolded keys) says; opening
 * or closing it asks `unfold(key, open)`. One element either way, so the
 * focus stays on its summary.
 */
export function fold({ key, open, unfold, summary, kind, content }) {
  const unfolded = open.has(key);
  const toggle = (event) => {
    if (event.currentTarget.open !== unfolded) unfold(key, event.currentTarget.open);
  };
  return html`<details class=${kind} ?open=${unfolded} @toggle=${toggle}><summary>${summary}</summary>${unfolded ? content() : nothing}</details>`;
}

/**
 * On an input: its value, written unless the input has the focus and what
 * it holds was typed there (it differs from what was last written), so that
 * what is being typed stays as typed, caret and all, whatever the core
 * makes of it meanwhile (an emptied name is "Scenario 2"); a field that only
 * has the focus follows (the locale changed while the caret rests in it).
 */
export const typed = directive(
  class extends Directive {
    #written = null;

    render() {
      return nothing;
    }

    update(part, [value]) {
      const input = part.element;
      const typing = input.getRootNode().activeElement === input && this.#written !== null && input.value !== this.#written;
      if (!typing && input.value !== value) input.value = value;
      if (!typing) this.#written = value;
      return nothing;
    }
  },
);
