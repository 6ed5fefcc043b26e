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
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
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

const SVG = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes; children as for `h`. */
export function svgNode(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'text') el.textContent = value;
    else if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) if (child) el.append(child);
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
