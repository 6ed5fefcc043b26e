// Fresh-page equivalence: what the page shows is a function of its state.
// A seeded generator of what people do (typing key by key into any field,
// renames, goals and teams added and removed, presets including the Blank
// plan, the dials by keyboard, scenarios duplicated, switched and removed, the chart's goal picked,
// shared results on and off, the locale changed) runs on one page; after
// each sequence, the element's whole shadow DOM text and every form
// control's value must equal what a fresh page opened on the element's own
// link (and locale) shows.
//
// Left out of the comparison, each for a reason of its own: the line that
// says what the last edit changed, the notes on how a typed entry was read
// ("Read as 1,50: …"), the status line and the Undo a preset offers (they tell what happened, not
// what is), the preset's note (a link does not say which
// preset a plan came from), the solve form's choices and answer (not part
// of the plan; its lists of teams and goals are compared), the simulation's section (it runs on its own, in a worker), the
// printed statement, and the results and the scenarios side by side while an entry is wrong (the page
// keeps the last complete entry's, marked out of date; a fresh page has
// none).
//
// Seeded: a failure prints its seed, the actions and the first difference.
// `TANDEM_FRESH_SEQUENCES` sets how many (npm test runs 250),
// `TANDEM_FRESH_SEED` where they start, `TANDEM_FRESH_WORKERS` how many
// pairs of tabs share them (2).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { random } from '../../bench/workloads.mjs';
import { keyIn, serving } from './harness.mjs';

const SEQUENCES = Number(process.env.TANDEM_FRESH_SEQUENCES ?? 250);
const SEED = Number(process.env.TANDEM_FRESH_SEED ?? 20261204);
const STEPS = 5;
const WORKERS = Number(process.env.TANDEM_FRESH_WORKERS ?? 2);

let browser;
let base;
serving('www', (started) => ({ browser, base } = started));

/** What each kind of field is typed: plain forms every locale reads. */
const VALUES = {
  number: ['2000000', '150', '0', '1234.5', '95'],
  money: ['40000', '120000.50', '0', '999'],
  percent: ['50', '0', '100', '33.33'],
  text: ['Demand Gen', 'Bookings', 'Closers', ''],
};

/** One thing a person does, chosen by `rand`; returns what it did, in words. */
async function act(page, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const actions = {
    async type() {
      const fields = await page.evaluate(() =>
        [...document.querySelector('tandem-calculator').shadowRoot.querySelectorAll('#editor input[data-path]')]
          .filter((f) => !f.readOnly && !f.disabled && f.getClientRects().length > 0 && ['number', 'money', 'percent', 'text'].includes(f.dataset.parse) && f.dataset.path !== 'currency')
          .map((f) => [f.dataset.path, f.dataset.parse]));
      if (!fields.length) return 'nothing to type into';
      const [path, kind] = pick(fields);
      const text = pick(VALUES[kind]);
      await keyIn(page, path, text);
      return `typed “${text}” into ${path}`;
    },
    async add() {
      const which = pick(['goal', 'team']);
      const button = page.locator(`#editor [data-add="${which}"]`);
      if (await button.isDisabled()) return `no ${which} to add`;
      await button.click();
      return `added a ${which}`;
    },
    async remove() {
      // The Remove buttons a person can see and press (a folded section
      // hides some), picked by their labels in one look: the editor may
      // redraw between two looks.
      const labels = await page.evaluate(() =>
        [...document.querySelector('tandem-calculator').shadowRoot.querySelectorAll('#editor button[aria-label]')]
          .filter((b) => /^Remove/.test(b.textContent) && !b.disabled && b.getClientRects().length > 0)
          .map((b) => b.getAttribute('aria-label')));
      if (!labels.length) return 'nothing to remove';
      const label = labels[Math.floor(rand() * labels.length)];
      await page.locator(`#editor button[aria-label=${JSON.stringify(label)}]`).first().click();
      return `clicked ${label}`;
    },
    async preset() {
      const name = pick(['blank', 'siloed', 'shared', 'teaching', 'dial', 'leverage', 'advanced']);
      await page.click(`[data-preset="${name}"]`);
      // A preset is fetched: it has loaded once the page says so, naming
      // the scenario as its button is named (in the page's language).
      await page.waitForFunction((n) => {
        const root = document.querySelector('tandem-calculator').shadowRoot;
        const tab = root.querySelector('#scenarios [aria-pressed="true"]');
        return tab && tab.textContent === root.querySelector(`[data-preset="${n}"]`).textContent;
      }, name);
      return `opened the ${name} preset`;
    },
    async dial() {
      const dials = page.locator('#editor [data-dial-range]:not([disabled])');
      const count = await dials.count();
      if (!count) return 'no dial';
      const i = Math.floor(rand() * count);
      const key = pick(['End', 'Home', 'ArrowLeft', 'ArrowRight']);
      await dials.nth(i).focus();
      await page.keyboard.press(key);
      await page.keyboard.press('Tab');
      return `pressed ${key} on dial ${i}`;
    },
    async scenario() {
      const what = pick(['duplicate', 'switch', 'remove', 'own']);
      if (what === 'duplicate') {
        if (await page.locator('#duplicate').isDisabled()) return 'no room to duplicate';
        await page.click('#duplicate');
      } else if (what === 'switch') {
        const tabs = page.locator('#scenarios .tab');
        await tabs.nth(Math.floor(rand() * (await tabs.count()))).click();
      } else if (what === 'remove') {
        const button = page.locator('#scenarios button', { hasText: 'Remove this scenario' });
        if (!(await button.count())) return 'one scenario: none to remove';
        await button.click();
      } else {
        const own = page.locator('#own-results');
        if (!(await own.count())) return 'one scenario: no results to share';
        await own.click();
      }
      return `scenario: ${what}`;
    },
    async format() {
      // The full page's own picker (hidden once the element has a `locale`).
      const picker = page.locator('#locale-picker');
      if (!(await picker.isVisible())) return 'no number format picker';
      const tag = pick(['', 'en-US', 'en-GB', 'de-DE', 'fr-FR', 'en-IN']);
      await picker.selectOption(tag);
      await settled(page);
      return `picked the number format ${tag || 'of the browser'}`;
    },
    async paste() {
      // Cells as a spreadsheet copies them, pasted into a goal's field: replaced when every cell reads.
      const path = pick(['goals[0].name', 'goals[1].target', 'goals[0].actual']);
      const field = page.locator(`#editor [data-path="${path}"]`);
      if (!(await field.count()) || !(await field.isEditable())) return `no field ${path} to paste into`;
      const rows = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => [pick(['Bookings', 'New ARR']), pick(VALUES.number), pick(VALUES.number)].join('\t'));
      await page.evaluate(([p, text]) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        const input = document.querySelector('tandem-calculator').shadowRoot.querySelector(`#editor [data-path="${p}"]`);
        input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
      }, [path, rows.join('\n')]);
      const apply = page.locator('[data-action="apply-paste"]');
      if (!(await page.locator('#paste-dialog[open]').count())) return `pasted into ${path}: nothing to review`;
      if (await apply.isDisabled()) {
        await page.click('[data-action="cancel-paste"]');
        return `pasted ${rows.length} rows into ${path}: a cell could not be read, cancelled`;
      }
      await apply.click();
      return `pasted ${rows.length} rows into ${path}`;
    },
    async chart() {
      // The goal the chart and the comparison follow, as the reader picks it.
      const select = page.locator('.chart-goal select');
      if (!(await select.count()) || !(await select.isVisible())) return 'no chart to pick a goal for';
      const goals = await select.locator('option').evaluateAll((options) => options.map((o) => o.value));
      const goal = pick(goals);
      await select.selectOption(goal);
      return `charted ${goal}`;
    },
    async locale() {
      const tag = pick(['en-US', 'de-DE', 'fr-FR', 'en-IN']);
      await page.evaluate((t) => document.querySelector('tandem-calculator').setAttribute('locale', t), tag);
      // As a person waits for the page to speak the language (German words are fetched).
      await page.waitForFunction((t) => {
        const frame = document.querySelector('tandem-calculator').shadowRoot.querySelector('.frame');
        return frame.dataset.locale === t && !frame.hasAttribute('aria-busy');
      }, tag);
      return `locale ${tag}`;
    },
  };
  const name = pick([...Object.keys(actions), 'type', 'type', 'type']);
  return actions[name]();
}

/** The page once it has nothing left to do: the link written, the editor drawn, its words loaded. */
async function settled(page) {
  await page.waitForFunction(() => {
    const e = document.querySelector('tandem-calculator');
    return e.hasAttribute('ready') && !e.hasAttribute('linking') && !e.shadowRoot.querySelector('.frame[aria-busy]');
  });
}

/**
 * Everything the element shows, but what the comparison leaves out (above):
 * its text, piece by piece, and every control's value and state.
 */
function snapshot(page) {
  return page.evaluate(() => {
    const root = document.querySelector('tandem-calculator').shadowRoot;
    const stale = root.querySelector('#results')?.classList.contains('stale');
    const skip = ['[data-field="changed"]', '.field-note', '#status', '#undo', '#announce', '#preset-note', '#solver', '#forecast', '#statement', '#link-problem', '#busy', 'style', ...(stale ? ['#results', '#comparison', '#summary-bar', '#stale'] : [])];
    const skipped = (node) => skip.some((s) => (node.nodeType === 1 ? node : node.parentElement)?.closest(s));
    const text = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.textContent.trim();
      if (t && !skipped(n) && n.parentElement.getClientRects().length > 0) text.push(t);
    }
    const controls = [...root.querySelectorAll('input, select, textarea')]
      .filter((c) => !skipped(c) && c.type !== 'file')
      // Named by their data (ids made up per page differ from page to page).
      .map((c) => `${Object.entries(c.dataset).map(([k, v]) => `${k}:${v}`).join(' ') || c.id}=${c.type === 'checkbox' ? c.checked : c.value}${c.disabled ? ' (disabled)' : ''}${c.readOnly ? ' (read-only)' : ''}`);
    // The solve form's lists follow the plan (its choices do not travel in the link).
    for (const option of root.querySelectorAll('#solver option')) text.push(`solve option: ${option.textContent}`);
    return { text, controls, stale };
  });
}

/** The first place two lists differ, in words. */
function firstDifference(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) return `at ${i}: “${a[i]}” here, “${b[i]}” on a fresh page (around: ${JSON.stringify(a.slice(Math.max(0, i - 2), i + 3))})`;
  }
  return null;
}

/**
 * Sequence `seed`'s first `steps` actions on a page opened on the preset,
 * then the same link (and locale) on a fresh page: what each shows, and
 * the actions in words.
 */
async function sequence(page, fresh, seed, steps) {
  // The tab in front, as a person's is: a tab behind has its frames
  // throttled, and every click waits for frames.
  await page.bringToFront();
  await page.goto('about:blank');
  await page.goto(base);
  await settled(page);
  const rand = random(seed);
  const done = [];
  for (let step = 0; step < steps; step += 1) done.push(await act(page, rand));
  await settled(page);
  const here = await snapshot(page);
  const link = await page.evaluate(() => location.hash);
  const locale = await page.evaluate(() => document.querySelector('tandem-calculator').getAttribute('locale'));
  await fresh.bringToFront();
  await fresh.goto('about:blank');
  await fresh.goto(base + link);
  await settled(fresh);
  if (locale) {
    await fresh.evaluate((t) => document.querySelector('tandem-calculator').setAttribute('locale', t), locale);
    await settled(fresh);
  }
  const there = await snapshot(fresh);
  const difference = firstDifference(here.text, there.text) ?? firstDifference(here.controls, there.controls);
  return { done, difference };
}

describe('fresh-page equivalence', () => {
  test(`after each of ${SEQUENCES} sequences of ${STEPS} actions, the page shows what a fresh page on its own link shows`, async () => {
    // Sequences are shared among WORKERS pairs of tabs (a page and its
    // fresh page), each in a window of its own.
    let next = 0;
    const failures = [];
    const worker = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const fresh = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      fresh.on('pageerror', (e) => errors.push(`fresh page: ${e.message}`));
      while (next < SEQUENCES && !failures.length) {
        const seed = SEED + next;
        next += 1;
        let run;
        try {
          run = await sequence(page, fresh, seed, STEPS);
        } catch (error) {
          // An action the page did not let happen (a control that never became clickable): a failure of its own seed.
          failures.push(`seed ${seed}: ${error.message.split('\n')[0]}`);
          break;
        }
        if (errors.length) {
          failures.push(`seed ${seed}: ${run.done.join('; ')}\n${errors.join('\n')}`);
          break;
        }
        if (run.difference === null) continue;
        // The shortest first part of the sequence that still differs.
        let shortest = run;
        for (let steps = 1; steps < STEPS; steps += 1) {
          const shorter = await sequence(page, fresh, seed, steps);
          if (shorter.difference !== null) {
            shortest = shorter;
            break;
          }
        }
        failures.push(`seed ${seed}, ${shortest.done.length} actions: ${shortest.done.join('; ')}\n${shortest.difference}`);
      }
      await context.close();
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    assert.deepEqual(failures, []);
  });
});
