// Builds the Wasm module three times: the first result's into
// www/pkg/first (a plan's Result and targets, src/first.rs), built
// for size; the page's own into www/pkg, without the simulation, the
// roster reader and the plain sweep, which the page loads after its first
// result; and the whole core into www/pkg/full (the simulation's and the
// roster's workers, and the package's `./core`). Each: cargo (release,
// opt-level 3, the first result's "z"), then wasm-bindgen for the web, then
// wasm-opt (-O3, the first result's -Oz); prints their sizes.
// Then writes dist/: the page, <tandem-calculator> (dist/tandem.js), two
// example host pages (example.html, framework.html), ready for any static
// web server, and an npm package (`npm pack dist`): package.json with the
// element and the plain core API as exports, their types and the Custom
// Elements Manifest. In dist/ the element's modules are bundled and
// minified by esbuild: the element (tandem.js) and the modules it starts
// with, the first result's Wasm module's loader among them (shared.js),
// then the parts loaded after the first result (the page's module's
// loader, the editing parts, the forecast, …) and the German words, each a
// file of its own (the whole core's loader and the two workers stay files of
// their own): `npm start` serves dist/, whose page loads 3 scripts (its
// own and the element's two) instead of 22. www/ keeps the modules as they
// are written, for reading and for the tests.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, buildSync, transformSync } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { must } from './shell.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const wasm = `${root}www/pkg/tandem_bg.wasm`;
const fullWasm = `${root}www/pkg/full/tandem_bg.wasm`;
const firstWasm = `${root}www/pkg/first/tandem_bg.wasm`;

/**
 * The core with `features` into `outDir`: cargo, wasm-bindgen, wasm-opt.
 * `named`: its loader is always given the module's address (engine.js).
 */
function module(features, outDir, { named = false, small = false } = {}) {
  // Built for size in a folder of its own, so that the other two builds'
  // artifacts are not built again each time.
  const target = small ? `${root}target/small` : `${root}target`;
  const env = small ? { ...process.env, CARGO_TARGET_DIR: target, CARGO_PROFILE_RELEASE_OPT_LEVEL: 'z' } : process.env;
  must('cargo', ['build', '--release', '--lib', '--no-default-features', ...features, '--target', 'wasm32-unknown-unknown'], { cwd: root, env });
  // The snippets (src/tape.js, and the whole core's src/cross.js) of this build only, under a folder named by a hash.
  rmSync(`${outDir}/snippets`, { recursive: true, force: true });
  must('wasm-bindgen', [
    `${target}/wasm32-unknown-unknown/release/tandem.wasm`,
    '--target', 'web',
    '--out-dir', outDir,
  ], { cwd: root });
  // Hosts type-check with `lib: ["dom", "es2022"]`, which has no
  // Symbol.dispose (ES2025's `using`): the declarations leave it out; `free()`
  // releases a handle.
  const types = `${outDir}/tandem.d.ts`;
  writeFileSync(types, readFileSync(types, 'utf8').replace(/^ *\[Symbol\.dispose\]\(\): void;\n/gm, ''));
  // wasm-bindgen's loader copies a string into the module with a loop in
  // JavaScript over its leading ASCII characters, then TextEncoder's
  // encodeInto for the rest. The loop is the slow half: for the 336 KB plan
  // of 10,000 members it takes 1 to 2 ms where encodeInto takes 0.03 ms, and
  // for the preset about 3 times as long (`npm run bench` times both: "The
  // boundary" in docs/benchmarks.md). Without it every string goes to
  // encodeInto whole. A loader without the loop fails the build, so that a
  // new wasm-bindgen is looked at again.
  const loader = `${outDir}/tandem.js`;
  const asciiLoop = /\n( *)for \(; offset < len; offset\+\+\) \{\n\1 {4}const code = arg\.charCodeAt\(offset\);\n\1 {4}if \(code > 0x7F\) break;\n\1 {4}mem\[ptr \+ offset\] = code;\n\1\}\n/;
  const glue = readFileSync(loader, 'utf8');
  if (!asciiLoop.test(glue)) throw new Error(`${loader}: wasm-bindgen's ASCII copy loop was not found; see scripts/build.mjs`);
  let written = glue.replace(asciiLoop, '\n');
  // The page's module's loader is bundled into dist/shared.js, and engine.js
  // always names the module: the loader's own guess, tandem_bg.wasm beside
  // itself, would send a host's bundler (webpack) looking for it beside
  // shared.js, and fail its build. Left out, as the ASCII loop is.
  const guess = /\n( *)if \(module_or_path === undefined\) \{\n\1 {4}module_or_path = new URL\('tandem_bg\.wasm', import\.meta\.url\);\n\1\}\n/;
  if (named) {
    if (!guess.test(written)) throw new Error(`${loader}: wasm-bindgen's default address of the module was not found; see scripts/build.mjs`);
    written = written.replace(guess, '\n');
  }
  writeFileSync(loader, written);
  // The features Rust's wasm32 target turns on by default. -O3 rather than
  // -Oz: 2-3 % faster on the preset and on a keystroke (A/B in one process),
  // for 0.3 KB more of the page's module gzipped.
  must(`${root}node_modules/.bin/wasm-opt`, [
    small ? '-Oz' : '-O3',
    '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
    `${outDir}/tandem_bg.wasm`, '-o', `${outDir}/tandem_bg.wasm`,
  ], { cwd: root });
}
module(['--features', 'full'], `${root}www/pkg/full`);
module([], `${root}www/pkg`, { named: true });
module(['--features', 'first'], `${root}www/pkg/first`, { named: true, small: true });

// The page's presets are the example plans.
cpSync(`${root}examples`, `${root}www/pkg/examples`, { recursive: true });
// lit-html, which draws the results, as the page as written loads it:
// its two files, beside the modules that import them (dist/ bundles them).
for (const file of ['lit-html.js', 'directive.js']) cpSync(`${root}node_modules/lit-html/${file}`, `${root}www/vendor/${file}`);

rmSync(`${root}dist`, { recursive: true, force: true });
// The element's modules, bundled into two files: tandem.js, the element,
// and shared.js, every module it starts with, which the parts it loads
// after the first result (the page's module's loader, the editing parts,
// the forecast, the statement, the embed dialog, the files) import too,
// with the first result's Wasm module's loader. esbuild
// alone would split them into a chunk per set of importers, seven files:
// over HTTP/1.1 a browser fetches six at a time from one host, and the
// page's first result waited for a second round (`npm run bench`, "First
// result"). The parts loaded later are files of their own, and so are the
// German words (german.js), loaded only where the element speaks German.
const options = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  // The whole core's loader finds its module next to itself.
  external: ['./pkg/full/tandem.js'],
  minify: true,
  sourcemap: 'linked',
  metafile: true,
  // Inputs in the metafile are then relative to the project.
  absWorkingDir: root,
  logLevel: 'warning',
};
const graph = buildSync({ ...options, entryPoints: ['www/tandem.js'], outdir: `${root}target/graph`, splitting: true, write: false, sourcemap: false }).metafile.inputs;
/** The modules `from` imports as it loads, itself included. */
const closure = (from, seen = new Set()) => {
  if (seen.has(from)) return seen;
  seen.add(from);
  for (const { path, kind, external } of graph[from].imports) if (kind === 'import-statement' && !external) closure(path, seen);
  return seen;
};
const element = 'www/tandem.js';
const startup = [...closure(element)].filter((path) => path !== element);
const startupSet = new Set(startup);
// The parts loaded later: what the modules the element starts with import
// when they need them.
const later = [...new Set(startup.flatMap((path) => graph[path].imports.filter(({ kind, external }) => kind === 'dynamic-import' && !external).map(({ path: part }) => part)))];
/** Imports of the modules in `paths` go to `file`, a file of dist/ (beside every output). */
const onlyIn = (paths, file) => ({
  name: 'elsewhere',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir }) => {
      const target = relative(root, join(resolveDir, path));
      return paths.has(target) ? { path: `./${file(target)}`, external: true } : undefined;
    });
  },
});
const toShared = onlyIn(startupSet, () => 'shared.js');
// The element; then the parts, each a file named by its hash, with chunks
// for what only they share; then shared.js, whose modules load the parts by
// those names.
const bundle = await build({ ...options, entryPoints: [element], outdir: `${root}dist`, plugins: [toShared] });
const parts = await build({ ...options, entryPoints: later, outdir: `${root}dist`, splitting: true, entryNames: '[name]-[hash]', chunkNames: '[name]-[hash]', plugins: [toShared] });
const partFiles = new Map(Object.entries(parts.metafile.outputs).filter(([, { entryPoint }]) => entryPoint).map(([file, { entryPoint }]) => [entryPoint, relative('dist', file)]));
// What shared.js exports: every name of each module the element or a part
// imports from it, under its own name (a name two of them export would be
// neither's; the check below finds one imported).
const entered = new Set();
const seen = new Set();
const enter = (from) => {
  if (seen.has(from)) return;
  seen.add(from);
  for (const { path, kind, external } of graph[from].imports) {
    if (external || kind !== 'import-statement') continue;
    if (startupSet.has(path)) entered.add(path);
    else enter(path);
  }
};
for (const from of [element, ...later]) enter(from);
const shared = await build({
  ...options,
  stdin: { contents: [...entered].map((path) => `export * from './${path}';`).join('\n'), resolveDir: root, sourcefile: 'shared.js', loader: 'js' },
  outfile: `${root}dist/shared.js`,
  plugins: [onlyIn(new Set(later), (part) => partFiles.get(part))],
});
// Each name the element and its later parts import from shared.js is there
// (esbuild checks no name an external file is to export): the files as
// written, bundled once more with shared.js, unwritten.
const written = [bundle, parts].flatMap(({ metafile }) => Object.keys(metafile.outputs)).filter((file) => file.endsWith('.js'));
buildSync({ ...options, entryPoints: written, outdir: `${root}target/linked`, splitting: true, write: false, sourcemap: false, metafile: false, logLevel: 'error' });
const bundled = new Set([bundle, parts, shared].flatMap(({ metafile }) => Object.keys(metafile.inputs)).map((input) => relative('www', input)));
cpSync(`${root}www`, `${root}dist`, {
  recursive: true,
  // The bundle holds these; the entry is the bundle itself.
  filter: (source) => !bundled.has(relative(`${root}www`, source)),
});
// Minified as the bundle is: the whole core's loader, the workers, the
// page's script and the stylesheets. Not the loader's snippet (src/tape.js),
// whose tape separators (U+0001) esbuild would write as raw control
// characters.
for (const file of ['pkg/full/tandem.js', 'simulate-worker.js', 'roster-worker.js', 'page.js', 'tandem.css', 'page.css', 'example.css']) {
  const path = `${root}dist/${file}`;
  const loader = file.endsWith('.css') ? 'css' : 'js';
  const { code, warnings } = transformSync(readFileSync(path, 'utf8'), { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, target: loader === 'js' ? 'es2022' : undefined });
  // A warning is a rule the browser drops too (a stray "}" dropped the rule after it, unseen): the build stops on it.
  if (warnings.length) throw new Error(`${file}: ${warnings.map((w) => `line ${w.location?.line}: ${w.text}`).join('; ')}`);
  writeFileSync(path, code);
}
// The page preloads shared.js (every module the element imports is in it),
// not the modules inside it, nor the parts loaded after the first result.
const chunks = ['shared.js'];
const page = readFileSync(`${root}dist/index.html`, 'utf8')
  .replace(/\n *<link rel="modulepreload" href="([^"]+)">/g, (line, href) => (bundled.has(href) ? '' : line))
  .replace('<script type="module" src="tandem.js"></script>', (tag) => [tag, ...chunks.map((chunk) => `<link rel="modulepreload" href="${chunk}">`)].join('\n  '));
writeFileSync(`${root}dist/index.html`, page);
cpSync(`${root}README.md`, `${root}dist/README.md`);
// The Custom Elements Manifest, written from the element's JSDoc tags by
// the analyzer, so that it cannot drift from the source; its private members
// left out, its module named as the package ships it.
must(`${root}node_modules/.bin/cem`, ['analyze', '--globs', 'www/tandem.js', '--outdir', 'target/cem', '--quiet'], { cwd: root });
const analyzed = JSON.parse(readFileSync(`${root}target/cem/custom-elements.json`, 'utf8'));
const shipped = {
  ...analyzed,
  readme: 'README.md',
  modules: analyzed.modules.map((m) => ({
    ...m,
    path: 'tandem.js',
    declarations: m.declarations.map((d) => ({ ...d, members: d.members?.filter((member) => member.privacy !== 'private' && !member.name.startsWith('#') && !member.static) })),
    exports: m.exports.map((e) => ({ ...e, declaration: { ...e.declaration, module: 'tandem.js' } })),
  })),
};
writeFileSync(`${root}dist/custom-elements.json`, `${JSON.stringify(shipped, null, 2)}\n`);
const project = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const manifest = {
  name: 'tandem-calculator',
  version: project.version,
  description: project.description,
  license: project.license,
  type: 'module',
  main: './tandem.js',
  types: './tandem.d.ts',
  exports: {
    '.': { types: './tandem.d.ts', default: './tandem.js' },
    './core': { types: './pkg/full/tandem.d.ts', default: './pkg/full/tandem.js' },
    './react': { types: './react.d.ts', default: './react.js' },
    './vue': { types: './vue.d.ts', default: './vue.js' },
    './esbuild': { types: './esbuild.d.ts', default: './esbuild.js' },
    './tandem.css': './tandem.css',
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  files: ['*.js', '*.js.map', '*.d.ts', '*.css', '*.html', '*.svg', 'custom-elements.json', 'pkg/'],
  customElements: 'custom-elements.json',
  sideEffects: ['./tandem.js', './shared.js', './react.js', './vue.js', './framework.js'],
  keywords: ['incentive', 'compensation', 'sales', 'marketing', 'custom-element', 'web-component', 'wasm'],
};
writeFileSync(`${root}dist/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [path, what] of [[firstWasm, 'the first result’s module'], [wasm, 'the page’s module, loaded after the first result where the first result’s module drew it'], [fullWasm, 'the whole core, for the workers and the package’s ./core, loaded after the first result']]) {
  const bytes = readFileSync(path);
  console.log(`✓ ${relative(root, path)}: ${kb(bytes.length)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzipped (${what})`);
}
// What the element loads as it starts: tandem.js and shared.js.
const starting = ['tandem.js', ...chunks].map((file) => readFileSync(`${root}dist/${file}`));
const size = (gzip) => kb(starting.reduce((n, bytes) => n + (gzip ? gzipSync(bytes, { level: 9 }).length : bytes.length), 0));
console.log(`✓ dist/: the page, tandem.js with <tandem-calculator> (${bundled.size} modules bundled; as it starts, ${starting.length} files: ${size(false)}, ${size(true)} gzipped; the editing parts, the page's module's loader, the forecast, statement, embed dialog and files after the first result), example.html, framework.html; an npm package (npm pack dist)`);
