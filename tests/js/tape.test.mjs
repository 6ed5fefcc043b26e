// The tape's reader (src/tape.js) on tapes written by hand to the format
// src/tape.rs documents; the wasm test "a value arrives as JSON.parse would
// read its JSON text" checks it on the module's own tapes.
import assert from 'node:assert/strict';
import test from 'node:test';
import { keyChar, untape } from '../../src/tape.js';

const TOKENS = 'Nsdntf[]{}keK';

test("a key's character is ASCII for the first 113 keys, never a token, then U+0100 on", () => {
  const ascii = [];
  for (let c = 2; c < 0x80; c += 1) if (!TOKENS.includes(String.fromCharCode(c))) ascii.push(String.fromCharCode(c));
  assert.equal(ascii.length, 113);
  ascii.forEach((c, number) => assert.equal(keyChar(number), c));
  assert.equal(keyChar(113), '\u0100');
  assert.equal(keyChar(114), '\u0101');
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
