// Every way in, fuzzed: near-valid plans (a valid plan with one value made
// wrong: a wrong type, a wrong shape, a huge or tiny number, deep nesting,
// a long or strange string, a repeated id) reach the real page by a
// `#plan=` link, a `#scenarios=` link and the element's `plan` property. The
// page must never throw, must say what it could not read, and must keep
// working: a good plan given next shows the CLI's payouts.
//
// Seeded: a failure prints its seed and case. `TANDEM_FUZZ_CASES` sets how
// many (npm test runs a few dozen; `npm run fuzz` runs many more) and
// `TANDEM_FUZZ_SEED` where they start.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { random } from '../../bench/workloads.mjs';
import { calc, example, start } from './harness.mjs';

const CASES = Number(process.env.TANDEM_FUZZ_CASES ?? 36);
const SEED = Number(process.env.TANDEM_FUZZ_SEED ?? 20261204);

let browser;
let base;
let close;

before(async () => {
  ({ browser, base, close } = await start('www'));
});

after(async () => {
  await close?.();
});

/** Every path in a JSON value, as lists of keys and indices (the root is []). */
function paths(value, at = []) {
  const here = [at];
  if (Array.isArray(value)) value.forEach((v, i) => here.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) here.push(...paths(v, [...at, k]));
  return here;
}

/**
 * A value nested `depth` deep, written as JSON text: too deep for
 * JSON.stringify here, so it stands in the value as a marker replaced in
 * the text.
 */
const DEEP = '\u0000deep';
function deepText(depth) {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i += 1) {
    open += i % 2 ? '{"a":' : '[';
    close = (i % 2 ? '}' : ']') + close;
  }
  return `${open}1${close}`;
}
const toText = (value) => JSON.stringify(value).replaceAll(JSON.stringify(DEEP), deepText(5_000));

/** Values that are wrong somewhere in a plan, and some that are right elsewhere. */
const BAD = [
  () => null, () => true, () => 0, () => -1, () => 1e308, () => 2 ** 53 + 1, () => '', () => ' ', () => '-0', () => '1e5',
  () => '99999999999999999999999999999999', () => '0.00000000000000000000000000001', () => 'NaN', () => '١٢٣',
  () => '\u202e\u0000🙂'.repeat(3), () => 'x'.repeat(100_000), () => [], () => {}, () => ({ goals: [] }), () => [[[]]],
  () => DEEP, () => ['0', '1'], () => ({ id: 'revenue' }), () => 'revenue', () => 'sales',
];

/** Case `i`: one value of the preset made wrong, as text for the page. */
function mutate(rand, plan) {
  const copy = structuredClone(plan);
  const all = paths(copy);
  const path = all[Math.floor(rand() * all.length)];
  const value = BAD[Math.floor(rand() * BAD.length)]();
  if (path.length === 0) return value;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step];
  const last = path.at(-1);
  // Sometimes removed, sometimes duplicated (a repeated id), else replaced.
  const how = rand();
  if (how < 0.1 && !Array.isArray(parent)) delete parent[last];
  else if (how < 0.2 && Array.isArray(parent)) parent.push(structuredClone(parent[last]));
  else parent[last] = value;
  return copy;
}

const b64 = (text) => Buffer.from(text, 'utf8').toString('base64url');

describe('every way in, fuzzed', () => {
  test(`${CASES} near-valid plans by link, scenario link and property: the page never throws, says what it cannot read, and keeps working`, async () => {
    const good = example('siloed');
    const want = calc(good).total.payout;
    const rand = random(SEED);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (let i = 0; i < CASES; i += 1) {
      const value = mutate(rand, example('shared-revenue'));
      const text = toText(value);
      const way = ['plan link', 'scenarios link', 'plan property'][i % 3];
      const where = `seed ${SEED}, case ${i} (${way}): ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
      const hash = way === 'plan link' ? `#plan=${b64(text)}` : way === 'scenarios link' ? `#scenarios=${b64(`{"scenarios":[{"name":"Fuzzed","plan":${text}}]}`)}` : '';
      try {
        await page.goto('about:blank');
        await page.goto(base + hash);
        await page.waitForSelector('tandem-calculator[ready]');
      if (way === 'plan property') {
        // As text, parsed in the page: a value nested thousands deep is too deep to pass as an argument.
        const said = await page.evaluate((t) => {
          const el = document.querySelector('tandem-calculator');
          let error = null;
          el.addEventListener('tandem-error', () => { error = 'tandem-error'; }, { once: true });
          el.plan = JSON.parse(t);
          return error;
        }, text);
        // Either shown (its errors by its fields) or refused with tandem-error.
        assert.ok(said === 'tandem-error' || (await page.evaluate(() => document.querySelector('tandem-calculator').plan)) !== null, where);
      } else {
        // Shown, with its errors by its fields, or said out loud in the alert.
        const state = await page.evaluate(() => {
          const root = document.querySelector('tandem-calculator').shadowRoot;
          const alert = root.querySelector('#link-problem[role="alert"]');
          return { alert: alert && !alert.hidden ? alert.textContent : null, fields: root.querySelectorAll('#editor [data-path]').length };
        });
        assert.ok(state.alert?.startsWith('This link’s plan could not be read: ') || state.fields > 0, where);
      }
      // It keeps working: a good plan given next shows the CLI's payouts.
      await page.evaluate((p) => {
        document.querySelector('tandem-calculator').plan = p;
      }, good);
      await page.waitForFunction((w) => document.querySelector('tandem-calculator').shadowRoot.querySelector('#results [data-field="total-payout"]')?.dataset.value === w, want);
      assert.deepEqual(errors, [], where);
      } catch (error) {
        throw new Error(`${where}\n${error.message}\n${errors.join('\n')}`, { cause: error });
      }
    }
    await context.close();
  });
});
