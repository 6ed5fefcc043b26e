// The presets: example plans a person starts from, each with a note that
// explains what it shows. Their plans are files in pkg/examples/ (copied
// from examples/ by the build), but for the blank plan, made here.
import { movedAssets } from './assets.js';
import { phrase } from './words.js';

// Each file's `url` is written with a literal path, so that bundlers
// (Vite, webpack) find and copy it. A note is said in the element's
// language when it is shown (`noteText`).
export const PRESETS = {
  blank: {
    title: phrase('Blank plan'),
    // One goal and one team, names to fill; the team's id follows its name.
    namesToFill: true,
    plan: () => ({
      version: 1,
      name: '',
      currency: 'USD',
      goals: [{ id: 'goal-1', name: '', target: '100', actual: '100' }],
      teams: [{ id: 'team-1', name: '', targetIncentive: '10000.00', weights: { 'goal-1': '1' } }],
    }),
    note: phrase('A blank plan: name the goal and the team (the marked fields), then set the goal’s target and actual result and the team’s target incentive. Add goals and teams below; the weights table says how much of each team’s incentive rides on each goal.'),
  },
  siloed: {
    title: phrase('Siloed'),
    file: 'siloed.json',
    url: () => new URL('./pkg/examples/siloed.json', import.meta.url),
    note: phrase('Siloed: Sales is paid only on New ARR and new customers, Marketing only on pipeline and leads. Nothing ties them together; compare with “Shared revenue”.'),
  },
  shared: {
    title: phrase('Shared revenue'),
    file: 'shared-revenue.json',
    url: () => new URL('./pkg/examples/shared-revenue.json', import.meta.url),
    note: phrase('Shared revenue: the same company with half of each team’s incentive on New ARR. When revenue moves, both teams move with it.'),
  },
  teaching: {
    title: phrase('Teaching example'),
    file: 'teaching.json',
    url: () => new URL('./pkg/examples/teaching.json', import.meta.url),
    // Its numbers written the element's way (87.000,00 in de-DE), as the results beside it are.
    note: (n) => {
      const numbers = {
        reached: '1000000', target: '1200000', rounded: '0.8333', half: '0.5',
        sales: '90000', salesExact: '37500.00', logos: '1.1', salesRevenue: '37500', salesLogos: '49500', salesTotal: '87000.00', salesMore: '4500.00',
        marketing: '36000', pipeline: '0.8', marketingRevenue: '15000', marketingPipeline: '14400', marketingTotal: '29400.00', marketingMore: '1800.00',
      };
      return n.t(
        'Teaching example: two teams paid half on the same revenue goal. Revenue reached {reached} of {target}: exactly 5/6, not {rounded}, so Sales’s {sales} × {half} × 5/6 is exactly {salesExact}. By hand, Sales: {sales} × ({half} × 5/6 + {half} × {logos}) = {salesRevenue} + {salesLogos} = {salesTotal}. Marketing: {marketing} × ({half} × 5/6 + {half} × {pipeline}) = {marketingRevenue} + {marketingPipeline} = {marketingTotal}. Ten more points of revenue pay Sales {salesMore} and Marketing {marketingMore} more: when revenue grows, both gain. Open “Show the math” to follow each step.',
        Object.fromEntries(Object.entries(numbers).map(([name, value]) => [name, n.format(value)])),
      );
    },
  },
  dial: {
    title: phrase('The dial'),
    file: 'dial.json',
    url: () => new URL('./pkg/examples/dial.json', import.meta.url),
    note: phrase('The dial: from siloed to shared. Marketing starts with nothing on New ARR, so only Sales gains when revenue grows. Move Marketing’s dial (under the weights) to 50%. Watch its line on the chart tilt with revenue, and read under its result what New ARR it now needs.'),
  },
  leverage: {
    title: phrase('Leverage'),
    file: 'leverage.json',
    url: () => new URL('./pkg/examples/leverage.json', import.meta.url),
    note: phrase('Leverage: one account executive, paid pro rata to target, then twice as fast to 150%, where the curve stops at 2× target incentive. In “What it may cost”, a good year (P90) pays just under 2× target: below the 2–3× practice expects, and plan health says so. Change the curve’s last point from 150:200 to 150:250 and the finding goes.'),
  },
  advanced: {
    title: phrase('Gates, caps & members'),
    file: 'gates-modifiers.json',
    url: () => new URL('./pkg/examples/gates-modifiers.json', import.meta.url),
    note: phrase('Gates, caps and members: a goal gate, a team gate, a customer-satisfaction modifier, a cap that bites, a blended team and payouts split among members to the cent.'),
  },
};

/**
 * A plan's design: everything but the goals' actual results, which
 * scenarios share and which change without changing the plan.
 */
export function designOf(plan) {
  return JSON.stringify({ ...plan, goals: plan.goals?.map(({ actual: _, ...goal }) => goal) });
}

/** A preset's note as text in the element's `format` (format.js), its numbers too. */
export function noteText(note, format) {
  return typeof note === 'function' ? note(format) : format.t(note);
}

/** Where a scenario's plan came from: a preset, as it was (the store's `presetNote` compares against it), named in `format`'s words. */
export function presetOrigin(preset, plan, { t }) {
  const title = t(preset.title);
  // Both names in the words of the moment it was opened: a scenario's name is
  // the plan's, not translated later, and must still be known as the preset's
  // (and renamed back) after the language changes. The note's words are
  // written when drawn: `phrase` is the title to translate then.
  return { title, phrase: preset.title, changed: t('{preset} (changed)', { preset: title }), note: preset.note, plan: structuredClone(plan), text: JSON.stringify(plan), design: designOf(plan) };
}

/**
 * Where a page that fetched the example plan before this code arrived
 * leaves it (the full page does: index.html): `{ url, plan }`, the file's
 * address and a promise of its plan. Like the module's (engine.js), a key
 * of the global symbol registry.
 */
const EARLY = Symbol.for('tandem-calculator.preset');

/** The presets' plans fetched so far, by name: each file is fetched once. */
const fetched = new Map();

/** A preset's plan, a copy of its own: the blank one made here, the others fetched next to the module, once (a missing one said in `format`'s words). */
export async function fetchPreset(name, { t }) {
  if (PRESETS[name].plan) return PRESETS[name].plan();
  if (!fetched.has(name)) {
    const moved = movedAssets();
    const url = moved ? new URL(`pkg/examples/${PRESETS[name].file}`, moved) : PRESETS[name].url();
    // Why it could not be had, in words for whoever asked for it.
    const failed = (why) => new Error(t('The preset “{title}” could not be loaded: {why}.', { title: t(PRESETS[name].title), why }));
    const own = () =>
      fetch(url).then(
        (response) => {
          if (!response.ok) throw failed(t('the server answered {status} for its file', { status: response.status }));
          return response.json().catch(() => {
            throw failed(t('its file is not a plan'));
          });
        },
        () => {
          throw failed(t('the server could not be reached'));
        },
      );
    // The page fetched it as it was read (index.html), when it is this file;
    // if that failed, this fetch says why.
    const early = globalThis[EARLY];
    const loading = early?.url === url.href ? early.plan.catch(own) : own();
    // A file that could not be had is asked for again next time.
    fetched.set(name, loading.catch((error) => {
      fetched.delete(name);
      throw error;
    }));
  }
  return structuredClone(await fetched.get(name));
}
