// The full page's inline script (index.html: the module compiled, the
// example plan fetched and Intl made ready as the page is read) runs only
// where its Content-Security-Policy names its hash: a script edited without
// its hash would be blocked, and the page would start as slowly as before
// without a word. The e2e tests see the violation; this says which hash to
// write.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const page = readFileSync(new URL('../../www/index.html', import.meta.url), 'utf8');

test('the page’s Content-Security-Policy allows each of its inline scripts by its hash, and no other inline script', () => {
  const policy = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  const scripts = policy.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === 'script-src').slice(1);
  const inline = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  assert.equal(inline.length, 1, 'one inline script');
  assert.deepEqual(scripts.filter((s) => s.startsWith("'sha256-")), inline, 'script-src names the hash of the inline script as written');
  assert.ok(!scripts.includes("'unsafe-inline'"));
});
