// The words the element writes, and the locale it writes numbers in.
//
// The source is written in English, and each English text is its own key
// (`t`, `tn`, `tParts` for a sentence with an element in it):
// `t('Results')`, `t('{team} needs {goal} of {value}', { team, goal, value })`.
// Where the element's locale is German the text comes from the German table
// (german.js, loaded the first time it is needed); every key has a German
// entry (tests/js/words.test.mjs reads them out of the source). Other
// languages read English, with numbers written their own way.
//
// The element drawing sets its locale (`useLocale`) before it draws; what
// runs later (a section opened, the pointer over the chart, an answer on a
// timer) is wrapped by `later` so it writes in the locale it was made in,
// whatever another element on the page drew in since.

let locale = 'en-US';
let table = null;
let german = null;
/** What follows the locale besides the words: the core's messages (engine.js). */
const followers = new Set();

/** Whether the element's words are German where it writes numbers `tag`'s way. */
export const speaksGerman = (tag) => /^de(-|$)/i.test(tag);

/** The language the words are in: "de" or "en". */
export const languageOf = (tag) => (speaksGerman(tag) ? 'de' : 'en');

/** Whether the words `tag` needs are here (English always is). */
export const wordsReady = (tag) => !speaksGerman(tag) || german !== null;

/** Loads the words `tag` needs (German is fetched the first time). */
export async function loadWords(tag) {
  if (speaksGerman(tag) && !german) german = (await import('./german.js')).GERMAN;
  // The locale asked for before the words came now has them.
  if (speaksGerman(locale)) table = german;
}

/** Writes words and numbers from now on the way `tag` does (its words loaded by `loadWords`). */
export function useLocale(tag) {
  if (tag !== locale) for (const follow of followers) follow(tag);
  locale = tag;
  table = speaksGerman(tag) ? german : null;
}

/** Runs `follow(tag)` now and whenever the locale changes: the core writes its messages in its language. */
export function followLocale(follow) {
  followers.add(follow);
  follow(locale);
}

/** The locale words and numbers are written in now. */
export const currentLocale = () => locale;

/** `fn`, run later in the locale it was made in. */
export function later(fn) {
  const tag = locale;
  return (...args) => {
    useLocale(tag);
    return fn(...args);
  };
}

/** `text` in the element's language, each `{name}` filled from `params`. */
export function t(text, params) {
  const said = table?.[text] ?? text;
  return params ? said.replace(/\{(\w+)\}/g, (hole, name) => (name in params ? String(params[name]) : hole)) : said;
}

/**
 * `text` in the element's language as parts to append: each `{hole}` is
 * `parts[hole]`, a node or a string, so that a sentence with a figure in
 * bold stays one sentence to translate.
 */
export function tParts(text, parts) {
  return t(text)
    .split(/\{(\w+)\}/)
    .map((piece, i) => (i % 2 ? parts[piece] : piece))
    .filter((piece) => piece !== '');
}

/** `one` when `count` is 1, else `many`, in the element's language; `{n}` is `params.n` or the count. */
export function tn(count, one, many, params = {}) {
  return t(count === 1 ? one : many, { n: count, ...params });
}

/**
 * Writes the words of the parts drawn once (the frame, dialogs) in the
 * element's language: an element's `data-words` is its text, and
 * `data-words-label` its aria-label, in English (`words`, `label`).
 */
export function relabel(root) {
  for (const el of root.querySelectorAll('[data-words]')) el.textContent = t(el.dataset.words);
  for (const el of root.querySelectorAll('[data-words-label]')) el.setAttribute('aria-label', t(el.dataset.wordsLabel));
}

/** Props that give an element drawn once its text in English and mark it for `relabel`. */
export const words = (text) => ({ text: t(text), 'data-words': text });

/** Props that give an element drawn once its aria-label, marked for `relabel`. */
export const label = (text) => ({ 'aria-label': t(text), 'data-words-label': text });

/** Marks English text kept in a table and said later by `t`, so that tests find it. */
export const phrase = (text) => text;
