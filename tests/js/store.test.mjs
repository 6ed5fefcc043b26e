// The element's one store of state (www/store.js): scenarios added,
// removed, renamed and switched; shared and own actual results; a preset's
// note that follows the numbers; what the core is asked. Plain Node, no
// browser.
import assert from 'node:assert/strict';
import { adopt } from '../../www/engine.js';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as core from '../../www/pkg/tandem.js';
import { Store } from '../../www/store.js';
import { formatOf } from '../../www/format.js';

// The real core (built by `npm run build`): sharing results and the limit are its rules.
core.initSync({ module: readFileSync(new URL('../../www/pkg/tandem_bg.wasm', import.meta.url)) });
// The page's module, as the element keeps it once loaded (engine.js).
adopt(core);
/** The README's limit: 20 scenarios side by side. */
const MOST = 20;

function storeWithCore() {
  const store = new Store();
  store.writeIn(formatOf('en-US'));
  store.core = core;
  return store;
}

const preset = { title: 'Shared revenue', note: 'The preset’s own words.' };
const plan = (actual = '100') => ({
  version: 1,
  currency: 'USD',
  goals: [{ id: 'revenue', name: 'New ARR', target: '100', actual }],
  teams: [{ id: 'sales', name: 'Sales', targetIncentive: '1000', weights: { revenue: '1' } }],
  forecast: { goals: {} },
});

function opened() {
  const store = storeWithCore();
  store.replace({ active: 0, scenarios: [{ name: 'Scenario 1', plan: plan() }] });
  return store;
}

test('nothing is known before the first plan', () => {
  const store = storeWithCore();
  assert.equal(store.scenario, undefined);
  assert.equal(store.plan, undefined);
});

test('a duplicate is a copy, edited from then on, up to the most side by side', () => {
  const store = opened();
  assert.equal(store.duplicate(), true);
  assert.equal(store.state.active, 1);
  assert.equal(store.scenario.name, 'Scenario 1 (copy)');
  assert.notEqual(store.plan, store.state.scenarios[0].plan);
  assert.deepEqual(store.plan, store.state.scenarios[0].plan);
  // A copy of the copy is counted from the first name, not stacked.
  store.duplicate();
  assert.equal(store.scenario.name, 'Scenario 1 (copy 2)');
  store.select(0);
  store.duplicate();
  assert.equal(store.scenario.name, 'Scenario 1 (copy 3)');
  while (store.duplicate());
  assert.equal(store.state.scenarios.length, MOST);
  assert.equal(store.full, true);
  assert.equal(store.duplicate(), false);
});

test('removing a scenario edits the one before it; selecting one edits it', () => {
  const store = opened();
  store.duplicate();
  store.rename('Shared tomorrow');
  store.remove();
  assert.deepEqual(store.state.scenarios.map((s) => s.name), ['Scenario 1']);
  assert.equal(store.state.active, 0);
  store.duplicate();
  store.select(0);
  assert.equal(store.scenario.name, 'Scenario 1');
  // A name cleared is the name a scenario nobody named has: "Scenario 2" for the second.
  store.select(1);
  store.rename('');
  assert.equal(store.scenario.name, 'Scenario 2');
});

test('an actual result typed in one scenario is the result in every scenario that shares them', () => {
  const store = opened();
  store.duplicate();
  store.duplicate();
  store.select(1);
  store.ownResults(true);
  store.select(2);
  store.set(['goals', 0, 'actual'], '120');
  assert.deepEqual(store.state.scenarios.map((s) => s.plan.goals[0].actual), ['120', '100', '120']);
  // Another field is the scenario's own.
  store.edit((p) => {
    p.goals[0].target = '90';
  });
  assert.deepEqual(store.state.scenarios.map((s) => s.plan.goals[0].target), ['100', '100', '90']);
  // Sharing again takes the results of the first scenario that shares them.
  store.select(1);
  store.ownResults(false);
  assert.equal(store.plan.goals[0].actual, '120');
});

test('a plan opened into a scenario brings its results to the scenarios that share them', () => {
  const store = opened();
  store.duplicate();
  const { shared, own } = store.load(plan('150'));
  assert.deepEqual([...shared], ['New ARR']);
  assert.equal(own, false);
  assert.equal(store.state.scenarios[0].plan.goals[0].actual, '150');
});

test('a preset opened into one of several scenarios keeps its own results, and leaves the others theirs', () => {
  const store = opened();
  store.duplicate();
  const { shared, own } = store.load(plan('150'), preset);
  assert.deepEqual([...shared], []);
  assert.equal(own, true);
  assert.equal(store.state.scenarios[1].ownResults, true);
  assert.equal(store.state.scenarios[1].plan.goals[0].actual, '150');
  assert.equal(store.state.scenarios[0].plan.goals[0].actual, plan().goals[0].actual);
  // Alone, a preset is the plan: nothing to keep apart.
  const alone = opened();
  assert.equal(alone.load(plan('150'), preset).own, false);
});

test('a plan named by the person names its scenario, while the scenario has the name the page gave it', () => {
  const store = opened();
  store.load(plan(), preset);
  assert.equal(store.scenario.name, 'Shared revenue');
  // Typed key by key: the scenario follows each keystroke of the plan's name.
  for (const name of ['A', 'Ac', 'Acme FY25 incentives']) {
    store.edit((p) => {
      p.name = name;
    });
    store.presetNote();
    assert.equal(store.scenario.name, name);
  }
  // Back to the preset's own plan name (it has none): the preset's name again.
  store.edit((p) => {
    delete p.name;
  });
  store.presetNote();
  assert.equal(store.scenario.name, 'Shared revenue');
  // A name the person gave the scenario stays, whatever the plan is called.
  store.rename('Option A');
  store.edit((p) => {
    p.name = 'Acme';
  });
  store.presetNote();
  assert.equal(store.scenario.name, 'Option A');
});

test('a preset’s note follows the numbers, its name the design, and both come back when they match again', () => {
  const store = opened();
  store.load(plan(), preset);
  assert.deepEqual(store.presetNote(), { note: preset.note, renamed: false });
  // A result typed in: the note no longer fits the numbers; the design, and its name, stay.
  store.edit((p) => {
    p.goals[0].actual = '90';
  });
  assert.deepEqual(store.presetNote(), { note: 'Changed from the “Shared revenue” preset: its description no longer fits these numbers.', renamed: false });
  assert.equal(store.scenario.name, 'Shared revenue');
  // A target changed: the design changed, and the name says so.
  store.edit((p) => {
    p.goals[0].target = '120';
  });
  assert.deepEqual(store.presetNote(), { note: 'Changed from the “Shared revenue” preset: its description no longer fits these numbers.', renamed: true });
  assert.equal(store.scenario.name, 'Shared revenue (changed)');
  store.edit((p) => {
    p.goals[0].target = '100';
    p.goals[0].actual = '100';
  });
  assert.deepEqual(store.presetNote(), { note: preset.note, renamed: true });
  assert.equal(store.scenario.name, 'Shared revenue');
  // A name the person gave stays.
  store.rename('Ours');
  store.edit((p) => {
    p.goals[0].target = '90';
  });
  assert.equal(store.presetNote().renamed, false);
  assert.equal(store.scenario.name, 'Ours');
  // A plan from elsewhere has no preset's note.
  store.load(plan());
  assert.deepEqual(store.presetNote(), { note: undefined, renamed: false });
});

test('the core holds the plans: what the views read is its, frozen, and a forecast does not stop the payouts', () => {
  const store = opened();
  store.duplicate();
  store.chartGoal = 'revenue';
  // A forecast that cannot be read is the simulation's problem, not the payouts'.
  store.set(['forecast', 'goals'], { revenue: { low: 'x' } });
  const evaluation = store.evaluate(61);
  // 1,000 × 100/100 on the one goal, worked by hand.
  assert.equal(evaluation.result.total.payout, '1000.00');
  assert.equal(evaluation.chart.goal, 'revenue');
  assert.equal(evaluation.chart.attainments.length, 61);
  assert.equal(evaluation.comparison.length, 2);
  assert.equal(evaluation.result.teams[0].weightSum, '1', 'with the workings');
  // A view cannot write into the plan it was shown.
  assert.throws(() => {
    store.plan.goals[0].actual = '1';
  }, TypeError);
  assert.equal(store.plan.goals[0].actual, '100');
});

test('an edit is sent to the core as the changes it made, keys and items set or removed', () => {
  const store = opened();
  store.edit((p) => {
    p.goals.push({ id: 'logos', name: 'Logos', target: '4', actual: '4' });
    p.teams[0].weights.logos = '0.5';
    delete p.forecast;
  });
  assert.deepEqual(store.plan.goals.map((g) => g.id), ['revenue', 'logos']);
  assert.deepEqual(store.plan.teams[0].weights, { revenue: '1', logos: '0.5' });
  assert.equal('forecast' in store.plan, false);
  store.set(['teams', 0, 'weights', 'logos'], undefined);
  assert.deepEqual(store.plan.teams[0].weights, { revenue: '1' });
  // Removing what is not there changes nothing.
  assert.deepEqual([...store.set(['teams', 0, 'cap'], undefined)], []);
});

test('a team an edit adds, or a preset leaves to be named, has an id that follows its name until the plan leaves the page', () => {
  const store = opened();
  assert.equal(store.isNewTeam(0), false, 'a team the plan came with');
  store.edit((p) => p.teams.push({ id: 'team-2', name: 'Team 2', targetIncentive: '1000', weights: {} }));
  assert.equal(store.isNewTeam(1), true);
  // Renamed (its id follows), it is still the team added here.
  store.edit((p) => {
    p.teams[1].id = 'sales-emea';
    p.teams[1].name = 'Sales EMEA';
  });
  assert.equal(store.isNewTeam(1), true);
  store.freeze();
  assert.equal(store.isNewTeam(1), false, 'exported: its id stays');
  store.load(plan(), { ...preset, namesToFill: true });
  assert.equal(store.isNewTeam(0), true);
  store.load(plan(), preset);
  assert.equal(store.isNewTeam(0), false);
});

test('members come back as a Result lists them, though they cross as columns', () => {
  const store = opened();
  store.set(['teams', 0, 'members'], [
    { name: 'Ana', share: '2' },
    { name: 'Ben', share: '1' },
  ]);
  const { result } = store.evaluate(11);
  // 1,000.00 split 2 : 1, by hand: 666.66 and 333.33 in whole cents, the
  // cent left over to the larger remainder (Ana's 0.666…).
  assert.deepEqual(result.teams[0].members, [
    { name: 'Ana', share: '2', payout: '666.67' },
    { name: 'Ben', share: '1', payout: '333.33' },
  ]);
});

test('results stand once settled; while an entry is wrong the last that stood are shown, out of date', () => {
  const store = opened();
  store.opening();
  // A plan just opened stands at once, and nothing is said to have changed.
  assert.equal(store.right(store.evaluate(11), false), true);
  assert.equal(store.settled.evaluation.result.total.payout, '1000.00');
  assert.equal(store.change, null);
  // Typing 150: the results move, but stand only once typing pauses.
  store.set(['goals', 0, 'actual'], '150');
  assert.equal(store.right(store.evaluate(11), false), false);
  assert.equal(store.current.total.payout, '1500.00');
  assert.equal(store.settled.evaluation.result.total.payout, '1000.00');
  // What the edit changed is told against where it began: +500.00.
  assert.equal(store.change.total, '500.00');
  // An entry that cannot be read: the results are out of date, the last that stood stay.
  store.set(['goals', 0, 'actual'], '15x');
  const wrong = store.evaluate(11);
  assert.ok(wrong.result.errors.length);
  store.wrong();
  assert.equal(store.stale, true);
  assert.equal(store.current, null);
  assert.equal(store.settled.evaluation.result.total.payout, '1000.00');
  // A plan opened forgets the one before.
  store.opening();
  assert.equal(store.settled, null);
  assert.equal(store.result, null);
});

test('a goal taken out of the forecast keeps its range, and the last one its settings, for when it comes back', () => {
  const store = opened();
  store.forecastGoal('revenue', true, () => ({ low: '80', likely: '100', high: '120' }));
  assert.deepEqual(store.plan.forecast.goals.revenue, { low: '80', likely: '100', high: '120' });
  store.set(['forecast', 'goals', 'revenue', 'high'], '130');
  store.set(['forecast', 'trials'], 5000);
  // The last goal out: the plan has no forecast, and nothing is lost.
  store.forecastGoal('revenue', false);
  assert.equal(store.plan.forecast, undefined);
  store.forecastGoal('revenue', true, () => assert.fail('the range kept is used, not a fresh one'));
  assert.deepEqual(store.plan.forecast, { goals: { revenue: { low: '80', likely: '100', high: '130' } }, trials: 5000 });
});

test('the solve form’s question is the store’s, and follows a new team’s id as it is renamed', () => {
  const store = opened();
  store.edit((p) => {
    p.teams.push({ id: 'team-2', name: '', targetIncentive: '500', weights: { revenue: '1' } });
  });
  store.ask({ team: 'team-2', payout: '700' });
  store.retag(1, 'demand-gen');
  assert.deepEqual(store.question, { team: 'demand-gen', goal: null, payout: '700', unread: false, note: '' });
});

test('an edit that moves no payout (a name typed) takes away the line of the edit before it; drawing again does not', () => {
  const store = opened();
  store.opening();
  store.right(store.evaluate(11), false);
  store.set(['goals', 0, 'actual'], '150');
  store.right(store.evaluate(11), false);
  store.settle();
  assert.equal(store.change.total, '500.00');
  // Drawn again with nothing edited (a locale picked, a field left): the line stays.
  store.right(store.evaluate(11), false);
  assert.equal(store.change.total, '500.00');
  // A goal renamed: an edit of its own, which moved nothing.
  store.set(['goals', 0, 'name'], 'Bookings');
  store.right(store.evaluate(11), false);
  assert.equal(store.change, null);
});

test('a copy of a preset scenario keeps the preset’s note while its plan is the preset’s', () => {
  const store = opened();
  store.load(plan(), preset);
  store.duplicate();
  assert.equal(store.scenario.name, 'Shared revenue (copy)');
  assert.deepEqual(store.presetNote(), { note: preset.note, renamed: false });
  // Changed, the copy says so; its own name stays.
  store.set(['goals', 0, 'actual'], '90');
  assert.deepEqual(store.presetNote(), { note: 'Changed from the “Shared revenue” preset: its description no longer fits these numbers.', renamed: false });
});

test('two stores on one core module write each in its own language, whatever the other asked for last', () => {
  const english = opened();
  const german = new Store();
  german.writeIn(formatOf('de-DE'));
  german.core = core;
  german.replace({ active: 0, scenarios: [{ name: 'Szenario 1', plan: plan() }] });
  english.set(['goals', 0, 'target'], 'abc');
  german.set(['goals', 0, 'target'], 'abc');
  // In turns, as two elements on one page draw: each answer is in its own store's language.
  const message = (store) => store.evaluate(61).result.errors.find((e) => e.path === 'goals[0].target').message;
  const de = message(german);
  const en = message(english);
  assert.equal(message(german), de);
  assert.equal(message(english), en);
  assert.notEqual(de, en);
  assert.match(en, /\bTarget\b/);
  assert.match(de, /\bZielwert\b/);
});
