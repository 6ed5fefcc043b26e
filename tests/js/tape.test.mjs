// The tape's reader (src/tape.js) on tapes written by hand to the format
// src/tape.rs documents; the wasm test "a value arrives as JSON.parse would
// read its JSON text" checks it on the module's own tapes.
import assert from 'node:assert/strict';
import test from 'node:test';
import { keyChar, untape } from '../../src/tape.js';

const TOKENS = 'Nsdntf[]{}keKR';

test("a key's character is ASCII for the first 112 keys, never a token, then U+0100 on", () => {
  const ascii = [];
  for (let c = 2; c < 0x80; c += 1) if (!TOKENS.includes(String.fromCharCode(c))) ascii.push(String.fromCharCode(c));
  assert.equal(ascii.length, 112);
  ascii.forEach((c, number) => assert.equal(keyChar(number), c));
  assert.equal(keyChar(112), '\u0100');
  assert.equal(keyChar(113), '\u0101');
});

test('an object with more keys than ASCII characters reads back key for key and in order', () => {
  const names = Array.from({ length: 300 }, (_, i) => `key${i}`);
  // Every key new: N once per key, then the object with each key's character before its value.
  const shape = `${'N'.repeat(300)}{${names.map((_, i) => `${keyChar(i)}d`).join('')}}`;
  const leaves = [...names, ...names.map((_, i) => String(i))];
  const value = untape(`${shape}\u0001${leaves.join('\u0001')}`);
  assert.deepEqual(Object.keys(value), names);
  assert.deepEqual(Object.values(value), names.map((_, i) => i));
  // The table keeps them: a second tape names them by character alone.
  const again = untape(`{${keyChar(299)}s${keyChar(0)}t}\u0001last`);
  assert.deepEqual(again, { key299: 'last', key0: true });
});

test('rows read back as objects of their keys in order, each value the next leaf, for one to six keys', async () => {
  for (let width = 1; width <= 6; width += 1) {
    // A reader of its own, whose key table starts empty.
    const fresh = await import(`../../src/tape.js?rows${width}`);
    const names = Array.from({ length: width }, (_, i) => `k${i}`);
    // Keys 0 … width − 1 are the rows', then `before` and `rows`.
    const keys = [...names, 'before', 'rows'];
    const row = `{${names.map((_, i) => `${fresh.keyChar(i)}s`).join('')}}`;
    const shape = `${'N'.repeat(keys.length)}{${fresh.keyChar(width)}s${fresh.keyChar(width + 1)}R${row}}`;
    const cells = [0, 1, 2].map((r) => names.map((_, i) => `r${r}c${i}`));
    const value = fresh.untape(`${shape}\u0001${[...keys, 'first', '3', ...cells.flat()].join('\u0001')}`);
    const rows = cells.map((cell) => Object.fromEntries(names.map((name, i) => [name, cell[i]])));
    assert.deepEqual(value, { before: 'first', rows });
    assert.deepEqual(Object.keys(value.rows[2]), names);
  }
});
