// The page's words for what a simulation found (MODEL.md, "Why the cost
// differs, and the plan's economics"): why the expected cost differs from
// the cost at the likely results, and what the practice check found. Every
// sentence is made from the core's numbers here, in one place: a cause is
// named only when its count is above 0, a difference within 2 standard
// errors is said to be sampling noise, a skew names the forecast goals whose
// mean is not their likely result. The CLI's text does the same in Rust
// (src/cli/text.rs); the tests feed both the same plans.
//
// Each sentence is one `t` text with holes (words.js), so that German can
// put its words in its own order; `f` is the element's format (format.js)
// with `money(v)` in the plan's currency: it writes the words and numbers.
import { phrase } from './words.js';

/** The name of goal `id` in `plan`, as the page shows it. */
const goalName = (f, plan, id) => {
  const i = plan.goals.findIndex((g) => g.id === id);
  return i < 0 ? id : plan.goals[i].name || f.t('Goal {n}', { n: i + 1 });
};

const isZero = (v) => /^-?0(\.0*)?$/.test(v);
const negative = (v) => v.startsWith('-');
const abs = (v) => (negative(v) ? v.slice(1) : v);

/** `items` as a list: "A, B, C" in English, the last two joined by "und" in German. */
const list = (f, items) => (items.length < 2 ? items.join('') : f.t('{list}, {last}', { list: items.slice(0, -1).join(', '), last: items.at(-1) }));

/**
 * Why the expected cost differs from the cost at the likely results:
 * `{ lead, reasons }`, a sentence and the parts it splits into.
 */
export function whyItDiffers(sim, plan, f) {
  // difference = mean − atLikely = skew + shape, exactly: the core's two parts.
  const { difference, skew, shape, noise: twoErrors, shapeIsNoise } = sim.gap;
  const costs = { mean: f.money(sim.total.stats.mean), difference: f.money(abs(difference)), likely: f.money(sim.atLikely.total) };
  const lead = isZero(difference)
    ? f.t('The expected cost is the cost at the likely results.')
    : negative(difference)
      ? f.t('The expected cost, {mean}, is {difference} less than at the likely results ({likely}). Why:', costs)
      : f.t('The expected cost, {mean}, is {difference} more than at the likely results ({likely}). Why:', costs);
  const reasons = [];
  if (!isZero(skew)) {
    const goals = sim.goals
      .filter((g) => g.skewed)
      .map((g) => f.t('{goal} (mean {mean}, likely {likely})', { goal: goalName(f, plan, g.id), mean: f.ratio(g.mean), likely: f.num(plan.forecast?.goals?.[g.id]?.likely ?? '') }));
    const said = { amount: f.money(abs(skew)), goals: list(f, goals), atMean: f.money(sim.atExpected.total) };
    reasons.push(negative(skew) ? f.t('{amount} less from the skewed forecast of {goals}: at the mean results the plan costs {atMean}.', said) : f.t('{amount} more from the skewed forecast of {goals}: at the mean results the plan costs {atMean}.', said));
  }
  if (!isZero(shape)) {
    // The subject of each sentence below: all of the difference, or what the skew leaves.
    const rest = { amount: f.money(abs(shape)) };
    const amount = isZero(skew) ? f.t('All of it') : negative(shape) ? f.t('The rest, {amount} less,', rest) : f.t('The rest, {amount} more,', rest);
    const causes = bindingReasons(sim, plan, f);
    const fell = f.t('Where the trials fell: {causes}.', { causes: causes.join('; ') });
    if (twoErrors === null) {
      reasons.push(causes.length ? f.t('{amount}: one trial cannot measure sampling noise. {fell}', { amount, fell }) : f.t('{amount}: one trial cannot tell sampling noise from what the curves do.', { amount }));
    } else {
      const noise = f.t('± 2 standard errors = ± {amount}', { amount: f.money(twoErrors) });
      if (shapeIsNoise) {
        reasons.push(f.t('{amount} is within sampling noise ({noise}): more trials would move it.', { amount, noise }));
      } else if (causes.length) {
        reasons.push(f.t('{amount} is beyond sampling noise ({noise}, a band chance alone leaves about 1 run in 20): caps, gates, thresholds, the curves’ bends and modifiers shape the average. {fell}', { amount, noise, fell }));
      } else {
        reasons.push(f.t('{amount} is beyond sampling noise ({noise}, a band chance alone leaves about 1 run in 20), yet no cap, gate or threshold bound and no curve was steep or past its end in any trial: it comes from modifiers, steps or rates that change at a point, or it is that 1 run in 20.', { amount, noise }));
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
  const curve = (goal, c) => {
    if (c.gateClosed !== undefined && !isZero(c.gateClosed)) reasons.push(f.t('{goal}’s gate stopped pay on it in {share} of trials', { goal, share: f.pct(c.gateClosed) }));
    if (!isZero(c.belowThreshold)) reasons.push(f.t('{goal} fell below its threshold (no pay on it) in {share} of trials', { goal, share: f.pct(c.belowThreshold) }));
    if (!isZero(c.accelerated)) reasons.push(f.t('{goal} was on a segment steeper than pro rata in {share} of trials', { goal, share: f.pct(c.accelerated) }));
    if (!isZero(c.beyondLast)) reasons.push(f.t('{goal} went above its curve’s last point (beyond it, pay stops rising) in {share} of trials', { goal, share: f.pct(c.beyondLast) }));
  };
  for (const team of sim.teams) {
    const b = team.binding;
    if (!isZero(b.capped)) reasons.push(f.t('the cap of {team} cut its pay in {share} of trials', { team: team.name, share: f.pct(b.capped) }));
    if (!isZero(b.ownGateClosed)) reasons.push(f.t('the team gate of {team} paid it nothing in {share} of trials', { team: team.name, share: f.pct(b.ownGateClosed) }));
    for (const [id, c] of Object.entries(b.goals)) {
      if (said.has(id)) continue;
      said.add(id);
      curve(goalName(f, plan, id), c);
    }
    if (b.blended) curve(f.t('the blended attainment of {team}', { team: team.name }), b.blended);
  }
  return reasons;
}

/** What a goal reaches too rarely (`below`) or too often (`above`), by the practice check's rule. */
const POINTS = {
  thresholdChance: {
    below: phrase('{goal} reaches its threshold ({at} attainment) in {share} of trials: harder than usual (practice: {low}–{high}).'),
    above: phrase('{goal} reaches its threshold ({at} attainment) in {share} of trials: easier than usual (practice: {low}–{high}).'),
  },
  targetChance: {
    below: phrase('{goal} reaches its target ({at} attainment) in {share} of trials: harder than usual (practice: {low}–{high}).'),
    above: phrase('{goal} reaches its target ({at} attainment) in {share} of trials: easier than usual (practice: {low}–{high}).'),
  },
  excellenceChance: {
    below: phrase('{goal} reaches its excellence point (the curve’s last point) ({at} attainment) in {share} of trials: harder than usual (practice: {low}–{high}).'),
    above: phrase('{goal} reaches its excellence point (the curve’s last point) ({at} attainment) in {share} of trials: easier than usual (practice: {low}–{high}).'),
  },
};

/** One finding of the practice check, in words, from its rule, path and value. */
export function findingText(finding, plan, f) {
  const { rule, value, band, side } = finding;
  const team = () => {
    const i = plan.teams.findIndex((x) => x.id === finding.team);
    return plan.teams[i]?.name || f.t('Team {n}', { n: i + 1 });
  };
  const goal = () => goalName(f, plan, finding.goal);
  switch (rule) {
    case 'leverageLow':
    case 'leverageHigh': {
      const said = { team: team(), leverage: f.ratio(value), low: f.ratio(band[0]), high: f.ratio(band[1]) };
      return side === 'below'
        ? f.t('{team}: a good year (P90) pays {leverage}× target incentive, under the {low}–{high}× practice expects.', said)
        : f.t('{team}: a good year (P90) pays {leverage}× target incentive, over the {low}–{high}× practice expects.', said);
    }
    case 'capBelowTwice':
      return f.t('{team}: the cap is {cap}× target incentive; practice caps no lower than 2×, so that a great year still pays more than a good one.', { team: team(), cap: f.ratio(value) });
    case 'cliff': {
      const where = finding.team && finding.goal ? f.t('The modifier of {team} on {goal}', { team: team(), goal: goal() }) : finding.team ? f.t('The blended curve of {team}', { team: team() }) : goal();
      return f.t('{where}: a cliff. The curve pays nothing below {at} attainment and {value} of target at it, so a small miss there costs that much pay.', { where, at: f.pct(finding.at), value: f.pct(value) });
    }
    default:
      return f.t(POINTS[rule][side === 'below' ? 'below' : 'above'], { goal: goal(), at: f.pct(finding.at), share: f.pct(value), low: f.pct(band[0]), high: f.pct(band[1]) });
  }
}
