// `npm run screenshots`: retakes the README's pictures (docs/screenshot.png
// and docs/chart.png) from the real page in headless Chromium. A script, not
// a test, so that `npm test` never rewrites tracked files.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { browserPaths } from './bootstrap.mjs';
import { serve } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await serve(join(root, 'www'), 0);
const browser = await chromium.launch({
  executablePath: browserPaths().chrome,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('tandem-calculator[ready]');
  await page.screenshot({ path: join(root, 'docs/screenshot.png') });
  await page.locator('.shared-fate').screenshot({ path: join(root, 'docs/chart.png') });
  console.log('✓ docs/screenshot.png, docs/chart.png');
} finally {
  await browser.close();
  server.close();
}
