// The page's words for what a simulation found (MODEL.md, "Why the cost
// differs, and the plan's economics"): why the expected cost differs from
// the cost at the likely results, and what the practice check found. Every
// sentence is made from the core's numbers here, in one place: a cause is
// named only when its count is above 0, a difference within 2 standard
// errors is said to be sampling noise, a skew names the forecast goals whose
// mean is not their likely result. The CLI's text does the same in Rust
// (src/cli/text.rs); the tests feed both the same plans.
//
// `f` formats: `money(v)`, `pct(fraction)`, `ratio(v)` ("1.12"), `num(v)`.
import { sum } from './decimal.js';

/** The name of goal `id` in `plan`, as the page shows it. */
const goalName = (plan, id) => {
  const i = plan.goals.findIndex((g) => g.id === id);
  return i < 0 ? id : plan.goals[i].name || `Goal ${i + 1}`;
};

const isZero = (v) => /^-?0(\.0*)?$/.test(v);
const negative = (v) => v.startsWith('-');
const abs = (v) => (negative(v) ? v.slice(1) : v);
const moreOrLess = (v) => (negative(v) ? 'less' : 'more');

/**
 * Why the expected cost differs from the cost at the likely results:
 * `{ lead, reasons }`, a sentence and the parts it splits into.
 */
export function whyItDiffers(sim, plan, f) {
  const { skew, shape, standardError, shapeIsNoise } = sim.gap;
  // mean − atLikely = skew + shape, exactly: the core's two parts.
  // mean − atLikely = skew + shape, exactly.
  const difference = sum([sim.total.stats.mean, `-${sim.atLikely.total}`]);
  const lead = isZero(difference)
    ? 'The expected cost is the cost at the likely results.'
    : `The expected cost, ${f.money(sim.total.stats.mean)}, is ${f.money(abs(difference))} ${moreOrLess(difference)} than at the likely results (${f.money(sim.atLikely.total)}). Why:`;
  const reasons = [];
  if (!isZero(skew)) {
    const goals = sim.goals
      .filter((g) => g.skewed)
      .map((g) => `${goalName(plan, g.id)} (mean ${f.num(g.mean)}, likely ${f.num(plan.forecast?.goals?.[g.id]?.likely ?? '')})`);
    reasons.push(`${f.money(abs(skew))} ${moreOrLess(skew)} from the skewed forecast of ${goals.join(', ')}: at the mean results the plan costs ${f.money(sim.atExpected.total)}.`);
  }
  if (!isZero(shape)) {
    const amount = isZero(skew) ? 'All of it' : `The rest, ${f.money(abs(shape))} ${moreOrLess(shape)},`;
    const causes = bindingReasons(sim, plan, f);
    const fell = `Where the trials fell: ${causes.join('; ')}.`;
    if (standardError === null) {
      reasons.push(causes.length ? `${amount}: one trial cannot measure sampling noise. ${fell}` : `${amount}: one trial cannot tell sampling noise from what the curves do.`);
    } else {
      const noise = `± 2 standard errors = ± ${f.money(sum([standardError, standardError]))}`;
      if (shapeIsNoise) {
        reasons.push(`${amount} is within sampling noise (${noise}): more trials would move it.`);
      } else if (causes.length) {
        reasons.push(`${amount} is beyond sampling noise (${noise}; chance alone strays this far about 1 run in 20): caps, gates, thresholds, the curves’ bends and modifiers shape the average. ${fell}`);
      } else {
        reasons.push(`${amount} is beyond sampling noise (${noise}; chance alone strays this far about 1 run in 20), yet no cap, gate or threshold bound and no curve was steep or past its end in any trial: it comes from modifiers, steps or rates that change at a point, or it is that 1 run in 20.`);
      }
    }
  }
  return { lead, reasons };
}

/**
 * What bound pay in some trial, from the counts: each team's cap and gates,
 * each goal's threshold, accelerator and last point (a goal weighted by
 * several teams is named once).
 */
export function bindingReasons(sim, plan, f) {
  const reasons = [];
  const said = new Set();
  const curve = (name, c) => {
    if (c.gateClosed !== undefined && !isZero(c.gateClosed)) reasons.push(`${name}’s gate stopped pay on it in ${f.pct(c.gateClosed)} of trials`);
    if (!isZero(c.belowThreshold)) reasons.push(`${name} fell below its threshold (no pay on it) in ${f.pct(c.belowThreshold)} of trials`);
    if (!isZero(c.accelerated)) reasons.push(`${name} was on a segment steeper than pro rata in ${f.pct(c.accelerated)} of trials`);
    if (!isZero(c.beyondLast)) reasons.push(`${name} passed its curve’s last point, where its pay stops rising, in ${f.pct(c.beyondLast)} of trials`);
  };
  for (const team of sim.teams) {
    const b = team.binding;
    if (!isZero(b.capped)) reasons.push(`${team.name}’s cap cut its pay in ${f.pct(b.capped)} of trials`);
    if (!isZero(b.ownGateClosed)) reasons.push(`${team.name}’s own gate paid it nothing in ${f.pct(b.ownGateClosed)} of trials`);
    for (const [id, c] of Object.entries(b.goals)) {
      if (said.has(id)) continue;
      said.add(id);
      curve(goalName(plan, id), c);
    }
    if (b.blended) curve(`${team.name}’s blended attainment`, b.blended);
  }
  return reasons;
}

const POINTS = { thresholdChance: 'threshold', targetChance: 'target', excellenceChance: 'excellence point (the curve’s last point)' };

/** One finding of the practice check, in words, from its rule, path and value. */
export function findingText(finding, plan, f) {
  const { rule, value, band, side } = finding;
  const team = () => {
    const i = plan.teams.findIndex((t) => t.id === finding.team);
    return plan.teams[i]?.name || `Team ${i + 1}`;
  };
  const goal = () => goalName(plan, finding.goal);
  switch (rule) {
    case 'leverageLow':
    case 'leverageHigh':
      return `${team()}: a good year (P90) pays ${f.ratio(value)}× target incentive, ${side === 'below' ? 'under' : 'over'} the ${f.ratio(band[0])}–${f.ratio(band[1])}× practice expects.`;
    case 'capBelowTwice':
      return `${team()}: the cap is ${f.ratio(value)}× target incentive; practice caps no lower than 2×, so that a great year still pays more than a good one.`;
    case 'cliff': {
      const where = finding.team && finding.goal ? `${team()}’s modifier on ${goal()}` : finding.team ? `${team()}’s blended curve` : goal();
      return `${where}: a cliff. The curve pays nothing below ${f.pct(finding.at)} attainment and ${f.pct(value)} of target at it, so a small miss there costs that much pay.`;
    }
    default: {
      const judgement = side === 'below' ? 'harder than usual' : 'easier than usual';
      return `${goal()} reaches its ${POINTS[rule]} (${f.pct(finding.at)} attainment) in ${f.pct(value)} of trials: ${judgement} (practice: ${f.pct(band[0])}–${f.pct(band[1])}).`;
    }
  }
}
