// The Tandem engine: the Wasm module, initialised once and shared by every
// caller (the promise is memoised, so concurrent callers wait for one load).
import init, * as core from './pkg/tandem.js';

let ready;

/** Resolves to the module's exports: calculate, check, sweep, version. */
export function engine() {
  ready ??= init().then(() => core);
  return ready;
}
