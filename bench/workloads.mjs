// The plans the benchmarks run: the "Shared revenue" preset (with and
// without its forecast), a large plan,
// a 10,000-member plan, and random plans for the exactness count. Random
// plans come from a seeded generator, so every run measures the same ones.
import { readFileSync } from 'node:fs';

/** The preset with its forecast (three goals, 10,000 trials), for the simulation. */
export const forecast = JSON.parse(readFileSync(new URL('../examples/shared-revenue.json', import.meta.url), 'utf8'));

/** The preset as plain calculations see it: without the forecast, which a
 * baseline module from before forecasts existed would refuse. */
export const shared = structuredClone(forecast);
delete shared.forecast;

/** mulberry32: a small seeded PRNG. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A decimal with `places` places between 0 and max, as text. */
function amount(rand, max, places) {
  const units = Math.floor(rand() * max * 10 ** places);
  const text = String(units).padStart(places + 1, '0');
  return places ? `${text.slice(0, -places)}.${text.slice(-places)}` : text;
}

const CURVES = [
  { points: [['0.8', '0.5'], ['1', '1'], ['1.5', '2']] },
  { points: [['0', '0'], ['1', '1'], ['1.2', '1.4']], beyond: 'extend' },
  { points: [['0.5', '0.25'], ['0.9', '0.75'], ['1', '1'], ['1.1', '1.3']], interpolation: 'step' },
  { points: [['0', '0.9'], ['1', '1'], ['1.25', '1.15']] },
];

/** 20 goals and 10 teams, with curves, gates and modifiers on most of them. */
export function large() {
  const rand = random(20);
  const goals = Array.from({ length: 20 }, (_, i) => ({
    id: `goal-${i}`,
    name: `Goal ${i}`,
    target: amount(rand, 1_000_000, 2),
    actual: amount(rand, 1_200_000, 2),
    ...(i % 5 === 4 ? { direction: 'lowerIsBetter' } : {}),
    ...(i % 4 !== 3 ? { curve: CURVES[i % 3] } : {}),
    ...(i % 3 === 1 ? { gate: { goal: 'goal-0', min: '0.5' } } : {}),
  }));
  const teams = Array.from({ length: 10 }, (_, t) => {
    const weights = {};
    for (let g = 0; g < 20; g += 1) if ((g + t) % 3 === 0 || g === 0) weights[`goal-${g}`] = amount(rand, 0.3, 2);
    return {
      id: `team-${t}`,
      name: `Team ${t}`,
      targetIncentive: amount(rand, 200_000, 2),
      weights,
      ...(t % 4 === 3 ? { method: 'blended', curve: CURVES[0] } : {}),
      ...(t % 3 !== 2 ? { modifiers: [{ goal: 'goal-1', curve: CURVES[3] }, { goal: `goal-${t + 2}`, curve: CURVES[1] }] } : {}),
      ...(t % 2 === 0 ? { gate: { goal: 'goal-2', min: '0.4' } } : {}),
      ...(t % 5 !== 4 ? { cap: '2' } : {}),
      members: Array.from({ length: 5 }, (_, m) => ({ name: `Person ${t}.${m}`, share: String(1 + (m % 3)) })),
    };
  });
  return { version: 1, name: 'Large plan', currency: 'USD', goals, teams };
}

/** The preset with 6,000 sales and 4,000 marketing members. */
export function members() {
  const plan = structuredClone(shared);
  plan.teams[0].members = Array.from({ length: 6000 }, (_, i) => ({ name: `Rep ${i}`, share: String(1 + (i % 7)) }));
  plan.teams[1].members = Array.from({ length: 4000 }, (_, i) => ({ name: `Marketer ${i}`, share: i % 3 ? '1.5' : '1' }));
  return plan;
}

/** A random valid plan: 1–5 goals, 1–4 teams, amounts to the cent. */
export function randomPlan(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const goals = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, i) => ({
    id: `g${i}`,
    name: `Goal ${i}`,
    target: String(1 + Math.floor(rand() * 999_999)),
    actual: amount(rand, 1_500_000, pick([0, 2])),
    ...(rand() < 0.2 ? { direction: 'lowerIsBetter' } : {}),
    ...(rand() < 0.5 ? { curve: pick(CURVES) } : {}),
  }));
  goals.forEach((g) => {
    if (rand() < 0.15) g.gate = { goal: pick(goals).id, min: amount(rand, 1.2, 2) };
  });
  const teams = Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, t) => {
    const weights = {};
    for (const g of goals) if (rand() < 0.7) weights[g.id] = amount(rand, 1, 2);
    const team = { id: `t${t}`, name: `Team ${t}`, targetIncentive: amount(rand, 250_000, 2), weights };
    if (rand() < 0.15) Object.assign(team, { method: 'blended', curve: pick(CURVES.slice(0, 2)) });
    if (rand() < 0.3) team.modifiers = [{ goal: pick(goals).id, curve: CURVES[3] }];
    if (rand() < 0.2) team.gate = { goal: pick(goals).id, min: amount(rand, 1, 2) };
    if (rand() < 0.4) team.cap = amount(rand, 3, 1);
    if (rand() < 0.5) {
      team.members = Array.from({ length: 1 + Math.floor(rand() * 6) }, (_, m) => ({
        name: `M${m}`,
        share: String(1 + Math.floor(rand() * 4)),
      }));
    }
    return team;
  });
  return { goals, teams, rounding: pick(['halfUp', 'halfUp', 'halfEven', 'down']) };
}

const ROUND_CURVES = [
  { points: [['0.5', '0'], ['1', '1']] },
  { points: [['0.9', '0.5'], ['1.2', '2']] },
  { points: [['0', '0'], ['1', '1'], ['1.5', '2']], beyond: 'extend' },
  { points: [['0.8', '0.5'], ['1', '1'], ['1.5', '2']] },
  { points: [['1', '1'], ['2', '2']] },
];

/**
 * A random plan with the round numbers real plans have: targets such as
 * 900,000, 1,200,000, 60 or 120, actuals to the thousand, target incentives
 * such as 45,000.00 and weights such as 0.3/0.7. Attainments such as 5/6 and
 * 7/6 are common, and so are exact half-cent ties: where cutting a value to
 * a fixed number of digits before rounding goes wrong.
 */
export function roundPlan(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const goals = Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, i) => {
    const [target, step] = pick([['900000', 1000], ['1200000', 1000], ['300000', 1000], ['700000', 1000], ['60', 1], ['120', 1], ['36', 1], ['7', 1]]);
    const actual = String(step * Math.floor((rand() * 1.5 * Number(target)) / step));
    return {
      id: `g${i}`,
      name: `Goal ${i}`,
      target,
      actual,
      ...(rand() < 0.2 ? { direction: 'lowerIsBetter' } : {}),
      ...(rand() < 0.4 ? { curve: pick(ROUND_CURVES) } : {}),
    };
  });
  goals.forEach((g) => {
    if (rand() < 0.15) g.gate = { goal: pick(goals).id, min: pick(['0.5', '0.8', '0.9', '1']) };
  });
  const teams = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, t) => {
    const weights = {};
    const split = pick([['1'], ['0.5', '0.5'], ['0.3', '0.7'], ['0.25', '0.75'], ['0.2', '0.3', '0.5'], ['0.6', '0.4']]);
    goals.forEach((g, i) => {
      if (i < split.length) weights[g.id] = split[i];
    });
    const targetIncentive = pick(['45000.00', '90000.00', '60000.00', '120000.00', '75000.00', '33333.33', '100.05', '1800.18']);
    const team = { id: `t${t}`, name: `Team ${t}`, targetIncentive, weights };
    if (rand() < 0.15) Object.assign(team, { method: 'blended', curve: pick(ROUND_CURVES) });
    if (rand() < 0.25) team.modifiers = [{ goal: pick(goals).id, curve: pick(ROUND_CURVES) }];
    if (rand() < 0.15) team.gate = { goal: pick(goals).id, min: pick(['0.5', '0.8']) };
    if (rand() < 0.3) team.cap = pick(['1', '1.5', '2']);
    if (rand() < 0.4) {
      team.members = Array.from({ length: 1 + Math.floor(rand() * 6) }, (_, m) => ({ name: `M${m}`, share: pick(['1', '2', '3']) }));
    }
    return team;
  });
  return { goals, teams, rounding: pick(['halfUp', 'halfEven', 'down']) };
}
