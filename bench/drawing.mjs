// Typing in two builds of the page, in turns: `node bench/drawing.mjs
// BEFORE AFTER [ROUNDS]`, each a folder as `npm run build` writes dist/.
// How the README's "Drawing" measurement was made: the page before lit-html
// drew its results (commit 60525c8's dist/) against the page after.
// Prints each round's medians (bench/typing.mjs: the input event to the new
// total laid out; the handler's JavaScript; style and layout) and the
// median of the rounds' medians.
import { chromium } from 'playwright-core';
import { typing } from './typing.mjs';
import { serve } from '../scripts/serve.mjs';
import { browserPaths } from '../scripts/bootstrap.mjs';

const [before, after, rounds = '6'] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node bench/drawing.mjs BEFORE_DIST AFTER_DIST [ROUNDS]');
  process.exit(2);
}
const builds = { before: await serve(before, 0), after: await serve(after, 0) };
const url = (name) => `http://127.0.0.1:${builds[name].address().port}/`;
const browser = await chromium.launch({
  executablePath: browserPaths().chrome,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const seen = { before: [], after: [] };
for (let round = 0; round < Number(rounds); round += 1) {
  for (const name of ['before', 'after']) {
    const { total, script, layout } = await typing(browser, url(name), { rounds: 1 });
    seen[name].push([total.median, script.median, layout.median]);
    console.log(`${name}: ${total.median.toFixed(1)} ms (JavaScript ${script.median.toFixed(1)}, style and layout ${layout.median.toFixed(1)})`);
  }
}
await browser.close();
for (const server of Object.values(builds)) server.close();
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
for (const [name, list] of Object.entries(seen)) {
  const [total, script, layout] = [0, 1, 2].map((k) => median(list.map((row) => row[k])));
  console.log(`${name}, median of ${list.length} rounds: ${total.toFixed(1)} ms (JavaScript ${script.toFixed(1)}, style and layout ${layout.toFixed(1)})`);
}
