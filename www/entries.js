// What a person typed into the plan's number fields, read the element's
// locale's way (locale.js), and how each entry was read: the plain decimal
// that goes into the plan, a note when another convention would read it
// differently, or an error when it cannot be read at all. The page shows the
// notes under their fields and puts these errors in place of the core's
// words for the same fields.
import { compare, fromPercent, placesIn, toPercent } from './decimal.js';
import { textToPoints } from './curves.js';
import { readNumber } from './locale.js';
import { pathOf, valueAt, within } from './paths.js';

/**
 * How money is read in a plan (locale.js `readNumber` options): its
 * currency and places, as the core's facts of the plan state them (the
 * evaluation's `facts`, there while the plan is invalid too).
 */
export function moneyIn(facts) {
  return { kind: 'money', places: facts.decimals, currency: facts.currency };
}

/** A percentage typed as a number that reads like a fraction of one: above 0, below 10, with decimal places. */
function fractionLike(typed) {
  return placesIn(typed) > 0 && compare(typed, '0') > 0 && compare(typed, '10') < 0;
}

/**
 * A percentage typed as `text`, read as `format` reads numbers: `{ value }`
 * the fraction ('' for nothing typed) with `note`, how it was read when it
 * may have been meant otherwise, or `{ error }`. A fraction typed without
 * "%" (0.5, 1.5) may be a spreadsheet's 50 % or 150 %: said (found by fresh
 * looks: a cap of 1.5 paid 1.5 % of the target incentive; a dial box read
 * 0.5 in silence).
 */
export function readPercent(text, format) {
  const read = readNumber(text, format, { kind: 'percent' });
  if (read.error || read.value === '') return read;
  const typed = read.value;
  const fraction = !text.includes('%') && fractionLike(typed);
  const note = read.note || (fraction ? format.t('Read as {read}. For {meant}, type {other}.', { read: format.pct(fromPercent(typed)), meant: format.pct(typed), other: format.format(toPercent(typed)) }) : undefined);
  return { value: fromPercent(typed), note };
}

export class Entries {
  /** By the text of its path: `{ at, typed, error }` for an entry that could not be read, `{ at, typed, note }` for one read with a note. */
  #byPath = new Map();

  #format;

  /** `format()` is how the element reads numbers now (format.js). */
  constructor(format) {
    this.#format = format;
  }

  /**
   * Reads `text`, typed into the field at the path `at` (paths.js) of the plan whose `facts`
   * (the core's) are given, as its kind
   * (`number`, `money`, `percent`, `points`, `text`), and remembers how it
   * was read. Returns what the plan holds: the plain decimal (a fraction for
   * a percentage), or the text as typed when it cannot be read, so that the
   * core stops on it too.
   */
  take(at, kind, text, facts) {
    if (kind === 'text') return text;
    let read;
    if (kind === 'points') {
      read = textToPoints(text, this.#format());
    } else {
      // Any number may carry a currency sign ("$1,900,000" of revenue): it must be the plan's.
      const format = this.#format();
      read = kind === 'percent' ? readPercent(text, format) : readNumber(text, format, kind === 'money' ? moneyIn(facts) : { kind, currency: facts?.currency });
    }
    if (read.error || read.note) this.#byPath.set(pathOf(at), { at, kind, typed: text.trim(), error: read.error, note: read.note, when: Date.now() });
    else this.#byPath.delete(pathOf(at));
    return read.error && kind !== 'points' ? text.trim() : read.value;
  }

  /** The note on the entry at the path `at`, if any. */
  noteFor(at) {
    return this.#byPath.get(pathOf(at))?.note;
  }

  /** The text typed at the path `at`, while it could not be read (what its field shows). */
  failedText(at) {
    const r = this.#byPath.get(pathOf(at));
    return r?.error ? r.typed : undefined;
  }

  /** Whether the entry at the path `at` could not be read. */
  failed(at) {
    return Boolean(this.#byPath.get(pathOf(at))?.error);
  }

  /**
   * Entries that cannot be read yet, typed less than `ms` ago and not left:
   * likely half-typed (`1,9` on the way to `1,900,000`), so their errors can
   * wait until typing pauses.
   */
  fresh(ms) {
    const now = Date.now();
    return [...this.#byPath.values()].filter((r) => r.error && now - r.when < ms).map((r) => r.at);
  }

  /** The field at the path `at` was left: its entry is complete, fresh or not. */
  left(at) {
    const r = this.#byPath.get(pathOf(at));
    if (r) r.when = 0;
  }

  /** Every note, as `[at, note]`. */
  notes() {
    return [...this.#byPath.values()].filter((r) => r.note).map((r) => [r.at, r.note]);
  }

  forget(at) {
    this.#byPath.delete(pathOf(at));
  }

  clear() {
    this.#byPath.clear();
  }

  /**
   * The locale changed: each entry that could not be read is read again the
   * new way (its error in the new words, or a value where the new way reads
   * it), and the notes on how the others were read go, as the plan holds
   * them as plain decimals. Returns `[at, value]` for each entry whose
   * value in the plan is no longer what it holds (`plan`, with `facts`).
   */
  reread(plan, facts) {
    const moved = [];
    for (const [path, r] of [...this.#byPath]) {
      this.#byPath.delete(path);
      if (!r.error) continue;
      const value = this.take(r.at, r.kind, r.typed, facts);
      this.left(r.at);
      if (JSON.stringify(value) !== JSON.stringify(valueAt(plan, r.at))) moved.push([r.at, value]);
    }
    return moved;
  }

  /**
   * After the editor is drawn again: the notes go (their fields are new),
   * and an entry that could not be read stays marked only while `plan` still
   * holds it as typed.
   */
  keepWhile(plan) {
    for (const [path, r] of this.#byPath) if (!r.error || valueAt(plan, r.at) !== r.typed) this.#byPath.delete(path);
  }

  /**
   * The core's `errors`, with these entries' errors in place of its words
   * for the same fields (and what lies under them): the plan's (`part`
   * "plan") or the forecast's ("forecast").
   */
  withReadings(errors, part = 'plan') {
    const mine = [...this.#byPath]
      .filter(([, r]) => r.error && (r.at[0] === 'forecast') === (part === 'forecast'))
      .map(([path, r]) => ({ path, at: r.at, message: r.error }));
    return [...mine, ...errors.filter((e) => !mine.some((m) => within(e.at ?? [], m.at)))];
  }
}
