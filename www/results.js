// The results: totals, the joint split, goals, each team's statement with
// "Show the math", and warnings. Every figure comes from the core's Result;
// the page only formats it. Hooks for tests and host pages: `data-team`,
// `data-field` and `data-value` (the exact decimal string) on payouts and
// shares, `data-field="total-payout"` on the total.
import { disclosure, h, morph, scroller } from './dom.js';
import { compare, sum } from './decimal.js';
import { segment } from './curves.js';
import { chartPlaceholder, renderChart } from './chart.js';

const formats = new Map();
/** The locale figures are written in: the element drawing sets it (`useLocale`) before it draws. */
let locale = 'en-US';

/** Writes the figures drawn from now on the way `tag` writes numbers. */
export function useLocale(tag) {
  locale = tag;
}

/**
 * `fn`, to be run later (a section opened, the pointer moved over the
 * chart), writing numbers in the locale it was made in: another element on
 * the page may have drawn in its own locale since.
 */
function later(fn) {
  const tag = locale;
  return (...args) => {
    useLocale(tag);
    return fn(...args);
  };
}

function formatter(key, options) {
  const id = `${locale} ${key}`;
  if (!formats.has(id)) formats.set(id, new Intl.NumberFormat(locale, options));
  return formats.get(id);
}

/** Money in the plan's currency with exactly its places; exact, as Intl formats decimal strings. */
export function money(value, result) {
  const { currency, decimals } = result;
  return formatter(`m${currency}${decimals}`, {
    style: 'currency',
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** Money rounded for an axis: "$232.2K". */
export function shortMoney(value, result) {
  return formatter(`s${result.currency}`, {
    style: 'currency',
    currency: result.currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

/** A fraction as a percentage, rounded half to even to at most two places for reading. */
export function pct(fraction) {
  return formatter('p', { style: 'percent', maximumFractionDigits: 2, roundingMode: 'halfEven' }).format(fraction);
}

/** A cost of sales as a percentage, or why there is none (a revenue actual of 0). */
export function costRatio(ratio) {
  return ratio === null ? 'none (no revenue)' : pct(ratio);
}

/** A ratio (a leverage, 1.1174…) rounded half to even to at most four places. */
export function ratio(value) {
  return formatter('r', { maximumFractionDigits: 4, roundingMode: 'halfEven' }).format(value);
}

/** A plain decimal, grouped, with all its places. */
export function num(value) {
  return formatter('n', { maximumFractionDigits: 20 }).format(value);
}

/**
 * A payout factor as the page shows it: exactly when it has at most 8
 * places, else cut to 4 places and marked "…" (5/6 is "0.8333…"): the
 * Result writes a fraction that does not end to 28 digits, and every amount
 * is worked from its exact value.
 */
export function factor(value) {
  if ((String(value).split('.')[1] ?? '').length <= 8) return num(value);
  return `${formatter('f4', { minimumFractionDigits: 4, maximumFractionDigits: 4, roundingMode: 'trunc' }).format(value)}…`;
}

const ROUNDING = { halfUp: 'rounded half up', halfEven: 'rounded half to even', down: 'rounded down' };

/** An exact amount and the money it rounds to: "12,375.4 → $12,375.40 (rounded …)". */
function rounded(exact, amount, result) {
  if (compare(exact, amount) === 0) return money(amount, result);
  return `${num(exact)} → ${money(amount, result)} (${ROUNDING[result.rounding]} to ${result.decimals} places)`;
}

function attainmentText(goal, goalResult) {
  const ratio = `${num(goal.actual)} ÷ ${num(goal.target)}`;
  return goal.direction === 'lowerIsBetter'
    ? `attainment = 2 − actual ÷ target = 2 − ${ratio} = ${pct(goalResult.attainment)} (lower is better; never below 0)`
    : `attainment = actual ÷ target = ${ratio} = ${pct(goalResult.attainment)}`;
}

/** A gate as the core found it (`GateResult`), in words. */
function gateText(gate, result) {
  const name = result.goals.find((g) => g.id === gate.goal)?.name ?? gate.goal;
  return `gate: ${name} must reach ${pct(gate.min)}; it is at ${pct(gate.attainment)}, so the gate is ${gate.met ? 'met' : 'not met'}`;
}

/** "Show the math" for one team: every step with the real numbers. */
function teamMath(plan, result, t, open) {
  return disclosure({
    key: `math:${result.teams[t].id}`,
    open,
    summary: 'Show the math',
    props: { class: 'math' },
    build: later(() => h('ol', {}, mathSteps(plan, result, t))),
  });
}

function mathSteps(plan, result, t) {
  const team = plan.teams[t];
  const r = result.teams[t];
  const steps = [];
  const goalAt = (id) => plan.goals.findIndex((g) => g.id === id);
  if (r.method === 'weighted') {
    for (const line of r.lines) {
      const g = goalAt(line.goal);
      const goal = plan.goals[g];
      const gr = result.goals[g];
      steps.push(
        h(
          'li',
          {},
          h('strong', { text: `${goal.name}: ` }),
          `${attainmentText(goal, gr)}. Curve: ${segment(goal.curve, gr.attainment)}; `,
          gr.gated ? `${gateText(gr.gate, result)}, so the factor is 0. ` : `at ${pct(gr.attainment)} the factor is ${factor(line.factor)}. `,
          `Line = target incentive × weight × factor = ${money(r.targetIncentive, result)} × ${pct(line.weight)} × ${factor(line.factor)} = ${rounded(line.exact, line.amount, result)}.`,
        ),
      );
    }
    const amounts = r.lines.map((l) => money(l.amount, result)).join(' + ') || money(r.subtotal, result);
    steps.push(h('li', {}, `Subtotal = ${amounts} = ${money(r.subtotal, result)}.`));
  } else {
    const terms = plan.goals
      .map((g, i) => [team.weights?.[g.id], result.goals[i].attainment])
      .filter(([w]) => w && compare(w, '0') > 0)
      .map(([w, a]) => `${pct(w)} × ${pct(a)}`)
      .join(' + ');
    steps.push(
      h('li', {}, `Blended attainment = Σ weight × attainment = ${terms || '0'} = ${pct(r.blendedAttainment)} (goal gates do not apply to a blended team).`),
      h('li', {}, `Team curve: ${segment(team.curve, r.blendedAttainment)}. Subtotal = ${money(r.targetIncentive, result)} × curve(${pct(r.blendedAttainment)}) = ${money(r.subtotal, result)}.`),
    );
  }
  if (r.modifier !== null) {
    const factors = team.modifiers
      .map((m) => {
        const g = goalAt(m.goal);
        return `${plan.goals[g].name} at ${pct(result.goals[g].attainment)}`;
      })
      .join(', ');
    steps.push(
      h('li', {}, `Modifiers (${factors}) multiply to ${num(r.modifier)}: ${money(r.subtotal, result)} × ${num(r.modifier)} = ${rounded(r.afterModifiersExact, r.afterModifiers, result)}.`),
    );
  }
  if (r.gate) {
    steps.push(h('li', {}, `Team ${gateText(r.gate, result)}${r.gated ? ': the team is paid nothing' : ''}.`));
  }
  if (r.capAmount !== null) {
    steps.push(
      h(
        'li',
        {},
        `Cap = ${pct(team.cap)} × ${money(r.targetIncentive, result)} = ${rounded(r.capExact, r.capAmount, result)}; ${r.capped ? 'the payout was above it, so it is cut to the cap' : 'the payout is within it'}.`,
      ),
    );
  }
  steps.push(h('li', {}, h('strong', { text: `Payout = ${money(r.payout, result)}` }), r.payoutRatio === null ? '.' : `, ${pct(r.payoutRatio)} of the target incentive.`));
  if (r.members.length) {
    const total = sum(r.members.map((m) => m.share));
    const listed = r.members.slice(0, 20).map((m) => `${m.name} ${money(m.payout, result)}`).join(', ');
    const more = r.members.length > 20 ? `, and ${r.members.length - 20} more` : '';
    steps.push(
      h(
        'li',
        {},
        `Members: each gets payout × share ÷ total shares (${num(total)}) in whole cents rounded down; the cents left over go one each to the largest remainders, so the parts add up exactly: ${listed}${more}.`,
      ),
    );
  }
  return steps;
}

/**
 * The joint split's bar segments, one per team, as wide as its share (set
 * through the CSSOM, which a strict CSP allows); `titled`: each names its
 * team and share on hover.
 */
function segments(result, titled) {
  return result.split.map((s, i) => {
    const segment = h('span', { class: `segment c${i % 6}`, title: titled ? `${result.teams[i].name}: ${pct(s.share)}` : undefined });
    segment.style.width = `${Number(s.share) * 100}%`;
    return segment;
  });
}

function splitBar(result) {
  const bar = h(
    'div',
    { class: 'split-bar', role: 'img', 'aria-label': result.split.map((s, i) => `${result.teams[i].name} ${pct(s.share)}`).join(', ') },
    segments(result, true),
  );
  const legend = h(
    'ul',
    { class: 'legend' },
    result.split.map((s, i) =>
      h(
        'li',
        {},
        h('span', { class: `swatch c${i % 6}`, 'aria-hidden': 'true' }),
        h('span', { class: 'name', text: result.teams[i].name }),
        h('span', { class: 'amount', text: money(result.teams[i].payout, result) }),
        h('span', { class: 'share', 'data-team': s.team, 'data-field': 'share', 'data-value': s.share, text: pct(s.share) }),
      ),
    ),
  );
  return h('div', { class: 'split' }, bar, legend);
}

function goalsTable(result) {
  return scroller(
    'Goals table',
    h(
      'table',
      { class: 'goals-table' },
      h('caption', { text: 'Goals' }),
      h('thead', {}, h('tr', {}, ['Goal', 'Attainment', 'Payout factor', 'Notes'].map((t) => h('th', { scope: 'col', text: t })))),
      h(
        'tbody',
        {},
        result.goals.map((g) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', text: g.name }),
            h('td', { 'data-goal': g.id, 'data-field': 'attainment', 'data-value': g.attainment, text: pct(g.attainment) }),
            h('td', { 'data-goal': g.id, 'data-field': 'factor', 'data-value': g.factor, text: factor(g.factor) }),
            h('td', {}, g.shared && h('span', { class: 'badge shared', text: 'shared' }), g.gated && h('span', { class: 'badge warn', text: 'gate not met' })),
          ),
        ),
      ),
    ),
  );
}

/** What the team's largest shared goal must reach for it to earn its target incentive, in one sentence. */
function targetSentence(result, r, target) {
  if (!target) return null;
  const goal = result.goals.find((g) => g.id === target.goal);
  const { solution } = target;
  const text =
    solution.reachable === false
      ? `To earn its target incentive (${money(r.targetIncentive, result)}), ${r.name} cannot rely on ${goal.name} alone: the most it can earn is ${money(solution.maxPayout, result)}${r.capped || r.capAmount !== null ? ' (capped)' : ''}.`
      : `To earn its target incentive (${money(r.targetIncentive, result)}), ${r.name} needs ${goal.name} of ${num(solution.actual)} (${pct(solution.attainment)}).`;
  return h('p', {
    class: 'target',
    'data-team': r.id,
    'data-field': 'target',
    'data-goal': target.goal,
    'data-value': solution.reachable === false ? '' : solution.actual,
    text,
  });
}

function teamCard(plan, result, t, open, target) {
  const r = result.teams[t];
  const badges = [
    r.modifier !== null && h('span', { class: 'badge', text: `modifier × ${num(r.modifier)}` }),
    r.gated && h('span', { class: 'badge warn', text: 'team gate not met' }),
    r.capped && h('span', { class: 'badge warn', text: 'capped' }),
  ];
  const lines = r.lines.length
    ? scroller(
        `${r.name}: lines`,
        h(
          'table',
          { class: 'lines' },
          h('caption', { class: 'visually-hidden', text: `${r.name}: lines` }),
          h('thead', {}, h('tr', {}, ['Goal', 'Weight', 'At target', 'Factor', 'Amount'].map((x) => h('th', { scope: 'col', text: x })))),
          h(
            'tbody',
            {},
            r.lines.map((l) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row', text: result.goals.find((g) => g.id === l.goal)?.name ?? l.goal }),
                h('td', { text: pct(l.weight) }),
                h('td', { text: money(l.atTarget, result) }),
                h('td', { text: factor(l.factor) }),
                h('td', { text: money(l.amount, result) }),
              ),
            ),
          ),
        ),
      )
    : r.method === 'blended'
      ? h('p', { text: `Blended attainment ${pct(r.blendedAttainment)}; subtotal ${money(r.subtotal, result)}.` })
      : h('p', { text: `No goal has a weight above 0 %: nothing is paid on goals; subtotal ${money(r.subtotal, result)}.` });
  const stake =
    compare(r.sharedStake, '0') > 0
      ? `${pct(r.sharedStake)} of the incentive rides on shared goals${r.sharedPayout === null ? '' : `, paying ${money(r.sharedPayout, result)} now`}.`
      : 'No stake in a shared goal: this team does not win or lose with the others.';
  const members = r.members.length
    ? disclosure({
        key: `members:${r.id}`,
        open,
        summary: `${r.members.length} member${r.members.length === 1 ? '' : 's'}`,
        props: { class: 'members-result' },
        build: later(() => [
          h(
            'table',
            {},
            h('thead', {}, h('tr', {}, ['Member', 'Share', 'Payout'].map((x) => h('th', { scope: 'col', text: x })))),
            h(
              'tbody',
              {},
              r.members.slice(0, 500).map((m) => h('tr', {}, h('th', { scope: 'row', text: m.name }), h('td', { text: num(m.share) }), h('td', { text: money(m.payout, result) }))),
            ),
          ),
          r.members.length > 500 && h('p', { text: `…and ${r.members.length - 500} more: “Export payouts CSV” has them all.` }),
        ]),
      })
    : null;
  return h(
    'article',
    { class: 'card team-result', 'aria-labelledby': `result-${t}` },
    h('h3', { id: `result-${t}`, text: r.name }),
    h(
      'p',
      { class: 'payout' },
      h('span', { 'data-team': r.id, 'data-field': 'payout', 'data-value': r.payout, text: money(r.payout, result) }),
      h('span', { class: 'ratio', text: r.payoutRatio === null ? '' : ` ${pct(r.payoutRatio)} of ${money(r.targetIncentive, result)}` }),
    ),
    h('p', { class: 'badges' }, badges),
    lines,
    h('p', { class: 'stake', text: stake }),
    teamEconomics(result, r),
    targetSentence(result, r, target),
    members,
    teamMath(plan, result, t, open),
  );
}

/** A team's on-target earnings and pay mix, when the plan gives its base. */
function teamEconomics(result, r) {
  const e = result.economics?.teams.find((x) => x.id === r.id);
  if (!e || e.ote === null) return null;
  return h(
    'div',
    { class: 'economics', 'data-economics': r.id },
    h('p', {}, 'On-target earnings ', h('strong', { 'data-field': 'ote', 'data-value': e.ote, text: money(e.ote, result) }), ` = base ${money(e.base, result)} + target incentive ${money(r.targetIncentive, result)}`, e.incentiveShare === null ? '.' : h('span', {}, '; pay mix ', h('strong', { 'data-field': 'incentive-share', 'data-value': e.incentiveShare, text: pct(e.incentiveShare) }), ' incentive.')),
    h('p', { class: 'hint', text: 'On-target earnings (OTE): what the team earns for the period when every goal is exactly at target. Pay mix: the part of OTE that is incentive pay.' }),
  );
}

/** The plan's cost of sales, when it names its revenue goal. */
function costOfSales(plan, result) {
  const cost = result.economics?.costOfSales;
  if (!cost) return null;
  const goal = plan.goals.find((g) => g.id === plan.revenueGoal);
  return h(
    'div',
    { class: 'economics cost-of-sales' },
    h('p', {}, 'Cost of sales: ', h('strong', { 'data-field': 'cost-at-target', 'data-value': cost.atTarget ?? '', text: costRatio(cost.atTarget) }), ' at target, ', h('strong', { 'data-field': 'cost-at-actual', 'data-value': cost.atActual ?? '', text: costRatio(cost.atActual) }), ` at the actual results, of ${goal?.name || 'the revenue goal'}.`),
    h('p', { class: 'hint', text: 'Cost of sales: what the teams are paid as a share of revenue. At target: their base salaries plus target incentives ÷ the revenue goal’s target; at the actual results: base salaries plus payouts ÷ its actual result. A team without a base salary adds only its incentive pay.' }),
  );
}

function sharedFate(plan, result, { chart, targets, onGoal, open, drawing }) {
  // On first load the payouts are painted first, the chart a moment later.
  if (drawing) return chartPlaceholder();
  // A plan whose sweep reaches amounts too large to write still shows every other result.
  if (!chart) return h('p', { class: 'note', text: 'No chart for this plan: its payouts along the chart grow too large to write.' });
  // The chart also writes numbers later (its values on hover and focus).
  return renderChart({ chart, plan, result, targets, onGoal, open, money: later((v) => money(v, result)), shortMoney: later((v) => shortMoney(v, result)), pct: later(pct) });
}

const ALIGNMENT = ['noSharedGoal', 'teamNotShared'];

function warnings(result) {
  if (!result.warnings.length) return null;
  const sorted = [...result.warnings].sort((a, b) => ALIGNMENT.includes(b.code) - ALIGNMENT.includes(a.code));
  return h(
    'section',
    { class: 'warnings', 'aria-labelledby': 'warnings-heading' },
    h('h3', { id: 'warnings-heading', text: 'Worth a look' }),
    h('ul', {}, sorted.map((w) => h('li', { class: ALIGNMENT.includes(w.code) ? 'alignment' : '', 'data-code': w.code, text: w.message }))),
  );
}

/**
 * Draws a result; `plan` is the plan it was computed from. `view` holds the
 * chart the core computed and the reader's choices: `{ chart, onGoal, open }`,
 * the goal the reader picks and the set of unfolded sections.
 */
export function renderResults(root, plan, result, view) {
  const parts = [
    h(
      'div',
      { class: 'total' },
      h('p', {}, 'Total payout ', h('strong', { 'data-field': 'total-payout', 'data-value': result.total.payout, text: money(result.total.payout, result) })),
      h('p', { text: `of ${money(result.total.targetIncentive, result)} at target${result.total.payoutRatio === null ? '' : ` (${pct(result.total.payoutRatio)})`}` }),
      view.changed && h('p', { class: 'changed', 'data-field': 'changed', text: changedText(view.changed, result) }),
    ),
    costOfSales(plan, result),
    h('h3', { text: 'The joint split' }),
    splitBar(result),
    sharedFate(plan, result, view),
    warnings(result),
    goalsTable(result),
    ...result.teams.map((team, t) => teamCard(plan, result, t, view.open, view.targets?.find((x) => x.team === team.id))),
  ];
  // Only what changed is touched: typing changes numbers, not the tree.
  morph(root, parts);
}

/** In place of results, for a plan that has none yet (it was opened with fields to fix). */
export function renderNoResults(root) {
  morph(root, [h('p', { class: 'no-results', 'data-field': 'no-results', text: 'No results yet: fix the marked fields and this plan’s results show here.' })]);
}

/**
 * The core's `changed` in one line: "New ARR 1,850,000 → 2,000,000: Sales
 * +4,500.00, Marketing +2,250.00, total +6,750.00".
 */
export function changedText(changed, result) {
  const signed = (value) => `${value.startsWith('-') ? '' : '+'}${money(value, result)}`;
  const goals = changed.goals.map((g) => `${g.name} ${num(g.before)} → ${num(g.after)}`).join('; ');
  const teams = changed.teams.map((t) => `${t.name} ${signed(t.difference)}`);
  const effects = [...teams, `total ${signed(changed.total)}`].join(', ');
  return goals ? `${goals}: ${effects}` : `Payouts: ${effects}`;
}

/**
 * The bar that follows the reader on a narrow screen: the total, each
 * team's payout and the joint split, marked when out of date.
 */
export function renderSummary(root, result, stale) {
  const bar = h(
    'div',
    { class: 'split-bar thin', 'aria-hidden': 'true' },
    segments(result, false),
  );
  morph(root, [
    h(
      'p',
      { class: 'summary-total' },
      'Total ',
      h('strong', { 'data-field': 'summary-total', 'data-value': result.total.payout, text: money(result.total.payout, result) }),
      stale && h('span', { class: 'stale-badge', 'data-field': 'summary-stale', text: 'Out of date: fix the marked field' }),
    ),
    h(
      'ul',
      { class: 'summary-teams' },
      result.teams.map((t, i) => h('li', {}, h('span', { class: `swatch c${i % 6}`, 'aria-hidden': 'true' }), `${t.name} `, h('span', { class: 'amount', 'data-team': t.id, text: money(t.payout, result) }))),
    ),
    bar,
  ]);
}

/** One sentence for the live region: what changed, briefly. */
export function summary(result) {
  const teams = result.teams.map((t) => `${t.name} ${money(t.payout, result)}`).join(', ');
  return `Total payout ${money(result.total.payout, result)}. ${teams}.`;
}
