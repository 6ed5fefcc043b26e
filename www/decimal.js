// Exact decimal text for the page: percentages and fractions, and the
// comparisons and sums the editor needs while a plan is still being typed
// (how typing is read is locale.js's). The exact values a
// statement shows come from the core. No float ever touches a number here.

const STRICT = /^-?\d+(\.\d+)?$/;

/** Moves the decimal point of a strict decimal `places` to the right (or left when negative). */
function shift(text, places) {
  if (!STRICT.test(text)) return text;
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = digits.slice(point).replace(/0+$/, '');
  const result = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative && /[1-9]/.test(result) ? `-${result}` : result;
}

/** A percentage as a fraction, exactly: "12.5" → "0.125". */
export function fromPercent(text) {
  return shift(text, -2);
}

/** A fraction as a percentage for an input: "0.125" → "12.5". */
export function toPercent(fraction) {
  return fraction === undefined || fraction === null ? '' : shift(String(fraction), 2);
}

function parts(text) {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const sign = text.startsWith('-') ? -1n : 1n;
  return { mantissa: sign * BigInt(whole + fraction), scale: fraction.length };
}

/** Fixed-point text with `scale` places ("12.50"). */
function format(mantissa, scale) {
  const negative = mantissa < 0n;
  const digits = (negative ? -mantissa : mantissa).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Compares strict decimals: -1, 0 or 1. */
export function compare(a, b) {
  const x = parts(a);
  const y = parts(b);
  const scale = Math.max(x.scale, y.scale);
  const left = x.mantissa * 10n ** BigInt(scale - x.scale);
  const right = y.mantissa * 10n ** BigInt(scale - y.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Decimal places of plain decimal text: 2 for "0.33", 0 for "12". */
export const placesIn = (text) => (text.split('.')[1] ?? '').length;

/** Whether text is a strict decimal the core accepts. */
export function isDecimal(text) {
  return STRICT.test(String(text));
}

/**
 * The exact sum of strict decimals, with as many places as the most precise
 * of them (money stays money: "0.10" + "0.20" is "0.30"); texts that are not
 * decimals count as 0.
 */
export function sum(values) {
  let mantissa = 0n;
  let scale = 0;
  for (const value of values) {
    if (!isDecimal(value)) continue;
    const p = parts(value);
    if (p.scale > scale) {
      mantissa *= 10n ** BigInt(p.scale - scale);
      scale = p.scale;
    }
    mantissa += p.mantissa * 10n ** BigInt(scale - p.scale);
  }
  return format(mantissa, scale);
}

/** `text × tenths / 10`, exactly, without trailing zeros: tenths("1850000", 8) is "1480000". */
export function tenths(text, count) {
  if (!isDecimal(text)) return text;
  const p = parts(text);
  const digits = format(p.mantissa * BigInt(count), p.scale + 1);
  return digits.includes('.') ? digits.replace(/\.?0+$/, '') : digits;
}
