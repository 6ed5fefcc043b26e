// Typing in the page, as issue 10 measures it: from the input event on a
// goal's actual result until the new total is in the DOM with style and
// layout computed (a layout property read forces them), 40 edits on the
// "Shared revenue" preset with three scenarios open, in headless Chromium.
// Also split: the handler's JavaScript, then style and layout. `rounds`
// fresh pages of `edits` edits each, pooled: on a shared machine one round
// moves by a third from run to run.

/** Median and p90 of the three times over `rounds` × `edits` edits of the page at `url`. */
export async function typing(browser, url, { edits = 40, rounds = 3 } = {}) {
  const times = [];
  for (let round = 0; round < rounds; round += 1) times.push(...(await onePage(browser, url, edits)));
  const stat = (k) => {
    const sorted = times.map((t) => t[k]).sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], p90: sorted[Math.floor(sorted.length * 0.9)] };
  };
  return { total: stat(0), script: stat(1), layout: stat(2), edits, rounds };
}

/** `[total, script, layout]` of each of `edits` edits on a fresh page. */
async function onePage(browser, url, edits) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('tandem-calculator[ready]');
  await page.locator('#duplicate').click();
  await page.locator('#duplicate').click();
  await page.waitForSelector('.comparison [data-scenario="2"]');
  const times = await page.evaluate(async (count) => {
    const root = document.querySelector('tandem-calculator').shadowRoot;
    const input = root.querySelector('[data-path="goals[0].actual"]');
    const out = [];
    for (let i = 0; i < count + 5; i += 1) {
      input.value = String(1800000 + (i % 7) * 12345);
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const t1 = performance.now();
      void root.querySelector('[data-field="total-payout"]').getBoundingClientRect().height;
      const t2 = performance.now();
      if (i >= 5) out.push([t2 - t0, t1 - t0, t2 - t1]);
      // A frame between edits, as between keystrokes.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }
    return out;
  }, edits);
  await context.close();
  return times;
}
