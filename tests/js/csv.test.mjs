// Which locales' spreadsheets read CSV with ";" and decimal commas is the
// core's table (src/csv.rs): checked here against Intl.NumberFormat (CLDR)
// for every language and region pair Node knows, through the page's own
// Wasm module as the page asks it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as core from '../../www/pkg/full/tandem.js';

core.initSync({ module: readFileSync(new URL('../../www/pkg/full/tandem_bg.wasm', import.meta.url)) });
const plan = JSON.parse(readFileSync(new URL('../../examples/shared-revenue.json', import.meta.url), 'utf8'));

const letters = 'abcdefghijklmnopqrstuvwxyz';
const languages = Intl.NumberFormat.supportedLocalesOf([...letters].flatMap((a) => [...letters].map((b) => a + b)));
const regions = [...letters.toUpperCase()].flatMap((a) => [...letters.toUpperCase()].map((b) => a + b)).concat(['419', '150']);
const tags = [...new Set([...languages, ...Intl.NumberFormat.supportedLocalesOf(languages.flatMap((l) => regions.map((r) => `${l}-${r}`)))])];

test('the CSV convention of each locale is the decimal mark Intl gives it', () => {
  assert.ok(tags.length > 500, `${tags.length} tags`);
  const wrong = [];
  for (const tag of tags) {
    const decimal = new Intl.NumberFormat(tag).formatToParts(1.5).find((p) => p.type === 'decimal').value;
    const csv = core.payoutsCsv(plan, { locale: tag });
    const separator = csv.slice(1)[4];
    if ((separator === ';') !== (decimal === ',')) wrong.push(`${tag}: Intl writes 1${decimal}5, the core separates with ${separator}`);
  }
  assert.deepEqual(wrong, []);
});

test('the five locales the page offers write what their spreadsheets read', () => {
  const line = (locale) => core.payoutsCsv(plan, { locale }).split('\r\n')[1];
  // 121,500.00 over Sales' three members of share 1 (by hand).
  assert.equal(line('de-DE'), 'sales;Sales;Ana Lima;1;40500,00;USD');
  assert.equal(line('fr-FR'), 'sales;Sales;Ana Lima;1;40500,00;USD');
  assert.equal(line('en-US'), 'sales,Sales,Ana Lima,1,40500.00,USD');
  assert.equal(line('en-GB'), 'sales,Sales,Ana Lima,1,40500.00,USD');
  assert.equal(line('en-IN'), 'sales,Sales,Ana Lima,1,40500.00,USD');
  assert.ok(core.payoutsCsv(plan, { locale: 'de-DE' }).startsWith('\ufeff'));
  assert.ok(!core.payoutsCsv(plan, { locale: 'plain' }).startsWith('\ufeff'));
  assert.ok(!core.payoutsCsv(plan).startsWith('\ufeff'));
});

test('a scenario file gives every scenario’s rows, each led by its name, with a scenario with problems named', () => {
  const file = JSON.parse(readFileSync(new URL('../../examples/siloed-vs-shared.json', import.meta.url), 'utf8'));
  const lines = core.payoutsCsv(file, { locale: 'de-DE' }).replace('\ufeff', '').split('\r\n');
  assert.ok(lines[0].startsWith('scenario;team;'), lines[0]);
  // Siloed Sales at the example's results: 120,000 × (0.7 × 0.925 + 0.3 × 1.1) = 117,300.00, over three members 39,100.00 each (by hand).
  assert.ok(lines.includes(`${file.scenarios[0].name};sales;Sales;Ana Lima;1;39100,00;USD`), lines.join('\n'));
  assert.deepEqual([...new Set(lines.slice(1).filter(Boolean).map((line) => line.split(';')[0]))], file.scenarios.map((s) => s.name));
  // A plain plan has no scenario column.
  assert.ok(core.payoutsCsv(plan).startsWith('team,'));
  const broken = structuredClone(file);
  broken.scenarios[1].plan.goals[0].target = '';
  assert.throws(() => core.payoutsCsv(broken), (error) => error.errors.length > 0 && /scenarios/.test(error.errors[0].path ?? JSON.stringify(error.errors[0])));
});
