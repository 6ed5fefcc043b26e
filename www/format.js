// The element's own way of writing: its words (words.js) and its numbers
// (locale.js) in one locale. The element makes one when its locale is read
// (attributes.js) and gives it to every view (`format`); nothing here is
// shared between elements, so two on one page write each its own way.
//
// Figures come from the core as exact decimal text; Intl formats decimal
// strings exactly, so what is shown is the core's value, never a float.
import { numbering } from './locale.js';
import { wordsOf } from './words.js';

/**
 * The format of `tag`: how numbers are written and read (locale.js
 * `numbering`: `format`, `amount`, `example`, …), the words (words.js
 * `wordsOf`: `t`, `tn`, `tParts`, `relabel`) and the figures of a result:
 * `money`, `shortMoney`, `pct`, `costRatio`, `ratio`, `num`, `factor`.
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
   * A fraction (decimal text) as a percentage: exactly when it has at most
   * four places as one (92.5 %), else cut to four and marked "…" (1,199,999
   * ÷ 1,200,000 is "99.9999…%"): cut, never rounded, so that it is not
   * shown at a step or threshold it has not reached. The CLI writes the same.
   */
  const pct = (fraction) => {
    const places = (String(fraction).split('.')[1] ?? '').replace(/0+$/, '').length;
    if (places <= 6) return formatter('p', { style: 'percent', maximumFractionDigits: 4 }).format(fraction);
    const parts = formatter('p4', { style: 'percent', minimumFractionDigits: 4, maximumFractionDigits: 4, roundingMode: 'trunc' }).formatToParts(fraction);
    const last = parts.findLastIndex((part) => part.type === 'fraction');
    return parts.map((part, i) => (i === last ? `${part.value}…` : part.value)).join('');
  };
  return Object.freeze({
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
    costRatio: (ratio) => (ratio === null ? words.t('none (no revenue)') : pct(ratio)),
    /** A ratio (a leverage, 1.1174…) rounded half to even to at most four places. */
    ratio: (value) => formatter('r', { maximumFractionDigits: 4, roundingMode: 'halfEven' }).format(value),
    /** A plain decimal, grouped, with all its places. */
    num,
    /**
     * A payout factor as the page shows it: exactly when it has at most 8
     * places, else cut to 4 places and marked "…" (5/6 is "0.8333…"): the
     * Result writes a fraction that does not end to 28 digits, and every
     * amount is worked from its exact value.
     */
    factor: (value) =>
      (String(value).split('.')[1] ?? '').length <= 8 ? num(value) : `${formatter('f4', { minimumFractionDigits: 4, maximumFractionDigits: 4, roundingMode: 'trunc' }).format(value)}…`,
  });
}
