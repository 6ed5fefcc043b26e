// The packed package inside the host apps people build: Vite + React 19 +
// TypeScript, webpack + Vue 3 (templates compiled ahead of time) and esbuild
// with plain JavaScript. Each is built for production with its own tool, as
// its README says, served, and opened in Chromium: the element finds every
// file it loads, pays what the CLI pays, and nothing warns in the console.
// The React host is type-checked by `tsc --strict` with lib dom + es2022
// and no skipLibCheck, and renders a fresh but equal plan object on every
// render: the element must not recalculate for it.
//
// The hosts live under target/hosts/ so that their tools resolve the
// bundlers and frameworks this project installs (package.json); each
// installs the package from its tarball.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { calc, example, root, tmp } from './harness.mjs';

const hosts = join(root, 'target/hosts');
const bin = (name) => join(root, 'node_modules/.bin', name);
const plan = example('shared-revenue');
let tarball;
let browser;
const servers = [];

/** A fresh host folder with `files`, the package installed from its tarball. */
function host(name, files) {
  const dir = join(hosts, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `host-${name}`, private: true, type: 'module' }));
  execFileSync('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--silent'], { cwd: dir, stdio: 'inherit' });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** `folder` served and opened (`watch(page)` before it loads): the payouts it shows, what it logged, and every response that failed. */
async function open(folder, watch = () => {}) {
  const server = await serve(folder, 0);
  servers.push(server);
  const page = await browser.newPage();
  watch(page);
  const logged = [];
  const failed = [];
  page.on('console', (m) => ['warning', 'error'].includes(m.type()) && logged.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logged.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('tandem-calculator[ready]');
  await page.waitForSelector('[data-field="total-payout"]');
  const payouts = await page.locator('#results [data-field="payout"]').evaluateAll((els) => els.map((el) => [el.dataset.team, el.dataset.value]));
  return { page, payouts, logged, failed };
}

/** What the CLI pays, in the page's shape. */
const expected = () => calc(plan).teams.map((t) => [t.id, t.payout]);

/** Opens a preset and runs the simulation: the examples, the stylesheet, the Wasm modules and the worker all load. */
async function everyAsset(page) {
  await page.click('[data-preset="siloed"]');
  await page.waitForFunction(() => document.querySelector('tandem-calculator').shadowRoot.querySelector('#scenarios [aria-pressed="true"]')?.textContent === 'Siloed');
  await page.waitForSelector('#forecast[data-sim-state="done"]', { timeout: 60000 });
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('tandem-calculator').shadowRoot.querySelector('#results')).display);
  assert.notEqual(styled, '', 'the stylesheet applies');
}

before(async () => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'tandem'], { cwd: root, stdio: 'inherit' });
  const name = execFileSync('npm', ['pack', join(root, 'dist'), '--pack-destination', tmp, '--silent'], { encoding: 'utf8' }).trim().split('\n').at(-1);
  tarball = join(tmp, name);
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  for (const server of servers) server.close();
});

describe('host apps built with their own tools', () => {
  test('Vite + React 19 + TypeScript: tsc --strict passes, vite build finds every asset, an equal plan is not recalculated', async () => {
    const dir = host('vite-react', {
      'index.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>',
      'src/plan.ts': `import type { Plan } from 'tandem-calculator';\nexport const text = ${JSON.stringify(JSON.stringify(plan))};\nexport const fresh = (): Plan => JSON.parse(text) as Plan;\n`,
      'src/main.tsx': `import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'tandem-calculator/react';
import type { Result } from 'tandem-calculator';
import { fresh } from './plan';

declare global {
  interface Window { changes: number; renders: number }
}
window.changes = 0;
window.renders = 0;

function App() {
  const [tick, setTick] = useState(0);
  // The usual host: shows the total from tandem-change, so every change renders it again.
  const [total, setTotal] = useState('');
  // Re-rendered a few times, each time with a new plan object of equal content.
  useEffect(() => {
    if (tick < 5) setTimeout(() => setTick(tick + 1), 50);
  }, [tick]);
  window.renders += 1;
  const plan = fresh();
  return (
    <main data-tick={tick}>
      <p data-total={total}>{total}</p>
      <tandem-calculator plan={plan} ontandem-change={(event: CustomEvent<Result>) => { window.changes += 1; setTotal(event.detail.total.payout); }} />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
`,
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, lib: ['dom', 'es2022'], target: 'es2022', module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', noEmit: true, types: [] }, include: ['src'] }),
      'vite.config.js': `import react from '@vitejs/plugin-react';\nexport default { plugins: [react()], logLevel: 'warn' };\n`,
    });
    execFileSync(bin('tsc'), ['-p', dir], { cwd: dir, stdio: 'inherit' });
    const out = execFileSync(bin('vite'), ['build', '--outDir', 'out'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.doesNotMatch(out, /warn|invalid/i, out);
    const { page, payouts, logged, failed } = await open(join(dir, 'out'));
    assert.deepEqual(payouts, expected());
    await page.waitForFunction(() => document.querySelector('main').dataset.tick === '5');
    assert.ok(await page.evaluate(() => window.renders) >= 6, 'the host rendered again and again');
    // The first plan was calculated once; the equal ones after it were not.
    assert.equal(await page.evaluate(() => window.changes), 1);
    // Typed into, the element keeps the edit though the host renders its plan again on every change.
    const actual = page.locator('#editor [data-path="goals[0].actual"]');
    await actual.click();
    await actual.press('ControlOrMeta+a');
    await actual.pressSequentially('2000000', { delay: 30 });
    await actual.press('Tab');
    const edited = structuredClone(plan);
    edited.goals[0].actual = '2000000';
    const want = calc(edited).total.payout;
    await page.waitForFunction((t) => document.querySelector('[data-total]').dataset.total === t, want);
    assert.equal(await actual.inputValue(), '2,000,000');
    await everyAsset(page);
    assert.deepEqual(failed, []);
    assert.deepEqual(logged, []);
  });

  test('webpack + Vue 3 compiled ahead of time: every asset found, no console warning', async () => {
    const dir = host('webpack-vue', {
      'index.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"><script defer src="main.js"></script></head><body><div id="app"></div></body></html>',
      'src/App.vue': `<template>
  <tandem-calculator :plan="plan" @tandem-change="changes += 1"></tandem-calculator>
</template>
<script>
import 'tandem-calculator/vue';
import plan from './plan.json';
export default { data: () => ({ plan, changes: 0 }) };
</script>
`,
      'src/plan.json': JSON.stringify(plan),
      'src/main.js': `import { createApp } from 'vue';\nimport App from './App.vue';\ncreateApp(App).mount('#app');\n`,
      'webpack.config.js': `import webpack from 'webpack';
import { VueLoaderPlugin } from 'vue-loader';
import { fileURLToPath } from 'node:url';
const here = fileURLToPath(new URL('.', import.meta.url));
export default (env) => ({
  mode: env.mode,
  // Development mode keeps Vue's warnings: the test reads the console.
  devtool: false,
  entry: './src/main.js',
  output: { path: here + 'out', filename: 'main.js', publicPath: 'auto', clean: true },
  module: { rules: [{ test: /\\.vue$/, loader: 'vue-loader', options: { compilerOptions: { isCustomElement: (tag) => tag === 'tandem-calculator' } } }] },
  plugins: [
    new VueLoaderPlugin(),
    // Vue's compile-time flags, as its docs ask of a webpack host.
    new webpack.DefinePlugin({ __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' }),
  ],
  resolve: { modules: ['node_modules', ${JSON.stringify(join(root, 'node_modules'))}] },
  resolveLoader: { modules: ['node_modules', ${JSON.stringify(join(root, 'node_modules'))}] },
});
`,
    });
    for (const mode of ['production', 'development']) {
      const out = execFileSync(bin('webpack'), ['--env', `mode=${mode}`, '--no-stats'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.doesNotMatch(out, /warning|error/i, out);
      writeFileSync(join(dir, 'out/index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"><script defer src="main.js"></script></head><body><div id="app"></div></body></html>');
      const { page, payouts, logged, failed } = await open(join(dir, 'out'));
      assert.deepEqual(payouts, expected(), mode);
      await everyAsset(page);
      assert.deepEqual(failed, [], mode);
      assert.deepEqual(logged, [], mode);
    }
  });

  test('esbuild with plain JavaScript and the package’s one plugin: every asset found beside the bundle', async () => {
    const dir = host('esbuild', {
      'src/main.js': `import 'tandem-calculator';\nconst el = document.createElement('tandem-calculator');\nel.plan = ${JSON.stringify(plan)};\ndocument.body.append(el);\n`,
      'build.mjs': `import { build } from ${JSON.stringify(join(root, 'node_modules/esbuild/lib/main.js'))};
import { tandemAssets } from 'tandem-calculator/esbuild';
await build({ entryPoints: ['src/main.js'], bundle: true, format: 'esm', minify: true, outdir: 'out', plugins: [tandemAssets()], logLevel: 'warning' });
`,
    });
    execFileSync('node', ['build.mjs'], { cwd: dir, stdio: 'inherit' });
    writeFileSync(join(dir, 'out/index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"><script type="module" src="main.js"></script></head><body></body></html>');
    const { page, payouts, logged, failed } = await open(join(dir, 'out'));
    assert.deepEqual(payouts, expected());
    await everyAsset(page);
    assert.deepEqual(failed, []);
    assert.deepEqual(logged, []);
  });

  test('esbuild without the plugin, the package’s files moved to /static/tandem/ and named by the assets attribute: every file found there', async () => {
    const dir = host('esbuild-assets', {
      'src/main.js': `import 'tandem-calculator';\nconst el = document.createElement('tandem-calculator');\nel.setAttribute('assets', '/static/tandem/');\nel.plan = ${JSON.stringify(plan)};\ndocument.body.append(el);\n`,
      'build.mjs': `import { build } from ${JSON.stringify(join(root, 'node_modules/esbuild/lib/main.js'))};
await build({ entryPoints: ['src/main.js'], bundle: true, format: 'esm', minify: true, outdir: 'out', logLevel: 'warning' });
`,
    });
    execFileSync('node', ['build.mjs'], { cwd: dir, stdio: 'inherit' });
    // The server serves the package's folder as it is, elsewhere: nothing of it beside the bundle.
    cpSync(join(dir, 'node_modules/tandem-calculator'), join(dir, 'out/static/tandem'), { recursive: true });
    writeFileSync(join(dir, 'out/index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"><script type="module" src="main.js"></script></head><body></body></html>');
    const loaded = [];
    const { page, payouts, logged, failed } = await open(join(dir, 'out'), (p) => p.on('request', (r) => loaded.push(new URL(r.url()).pathname)));
    assert.deepEqual(payouts, expected());
    // A preset loads, the simulation runs to its end and a roster is read: the examples, the stylesheet, the three Wasm modules and both workers.
    await everyAsset(page);
    await page.setInputFiles('#roster-file', join(root, 'examples/roster.csv'));
    await page.waitForFunction(() => /^Imported|not imported/.test(document.querySelector('tandem-calculator').shadowRoot.querySelector('#status').textContent));
    assert.match(await page.locator('#status').textContent(), /^Imported roster\.csv: Sales: 4 members; Marketing: 3 members \(/);
    // A second calculator, on its own preset: its first result comes from the first result's module, found there too.
    const preset = await page.evaluate(async () => {
      const el = document.createElement('tandem-calculator');
      el.setAttribute('assets', '/static/tandem/');
      document.body.append(el);
      await new Promise((resolve) => el.addEventListener('tandem-change', resolve, { once: true }));
      return el.result.total.payout;
    });
    assert.equal(preset, calc(example('shared-revenue')).total.payout);
    for (const file of ['tandem.css', 'pkg/first/tandem_bg.wasm', 'pkg/tandem_bg.wasm', 'pkg/examples/siloed.json', 'simulate-worker.js', 'roster-worker.js', 'pkg/full/tandem.js', 'pkg/full/tandem_bg.wasm']) {
      assert.ok(loaded.includes(`/static/tandem/${file}`), file);
    }
    assert.deepEqual(loaded.filter((path) => !path.startsWith('/static/tandem/') && !['/', '/main.js'].includes(path)), []);
    assert.deepEqual(failed, []);
    assert.deepEqual(logged, []);
  });
});
