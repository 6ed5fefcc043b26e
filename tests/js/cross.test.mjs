// How a plan crosses into the whole core (src/cross.js): a team's long list
// of plain members as columns after the JSON text, anything else in it. The
// wasm test "long lists of members give what JSON gives" checks that the
// module reads both to the same plan and the same errors.
import assert from 'node:assert/strict';
import test from 'node:test';
import { planText } from '../../src/cross.js';

const preset = {
  name: 'Acme',
  goals: [{ id: 'g', name: 'New ARR', target: '100', actual: '90' }],
  teams: [
    { id: 'sales', name: 'Sales', targetIncentive: '1000', weights: { g: '1' }, members: [], cap: '2' },
    { id: 'marketing', name: 'Marketing', targetIncentive: '500', weights: { g: '1' } },
  ],
};
const reps = (count) => Array.from({ length: count }, (_, i) => ({ name: `Rep ${i}`, share: String(1 + (i % 3)) }));
const withMembers = (members) => {
  const plan = structuredClone(preset);
  plan.teams[0].members = members;
  return plan;
};
/** The JSON text and the columns after it, by team. */
const split = (text) => {
  const [json, ...parts] = text.split('\u0000');
  const teams = [];
  for (let i = 0; i < parts.length; i += 4) teams.push({ team: Number(parts[i]), count: Number(parts[i + 1]), names: parts[i + 2].split('\u0001'), shares: parts[i + 3].split('\u0001') });
  return { json, teams };
};

test('a list of 64 plain members or more crosses as columns, in its place an empty list', () => {
  const members = reps(64);
  const { json, teams } = split(planText(withMembers(members)));
  assert.equal(json, JSON.stringify(withMembers([])));
  assert.deepEqual(teams, [{ team: 0, count: 64, names: members.map((m) => m.name), shares: members.map((m) => m.share) }]);
  // Shorter lists, and plans without teams, cross as their JSON text.
  for (const plan of [withMembers(reps(63)), preset, { teams: 'none' }, [1, 2], null, 'text']) assert.equal(planText(plan), JSON.stringify(plan));
  assert.equal(planText(undefined), undefined);
});

test('a list crosses as JSON unless each member is what JSON.stringify writes as two texts', () => {
  class Member {
    constructor(name, share) {
      this.name = name;
      this.share = share;
    }
  }
  const changed = [
    (m) => ({ ...m, colour: 'red' }),
    (m) => ({ ...m, share: 2 }),
    (m) => ({ name: m.name }),
    (m) => new Member(m.name, m.share),
    (m) => ({ ...m, toJSON: () => ({}) }),
    (m) => Object.defineProperty({ share: m.share }, 'name', { value: m.name, enumerable: false }),
    (m) => ({ ...m, name: 'A\u0000B' }),
    (m) => ({ ...m, name: 'A\ud800B' }),
    () => null,
  ];
  for (const change of changed) {
    const members = reps(80);
    members[40] = change(members[40]);
    const plan = withMembers(members);
    assert.equal(planText(plan), JSON.stringify(plan), String(change));
  }
  // A name holding the columns' own separator crosses; the module sees the
  // column longer than the list and reads the plan as JSON.
  const members = reps(80);
  members[7].name = 'A\u0001B';
  assert.equal(split(planText(withMembers(members))).teams[0].names.length, 81);
});

test('nothing crosses as columns while objects inherit a name, a share or any enumerable key', () => {
  const plan = withMembers(reps(70));
  for (const key of ['name', 'share', 'colour']) {
    Object.prototype[key] = 'x';
    try {
      assert.equal(planText(plan), JSON.stringify(plan), key);
    } finally {
      delete Object.prototype[key];
    }
  }
  assert.equal(split(planText(plan)).teams.length, 1);
});
