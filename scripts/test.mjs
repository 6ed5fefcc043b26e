// Every test of the project, in the order a failure is cheapest to find:
// formatting and lints, native tests (core, CLI, properties), the Wasm
// boundary in Node and in headless Chromium, the page's build, its modules
// in Node, then the page and the npm package end to end.
// Each runner's summary lines are repeated at the end, with one total line.
// Run through `npm test`, which first sets up what is missing.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserPaths } from './bootstrap.mjs';
// For its side effect: cargo's bin folder on PATH (wasm-bindgen-test-runner).
import './shell.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { chrome, driver } = browserPaths();

// ChromeDriver starts Chromium headless; these flags keep it off the network
// and working as root.
const webdriverJson = join(mkdtempSync(join(tmpdir(), 'tandem-')), 'webdriver.json');
writeFileSync(webdriverJson, JSON.stringify({
  'goog:chromeOptions': {
    binary: chrome,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  },
}));
const wasmTest = ['test', '--target', 'wasm32-unknown-unknown', '--no-default-features', '--features', 'full', '--test', 'wasm_api'];
const wasmEnv = { CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: 'wasm-bindgen-test-runner' };
const testsIn = (folder) => readdirSync(join(root, folder)).filter((f) => f.endsWith('.test.mjs')).map((f) => `${folder}/${f}`);
const e2e = testsIn('tests/e2e');

const steps = [
  ['format', 'cargo', ['fmt', '--check']],
  ['lint (native)', 'cargo', ['clippy', '--all-targets', '--', '-D', 'warnings']],
  ['lint (wasm)', 'cargo', ['clippy', '--all-targets', '--target', 'wasm32-unknown-unknown', '--no-default-features', '--features', 'full', '--', '-D', 'warnings']],
  ['lint (the page’s wasm, without the full core)', 'cargo', ['clippy', '--lib', '--target', 'wasm32-unknown-unknown', '--no-default-features', '--', '-D', 'warnings']],
  ['lint (the first result’s wasm)', 'cargo', ['clippy', '--lib', '--target', 'wasm32-unknown-unknown', '--no-default-features', '--features', 'first', '--', '-D', 'warnings']],
  ['native tests', 'cargo', ['test']],
  ['wasm tests in Node', 'cargo', wasmTest, wasmEnv],
  ['wasm tests in Chromium', 'cargo', wasmTest, {
    ...wasmEnv,
    WASM_BINDGEN_USE_BROWSER: '1',
    CHROMEDRIVER: driver,
    WASM_BINDGEN_TEST_WEBDRIVER_JSON: webdriverJson,
  }],
  // The page's modules use the core built here.
  ['build the page', 'node', ['scripts/build.mjs']],
  ['page modules in Node', 'node', ['--test', '--test-reporter=spec', ...testsIn('tests/js')]],
  ['page end to end', 'node', ['--test', '--test-reporter=spec', ...e2e], { CHROME_PATH: chrome }],
];

/** Runs one step, echoing its output, and keeps its runner's summary lines. */
function step(name, command, args, env = {}) {
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    const summary = [];
    let passed = 0;
    let failed = 0;
    // Output arrives in chunks that can split a line: keep the unfinished tail.
    const tails = new Map();
    const scan = (chunk, stream) => {
      stream.write(chunk);
      const text = (tails.get(stream) ?? '') + chunk.toString();
      const lines = text.split('\n');
      tails.set(stream, lines.pop());
      for (const line of lines) {
        const cargo = line.match(/test result: \w+\. (\d+) passed; (\d+) failed/);
        const node = line.match(/^ℹ (pass|fail) (\d+)$/);
        if (cargo) {
          passed += Number(cargo[1]);
          failed += Number(cargo[2]);
          summary.push(line.trim());
        } else if (node) {
          if (node[1] === 'pass') passed += Number(node[2]);
          else failed += Number(node[2]);
          summary.push(line.trim());
        }
      }
    };
    child.stdout.on('data', (chunk) => scan(chunk, process.stdout));
    child.stderr.on('data', (chunk) => scan(chunk, process.stderr));
    child.on('error', () => resolve({ name, status: -1, summary, passed, failed }));
    child.on('close', (status) => resolve({ name, status, summary, passed, failed }));
  });
}

const results = [];
for (const [name, command, args, env] of steps) {
  results.push(await step(name, command, args, env));
}

console.log('\n━━ Summary');
let passed = 0;
let failed = 0;
for (const result of results) {
  passed += result.passed;
  failed += result.failed;
  const mark = result.status === 0 ? '✓' : '✗';
  const counts = result.summary.length ? ` (${result.passed} passed, ${result.failed} failed)` : '';
  console.log(`${mark} ${result.name}${counts}`);
}
const stepsFailed = results.filter((r) => r.status !== 0).length;
console.log(`\ntests: ${passed} passed, ${failed} failed`);
if (stepsFailed) {
  console.log(`${stepsFailed} step(s) failed.`);
  process.exit(1);
}
