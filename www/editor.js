// The plan editor: plan settings, goals, teams and the weights matrix.
//
// Every input carries `data-path`, the JSON path of the plan field it edits
// (`goals[1].target`), so the core's errors land next to the right field.
// `data-parse` says how its text is read (`number`, `money`, `percent`,
// `points`, `text`; `tandem.js` reads it the element's locale's way).
// Numbers are shown the way that locale writes them.
// Typing calls `edit(mutate)`; adding, removing or reordering calls
// `edit(mutate, { rebuild: true })` so the editor is drawn again.
import { h, note, scroller, uid } from './dom.js';
import { toPercent } from './decimal.js';
import { PRESETS, pointSeparator, pointsToText, presetOf } from './curves.js';
import { t } from './words.js';
import { getPath, stepsOf } from './store.js';

/** How the editor being drawn writes numbers (a locale.js numbering); set by `renderEditor`. */
let numbers;

/** A field's value as its input shows it: numbers the locale's way, text as it is. */
const shown = (parse, value) => (parse === 'text' || value === undefined || value === null ? value : numbers.format(String(value)));

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'INR', 'SGD', 'BRL', 'MXN', 'KWD'];

/** A labelled text input for one plan field. */
function input({ label, path, value, parse, hint, hintFor, wide }) {
  const id = uid('field');
  const hintId = hint ? `${id}-hint` : undefined;
  return h(
    'div',
    { class: wide ? 'field wide' : 'field' },
    h('label', { for: id, text: label }),
    h('input', {
      id,
      type: 'text',
      value: (parse === 'points' ? value : shown(parse, value)) ?? '',
      'data-path': path,
      'data-parse': parse,
      'aria-describedby': hintId,
      autocomplete: 'off',
      spellcheck: 'false',
      inputmode: parse === 'text' ? undefined : 'decimal',
    }),
    hint && h('p', { class: 'hint', id: hintId, 'data-team-id': hintFor, text: hint }),
  );
}

/** The words under a team's name: its id, which roster files may use instead of the name. */
const teamIdHint = (team) => t('Id {id}: a roster’s team column may give this id or the name.', { id: team.id });

/** What goal, team or member `i` (from 0) is called while it has no name of its own: "Goal 2", "Team 1". */
export const goalCalled = (i) => t('Goal {n}', { n: i + 1 });
export const teamCalled = (i) => t('Team {n}', { n: i + 1 });
export const memberCalled = (i) => t('Member {n}', { n: i + 1 });

/** `text` with the node `el` in place of its `hole`: [before, el, after]. */
function holding(text, hole, el) {
  const at = text.indexOf(hole);
  return [text.slice(0, at) || null, el, text.slice(at + hole.length) || null];
}

/** A labelled select; `options` are [value, label, attributes?] (a goal's option carries `data-goal-name`, so that it follows a rename). */
function select({ label, path, value, options, onChange }) {
  const id = uid('field');
  // A long option gets the whole row, so that its text is never cut off.
  const wide = options.some(([, text]) => text.length > 22);
  return h(
    'div',
    { class: wide ? 'field wide' : 'field' },
    h('label', { for: id, text: label }),
    h(
      'select',
      { id, 'data-path': path, on: { change: (e) => onChange(e.target.value) } },
      options.map(([v, text, props]) => h('option', { value: v, text, selected: v === value, ...props })),
    ),
  );
}

function button(text, onClick, props = {}) {
  return h('button', { type: 'button', class: 'button', text, on: { click: onClick }, ...props });
}

/** Writes `value` at a JSON path inside `root`; `undefined` removes the key. */
export function setPath(root, path, value) {
  const keys = stepsOf(path);
  let node = root;
  for (const key of keys.slice(0, -1)) node = node[key];
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** The curve editor: a preset, or custom points with their options. */
function curveEditor({ path, curve, required, edit, label, defaults }) {
  const preset = presetOf(curve, defaults);
  const choose = (key) =>
    edit((plan) => {
      const chosen = key === 'custom' ? { points: getPath(plan, path)?.points ?? defaults.curve.points } : PRESETS[key].curve;
      const fallback = required ? defaults.curve : undefined;
      setPath(plan, path, structuredClone(chosen ?? fallback));
    }, { rebuild: true });
  const options = Object.entries(PRESETS).map(([key, p]) => [key, t(p.label)]);
  const parts = [select({ label, path, value: preset, options, onChange: choose })];
  if (preset === 'custom') {
    parts.push(
      input({
        label: t('Points (attainment % : payout %)'),
        path: `${path}.points`,
        value: pointsToText(curve.points, numbers),
        parse: 'points',
        hint: t('For example {points}. Below the first point nothing is paid.', { points: ['80:50', '100:100', '150:200'].join(pointSeparator(numbers)) }),
        wide: true,
      }),
      select({
        label: t('Between points'),
        path: `${path}.interpolation`,
        value: curve.interpolation ?? defaults.interpolation,
        options: [['linear', t('Straight line')], ['step', t('Steps')]],
        onChange: (v) => edit((plan) => setPath(plan, `${path}.interpolation`, v === defaults.interpolation ? undefined : v)),
      }),
      select({
        label: t('Past the last point'),
        path: `${path}.beyond`,
        value: curve.beyond ?? defaults.beyond,
        options: [['cap', t('Stay at the last point (cap)')], ['extend', t('Continue the last line')]],
        onChange: (v) => edit((plan) => setPath(plan, `${path}.beyond`, v === defaults.beyond ? undefined : v)),
      }),
    );
  }
  return h('div', { class: 'curve' }, parts);
}

/** A gate: a goal whose attainment must reach a minimum (`label` says what it holds back). */
function gateEditor({ path, gate, goals, edit, label }) {
  const options = [['', t('No gate')], ...goalOptions({ goals })];
  const parts = [
    select({
      label,
      path,
      value: gate?.goal ?? '',
      options,
      onChange: (goal) =>
        edit((plan) => setPath(plan, path, goal ? { goal, min: getPath(plan, path)?.min ?? '1' } : undefined), { rebuild: true }),
    }),
  ];
  if (gate) {
    parts.push(input({ label: t('reaches at least (% attainment)'), path: `${path}.min`, value: toPercent(gate.min), parse: 'percent' }));
  }
  return h('div', { class: 'gate' }, parts);
}

/**
 * Attributes that keep a button's accessible name in step with the name of
 * the goal or team it acts on (`refreshMatrix` fills `{name}` with the name).
 */
const namedLabel = (template, list, id) => ({ 'aria-label': template.replace('{name}', id), 'data-label-template': template, 'data-label-for': `${list}:${id}` });

/** Up and down buttons for item `index` of the plan's `list` of `count` items. */
function moveButtons(list, index, count, edit, id) {
  const move = (to) =>
    edit((plan) => {
      const items = plan[list];
      [items[index], items[to]] = [items[to], items[index]];
    }, { rebuild: true });
  return h(
    'div',
    { class: 'row-actions' },
    button('↑', () => move(index - 1), { ...namedLabel(list === 'goals' ? t('Move goal {name} up') : t('Move team {name} up'), list, id), disabled: index === 0 }),
    button('↓', () => move(index + 1), { ...namedLabel(list === 'goals' ? t('Move goal {name} down') : t('Move team {name} down'), list, id), disabled: index === count - 1 }),
  );
}

function settingsEditor(plan, edit, defaults) {
  return h(
    'div',
    { class: 'fields' },
    input({ label: t('Plan name'), path: 'name', value: plan.name, parse: 'text', wide: true }),
    input({ label: t('Currency (ISO code)'), path: 'currency', value: plan.currency ?? defaults.currency, parse: 'text', hint: CURRENCIES.join(' · ') }),
    select({
      label: t('Decimal places'),
      path: 'decimals',
      value: plan.decimals === undefined ? '' : String(plan.decimals),
      options: [['', t('The currency’s own')], ['0', '0'], ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4']],
      onChange: (v) => edit((p) => setPath(p, 'decimals', v === '' ? undefined : Number(v))),
    }),
    select({
      label: t('Rounding'),
      path: 'rounding',
      value: plan.rounding ?? defaults.rounding,
      // The examples in the element's own way of writing numbers (0,125 → 0,13 in de-DE).
      options: [
        ['halfUp', t('Half up ({from} → {to})', { from: numbers.format('0.125'), to: numbers.format('0.13') })],
        ['halfEven', t('Half to even ({from} → {to})', { from: numbers.format('0.125'), to: numbers.format('0.12') })],
        ['down', t('Down ({from} → {to})', { from: numbers.format('0.129'), to: numbers.format('0.12') })],
      ],
      onChange: (v) => edit((p) => setPath(p, 'rounding', v === defaults.rounding ? undefined : v)),
    }),
    select({
      label: t('Revenue goal (for the cost of sales)'),
      path: 'revenueGoal',
      value: plan.revenueGoal ?? '',
      options: [['', t('None')], ...goalOptions(plan)],
      onChange: (v) => edit((p) => setPath(p, 'revenueGoal', v === '' ? undefined : v)),
    }),
  );
}

/** Every goal as a select's option, named as the goal is now. */
const goalOptions = (plan) => plan.goals.map((g, i) => [g.id, g.name || goalCalled(i), { 'data-goal-name': g.id }]);

function goalEditor(plan, goal, i, edit, defaults) {
  const path = `goals[${i}]`;
  const remove = () =>
    edit((p) => {
      const [gone] = p.goals.splice(i, 1);
      for (const team of p.teams) delete team.weights[gone.id];
      // What refers to a goal goes with it: its forecast, gates on it,
      // modifiers on it, and it as the revenue goal.
      if (p.forecast?.goals) delete p.forecast.goals[gone.id];
      if (p.revenueGoal === gone.id) delete p.revenueGoal;
      for (const item of [...p.goals, ...p.teams]) if (item.gate?.goal === gone.id) delete item.gate;
      for (const team of p.teams) {
        if (!team.modifiers) continue;
        team.modifiers = team.modifiers.filter((m) => m.goal !== gone.id);
        if (!team.modifiers.length) delete team.modifiers;
      }
    }, { rebuild: true });
  const moves = moveButtons('goals', i, plan.goals.length, edit, goal.id);
  return h(
    'fieldset',
    { class: 'card goal', 'data-path': path },
    h('legend', { 'data-goal-name': goal.id, text: goal.name || goalCalled(i) }),
    h(
      'div',
      { class: 'fields' },
      input({ label: t('Goal name'), path: `${path}.name`, value: goal.name, parse: 'text', wide: true }),
      input({ label: t('Target'), path: `${path}.target`, value: goal.target, parse: 'number' }),
      input({ label: t('Actual result'), path: `${path}.actual`, value: goal.actual, parse: 'number' }),
      select({
        label: t('Better when'),
        path: `${path}.direction`,
        value: goal.direction ?? defaults.direction,
        options: [['higherIsBetter', t('Higher')], ['lowerIsBetter', t('Lower (costs, churn)')]],
        onChange: (v) => edit((p) => setPath(p, `${path}.direction`, v === defaults.direction ? undefined : v)),
      }),
    ),
    curveEditor({ path: `${path}.curve`, curve: goal.curve, edit, label: t('Payout curve'), defaults }),
    gateEditor({ path: `${path}.gate`, gate: goal.gate, goals: plan.goals, edit, label: t('Gate: this goal pays only if') }),
    h('div', { class: 'card-actions' }, moves, button(t('Remove goal'), remove, namedLabel(t('Remove goal {name}'), 'goals', goal.id))),
  );
}

const MEMBER_ROWS = 200;

function membersEditor(team, path, edit) {
  const members = team.members ?? [];
  const add = () => edit((p) => {
    const team = p.teams[Number(path.match(/\d+/)[0])];
    team.members = [...(team.members ?? []), { name: memberCalled(members.length), share: '1' }];
  }, { rebuild: true });
  if (members.length > MEMBER_ROWS) {
    return h('div', { class: 'members' }, h('p', { text: t('{n} members: too many to edit here; import a plan file to change them.', { n: members.length }) }));
  }
  return h(
    'div',
    { class: 'members' },
    h('h3', { text: t('Members') }),
    members.map((m, j) =>
      h(
        'div',
        { class: 'member' },
        input({ label: t('Name'), path: `${path}.members[${j}].name`, value: m.name, parse: 'text' }),
        input({ label: t('Share'), path: `${path}.members[${j}].share`, value: m.share, parse: 'number' }),
        button(t('Remove'), () => edit((p) => setPath(p, `${path}.members`, getPath(p, path).members.filter((_, k) => k !== j)), { rebuild: true }), {
          'aria-label': t('Remove member {name}', { name: m.name }),
        }),
      ),
    ),
    button(t('Add member'), add),
  );
}

function teamEditor(plan, team, i, edit, defaults) {
  const path = `teams[${i}]`;
  const blended = team.method === 'blended';
  const moves = moveButtons('teams', i, plan.teams.length, edit, team.id);
  const modifiers = team.modifiers ?? [];
  const addModifier = () =>
    edit((p) => {
      p.teams[i].modifiers = [...(p.teams[i].modifiers ?? []), { goal: p.goals[0].id, curve: { points: [['0', '0.9'], ['1', '1'], ['1.2', '1.1']] } }];
    }, { rebuild: true });
  return h(
    'fieldset',
    { class: 'card team', 'data-path': path },
    h('legend', { 'data-team-name': team.id, text: team.name || teamCalled(i) }),
    h(
      'div',
      { class: 'fields' },
      input({ label: t('Team name'), path: `${path}.name`, value: team.name, parse: 'text', wide: true, hint: teamIdHint(team), hintFor: team.id }),
      input({ label: t('Target incentive'), path: `${path}.targetIncentive`, value: team.targetIncentive, parse: 'money', hint: t('Paid at 100 % on every goal') }),
      select({
        label: t('Method'),
        path: `${path}.method`,
        value: team.method ?? defaults.method,
        options: [['weighted', t('Weighted: a line per goal')], ['blended', t('Blended: one curve on the weighted attainment')]],
        onChange: (v) =>
          edit((p) => {
            setPath(p, `${path}.method`, v === defaults.method ? undefined : v);
            setPath(p, `${path}.curve`, v === 'blended' ? structuredClone(defaults.curve) : undefined);
          }, { rebuild: true }),
      }),
      input({ label: t('Cap (% of target incentive)'), path: `${path}.cap`, value: toPercent(team.cap), parse: 'percent', hint: t('Empty: no cap') }),
      input({ label: t('Base salary'), path: `${path}.base`, value: team.base, parse: 'money', hint: t('The team’s total base pay for the period, for on-target earnings and the pay mix. Empty: none') }),
    ),
    blended && curveEditor({ path: `${path}.curve`, curve: team.curve, required: true, edit, label: t('Team curve'), defaults }),
    gateEditor({ path: `${path}.gate`, gate: team.gate, goals: plan.goals, edit, label: t('Gate: the team pays only if') }),
    h(
      'div',
      { class: 'modifiers' },
      h('h3', { text: t('Modifiers (multiply the subtotal)') }),
      modifiers.map((m, j) =>
        h(
          'div',
          { class: 'modifier' },
          select({
            label: t('Goal'),
            path: `${path}.modifiers[${j}].goal`,
            value: m.goal,
            options: goalOptions(plan),
            onChange: (v) => edit((p) => setPath(p, `${path}.modifiers[${j}].goal`, v)),
          }),
          curveEditor({ path: `${path}.modifiers[${j}].curve`, curve: m.curve, required: true, edit, label: t('Modifier curve'), defaults }),
          button(t('Remove modifier'), () => edit((p) => {
            p.teams[i].modifiers = p.teams[i].modifiers.filter((_, k) => k !== j);
            if (!p.teams[i].modifiers.length) delete p.teams[i].modifiers;
          }, { rebuild: true })),
        ),
      ),
      modifiers.length < 10 && button(t('Add modifier'), addModifier),
    ),
    membersEditor(team, path, edit),
    h(
      'div',
      { class: 'card-actions' },
      moves,
      button(t('Remove team'), () => edit((p) => p.teams.splice(i, 1), { rebuild: true }), namedLabel(t('Remove team {name}'), 'teams', team.id)),
    ),
  );
}

/** A weight's accessible name: "Weight of Sales on New ARR (%)". */
const weightLabel = (team, goal) => t('Weight of {team} on {goal} (%)', { team: team.name || team.id, goal: goal.name || goal.id });

/** The goals × teams table of weights, in percent. */
function matrix(plan) {
  const head = h('tr', {}, h('th', { scope: 'col', text: t('Goal') }), plan.teams.map((team) => h('th', { scope: 'col', 'data-team-name': team.id, text: team.name || team.id })));
  const rows = plan.goals.map((g) =>
    h(
      'tr',
      { 'data-goal': g.id },
      h('th', { scope: 'row' }, h('span', { 'data-goal-name': g.id, text: g.name || g.id }), h('span', { class: 'badge shared', 'data-shared': g.id, hidden: true, text: t('shared') })),
      plan.teams.map((team, j) => {
        const id = uid('w');
        return h(
          'td',
          {},
          h('label', { for: id, class: 'visually-hidden', 'data-weight-label': `${team.id} ${g.id}`, text: weightLabel(team, g) }),
          h('input', {
            id,
            type: 'text',
            inputmode: 'decimal',
            autocomplete: 'off',
            class: 'weight',
            value: shown('percent', toPercent(team.weights?.[g.id])),
            'data-path': `teams[${j}].weights.${g.id}`,
            'data-parse': 'percent',
            placeholder: '0',
          }),
          h('span', { class: 'unit', 'aria-hidden': 'true', text: '%' }),
        );
      }),
    ),
  );
  const totals = h(
    'tr',
    { class: 'totals' },
    h('th', { scope: 'row', text: t('Total') }),
    plan.teams.map((team) => h('td', { 'data-total': team.id })),
  );
  return scroller(t('Weights table'), h('table', { class: 'matrix' }, h('thead', {}, head), h('tbody', {}, rows), h('tfoot', {}, totals)));
}

/**
 * The shared-stake dials: per team, how much of its weight rides on shared
 * goals. A slider (whole points; arrows, Page Up/Down, Home and End) and a
 * box for hundredths of a point. The core rescales the weights (`dial`);
 * `tandem.js` wires the events and sets the values after each result.
 */
function dials(plan) {
  return h(
    'div',
    { class: 'dials' },
    h('h3', { text: t('The dial: share of each team’s weight on shared goals') }),
    plan.teams.map((team, i) => {
      const id = uid('dial');
      const box = uid('dial-box');
      const why = uid('dial-why');
      return h(
        'div',
        { class: 'dial', 'data-dial': i },
        h('label', { for: id, 'data-team-name': team.id, text: team.name || teamCalled(i) }),
        h('input', { id, type: 'range', min: '0', max: '100', step: '1', value: '0', 'data-dial-range': i, 'aria-describedby': why }),
        // The team's name is a span of its own in the sentence, so that it follows a rename (`refreshMatrix`).
        h('label', { for: box, class: 'visually-hidden' }, holding(t('{team} on shared goals (%)'), '{team}', h('span', { 'data-team-name': team.id, text: team.name || teamCalled(i) }))),
        h('input', { id: box, type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'dial-box', 'data-dial-box': i }),
        h('span', { class: 'unit', 'aria-hidden': 'true', text: t('% on shared goals') }),
        h('p', { class: 'hint', id: why, 'data-dial-why': i }),
      );
    }),
  );
}

/**
 * Updates names, the matrix's column totals and shared badges without
 * redrawing; the totals and badges are the core's `facts` of the plan.
 */
export function refreshMatrix(root, plan, facts, n) {
  // Only what differs is written: every write would have the browser lay
  // the editor out again on the next keystroke.
  const text = (el, value) => {
    if (el.textContent !== value) el.textContent = value;
  };
  const named = (attr, item, i, called) => {
    for (const el of root.querySelectorAll(`[${attr}="${CSS.escape(item.id)}"]`)) text(el, item.name || called(i));
  };
  plan.goals.forEach((g, i) => named('data-goal-name', g, i, goalCalled));
  plan.teams.forEach((team, i) => named('data-team-name', team, i, teamCalled));
  for (const team of plan.teams) {
    const hint = root.querySelector(`[data-team-id="${CSS.escape(team.id)}"]`);
    if (hint) text(hint, teamIdHint(team));
  }
  // Accessible names follow renames.
  const byId = (list, id) => plan[list]?.find((item) => item.id === id);
  for (const el of root.querySelectorAll('[data-label-for]')) {
    const [list, id] = el.dataset.labelFor.split(':');
    const item = byId(list, id);
    const label = item && el.dataset.labelTemplate.replace('{name}', item.name || id);
    if (item && el.getAttribute('aria-label') !== label) el.setAttribute('aria-label', label);
  }
  for (const el of root.querySelectorAll('[data-weight-label]')) {
    const [team, goal] = el.dataset.weightLabel.split(' ').map((id, k) => byId(k ? 'goals' : 'teams', id));
    if (team && goal) text(el, weightLabel(team, goal));
  }
  plan.teams.forEach((team, i) => {
    const cell = root.querySelector(`[data-total="${CSS.escape(team.id)}"]`);
    const found = facts?.teams[i];
    if (!cell || !found) return;
    const off = found.weightsOff;
    const sum = n.format(toPercent(found.weightSum));
    text(cell, off ? t('{sum} % (not 100 %)', { sum }) : `${sum} %`);
    if (cell.classList.contains('off') !== off) cell.classList.toggle('off', off);
  });
  plan.goals.forEach((goal, i) => {
    const badge = root.querySelector(`[data-shared="${CSS.escape(goal.id)}"]`);
    const hidden = !facts?.goals[i]?.shared;
    if (badge && badge.hidden !== hidden) badge.hidden = hidden;
  });
}

/**
 * Draws the whole editor for `plan` into `root`, writing numbers the way
 * `n` (a locale.js numbering) does; a part the plan leaves out shows the
 * model's `defaults` (the core's, in the plan's facts), and a goal or team
 * added gets the core's id (`goalId(taken)`, `teamId(name, taken)`).
 */
export function renderEditor(root, plan, edit, n, { defaults, teamId, goalId }) {
  numbers = n;
  const addGoal = () =>
    edit((p) => {
      const id = goalId(p.goals.map((g) => g.id));
      p.goals.push({ id, name: goalCalled(p.goals.length), target: '100', actual: '100' });
    }, { rebuild: true });
  const addTeam = () =>
    edit((p) => {
      const name = teamCalled(p.teams.length);
      p.teams.push({ id: teamId(name, p.teams.map((other) => other.id)), name, targetIncentive: '10000', weights: {} });
    }, { rebuild: true });
  root.replaceChildren(
    h('section', { class: 'panel', 'aria-labelledby': 'plan-heading' }, h('h2', { id: 'plan-heading', tabindex: -1, text: t('Plan') }), settingsEditor(plan, edit, defaults)),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'weights-heading' },
      h('h2', { id: 'weights-heading', text: t('Weights: how much of each team’s incentive rides on each goal') }),
      matrix(plan),
      dials(plan),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'goals-heading' },
      h('h2', { id: 'goals-heading', text: t('Goals') }),
      plan.goals.map((g, i) => goalEditor(plan, g, i, edit, defaults)),
      button(t('Add goal'), addGoal, { disabled: plan.goals.length >= 100, 'data-add': 'goal' }),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'teams-heading' },
      h('h2', { id: 'teams-heading', text: t('Teams') }),
      plan.teams.map((team, i) => teamEditor(plan, team, i, edit, defaults)),
      button(t('Add team'), addTeam, { disabled: plan.teams.length >= 100, 'data-add': 'team' }),
    ),
  );
  // Names, weight totals and shared badges are filled in by `refreshMatrix`
  // once the core has evaluated the plan (the element's next step).
}

/** Most errors drawn by their fields at once. */
const MAX_SHOWN_ERRORS = 50;

/** The closest element for a JSON path: the field itself, else its nearest ancestor. */
function fieldFor(root, path) {
  for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const el = root.querySelector(`[data-path="${CSS.escape(p)}"]`);
    if (el) return el;
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
  }
  return null;
}

/**
 * Marks the editor's fields: each of the first 50 `errors` by its field (or
 * the nearest part of the editor above it), described by it for screen
 * readers, and each `[path, note]` in `notes` under its field. Returns the
 * errors no field took (`unplaced`) and how many were not drawn (`hidden`):
 * a plan with thousands of problems stays quick to show and to read.
 */
export function markFields(root, errors, notes) {
  for (const old of root.querySelectorAll('.field-error')) old.remove();
  // The marks it set, on the plan's fields (a dial's box keeps its own, dials.js).
  for (const el of root.querySelectorAll('[data-path][aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    el.setAttribute('aria-describedby', (el.getAttribute('aria-describedby') ?? '').replace(/\s*err-\d+/g, '').trim());
  }
  for (const [path, text] of notes) {
    const field = root.querySelector(`[data-path="${CSS.escape(path)}"]`);
    if (field) note(field, text);
  }
  const unplaced = [];
  const placed = [];
  const shown = errors.slice(0, MAX_SHOWN_ERRORS);
  shown.forEach((error, i) => {
    const el = fieldFor(root, error.path);
    const message = h('p', { class: 'field-error', id: `err-${i}`, 'data-error-path': error.path, text: error.message });
    if (!el) {
      unplaced.push(error);
      return;
    }
    placed.push({ error, el });
    if (el.matches('input, select')) {
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', `${el.getAttribute('aria-describedby') ?? ''} err-${i}`.trim());
      el.closest('.field, td')?.append(message);
    } else {
      el.prepend(message);
    }
  });
  return { unplaced, placed, hidden: errors.length - shown.length };
}
