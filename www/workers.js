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
  const url = new URL(file, folder).href;
  try {
    return start();
  } catch (error) {
    let refused = error;
    // A page that requires Trusted Types refuses a plain URL (a TypeError): the same worker, by the policy.
    const trusted = error.name === 'TypeError' ? scriptUrl(url) : url;
    if (trusted !== url) {
      try {
        return new Worker(trusted, { type: 'module' });
      } catch (again) {
        refused = again;
      }
    }
    if (refused.name !== 'SecurityError') throw refused;
  }
  const blob = URL.createObjectURL(new Blob([`import ${JSON.stringify(url)};\n`], { type: 'text/javascript' }));
  try {
    return new Worker(scriptUrl(blob), { type: 'module' });
  } finally {
    // The worker took the blob when it was constructed.
    URL.revokeObjectURL(blob);
    vouched.delete(blob);
  }
}

/** The URLs the policy vouches for: the workers' scripts and their blobs, each as it is about to start. */
const vouched = new Set();
let policy;

/**
 * `url` as a page that requires Trusted Types for scripts takes a worker's
 * (`require-trusted-types-for 'script'`): a TrustedScriptURL of the policy
 * "tandem", which such a page allows by naming it (`trusted-types lit-html
 * tandem`; README, "Put it on your own page"). The policy makes only these
 * workers' URLs, no other. The URL itself where the browser has no Trusted
 * Types, or the page does not allow the policy.
 */
function scriptUrl(url) {
  if (policy === undefined) {
    try {
      policy = globalThis.trustedTypes?.createPolicy('tandem', {
        createScriptURL: (asked) => {
          if (!vouched.has(asked)) throw new TypeError(`Tandem's Trusted Types policy makes only its workers' URLs, not ${asked}`);
          return asked;
        },
      }) ?? null;
    } catch {
      // Not allowed by the page (or made already by another copy of the element).
      policy = null;
    }
  }
  if (!policy) return url;
  vouched.add(url);
  return policy.createScriptURL(url);
}
