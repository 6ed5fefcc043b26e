// dist/ as the npm package a host project installs: `npm pack`, installed
// into a fresh project, its exports resolved by Node, its types checked by
// TypeScript against a host's code, its Custom Elements Manifest checked
// against the element, and the element loaded from node_modules in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { calc, cli, example, root, shownStats, simulate, tmp } from './harness.mjs';

const project = join(tmp, 'host-project');
let browser;
let server;
/** The installed packages served as a CDN serves them: from another origin, to any origin (CORS). */
let cdn;

before(async () => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'tandem'], { cwd: root, stdio: 'inherit' });
  mkdirSync(project, { recursive: true });
  const tarball = execFileSync('npm', ['pack', join(root, 'dist'), '--pack-destination', tmp, '--silent'], { encoding: 'utf8' }).trim().split('\n').at(-1);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }));
  execFileSync('npm', ['install', join(tmp, tarball), '--offline', '--no-audit', '--no-fund', '--silent'], { cwd: project, stdio: 'inherit' });
  // A host page that loads the element by its package name, through an import map.
  writeFileSync(join(project, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="importmap">{ "imports": { "tandem-calculator": "./node_modules/tandem-calculator/tandem.js" } }</script>
<script type="module">import 'tandem-calculator';</script>
</head><body><tandem-calculator id="calc" plan="plan.json" locale="de-DE"></tandem-calculator></body></html>`);
  writeFileSync(join(project, 'plan.json'), JSON.stringify(example('gates-modifiers')));
  server = await serve(project, 0);
  cdn = await serve(join(project, 'node_modules'), 0, { 'Access-Control-Allow-Origin': '*' });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  cdn?.close();
});

describe('the npm package', () => {
  test('its package.json names the element, the core API, their types and the manifest; Node resolves them', () => {
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules/tandem-calculator/package.json'), 'utf8'));
    assert.equal(pkg.name, 'tandem-calculator');
    assert.equal(pkg.type, 'module');
    assert.equal(pkg.customElements, 'custom-elements.json');
    const resolve = (specifier) => execFileSync('node', ['--input-type=module', '-e', `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`], { cwd: project, encoding: 'utf8' }).trim();
    assert.match(resolve('tandem-calculator'), /node_modules\/tandem-calculator\/tandem\.js$/);
    // The whole core, with the simulation: the element's own module leaves it out.
    assert.match(resolve('tandem-calculator/core'), /node_modules\/tandem-calculator\/pkg\/full\/tandem\.js$/);
  });

  test('a host’s TypeScript type-checks against its declarations', () => {
    writeFileSync(join(project, 'host.ts'), `
import 'tandem-calculator';
import type { Plan, Result, TandemCalculator } from 'tandem-calculator';
import init, { calculate, readScenarios, simulate } from 'tandem-calculator/core';

const el = document.createElement('tandem-calculator');
const same: TandemCalculator = el;
const plan: Plan = { goals: [{ id: 'g', name: 'G', target: '1', actual: '1' }], teams: [{ id: 't', name: 'T', targetIncentive: '100.00', weights: { g: '1' } }] };
el.plan = plan;
el.setAttribute('locale', 'de-DE');
el.addEventListener('tandem-change', (event) => {
  const result: Result = event.detail;
  console.log(result.total.payout, same.result?.teams[0]?.payout);
});
el.addEventListener('tandem-error', (event) => console.log(event.detail.errors[0]?.path));
const found = document.querySelector('tandem-calculator');
console.log(found?.plan?.goals.length);
await init();
console.log(calculate(plan).total.payout);
// The whole core: the simulation and the scenario file are there too.
console.log(simulate(plan).total.stats.mean, readScenarios(plan).scenarios.length);
// @ts-expect-error: a plan's decimals are strings
el.plan = { goals: [{ id: 'g', name: 'G', target: 1, actual: '1' }], teams: [] };
`);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['dom', 'es2022'], skipLibCheck: false },
      files: ['host.ts'],
    }));
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', project], { cwd: project, stdio: 'inherit' });
  });

  test('its Custom Elements Manifest describes the element as it is', async () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/tandem-calculator/custom-elements.json'), 'utf8'));
    // Written by @custom-elements-manifest/analyzer in its schema's version.
    assert.match(manifest.schemaVersion, /^\d+\.\d+\.\d+$/);
    const [module] = manifest.modules;
    const element = module.declarations.find((d) => d.customElement);
    assert.equal(element.tagName, 'tandem-calculator');
    assert.ok(module.exports.some((e) => e.kind === 'custom-element-definition' && e.name === 'tandem-calculator'));
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForSelector('#calc[ready]');
    // The element's code: tandem.js, the modules it starts with (shared.js) and its editing parts (editing-….js), which dispatch its events too.
    const code = ['tandem.js', 'shared.js', ...readdirSync(join(project, 'node_modules/tandem-calculator')).filter((file) => /^editing-[A-Z0-9]{8}\.js$/.test(file))];
    assert.equal(code.length, 3);
    const live = await page.evaluate(async (files) => {
      const Element = customElements.get('tandem-calculator');
      const source = (await Promise.all(files.map(async (file) => (await fetch(`node_modules/tandem-calculator/${file}`)).text()))).join('\n');
      const css = await (await fetch('node_modules/tandem-calculator/tandem.css')).text();
      return {
        // Attributes it follows, and those it reads once when it starts.
        attributes: [...new Set([...Element.observedAttributes, ...[...source.matchAll(/hasAttribute\(['"]([\w-]+)['"]\)/g)].map((m) => m[1]).filter((a) => !a.startsWith('data-'))])],
        members: Object.getOwnPropertyNames(Element.prototype),
        events: [...source.matchAll(/new CustomEvent\(['"]([\w-]+)['"]/g)].map((m) => m[1]),
        properties: [...css.matchAll(/var\((--tandem-[\w-]+)/g)].map((m) => m[1]),
      };
    }, code);
    assert.deepEqual(element.attributes.map((a) => a.name).sort(), [...live.attributes].sort());
    for (const member of element.members) assert.ok(live.members.includes(member.name), member.name);
    assert.deepEqual(element.events.map((e) => e.name).sort(), [...new Set(live.events)].sort());
    assert.deepEqual(element.cssProperties.map((p) => p.name).sort(), [...new Set(live.properties)].sort());
    await page.close();
    // The README's table names what the manifest describes, no more, no less.
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const rows = (kind) => [...readme.matchAll(new RegExp(`^\\| ${kind} \\| \`([\\w-]+)\``, 'gm'))].map((m) => m[1]).sort();
    assert.deepEqual(rows('attribute'), element.attributes.map((a) => a.name).sort());
    assert.deepEqual(rows('property'), element.members.map((m) => m.name).sort());
    assert.deepEqual(rows('event'), element.events.map((e) => e.name).sort());
    const css = readme.match(/^\| CSS \| (.*) \| its colours and font \|$/m)[1];
    const named = [...css.matchAll(/`(--tandem-[\w-]+)`/g)].map((m) => m[1]);
    assert.ok(named.every((name) => element.cssProperties.some((p) => p.name === name)), css);
  });

  test('installed from the tarball, the element loads from node_modules and pays what the CLI pays', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`${r.url()} failed`));
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForSelector('#calc[ready]');
    const expected = calc(example('gates-modifiers'));
    const shown = await page.evaluate(() => {
      const { result } = document.getElementById('calc');
      return { total: result.total.payout, teams: result.teams.map((t) => t.payout) };
    });
    assert.deepEqual(shown, { total: expected.total.payout, teams: expected.teams.map((t) => t.payout) });
    const text = await page.evaluate(() => document.getElementById('calc').shadowRoot.querySelector('[data-field="total-payout"]').textContent);
    assert.equal(text, await page.evaluate((t) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(t), expected.total.payout));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('loaded from another origin (a CDN) under the README’s policy: the simulation and a roster run in their workers and agree with the CLI', async () => {
    const { page, from, seen } = await fromCdn('cdn.html', (cdnOrigin) => `default-src 'self'; img-src 'self' data:; script-src 'self' ${cdnOrigin} 'wasm-unsafe-eval'; style-src 'self' ${cdnOrigin}; connect-src 'self' ${cdnOrigin}; worker-src blob: ${cdnOrigin}; object-src 'none'; base-uri 'none'`);
    const plan = await page.evaluate(() => document.getElementById('calc').plan);
    const expected = calc(plan);
    assert.deepEqual(await page.evaluate(() => document.getElementById('calc').result.teams.map((t) => t.payout)), expected.teams.map((t) => t.payout));

    // The simulation runs to its end in its worker, and its statistics are the CLI's.
    await page.waitForSelector('#forecast:is([data-sim-state="done"], [data-sim-state="error"])');
    assert.match(await page.locator('#sim-status').textContent(), /^10,000 trials in \d+ ms\.$/);
    // Shown, not spoken: the simulation runs again after every edit, its time different each run.
    assert.equal(await page.locator('#sim-status').getAttribute('aria-live'), 'off');
    const sim = simulate(plan);
    const want = Object.fromEntries(sim.teams.map((t) => [t.id, { mean: t.stats.mean, p10: t.stats.p10, p50: t.stats.p50, p90: t.stats.p90, pAboveTarget: t.pAboveTarget }]));
    want.total = { mean: sim.total.stats.mean, p10: sim.total.stats.p10, p50: sim.total.stats.p50, p90: sim.total.stats.p90 };
    assert.deepEqual(await shownStats(page, '#calc'), want);

    // A roster, read in its worker: the members' payouts are the CLI's for the same plan and file.
    const roster = join(root, 'examples/roster.csv');
    await page.setInputFiles('#roster-file', roster);
    await page.waitForFunction(() => /^Imported|not imported|could not/.test(document.getElementById('calc').shadowRoot.querySelector('#status').textContent));
    assert.match(await page.locator('#status').textContent(), /^Imported roster\.csv: Sales: 4 members; Marketing: 3 members \(/);
    const planFile = join(tmp, 'cdn-plan.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const withRoster = JSON.parse(execFileSync(cli, ['calc', planFile, '--roster', roster], { encoding: 'utf8' }));
    const members = (result) => result.teams.map((t) => [t.id, t.payout, (t.members ?? []).map((m) => [m.name, m.payout])]);
    assert.deepEqual(members(await page.evaluate(() => document.getElementById('calc').result)), members(withRoster));

    // Both workers, their Wasm module and its loader came from the CDN.
    for (const file of ['simulate-worker.js', 'roster-worker.js', 'pkg/full/tandem.js', 'pkg/full/tandem_bg.wasm']) {
      assert.ok(seen.requests.includes(`${from}/tandem-calculator/${file}`), file);
    }
    assert.deepEqual(seen.failed, []);
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('loaded from a CDN under a policy that forbids blob: workers, the page says that the simulation and the roster cannot run', async () => {
    const { page, seen } = await fromCdn('cdn-no-workers.html', (cdnOrigin) => `default-src 'self'; img-src 'self' data:; script-src 'self' ${cdnOrigin} 'wasm-unsafe-eval'; style-src 'self' ${cdnOrigin}; connect-src 'self' ${cdnOrigin}; object-src 'none'; base-uri 'none'`);
    await page.waitForSelector('#forecast:is([data-sim-state="done"], [data-sim-state="error"])');
    assert.equal(await page.getAttribute('#forecast', 'data-sim-state'), 'error');
    assert.match(await page.locator('#sim-status').textContent(), /^The simulation could not run: /);
    await page.setInputFiles('#roster-file', join(root, 'examples/roster.csv'));
    await page.waitForFunction(() => /^Imported|not imported/.test(document.getElementById('calc').shadowRoot.querySelector('#status').textContent));
    assert.match(await page.locator('#status').textContent(), /^roster\.csv was not imported: .*The roster could not be read/);
    // Tried again, each says so again: neither waits forever on a worker that never started.
    await page.evaluate(() => {
      const section = document.getElementById('calc').shadowRoot.querySelector('#forecast');
      window.__states = [];
      new MutationObserver(() => window.__states.push(section.dataset.simState)).observe(section, { attributeFilter: ['data-sim-state'] });
    });
    await page.locator('#sim-trials').selectOption('1000');
    await page.waitForFunction(() => window.__states.includes('running') && window.__states.at(-1) === 'error');
    assert.match(await page.locator('#sim-status').textContent(), /^The simulation could not run: /);
    const again = join(tmp, 'roster-again.csv');
    writeFileSync(again, readFileSync(join(root, 'examples/roster.csv')));
    await page.setInputFiles('#roster-file', again);
    await page.waitForFunction(() => /^roster-again\.csv was not imported|^Imported/.test(document.getElementById('calc').shadowRoot.querySelector('#status').textContent));
    assert.match(await page.locator('#status').textContent(), /^roster-again\.csv was not imported: .*The roster could not be read/);
    // The page went on: its payouts are there, and nothing was thrown unhandled.
    const plan = await page.evaluate(() => document.getElementById('calc').plan);
    assert.equal(await page.evaluate(() => document.getElementById('calc').result.total.payout), calc(plan).total.payout);
    assert.ok(seen.violations.some((v) => v.includes('worker-src') || v.includes('script-src')), seen.violations.join('\n'));
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});

/**
 * Opens `name`, a host page of the project's server that loads the element
 * from the CDN's folder (`<script type="module" src="http://…/tandem-calculator/tandem.js">`)
 * under the Content-Security-Policy `policy(cdnOrigin)`, once its element is
 * ready; `seen` gathers its requests, failed responses, policy violations and
 * page errors.
 */
async function fromCdn(name, policy) {
  const from = `http://127.0.0.1:${cdn.address().port}`;
  writeFileSync(join(project, name), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="${policy(from)}">
<script type="module" src="${from}/tandem-calculator/tandem.js"></script>
</head><body><tandem-calculator id="calc"></tandem-calculator></body></html>`);
  const page = await browser.newPage();
  const seen = { requests: [], failed: [], violations: [], errors: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('response', (r) => r.status() >= 400 && seen.failed.push(`${r.status()} ${r.url()}`));
  page.on('requestfailed', (r) => seen.failed.push(`failed ${r.url()}`));
  page.on('console', (m) => m.text().includes('Content Security Policy') && seen.violations.push(m.text()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/${name}`);
  await page.waitForSelector('#calc[ready]');
  return { page, from, seen };
}
