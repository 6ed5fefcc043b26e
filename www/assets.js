// Where the element's files are served: beside its own module, found by
// `new URL('./file', import.meta.url)` with literal paths, which Vite and
// webpack follow (they copy each file and rewrite its URL). A page whose
// server or bundler moves them (esbuild leaves these URLs alone) names the
// folder that holds the package's files with the element's `assets`
// attribute; the first element that names one sets it for the page, since
// the Wasm module is loaded once.

let moved = null;

/** Uses the package's files from `url` (resolved against the page's URL) from now on. */
export function useAssets(url) {
  moved ??= new URL(url.endsWith('/') ? url : `${url}/`, document.baseURI);
}

/** The folder a page moved the files to, or null when they sit beside the module. */
export function movedAssets() {
  return moved;
}
