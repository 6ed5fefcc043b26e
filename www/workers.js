// Starting the element's module workers (the simulation's, the roster's)
// wherever the package is served from. A page may start a worker only from
// a script of its own origin: with the package on a CDN, `new Worker(url)`
// throws a SecurityError. Then the worker is a same-origin blob whose one
// line imports the real script; that module finds its imports and its Wasm
// module from its own URL (`import.meta.url`), not the blob's, and fetches
// them with CORS, so the CDN must send `Access-Control-Allow-Origin`, and a
// host page's Content-Security-Policy must allow `worker-src blob:` (README,
// "Put it on your own page").
//
// The worker is first started as the caller writes it, because bundlers
// recognise and rewrite only `new Worker(new URL(literal, import.meta.url))`,
// and webpack turns a bare `import.meta.url` into a file: URL, so its
// origin cannot be compared beforehand.

/**
 * Starts the module worker `file` of the folder `folder` (a URL): `start()`
 * when given (the caller's `new Worker(new URL(literal, import.meta.url))`),
 * else a plain module worker; if the browser refuses it as of another
 * origin, a blob worker that imports it. Throws when no worker can start; a
 * worker that starts and then cannot load its script fires `error`.
 */
export function moduleWorker(file, folder, start = () => new Worker(new URL(file, folder), { type: 'module' })) {
  try {
    return start();
  } catch (error) {
    if (error.name !== 'SecurityError') throw error;
  }
  const blob = URL.createObjectURL(new Blob([`import ${JSON.stringify(new URL(file, folder).href)};\n`], { type: 'text/javascript' }));
  try {
    return new Worker(blob, { type: 'module' });
  } finally {
    // The worker took the blob when it was constructed.
    URL.revokeObjectURL(blob);
  }
}
