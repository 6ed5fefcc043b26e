// How the page reads what is typed into a plan's fields and remembers it:
// what goes into the plan, the notes, and the errors put in place of the
// core's for the same fields. Plain Node, no browser.
import assert from 'node:assert/strict';
import { adopt } from '../../www/engine.js';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as core from '../../www/pkg/full/tandem.js';
import * as page from '../../www/pkg/tandem.js';
import { Entries } from '../../www/entries.js';
import { formatOf } from '../../www/format.js';

// Money is read in the currency and places the core states for the plan
// (its facts, there while the plan is invalid too).
core.initSync({ module: readFileSync(new URL('../../www/pkg/full/tandem_bg.wasm', import.meta.url)) });
// The page's module writes the paths' text (paths.js).
page.initSync({ module: readFileSync(new URL('../../www/pkg/tandem_bg.wasm', import.meta.url)) });
// The page's module, as the element keeps it once loaded (engine.js).
adopt(page);
const factsOf = (plan) => core.check(plan).facts[0];
const facts = factsOf({ currency: 'USD', goals: [{ id: 'g', actual: '1' }], teams: [] });

test('each kind of field gets what the plan holds', () => {
  const entries = new Entries(() => formatOf('de-DE'));
  assert.equal(entries.take(['name'], 'text', ' Nord ', facts), ' Nord ');
  assert.equal(entries.take(['goals', 0, 'actual'], 'number', '1.234,5', facts), '1234.5');
  assert.equal(entries.take(['teams', 0, 'targetIncentive'], 'money', '120.000', facts), '120000');
  assert.equal(entries.take(['teams', 0, 'weights', 'g'], 'percent', '50,5 %', facts), '0.505');
  assert.deepEqual(entries.take(['goals', 0, 'curve', 'points'], 'points', '80:50; 100:100', facts), [['0.8', '0.5'], ['1', '1']]);
  assert.deepEqual(entries.notes(), []);
});

test('an entry that cannot be read is kept as typed, and its error replaces the core’s for that field and below', () => {
  const entries = new Entries(() => formatOf('en-US'));
  assert.equal(entries.take(['teams', 0, 'targetIncentive'], 'money', ' 120.000 ', facts), '120.000');
  assert.equal(entries.take(['goals', 0, 'curve', 'points'], 'points', '80:50, 1,5:2', facts).length, 3);
  assert.ok(entries.failed(['goals', 0, 'curve', 'points']), 'a point without its payout is said, not guessed');
  assert.ok(entries.failed(['teams', 0, 'targetIncentive']));
  const core = [
    { path: 'teams[0].targetIncentive', at: ['teams', 0, 'targetIncentive'], message: 'core words' },
    { path: 'goals[0].curve.points[1][0]', at: ['goals', 0, 'curve', 'points', 1, 0], message: 'core words' },
    { path: 'goals[0].target', at: ['goals', 0, 'target'], message: 'Target must be greater than zero.' },
    { path: 'forecast.budget', at: ['forecast', 'budget'], message: 'forecast words' },
  ];
  const merged = entries.withReadings(core);
  assert.deepEqual(merged.map((e) => e.path), ['teams[0].targetIncentive', 'goals[0].curve.points', 'goals[0].target', 'forecast.budget']);
  assert.match(merged[0].message, /^USD amounts have 2 decimal places/);
  // The forecast's entries are the forecast's.
  entries.take(['forecast', 'budget'], 'money', '1,2,3', facts);
  assert.deepEqual(entries.withReadings([], 'forecast').map((e) => e.path), ['forecast.budget']);
  assert.ok(!entries.withReadings([]).some((e) => e.at[0] === 'forecast'));
});

test('notes are remembered by field; a redraw keeps only errors the plan still holds as typed', () => {
  const entries = new Entries(() => formatOf('de-DE'));
  entries.take(['goals', 0, 'actual'], 'number', '1,234', facts);
  assert.match(entries.noteFor(['goals', 0, 'actual']), /^Read as 1,234/);
  entries.take(['goals', 0, 'target'], 'number', 'abc', facts);
  entries.keepWhile({ goals: [{ target: 'abc', actual: '1.234' }] });
  assert.equal(entries.noteFor(['goals', 0, 'actual']), undefined);
  assert.ok(entries.failed(['goals', 0, 'target']));
  entries.keepWhile({ goals: [{ target: '5' }] });
  assert.ok(!entries.failed(['goals', 0, 'target']));
});

test('money is read with the places the core states for the plan, invalid as it is', () => {
  const entries = new Entries(() => formatOf('en-US'));
  // No goals, no teams: invalid, and its money still has the currency's places.
  const yen = factsOf({ currency: 'JPY', goals: [], teams: [] });
  assert.equal(entries.take(['teams', 0, 'targetIncentive'], 'money', '120.5', yen), '120.5');
  assert.match(entries.withReadings([])[0].message, /^JPY amounts have no decimal places/);
  assert.equal(entries.take(['teams', 0, 'targetIncentive'], 'money', '120.125', factsOf({ currency: 'KWD', goals: [] })), '120.125');
  assert.ok(!entries.failed(['teams', 0, 'targetIncentive']));
  assert.equal(entries.take(['teams', 0, 'targetIncentive'], 'money', '120.12', factsOf({ currency: 'JPY', decimals: 2 })), '120.12');
  assert.ok(!entries.failed(['teams', 0, 'targetIncentive']));
});

test('curve points typed with a decimal comma where a comma separates points are said to be that, not a point without its payout', async () => {
  const { textToPoints } = await import('../../www/curves.js');
  const read = textToPoints('80,5:50, 100:100', formatOf('en-US'));
  assert.equal(read.error, '“80,5” is not a number here: in en-US a comma separates points, and a decimal is written with a point (80.5).');
  // A point without its payout is still said as that.
  assert.match(textToPoints('80, 100:100', formatOf('en-US')).error, /^“80” is not a point/);
  // Where the comma is the decimal sign, 80,5 is a number.
  assert.deepEqual(textToPoints('80,5:50; 100:100', formatOf('de-DE')), { value: [['0.805', '0.5'], ['1', '1']] });
});
