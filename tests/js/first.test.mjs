// The first result's module (www/pkg/first, src/first.rs) against the
// page's own: for every example plan, and for random plans whose payouts
// cross every curve, in English and in German, its answer is the one the
// page's `Calculator` gives once it has opened the plan, to the last key,
// but for the plan's facts, which the first result does not draw;
// for a plan with errors it has none (the page's module says them). And the
// store the element draws its first result from (`early`) holds what it
// holds once the `Calculator` has opened the same plan (`replace`).
// Plain Node, no browser.
import assert from 'node:assert/strict';
import { adopt } from '../../www/engine.js';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import * as first from '../../www/pkg/first/tandem.js';
import * as core from '../../www/pkg/tandem.js';
import { Store } from '../../www/store.js';
import { formatOf } from '../../www/format.js';

first.initSync({ module: readFileSync(new URL('../../www/pkg/first/tandem_bg.wasm', import.meta.url)) });
core.initSync({ module: readFileSync(new URL('../../www/pkg/tandem_bg.wasm', import.meta.url)) });
// The page's module, as the element keeps it once loaded (engine.js).
adopt(core);

const folder = new URL('../../examples/', import.meta.url);
/** Every example plan (a scenario file's plans too), by name. */
const examples = readdirSync(folder)
  .filter((file) => file.endsWith('.json'))
  .flatMap((file) => {
    const json = JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
    return json.scenarios ? json.scenarios.map((s, i) => [`${file} #${i + 1}`, s.plan]) : [[file, json]];
  });

/** What the page's `Calculator` answers for `plan` once it has opened it, as the first pass asks (no chart, the workings). */
function calculators(plan) {
  const calculator = new core.Calculator();
  calculator.open({ active: 0, scenarios: [{ name: 'Scenario 1', plan }] });
  const answer = calculator.evaluate({ workings: true });
  calculator.free();
  return answer;
}

/** A seeded random plan: two goals that both teams weight, rising and falling curves, caps now and then. */
function randomPlan(seed) {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const amount = (most) => (Math.floor(next() * most * 100) / 100).toFixed(2);
  // Rising, with a floor and an accelerator, or falling past target.
  const curve = () => {
    const floor = (Math.floor(next() * 9) / 10).toFixed(1);
    const top = (1.1 + Math.floor(next() * 9) / 10).toFixed(1);
    const end = next() < 0.2 ? '0.8' : (1 + Math.floor(next() * 20) / 10).toFixed(1);
    return { points: [[floor, '0'], ['1', '1'], [top, end]], beyond: next() < 0.5 ? 'cap' : 'extend' };
  };
  const goals = ['revenue', 'pipeline'].map((id) => ({ id, name: id, target: amount(2_000_000), actual: amount(2_600_000), curve: curve() }));
  const weight = () => String(Math.floor(next() * 10) / 10);
  const teams = ['sales', 'marketing'].map((id) => ({
    id,
    name: id,
    targetIncentive: amount(100_000),
    weights: { revenue: weight(), pipeline: weight() },
    ...(next() < 0.3 ? { cap: String(1 + Math.floor(next() * 10) / 10) } : {}),
  }));
  return { version: 1, currency: 'USD', revenueGoal: 'revenue', goals, teams };
}

for (const tag of ['en', 'de']) {
  test(`in ${tag === 'en' ? 'English' : 'German'}: the first result's answer for every example plan and 200 random ones is the Calculator's`, () => {
    core.setLanguage(tag);
    first.setLanguage(tag);
    let compared = 0;
    for (const [name, plan] of [...examples, ...Array.from({ length: 200 }, (_, i) => [`random ${i}`, randomPlan(i + 1)])]) {
      const expected = calculators(plan);
      if (expected.result.errors) {
        assert.equal(first.firstAnswer(plan), null, name);
        continue;
      }
      const { facts, ...drawn } = expected;
      assert.ok(facts, name);
      assert.deepEqual(first.firstAnswer(plan), drawn, name);
      compared += 1;
    }
    // Every example, and most random plans, calculate.
    assert.ok(compared > examples.length + 100, `${compared} compared`);
  });
}

test('a plan with errors, or a value JSON cannot carry, has no first answer: the page’s module says why', () => {
  const [, plan] = examples.find(([name]) => name === 'shared-revenue.json');
  assert.notEqual(first.firstAnswer(plan), null);
  assert.equal(first.firstAnswer({ ...plan, goals: [{ ...plan.goals[0], target: '' }, ...plan.goals.slice(1)] }), null);
  assert.equal(first.firstAnswer({ ...plan, currency: 10n }), null);
  assert.equal(first.firstAnswer(undefined), null);
  assert.equal(first.maxScenarios(), core.maxScenarios());
});

test('the store the first result is drawn from holds what it holds once the Calculator opened the same plan', () => {
  const [, plan] = examples.find(([name]) => name === 'shared-revenue.json');
  const state = { active: 0, scenarios: [{ name: 'Shared revenue', plan, from: { design: 'x' } }] };
  const early = new Store();
  early.writeIn(formatOf('en-US'));
  early.early(state, first.firstAnswer(plan), first);
  assert.equal(early.waiting, true);
  const opened = new Store();
  opened.writeIn(formatOf('en-US'));
  opened.core = core;
  opened.replace(state);
  const answer = opened.evaluate([], { chart: false });
  assert.deepEqual(early.state, opened.state);
  assert.deepEqual(early.result, answer.result);
  // The facts are the Calculator's: the editor, drawn with it, shows them.
  assert.equal(early.facts, null);
  assert.ok(opened.facts);
  assert.equal(early.max, opened.max);
  // Once the Calculator has it, the first result's answer is gone.
  early.core = core;
  early.replace(state);
  assert.equal(early.waiting, false);
  assert.equal(early.result, null);
});
