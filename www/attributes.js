// What the element's attributes set on `page` (parts.js): the locale its
// words and numbers are in, the `locked` words, `compact`, `hash` and
// `exercise`; read when the element starts and followed whenever a host page
// changes one (`follow`).
import { LOCK_WORDS } from './frame.js';
import { formatOf } from './format.js';
import { known, localeOf } from './locale.js';
import { languageOf, loadWords, wordsReady } from './words.js';

/** Follows the `locale` attribute (and `lang`): numbers written and read its way, words in its language. */
export function readLocale(page) {
  const { host, root, picker } = page;
  // The full page writes numbers the browser's way until another format is
  // picked: its lang="en" says what language its words are in, not how the
  // reader writes numbers.
  const shown = page.link.synced && !host.hasAttribute('locale');
  const own = (shown && known(navigator.language)) || localeOf(host).tag;
  const { tag, unknown } = localeOf(host, shown ? (picker.picked ?? own) : null);
  page.store.writeIn(formatOf(tag));
  picker.draw({ shown, own, format: page.format });
  const frame = root.querySelector('.frame');
  // Words and numbers drawn in the locale: the frame says which (for
  // scripts and tests), and in what language, and so does the host.
  const spoken = () => {
    frame.removeAttribute('aria-busy');
    frame.dataset.locale = tag;
    frame.lang = languageOf(tag);
    page.format.relabel(root);
    page.resay?.();
    // The printed statement, drawn once typing pauses, is drawn in these words now: nothing in the old stays behind.
    page.statement?.draw();
    // The browser does not know the locale asked for: which it uses instead.
    if (unknown) page.say(page.format.t('This browser does not know the locale “{unknown}”; numbers are written and read as {tag} writes them.', { unknown, tag }), 'error');
    host.dispatchEvent(new CustomEvent('tandem-locale', { detail: { locale: tag, language: languageOf(tag) }, bubbles: true, composed: true }));
  };
  if (wordsReady(tag)) return spoken();
  // German is fetched the first time it is needed, then drawn again.
  // Meanwhile the frame is busy, which tests and assistive technology can see.
  frame.setAttribute('aria-busy', 'true');
  loadWords(tag).then(
    () => {
      if (page.format.tag !== tag) return;
      picker.draw({ shown, own, format: page.format });
      // The same result in other words (the kept results too): the host heard of it already.
      if (page.store.state && !reread(page)) page.update({ bar: true, announce: false });
      spoken();
    },
    () => {
      frame.removeAttribute('aria-busy');
      frame.dataset.locale = tag;
      frame.lang = 'en';
      page.say('The German words could not be loaded: the calculator stays in English.', 'error');
    },
  );
}

/** Follows the `locked` attribute: its fields read-only, presets, files and scenarios hidden. */
export function readLocked(page) {
  page.locked = new Set((page.host.getAttribute('locked') ?? '').split(/[\s,]+/).filter(Boolean));
  // A word the element does not know locks nothing: the host's author hears of it.
  const unknown = [...page.locked].filter((word) => !LOCK_WORDS.includes(word));
  if (unknown.length) console.warn(`<tandem-calculator locked>: ${unknown.map((w) => `"${w}"`).join(', ')} locks nothing; the words are ${LOCK_WORDS.join(', ')}.`);
  // An exercise's plan is the question: every part of it stays as given.
  if (page.exercising()) for (const word of LOCK_WORDS) page.locked.add(word);
  // Hosts that lock fields also keep viewers from swapping the plan.
  for (const el of page.root.querySelectorAll('.presets, #import, #import-roster, #scenarios, #embed')) el.hidden = page.locked.size > 0;
}

/** Follows `compact`: results only. */
function readCompact({ host, root, $ }) {
  const compact = host.hasAttribute('compact');
  root.querySelector('.frame').classList.toggle('compact', compact);
  $('forecast').hidden = compact;
}

/** Follows `hash`: whether the plan is kept in, and follows, the page's link. */
export function readHash(page) {
  // A link means something only where the calculator owns the page's link.
  page.$('copy-link').hidden = !page.link.synced;
  page.$('make-exercise').hidden = !page.link.synced || page.exercising();
}

/**
 * Entries were read the old locale's way: each that could not be read is
 * read again the way of the element's locale now, in its words (found by a
 * fresh look: "1.25.000" left in a field got the core's words for text, not
 * the locale's). When that changes the plan, one pass follows, and it says so.
 */
function reread(page) {
  const { store } = page;
  const moved = store.state ? page.entries.reread(store.plan, store.facts) : [];
  if (!moved.length) return false;
  page.change(
    (s) => {
      for (const [at, value] of moved) s.set(at, value);
    },
    { bar: true },
  );
  return true;
}

/** An attribute the host page (or the full page's picker) changed after the element started: followed at once. */
export function follow(page, name) {
  if (name === 'locale') {
    readLocale(page);
    // What was last said for screen readers is in the old words: it goes (the next result is said in the new).
    page.els.announce.textContent = '';
    // German words still loading: the entries are read again once they are here.
    if (wordsReady(page.format.tag) && reread(page)) return;
  } else if (name === 'locked') {
    readLocked(page);
  } else if (name === 'compact') {
    readCompact(page);
  } else if (name === 'exercise') {
    page.exercise?.reset();
    readLocked(page);
    readHash(page);
  } else if (name === 'hash') {
    readHash(page);
    // The number format picker is the full page's: it comes and goes with `hash`.
    readLocale(page);
    if (page.listening()) page.link.listen();
    if (page.link.synced && page.store.state) page.link.write();
  }
  if (page.store.state) page.update({ bar: name === 'locale' });
}
