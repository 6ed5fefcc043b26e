// The results: totals, the joint split, goals, each team's statement with
// "Show the math", and warnings. Every figure comes from the core's Result;
// the page only formats it. Hooks for tests and host pages: `data-team`,
// `data-field` and `data-value` (the exact decimal string) on payouts and
// shares, `data-field="total-payout"` on the total.
import { draw, fold, html, nothing, overflow, width } from './draw.js';
import { compare, isDecimal, placesIn, sum } from './decimal.js';
import { segment } from './curves.js';
import { chartPlaceholder } from './chartframe.js';
import { phrase } from './words.js';

/** How an exact amount is rounded to money, by the plan's rounding. */
const ROUNDING = {
  halfUp: phrase('{exact} → {amount} (rounded half up to {places} places)'),
  halfEven: phrase('{exact} → {amount} (rounded half to even to {places} places)'),
  down: phrase('{exact} → {amount} (rounded down to {places} places)'),
};

/** An exact amount and the money it rounds to: "12,375.4 → $12,375.40 (rounded …)". */
function rounded(format, exact, amount, result) {
  const { t, money } = format;
  if (compare(exact, amount) === 0) return money(amount, result);
  return t(ROUNDING[result.rounding], { exact: format.exact(exact, result.decimals), amount: money(amount, result), places: result.decimals });
}

function attainmentText({ t, format: exact, pct }, goal, goalResult) {
  // The result and target as their fields show them, every place kept.
  const params = { ratio: `${exact(goal.actual)} ÷ ${exact(goal.target)}`, attainment: pct(goalResult.attainment) };
  return goal.direction === 'lowerIsBetter'
    ? t('attainment = 2 − actual ÷ target = 2 − {ratio} = {attainment} (lower is better; never below 0).', params)
    : t('attainment = actual ÷ target = {ratio} = {attainment}.', params);
}

/** What a gate (`GateResult`, as the core found it) is filled in with: its goal's name, its minimum and where the goal is. */
function gateWords({ pct }, gate, result) {
  const goal = result.goals.find((g) => g.id === gate.goal)?.name ?? gate.goal;
  return { goal, min: pct(gate.min), attainment: pct(gate.attainment) };
}

/** "Show the math" for one team: every step with the real numbers. */
function teamMath(format, plan, result, at, { open, unfold }) {
  return fold({ key: `math:${result.teams[at].id}`, open, unfold, summary: format.t('Show the math'), kind: 'math', content: () => html`<ol>${mathSteps(format, plan, result, at)}</ol>` });
}

function mathSteps(format, plan, result, at) {
  const { t, tParts, money, pct, num, factor } = format;
  const team = plan.teams[at];
  const r = result.teams[at];
  const steps = [];
  const li = (...parts) => html`<li>${parts}</li>`;
  const goalAt = (id) => plan.goals.findIndex((g) => g.id === id);
  if (r.method === 'weighted') {
    for (const line of r.lines) {
      const g = goalAt(line.goal);
      const goal = plan.goals[g];
      const gr = result.goals[g];
      steps.push(
        li(html`<strong>${goal.name}: </strong>`,
          `${attainmentText(format, goal, gr)} `,
          // A goal is gated exactly when its gate is not met.
          gr.gated
            ? t('Curve: {segment}; gate: {goal} must reach {min}; it is at {attainment}, so the gate is not met, so the factor is 0.', { segment: segment(format, goal.curve, gr.on), ...gateWords(format, gr.gate, result) })
            : // A factor cut short ends in "…", which ends the sentence too.
              t('Curve: {segment}; at {attainment} the factor is {factor}.', { segment: segment(format, goal.curve, gr.on), attainment: pct(gr.attainment), factor: factor(line.factor) }).replace(/…\.$/, '…'),
          ' ',
          t('Line = target incentive × weight × factor = {incentive} × {weight} × {factor} = {amount}.', {
            incentive: money(r.targetIncentive, result),
            weight: pct(line.weight),
            factor: factor(line.factor),
            amount: rounded(format, line.exact, line.amount, result),
          }),
        ),
      );
    }
    // One line is the subtotal itself: said once (found by a fresh look: "Subtotal = $277,500.00 = $277,500.00.").
    const amounts = r.lines.map((l) => money(l.amount, result)).join(' + ');
    steps.push(li(r.lines.length > 1 ? t('Subtotal = {amounts} = {subtotal}.', { amounts, subtotal: money(r.subtotal, result) }) : t('Subtotal = {subtotal}.', { subtotal: money(r.subtotal, result) })));
  } else {
    const terms = plan.goals
      .map((g, i) => [team.weights?.[g.id], result.goals[i].attainment])
      .filter(([w]) => w && compare(w, '0') > 0)
      .map(([w, a]) => `${pct(w)} × ${pct(a)}`)
      .join(' + ');
    steps.push(
      li(t('Blended attainment = Σ weight × attainment = {terms} = {attainment} (goal gates do not apply to a blended team).', { terms: terms || '0', attainment: pct(r.blendedAttainment) })),
      li(t('Team curve: {segment}. Subtotal = {incentive} × curve({attainment}) = {subtotal}.', {
          segment: segment(format, team.curve, r.on),
          incentive: money(r.targetIncentive, result),
          attainment: pct(r.blendedAttainment),
          subtotal: money(r.subtotal, result),
        }),
      ),
    );
  }
  if (r.modifier !== null) {
    const factors = team.modifiers
      .map((m) => {
        const g = goalAt(m.goal);
        return t('{goal} at {attainment}', { goal: plan.goals[g].name, attainment: pct(result.goals[g].attainment) });
      })
      .join(', ');
    steps.push(
      li(t('Modifiers ({factors}) multiply to {modifier}: {subtotal} × {modifier} = {amount}.', {
          factors,
          modifier: num(r.modifier),
          subtotal: money(r.subtotal, result),
          amount: rounded(format, r.afterModifiersExact, r.afterModifiers, result),
        }),
      ),
    );
  }
  if (r.gate) {
    // A team is gated exactly when its gate is not met.
    const gate = gateWords(format, r.gate, result);
    steps.push(
      li(r.gated
          ? t('Team gate: {goal} must reach {min}; it is at {attainment}, so the gate is not met: the team is paid nothing.', gate)
          : t('Team gate: {goal} must reach {min}; it is at {attainment}, so the gate is met.', gate),
      ),
    );
  }
  if (r.capAmount !== null) {
    const cap = { cap: pct(team.cap), incentive: money(r.targetIncentive, result), amount: rounded(format, r.capExact, r.capAmount, result) };
    steps.push(
      li(r.capped
          ? t('Cap = {cap} × {incentive} = {amount}; the payout was above it, so it is cut to the cap.', cap)
          : t('Cap = {cap} × {incentive} = {amount}; the payout is within it.', cap),
      ),
    );
  }
  const payout = html`<strong>${t('Payout = {payout}', { payout: money(r.payout, result) })}</strong>`;
  steps.push(li(r.payoutRatio === null ? [payout, '.'] : tParts('{payout}, {ratio} of the target incentive.', { payout, ratio: pct(r.payoutRatio) })));
  if (r.members.length) {
    const members = {
      total: num(sum(r.members.map((m) => m.share))),
      listed: r.members.slice(0, 20).map((m) => `${m.name} ${money(m.payout, result)}`).join(', '),
      more: r.members.length - 20,
      // The money's smallest step, in which members are paid: $0.01 with
      // two places, $1 with none (found by a fresh look: "cents" at 0 places).
      unit: money(result.decimals === 0 ? '1' : `0.${'1'.padStart(result.decimals, '0')}`, result),
    };
    steps.push(
      li(r.members.length > 20
          ? t('Members: each gets payout × share ÷ total shares ({total}), rounded down to a whole number of {unit}; the {unit} steps left over go one each to the largest remainders (of equal ones, to the member listed first), so the parts add up exactly: {listed}, and {more} more.', members)
          : t('Members: each gets payout × share ÷ total shares ({total}), rounded down to a whole number of {unit}; the {unit} steps left over go one each to the largest remainders (of equal ones, to the member listed first), so the parts add up exactly: {listed}.', members),
      ),
    );
  }
  return steps;
}

/** The joint split's bar segments, one per team, as wide as its share. */
const segments = ({ share }, result, titled) =>
  result.split.map((s, i) => html`<span class="segment c${i % 6}" title=${titled ? `${result.teams[i].name}: ${share(s.share)}` : nothing} ${width(s.share)}></span>`);

// The shares are MODEL's: in steps of 0.01 points, the leftover to the
// largest remainders, so that they add up to exactly 100 %; said, as one
// may be a step below its own rounding (found by a fresh look: 29.0755…%
// shown as 29.07%).
const splitBar = (format, result) => html`<div class="split"><div class="split-bar" role="img" aria-label=${result.split.map((s, i) => `${result.teams[i].name} ${format.share(s.share)}`).join(', ')}>${segments(format, result, true)}</div><ul class="legend">${result.split.map((s, i) => html`<li><span class="swatch c${i % 6}" aria-hidden="true"></span><span class="name">${result.teams[i].name}</span><span class="amount">${format.money(result.teams[i].payout, result)}</span><span class="share" data-team=${s.team} data-field="share" data-value=${s.share}>${format.share(s.share)}</span></li>`)}</ul>${result.split.length > 1 && Number(result.total.payout) > 0 ? html`<p class="note" data-field="split-note">${format.t('Shares are in steps of 0.01 points, the steps left over to the largest remainders, so that they add up to exactly 100%.')}</p>` : nothing}</div>`;

const heads = (labels) => html`<thead><tr>${labels.map((text) => html`<th scope="col">${text}</th>`)}</tr></thead>`;

const goalsTable = ({ t, pct, factor }, result) => html`<div class="scroll" role="region" aria-label=${t('Goals table')} ${overflow()}><table class="goals-table"><caption>${t('Goals')}</caption>${heads([t('Goal'), t('Attainment'), t('Payout factor'), t('Notes')])}<tbody>${result.goals.map((g) => html`<tr><th scope="row">${g.name}</th><td data-goal=${g.id} data-field="attainment" data-value=${g.attainment}>${pct(g.attainment)}</td><td data-goal=${g.id} data-field="factor" data-value=${g.factor}>${factor(g.factor)}</td><td>${g.shared ? html`<span class="badge shared">${t('shared')}</span>` : nothing}${g.gated ? html`<span class="badge warn">${t('gate not met')}</span>` : nothing}</td></tr>`)}</tbody></table></div>`;

/**
 * What solve's answer is on its grid, in a sentence to follow the answer:
 * attainment is searched in steps of 0.01 points, so a payout of exactly
 * `asked` can lie between two steps, and the answer is the first step that
 * pays at least `asked` (95.72 %, where 95.714…% pays it exactly). Left out
 * when the answer pays exactly `asked` and the cap of `team` (its Result), if
 * any, does not bind there: a team paid its cap at the step can be paid
 * exactly that from below the step on; one paid less than its cap rises to
 * `asked` at the step itself. Left out too where the payout jumps past
 * `asked` (the core's `jump`: a curve's step or threshold, a gate): what it
 * pays there, said with the answer, is the jump's, not the grid's (found by
 * a fresh look).
 */
export function stepWords({ t, money, num }, solution, asked, result, team) {
  const capBinds = team.capAmount !== null && compare(solution.payout, team.capAmount) >= 0;
  if (solution.jump || (compare(solution.payout, asked) === 0 && !capBinds)) return '';
  return ` ${t('Attainment is counted in steps of {step} points: this is the first step that pays at least {asked}.', { step: num('0.01'), asked: money(asked, result) })}`;
}

function targetSentence(format, plan, result, r, target) {
  const { t, money, num, pct } = format;
  if (!target) return nothing;
  const goal = result.goals.find((g) => g.id === target.goal);
  const { solution } = target;
  const words = { incentive: money(r.targetIncentive, result), team: r.name, goal: goal.name };
  let text;
  const at = { actual: num(solution.actual), attainment: pct(solution.attainment) };
  if (solution.reachable !== false && compare(solution.attainment, '0') === 0) {
    // The least attainment there is: nothing is asked of the goal.
    text = t('To earn its target incentive ({incentive}), {team} needs nothing from {goal}: it earns it even with {goal} at {actual} ({attainment}).', { ...words, ...at });
  } else if (solution.reachable !== false) {
    // A goal where lower is better is met by its answer or anything below it.
    const lower = plan.goals.find((g) => g.id === target.goal)?.direction === 'lowerIsBetter';
    // Paid more than its target incentive at the first step that pays it (a
    // step between two of the grid's, a threshold's jump, a cap): what it is
    // paid there is said, as the solve form says it (found by a fresh look:
    // a threshold's jump to $61,000 read as the grid's doing).
    const step = stepWords(format, solution, r.targetIncentive, result, r);
    const paid = { ...words, ...at, payout: money(solution.payout, result) };
    if (!step && !solution.jump) {
      text = lower
        ? t('To earn its target incentive ({incentive}), {team} needs {goal} of at most {actual} ({attainment}).', paid)
        : t('To earn its target incentive ({incentive}), {team} needs {goal} of {actual} ({attainment}).', paid);
    } else {
      text = lower
        ? t('To earn its target incentive ({incentive}), {team} needs {goal} of at most {actual} ({attainment}), and is paid {payout} there.', paid)
        : t('To earn its target incentive ({incentive}), {team} needs {goal} of {actual} ({attainment}), and is paid {payout} there.', paid);
      text += step;
    }
  } else if (r.capAmount !== null && compare(r.capAmount, r.targetIncentive) < 0) {
    // No goal can help: the cap itself is below the target incentive (found by a fresh look).
    text = t('{team} can never earn its target incentive ({incentive}): its cap, {cap}, is below it.', { ...words, cap: money(r.capAmount, result) });
  } else if (solution.upTo) {
    // Paid more past the attainments solve looks at: the most is said of those (solver.js).
    text = t('To earn its target incentive ({incentive}), {team} cannot rely on {goal} alone up to {top} of its target: the most it can earn there is {most}.', { ...words, top: pct(solution.upTo), most: money(solution.maxPayout, result) });
  } else {
    // A cap at or above the target incentive never stops it short of it: what does is its curves
    // (found by a fresh look: "(capped)" said of $142,981.13 under a cap of $300,000.00).
    text = t('To earn its target incentive ({incentive}), {team} cannot rely on {goal} alone: the most it can earn is {most}.', { ...words, most: money(solution.maxPayout, result) });
  }
  return html`<p class="target" data-team=${r.id} data-field="target" data-goal=${target.goal} data-value=${solution.reachable === false ? '' : solution.actual}>${text}</p>`;
}

/**
 * A blended team weighting a goal whose gate is not met is paid on that
 * goal's attainment all the same (MODEL: goal gates do not apply to a
 * blended team): said on its card, not only in the math (found by a fresh look).
 */
function ungated({ tn }, plan, result, at) {
  const weights = plan.teams[at]?.weights ?? {};
  const goals = result.goals.filter((g) => g.gated && isDecimal(weights[g.id]) && compare(weights[g.id], '0') > 0).map((g) => g.name);
  if (!goals.length) return nothing;
  return ` ${tn(goals.length, 'The gate of {goals} is not met, and does not apply to a blended team: its attainment counts.', 'The gates of {goals} are not met, and do not apply to a blended team: their attainments count.', { goals: goals.join(', ') })}`;
}

function teamCard(format, plan, result, at, view, target) {
  const { t, tn, money, num, pct, factor } = format;
  const r = result.teams[at];
  const lines = r.lines.length
    ? html`<div class="scroll" role="region" aria-label=${t('{team}: lines', { team: r.name })} ${overflow()}><table class="lines"><caption class="visually-hidden">${t('{team}: lines', { team: r.name })}</caption>${heads([t('Goal'), t('Weight'), t('At target'), t('Factor'), t('Amount')])}<tbody>${r.lines.map((l) => html`<tr><th scope="row">${result.goals.find((g) => g.id === l.goal)?.name ?? l.goal}</th><td data-label=${t('Weight')}>${pct(l.weight)}</td><td data-label=${t('At target')}>${money(l.atTarget, result)}</td><td data-label=${t('Factor')}>${factor(l.factor)}</td><td data-label=${t('Amount')}>${money(l.amount, result)}</td></tr>`)}</tbody></table></div>`
    : r.method === 'blended'
      ? html`<p>${t('Blended attainment {attainment}; subtotal {subtotal}.', { attainment: pct(r.blendedAttainment), subtotal: money(r.subtotal, result) })}${ungated(format, plan, result, at)}</p>`
      : html`<p>${t('No goal has a weight above 0%: nothing is paid on goals; subtotal {subtotal}.', { subtotal: money(r.subtotal, result) })}</p>`;
  let stake;
  if (result.teams.length < 2) stake = t('The only team: no other team to share a goal with.');
  else if (compare(r.sharedStake, '0') <= 0) stake = t('No stake in a shared goal: this team does not win or lose with the others.');
  else if (r.sharedPayout === null) stake = t('{stake} of the incentive rides on shared goals.', { stake: pct(r.sharedStake) });
  else if (compare(r.payout, r.subtotal) === 0) stake = t('{stake} of the incentive rides on shared goals, paying {payout} now.', { stake: pct(r.sharedStake), payout: money(r.sharedPayout, result) });
  // A gate, a modifier or a cap makes the payout differ from the lines' subtotal: the shared lines' amount is a part of the subtotal, not of the payout.
  else stake = t('{stake} of the incentive rides on shared goals, paying {payout} of its {subtotal} subtotal now; the team is paid {paid}.', { stake: pct(r.sharedStake), payout: money(r.sharedPayout, result), subtotal: money(r.subtotal, result), paid: money(r.payout, result) });
  const members = r.members.length
    ? fold({
        key: `members:${r.id}`,
        open: view.open,
        unfold: view.unfold,
        summary: tn(r.members.length, '{n} member', '{n} members'),
        kind: 'members-result',
        content: () =>
          html`<table>${heads([t('Member'), t('Share'), t('Payout')])}<tbody>${r.members.slice(0, 500).map((m) => html`<tr><th scope="row">${m.name}</th><td>${num(m.share)}</td><td>${money(m.payout, result)}</td></tr>`)}</tbody></table>${r.members.length > 500 ? html`<p>${t('…and {more} more: “{button}” has them all.', { more: r.members.length - 500, button: t('Export payouts CSV') })}</p>` : nothing}`,
      })
    : nothing;
  const economics = teamEconomics(format, result, r);
  // One template of parts in their order (no text between the tags).
  return html`<article class="card team-result" aria-labelledby=${`result-${at}`}>${[
    html`<h3 id=${`result-${at}`}>${r.name}</h3>`,
    html`<p class="payout"><span data-team=${r.id} data-field="payout" data-value=${r.payout}>${money(r.payout, result)}</span><span class="ratio">${r.payoutRatio === null ? '' : ` ${t('{ratio} of {incentive}', { ratio: pct(r.payoutRatio), incentive: money(r.targetIncentive, result) })}`}</span></p>`,
    html`<p class="badges">${[
      r.modifier !== null ? html`<span class="badge">${t('modifier × {modifier}', { modifier: num(r.modifier) })}</span>` : nothing,
      r.gated ? html`<span class="badge warn">${t('team gate not met')}</span>` : nothing,
      r.capped ? html`<span class="badge warn">${t('capped')}</span>` : nothing,
    ]}</p>`,
    lines,
    html`<p class="stake">${stake}</p>`,
    economics,
    targetSentence(format, plan, result, r, target),
    members,
    teamMath(format, plan, result, at, view),
  ]}</article>`;
}

/** A team's on-target earnings and pay mix, when the plan gives its base. */
function teamEconomics({ t, tParts, money, ratioPct }, result, r) {
  const e = result.economics?.teams.find((x) => x.id === r.id);
  if (!e || e.ote === null) return nothing;
  const said = tParts(
    e.incentiveShare === null
      ? phrase('On-target earnings {ote} = base {base} + target incentive {incentive}.')
      : phrase('On-target earnings {ote} = base {base} + target incentive {incentive}; pay mix {share} incentive.'),
    {
      ote: html`<strong data-field="ote" data-value=${e.ote}>${money(e.ote, result)}</strong>`,
      base: money(e.base, result),
      incentive: money(r.targetIncentive, result),
      share: e.incentiveShare !== null ? html`<strong data-field="incentive-share" data-value=${e.incentiveShare}>${ratioPct(e.incentiveShare)}</strong>` : nothing,
    },
  );
  // The model's OTE: base plus target incentive, whatever the weights add up to (found by a fresh look: "when every goal is at target" was false for weights of 110 %).
  const hint = t('On-target earnings (OTE): base plus target incentive, the pay the plan sets for the period. Pay mix: the part of OTE that is incentive pay.');
  return html`<div class="economics" data-economics=${r.id}><p>${said}</p><p class="hint">${hint}</p></div>`;
}

/** The plan's cost of sales, when it names its revenue goal. */
function costOfSales({ t, tParts, costRatio }, plan, result) {
  const cost = result.economics?.costOfSales;
  if (!cost) return nothing;
  const goal = plan.goals.find((g) => g.id === plan.revenueGoal);
  return html`<div class="economics cost-of-sales"><p>${tParts('Cost of sales: {atTarget} at target, {atActual} at the actual results, of {goal}.', {
      atTarget: html`<strong data-field="cost-at-target" data-value=${cost.atTarget ?? ''}>${costRatio(cost.atTarget)}</strong>`,
      atActual: html`<strong data-field="cost-at-actual" data-value=${cost.atActual ?? ''}>${costRatio(cost.atActual)}</strong>`,
      goal: goal?.name || t('the revenue goal'),
    })}</p><p class="hint">${t('Cost of sales: what the teams are paid as a share of revenue. At target: their base salaries plus target incentives ÷ the revenue goal’s target; at the actual results: base salaries plus payouts ÷ its actual result. A team without a base salary adds only its incentive pay.')}</p></div>`;
}

function sharedFate(format, result, { chart, targets, onGoal, open, unfold, drawing, renderChart }) {
  // On first load the payouts are painted first, the chart a moment later.
  if (drawing) return chartPlaceholder(format);
  // A plan whose sweep reaches amounts too large to write still shows every other result.
  if (!chart) return html`<p class="note">${format.t('No chart for this plan: its payouts along the chart grow too large to write.')}</p>`;
  return renderChart(format, { chart, result, targets, onGoal, open, unfold });
}

const ALIGNMENT = ['noSharedGoal', 'teamNotShared'];

/**
 * The most warnings of one kind listed; the rest are counted after the last
 * one listed. A roster of 10,000 people with repeated names gave 8,000
 * lines, drawn again on each keystroke, and froze the page for most of a
 * second (found by a fresh look).
 */
const MOST_OF_A_KIND = 20;

function warnings({ t, tn, num }, result) {
  if (!result.warnings.length) return nothing;
  const sorted = [...result.warnings].sort((a, b) => ALIGNMENT.includes(b.code) - ALIGNMENT.includes(a.code));
  const of = new Map();
  for (const { code } of sorted) of.set(code, (of.get(code) ?? 0) + 1);
  const listed = new Map();
  const items = sorted.flatMap((w) => {
    const place = (listed.get(w.code) ?? 0) + 1;
    listed.set(w.code, place);
    if (place > MOST_OF_A_KIND) return [];
    const item = html`<li class=${ALIGNMENT.includes(w.code) ? 'alignment' : ''} data-code=${w.code}>${w.message}</li>`;
    const rest = of.get(w.code) - MOST_OF_A_KIND;
    if (place < MOST_OF_A_KIND || rest <= 0) return [item];
    return [item, html`<li class="more" data-code=${w.code} data-more=${rest}>${tn(rest, 'And 1 more like this.', 'And {n} more like these.', { n: num(rest) })}</li>`];
  });
  return html`<section class="warnings" aria-labelledby="warnings-heading"><h3 id="warnings-heading">${t('Worth a look')}</h3><ul>${items}</ul></section>`;
}

/**
 * Draws a result; `plan` is the plan it was computed from. `view` holds the
 * chart the core computed, `renderChart` that draws it (chart.js, loaded
 * with the editing parts) and the reader's choices: `{ chart, renderChart,
 * onGoal, open, unfold }`, the goal the reader picks, the set of unfolded
 * sections and `unfold(key, open)`, which unfolds or folds one. Drawn again
 * after every keystroke, it changes only the text and attributes that did.
 */
export function renderResults(root, format, plan, result, view) {
  const { t, tParts, money, pct } = format;
  const total = html`<strong data-field="total-payout" data-value=${result.total.payout}>${money(result.total.payout, result)}</strong>`;
  const atTarget =
    result.total.payoutRatio === null
      ? t('of {incentive} target incentive', { incentive: money(result.total.targetIncentive, result) })
      : // The ratio kept on one line: "98.9166…" and "%)" were wrapped apart (found by a fresh look).
        tParts('of {incentive} target incentive ({ratio})', { incentive: money(result.total.targetIncentive, result), ratio: html`<span class="nowrap">${pct(result.total.payoutRatio)}</span>` });
  draw(
    html`${[
      html`<div class="total">${view.scenario ? html`<p class="scenario-shown" data-field="scenario-shown">${t('Scenario “{scenario}”', { scenario: view.scenario })}</p>` : nothing}<p>${tParts('Total payout {total}', { total })}</p><p>${atTarget}</p>${view.changed ? html`<p class="changed" data-field="changed">${changedText(format, view.changed, result)}</p>` : nothing}</div>`,
      costOfSales(format, plan, result),
      html`<h3>${t('The joint split')}</h3>`,
      splitBar(format, result),
      sharedFate(format, result, view),
      warnings(format, result),
      goalsTable(format, result),
      ...result.teams.map((team, at) => teamCard(format, plan, result, at, view, view.targets?.find((x) => x.team === team.id))),
    ]}`,
    root,
  );
}

/** In place of results, for a plan that has none yet (it was opened with fields to fix). */
export function renderNoResults(root, { t }) {
  draw(html`<p class="no-results" data-field="no-results">${t('No results yet: fix the marked fields and this plan’s results show here.')}</p>`, root);
}

/**
 * The core's `changed` in one line: "New ARR 1,850,000 → 2,000,000: Sales
 * +4,500.00, Marketing +2,250.00, total +6,750.00".
 */
export function changedText({ t, money, format: exact, pct }, changed, result) {
  // With every place the difference has: decimal places cut from 2 to 0 move
  // a payout by -0.33, not by "-$0" (found by a fresh look).
  const signed = (value) => `${value.startsWith('-') ? '' : '+'}${money(value, { currency: result.currency, decimals: Math.max(result.decimals, placesIn(value)) })}`;
  // The other levers that moved: targets, target incentives, weights, caps.
  const lever = ({ input, goal, team, before, after }) => {
    if (input === 'target') return t('{goal} target {before} → {after}', { goal: goal.name, before: exact(before), after: exact(after) });
    if (input === 'targetIncentive') return t('{team} target incentive {before} → {after}', { team: team.name, before: money(before, result), after: money(after, result) });
    // A cap is a multiple of the target incentive, shown as a percentage as the editor shows it; null: none.
    if (input === 'cap') return t('{team} cap {before} → {after}', { team: team.name, before: before === null ? t('none') : pct(before), after: after === null ? t('none') : pct(after) });
    return t('{team} weight on {goal} {before} → {after}', { team: team.name, goal: goal.name, before: pct(before), after: pct(after) });
  };
  // Numbers with every place they were typed with, as their fields show them (found by a fresh look: "1.250.000,50" was told as "1.250.000,5").
  const goals = [...changed.goals.map((g) => `${g.name} ${exact(g.before)} → ${exact(g.after)}`), ...(changed.inputs ?? []).map(lever)].join('; ');
  // An input moved, no payout with it: said so, not "total +$0.00" (found by a fresh look).
  if (goals && !changed.teams.length && Number(changed.total) === 0) return t('{inputs}: no payout changed', { inputs: goals });
  const teams = changed.teams.map((team) => `${team.name} ${signed(team.difference)}`);
  const effects = [...teams, t('total {difference}', { difference: signed(changed.total) })].join(', ');
  return goals ? `${goals}: ${effects}` : t('Payouts: {effects}', { effects });
}

/**
 * The bar that follows the reader on a narrow screen: the total, each
 * team's payout and the joint split, marked when out of date (`stale`:
 * `{ field, more }`, the name of the first field to fix when it is known,
 * and how many more there are); with no `result` (a plan opened with
 * errors), only where to start fixing.
 */
export function renderSummary(root, format, result, stale, scenario = null) {
  const { t, tn, tParts, money } = format;
  if (!result) {
    // A plan opened with errors: no payouts yet, and where to start fixing.
    draw(html`<p class="summary-total"><span class="stale-badge" data-field="summary-stale">${!stale.field ? t('No results yet: fix the marked fields') : stale.more > 0 ? tn(stale.more, 'No results yet: fix {field} and 1 more', 'No results yet: fix {field} and {n} more', { field: stale.field }) : t('No results yet: fix {field}', { field: stale.field })}</span></p>`, root);
    return;
  }
  draw(html`<p class="summary-total">${scenario ? html`<span class="summary-scenario" data-field="summary-scenario">${scenario}</span> ` : nothing}${tParts('Total {total}', { total: html`<strong data-field="summary-total" data-value=${result.total.payout}>${money(result.total.payout, result)}</strong>` })}${stale ? html`<span class="stale-badge" data-field="summary-stale">${!stale.field ? t('Out of date: fix the marked field') : stale.more > 0 ? tn(stale.more, 'Out of date: fix {field} and 1 more', 'Out of date: fix {field} and {n} more', { field: stale.field }) : t('Out of date: fix {field}', { field: stale.field })}</span>` : nothing}</p><ul class="summary-teams">${result.teams.map((team, i) => html`<li><span class="swatch c${i % 6}" aria-hidden="true"></span><span class="summary-name">${team.name}</span> <span class="amount" data-team=${team.id}>${money(team.payout, result)}</span></li>`)}</ul><div class="split-bar thin" aria-hidden="true">${segments(format, result, false)}</div>`, root);
}

/** One sentence for the live region: what changed, briefly. */
export function summary({ t, money }, result) {
  const teams = result.teams.map((team) => `${team.name} ${money(team.payout, result)}`).join(', ');
  return t('Total payout {total}. {teams}.', { total: money(result.total.payout, result), teams });
}
