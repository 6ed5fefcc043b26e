// `npm run lighthouse`: Lighthouse 12.2.3 (installed on first use into
// target/lighthouse, pinned) against the page as `npm start` serves it
// (dist/, compressed) and the example host page, mobile and desktop, in
// Debian's headless Chromium. Prints the four scores of each run and writes
// them into docs/benchmarks.md ("Lighthouse").
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const VERSION = '12.2.3';
const home = join(root, 'target/lighthouse');
const cli = join(home, 'node_modules/.bin/lighthouse');
if (!existsSync(cli)) {
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'package.json'), '{ "private": true }\n');
  execFileSync('npm', ['install', '-E', `lighthouse@${VERSION}`, '--no-audit', '--no-fund', '--silent'], { cwd: home, stdio: 'inherit' });
}

const server = await serve(join(root, 'dist'), 0);
const base = `http://localhost:${server.address().port}/`;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const rows = [];
try {
  for (const [page, path] of [['the full page', ''], ['example.html', 'example.html']]) {
    for (const form of ['mobile', 'desktop']) {
      const out = join(home, `${form}-${path || 'index'}.json`);
      // Not execFileSync: the server answering Lighthouse runs in this process.
      await promisify(execFile)(cli, [
        base + path,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        ...(form === 'desktop' ? ['--preset=desktop'] : []),
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking',
      ], { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 });
      const report = JSON.parse(readFileSync(out, 'utf8'));
      const scores = CATEGORIES.map((c) => Math.round(report.categories[c].score * 100));
      const failing = Object.values(report.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual').map((a) => a.id);
      rows.push({ page, form, scores, lcp: report.audits['largest-contentful-paint'].displayValue, cls: report.audits['cumulative-layout-shift'].displayValue, failing });
      console.log(`${page} (${form}): ${CATEGORIES.map((c, i) => `${c} ${scores[i]}`).join(', ')}; LCP ${rows.at(-1).lcp}, CLS ${rows.at(-1).cls}${failing.length ? `; below 90: ${failing.join(', ')}` : ''}`);
    }
  }
} finally {
  server.close();
}

const doc = join(root, 'docs/benchmarks.md');
const section = [
  '## Lighthouse',
  '',
  `Lighthouse ${VERSION} (\`npm run lighthouse\`), headless Chromium, the page as \`npm start\` serves it (dist/, Brotli) and the example host page; mobile is Lighthouse's default (a mid-range phone on a slow 4G link, CPU slowed 4×), desktop its desktop preset. Run on ${new Date().toISOString().slice(0, 10)}.`,
  '',
  '| page | form | performance | accessibility | best practices | SEO | LCP | CLS |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.page} | ${r.form} | ${r.scores.join(' | ')} | ${r.lcp} | ${r.cls} |`),
  '',
].join('\n');
const text = readFileSync(doc, 'utf8');
const at = text.indexOf('## Lighthouse');
const next = at < 0 ? -1 : text.indexOf('\n## ', at + 1);
writeFileSync(doc, at < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, at)}${section}${next < 0 ? '' : text.slice(next + 1)}`);
