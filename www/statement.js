// The printed statement: what a RevOps analyst hands out. For every
// scenario: a summary page (the total, the joint split and the goals), one
// page per team with its lines, and one slip per member to hand to that
// person; then the plan's inputs as compact tables. Every page carries the
// plan's name and the date. It is built from the core's results and shown
// only in print (tandem.css); nothing in it can be clicked or typed into.
import { h } from './dom.js';
import { phrase } from './words.js';
import { sum } from './decimal.js';
import { renderComparisonPrint } from './printout.js';
import { BETWEEN, PAST, pointsToText } from './curves.js';

/** Members beyond this many in a plan get a table on their team's page instead of a slip each. */
const MAX_SLIPS = 60;
/** Rows of a team's members table in print; the payouts CSV has them all. */
const MAX_ROWS = 500;

export class Statement {
  #timer = null;
  /** What Print last chose: 'statement' (with a slip per member), 'brief' (without slips), 'comparison' (printout.js), or null before a choice. */
  mode = null;
  /** Set while an exercise's Print handout prints: the handout, even with the answers shown (found by a fresh look: it printed the key). */
  handout = false;

  /**
   * `root` holds the statement; `source()` gives `{ core, state, result,
   * format, defaults, goal, simulation, exercise, said }`: the module (null before it loads), the
   * scenarios, the active scenario's result when it is current (else null:
   * it is calculated here), how the element writes (format.js), the
   * model's defaults (the core's), the goal the chart follows and the simulation's last results per scenario (or
   * null), for the comparison, whether the plan is an exercise whose
   * answers are hidden (it prints as a handout), `said(errors)`: the
   * active scenario's problems in the page's words, by their fields, and
   * `changed(state)`: whether the scenarios are no longer those the host
   * page gave.
   */
  constructor(root, source) {
    this.root = root;
    this.source = source;
  }

  /**
   * What prints: the choice made in Print, else the comparison while several
   * scenarios are open and the statement with one (found by a fresh look: 17
   * pages of member slips for two designs being compared).
   */
  get printing() {
    return this.mode ?? ((this.source().state?.scenarios.length ?? 1) > 1 ? 'comparison' : 'statement');
  }

  /** Draws it once typing pauses: not on every keystroke. */
  schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.draw(), 1000);
  }

  /** Draws it now (just before printing). */
  draw() {
    clearTimeout(this.#timer);
    const { core, state, result: current, format: f, defaults, goal, simulation, exercise, said } = this.source();
    if (!core || !state) return;
    const scenarios = state.scenarios.map((scenario, i) => {
      const { forecast: _, ...bare } = scenario.plan;
      let result;
      try {
        result = i === state.active && current ? current : core.calculate(bare);
      } catch (error) {
        result = { errors: error.errors ?? [{ path: '', message: String(error.message ?? error) }] };
      }
      // The scenario being edited: its problems as the page says them; the others' as the core does, by path.
      const problems = result.errors && (i === state.active ? said(result.errors) : result.errors.map((e) => `${e.path || f.t('plan')}: ${e.message}`));
      return { name: scenario.name, plan: scenario.plan, result, problems, ownResults: Boolean(scenario.ownResults) };
    });
    const date = new Intl.DateTimeFormat(f.tag, { dateStyle: 'long' }).format(new Date());
    const forecast = state.scenarios[state.active].plan.forecast;
    // An exercise prints as a handout: the plan's inputs, no answers.
    if (exercise || this.handout) this.root.replaceChildren(handout(f, scenarios, date, defaults));
    else if (this.printing === 'comparison') renderComparisonPrint(f, this.root, { core, scenarios, active: state.active, goal, simulation, forecast, date });
    else renderStatement(f, this.root, { scenarios, date, defaults, slips: this.printing === 'statement', whatIf: this.source().changed(state) });
  }
}

/**
 * Draws the statement into `root`: `scenarios` are `{ name, plan, result,
 * problems }` (`result.errors` for a scenario that cannot be calculated,
 * and `problems`, those errors in words), `date` the
 * day's date as text; `slips`: a slip per member (else each team's page
 * lists its members); `whatIf`: the plans are no longer those the host page
 * gave, which every page says.
 */
function renderStatement(f, root, { scenarios, date, defaults, slips: withSlips, whatIf }) {
  const { t, tn } = f;
  const several = scenarios.length > 1;
  const pages = [];
  for (const { name, plan, result, problems: said } of scenarios) {
    const title = [[several ? name : null, plan.name || name].filter(Boolean).join(': '), whatIf ? t('what-if, changed on this page') : null].filter(Boolean).join(' · ');
    const header = (what) => h('header', { class: 'statement-header' }, h('p', { class: 'statement-plan', text: title }), h('p', { class: 'statement-date', text: `${what} · ${date}` }));
    if (result.errors) {
      const problems = said.slice(0, 10).join(' ');
      pages.push(page(header(t('Not calculated')), h('p', { text: tn(said.length, 'This plan has {n} problem to fix before it can be printed: {problems}', 'This plan has {n} problems to fix before it can be printed: {problems}', { problems }) })));
      continue;
    }
    pages.push(summaryPage(f, header(t('Summary')), result));
    const slips = withSlips && result.teams.reduce((n, team) => n + team.members.length, 0) <= MAX_SLIPS;
    for (const team of result.teams) {
      pages.push(teamPage(f, header(team.name), result, team, !slips));
      if (slips) for (const member of team.members) pages.push(memberSlip(f, header(`${team.name}: ${member.name}`), result, team, member));
    }
  }
  pages.push(inputsPage(f, defaults, scenarios, date, { whatIf }));
  root.replaceChildren(...pages);
}

const page = (...children) => h('section', { class: 'statement-page' }, ...children);

const table = (caption, head, rows) =>
  h('table', {}, h('caption', { text: caption }), h('thead', {}, h('tr', {}, head.map((text) => h('th', { scope: 'col', text })))), h('tbody', {}, rows));

function summaryPage(f, header, result) {
  const { t, tParts, money, pct, share, costRatio, factor } = f;
  const m = (v) => money(v, result);
  return page(
    header,
    h('h2', { text: t('Payouts') }),
    h('p', { class: 'statement-total' }, tParts('Total payout {payout} of {target} target incentive.', { payout: h('strong', { 'data-field': 'statement-total', 'data-value': result.total.payout, text: m(result.total.payout) }), target: m(result.total.targetIncentive) })),
    table(t('The joint split'), [t('Team'), t('Payout'), t('Share of the total')], result.split.map((s, i) => h('tr', {}, h('th', { scope: 'row', text: result.teams[i].name }), h('td', { text: m(result.teams[i].payout) }), h('td', { text: share(s.share) })))),
    table(t('Goals'), [t('Goal'), t('Attainment'), t('Payout factor')], result.goals.map((g) => h('tr', {}, h('th', { scope: 'row', text: g.name }), h('td', { text: pct(g.attainment) }), h('td', { text: factor(g.factor) })))),
    result.economics?.costOfSales &&
      h('p', { 'data-field': 'statement-cost-of-sales', text: t('Cost of sales (base and incentive pay ÷ revenue): {atTarget} at target, {atActual} at the actual results.', { atTarget: costRatio(result.economics.costOfSales.atTarget), atActual: costRatio(result.economics.costOfSales.atActual) }) }),
  );
}


function teamPage(f, header, result, team, withMembers) {
  const { t, money, pct, num, factor } = f;
  const m = (v) => money(v, result);
  const goalName = (id) => result.goals.find((g) => g.id === id)?.name ?? id;
  const steps = [
    [t('Subtotal'), m(team.subtotal)],
    team.modifier !== null && [t('Modifiers × {modifier}', { modifier: num(team.modifier) }), m(team.afterModifiers)],
    team.gated && [t('Team gate not met'), m('0')],
    team.capped && [t('Capped at {cap}', { cap: m(team.capAmount) }), m(team.capAmount)],
    [t('Payout'), m(team.payout)],
  ].filter(Boolean);
  const said = { target: m(team.targetIncentive), attainment: pct(team.blendedAttainment), payout: m(team.payout), ratio: pct(team.payoutRatio) };
  const blended = team.method === 'blended';
  const summary =
    team.payoutRatio === null
      ? blended ? t('Target incentive {target}, blended attainment {attainment}. Payout {payout}.', said) : t('Target incentive {target}. Payout {payout}.', said)
      : blended ? t('Target incentive {target}, blended attainment {attainment}. Payout {payout} ({ratio} of target).', said) : t('Target incentive {target}. Payout {payout} ({ratio} of target).', said);
  return page(
    header,
    h('h2', { 'data-statement-team': team.id, text: team.name }),
    h('p', { text: summary }),
    economicsLine(f, result, team),
    team.lines.length > 0 &&
      table(t('Lines: target incentive × weight × factor'), [t('Goal'), t('Weight'), t('At target'), t('Factor'), t('Amount')], team.lines.map((l) => h('tr', {}, h('th', { scope: 'row', text: goalName(l.goal) }), h('td', { text: pct(l.weight) }), h('td', { text: m(l.atTarget) }), h('td', { text: factor(l.factor) }), h('td', { text: m(l.amount) })))),
    h('table', { class: 'statement-steps' }, h('tbody', {}, steps.map(([what, amount]) => h('tr', {}, h('th', { scope: 'row', text: what }), h('td', { text: amount }))))),
    withMembers && team.members.length > 0 && table(t('Members'), [t('Name'), t('Share'), t('Payout')], team.members.slice(0, MAX_ROWS).map((p) => h('tr', {}, h('th', { scope: 'row', text: p.name }), h('td', { text: num(p.share) }), h('td', { text: m(p.payout) })))),
    withMembers && team.members.length > MAX_ROWS && h('p', { text: t('…and {n} more: “Export payouts CSV” has every member’s payout.', { n: team.members.length - MAX_ROWS }) }),
  );
}

/** On-target earnings and pay mix, when the team has a base. */
function economicsLine(f, result, team) {
  const { t, money, ratioPct } = f;
  const e = result.economics?.teams.find((x) => x.id === team.id);
  if (!e || e.ote === null) return null;
  const said = { ote: money(e.ote, result), base: money(e.base, result), target: money(team.targetIncentive, result), mix: ratioPct(e.incentiveShare) };
  const text =
    e.incentiveShare === null
      ? t('On-target earnings {ote}: base {base} + target incentive {target}.', said)
      : t('On-target earnings {ote}: base {base} + target incentive {target}; {mix} of it is incentive pay.', said);
  return h('p', { 'data-field': 'statement-ote', text });
}

function memberSlip(f, header, result, team, member) {
  const { t, tParts, money, num } = f;
  const shares = sum(team.members.map((p) => p.share));
  return page(
    header,
    h('h2', { 'data-statement-member': member.name, text: member.name }),
    h('p', { class: 'statement-total' }, tParts('Your payout {payout}', { payout: h('strong', { text: money(member.payout, result) }) })),
    h('p', {
      text:
        team.members.length === 1
          ? t('{team} is paid {payout}; it is split by share, to the cent, with nothing lost. Your share is {share} of the team.', { team: team.name, payout: money(team.payout, result), share: num(member.share) })
          : t('{team} is paid {payout}; it is split by share, to the cent, with nothing lost. Your share is {share} of {shares} shares in all.', { team: team.name, payout: money(team.payout, result), share: num(member.share), shares: num(shares) }),
    }),
  );
}

/** An exercise's handout: what to do, and the plan's inputs. */
function handout(f, scenarios, date, defaults) {
  const { t } = f;
  const intro = h('p', { text: t('Use the goals, targets, actual results, weights and curves below; write each team’s payout to the cent, then check it in the calculator.') });
  return inputsPage(f, defaults, scenarios, date, { title: t('Exercise: work out each team’s payout'), intro });
}

/**
 * A goal's curve as the inputs print it, so that a reader can work the
 * payout out by hand (found by a fresh look: a handout said "curves below"
 * and had none): pro rata, or its points the locale's way, how it runs
 * between them and past the last; what the plan leaves out is the model's
 * `defaults` (the core's).
 */
function curveText(f, curve, defaults) {
  const { t } = f;
  if (!curve) return t('pro-rata: the factor is the attainment');
  // Below a first point above 0 nothing is paid: said, not left to be known (found by a fresh look at a handout).
  const below = Number(curve.points[0]?.[0]) > 0 ? [t('nothing below the first point')] : [];
  return [pointsToText(curve.points, f), t(BETWEEN[curve.interpolation ?? defaults.interpolation]), t(PAST[curve.beyond ?? defaults.beyond]), ...below].join(' · ');
}

/** Each scenario's inputs, compactly: at the end of the statement (titled `title`, after `intro`; `whatIf`: said in its header), or as an exercise's handout. */
function inputsPage(f, defaults, scenarios, date, { title = f.t('Inputs'), intro = null, whatIf = false } = {}) {
  const { t, tn, money, pct, num } = f;
  // How the amounts are rounded: what a reader needs to work each line out
  // to the cent (found by a fresh look at a class handout). Said once when
  // every plan rounds alike.
  const rounding = scenarios.map(({ result }) => !result.errors && t(ROUNDED[result.rounding], { currency: result.currency, places: result.decimals }));
  const sameRounding = rounding.every((text) => text && text === rounding[0]) ? rounding[0] : null;
  const parts = scenarios.map(({ name, plan, result }, i) => {
    const teamNames = plan.teams.map((team) => team.name || team.id);
    const amount = (v) => (result.errors ? num(v) : money(v, result));
    const goalName = (id) => plan.goals.find((g) => g.id === id)?.name || id;
    // A gate decides whether a line or a team is paid at all: printed with the rest (found by a fresh look).
    const gate = (g) => (g ? t('{goal} at least {min}', { goal: goalName(g.goal), min: pct(g.min) }) : '—');
    const goalGates = plan.goals.some((g) => g.gate);
    const teamGates = plan.teams.some((team) => team.gate);
    return [
      h('h3', { text: scenarios.length > 1 ? name : plan.name || name }),
      rounding[i] !== sameRounding && rounding[i] && h('p', { 'data-field': 'statement-rounding', text: rounding[i] }),
      table(t('Goals'), [t('Goal'), t('Target'), t('Actual'), t('Better when'), t('Payout curve'), ...(goalGates ? [t('Paid only when')] : [])], plan.goals.map((g) => h('tr', {}, h('th', { scope: 'row', text: g.name || g.id }), h('td', { text: f.format(g.target) }), h('td', { text: f.format(g.actual) }), h('td', { text: g.direction === 'lowerIsBetter' ? t('lower') : t('higher') }), h('td', { 'data-field': 'statement-curve', text: curveText(f, g.curve, defaults) }), goalGates && h('td', { 'data-field': 'statement-gate', text: gate(g.gate) })))),
      table(t('Teams and weights'), [t('Team'), t('Target incentive'), t('Base salary'), ...plan.goals.map((g) => g.name || g.id), t('Cap'), ...(teamGates ? [t('Paid only when')] : [])], plan.teams.map((team, i) => h('tr', {}, h('th', { scope: 'row', text: teamNames[i] }), h('td', { text: amount(team.targetIncentive) }), h('td', { text: team.base === undefined || team.base === null ? '—' : amount(team.base) }), plan.goals.map((g) => h('td', { text: team.weights?.[g.id] === undefined ? '—' : pct(team.weights[g.id]) })), h('td', { text: team.cap === undefined ? '—' : pct(team.cap) }), teamGates && h('td', { 'data-field': 'statement-gate', text: gate(team.gate) })))),
      rules(f, plan, teamNames, goalName, defaults),
    ];
  });
  // Named as the other pages are (found by a fresh look: a printout's last page said only "The plan’s inputs").
  const plans = scenarios.length > 1 ? tn(scenarios.length, '{n} scenario: {names}', '{n} scenarios: {names}', { names: scenarios.map((s) => s.name).join(', ') }) : scenarios[0].plan.name || scenarios[0].name;
  const named = whatIf ? `${plans} · ${t('what-if, changed on this page')}` : plans;
  return page(h('header', { class: 'statement-header' }, h('p', { class: 'statement-plan', text: named }), h('p', { class: 'statement-date', text: `${t('The plan’s inputs')} · ${date}` })), h('h2', { text: title }), intro, sameRounding && h('p', { 'data-field': 'statement-rounding', text: sameRounding }), parts);
}

/**
 * The rules the tables do not show, each as a sentence, so that a reader
 * can work every payout out by hand (found by a fresh look: a handout
 * without Sales' modifier or the blended team's curve): how a goal where
 * lower is better is attained, a blended team's curve (goal gates do not
 * apply to it) and each modifier.
 */
function rules(f, plan, teamNames, goalName, defaults) {
  const { t } = f;
  const said = [
    plan.goals.some((g) => g.direction === 'lowerIsBetter') && t('A goal where lower is better is attained at 2 − actual ÷ target (never below 0): at target 100%, each 1% over target costs 1% of attainment.'),
    ...plan.teams.flatMap((team, i) => [
      team.method === 'blended' && t('{team} is blended: its weighted attainment (Σ weight × attainment) runs through its own curve, {curve}, and goal gates do not apply to it.', { team: teamNames[i], curve: curveText(f, team.curve, defaults) }),
      ...(team.modifiers ?? []).map((m) => t('The subtotal of {team} is multiplied by a modifier on {goal}: {curve}.', { team: teamNames[i], goal: goalName(m.goal), curve: curveText(f, m.curve, defaults) })),
    ]),
  ].filter(Boolean);
  return said.length ? h('ul', { class: 'statement-rules', 'data-field': 'statement-rules' }, said.map((text) => h('li', { text }))) : null;
}

/** How a plan's amounts are rounded, by its rounding. */
const ROUNDED = {
  halfUp: phrase('Amounts in {currency}: each line is its exact product rounded half up to {places} decimal places.'),
  halfEven: phrase('Amounts in {currency}: each line is its exact product rounded half to even to {places} decimal places.'),
  down: phrase('Amounts in {currency}: each line is its exact product rounded down to {places} decimal places.'),
};
