// Numbers the way a locale writes them: what the element shows (Intl, in
// its `locale`) and how what a person types is read. What reaches the core
// is always the model's plain decimal text ("1234.5").
//
// Reading never guesses silently:
// - the locale's own way is read first: `1.234,50` in de-DE, `1 234,50` in
//   fr-FR, `12,34,567.89` in en-IN; the plain `1234.50` is read everywhere;
// - group separators count only between whole groups of the locale's
//   grouping (`50,5` is not a number in en-US, `1,234,567` is not one in
//   en-IN);
// - an entry another common convention reads differently (`1,234` is
//   1.234 in de-DE and 1234 in en-US) is read the locale's way, with a note
//   that says how it was read and how to type the other meaning;
// - anything else is an error that says how the locale writes numbers and,
//   when another convention reads it, what was probably meant.
// Currency signs and codes around an amount are allowed and dropped when
// they name the plan's currency (`$`, `US$` or `USD` in a USD plan); one
// that names another currency (`€120,000` in a USD plan) is an error that
// says so. Any other character makes the entry an error, never a number
// with it removed.

import { placesIn } from './decimal.js';

const numberings = new Map();

/** The conventions other than the locale's that an entry is tried against, for "did you mean". */
const OTHERS = [
  { decimal: '.', groups: [','], primary: 3, secondary: 3 },
  { decimal: ',', groups: ['.'], primary: 3, secondary: 3 },
  { decimal: ',', groups: [' '], primary: 3, secondary: 3 },
  { decimal: '.', groups: [' '], primary: 3, secondary: 3 },
];

/** Space-like characters that locales group with, all read as one. */
const SPACES = [' ', '\u00a0', '\u202f', '\u2009'];
const APOSTROPHES = ['’', "'"];

/** The locale a tag names if Intl knows it, else null. */
export function known(tag) {
  if (!tag) return null;
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag])[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The element's locale: its `locale` attribute, else the full page's pick
 * (`picked`, picker.js), else the nearest `lang`
 * (with the browser's region when that names a language only: `en` and an
 * en-GB browser give en-GB), else the browser's. `unknown` is an asked tag
 * this browser does not know.
 */
export function localeOf(host, picked = null) {
  const asked = host.getAttribute('locale') ?? picked;
  const lang = host.closest('[lang]')?.lang ?? document.documentElement.lang;
  const browser = navigator.language;
  const regional = lang && !lang.includes('-') && browser?.toLowerCase().startsWith(`${lang.toLowerCase()}-`) ? browser : lang;
  const tag = known(asked) ?? known(regional) ?? known(browser) ?? 'en-US';
  return { tag, unknown: asked && !known(asked) ? asked : null };
}

/**
 * How `tag` writes numbers: its decimal sign, group separators, group
 * sizes, digits, and formatters (cached per tag).
 */
export function numbering(tag) {
  if (numberings.has(tag)) return numberings.get(tag);
  const plain = new Intl.NumberFormat(tag);
  const parts = plain.formatToParts(12345678.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = parts.find((p) => p.type === 'group')?.value ?? '';
  const sizes = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
  const primary = sizes.at(-1);
  const secondary = sizes.length > 2 ? sizes.at(-2) : primary;
  const groups = SPACES.includes(group) ? SPACES : APOSTROPHES.includes(group) ? APOSTROPHES : group ? [group] : [];
  // The locale's own digits (०१२…, ٠١٢…) read as 0–9.
  const own = new Intl.NumberFormat(tag, { useGrouping: false }).format(9876543210);
  const digits = new Map([...own].map((d, i) => [d, String(9 - i)]));
  const whole = new Intl.NumberFormat(tag);
  const minus = whole.formatToParts(-1).find((p) => p.type === 'minusSign')?.value ?? '-';
  const local = (ascii) => ascii.replace(/\d/g, (d) => own[9 - Number(d)]);
  // Whole part by Intl (a BigInt, exact), places appended as they are:
  // Intl stops at 20 fraction digits, the model does not.
  const exact = (value) => {
    // What is not decimal text (a number, a list, from a link or a file) is shown as it came.
    if (typeof value !== 'string') return value === undefined || value === null ? '' : JSON.stringify(value);
    if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
    const [int, fraction] = value.replace('-', '').split('.');
    const text = whole.format(BigInt(int)) + (fraction ? decimal + local(fraction) : '');
    return value.startsWith('-') && /[1-9]/.test(value) ? minus + text : text;
  };
  const n = {
    tag,
    decimal,
    groups,
    primary,
    secondary,
    digits,
    /** A plain decimal as this locale writes it, grouped, every place kept. */
    format: exact,
    /**
     * An amount of money as this locale writes it, with at least its
     * currency's `places` ("100,000.00" for 100000, as the results write
     * it); more places than that are kept, as typed.
     */
    amount: (value, places) => {
      if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value) || !places) return exact(value);
      const [int, fraction = ''] = value.split('.');
      return exact(`${int}.${fraction.padEnd(places, '0')}`);
    },
    /** How the locale writes numbers, for messages: "1,234,567.89". */
    example: new Intl.NumberFormat(tag, { minimumFractionDigits: 2 }).format(1234567.89),
  };
  numberings.set(tag, n);
  return n;
}

/** Whether `int` is digits grouped by `sep` the way `way` groups them (no group of leading zeros). */
function grouped(int, way) {
  const seps = way.groups.filter((g) => int.includes(g));
  if (!seps.length) return /^\d+$/.test(int) ? int : null;
  // One kind of separator per number (spaces count as one kind).
  const parts = int.split(new RegExp(`[${way.groups.map(escape).join('')}]`));
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  const [first, ...rest] = parts;
  if (first.length > way.secondary || first.length < 1 || (first === '0')) return null;
  const last = rest.at(-1);
  if (last.length !== way.primary) return null;
  if (rest.slice(0, -1).some((p) => p.length !== way.secondary)) return null;
  return parts.join('');
}

const escape = (c) => c.replace(/[-\\\]^]/g, '\\$&');

/** `text` (no sign, ASCII digits) read the way `way` writes numbers: plain decimal text, or null. */
function readAs(text, way) {
  const at = text.indexOf(way.decimal);
  const int = at < 0 ? text : text.slice(0, at);
  const fraction = at < 0 ? '' : text.slice(at + way.decimal.length);
  if (at >= 0 && !/^\d+$/.test(fraction)) return null;
  const digits = int === '' && fraction ? '0' : grouped(int, way);
  if (digits === null) return null;
  return fraction ? `${digits}.${fraction}` : digits;
}

/** The plain reading: digits with at most one `.` and no grouping. */
function readPlain(text) {
  if (/^\d+(\.\d+)?$/.test(text)) return text;
  if (/^\.\d+$/.test(text)) return `0${text}`;
  return null;
}

/** Leading zeros off ("007.50" → "7.50"), so every reading compares alike. */
function tidy(value) {
  return value.replace(/^0+(?=\d)/, '');
}

/** Every ISO 4217 code this browser knows. */
const CODES = new Set(Intl.supportedValuesOf?.('currency') ?? []);
const LEADING_SIGN = /^(?:[A-Z]{3}(?![A-Z])|[A-Z]{1,3}\p{Sc}|\p{Sc})\s*/u;
const TRAILING_SIGN = /\s*(?:(?<![A-Z])[A-Z]{3}|\p{Sc})$/u;
/** Three capitals are a currency code only when they are one: "ABC 120" is not a number. */
const isSign = (s) => !/^[A-Z]{3}$/.test(s) || CODES.has(s);

/** An amount without the currency signs and codes around it ("$ 1,250", "1.250 €", "EUR 20000"), and the signs. */
function unwrap(text) {
  const lead = text.match(LEADING_SIGN)?.[0] ?? '';
  const start = isSign(lead.trim()) ? lead.length : 0;
  const rest = text.slice(start);
  const trail = rest.match(TRAILING_SIGN)?.[0] ?? '';
  const end = isSign(trail.trim()) ? rest.length - trail.length : rest.length;
  return { body: rest.slice(0, end).trim(), signs: [text.slice(0, start), rest.slice(end)].map((s) => s.trim()).filter(Boolean) };
}

const signsCache = new Map();

/** How `code` is written in `tag` and in English: its code, symbol and narrow symbol (`USD`, `US$`, `$`). */
function signsOf(code, tag) {
  const key = `${code} ${tag}`;
  if (!signsCache.has(key)) {
    const signs = new Set([code]);
    for (const locale of new Set([tag, 'en']))
      for (const currencyDisplay of ['symbol', 'narrowSymbol']) {
        const part = new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay }).formatToParts(1).find((p) => p.type === 'currency');
        if (part) signs.add(part.value.trim());
      }
    signsCache.set(key, signs);
  }
  return signsCache.get(key);
}

/**
 * Words for what a sign or code names, in the element's language: "euros"
 * (EUR), "Swiss francs" (CHF), "dollars or pesos" ($: USD, CAD, ARS and
 * others), "yuan or yen" (¥); "another currency" for a sign no currency
 * this browser knows is written with. `format` (format.js) writes them.
 */
function currencyWords(sign, { t, language }) {
  const codes = /^[A-Z]{3}$/.test(sign) ? [sign] : [...CODES].filter((code) => signsOf(code, 'en').has(sign));
  // The names Intl gives in the language the words are in (not the numbers' locale: fr-FR reads English).
  const plural = (code) => new Intl.NumberFormat(language, { style: 'currency', currency: code, currencyDisplay: 'name' }).formatToParts(2).find((p) => p.type === 'currency').value;
  if (codes.length === 1) return plural(codes[0]);
  if (codes.length === 0) return t('another currency');
  // The currencies' last words, most common first: "US dollars", "Canadian dollars" → "dollars"
  // ("US-Dollar" → "Dollar"; "Kubanische Pesos (konvertibel)" → "Pesos").
  const counts = new Map();
  for (const word of codes.map((code) => plural(code).replace(/\s*\([^)]*\)$/, '').split(/[\s-]/).at(-1))) counts.set(word, (counts.get(word) ?? 0) + 1);
  const [a, b, c, ...more] = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([w]) => w);
  if (more.length) return t('{a}, {b} or another currency written “{sign}”', { a, b, sign });
  if (c !== undefined) return t('{a} or {b} or {c}', { a, b, c });
  return b === undefined ? a : t('{a} or {b}', { a, b });
}

/**
 * Reads what a person typed as a number the locale's way.
 *
 * `kind` is "number", "money" (`places`: the currency's decimal places) or
 * "percent" (a trailing or leading % is allowed; the value is the
 * percentage as typed, "12.5" for 12.5 %). `currency`, the plan's code: a
 * currency sign or code around the number must name it (`fixedCurrency`:
 * the reader cannot change the plan's, so the error does not suggest it).
 * Returns `{ value }` (plain decimal text, "" for an empty entry), with
 * `note` when another convention would read it differently, or
 * `{ error }` with a message that says how the locale writes numbers. `n`
 * is the element's format (format.js): how it reads numbers, and its words.
 */
export function readNumber(typed, n, { kind = 'number', places, currency, fixedCurrency = false } = {}) {
  const { t, tn } = n;
  let text = String(typed).trim();
  for (const [d, ascii] of n.digits) text = text.replaceAll(d, ascii);
  const negative = /^[-−]/.test(text);
  if (negative) text = text.slice(1).trim();
  const { body, signs } = kind === 'percent' ? { body: text.replace(/^%\s*|\s*%$/g, ''), signs: [] } : unwrap(text);
  // A sign or code that is not the plan's currency: never read as if it were.
  const foreign = currency ? signs.find((sign) => !signsOf(currency, n.tag).has(sign)) : undefined;
  const said = { typed: typed.trim(), currency, tag: n.tag, example: n.example };
  if (foreign !== undefined) {
    const names = currencyWords(foreign, n);
    return {
      error: fixedCurrency
        ? t('This plan is in {currency}: “{typed}” names {names}. Type the amount in {currency}.', { ...said, names })
        : t('This plan is in {currency}: “{typed}” names {names}. Type the amount in {currency}, or change the plan’s currency.', { ...said, names }),
    };
  }
  const unreadable = () => t('“{typed}” is not a number the way {tag} writes them ({example}).', said);
  if (body === '') return negative ? { error: unreadable() } : { value: '' };
  const sign = (value) => (negative && /[1-9]/.test(value) ? `-${value}` : value);

  const own = readAs(body, n);
  const value = own ?? readPlain(body);
  // Read only as a plain number, with a point where the locale writes a
  // comma (de-DE "1.50"): said beside the field, never read in silence.
  const plainPoint = own === null && value !== null && body.includes('.') && n.decimal !== '.';
  // What other conventions read, for "did you mean" and for notes.
  const meant = others(body, n, value);
  // A sentence of its own after the error, when one other reading fits.
  const hint = (readings) => (readings.length === 1 ? ` ${t('Did you mean {value}?', { value: n.format(sign(readings[0])) })}` : '');
  // For money, only a reading its currency allows.
  const fits = (v) => kind !== 'money' || places === undefined || placesIn(v) <= places;
  if (value === null) {
    // For money, only a reading its currency allows (found by a fresh look:
    // "29,4000" offered 29.4000, four places of dollars).
    const readable = meant.filter(fits);
    const offered = readable.length || kind === 'percent' ? readable : dropped(body, n).filter(fits);
    return { error: `${unreadable()}${hint(offered)}` };
  }
  const read = tidy(value);
  if (!fits(read)) {
    const has = { ...said, found: placesIn(read) };
    const error = places === 0
      ? t('{currency} amounts have no decimal places: “{typed}” has {found}.', has)
      : tn(places, '{currency} amounts have {n} decimal place: “{typed}” has {found}.', '{currency} amounts have {n} decimal places: “{typed}” has {found}.', has);
    return { error: `${error}${hint(meant.filter(fits))}` };
  }
  const result = { value: sign(read) };
  const other = /^\d{1,3}[.,]\d{3}$/.test(body) ? meant.find(fits) : undefined;
  if (plainPoint) {
    const note = t('Read as {read}: the point taken as a decimal point, as a plain number writes it; {tag} writes decimals with “{decimal}”.', { read: n.format(sign(read)), tag: n.tag, decimal: n.decimal });
    result.note = other === undefined ? note : `${note}${hint([other])}`;
  } else if (other !== undefined && !(kind === 'percent' && read.includes('.'))) {
    // A percentage read with places is not said to be one in the thousands
    // (found by a fresh look: "For a number in the thousands, type 20,005" of
    // a weight of 20.005 %); one read in the thousands is said.
    result.note = ambiguity(sign(read), sign(other), n);
  }
  return result;
}

/**
 * Words written after an amount for its scale, and their powers of ten:
 * "1,85 Mio", "250k", "1.5 million", "2 Mrd.".
 */
const SCALES = [
  [/^(?:k|K|Tsd\.?|tsd\.?|Tausend|thousand)$/, 3],
  [/^(?:m|M|mn|Mio\.?|Millionen|Million|million|millions)$/, 6],
  [/^(?:bn|Mrd\.?|Milliarden|Milliarde|billion|billions)$/, 9],
];

/**
 * What an entry that is a number only without its last characters would
 * be: a dash for its places ("2.000.000,-", "1'250.–": a whole amount) or
 * a word for its scale ("1,85 Mio": 1,850,000). Never read, since that
 * drops what was typed: offered in the error, when one reading fits.
 */
function dropped(body, n) {
  const readings = (text) => {
    const own = readAs(text, n) ?? readPlain(text);
    return own === null ? others(text, n, null) : [tidy(own)];
  };
  const dash = body.match(/^(.*\d)[.,][-–—]{1,2}$/);
  if (dash) return readings(dash[1]);
  const scaled = body.match(/^(.*\d)\s*(\p{L}[\p{L}.]*)$/u);
  const power = scaled && SCALES.find(([word]) => word.test(scaled[2]))?.[1];
  return power ? readings(scaled[1]).map((v) => times(v, power)) : [];
}

/** Plain decimal text × 10^`power`, exactly ("1.85", 6 → "1850000"). */
function times(value, power) {
  const [int, fraction = ''] = value.split('.');
  const whole = tidy(int + fraction.slice(0, power).padEnd(power, '0'));
  const rest = fraction.slice(power);
  return rest ? `${whole}.${rest}` : whole;
}

/** Other conventions' readings of `body` that differ from `own`, the locale's (or the plain) reading. */
function others(body, n, own) {
  const found = new Set();
  for (const way of OTHERS) {
    const same = way.decimal === n.decimal && way.secondary === n.secondary && way.groups.every((g) => n.groups.includes(g));
    if (same) continue;
    const v = readAs(body, way);
    if (v !== null) found.add(tidy(v));
  }
  if (own !== null) found.delete(tidy(own));
  return [...found];
}

/**
 * Words for how an ambiguous entry was read: "Read as 1,234, a number
 * between 1 and 2, …". Of its two readings (`1,234` or `1.234`), one is a
 * whole number in the thousands, the other has places.
 */
function ambiguity(read, other, n) {
  const between = (v) => {
    const whole = BigInt(v.split('.')[0]);
    return v.startsWith('-') ? { low: whole - 1n, high: whole } : { low: whole, high: whole + 1n };
  };
  const { t } = n;
  const said = { read: n.format(read), other: n.format(other), tag: n.tag };
  return read.includes('.')
    ? t('Read as {read}, a number between {low} and {high}, the way {tag} writes it. For a number in the thousands, type {other}.', { ...said, ...between(read) })
    : t('Read as {read}, a number in the thousands, the way {tag} writes it. For a number between {low} and {high}, type {other}.', { ...said, ...between(other) });
}
