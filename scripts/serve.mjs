// Serves www/ on http://localhost:8080 (PORT or --port to change it) with
// Node's own http module: the right MIME types (.wasm as application/wasm),
// compressed (Brotli or gzip, as the browser accepts; each file compressed
// once) and nothing outside the folder. `node scripts/serve.mjs dist` serves the
// built dist/ instead (what `npm start` does: the element bundled).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

/** Types worth compressing: text and Wasm (images are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.ts', '.map']);

/** Each file's compressed bytes, by encoding, path and modification time. */
const compressed = new Map();

/** `body` of `file` as the request accepts it: `[bytes, encoding]`. */
async function encode(request, file, body) {
  const accepts = request.headers['accept-encoding'] ?? '';
  const encoding = !COMPRESSIBLE.has(extname(file)) ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
  if (!encoding) return [body, null];
  const key = `${encoding} ${file} ${(await stat(file)).mtimeMs}`;
  if (!compressed.has(key)) {
    compressed.set(key, encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }));
  }
  return [compressed.get(key), encoding];
}

/**
 * Starts a static server for `dir`; resolves to the server once it listens.
 * `headers` are sent with every file (the tests' CDN: `Access-Control-Allow-Origin`).
 */
export function serve(dir, port, headers = {}) {
  const base = normalize(dir + sep);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404).end();
      return;
    }
    try {
      const [body, encoding] = await encode(request, file, await readFile(file));
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        ...headers,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag > 0 ? process.argv[flag + 1] : process.env.PORT ?? 8080);
  // A folder of the project's: www (the modules as written) or dist (built).
  const folder = process.argv.slice(2).find((arg, i, args) => !arg.startsWith('-') && args[i - 1] !== '--port') ?? 'www';
  if (!['www', 'dist'].includes(folder)) {
    console.error(`✗ Serve www or dist, not ${folder}.`);
    process.exit(2);
  }
  const dir = fileURLToPath(new URL(`../${folder}`, import.meta.url));
  serve(dir, port).then(
    () => console.log(`\nTandem is running at http://localhost:${port}/  (Ctrl+C to stop)`),
    (error) => {
      console.error(`✗ Cannot serve on port ${port}: ${error.message}. Set PORT to use another.`);
      process.exit(1);
    },
  );
}
