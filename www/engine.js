// The Tandem engine: the Wasm module, initialised once and shared by every
// caller (the promise is memoised, so concurrent callers wait for one load).
// Three builds of it: the first result's (pkg/first/: one plan's Result,
// built for size), with which an element that starts on the page's own
// preset draws its first result; the page's own (pkg/), which holds the
// scenarios and answers for them; and the whole core (pkg/full/: solve,
// the dial, check, payouts CSV, the simulation), loaded after the first
// result. The page's module's loader is loaded with it: where the first
// result's module draws the first result, after that.
import initFirst, * as firstCore from './pkg/first/tandem.js';
import { movedAssets } from './assets.js';

let ready;
let whole;
let first;
/** The page's module's exports, once loaded (`adopt`). */
let core = null;
/** The first of the first result's module and the page's that loaded: both write the texts `shown` gives. */
let texts = null;

/**
 * Where a page that started the page's module compiling before this code
 * arrived leaves it (the full page does, as it is read: index.html):
 * `{ url, module }`, the module's address and a promise of the compiled
 * module. A key of the global symbol registry, so that the page needs none
 * of this code to write it.
 */
const EARLY = Symbol.for('tandem-calculator.module');

/**
 * The module at `url`, compiled from its bytes, not as they stream in: the
 * page preloads them, so they are all there at once, and the browser then
 * decodes and checks them on a thread of its own, where a streaming compile
 * of bytes that have all arrived does it on the page's (5 to 19 ms before
 * the first result, in Chromium traces of the page as `npm start` serves it).
 */
async function compiled(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Where the module called `file` is served: beside this module, or where the page moved the files. */
function served(file) {
  const moved = movedAssets();
  // Named here with a literal path, not left to the loader's own
  // `import.meta.url`: a bundler that inlines the loader into the host's
  // bundle would look for the module beside that bundle.
  if (file === 'first') return moved ? new URL('pkg/first/tandem_bg.wasm', moved) : new URL('./pkg/first/tandem_bg.wasm', import.meta.url);
  return moved ? new URL('pkg/tandem_bg.wasm', moved) : new URL('./pkg/tandem_bg.wasm', import.meta.url);
}

/** The module at `wasm`: the page's own compile of it, if it started one (if that failed, this one's says why). */
function compiledEarly(wasm) {
  const early = globalThis[EARLY];
  return early?.url === wasm.href ? early.module.catch(() => compiled(wasm)) : compiled(wasm);
}

/**
 * Resolves to the first result's module's exports (pkg/first/):
 * `firstAnswer` (what the `Calculator` answers for a plan it has just
 * opened, or null when the plan has errors), `maxScenarios`, `setLanguage`
 * and the texts of `shown`.
 */
export function firstEngine() {
  first ??= compiledEarly(served('first'))
    .then((module) => initFirst({ module_or_path: module }))
    .then(() => {
      texts ??= firstCore;
      return firstCore;
    });
  return first;
}

/**
 * The core's texts for the page's number format (`shownPercent`,
 * `shownFactor`, `shownAmount`, `shownRatio`): from whichever module
 * loaded first, the first result's or the page's.
 */
export function shown() {
  return texts;
}

/** The page's module's exports once loaded (by `engine`), or null: the paths' text (paths.js) is theirs. */
export function pageCore() {
  return core;
}

/**
 * The page's module's exports, `loaded` by the caller (a test in Node,
 * which loads it from its file): what `engine` keeps of the module it
 * loads itself.
 */
export function adopt(loaded) {
  core = loaded;
  texts ??= loaded;
  return loaded;
}

/** Resolves to the page's module's exports: the Calculator, the scenario file's reader and writer. */
export function engine() {
  ready ??= Promise.all([compiledEarly(served('page')), import('./pkg/tandem.js')]).then(async ([module, loader]) => {
    await loader.default({ module_or_path: module });
    return adopt(loader);
  });
  return ready;
}

/** Resolves to the whole core's exports (pkg/full/): solve, dial, check, payoutsCsv, calculate, evaluate, … */
export function wholeEngine() {
  const moved = movedAssets();
  const wasm = moved ? new URL('pkg/full/tandem_bg.wasm', moved) : new URL('./pkg/full/tandem_bg.wasm', import.meta.url);
  whole ??= import('./pkg/full/tandem.js').then(async (full) => {
    await full.default({ module_or_path: wasm });
    return full;
  });
  return whole;
}

/**
 * The exports of `core` (either module) as one element calls them: the
 * module is one for every element on the page, so each call first says the
 * language its errors and warnings are to be written in, `tag()`'s (the
 * element's locale). Classes (the `Calculator`) and `setLanguage` are
 * given as they are: who calls a calculator says the language first.
 */
export function speaking(core, tag) {
  return new Proxy(core, {
    get(module, name) {
      const value = module[name];
      if (typeof value !== 'function' || /^[A-Z]/.test(name) || name === 'setLanguage') return value;
      return (...args) => {
        module.setLanguage(tag());
        return value(...args);
      };
    },
  });
}
