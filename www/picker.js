// The full page's language and number-format picker: a few locales people
// ask for, or this browser's own. The words are English or German (words.js);
// a locale of another language writes its numbers its own way with English
// words, and its option says so. The pick is kept for the visit
// (sessionStorage) and in the page's link (pagelink.js), so that a link opens
// in the format it was made in. Shown only where the element owns the page's
// link and the host set no `locale`, which always wins.
import { known } from './locale.js';
import { languageOf } from './words.js';

/** The locales offered, besides the browser's own. */
export const OFFERED = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'en-IN'];
const KEY = 'tandem-locale';

/** A locale's name in its own language: "Deutsch (Deutschland)". */
const nameOf = (tag) => new Intl.DisplayNames([tag], { type: 'language', languageDisplay: 'standard' }).of(tag);

/** A locale as its option says it (in `format`'s words): its name, and that its texts are in English where its language has none of its own. */
function optionText(tag, { t }) {
  const name = nameOf(tag);
  return languageOf(tag) === new Intl.Locale(tag).language ? name : t('{name} · texts in English', { name });
}

/** The pick kept for this visit, or null (sessionStorage, which a sandboxed frame may refuse). */
function remembered() {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Keeps `tag` for this visit, or forgets the pick (null). */
function remember(tag) {
  try {
    if (tag) sessionStorage.setItem(KEY, tag);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Not kept for the visit; the link still carries it.
  }
}

export class LocalePicker {
  /** The locale picked (a tag this browser knows), or null for the browser's own. */
  picked = null;
  #select;
  /** What the picker was last drawn with (`draw`'s argument). */
  #drawn = null;
  /**
   * Whether every option is drawn: not before the element's first result,
   * whose way the names of six locales (Intl.DisplayNames, each loading its
   * locale's data) would be in; only the option chosen until then.
   */
  #whole = false;

  /** `select` is the picker; `changed()` runs after a pick. */
  constructor(select, changed) {
    this.#select = select;
    select.addEventListener('change', () => {
      this.pick(select.value);
      changed();
    });
  }

  /** The pick at start: the link's (`linked`), else this visit's. */
  start(linked) {
    this.picked = known(linked) ?? known(remembered());
  }

  /** Picks `tag` ('' or null: the browser's own) and keeps it for the visit. */
  pick(tag) {
    this.picked = known(tag);
    remember(this.picked);
  }

  /** Draws the picker in `format`'s words: `shown` or not, and `own`, the locale the element has without a pick. */
  draw({ shown, own, format }) {
    const { t } = format;
    this.#drawn = { shown, own, format };
    this.#select.closest('.locale-picker').hidden = !shown;
    if (!shown) return;
    // Every option's value ('' the browser's own); each named only where drawn.
    const values = ['', ...new Set([...OFFERED, ...(this.picked ? [this.picked] : [])])].filter((value) => this.#whole || value === (this.picked ?? ''));
    const text = (value) => (value ? optionText(value, format) : t('This browser’s: {locale}', { locale: optionText(own, format) }));
    this.#select.replaceChildren(...values.map((value) => Object.assign(document.createElement('option'), { value, textContent: text(value) })));
    this.#select.value = this.picked ?? '';
  }

  /** Draws every option from now on (the element's first result is on screen). */
  complete() {
    this.#whole = true;
    if (this.#drawn) this.draw(this.#drawn);
  }
}
