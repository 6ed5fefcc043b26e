// <tandem-calculator> on a host page, from dist/ as any static server would
// serve it: dist/example.html has one script tag, its own heavy styles, a
// locked calculator with an inline plan and a compact one with plan="…".
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { calc, example, start } from './harness.mjs';

let browser;
let base;
let close;

before(async () => {
  ({ browser, base, close } = await start('dist'));
});

after(async () => {
  await close?.();
});

async function host() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.text().includes('Content Security Policy') && errors.push(m.text()));
  await page.addInitScript(() => {
    window.__changes = [];
    document.addEventListener('tandem-change', (e) => window.__changes.push({ id: e.target.id, total: e.detail.total.payout }));
    window.__errors = [];
    document.addEventListener('tandem-error', (e) => window.__errors.push({ id: e.target.id, errors: e.detail.errors }));
  });
  await page.goto(`${base}example.html`);
  await page.waitForSelector('#plan[ready]');
  await page.waitForSelector('#sidebar[ready]');
  return { page, context, errors };
}

/** Team payouts from an element's `result` property. */
function payouts(page, id) {
  return page.evaluate((el) => {
    const { result } = document.getElementById(el);
    return { total: result.total.payout, teams: Object.fromEntries(result.teams.map((t) => [t.id, t.payout])) };
  }, id);
}

const expected = (result) => ({ total: result.total.payout, teams: Object.fromEntries(result.teams.map((t) => [t.id, t.payout])) });

describe('the embeddable element', () => {
  test('one script tag: both calculators show the CLI payouts and emit tandem-change', async () => {
    const { page, context, errors } = await host();
    const inline = JSON.parse(await page.evaluate(() => document.querySelector('#plan > script').textContent));
    assert.deepEqual(await payouts(page, 'plan'), expected(calc(inline)));
    assert.deepEqual(await payouts(page, 'sidebar'), expected(calc(example('shared-revenue'))));
    const shown = await page.getAttribute('#plan [data-team="sales"][data-field="payout"]', 'data-value');
    assert.equal(shown, calc(inline).teams[0].payout);

    const changes = await page.evaluate(() => window.__changes.map((c) => c.id));
    assert.ok(changes.includes('plan') && changes.includes('sidebar'), changes.join());
    await page.locator('#plan [data-path="goals[0].actual"]').fill('2,000,000');
    inline.goals[0].actual = '2000000';
    const total = calc(inline).total.payout;
    await page.waitForFunction((t) => window.__changes.at(-1).id === 'plan' && window.__changes.at(-1).total === t, total);
    assert.equal(await page.evaluate(() => document.getElementById('plan').result.total.payout), total);
    assert.equal(await page.evaluate(() => location.hash), '', 'an embedded calculator leaves the host page’s link alone');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('locked fields cannot be edited; results can', async () => {
    const { page, context } = await host();
    const editable = (path) => page.locator(`#plan [data-path="${path}"]`).isEditable();
    assert.equal(await editable('goals[0].target'), false);
    assert.equal(await editable('teams[0].weights.revenue'), false);
    assert.equal(await editable('teams[0].targetIncentive'), false);
    assert.equal(await editable('goals[0].name'), false);
    assert.equal(await editable('goals[0].actual'), true);
    assert.equal(await page.locator('#plan [data-add="goal"]').isDisabled(), true);
    assert.equal(await page.locator('#plan [data-preset="siloed"]').isVisible(), false);
    assert.equal(await page.locator('#plan #import').isVisible(), false);
    assert.equal(await page.locator('#sidebar #editor').isVisible(), false, 'compact shows results only');
    await context.close();
  });

  test('a plan set after the element started, by attribute or property, recalculates once and fires tandem-change', async () => {
    const { page, context, errors } = await host();
    const changesOf = (id) => page.evaluate((el) => window.__changes.filter((c) => c.id === el).length, id);
    // The attribute, as a framework sets it after creating the element.
    const siloed = example('siloed');
    let before = await changesOf('sidebar');
    await page.evaluate(() => document.getElementById('sidebar').setAttribute('plan', 'pkg/examples/siloed.json'));
    await page.waitForFunction((t) => window.__changes.at(-1)?.id === 'sidebar' && window.__changes.at(-1).total === t, calc(siloed).total.payout);
    assert.deepEqual(await payouts(page, 'sidebar'), expected(calc(siloed)));
    await page.waitForTimeout(300);
    assert.equal(await changesOf('sidebar'), before + 1, 'one tandem-change');

    // The property: a plan object.
    const teaching = example('teaching');
    before = await changesOf('plan');
    await page.evaluate((plan) => {
      document.getElementById('plan').plan = plan;
    }, teaching);
    await page.waitForFunction((t) => window.__changes.at(-1)?.id === 'plan' && window.__changes.at(-1).total === t, calc(teaching).total.payout);
    assert.deepEqual(await payouts(page, 'plan'), expected(calc(teaching)));
    await page.waitForTimeout(300);
    assert.equal(await changesOf('plan'), before + 1, 'one tandem-change');
    // The getter gives a copy.
    const copy = await page.evaluate(() => {
      const el = document.getElementById('plan');
      const plan = el.plan;
      plan.goals[0].actual = '1';
      return { name: el.plan.name, actual: el.plan.goals[0].actual };
    });
    assert.deepEqual(copy, { name: teaching.name, actual: teaching.goals[0].actual });

    // An invalid plan: tandem-error with its errors, and nothing changes.
    before = await changesOf('plan');
    await page.evaluate(() => {
      document.getElementById('plan').plan = { goals: [], teams: [] };
    });
    await page.waitForFunction(() => window.__errors.some((e) => e.id === 'plan'));
    const reported = await page.evaluate(() => window.__errors.find((e) => e.id === 'plan').errors.map((e) => e.path));
    assert.ok(reported.includes('goals') && reported.includes('teams'), reported.join());
    assert.deepEqual(await payouts(page, 'plan'), expected(calc(teaching)));
    assert.equal(await changesOf('plan'), before);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('host CSS does not reach inside the element', async () => {
    const { page, context } = await host();
    // The host decides how wide the element is; what happens inside is the element's.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('tandem-calculator')) el.style.width = '420px';
    });
    const measure = () =>
      page.evaluate(() => {
        const shadow = document.getElementById('sidebar').shadowRoot;
        const input = document.getElementById('plan').shadowRoot.querySelector('[data-path="goals[0].actual"]');
        const style = getComputedStyle(input);
        return {
          total: shadow.querySelector('.total').getBoundingClientRect().height,
          heading: shadow.querySelector('#results-heading').getBoundingClientRect().height,
          table: shadow.querySelector('.goals-table').getBoundingClientRect().height,
          input: input.getBoundingClientRect().height,
          border: style.borderTopColor,
          font: style.fontFamily,
          spacing: getComputedStyle(shadow.querySelector('#results-heading')).letterSpacing,
        };
      });
    const styled = await measure();
    await page.evaluate(() => {
      document.querySelector('link[href="example.css"]').disabled = true;
    });
    const bare = await measure();
    assert.deepEqual(styled, bare);
    assert.notEqual(styled.border, 'rgb(255, 0, 0)');
    assert.doesNotMatch(styled.font, /Georgia/);
    assert.equal(styled.spacing, 'normal');
    await context.close();
  });
});
