// Every English text the element says (words.js: `t`, `tn`, `words`,
// `label`, `phrase` and `data-words…` in the source) has a German entry in
// german.js with the same holes ({team}, {n}), and the German tables hold
// nothing the source no longer says. Plain Node.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { GERMAN } from '../../www/german.js';
import { loadWords, wordsOf } from '../../www/words.js';

const www = new URL('../../www/', import.meta.url);
const sources = readdirSync(www).filter((f) => f.endsWith('.js') && f !== 'german.js' && f !== 'words.js');

// A JavaScript string literal without `${…}`: '…', "…" or `…`.
const LITERAL = String.raw`('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\x60(?:[^\x60\\$]|\\.)*\x60)`;
const unquote = (literal) => Function(`"use strict"; return (${literal});`)();

/** Every English key in `source`, with where it is. */
function keysIn(file, source) {
  const found = [];
  const patterns = [
    new RegExp(String.raw`\b(?:t|tParts|words|label|phrase|button)\(\s*${LITERAL}`, 'g'),
    new RegExp(String.raw`\btn\([^,()]*(?:\([^()]*\))?[^,()]*,\s*${LITERAL}\s*,\s*${LITERAL}`, 'g'),
    new RegExp(String.raw`'data-words(?:-label)?':\s*${LITERAL}`, 'g'),
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      for (const literal of match.slice(1).filter(Boolean)) found.push({ key: unquote(literal), where: `${file}:${source.slice(0, match.index).split('\n').length}` });
    }
  }
  return found;
}

const said = sources.flatMap((file) => keysIn(file, readFileSync(new URL(file, www), 'utf8')));
const holes = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('the source says its words through words.js', () => {
  assert.ok(said.length > 100, `only ${said.length} texts found: is the pattern still right?`);
});

test('every English text has a German entry with the same holes', () => {
  const missing = said.filter(({ key }) => !(key in GERMAN));
  assert.deepEqual(missing.map(({ key, where }) => `${where}: ${key}`), [], 'texts without German');
  for (const { key, where } of said) {
    assert.deepEqual(holes(GERMAN[key]), holes(key), `${where}: the German for “${key}” has other holes`);
    assert.ok(GERMAN[key].trim(), `${where}: empty German for “${key}”`);
  }
});

test('a text in two German tables reads the same in both', async () => {
  const tables = await Promise.all(readdirSync(new URL('german/', www)).map(async (file) => [file, (await import(new URL(`german/${file}`, www))).default]));
  const first = new Map();
  const differ = [];
  for (const [file, table] of tables) {
    for (const [english, german] of Object.entries(table)) {
      const seen = first.get(english);
      if (seen && seen.german !== german) differ.push(`“${english}”: ${seen.file} „${seen.german}“, ${file} „${german}“`);
      if (!seen) first.set(english, { file, german });
    }
  }
  assert.deepEqual(differ, []);
});

test('the German tables hold only what the source says', () => {
  const keys = new Set(said.map(({ key }) => key));
  assert.deepEqual(Object.keys(GERMAN).filter((key) => !keys.has(key)), [], 'German entries the source no longer says');
});

test('t fills holes and tn chooses by count, in English and in German', async () => {
  const english = wordsOf('en-US');
  assert.equal(english.t('{a} and {b}', { a: 1, b: 'x' }), '1 and x');
  await loadWords('de-DE');
  const german = wordsOf('de-DE');
  const [key] = said.map((s) => s.key).filter((k) => holes(k).length === 0 && GERMAN[k] !== k);
  assert.equal(german.t(key), GERMAN[key]);
  assert.equal(german.tn(2, 'no such one', 'no such {n}'), 'no such 2');
  // Each locale's words are its own: the German ones did not change the English.
  assert.equal(english.t(key), key);
});
