// Where a value sits in a plan: the list of its keys and indices,
// ['goals', 0, 'target']. Its text, `goals[0].target` as MODEL.md writes
// paths and the errors' `path` says them, is the core's to write: a field
// is named by what the core wrote for its steps, the answer is remembered
// both ways, and an error says its steps (`at`) beside its text. So the page
// never writes or reads a path's text by a grammar of its own.
import { pageCore } from './engine.js';

/** The core's text by the steps' JSON, and the steps by that text. */
const texts = new Map();
const places = new Map();

/** The text of the path `at` (its steps), as the core writes it. */
export function pathOf(at) {
  const key = JSON.stringify(at);
  let text = texts.get(key);
  if (text === undefined) {
    text = pageCore().pathText(at);
    texts.set(key, text);
    places.set(text, at);
  }
  return text;
}

/** The steps of a path whose text `pathOf` gave (a field's `data-path`). */
export const placeOf = (text) => places.get(text);

/** Whether the path `at` is `parent` or lies under it (['goals', 0, 'curve', 'points', 1, 0] under ['goals', 0, 'curve', 'points']). */
export const within = (at, parent) => parent.length <= at.length && parent.every((step, i) => at[i] === step);

/** The value at the path `at` inside `root`, or undefined. */
export const valueAt = (root, at) => at.reduce((node, key) => node?.[key], root);
