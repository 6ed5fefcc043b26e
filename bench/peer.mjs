// Peers to measure Tandem against: the plan model's calculation written in
// plain JavaScript, once over `number` (what a typical web calculator does),
// once over decimal.js (what a careful JavaScript developer would do), and
// once over exact fractions of BigInts (the reference every payout is
// checked against: slow, simple and independent of Tandem's own code).
// They take valid plans only and exist only to be measured.
import Decimal from 'decimal.js';

const MINOR = { JPY: 0, KRW: 0, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3 };

/** Arithmetic over JS numbers, rounding as web calculators usually do. */
export const float = {
  of: Number,
  zero: 0,
  one: 1,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  lt: (a, b) => a < b,
  round(x, places, mode) {
    const f = 10 ** places;
    if (mode === 'down') return Math.trunc(x * f) / f;
    if (mode === 'halfEven') {
      const y = x * f;
      const r = Math.round(y);
      return (Math.abs(y % 1) === 0.5 ? 2 * Math.round(y / 2) : r) / f;
    }
    return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
  },
  units: (x, places) => Math.round(x * 10 ** places),
  fixed: (x, places) => x.toFixed(places),
};

const D = Decimal.clone({ precision: 40 });
const MODES = { halfUp: Decimal.ROUND_HALF_UP, halfEven: Decimal.ROUND_HALF_EVEN, down: Decimal.ROUND_DOWN };

/** Arithmetic over decimal.js. */
export const decimal = {
  of: (s) => new D(s),
  zero: new D(0),
  one: new D(1),
  add: (a, b) => a.plus(b),
  sub: (a, b) => a.minus(b),
  mul: (a, b) => a.times(b),
  div: (a, b) => a.div(b),
  lt: (a, b) => a.lt(b),
  round: (x, places, mode) => x.toDecimalPlaces(places, MODES[mode]),
  units: (x, places) => BigInt(x.times(new D(10).pow(places)).toFixed(0)),
  fixed: (x, places) => x.toFixed(places),
};

/** `n / d` in lowest terms, as a pair of BigInts with `d > 0`. */
function fraction(n, d) {
  if (d < 0n) [n, d] = [-n, -d];
  let [a, b] = [n < 0n ? -n : n, d];
  while (b) [a, b] = [b, a % b];
  return a > 1n ? [n / a, d / a] : [n, d];
}

/** Exact arithmetic over fractions of BigInts; money rounded once from the exact value. */
export const exact = {
  of(text) {
    const [whole, part = ''] = text.split('.');
    return fraction(BigInt(whole + part), 10n ** BigInt(part.length));
  },
  zero: [0n, 1n],
  one: [1n, 1n],
  add: ([a, b], [c, d]) => fraction(a * d + c * b, b * d),
  sub: ([a, b], [c, d]) => fraction(a * d - c * b, b * d),
  mul: ([a, b], [c, d]) => fraction(a * c, b * d),
  div: ([a, b], [c, d]) => fraction(a * d, b * c),
  lt: ([a, b], [c, d]) => a * d < c * b,
  round([n, d], places, mode) {
    const scaled = n * 10n ** BigInt(places);
    let q = scaled / d; // truncates toward zero
    const r = scaled % d;
    const twice = 2n * (r < 0n ? -r : r);
    const sign = scaled < 0n ? -1n : 1n;
    const odd = q % 2n !== 0n;
    if (mode === 'halfUp' ? twice >= d : mode === 'halfEven' ? twice > d || (twice === d && odd) : false) q += sign;
    return fraction(q, 10n ** BigInt(places));
  },
  units: ([n, d], places) => (n * 10n ** BigInt(places)) / d,
  fixed: (x, places) => unitsToText(exact.units(x, places), places),
};

/** The calculation over one arithmetic; `override` sets one goal's attainment (for sweeps). */
export function peer(n) {
  const max0 = (x) => (n.lt(x, n.zero) ? n.zero : x);
  const DEFAULT = { points: [['0', '0'], ['1', '1']], beyond: 'extend' };

  function curveOf(spec) {
    const points = spec.points.map(([a, f]) => [n.of(a), n.of(f)]);
    return { points, step: spec.interpolation === 'step', extend: spec.beyond === 'extend' };
  }
  const line = (a0, f0, a1, f1, a) => n.add(f0, n.div(n.mul(n.sub(a, a0), n.sub(f1, f0)), n.sub(a1, a0)));
  function factor(c, a) {
    let i = -1;
    while (i + 1 < c.points.length && !n.lt(a, c.points[i + 1][0])) i += 1;
    if (i < 0) return n.zero;
    const [a0, f0] = c.points[i];
    if (i + 1 < c.points.length) {
      const [a1, f1] = c.points[i + 1];
      return max0(c.step ? f0 : line(a0, f0, a1, f1, a));
    }
    if (c.extend && i > 0) return max0(line(c.points[i - 1][0], c.points[i - 1][1], a0, f0, a));
    return f0;
  }

  /** Largest remainder in whole units (BigInt), ties to the first listed. */
  function split(total, weights) {
    const sum = weights.reduce((a, b) => a + b, 0n);
    if (sum === 0n) return weights.map(() => 0n);
    const parts = weights.map((w) => (total * w) / sum);
    const rems = weights.map((w) => (total * w) % sum);
    let left = total - parts.reduce((a, b) => a + b, 0n);
    const order = weights.map((_, i) => i).sort((a, b) => (rems[b] > rems[a] ? 1 : rems[b] < rems[a] ? -1 : a - b));
    for (const i of order) {
      if (left <= 0n) break;
      parts[i] += 1n;
      left -= 1n;
    }
    return parts;
  }
  const shareUnits = (shares) => {
    const scale = Math.max(...shares.map((s) => (s.split('.')[1] ?? '').length));
    return shares.map((s) => BigInt(s.replace('.', '') + '0'.repeat(scale - (s.split('.')[1] ?? '').length)));
  };

  return function calculate(plan, override) {
    const places = plan.decimals ?? MINOR[plan.currency ?? 'USD'] ?? 2;
    const mode = plan.rounding ?? 'halfUp';
    const round = (x) => n.round(x, places, mode);
    const goals = plan.goals;
    const index = new Map(goals.map((g, i) => [g.id, i]));
    const att = goals.map((g, i) => {
      if (override && override.goal === i) return override.attainment;
      const r = n.div(n.of(g.actual), n.of(g.target));
      return g.direction === 'lowerIsBetter' ? max0(n.sub(n.of('2'), r)) : r;
    });
    const met = (gate) => !gate || !n.lt(att[index.get(gate.goal)], n.of(gate.min));
    const gated = goals.map((g) => !met(g.gate));
    const factors = goals.map((g, i) => (gated[i] ? n.zero : factor(curveOf(g.curve ?? DEFAULT), att[i])));
    const weighs = (t, g) => t.weights[g.id] !== undefined && n.lt(n.zero, n.of(t.weights[g.id]));
    const shared = goals.map((g) => plan.teams.filter((t) => weighs(t, g)).length >= 2);
    const teams = plan.teams.map((t) => {
      const ti = n.of(t.targetIncentive);
      let subtotal = n.zero;
      // The part of the lines on shared goals, and all of them (for the shared part of the payout).
      let onShared = n.zero;
      let lines = n.zero;
      let gateClosed = false;
      let blended = null;
      if (t.method === 'blended') {
        let b = n.zero;
        for (const [id, w] of Object.entries(t.weights)) {
          const part = n.mul(n.of(w), att[index.get(id)]);
          b = n.add(b, part);
          if (shared[index.get(id)]) onShared = n.add(onShared, part);
        }
        subtotal = round(n.mul(ti, factor(curveOf(t.curve), b)));
        lines = b;
        blended = b;
      } else {
        goals.forEach((g, i) => {
          if (!weighs(t, g)) return;
          const amount = round(n.mul(n.mul(ti, n.of(t.weights[g.id])), factors[i]));
          subtotal = n.add(subtotal, amount);
          if (shared[i]) onShared = n.add(onShared, amount);
          gateClosed ||= gated[i];
        });
        lines = subtotal;
      }
      let after = subtotal;
      if (t.modifiers?.length) {
        let m = n.one;
        for (const mod of t.modifiers) m = n.mul(m, factor(curveOf(mod.curve), att[index.get(mod.goal)]));
        after = round(n.mul(subtotal, m));
      }
      let payout = met(t.gate) ? after : n.zero;
      gateClosed ||= !met(t.gate);
      let capped = false;
      if (t.cap !== undefined && met(t.gate)) {
        const cap = round(n.mul(n.of(t.cap), ti));
        if (n.lt(cap, payout)) {
          payout = cap;
          capped = true;
        }
      }
      const members = t.members?.length
        ? split(BigInt(n.units(payout, places)), shareUnits(t.members.map((m) => m.share))).map((u) => u)
        : [];
      return { id: t.id, payout, members, capped, gateClosed, onShared, lines, blended };
    });
    const total = teams.reduce((s, t) => n.add(s, t.payout), n.zero);
    const shares = split(10000n, teams.map((t) => BigInt(n.units(t.payout, places))));
    return {
      places,
      attainments: att,
      teams: teams.map((t) => ({
        id: t.id,
        payout: n.fixed(t.payout, places),
        members: t.members.map((u) => unitsToText(u, places)),
        exact: t,
      })),
      total: n.fixed(total, places),
      split: shares.map((u) => unitsToText(u, 4)),
    };
  };
}

/** Whole units as fixed-point text: 12345n with 2 places is "123.45". */
export function unitsToText(units, places) {
  const text = units.toString().padStart(places + 1, '0');
  return places ? `${text.slice(0, -places)}.${text.slice(-places)}` : text;
}

/** erfc by Abramowitz and Stegun 7.1.26 (error below 1.5e-7): enough for a peer's draws. */
function erfc(x) {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * z);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? y : 2 - y;
}

/**
 * The plan's forecast simulated with a peer's calculation: per trial the
 * same work as Tandem's (a common normal and one per forecast goal, a
 * triangular draw rounded to the forecast's places + 2, the plan calculated
 * with those results), then each team's and the total's payouts sorted for
 * percentiles, with the same reasons counted: each team's cap and gates,
 * where each weighted goal's attainment (a blended team's, on its curve)
 * falls on its curve, each trial's shared part summed in the peer's
 * arithmetic, the total's sum of squares for the standard error, and the
 * plan at the forecast's mean results. Its draws come from `Math.random`,
 * not from Tandem's generator, so its statistics differ a little; its work
 * does not.
 */
export function simulatePeer(calc, plan, n) {
  const { goals, correlation = '0', trials = 10000 } = plan.forecast;
  const rho = Number(correlation);
  const forecast = plan.goals.flatMap((g, i) => {
    const f = goals[g.id];
    if (!f) return [];
    const places = Math.max(...[f.low, f.likely, f.high].map((t) => (t.split('.')[1] ?? '').length)) + 2;
    return [{ i, a: Number(f.low), c: Number(f.likely), b: Number(f.high), places }];
  });
  const trial = { ...plan, goals: plan.goals.map((g) => ({ ...g })), teams: plan.teams.map((t) => ({ ...t, members: [] })) };
  let spare = null;
  const normal = () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - Math.random()));
    const theta = 2 * Math.PI * Math.random();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  const columns = trial.teams.map(() => []);
  const totals = [];
  const counts = trial.teams.map(() => ({ capped: 0, gateClosed: 0, places: plan.goals.map(() => [0, 0, 0]), shared: n.zero }));
  const curves = plan.goals.map((g) => g.curve ?? { points: [['0', '0'], ['1', '1']], beyond: 'extend' });
  const place = (curve, a) => {
    const points = curve.points.map(([x, f]) => [n.of(x), n.of(f)]);
    const first = points[0][0];
    const last = points.at(-1)[0];
    let i = -1;
    while (i + 1 < points.length && !n.lt(a, points[i + 1][0])) i += 1;
    const extend = curve.beyond === 'extend';
    const seg = i < 0 ? -1 : i + 1 < points.length ? i : extend ? points.length - 2 : -1;
    const steep = seg >= 0 && curve.interpolation !== 'step' && n.lt(n.sub(points[seg + 1][0], points[seg][0]), n.sub(points[seg + 1][1], points[seg][1]));
    return [n.lt(n.zero, first) && n.lt(a, first), steep, n.lt(last, a) && !extend];
  };
  let sumOfSquares = 0;
  for (let k = 0; k < trials; k += 1) {
    const z = normal();
    for (const { i, a, c, b, places } of forecast) {
      const u = erfc(-(Math.sqrt(rho) * z + Math.sqrt(1 - rho) * normal()) / Math.SQRT2) / 2;
      const x = a === b ? a : u < (c - a) / (b - a) ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
      trial.goals[i].actual = x.toFixed(places);
    }
    const result = calc(trial);
    result.teams.forEach((t, j) => {
      columns[j].push(Number(t.payout));
      const c = counts[j];
      const e = t.exact;
      c.capped += e.capped;
      c.gateClosed += e.gateClosed;
      const team = plan.teams[j];
      if (e.blended) {
        place(team.curve, e.blended).forEach((flag, q) => (c.places[0][q] += flag));
      } else {
        plan.goals.forEach((g, i) => {
          if (team.weights[g.id] === undefined) return;
          place(curves[i], result.attainments[i]).forEach((flag, q) => (c.places[i][q] += flag));
        });
      }
      if (n.lt(n.zero, e.lines)) c.shared = n.add(c.shared, n.div(n.mul(e.payout, e.onShared), e.lines));
    });
    totals.push(Number(result.total));
    sumOfSquares += Number(result.total) ** 2;
  }
  for (const { i, a, c, b, places } of forecast) trial.goals[i].actual = ((a + b + c) / 3).toFixed(places);
  const atExpected = calc(trial);
  for (const column of [...columns, totals]) column.sort((x, y) => x - y);
  return { columns, totals, counts, sumOfSquares, atExpected };
}
