// The presets: example plans a person starts from, each with a note that
// explains what it shows. Their plans are files in pkg/examples/ (copied
// from examples/ by the build), but for the blank plan, made here.
import { movedAssets } from './assets.js';
import { newTeams } from './editor.js';

// Each file's `url` is written with a literal path, so that bundlers
// (Vite, webpack) find and copy it.
export const PRESETS = {
  blank: {
    title: 'Blank plan',
    // One goal and one team, names to fill; the team's id follows its name.
    plan: () => {
      const team = { id: 'team-1', name: '', targetIncentive: '10000.00', weights: { 'goal-1': '1' } };
      newTeams.add(team);
      return { version: 1, name: '', currency: 'USD', goals: [{ id: 'goal-1', name: '', target: '100', actual: '100' }], teams: [team] };
    },
    note: 'A blank plan: name the goal and the team (the marked fields), then set the goal’s target and actual result and the team’s target incentive. Add goals and teams below; the weights table says how much of each team’s incentive rides on each goal.',
  },
  siloed: {
    title: 'Siloed',
    file: 'siloed.json',
    url: () => new URL('./pkg/examples/siloed.json', import.meta.url),
    note: 'Siloed: Sales is paid only on New ARR and new customers, Marketing only on pipeline and leads. Nothing ties them together; compare with “Shared revenue”.',
  },
  shared: {
    title: 'Shared revenue',
    file: 'shared-revenue.json',
    url: () => new URL('./pkg/examples/shared-revenue.json', import.meta.url),
    note: 'Shared revenue: the same company with half of each team’s incentive on New ARR. When revenue moves, both teams move with it.',
  },
  teaching: {
    title: 'Teaching example',
    file: 'teaching.json',
    url: () => new URL('./pkg/examples/teaching.json', import.meta.url),
    // Its numbers written the element's way (87.000,00 in de-DE), as the results beside it are.
    note: (n) =>
      `Teaching example: two teams paid half on the same revenue goal. Revenue reached ${n.format('1000000')} of ${n.format('1200000')}: exactly 5/6, not ${n.format('0.8333')}, so Sales’s ${n.format('90000')} × ${n.format('0.5')} × 5/6 is exactly ${n.format('37500.00')}. By hand, Sales: ${n.format('90000')} × (${n.format('0.5')} × 5/6 + ${n.format('0.5')} × ${n.format('1.1')}) = ${n.format('37500')} + ${n.format('49500')} = ${n.format('87000.00')}. Marketing: ${n.format('36000')} × (${n.format('0.5')} × 5/6 + ${n.format('0.5')} × ${n.format('0.8')}) = ${n.format('15000')} + ${n.format('14400')} = ${n.format('29400.00')}. Ten more points of revenue pay Sales ${n.format('4500.00')} and Marketing ${n.format('1800.00')} more: when revenue grows, both gain. Open “Show the math” to follow each step.`,
  },
  dial: {
    title: 'The dial',
    file: 'dial.json',
    url: () => new URL('./pkg/examples/dial.json', import.meta.url),
    note: 'The dial: from siloed to shared. Marketing starts with nothing on New ARR, so only Sales gains when revenue grows. Move Marketing’s dial (under the weights) to 50 %. Watch its line on the chart tilt with revenue, and read under its result what New ARR it now needs.',
  },
  leverage: {
    title: 'Leverage',
    file: 'leverage.json',
    url: () => new URL('./pkg/examples/leverage.json', import.meta.url),
    note: 'Leverage: one account executive, paid pro rata to target, then twice as fast to 150 %, where the curve stops at 2× target incentive. In “What it may cost”, a good year (P90) pays just under 2× target: below the 2–3× practice expects, and plan health says so. Change the curve’s last point from 150:200 to 150:250 and the finding goes.',
  },
  advanced: {
    title: 'Gates, caps & members',
    file: 'gates-modifiers.json',
    url: () => new URL('./pkg/examples/gates-modifiers.json', import.meta.url),
    note: 'Gates, caps and members: a goal gate, a team gate, a customer-satisfaction modifier, a cap that bites, a blended team and payouts split among members to the cent.',
  },
};

/**
 * A plan's design: everything but the goals' actual results, which
 * scenarios share and which change without changing the plan.
 */
export function designOf(plan) {
  return JSON.stringify({ ...plan, goals: plan.goals?.map(({ actual: _, ...goal }) => goal) });
}

/** A preset's note as text: a note with numbers is written with `n` (a locale.js numbering). */
export function noteText(note, n) {
  return typeof note === 'function' ? note(n) : note;
}

/** Where a scenario's plan came from: a preset, as it was (the store's `presetNote` compares against it). */
export function presetOrigin(preset, plan) {
  return { title: preset.title, note: preset.note, text: JSON.stringify(plan), design: designOf(plan) };
}

/** A preset's plan: the blank one made here, the others fetched next to the module. */
export async function fetchPreset(name) {
  if (PRESETS[name].plan) return PRESETS[name].plan();
  const moved = movedAssets();
  const response = await fetch(moved ? new URL(`pkg/examples/${PRESETS[name].file}`, moved) : PRESETS[name].url());
  if (!response.ok) throw new Error(`Preset ${name} is missing (${response.status}); run npm run build.`);
  return response.json();
}
