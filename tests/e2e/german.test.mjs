// The page in German: a German payroll analyst reads no English. Every
// preset is opened with every part of it unfolded (the math, the cost and
// its simulation, the solve form, the dials, errors by their fields,
// warnings, the print, embed and paste dialogs), and every text, label and
// option of the element and of the full page around it must be German;
// the payouts are the CLI's, written the German way. Back in English, no
// German is left.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GERMAN } from '../../www/german.js';
import { join } from 'node:path';
import { calc, example, german, keyIn, root, serving } from './harness.mjs';

let browser;
let base;
serving('www', (started) => ({ browser, base } = started));

// Words that are English and not German: one of them in a German page is a
// sentence or label left untranslated.
const ENGLISH = /\b(the|and|of|is|are|with|from|each|this|that|your|what|which|when|not|by|its|would|will|have|has|their|than|could|should|been|there|these|every|only|shared|payouts?|targets?|goals?|results?|weights?|curves?|scenarios?|incentives?|members?|share|open|show|print|cancel|copy|paste|add|remove|none|above|below|between)\b/i;
// English texts whose German is the same word (a "Team" is a "Team").
const SAME = new Set(Object.entries(GERMAN).filter(([english, german]) => english === german).map(([english]) => english));

/** Every text the reader meets in the element and on the page: text nodes, labels, titles, placeholders. */
function texts(page) {
  return page.evaluate(() => {
    const found = [];
    const walk = (root, where) => {
      const nodes = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let node = nodes.currentNode; node; node = nodes.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement;
          // The page's own words are in it in both languages: the reader meets the one shown.
          const unshown = parent?.closest('[data-page] > [lang]') && !parent.getClientRects().length;
          if (parent && !unshown && !parent.closest('style, script, [data-plan-text]') && node.textContent.trim()) found.push([where, node.textContent.trim()]);
          continue;
        }
        for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
          const value = node.getAttribute?.(attribute);
          if (value) found.push([`${where} @${attribute}`, value]);
        }
        if (node.shadowRoot) walk(node.shadowRoot, 'element');
      }
    };
    walk(document.body, 'page');
    found.push(['page title', document.title], ['page description', document.querySelector('meta[name="description"]').content]);
    return found;
  });
}

/** The plan's own words (names of the plan, goals, teams, members, scenarios): data, not the page's. */
function planWords(plan, scenarioNames) {
  const names = [plan.name, ...plan.goals.map((g) => g.name), ...plan.teams.flatMap((t) => [t.name, ...(t.members ?? []).map((m) => m.name)]), ...scenarioNames];
  return names.filter(Boolean).sort((a, b) => b.length - a.length);
}

/** The texts that read as English once the plan's own words are taken out. */
function english(found, names) {
  return found.filter(([, text]) => {
    if (SAME.has(text)) return false;
    let rest = text;
    for (const name of names) rest = rest.split(name).join(' ');
    // Ids, paths and codes the page shows as they are written in the plan.
    rest = rest.replace(/\b[a-z]+(?:[A-Z][a-z]+)+\b|\b\w+\[\d+\][\w.[\]]*|\b[a-z]+-\d+\b|“[^”]*”|„[^“]*“/g, ' ');
    return ENGLISH.test(rest);
  });
}

async function unfoldAll(page) {
  await page.locator('details').evaluateAll((all) => {
    for (const details of all) details.open = true;
  });
}

async function inGerman(page) {
  await page.waitForSelector('.frame[data-locale="de-DE"]:not([aria-busy])');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
}

test('a German reader meets no English: every preset, every part unfolded, errors, warnings and dialogs; payouts as the CLI', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  await page.waitForSelector('[data-field="total-payout"]');
  // A German browser: the page's own pick is its locale, and German words.
  await inGerman(page);
  const left = [];
  let shownBefore = null;
  const look = async (what) => {
    await unfoldAll(page);
    const state = await page.evaluate(() => document.querySelector('tandem-calculator').plan);
    // The printed statement is drawn when the page is idle: the plan's name
    // heads it then, and the plan before's is gone.
    await page.waitForFunction(
      ([name, before]) => {
        const statement = document.querySelector('tandem-calculator').shadowRoot.querySelector('#statement');
        return (!name || statement.querySelector('.statement-plan')?.textContent === name) && (!before || before === name || !statement.textContent.includes(before));
      },
      [state.name, shownBefore],
    );
    shownBefore = state.name;
    const scenarios = (await page.locator('#scenarios [role="tab"], #scenarios button, #scenarios option').allTextContents()).map((name) => name.trim());
    for (const [where, text] of english(await texts(page), planWords(state, scenarios))) left.push(`${what}, ${where}: ${text}`);
  };
  for (const preset of ['shared', 'siloed', 'teaching', 'dial', 'leverage', 'advanced', 'blank']) {
    // The page opens on Shared revenue. Another preset's plan runs the
    // simulation again ("done"), or says it has no forecast ("idle").
    if (preset !== 'shared') {
      await page.waitForSelector('#forecast:is([data-sim-state="done"], [data-sim-state="idle"])', { state: 'attached', timeout: 60000 });
      await page.locator('#forecast').evaluate((forecast) => {
        forecast.dataset.simState = 'before';
      });
      await page.click(`[data-preset="${preset}"]`);
    }
    await page.waitForFunction((p) => document.querySelector('tandem-calculator').shadowRoot.querySelector(`[data-preset="${p}"]`) && !document.querySelector('tandem-calculator').hasAttribute('linking'), preset);
    if (preset !== 'blank') {
      await page.waitForSelector('#forecast:is([data-sim-state="done"], [data-sim-state="idle"])', { state: 'attached', timeout: 60000 });
      const plan = await page.evaluate(() => document.querySelector('tandem-calculator').plan);
      const cli = calc(plan);
      const total = await page.locator('[data-field="total-payout"]').first().textContent();
      assert.equal(total, new Intl.NumberFormat('de-DE', { style: 'currency', currency: cli.currency, minimumFractionDigits: cli.decimals }).format(cli.total.payout), preset);
    }
    await look(`preset ${preset}`);
  }
  // Errors by their fields, in German: a target that is not a number, and one emptied.
  await page.click('[data-preset="shared"]');
  // The preset has come when the element holds its plan (results of the one before stand meanwhile).
  await page.waitForFunction((name) => document.querySelector('tandem-calculator').plan?.name === name, example('shared-revenue').name);
  await keyIn(page, 'goals[0].target', 'zwei');
  await keyIn(page, 'goals[1].target', '');
  await page.waitForSelector('#stale:not([hidden])');
  await look('errors');
  const messages = await page.locator('#editor .field-error').allTextContents();
  assert.ok(messages.length >= 2, messages.join(' | '));
  // Dialogs: print and embed.
  await keyIn(page, 'goals[0].target', '2.000.000');
  await keyIn(page, 'goals[1].target', '40');
  await page.waitForSelector('#stale', { state: 'hidden' });
  await page.click('#print');
  await look('print dialog');
  await page.click('#print-cancel');
  await page.click('#embed');
  await look('embed dialog');
  await page.keyboard.press('Escape');
  assert.deepEqual(left, [], `English left in the German page:\n${left.join('\n')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('back in English, nothing German is left; the host page follows', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector('[data-field="total-payout"]');
  await page.locator('#locale-picker').selectOption('de-DE');
  await inGerman(page);
  assert.equal(await page.locator('#results-heading').textContent(), GERMAN.Results);
  assert.equal(await page.evaluate(() => document.title), 'Tandem: gemeinsame Prämien für Vertrieb und Marketing');
  await page.locator('#locale-picker').selectOption('en-US');
  await page.waitForSelector('.frame[data-locale="en-US"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await unfoldAll(page);
  const germanOnly = new Set(Object.values(GERMAN).filter((german) => !(german in GERMAN)));
  const still = (await texts(page)).filter(([, text]) => germanOnly.has(text) || /[äöüß„]/.test(text.replace(/Chloé|Zoë/g, '')));
  assert.deepEqual(still, []);
  // The totals as the CLI gives them, the English way.
  const cli = calc(example('shared-revenue'));
  assert.equal(await page.locator('[data-field="total-payout"]').first().textContent(), new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cli.total.payout));
  await context.close();
});

test('a German browser sees the page’s own words (its title too) in German from the start, and nothing moves as the calculator starts (found by a fresh look)', async () => {
  for (const [how, options, hash] of [
    ['a German browser', { locale: 'de-DE' }, ''],
    ['an English browser on a link in German', { locale: 'en-US' }, '#plan=x&locale=de-DE'],
  ]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      // What the page says before the calculator has started: its words as the page was read.
      document.addEventListener('DOMContentLoaded', () => {
        window.__read = { lang: document.documentElement.lang, title: document.title, intro: document.querySelector('[data-page="intro"]').innerText, footer: document.querySelector('[data-page="footer"]').innerText };
      });
    });
    await page.goto(base + hash);
    await page.waitForSelector('tandem-calculator[ready]');
    await page.waitForFunction(() => document.documentElement.lang === 'de' && document.title.startsWith('Tandem: gemeinsame'));
    // Shifts are reported after the frame that made them: two more frames.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const { read, shift } = await page.evaluate(() => ({ read: window.__read, shift: window.__shift }));
    assert.equal(read.lang, 'de', how);
    assert.equal(read.title, 'Tandem: gemeinsame Prämien für Vertrieb und Marketing', how);
    assert.match(read.intro, /^Prämien für Vertrieb und Marketing, die sich das Umsatzziel teilen\./, how);
    assert.match(read.footer, /^Tandem rechnet mit exakten Dezimalzahlen/, how);
    // Before, the German intro came once the calculator had its German words, a line longer, and moved the calculator down (0.016).
    assert.ok(shift < 0.005, `${how}: layout shift ${shift.toFixed(4)}`);
    await context.close();
  }
});

test('a preset scenario renamed “(changed)” in English is renamed back after the language changes to German', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector('[data-field="total-payout"]');
  await page.click('[data-preset="siloed"]');
  await page.waitForFunction(() => document.querySelector('tandem-calculator').shadowRoot.querySelector('#scenario-name').value === 'Siloed');
  // A design change (a target incentive) names the scenario as changed from the preset.
  await keyIn(page, 'teams[0].targetIncentive', '130,000');
  await page.waitForFunction(() => document.querySelector('tandem-calculator').shadowRoot.querySelector('#scenario-name').value === 'Siloed (changed)');
  await page.locator('#locale-picker').selectOption('de-DE');
  await inGerman(page);
  // The name is the plan's: it stays as it was written, in English. The
  // note is words of the page: it names the preset in German (found by a fresh look).
  assert.equal(await page.locator('#scenario-name').inputValue(), 'Siloed (changed)');
  assert.equal(await page.locator('#preset-note').textContent(), german('Changed from the “{preset}” preset: its description no longer fits these numbers.', { preset: german('Siloed') }));
  // Typed back to the preset's 120,000.00 (the German way): the preset's own name again.
  await keyIn(page, 'teams[0].targetIncentive', '120.000,00');
  await page.waitForFunction(() => document.querySelector('tandem-calculator').shadowRoot.querySelector('#scenario-name').value === 'Siloed');
  assert.deepEqual(await page.locator('.tab').allTextContents(), ['Siloed']);
  await context.close();
});

test('the language changed while entries cannot be read: each is read again the new way, and nothing said in the old words stays (found by a fresh look)', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector('[data-field="total-payout"]');
  await inGerman(page);
  const errorAt = (path) => page.evaluate((p) => document.querySelector('tandem-calculator').shadowRoot.querySelector(`[data-error-path="${p}"]`)?.textContent ?? null, path);
  // German reads neither: 1,900,000 is written 1.900.000 there, and 1.25.000 is no number anywhere.
  await keyIn(page, 'goals[0].actual', '1,900,000');
  await keyIn(page, 'goals[1].actual', '1.25.000');
  await page.waitForFunction(() => document.querySelector('tandem-calculator').shadowRoot.querySelector('[data-error-path="goals[1].actual"]'));
  assert.equal(await errorAt('goals[1].actual'), german('“{typed}” is not a number the way {tag} writes them ({example}).', { typed: '1.25.000', tag: 'de-DE', example: '1.234.567,89' }));
  await page.locator('#locale-picker').selectOption('en-US');
  await page.waitForSelector('.frame[data-locale="en-US"]:not([aria-busy])');
  // Read again the en-US way: the one en-US reads is in the plan, the other says why in English.
  await page.waitForFunction(() => document.querySelector('tandem-calculator').plan.goals[0].actual === '1900000');
  assert.equal(await errorAt('goals[0].actual'), null);
  assert.equal(await errorAt('goals[1].actual'), '“1.25.000” is not a number the way en-US writes them (1,234,567.89).');
  // What screen readers last heard was German: it goes, and nothing new is said while the plan has errors.
  assert.equal(await page.evaluate(() => document.querySelector('tandem-calculator').shadowRoot.querySelector('#announce').textContent), '');
  // Fixed: the results are the CLI's for the plan as the page reads it.
  await keyIn(page, 'goals[1].actual', '40');
  const plan = await page.evaluate(() => document.querySelector('tandem-calculator').plan);
  assert.equal(plan.goals[0].actual, '1900000');
  await page.waitForFunction((total) => document.querySelector('tandem-calculator').shadowRoot.querySelector('[data-field="total-payout"]')?.dataset.value === total, calc(plan).total.payout);
  await context.close();
});

test('switched to German while an entry cannot be read: its error and the dials’ values are said in German once the words are here (found by a fresh look)', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector('tandem-calculator[ready]');
  await keyIn(page, 'goals[0].actual', '4x');
  await page.waitForFunction(() => document.querySelector('tandem-calculator').shadowRoot.querySelector('[data-error-path="goals[0].actual"]'));
  // The German words are fetched now, after the switch.
  await page.locator('#locale-picker').selectOption('de-DE');
  await inGerman(page);
  const expected = german('“{typed}” is not a number the way {tag} writes them ({example}).', { typed: '4x', tag: 'de-DE', example: '1.234.567,89' });
  await page.waitForFunction((text) => document.querySelector('tandem-calculator').shadowRoot.querySelector('[data-error-path="goals[0].actual"]')?.textContent === text, expected);
  const share = new Intl.NumberFormat('de-DE', { style: 'percent' }).format(0.5);
  assert.equal(await page.locator('[data-dial-range="0"]').getAttribute('aria-valuetext'), german('{share} on shared goals', { share }));
  await context.close();
});

test('what the page said of a preset’s and a file’s actual results is said again in German when German is picked (found by a fresh look)', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector('tandem-calculator[ready]');
  const status = (text) => page.waitForFunction((t) => document.querySelector('tandem-calculator').shadowRoot.querySelector('#status').textContent === t, text);
  await page.click('#duplicate');
  await page.click('[data-preset="teaching"]');
  const own = '“{name}” now uses the example’s own actual results; the other scenarios keep theirs.';
  await status(`${own.replace('{name}', 'Teaching example')} Undo puts back the plan that was here.`);
  await page.locator('#locale-picker').selectOption('de-DE');
  await inGerman(page);
  // The scenario's name is the plan's, as it was written.
  await status(`${german(own, { name: 'Teaching example' })} ${german('Undo puts back the plan that was here.')}`);
  // Undone, the two scenarios share their results again. A plan file opened
  // into the second says which results it brought to the first, and says it
  // again in English.
  await page.click('#undo');
  await status(german('The plan that was here is back.'));
  await page.setInputFiles('#import-file', join(root, 'examples/teaching.json'));
  const shared = 'Actual results are shared by the scenarios: {goals} now have their values from this plan in every scenario that shares them.';
  await status(`${german('Opened {name}.', { name: 'teaching.json' })} ${german(shared, { goals: 'Revenue, Pipeline' })}`);
  await page.locator('#locale-picker').selectOption('en-US');
  await page.waitForSelector('.frame[data-locale="en-US"]');
  await status(`Opened teaching.json. ${shared.replace('{goals}', 'Revenue, Pipeline')}`);
  await context.close();
});
