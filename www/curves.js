// Named curve presets, and the short text form of custom curves
// ("80:50, 100:100, 150:200": attainment % : payout %).
import { percent, toPercent } from './decimal.js';

/** Presets by key; `null` is the model's default curve (factor = attainment). */
export const PRESETS = {
  proRata: { label: 'Pro-rata (pays the attainment)', curve: null },
  threshold: {
    label: 'Threshold 80 %, capped at 200 %',
    curve: { points: [['0.8', '0.8'], ['2', '2']] },
  },
  accelerator: {
    label: 'Accelerator: double rate above target',
    curve: { points: [['0', '0'], ['1', '1'], ['1.5', '2']], beyond: 'extend' },
  },
  steps: {
    label: 'Step tiers (50 / 80 / 100 / 150 %)',
    curve: { points: [['0.5', '0.5'], ['0.8', '0.8'], ['1', '1'], ['1.2', '1.5']], interpolation: 'step' },
  },
  custom: { label: 'Custom points…', curve: undefined },
};

/** The pro-rata curve written out, for teams and modifiers that need a curve. */
export const PRO_RATA = { points: [['0', '0'], ['1', '1']], beyond: 'extend' };

/** Which preset a curve is, or "custom". */
export function presetOf(curve) {
  const same = (a, b) => JSON.stringify(normal(a)) === JSON.stringify(normal(b));
  if (!curve || same(curve, PRO_RATA)) return 'proRata';
  for (const [key, preset] of Object.entries(PRESETS)) {
    if (preset.curve !== undefined && same(preset.curve, curve)) return key;
  }
  return 'custom';
}

function normal(curve) {
  if (!curve) return null;
  return {
    points: curve.points,
    interpolation: curve.interpolation ?? 'linear',
    beyond: curve.beyond ?? 'cap',
  };
}

/** Points as text: [["0.8","0.5"],["1","1"]] → "80:50, 100:100". */
export function pointsToText(points) {
  return (points ?? []).map(([a, f]) => `${toPercent(a)}:${toPercent(f)}`).join(', ');
}

/** Text back to points; unreadable parts stay as typed so the core can name them. */
export function textToPoints(text) {
  return text
    .split(/[,;\n]+/)
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [a = '', f = ''] = pair.split(/\s*[:→>=]\s*|\s+/);
      return [percent(a), percent(f)];
    });
}

/** Plain words for a curve's shape, for the math. */
export function describe(curve) {
  if (!curve) return 'pro-rata: the factor is the attainment';
  const points = curve.points.map(([a, f]) => `${toPercent(a)} % → ${toPercent(f)} %`).join(', ');
  const how = curve.interpolation === 'step' ? 'steps' : 'straight lines';
  const beyond = curve.beyond === 'extend' ? 'continues its last line' : 'stays at the last point';
  return `points ${points}, joined by ${how}; past the last point it ${beyond}`;
}
