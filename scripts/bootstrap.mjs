// Sets up whatever is missing for `npm start` and `npm test`, and does
// nothing (quickly) when everything is there:
//   - the wasm32-unknown-unknown Rust target;
//   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock;
//   - node_modules, when missing or older than package-lock.json;
//   - with --browser: Chromium and ChromeDriver (Debian's packages, through
//     apt-get when running as root; CHROME_PATH and CHROMEDRIVER override);
//   - with --office: LibreOffice Calc (Debian's libreoffice-calc-nogui;
//     SOFFICE overrides), which the tests open the payouts CSV with.
// Usage: node scripts/bootstrap.mjs [--browser] [--office]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { must, output, run } from './shell.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function fail(message) {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

function rustTarget() {
  if (output('cargo', ['--version']) === null) {
    fail('Rust is missing: install it with rustup (https://rustup.rs), then run this again.');
  }
  const installed = output('rustup', ['target', 'list', '--installed']) ?? '';
  if (!installed.split('\n').includes('wasm32-unknown-unknown')) {
    console.log('• Adding the wasm32-unknown-unknown Rust target');
    must('rustup', ['target', 'add', 'wasm32-unknown-unknown']);
  }
}

function wasmBindgen() {
  const lock = readFileSync(new URL('../Cargo.lock', import.meta.url), 'utf8');
  const wanted = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
  if (!wanted) fail('Cargo.lock names no wasm-bindgen version.');
  const found = output('wasm-bindgen', ['--version'])?.split(' ')[1];
  const runner = output('wasm-bindgen-test-runner', ['--version'])?.split(' ')[1];
  if (found !== wanted || runner !== wanted) {
    console.log(`• Installing wasm-bindgen-cli ${wanted} (found ${found ?? 'none'}); this takes a few minutes once`);
    must('cargo', ['install', 'wasm-bindgen-cli', '--version', wanted]);
  }
}

function nodeModules() {
  const marker = new URL('../node_modules/.package-lock.json', import.meta.url);
  const lock = new URL('../package-lock.json', import.meta.url);
  const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
  if (stale) {
    console.log('• Installing npm packages');
    const ci = existsSync(lock) ? ['ci'] : ['install'];
    must('npm', [...ci, '--no-audit', '--no-fund'], { cwd: root });
  }
}

/** Paths of Chromium and ChromeDriver, installing Debian's packages when possible. */
export function browserPaths() {
  return {
    chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    driver: process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver',
  };
}

function browser() {
  const { chrome, driver } = browserPaths();
  if (existsSync(chrome) && existsSync(driver)) return;
  const root = process.getuid?.() === 0;
  if (root && output('apt-get', ['--version']) !== null) {
    console.log('• Installing Debian\'s chromium and chromium-driver');
    must('apt-get', ['update', '-qq']);
    must('apt-get', ['install', '-y', '-qq', 'chromium', 'chromium-driver'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(chrome) && existsSync(driver)) return;
  }
  fail(
    `Chromium and ChromeDriver are needed for the browser tests and were not found at ${chrome} and ${driver}.\n` +
      '  On Debian or Ubuntu: sudo apt-get install chromium chromium-driver\n' +
      '  Elsewhere: install Chrome or Chromium and a matching ChromeDriver, then set CHROME_PATH and CHROMEDRIVER.',
  );
}

/** LibreOffice's `soffice`, which opens the payouts CSV as a spreadsheet in the tests. */
export function officePath() {
  return process.env.SOFFICE ?? '/usr/bin/soffice';
}

function office() {
  if (existsSync(officePath())) return;
  if (process.getuid?.() === 0 && output('apt-get', ['--version']) !== null) {
    console.log('• Installing Debian\'s libreoffice-calc-nogui');
    must('apt-get', ['update', '-qq']);
    must('apt-get', ['install', '-y', '-qq', 'libreoffice-calc-nogui'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(officePath())) return;
  }
  fail(
    `LibreOffice is needed to check the payouts CSV as spreadsheets open it, and was not found at ${officePath()}.\n` +
      '  On Debian or Ubuntu: sudo apt-get install libreoffice-calc-nogui\n' +
      '  Elsewhere: install LibreOffice and set SOFFICE to its soffice.',
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  rustTarget();
  wasmBindgen();
  nodeModules();
  if (process.argv.includes('--browser')) browser();
  if (process.argv.includes('--office')) office();
  if (run('node', ['--version'], { stdio: 'ignore' }) !== 0) fail('Node.js is missing.');
  console.log(`✓ Set up (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
