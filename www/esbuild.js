// `tandem-calculator/esbuild`: an esbuild plugin for hosts that bundle the
// element with esbuild. esbuild leaves `new URL('./file', import.meta.url)`
// alone, so the element looks for its files beside the host's bundle; this
// plugin copies them there (the Wasm modules, their loaders, the workers,
// the stylesheet and the preset plans) when a build ends. Node only.
//
//   import { tandemAssets } from 'tandem-calculator/esbuild';
//   await esbuild.build({ entryPoints: ['main.js'], bundle: true, outdir: 'out', plugins: [tandemAssets()] });
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const FILES = ['pkg', 'tandem.css', 'simulate-worker.js', 'roster-worker.js'];

/** The plugin: after each build, the element's files beside the bundle (`outdir`, or `outfile`'s folder). */
export function tandemAssets() {
  return {
    name: 'tandem-assets',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length) return;
        const { outdir, outfile } = build.initialOptions;
        const into = outdir ?? (outfile ? dirname(outfile) : '.');
        for (const file of FILES) cpSync(join(here, file), join(into, file), { recursive: true });
      });
    },
  };
}
