// Builds the Wasm module into www/pkg: cargo (release, size-tuned), then
// wasm-bindgen for the web, then wasm-opt -Oz; prints the module's size.
// Then writes dist/: the page, <tandem-calculator> (dist/tandem.js) and an
// example host page (dist/example.html), ready for any static web server.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { must } from './shell.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const wasm = `${root}www/pkg/tandem_bg.wasm`;

must('cargo', ['build', '--release', '--lib', '--no-default-features', '--target', 'wasm32-unknown-unknown'], { cwd: root });
must('wasm-bindgen', [
  `${root}target/wasm32-unknown-unknown/release/tandem.wasm`,
  '--target', 'web',
  '--out-dir', `${root}www/pkg`,
], { cwd: root });
// The features Rust's wasm32 target turns on by default.
must(`${root}node_modules/.bin/wasm-opt`, [
  '-Oz',
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
  wasm, '-o', wasm,
], { cwd: root });

// The page's presets are the example plans.
cpSync(`${root}examples`, `${root}www/pkg/examples`, { recursive: true });

rmSync(`${root}dist`, { recursive: true, force: true });
cpSync(`${root}www`, `${root}dist`, { recursive: true });

const bytes = readFileSync(wasm);
const gzipped = gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`✓ www/pkg/tandem_bg.wasm: ${kb(bytes.length)} raw, ${kb(gzipped)} gzipped (budget 60 KB gzipped)`);
console.log('✓ dist/: the page, tandem.js with <tandem-calculator>, example.html');
