// The page's words for why the cost differs and what practice finds
// (www/why.js), fed the same plans as the CLI's sentence tests
// (tests/cli.rs): a cap that binds, an accelerator reached in a tenth of
// trials, a skewed and a symmetric forecast, a noise-only difference. Every
// sentence is checked against the core's numbers. Plain Node, no browser.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as core from '../../www/pkg/full/tandem.js';
import { findingText, whyItDiffers } from '../../www/why.js';

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
const CAUSES = ['cap', 'gate', 'threshold', 'accelerator', 'last point'];
const named = (reasons) => CAUSES.filter((c) => reasons.join(' ').includes(c));

test('a cap that binds in about a third of trials is the only cause named, with its share', () => {
  const p = plan(PRO_RATA, '1.05', ['70', '100', '130']);
  const sim = core.simulate(p);
  const { lead, reasons } = whyItDiffers(sim, p, f);
  assert.equal(lead, `Expected cost ${f.money(sim.total.stats.mean)} against ${f.money(sim.atLikely.total)} at the likely results. Why:`);
  assert.equal(sim.gap.shapeIsNoise, false);
  assert.equal(reasons.length, 1, 'symmetric: no skew');
  assert.equal(named(reasons).join(), 'cap');
  assert.match(reasons[0], new RegExp(`less is what the curves do where the trials fell .*: Sales’s cap cut its pay in ${f.pct(sim.teams[0].binding.capped).replace('.', '\\.')} of trials\\.$`));
});

test('an accelerator reached in about a tenth of trials is named, and nothing else', () => {
  const p = plan({ points: [['0', '0'], ['1.16', '1.16'], ['2', '3']], beyond: 'cap' }, null, ['70', '100', '130']);
  const sim = core.simulate(p);
  const share = Number(sim.teams[0].binding.goals.revenue.accelerated);
  assert.ok(share > 0.09 && share < 0.12, String(share));
  const { reasons } = whyItDiffers(sim, p, f);
  assert.equal(named(reasons).join(), 'accelerator');
  assert.ok(reasons[0].includes(`more is what the curves do`), reasons[0]);
  assert.ok(reasons[0].endsWith(`New ARR was on an accelerator in ${f.pct(sim.teams[0].binding.goals.revenue.accelerated)} of trials.`), reasons[0]);
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
    'New ARR: a cliff. The curve pays nothing below a point and 50% of target at it, so a small miss there costs that much pay.',
    'Logo churn (%): a cliff. The curve pays nothing below a point and 50% of target at it, so a small miss there costs that much pay.',
    'Customer success’s blended curve: a cliff. The curve pays nothing below a point and 50% of target at it, so a small miss there costs that much pay.',
  ]);
});
