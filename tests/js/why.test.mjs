// The page's words for why the cost differs and what practice finds
// (www/why.js), fed the same plans as the CLI's sentence tests
// (tests/cli.rs): a cap that binds, an accelerator reached in a tenth of
// trials, a skewed and a symmetric forecast, a noise-only difference. Every
// sentence is checked against the core's numbers, in English; in German the
// same sentences are checked to say none of those English words and the
// same numbers. Plain Node, no browser.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as core from '../../www/pkg/full/tandem.js';
import { bindingReasons, findingText, whyItDiffers } from '../../www/why.js';
import { loadWords, wordsOf } from '../../www/words.js';

core.initSync({ module: readFileSync(new URL('../../www/pkg/full/tandem_bg.wasm', import.meta.url)) });
const example = (name) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));

/** How the page writes in `locale`: its words, and its numbers (format.js) in US dollars. */
const formats = (locale) => ({
  ...wordsOf(locale),
  money: (v) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(v),
  pct: (v) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2, roundingMode: 'halfEven' }).format(v),
  ratio: (v) => new Intl.NumberFormat(locale, { maximumFractionDigits: 4, roundingMode: 'halfEven' }).format(v),
  num: (v) => new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(v),
});
const f = formats('en-US');

/** One team on "New ARR" (target 100) with `curve`, `cap` and a triangular forecast. */
function plan(curve, cap, [low, likely, high]) {
  const team = { id: 'sales', name: 'Sales', targetIncentive: '1000.00', weights: { revenue: '1' } };
  if (cap) team.cap = cap;
  return { version: 1, goals: [{ id: 'revenue', name: 'New ARR', target: '100', actual: '100', curve }], teams: [team], forecast: { goals: { revenue: { low, likely, high } } } };
}
const PRO_RATA = { points: [['0', '0'], ['1', '1']], beyond: 'extend' };
const CAUSES = ['cut its pay', 'gate', 'threshold', 'steeper', 'last point'];
/** The causes named where the words say where the trials fell. */
const named = (reasons) => CAUSES.filter((c) => reasons.map((r) => r.split('Where the trials fell: ')[1] ?? '').join(' ').includes(c));

test('a cap that binds in about a third of trials is the only cause named, with its share', () => {
  const p = plan(PRO_RATA, '1.05', ['70', '100', '130']);
  const sim = core.simulate(p);
  // Over 105 in (130 − 105)² / (60 × 30) = 34.7 % of trials, as tests/cli.rs finds.
  const share = Number(sim.teams[0].binding.capped);
  assert.ok(share > 0.32 && share < 0.37, String(share));
  const { lead, reasons } = whyItDiffers(sim, p, f);
  const difference = (Number(sim.atLikely.total) - Number(sim.total.stats.mean)).toFixed(2);
  assert.equal(lead, `The expected cost, ${f.money(sim.total.stats.mean)}, is ${f.money(difference)} less than at the likely results (${f.money(sim.atLikely.total)}). Why:`);
  assert.equal(sim.gap.shapeIsNoise, false);
  assert.equal(reasons.length, 1, 'symmetric: no skew');
  assert.equal(named(reasons).join(), 'cut its pay');
  assert.ok(reasons[0].startsWith('All of it is beyond sampling noise'), reasons[0]);
  assert.ok(reasons[0].endsWith(`Where the trials fell: the cap of Sales cut its pay in ${f.pct(sim.teams[0].binding.capped)} of trials.`), reasons[0]);
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
    'The blended curve of Customer success: a cliff. The curve pays nothing below 80% attainment and 50% of target at it, so a small miss there costs that much pay.',
  ]);
});

/** A curve paying a quarter of target at `threshold`, target at 1 and twice target at `last`: no cliff. */
const POINTED = (threshold, last) => ({ points: [[threshold, '0.25'], ['1', '1'], [last, '2']], beyond: 'cap' });
/** MODEL.md's fixed bands for a forecast goal's chances, inclusive, and where the simulation counts each. */
const BANDS = {
  thresholdChance: { band: ['0.85', '0.95'], chance: 'pThreshold', point: 'its threshold' },
  targetChance: { band: ['0.6', '0.7'], chance: 'pTarget', point: 'its target' },
  excellenceChance: { band: ['0.05', '0.15'], chance: 'pExcellence', point: 'its excellence point (the curve’s last point)' },
};
/** The plans of the chance test: forecast goals whose chances fall below, above and inside the bands. */
const CHANCE_PLANS = {
  // 70 / 100 / 130: 50 always reached, the target in half of trials, 150 never.
  lowTarget: plan(POINTED('0.5', '1.5'), null, ['70', '100', '130']),
  // The same forecast, the threshold at 95: reached in 1 − 25² / (60 × 30) = 65.3 % of trials.
  highThreshold: plan(POINTED('0.95', '1.5'), null, ['70', '100', '130']),
  // 90 / 120 / 150: the target in 1 − 10² / (60 × 30) = 94.4 %, 120 in half.
  easyTarget: plan(POINTED('0.5', '1.2'), null, ['90', '120', '150']),
  // 80 / 105 / 130: 90 in 92 %, the target in 68 %, 120 in 8 %: inside every band.
  usual: plan(POINTED('0.9', '1.2'), null, ['80', '105', '130']),
};
const isChance = (finding) => finding.rule in BANDS;

test('a goal’s chances are judged by the fixed bands (threshold 85–95 %, target 60–70 %, excellence 5–15 %): below is harder, above easier, inside says nothing', () => {
  const judged = {};
  for (const [name, p] of Object.entries(CHANCE_PLANS)) {
    const sim = core.simulate(p);
    const found = sim.findings.filter(isChance);
    judged[name] = Object.fromEntries(found.map((x) => [x.rule, x.side]));
    for (const x of found) {
      const { band, chance, point } = BANDS[x.rule];
      assert.deepEqual(x.band, band, x.rule);
      assert.equal(x.value, sim.goals[0][chance], x.rule);
      assert.equal(x.side, Number(x.value) < Number(band[0]) ? 'below' : 'above', `${x.rule} ${x.value}`);
      assert.ok(Number(x.value) < Number(band[0]) || Number(x.value) > Number(band[1]), `${x.rule} ${x.value} is outside its band`);
      const how = x.side === 'below' ? 'harder' : 'easier';
      assert.equal(findingText(x, p, f), `New ARR reaches ${point} (${f.pct(x.at)} attainment) in ${f.pct(x.value)} of trials: ${how} than usual (practice: ${f.pct(band[0])}–${f.pct(band[1])}).`);
    }
    if (name === 'usual') {
      for (const { band, chance } of Object.values(BANDS)) {
        const value = Number(sim.goals[0][chance]);
        assert.ok(value >= Number(band[0]) && value <= Number(band[1]), `${chance} ${value}`);
      }
    }
  }
  assert.deepEqual(judged, {
    lowTarget: { thresholdChance: 'above', targetChance: 'below', excellenceChance: 'below' },
    highThreshold: { thresholdChance: 'below', targetChance: 'below', excellenceChance: 'below' },
    easyTarget: { thresholdChance: 'above', targetChance: 'above', excellenceChance: 'above' },
    usual: {},
  });
  // Two sentences as a reader sees them.
  const [threshold] = core.simulate(CHANCE_PLANS.highThreshold).findings.filter(isChance);
  assert.equal(findingText(threshold, CHANCE_PLANS.highThreshold, f), 'New ARR reaches its threshold (95% attainment) in 65.29% of trials: harder than usual (practice: 85%–95%).');
  const excellence = core.simulate(CHANCE_PLANS.easyTarget).findings.find((x) => x.rule === 'excellenceChance');
  assert.equal(findingText(excellence, CHANCE_PLANS.easyTarget, f), 'New ARR reaches its excellence point (the curve’s last point) (120% attainment) in 50.45% of trials: easier than usual (practice: 5%–15%).');
});

/** Pro rata without end, New ARR from 100 to 500 (likely 300): a good year is at about 410 % of target. */
const HIGH_LEVERAGE = plan(PRO_RATA, null, ['100', '300', '500']);

test('a plan whose good year (P90) pays over 3× target incentive is said to pay over what practice expects', () => {
  const sim = core.simulate(HIGH_LEVERAGE);
  // P90 of the triangle: 500 − √(0.1 × 400 × 200) = 410.6 % of target.
  assert.ok(Number(sim.teams[0].leverage) > 4 && Number(sim.teams[0].leverage) < 4.2, sim.teams[0].leverage);
  const found = sim.findings.filter((x) => x.rule.startsWith('leverage'));
  assert.deepEqual(found.map((x) => [x.rule, x.side, x.value, x.band]), [['leverageHigh', 'above', sim.teams[0].leverage, ['2', '3']]]);
  assert.equal(findingText(found[0], HIGH_LEVERAGE, f), `Sales: a good year (P90) pays ${f.ratio(sim.teams[0].leverage)}× target incentive, over the 2–3× practice expects.`);
  assert.equal(findingText(found[0], HIGH_LEVERAGE, f), 'Sales: a good year (P90) pays 4.1157× target incentive, over the 2–3× practice expects.');
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
  assert.ok(!causes.some((c) => c.startsWith('the team gate of Sales')), causes.join('\n'));
  const marketing = sim.teams[1].binding.ownGateClosed;
  assert.notEqual(marketing, '0', 'New ARR under 75 % in some trials');
  assert.ok(causes.includes(`the team gate of Marketing paid it nothing in ${f.pct(marketing)} of trials`), causes.join('\n'));
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

/** Every sentence why.js writes for the plans above: the why, its causes and the findings. */
function sentences(f) {
  const out = [];
  const why = (p) => {
    const { lead, reasons } = whyItDiffers(core.simulate(p), p, f);
    out.push(lead, ...reasons);
  };
  why(plan(PRO_RATA, '1.05', ['70', '100', '130']));
  why(plan({ points: [['0', '0'], ['1.16', '1.16'], ['2', '3']], beyond: 'cap' }, null, ['70', '100', '130']));
  why(plan(PRO_RATA, '1.05', ['70', '90', '130']));
  const noisy = example('shared-revenue');
  why(noisy);
  const modified = example('shared-revenue');
  modified.teams[0].modifiers = [{ goal: 'revenue', curve: { points: [['0', '0.9'], ['1', '1'], ['1.2', '1.1']] } }];
  modified.forecast.trials = 100000;
  why(modified);
  const once = plan(PRO_RATA, '1.05', ['70', '100', '130']);
  once.forecast.trials = 1;
  once.forecast.seed = 3;
  why(once);
  const leverage = example('leverage');
  out.push(...core.simulate(leverage).findings.map((x) => findingText(x, leverage, f)));
  for (const p of [...Object.values(CHANCE_PLANS), HIGH_LEVERAGE]) out.push(...core.simulate(p).findings.map((x) => findingText(x, p, f)));
  const gated = example('gates-modifiers');
  out.push(...core.check(gated).findings.map((x) => findingText(x, gated, f)));
  gated.forecast = { goals: Object.fromEntries(gated.goals.map((g) => [g.id, { low: String(Number(g.target) * 0.7), likely: g.target, high: String(Number(g.target) * 1.3) }])), trials: 2000 };
  out.push(...bindingReasons(core.simulate(gated), gated, f));
  return out;
}

/** The numbers in `text` as `locale` writes them (grouping and decimal signs its own), as values. */
function numbers(text, locale) {
  const [group, decimal] = locale === 'de-DE' ? ['.', ','] : [',', '.'];
  const escape = (c) => `\\${c}`;
  const pattern = new RegExp(`-?[\\d${escape(group)}]*\\d(?:${escape(decimal)}\\d+)?`, 'g');
  return (text.match(pattern) ?? []).map((n) => Number(n.split(group).join('').replace(decimal, '.'))).sort((a, b) => a - b);
}

test('in German the same sentences say none of the English words, and the same numbers written the German way', async () => {
  const english = sentences(f);
  await loadWords('de-DE');
  const german = sentences(formats('de-DE'));
    assert.equal(german.length, english.length);
  assert.ok(english.length > 15, String(english.length));
  // The English words the tests above look for; plan names (New ARR, Sales, Logo churn) stay.
  const words = /\b(why|less|more|than|mean|likely|all of it|rest|skew\w*|sampling|noise|trials?|run|cap|gate|threshold|steeper|pro rata|standard errors?|good year|target|incentive|practice|cliff|attainment|blended|last point|modifiers?|curves?|harder|easier|usual)\b/i;
  german.forEach((text, i) => {
    assert.doesNotMatch(text, words, `${english[i]}\n${text}`);
    assert.deepEqual(numbers(text, 'de-DE'), numbers(english[i], 'en-US'), `${english[i]}\n${text}`);
  });
});
