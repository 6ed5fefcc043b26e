// The words the element writes, in the language of its locale.
//
// The source is written in English, and each English text is its own key
// (`t`, `tn`, `tParts` for a sentence with an element in it):
// `t('Results')`, `t('{team} needs {goal} of {value}', { team, goal, value })`.
// Where the element's locale is German the text comes from the German table
// (german.js, loaded the first time it is needed); every key has a German
// entry (tests/js/words.test.mjs reads them out of the source). Other
// languages read English, with numbers written their own way.
//
// There is no locale here: `wordsOf(tag)` gives one locale's words, and
// each element keeps its own (format.js), so that two elements on one page
// write in their own languages, whatever the other drew in since.

/** The German table, once loaded: the same for every element that speaks German. */
let german = null;

/** Whether the element's words are German where it writes numbers `tag`'s way. */
export const speaksGerman = (tag) => /^de(-|$)/i.test(tag);

/** The language the words are in: "de" or "en". */
export const languageOf = (tag) => (speaksGerman(tag) ? 'de' : 'en');

/** Whether the words `tag` needs are here (English always is). */
export const wordsReady = (tag) => !speaksGerman(tag) || german !== null;

/** Loads the words `tag` needs (German is fetched the first time). */
export async function loadWords(tag) {
  if (speaksGerman(tag) && !german) german = (await import('./german.js')).GERMAN;
}

/** A message (a browser's, an error's) said inside a sentence of the element's own: without its closing full stop. */
export const clause = (message) => message.replace(/\.+$/, '');

/** `text` with each `{name}` filled from `params`. */
const fill = (text, params) => (params ? text.replace(/\{(\w+)\}/g, (hole, name) => (name in params ? String(params[name]) : hole)) : text);

/**
 * The words of `tag`'s language (German once `loadWords` has loaded it,
 * else English):
 * - `t(text, params)`: `text` in the language, each `{name}` filled from `params`;
 * - `tn(count, one, many, params)`: `one` when `count` is 1, else `many`; `{n}` is the count;
 * - `tParts(text, parts)`: `text` as parts to append, each `{hole}` being
 *   `parts[hole]` (a node or a string), so that a sentence with a figure in
 *   bold stays one sentence to translate;
 * - `relabel(root)`: writes the words of the parts drawn once (the frame,
 *   dialogs) in the language: an element's `data-words` is its text, and
 *   `data-words-label` its aria-label, in English (`words`, `label`).
 */
export function wordsOf(tag) {
  const de = speaksGerman(tag);
  const t = (text, params) => fill((de ? german?.[text] : undefined) ?? text, params);
  return {
    language: languageOf(tag),
    t,
    tn: (count, one, many, params = {}) => t(count === 1 ? one : many, { n: count, ...params }),
    tParts: (text, parts) =>
      t(text)
        .split(/\{(\w+)\}/)
        .map((piece, i) => (i % 2 ? parts[piece] : piece))
        .filter((piece) => piece !== ''),
    relabel: (root) => {
      for (const el of root.querySelectorAll('[data-words]')) el.textContent = t(el.dataset.words);
      for (const el of root.querySelectorAll('[data-words-label]')) el.setAttribute('aria-label', t(el.dataset.wordsLabel));
    },
  };
}

/** Props that give an element drawn once its text in English and mark it for `relabel`. */
export const words = (text) => ({ text, 'data-words': text });

/** Props that give an element drawn once its aria-label in English, marked for `relabel`. */
export const label = (text) => ({ 'aria-label': text, 'data-words-label': text });

/** Marks English text kept in a table and said later by `t`, so that tests find it. */
export const phrase = (text) => text;
