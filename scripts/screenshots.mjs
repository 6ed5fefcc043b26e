// `npm run screenshots`: retakes the README's pictures (docs/screenshot.png
// and docs/chart.png) from the real page in headless Chromium, and the
// printed comparison of examples/siloed-vs-shared.json (docs/comparison.pdf,
// and each of its pages as a picture, docs/comparison-N.png). A script, not
// a test, so that `npm test` never rewrites tracked files.
import { readFileSync } from 'node:fs';
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

  // The consultant's leave-behind: two scenarios, their forecast simulated, printed as a comparison.
  const file = readFileSync(join(root, 'examples/siloed-vs-shared.json'));
  const print = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await print.goto(`http://127.0.0.1:${server.address().port}/#scenarios=${file.toString('base64url')}`);
  await print.waitForSelector('#forecast[data-sim-state="done"]');
  await print.evaluate(() => {
    window.print = () => {};
  });
  await print.click('#print');
  await print.locator('#print-dialog input[value="comparison"]').check();
  await print.click('#print-go');
  await print.locator('#statement .print-comparison').first().waitFor({ state: 'attached' });
  await print.emulateMedia({ media: 'print' });
  await print.pdf({ path: join(root, 'docs/comparison.pdf'), format: 'A4' });
  const pages = print.locator('#statement .statement-page');
  for (let i = 0; i < (await pages.count()); i += 1) await pages.nth(i).screenshot({ path: join(root, `docs/comparison-${i + 1}.png`) });
  console.log(`✓ docs/comparison.pdf, docs/comparison-1.png … docs/comparison-${await pages.count()}.png`);
} finally {
  await browser.close();
  server.close();
}
