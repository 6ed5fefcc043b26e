// The page's words for why the cost differs and what practice finds
// (www/why.js), fed the same plans as the CLI's sentence tests
// (tests/cli.rs): a cap that binds, an accelerator reached in a tenth of
// trials, a skewed and a symmetric forecast, a noise-only difference. Every
// sentence is checked against the core's numbers. Plain Node, no browser.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as core from '../../www/pkg/full/tandem.js';
import { bindingReasons, findingText, whyItDiffers } from '../../www/why.js';

core.initSync({ module: readFileSync(new URL('../../www/pkg/full/tandem_bg.wasm', import.meta.url)) });
const example = (name) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const f = {
  money: (v) => usd.format(v),
  pct: (v) => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2, roundingMode: 'halfEven' }).format(v),
  ratio: (v) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 4, roundingMode: 'halfEven' }).format(v),
  num: (v) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 }).format(v),
};

/** One team on "New ARR" (target 100) with `curve`, `cap` and a triangular forecast. */
function plan(curve, cap, [low, likely, high]) {
  const team = { id: 'sales', name: 'Sales', targetIncentive: '1000.00', weights: { revenue: '1' } };
  if (cap) team.cap = cap;
  return { version: 1, goals: [{ id: 'revenue', name: 'New ARR', target: '100', actual: '100', curve }], teams: [team], forecast: { goals: { revenue: { low, likely, high } } } };
}
const PRO_RATA = { points: [['0', '0'], ['1', '1']], beyond: 'extend' };
const CAUSES = ['cap cut', 'gate', 'threshold', 'steeper', 'last point'];
/** The causes named where the words say where the trials fell. */
const named = (reasons) => CAUSES.filter((c) => reasons.map((r) => r.split('Where the trials fell: ')[1] ?? '').join(' ').includes(c));

test('a cap that binds in about a third of trials is the only cause named, with its share', () => {
  const p = plan(PRO_RATA, '1.05', ['70', '100', '130']);
  const sim = core.simulate(p);
  const { lead, reasons } = whyItDiffers(sim, p, f);
  const difference = (Number(sim.atLikely.total) - Number(sim.total.stats.mean)).toFixed(2);
  assert.equal(lead, `The expected cost, ${f.money(sim.total.stats.mean)}, is ${f.money(difference)} less than at the likely results (${f.money(sim.atLikely.total)}). Why:`);
  assert.equal(sim.gap.shapeIsNoise, false);
  assert.equal(reasons.length, 1, 'symmetric: no skew');
  assert.equal(named(reasons).join(), 'cap cut');
  assert.ok(reasons[0].startsWith('All of it is beyond sampling noise'), reasons[0]);
  assert.ok(reasons[0].endsWith(`Where the trials fell: Sales’s cap cut its pay in ${f.pct(sim.teams[0].binding.capped)} of trials.`), reasons[0]);
});

test('an accelerator reached in about a tenth of trials is named, and nothing else', () => {
  const p = plan({ points: [['0', '0'], ['1.16', '1.16'], ['2', '3']], beyond: 'cap' }, null, ['70', '100', '130']);
  const sim = core.simulate(p);
  const share = Number(sim.teams[0].binding.goals.revenue.accelerated);
  assert.ok(share > 0.09 && share < 0.12, String(share));
  const { reasons } = whyItDiffers(sim, p, f);
  assert.equal(named(reasons).join(), 'steeper');
  assert.ok(reasons[0].endsWith(`Where the trials fell: New ARR was on a segment steeper than pro rata in ${f.pct(sim.teams[0].binding.goals.revenue.accelerated)} of trials.`), reasons[0]);
  assert.ok(whyItDiffers(sim, p, f).lead.includes('Why:'));
});

test('a skewed forecast names its goal, its mean and its likely result; a symmetric one does not', () => {
  const skewed = plan(PRO_RATA, '1.05', ['70', '90', '130']);
  const sim = core.simulate(skewed);
  const { reasons } = whyItDiffers(sim, skewed, f);
  // 70 / 90 / 130: mean 96.67; pay 966.70 at it, 900.00 at 90.
  assert.equal(reasons[0], '$66.70 more from the skewed forecast of New ARR (mean 96.67, likely 90): at the mean results the plan costs $966.70.');
  const symmetric = plan(PRO_RATA, '1.05', ['70', '100', '130']);
  assert.ok(!whyItDiffers(core.simulate(symmetric), symmetric, f).reasons.join(' ').includes('skew'));
});

test('a noise-only difference is called noise and claims no cause, at 10,000 and 100,000 trials', () => {
  for (const trials of [10000, 100000]) {
    const p = example('shared-revenue');
    p.forecast.trials = trials;
    const sim = core.simulate(p);
    const { reasons } = whyItDiffers(sim, p, f);
    assert.equal(sim.gap.shapeIsNoise, true);
    assert.equal(reasons.length, 1);
    const twice = f.money((Number(sim.gap.standardError) * 2).toFixed(2));
    assert.match(reasons[0], new RegExp(`is within sampling noise \\(± 2 standard errors = ± ${twice.replace('$', '\\$').replace('.', '\\.')}\\)`));
    assert.deepEqual(named(reasons), []);
  }
});

test('each finding reads from its rule, value and band, naming its team or goal', () => {
  const p = example('leverage');
  const sim = core.simulate(p);
  assert.deepEqual(sim.findings.map((x) => findingText(x, p, f)), [`Account executive: a good year (P90) pays ${f.ratio(sim.teams[0].leverage)}× target incentive, under the 2–3× practice expects.`]);
  const cliff = example('gates-modifiers');
  const found = core.check(cliff).findings.map((x) => findingText(x, cliff, f));
  assert.deepEqual(found, [
    'Sales: the cap is 1× target incentive; practice caps no lower than 2×, so that a great year still pays more than a good one.',
    'Marketing: the cap is 1.2× target incentive; practice caps no lower than 2×, so that a great year still pays more than a good one.',
    'New ARR: a cliff. The curve pays nothing below 80% attainment and 50% of target at it, so a small miss there costs that much pay.',
    'Logo churn (%): a cliff. The curve pays nothing below 90% attainment and 50% of target at it, so a small miss there costs that much pay.',
    'Customer success’s blended curve: a cliff. The curve pays nothing below 80% attainment and 50% of target at it, so a small miss there costs that much pay.',
  ]);
});

test('a goal’s gate is said to stop pay on that goal, a team’s own gate to pay the team nothing', () => {
  const p = example('gates-modifiers');
  p.forecast = { goals: Object.fromEntries(p.goals.map((g) => [g.id, { low: String(Number(g.target) * 0.7), likely: g.target, high: String(Number(g.target) * 1.3) }])), trials: 2000 };
  const sim = core.simulate(p);
  const causes = bindingReasons(sim, p, f);
  const churn = sim.teams[0].binding.goals.churn.gateClosed;
  assert.notEqual(churn, '0');
  assert.ok(causes.includes(`Logo churn (%)’s gate stopped pay on it in ${f.pct(churn)} of trials`), causes.join('\n'));
  // Sales has no gate of its own: nothing says a gate paid Sales nothing.
  assert.equal(sim.teams[0].binding.ownGateClosed, '0');
  assert.ok(!causes.some((c) => c.startsWith('Sales’s own gate')), causes.join('\n'));
  const marketing = sim.teams[1].binding.ownGateClosed;
  assert.notEqual(marketing, '0', 'New ARR under 75 % in some trials');
  assert.ok(causes.includes(`Marketing’s own gate paid it nothing in ${f.pct(marketing)} of trials`), causes.join('\n'));
});

test('a difference from a modifier alone, beyond noise, blames no cap or gate and does not promise that more trials will tell', () => {
  const p = example('shared-revenue');
  p.teams[0].modifiers = [{ goal: 'revenue', curve: { points: [['0', '0.9'], ['1', '1'], ['1.2', '1.1']] } }];
  p.forecast.trials = 100000;
  const sim = core.simulate(p);
  assert.equal(sim.gap.shapeIsNoise, false);
  const { reasons } = whyItDiffers(sim, p, f);
  assert.deepEqual(named(reasons), []);
  assert.match(reasons[0], /yet no cap, gate or threshold bound and no curve was steep or past its end in any trial: it comes from modifiers, steps or rates that change at a point, or it is that 1 run in 20\.$/);
  assert.doesNotMatch(reasons.join(' '), /more trials will tell/);
});

test('one trial cannot measure noise, and says so', () => {
  const p = plan(PRO_RATA, '1.05', ['70', '100', '130']);
  p.forecast.trials = 1;
  p.forecast.seed = 3;
  const sim = core.simulate(p);
  assert.equal(sim.gap.standardError, null);
  const { reasons } = whyItDiffers(sim, p, f);
  assert.notEqual(sim.gap.shape, '0.00', 'one draw is not the mean');
  assert.equal(reasons.length, 1);
  assert.match(reasons[0], /^All of it: one trial cannot (measure sampling noise|tell sampling noise from what the curves do)/);
});
