// The element's own way of writing: its words (words.js) and its numbers
// (locale.js) in one locale. The element makes one when its locale is read
// (attributes.js) and gives it to every view (`format`); nothing here is
// shared between elements, so two on one page write each its own way.
//
// Figures come from the core as exact decimal text; Intl formats decimal
// strings exactly, so what is shown is the core's value, never a float.
import { placesIn } from './decimal.js';
import { numbering } from './locale.js';
import { shown } from './engine.js';
import { wordsOf } from './words.js';

/**
 * The format of `tag`: how numbers are written and read (locale.js
 * `numbering`: `format`, `amount`, `example`, …), the words (words.js
 * `wordsOf`: `t`, `tn`, `tParts`, `relabel`) and the figures of a result:
 * `money`, `shortMoney`, `pct`, `costRatio`, `ratioPct`, `ratio`, `num`, `exact`, `factor`.
 */
export function formatOf(tag) {
  const words = wordsOf(tag);
  const made = new Map();
  const formatter = (key, options) => {
    if (!made.has(key)) made.set(key, new Intl.NumberFormat(tag, options));
    return made.get(key);
  };
  const num = (value) => formatter('n', { maximumFractionDigits: 20 }).format(value);
  /**
   * A value as the core shows it (`shown`: its text, cut and ending in "…"
   * where it does not end soon enough) in `style`, with exactly the places
   * of that text and the mark kept after its last digit.
   */
  const written = (shown, style, shift) => {
    const cut = shown.endsWith('…');
    const text = cut ? shown.slice(0, -1) : shown;
    const places = Math.max(placesIn(text) - shift, 0);
    const way = formatter(`${style}${places}`, { style, minimumFractionDigits: places, maximumFractionDigits: places });
    if (!cut) return way.format(text);
    const parts = way.formatToParts(text);
    const last = parts.findLastIndex((part) => part.type === 'fraction' || part.type === 'integer');
    return parts.map((part, i) => (i === last ? `${part.value}…` : part.value)).join('');
  };
  /**
   * `write(value)` remembered by value: a keystroke draws the same
   * percentages, factors and ratios again, and each asks the core; the
   * answers are a function of the value and this format alone.
   */
  const remembered = (write) => {
    const seen = new Map();
    return (value) => {
      const key = String(value);
      let text = seen.get(key);
      if (text === undefined) {
        if (seen.size >= 2000) seen.clear();
        text = write(key);
        seen.set(key, text);
      }
      return text;
    };
  };
  /** A fraction (decimal text) as a percentage: 92.5 %, and 1,199,999 ÷ 1,200,000 as 99.9999…% (the core's `shownPercent`). */
  const pct = remembered((fraction) => written(shown().shownPercent(fraction), 'percent', 2));
  const ratioPct = remembered((ratio) => written(shown().shownRatio(ratio), 'percent', 2));
  return Object.freeze({
    /**
     * A share of the joint split (steps of 0.0001) with both its places of
     * percent: 18.00%, as 52.93% beside it (found by a fresh look: a teacher
     * read "18%" as rounded another way).
     */
    share: (fraction) => formatter('share', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fraction),
    ...numbering(tag),
    ...words,
    /** Money in the plan's currency (a Result's or the facts' `currency` and `decimals`) with exactly its places. */
    money: (value, { currency, decimals }) =>
      formatter(`m${currency}${decimals}`, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value),
    /** Money rounded for an axis: "$232.2K". */
    shortMoney: (value, { currency }) =>
      formatter(`s${currency}`, {
        style: 'currency',
        currency,
        notation: 'compact',
        // "$232.2K"; where a locale does not shorten thousands (de-DE), four
        // significant digits: "140.800 $", not "140.775,4 $".
        maximumFractionDigits: 1,
        maximumSignificantDigits: 4,
        roundingPriority: 'lessPrecision',
      }).format(value),
    pct,
    /** A cost of sales as a percentage, or why there is none (a revenue actual of 0). */
    costRatio: (ratio) => (ratio === null ? words.t('none (no revenue)') : ratioPct(ratio)),
    /**
     * A ratio (a cost of sales, a pay mix) as a percentage: rounded half to
     * even to four places (the core's `shownRatio`), two of the percentage,
     * as the plan model shows ratios: 32.46%, 30%. Not cut as `pct` cuts an
     * attainment, whose every place may sit beside a curve's step.
     */
    ratioPct,
    /** A ratio (a leverage, a forecast's mean) rounded half to even to at most four places: 1.1174 (the core's `shownRatio`). */
    ratio: remembered((value) => written(shown().shownRatio(value), 'decimal', 0)),
    /** A plain decimal, grouped, with all its places. */
    num,
    /** An exact amount before it is rounded to money with `decimals` places: 12,375.4, and 50,000 × 0.4 × 5/6 as 16,666.6666… (the core's `shownAmount`). */
    exact: (value, decimals) => written(shown().shownAmount(value, decimals), 'decimal', 0),
    /** A payout factor: 0.925, and 5/6 as 0.8333… (the core's `shownFactor`). */
    factor: remembered((value) => written(shown().shownFactor(value), 'decimal', 0)),
  });
}
