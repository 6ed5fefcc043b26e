// The page as `npm start` serves it (dist/), and the example host page,
// loading without moving: cumulative layout shift measured by Chromium's
// own Layout Instability API while each loads, on a desktop and a phone,
// with the CPU slowed four times (a phone's, or a busy laptop's) and, on the
// phone, Lighthouse's mobile network (150 ms round trips, 1.6 Mbit/s).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serving } from './harness.mjs';

let browser;
let base;
serving('dist', (started) => ({ browser, base } = started));

const VIEWPORTS = [
  ['desktop', { viewport: { width: 1280, height: 900 } }, null],
  ['phone', { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75 }, { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }],
];

/** The layout shift of `path` loading, until every calculator on it is ready and has drawn its chart. */
async function shiftOf(path, options, network) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  }
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(base + path);
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll('tandem-calculator')];
    return all.length > 0 && all.every((el) => el.hasAttribute('ready') && (el.hasAttribute('compact') || el.shadowRoot.querySelector('.shared-fate polyline')));
  });
  // Shifts are reported after the frame that made them: two more frames.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const shift = await page.evaluate(() => window.__shift);
  await context.close();
  return shift;
}

describe('loading without layout shift', () => {
  for (const path of ['', 'example.html']) {
    for (const [name, options, network] of VIEWPORTS) {
      test(`${path || 'the full page'} on a ${name}: cumulative layout shift below 0.05`, async () => {
        const shift = await shiftOf(path, options, network);
        assert.ok(shift < 0.05, `layout shift ${shift.toFixed(3)}`);
      });
    }
  }
});
