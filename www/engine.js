// The Tandem engine: the Wasm module, initialised once and shared by every
// caller (the promise is memoised, so concurrent callers wait for one load).
import init, * as core from './pkg/tandem.js';
import { movedAssets } from './assets.js';
import { followLocale } from './words.js';

let ready;

/** Resolves to the module's exports: calculate, check, sweep, version. */
export function engine() {
  // Named here with a literal path, not left to the loader's own
  // `import.meta.url`: a bundler that inlines the loader into the host's
  // bundle would look for the module beside that bundle.
  const moved = movedAssets();
  const wasm = moved ? new URL('pkg/tandem_bg.wasm', moved) : new URL('./pkg/tandem_bg.wasm', import.meta.url);
  ready ??= init({ module_or_path: wasm }).then(() => {
    // Errors and warnings come in the language of the words around them.
    followLocale((tag) => core.setLanguage(tag));
    return core;
  });
  return ready;
}
