// What the end-to-end tests share: the real CLI, a static server for a
// folder, and Debian's Chromium (never a downloaded browser).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { GERMAN } from '../../www/german.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const tmp = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
export const example = (name) => JSON.parse(readFileSync(join(root, 'examples', `${name}.json`), 'utf8'));
export const cli = join(root, 'target/debug/tandem');

/** Builds the CLI, serves `folder` and launches Chromium; `close()` stops both. */
export async function start(folder) {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'tandem'], { cwd: root, stdio: 'inherit' });
  const server = await serve(join(root, folder), 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return {
    browser,
    base: `http://127.0.0.1:${server.address().port}/`,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/**
 * For a test file: serves `folder` and launches Chromium before its tests,
 * gives `take({ browser, base })` what was started, and stops both after.
 */
export function serving(folder, take) {
  let close;
  before(async () => {
    const started = await start(folder);
    close = started.close;
    take(started);
  });
  after(async () => {
    await close?.();
  });
}

/** The CLI's result for a plan. */
export function calc(plan) {
  const file = join(tmp, `plan-${Date.now()}-${Math.random()}.json`);
  writeFileSync(file, JSON.stringify(plan));
  return JSON.parse(execFileSync(cli, ['calc', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
}

/** `tandem simulate`'s JSON for a plan (with its forecast). */
export function simulate(plan) {
  const file = join(tmp, `sim-${Date.now()}-${Math.random()}.json`);
  writeFileSync(file, JSON.stringify(plan));
  return JSON.parse(execFileSync(cli, ['simulate', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
}

/**
 * The simulation's statistics as "What it may cost" shows them (the exact
 * values of its `.sim-stats` cells, by team and statistic), in the shadow
 * root of the element `selector`.
 */
export function shownStats(page, selector = 'tandem-calculator') {
  return page.evaluate((s) => {
    const section = document.querySelector(s).shadowRoot.querySelector('#forecast');
    const teams = {};
    for (const el of section.querySelectorAll('.sim-stats [data-sim-team]')) (teams[el.dataset.simTeam] ??= {})[el.dataset.stat] = el.dataset.value;
    return teams;
  }, selector);
}

/**
 * Types into the editor's field at `path` the way a person does: a click,
 * select all, the keys one by one with a pause between them, then Tab to
 * leave.
 */
export async function keyIn(page, path, text) {
  const input = page.locator(`#editor [data-path="${path}"]`);
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  if (text) await input.pressSequentially(text, { delay: 40 });
  await input.press('Tab');
}

/** `text` as a German page says it (www/german.js), each `{name}` filled from `params`. */
export function german(text, params = {}) {
  assert.ok(text in GERMAN, `no German for “${text}”`);
  return GERMAN[text].replace(/\{(\w+)\}/g, (hole, name) => (name in params ? String(params[name]) : hole));
}
