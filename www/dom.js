// Building DOM safely: text only ever goes in through textContent or
// attributes, never as HTML, so names from links and files stay text.

/**
 * Creates an element. `props` sets attributes (`class`, `data-*`, `aria-*`,
 * …), with `text` for textContent and `on` for event listeners; children are
 * nodes or strings (added as text).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') el.textContent = value;
    else if (key === 'on') listen(el, value);
    else if (key === 'value') el.value = value;
    else if (key === 'checked' || key === 'selected') el[key] = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/**
 * Scroll boxes whose content is wider than they are: these become a tab
 * stop (arrows scroll them) and say so (`data-overflow`); the others stay
 * out of the way.
 */
const overflowing = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
  for (const { target } of entries) {
    if (!target.isConnected) {
      overflowing.unobserve(target);
      continue;
    }
    const wide = target.scrollWidth > target.clientWidth + 1;
    target.toggleAttribute('data-overflow', wide);
    if (wide) target.setAttribute('tabindex', '0');
    else target.removeAttribute('tabindex');
  }
});

/** Makes `box` a tab stop, marked `data-overflow`, while its content is wider than it is. */
export function watchOverflow(box) {
  overflowing?.observe(box);
}

/**
 * A box that scrolls its wide content sideways, named for screen readers;
 * when it has more than it shows, it can be scrolled from the keyboard and
 * shows a shadow at the edge that has more.
 */
export function scroller(label, ...children) {
  const box = h('div', { class: 'scroll', role: 'region', 'aria-label': label, 'data-runtime': 'data-overflow tabindex' }, ...children);
  watchOverflow(box);
  return box;
}

/**
 * Adds event listeners, and marks the element as holding them: `morph`
 * replaces such an element whole, since its listeners hold the data it was
 * made with.
 */
export function listen(el, handlers) {
  for (const [type, fn] of Object.entries(handlers)) el.addEventListener(type, fn);
  el.setAttribute('data-live', '');
  return el;
}

/**
 * Makes `parent`'s children the `next` nodes, keeping the nodes already
 * there where the element and its place are the same and changing only the
 * text and attributes that differ: after an edit the browser restyles and
 * lays out the numbers that changed, not a whole new tree. Elements with
 * listeners (`listen`) are replaced whole; an element whose listeners read
 * their data from its `tandemData` is patched, and takes the new data.
 */
export function morph(parent, next) {
  const nodes = next.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false).map((n) => (typeof n === 'string' ? document.createTextNode(n) : n));
  const old = [...parent.childNodes];
  nodes.forEach((node, i) => {
    const here = old[i];
    if (!here) parent.append(node);
    else if (alike(here, node)) patch(here, node);
    else parent.replaceChild(node, here);
  });
  for (const extra of old.slice(nodes.length)) extra.remove();
}

/**
 * `next` in place of `el`: `el` itself, patched to be like `next`, where it
 * is the same kind of element without listeners of its own (as `morph`
 * keeps it), else `next`.
 */
export function update(el, next) {
  if (!alike(el, next)) return next;
  patch(el, next);
  return el;
}

function alike(a, b) {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
  if (a.nodeType !== Node.ELEMENT_NODE) return a.nodeType === Node.TEXT_NODE;
  return !a.hasAttribute('data-live') && !b.hasAttribute('data-live');
}

function patch(a, b) {
  if (a.nodeType === Node.TEXT_NODE) {
    if (a.data !== b.data) a.data = b.data;
    return;
  }
  // Nothing differs in the whole subtree (most of the results after a
  // keystroke): one comparison in the browser's own code instead of a walk
  // in script. Not where listeners live: those are replaced, as above. The
  // comparison first: on the way down to what changed it stops at the first
  // difference, where the search for listeners would read all of a subtree
  // without any, at every level.
  if (a.isEqualNode(b) && !b.querySelector('[data-live]')) {
    carry(a, b);
    return;
  }
  const attributes = b.attributes;
  for (let i = 0; i < attributes.length; i += 1) {
    const { name, value } = attributes[i];
    if (name === 'style') {
      // Through the CSSOM: a style attribute set as text is what a strict CSP refuses.
      if (a.style.cssText !== b.style.cssText) a.style.cssText = b.style.cssText;
    } else if (a.getAttribute(name) !== value) {
      a.setAttribute(name, value);
    }
  }
  // Attributes the page sets after drawing (`data-runtime` names them) stay.
  const runtime = a.getAttribute('data-runtime')?.split(' ') ?? [];
  for (let i = a.attributes.length - 1; i >= 0; i -= 1) {
    const { name } = a.attributes[i];
    if (!b.hasAttribute(name) && !runtime.includes(name)) a.removeAttribute(name);
  }
  // What a patched element's own listeners read (the chart's data).
  if (b.tandemData !== undefined) a.tandemData = b.tandemData;
  morph(a, [...b.childNodes]);
}

/** What the listeners of `b`'s subtree read (`hold`), given to the same elements of `a`'s equal subtree. */
function carry(a, b) {
  if (b.tandemData !== undefined) a.tandemData = b.tandemData;
  const held = b.querySelectorAll('[data-held]');
  if (!held.length) return;
  const mine = a.querySelectorAll('[data-held]');
  held.forEach((el, i) => {
    mine[i].tandemData = el.tandemData;
  });
}

/** Gives `el` the data its own listeners read (`el.tandemData`): a patch passes it on to the element kept in its place. */
export function hold(el, data) {
  el.tandemData = data;
  el.setAttribute('data-held', '');
  return el;
}

let lastId = 0;

/** A document-unique id for label/input and aria pairs. */
export function uid(prefix) {
  lastId += 1;
  return `${prefix}-${lastId}`;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes; children as for `h`. */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'text') el.textContent = value;
    else if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) if (child) el.append(child);
  return el;
}

/**
 * A <details> whose content is built only when it is opened, and which
 * stays open across redraws: `open` is the caller's set of open keys.
 * Results are redrawn on every keystroke; most of them stay folded.
 */
export function disclosure({ key, open, summary, props = {}, build }) {
  const el = h('details', { ...props, 'data-live': '' }, h('summary', { text: summary }));
  let built = false;
  const fill = () => {
    if (built) return;
    built = true;
    el.append(...[build()].flat(Infinity).filter(Boolean));
  };
  if (open.has(key)) {
    el.open = true;
    fill();
  }
  el.addEventListener('toggle', () => {
    if (el.open) {
      open.add(key);
      fill();
    } else {
      open.delete(key);
    }
  });
  return el;
}

/**
 * Shows `text` under an input as a note it is described by (how its entry
 * was read), or removes the note when `text` is empty.
 */
export function note(input, text) {
  const id = `${input.id}-note`;
  const old = input.getRootNode().getElementById?.(id);
  const describedBy = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((d) => d && d !== id);
  if (!text) {
    old?.remove();
    if (describedBy.length) input.setAttribute('aria-describedby', describedBy.join(' '));
    else input.removeAttribute('aria-describedby');
    return;
  }
  if (old) {
    old.textContent = text;
  } else {
    input.closest('.field, td, .dial')?.append(h('p', { class: 'field-note', id, 'data-note-for': input.dataset.path ?? '', text }));
  }
  input.setAttribute('aria-describedby', [...describedBy, id].join(' '));
}
