// Every way in, fuzzed: near-valid plans (a valid plan with one value made
// wrong: a wrong type, a wrong shape, a huge or tiny number, deep nesting,
// a long or strange string, a repeated id) reach the real page by a
// `#plan=` link, a `#scenarios=` link, a link's `&name=`, the element's
// `plan` property and attribute (a file it fetches), a plan file opened
// and a roster file imported (a line made wrong); and text of every
// convention is typed into its fields. The page must never throw, must
// say what it could not read (in an alert) and keep the last good plan,
// and must keep working: a good plan given next shows the CLI's payouts.
//
// Seeded: a failure prints its seed and case. `TANDEM_FUZZ_CASES` sets how
// many (npm test runs a few dozen; `npm run fuzz` runs many more) and
// `TANDEM_FUZZ_SEED` where they start.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from '../../bench/workloads.mjs';
import { calc, example, root, serving } from './harness.mjs';

const CASES = Number(process.env.TANDEM_FUZZ_CASES ?? 36);
const SEED = Number(process.env.TANDEM_FUZZ_SEED ?? 20261204);

let browser;
let base;
serving('www', (started) => ({ browser, base } = started));

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
  () => '\u202e\u0000🙂'.repeat(3), () => 'x'.repeat(100_000), () => [], () => ({}), () => ({ goals: [] }), () => [[[]]],
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

/** Text a person might type into a field: numbers of every convention, signs, junk. */
const TYPED = ['1,234.5', '1.234,5', '€120,000', '-5', '0', '', '  ', '1e9', '12abc', '٣٤٥', '9'.repeat(40), '50%', '80:50; 100:100', '\u202e', '<b>x</b>'];

/** How a case reaches the page: `{ hash }` to open, then `act(page)` to do. */
function way(i, rand, value, text) {
  const ways = {
    'plan link': () => ({ hash: `#plan=${b64(text)}` }),
    'scenarios link': () => ({ hash: `#scenarios=${b64(`{"scenarios":[{"name":"Fuzzed","plan":${text}}]}`)}` }),
    'named link': () => ({ hash: `#plan=${b64(JSON.stringify(example('siloed')))}&name=${['%E0%A4%A', '%00', encodeURIComponent(text.slice(0, 50)), '%', ''][i % 5]}` }),
    'plan property': () => ({
      hash: '',
      // As text, parsed in the page: a value nested thousands deep is too deep to pass as an argument.
      act: (page) => page.evaluate((t) => {
        const el = document.querySelector('tandem-calculator');
        el.plan = JSON.parse(t);
      }, text),
    }),
    'plan file': () => ({
      hash: '',
      act: async (page) => {
        await page.setInputFiles('#import-file', { name: 'fuzzed.json', mimeType: 'application/json', buffer: Buffer.from(text) });
        // The file is read as the page gets to it: done once the page says so.
        await page.waitForFunction(() => /^(Opened fuzzed\.json|fuzzed\.json (is not a plan file|was not opened))/.test(document.querySelector('tandem-calculator').shadowRoot.querySelector('#status').textContent));
      },
    }),
    'plan attribute': () => ({
      hash: '',
      // The `plan` attribute names a file the element fetches: served here as the fuzzed text.
      act: async (page) => {
        await page.route('**/fuzzed-plan.json', (route) => route.fulfill({ contentType: 'application/json', body: text }));
        // Shown (tandem-change) or said not to be (tandem-error): done once the element says which.
        await page.evaluate(() => {
          const el = document.querySelector('tandem-calculator');
          window.__attribute = null;
          el.addEventListener('tandem-change', () => { window.__attribute ??= 'change'; }, { once: true });
          el.addEventListener('tandem-error', () => { window.__attribute ??= 'error'; }, { once: true });
          el.setAttribute('plan', 'fuzzed-plan.json');
        });
        await page.waitForFunction(() => window.__attribute !== null);
      },
    }),
    'roster file': () => ({
      hash: '',
      act: async (page) => {
        // The example roster with one line made wrong, as spreadsheets do.
        const lines = readFileSync(join(root, 'examples/roster.csv'), 'utf8').trimEnd().split('\n');
        const at = Math.floor(rand() * lines.length);
        const cells = lines[at].split(',');
        cells[Math.floor(rand() * cells.length)] = [...TYPED, 'nobody', '"', ';'][Math.floor(rand() * (TYPED.length + 3))];
        lines[at] = rand() < 0.2 ? cells.join(';') : cells.join(',');
        const text = `${rand() < 0.2 ? '\ufeff' : ''}${lines.join(rand() < 0.2 ? '\r\n' : '\n')}\n`;
        await page.setInputFiles('#roster-file', { name: 'fuzzed.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
        // Read in a worker: done once the page says so.
        await page.waitForFunction(() => /^(Imported fuzzed\.csv|fuzzed\.csv was not imported)/.test(document.querySelector('tandem-calculator').shadowRoot.querySelector('#status').textContent));
      },
    }),
    'pasted cells': () => ({
      hash: '',
      act: async (page) => {
        // A block of spreadsheet cells, any of them wrong, pasted into a goal's or a member's field.
        const rows = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => Array.from({ length: 1 + Math.floor(rand() * 4) }, () => TYPED[Math.floor(rand() * TYPED.length)]).join('\t'));
        const block = rows.join(rand() < 0.5 ? '\r\n' : '\n');
        const path = ['goals[0].name', 'goals[1].target', 'goals[3].actual', 'teams[0].members[0].name', 'teams[1].members[1].share'][Math.floor(rand() * 5)];
        await page.evaluate(([p, t]) => {
          const field = document.querySelector('tandem-calculator').shadowRoot.querySelector(`#editor [data-path="${p}"]`);
          const data = new DataTransfer();
          data.setData('text/plain', t);
          field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
        }, [path, block]);
        // Reviewed: replaced when every cell reads, else cancelled.
        const dialog = page.locator('#paste-dialog[open]');
        if (await dialog.count()) {
          const apply = page.locator('[data-action="apply-paste"]');
          await (await apply.isDisabled() ? page.locator('[data-action="cancel-paste"]') : apply).click();
        }
      },
    }),
    'typed text': () => ({
      hash: '',
      act: async (page) => {
        const fields = page.locator('#editor input[data-path]:not([readonly])');
        const count = await fields.count();
        for (let k = 0; k < 4; k += 1) {
          const field = fields.nth(Math.floor(rand() * count));
          await field.fill(TYPED[Math.floor(rand() * TYPED.length)]);
          await field.press('Tab');
        }
      },
    }),
  };
  const names = Object.keys(ways);
  const name = names[i % names.length];
  return { name, ...ways[name]() };
}

describe('every way in, fuzzed', () => {
  test(`${CASES} near-valid plans by link, scenario link, name, property, attribute, plan file, roster file, pasted cells and typing: the page never throws, says what it cannot read, and keeps working`, async () => {
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
      const how = way(i, rand, value, text);
      const where = `seed ${SEED}, case ${i} (${how.name}): ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
      try {
        await page.goto('about:blank');
        await page.goto(base + how.hash);
        await page.waitForSelector('tandem-calculator[ready]');
        const lastGood = await page.evaluate(() => document.querySelector('tandem-calculator').plan);
        await how.act?.(page);
        // Shown (its errors by its fields), or what could not be read is said:
        // in the link's alert, or in the status line for a file or the property.
        const state = await page.evaluate(() => {
          const root = document.querySelector('tandem-calculator').shadowRoot;
          const alert = root.querySelector('#link-problem[role="alert"]');
          const status = root.querySelector('#status');
          return {
            alert: alert && !alert.hidden ? alert.textContent : null,
            status: status.getAttribute('role') === 'alert' ? status.textContent : null,
            said: status.textContent,
            fields: root.querySelectorAll('#editor [data-path]').length,
          };
        });
        assert.ok(state.fields > 0, `${where}: the editor is there`);
        if (how.hash.startsWith('#plan=') || how.hash.startsWith('#scenarios=')) {
          assert.ok(state.alert === null || state.alert.startsWith('This link’s plan could not be read: '), where);
        }
        // A file is opened, or said in an alert not to be; so is a value the host page gave.
        if (how.name === 'plan file') assert.match(state.status ?? state.said, /^fuzzed\.json (is not a plan file|was not opened): |^Opened fuzzed\.json\.$/, where);
        if ((how.name === 'plan property' || how.name === 'plan attribute') && state.status !== null) assert.match(state.status, /^The plan (given by the page was not opened|at fuzzed-plan\.json could not be read): /, where);
        if (how.name === 'roster file' && state.status !== null) assert.match(state.status, /^fuzzed\.csv was not imported: /, where);
        // What could not be read changed nothing: the last good plan stays.
        if (state.status !== null) assert.deepEqual(await page.evaluate(() => document.querySelector('tandem-calculator').plan), lastGood, where);
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
