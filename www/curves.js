// Named curve presets, and the short text form of custom curves
// ("80:50, 100:100, 150:200": attainment % : payout %).
import { fromPercent, toPercent } from './decimal.js';
import { readNumber } from './locale.js';
import { phrase } from './words.js';

/** Presets by key; `null` is the model's default curve (factor = attainment: the core's `defaults.curve`). Their labels are said with `t`. */
export const CURVES = {
  proRata: { label: phrase('Pro-rata (pays the attainment)'), curve: null },
  threshold: {
    label: phrase('Threshold 80%, capped at 200%'),
    curve: { points: [['0.8', '0.8'], ['2', '2']] },
  },
  accelerator: {
    label: phrase('Accelerator: double rate above target'),
    curve: { points: [['0', '0'], ['1', '1'], ['1.5', '2']], beyond: 'extend' },
  },
  steps: {
    label: phrase('Step tiers: 50% from 50%, 80% from 80%, 100% from 100%, 150% from 120%'),
    curve: { points: [['0.5', '0.5'], ['0.8', '0.8'], ['1', '1'], ['1.2', '1.5']], interpolation: 'step' },
  },
  custom: { label: phrase('Custom points…'), curve: undefined },
};

/** How a curve runs between its points (`interpolation`), by value, said with `t`: the editor's choices and the printed inputs' words. */
export const BETWEEN = { linear: phrase('Straight line'), step: phrase('Steps') };

/** What a curve does past its last point (`beyond`), by value, said with `t`. */
export const PAST = { cap: phrase('Stay at the last point (cap)'), extend: phrase('Continue the last line') };

/** Which preset a curve is, or "custom"; a curve's options it leaves out are the model's `defaults` (the core's). */
export function presetOf(curve, defaults) {
  const normal = (c) => ({ points: c.points, interpolation: c.interpolation ?? defaults.interpolation, beyond: c.beyond ?? defaults.beyond });
  const same = (a, b) => JSON.stringify(normal(a)) === JSON.stringify(normal(b));
  if (!curve || same(curve, defaults.curve)) return 'proRata';
  for (const [key, preset] of Object.entries(CURVES)) {
    if (preset.curve && same(preset.curve, curve)) return key;
  }
  return 'custom';
}

/** What separates points where `n` (a format, format.js) writes numbers: "; " where the decimal sign is a comma. */
export const pointSeparator = (n) => (n.decimal === ',' ? '; ' : ', ');

/** Points as text the locale's way: [["0.8","0.5"],["1","1"]] → "80:50, 100:100" ("80,5:50; 100:100" in de-DE). */
export function pointsToText(points, n) {
  return (points ?? []).map(([a, f]) => `${n.format(toPercent(a))}:${n.format(toPercent(f))}`).join(pointSeparator(n));
}

/**
 * Text back to points: `{ value }`, with `error` for the first number that
 * cannot be read (locale.js says why); unreadable numbers stay as typed so
 * the core names them too.
 */
export function textToPoints(text, n) {
  const { t } = n;
  let error;
  const read = (typed) => {
    const r = readNumber(typed, n, { kind: 'percent' });
    if (r.error) error ??= r.error;
    return r.error || r.value === '' ? typed : fromPercent(r.value);
  };
  const pairs = text
    .split(n.decimal === ',' ? /[;\n]+/ : /[,;\n]+/)
    .map((pair) => pair.trim())
    .filter(Boolean);
  const value = pairs.map((pair, i) => {
    const [a = '', f = '', ...rest] = pair.split(n.groups.includes(' ') ? /\s*[:→>=]\s*/ : /\s*[:→>=]\s*|\s+/);
    if (f === '' || rest.length) {
      const sep = pointSeparator(n).trim();
      // "80,5:50" where a comma separates points: a decimal comma, read as two points.
      const next = n.decimal !== ',' && f === '' && /^\d+$/.test(a) && pairs[i + 1]?.match(/^(\d+)\s*[:→>=]/)?.[1];
      const fraction = next && text.includes(`${a},${next}`) && next;
      error ??= fraction
        ? t('“{typed}” is not a number here: in {locale} a comma separates points, and a decimal is written with a point ({meant}).', { typed: `${a},${fraction}`, locale: n.tag, meant: `${a}.${fraction}` })
        : t('“{pair}” is not a point: write attainment % : payout %, points separated by “{sep}” (80:50{sep} 100:100).', { pair, sep });
      return [a, f];
    }
    return [read(a), read(f)];
  });
  return error ? { value, error } : { value };
}

/** A curve's point as the math names it, the percentages the locale's way: "(80%, 50%)". */
const point = ({ pct }, [a, f]) => `(${pct(a)}, ${pct(f)})`;

/**
 * Plain words for where an attainment falls on a curve, for the math: below
 * the threshold, on which segment, or past the last point. Where it falls is
 * the core's (`on`, from the Result's workings); the words name the plan's
 * points; `format` writes them (format.js).
 */
export function segment(format, curve, on) {
  const { t } = format;
  if (!curve) return t('pro-rata: the factor is the attainment');
  const { points } = curve;
  if (on.where === 'below') return t('below the first point {point}, the threshold: nothing is paid', { point: point(format, points[0]) });
  if (on.where === 'between') {
    const at = on.from;
    const between = { from: point(format, points[at]), to: point(format, points[at + 1]) };
    return curve.interpolation === 'step'
      ? t('between {from} and {to}, a step: the lower point’s factor holds', between)
      : t('between {from} and {to}, a straight line between them', between);
  }
  const at = on.point;
  if (curve.beyond === 'extend' && points.length > 1) {
    return t('past the last point {point}, the line from {before} continues (never below 0)', { point: point(format, points[at]), before: point(format, points[at - 1]) });
  }
  return t('at or past the last point {point}, where the curve stays', { point: point(format, points[at]) });
}
