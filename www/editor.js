// The plan editor: plan settings, goals, teams and the weights matrix,
// drawn by lit-html from the plan, the core's facts of it, the entries as
// typed and the errors, on every change: a rename, a weight total or a
// shared badge follows at once, and a field being typed in keeps what is
// typed (draw.js `typed`).
//
// Every input carries `data-path`, the JSON path of the plan field it edits
// (`goals[1].target`, written by the core from its steps: paths.js), so the
// core's errors land next to the right field.
// `data-parse` says how its text is read (`number`, `money`, `percent`,
// `points`, `text`; `tandem.js` reads it the element's locale's way).
// Numbers are shown the way that locale writes them. What `locked` names is
// read-only, and the buttons that would change it are disabled.
import { Directive, directive } from './vendor/directive.js';
import { draw, html, nothing, overflow, typed } from './draw.js';
import { toPercent } from './decimal.js';
import { BETWEEN, CURVES, PAST, pointSeparator, pointsToText, presetOf } from './curves.js';
import { GOAL_WHOLE, TEAM_WHOLE, lockedWords } from './frame.js';
import { pathOf, valueAt } from './paths.js';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'INR', 'SGD', 'BRL', 'MXN', 'KWD'];

/** What goal, team or member `i` (from 0) is called while it has no name of its own: "Goal 2", "Team 1". */
export const goalCalled = ({ t }, i) => t('Goal {n}', { n: i + 1 });
export const teamCalled = ({ t }, i) => t('Team {n}', { n: i + 1 });
export const memberCalled = ({ t }, i) => t('Member {n}', { n: i + 1 });
/** A goal's, team's or member's name as shown, or what it is `called` by its place when it has none (or only spaces, which the core refuses). */
export const nameOr = (name, called) => (typeof name === 'string' ? name.trim() : name) || called;

/** Writes `value` at the path `keys` (paths.js) inside `root`; `undefined` removes the key. */
export function setPath(root, keys, value) {
  let node = root;
  for (const key of keys.slice(0, -1)) node = node[key];
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** The id of the input for the plan field at `path` (its label's `for`; a note's and an error's ids start with it). */
const fieldId = (path) => `field-${path}`;

/** A card added by `add()` from the button of `event`: the focus goes to its name, selected, to be typed over. */
function adding(event, add) {
  const section = event.currentTarget.closest('section');
  add();
  const name = [...section.querySelectorAll('fieldset.card')].at(-1)?.querySelector('.fields input');
  name?.focus();
  name?.select();
}

/**
 * An item removed by `remove()` from its button in `event` (a card of its
 * section, or a member of its team's list: `item` in `list`): the focus goes
 * to the first field of the item now in its place (the last one's, at the
 * end), or to the list's Add button (`add`); not to that item's Remove,
 * where a second Enter would remove it too (found by a fresh look). Undo
 * puts it back.
 */
function removing(event, remove, { list = 'section', item = 'fieldset.card', add = '[data-add]' } = {}) {
  const within = event.currentTarget.closest(list);
  const at = [...within.querySelectorAll(item)].indexOf(event.currentTarget.closest(item));
  remove();
  const items = within.querySelectorAll(item);
  (items[Math.min(at, items.length - 1)]?.querySelector('input, select') ?? within.querySelector(add))?.focus();
}

/** What Undo of a removal focuses: the name field of what it puts back at `at`. */
const nameAt = (at) => `#editor [data-path="${CSS.escape(pathOf([...at, 'name']))}"]`;

/** Most members listed for editing; a team with more is changed by importing a file. */
const MEMBER_ROWS = 200;

/** Most errors drawn by their fields at once. */
const MAX_SHOWN_ERRORS = 50;

/**
 * What one drawing of the editor shows by its fields: the paths it has a
 * field (or a card) for, filled in as the template is built, then each
 * error and note placed by them before the template is drawn.
 */
class Marks {
  /** Paths (their text) of the fields and cards drawn. */
  paths = new Set();
  /** By path: `{ errors: [{ id, path, message, mend }], note }`. */
  at = new Map();

  /** `mending(error)`: the button that mends an error the core says how to mend (`{ label, run }`), or null. */
  constructor(entries, mending) {
    this.entries = entries;
    this.mending = mending;
  }

  /** A field or card drawn at the path `at`: its path's text, which names it. */
  draws(at) {
    const path = pathOf(at);
    this.paths.add(path);
    return path;
  }

  /** The closest drawn path for the path `at`: the field itself, else its nearest part above it. */
  #placeOf(at) {
    for (let k = at.length; k > 0; k -= 1) {
      const path = pathOf(at.slice(0, k));
      if (this.paths.has(path)) return path;
    }
    return null;
  }

  #mark(path) {
    if (!this.at.has(path)) this.at.set(path, { errors: [], note: '' });
    return this.at.get(path);
  }

  /** Places the first 50 `errors` and every note; returns the errors no field took and how many were not drawn. */
  place(errors) {
    for (const [at, text] of this.entries.notes()) {
      const path = pathOf(at);
      if (this.paths.has(path)) this.#mark(path).note = text;
    }
    const unplaced = [];
    const placed = [];
    const shown = errors.slice(0, MAX_SHOWN_ERRORS);
    shown.forEach((error, i) => {
      const mend = error.mend ? this.mending(error) : null;
      // A key of the plan itself that removing mends: by the plan's own fields, with its Remove button.
      const path = this.#placeOf(error.at ?? []) ?? (mend && this.paths.has(pathOf([])) ? pathOf([]) : null);
      if (path === null) {
        unplaced.push(error);
        return;
      }
      placed.push({ error, path });
      this.#mark(path).errors.push({ id: `err-${i}`, path: error.path, message: error.message, mend });
    });
    return { unplaced, placed, hidden: errors.length - shown.length };
  }
}

/** The errors and the note placed at a path, as the paragraphs under its field (`marks.place` ran before the draw). */
const marksAt = directive(
  class extends Directive {
    render(marks, path) {
      const mark = marks.at.get(path);
      if (!mark) return nothing;
      return html`${mark.errors.map((e) => html`<p class="field-error" id=${e.id} data-error-path=${e.path}>${e.message}${e.mend ? html` <button type="button" class="button" data-mend=${e.path} @click=${e.mend.run}>${e.mend.label}</button>` : nothing}</p>`)}${mark.note ? html`<p class="field-note" id=${`${fieldId(path)}-note`} data-note-for=${path}>${mark.note}</p>` : nothing}`;
    }
  },
);

/** An input's `aria-describedby`: its hint, its note and its errors. */
const describedBy = directive(
  class extends Directive {
    render(marks, path, hint) {
      const mark = marks.at.get(path);
      const ids = [hint, mark?.note && `${fieldId(path)}-note`, ...(mark?.errors ?? []).map((e) => e.id)].filter(Boolean);
      return ids.length ? ids.join(' ') : nothing;
    }
  },
);

/** `aria-invalid` on a field with an error placed at it. */
const invalid = directive(
  class extends Directive {
    render(marks, path) {
      return marks.at.get(path)?.errors.length ? 'true' : nothing;
    }
  },
);

/** The kinds of field (`data-parse`) that hold a number. */
export const NUMBERS = ['number', 'money', 'percent'];

/**
 * A number of the plan as its field shows it once entered (`parse` is
 * `number`, `money` or `percent`): the locale's way, money with at least
 * its currency's places (the core's `facts`), a weight in percent.
 */
export function shownNumber(format, parse, value, facts) {
  if (parse === 'money') return format.amount(String(value), facts?.decimals);
  return format.format(String(parse === 'percent' ? toPercent(value) : value));
}

/**
 * Per editor, the curves (by path) chosen as "Custom points…" while they
 * are still a preset's, with the curve as chosen: shown as points while the
 * plan's curve there is that curve. A custom curve starts as the curve the
 * goal has, and pays the same (found by a fresh look: from pro-rata it
 * became a capped line, from step tiers a straight one, and the payouts
 * moved with nothing typed).
 */
const asPoints = new WeakMap();

/**
 * The editor for one drawing: the plan, how it is written (`format`,
 * format.js), the model's `defaults`, what is `locked`, the
 * entries as typed, and `edit(mutate, options)`.
 */
class View {
  constructor({ root, plan, facts, format, defaults, locked, entries, edit, teamId, goalId }) {
    if (!asPoints.has(root)) asPoints.set(root, new Map());
    Object.assign(this, { plan, facts, format, defaults, locked, entries, edit, teamId, goalId, asPoints: asPoints.get(root) });
    this.marks = new Marks(entries, (error) => this.mending(error));
  }

  /**
   * The button that mends an error the core says how to mend where no field
   * of the editor could (found by a fresh look: a hand-edited link's plan
   * showed "fix the marked fields", and none could): Remove a key the plan
   * model does not define, or a weight on a goal the plan does not have
   * (Undo puts it back, and the focus on its button); Use a JSON number as
   * the decimal text it reads as, which the button shows. None while
   * anything is locked.
   */
  mending({ at, path, mend }) {
    if (this.locked.size) return null;
    const { t, num } = this.format;
    if ('value' in mend) {
      const run = (event) => {
        const root = event.currentTarget.getRootNode();
        this.edit((plan) => setPath(plan, at, mend.value));
        root.querySelector(`#editor [data-path="${CSS.escape(path)}"]`)?.focus();
      };
      return { label: t('Use {value}', { value: num(mend.value) }), run };
    }
    const key = String(at.at(-1));
    const run = (event) => {
      const root = event.currentTarget.getRootNode();
      this.edit((plan) => setPath(plan, at, undefined), {
        rebuild: true,
        removed: { said: (f) => f.t('“{key}” removed. Undo puts it back.', { key }), back: (f) => f.t('“{key}” is back.', { key }), focus: `#editor [data-mend="${CSS.escape(path)}"]` },
      });
      // Its button goes with it: the focus goes to Undo, not to the page.
      root.querySelector('#undo')?.focus();
    };
    return { label: t('Remove “{key}”', { key }), run };
  }

  /**
   * What team `i`'s target incentive pays at target: all of it when its
   * weights add up to 100 %, else as much as they add up to, as the core's
   * facts say (found by a fresh look: "Paid at 100% on every goal" beside
   * weights of 110 %).
   */
  incentiveHint(i) {
    const { t, pct } = this.format;
    const found = this.facts?.teams[i];
    if (!found?.weightsRead || !found.weightsOff) return t('What the team is paid with every goal at 100%, before each line is rounded');
    return t('Its weights add up to {sum}: with every goal at 100%, it is paid {sum} of this.', { sum: pct(found.weightSum) });
  }

  /** Whether `locked` names any of `words`. */
  closedBy(words) {
    return words.some((word) => this.locked.has(word));
  }

  /** Whether `locked` keeps goal `goal` from being removed: its parts, a team's gate or modifier on it, or the plan's revenue goal. */
  goalFixed(goal) {
    const { plan } = this;
    const teamsUse = plan.teams.some((team) => team.gate?.goal === goal.id || team.modifiers?.some((m) => m.goal === goal.id));
    return this.closedBy(GOAL_WHOLE) || (teamsUse && this.locked.has('teams')) || (plan.revenueGoal === goal.id && this.locked.has('plan'));
  }

  /** Whether what `locked` names covers the field at the path `at`. */
  isLocked(at) {
    return this.locked.size > 0 && lockedWords(at, this.locked).length > 0;
  }

  /** A field's value as its input shows it: an entry that could not be read as typed, numbers the locale's way, text as it is. */
  shown(at, parse, value) {
    const typedText = this.entries.failedText(at);
    if (typedText !== undefined) return typedText;
    if (value === undefined || value === null) return '';
    if (parse === 'text' || parse === 'points') return value;
    return shownNumber(this.format, parse, value, this.facts);
  }

  /** A labelled text input for one plan field. */
  input({ label, path: at, parse, hint, hintFor, wide, value = valueAt(this.plan, at) }) {
    const path = this.marks.draws(at);
    const id = fieldId(path);
    const hintId = hint ? `${id}-hint` : undefined;
    const locked = this.isLocked(at);
    return html`<div class=${wide ? 'field wide' : 'field'}><label for=${id}>${label}</label><input id=${id} type="text" ${typed(this.shown(at, parse, value))} data-path=${path} data-parse=${parse} aria-describedby=${describedBy(this.marks, path, hintId)} aria-invalid=${invalid(this.marks, path)} ?readonly=${locked} aria-readonly=${locked ? 'true' : nothing} autocomplete="off" spellcheck="false" inputmode=${parse === 'text' ? nothing : 'decimal'}>${hint ? html`<p class="hint" id=${hintId} data-team-id=${hintFor ?? nothing}>${hint}</p>` : nothing}${marksAt(this.marks, path)}</div>`;
  }

  /** A labelled select; `options` are [value, label]. */
  select({ label, path: at, value, options, onChange }) {
    const path = this.marks.draws(at);
    const id = fieldId(path);
    // A long option gets the whole row, so that its text is never cut off.
    const wide = options.some(([, text]) => text.length > 22);
    return html`<div class=${wide ? 'field wide' : 'field'}><label for=${id}>${label}</label><select id=${id} data-path=${path} ?disabled=${this.isLocked(at)} aria-describedby=${describedBy(this.marks, path)} aria-invalid=${invalid(this.marks, path)} @change=${(e) => onChange(e.target.value)}>${options.map(([v, text]) => html`<option value=${v} .selected=${v === value}>${text}</option>`)}</select>${marksAt(this.marks, path)}</div>`;
  }

  button(text, onClick, { label, disabled = false, add } = {}) {
    return html`<button type="button" class="button" aria-label=${label ?? nothing} ?disabled=${disabled} data-add=${add ?? nothing} @click=${onClick}>${text}</button>`;
  }

  /** Every goal as a select's option, named as the goal is now. */
  goalOptions() {
    return this.plan.goals.map((g, i) => [g.id, nameOr(g.name, goalCalled(this.format, i))]);
  }

  /** The curve editor: a preset, or custom points with their options. */
  curve({ path, curve, required, label }) {
    const { defaults, format } = this;
    const { t } = format;
    const at = pathOf(path);
    const preset = curve && this.asPoints.get(at) === JSON.stringify(curve) ? 'custom' : presetOf(curve, defaults);
    const choose = (key) =>
      this.edit((plan) => {
        const now = valueAt(plan, path) ?? defaults.curve;
        // Every option written, so that the points pay as the curve did.
        const chosen = key === 'custom' ? { points: now.points, interpolation: now.interpolation ?? defaults.interpolation, beyond: now.beyond ?? defaults.beyond } : CURVES[key].curve;
        const fallback = required ? defaults.curve : undefined;
        const written = structuredClone(chosen ?? fallback);
        setPath(plan, path, written);
        if (key === 'custom') this.asPoints.set(at, JSON.stringify(written));
        else this.asPoints.delete(at);
      }, { rebuild: true });
    const options = Object.entries(CURVES).map(([key, p]) => [key, t(p.label)]);
    const custom =
      preset === 'custom' &&
      html`${this.input({
        label: t('Points (attainment % : payout %)'),
        path: [...path, 'points'],
        value: pointsToText(curve.points, format),
        parse: 'points',
        hint: t('For example {points}. Below the first point nothing is paid.', { points: ['80:50', '100:100', '150:200'].join(pointSeparator(format)) }),
        wide: true,
      })}${this.select({
        label: t('Between points'),
        path: [...path, 'interpolation'],
        value: curve.interpolation ?? defaults.interpolation,
        options: Object.entries(BETWEEN).map(([value, words]) => [value, t(words)]),
        onChange: (v) => this.edit((plan) => setPath(plan, [...path, 'interpolation'], v === defaults.interpolation ? undefined : v)),
      })}${this.select({
        label: t('Past the last point'),
        path: [...path, 'beyond'],
        value: curve.beyond ?? defaults.beyond,
        options: Object.entries(PAST).map(([value, words]) => [value, t(words)]),
        onChange: (v) => this.edit((plan) => setPath(plan, [...path, 'beyond'], v === defaults.beyond ? undefined : v)),
      })}`;
    return html`<div class="curve">${this.select({ label, path, value: preset, options, onChange: choose })}${custom || nothing}</div>`;
  }

  /** A gate: a goal whose attainment must reach a minimum (`label` says what it holds back). */
  gate({ path, gate, label }) {
    const { t } = this.format;
    const chooser = this.select({
      label,
      path,
      value: gate?.goal ?? '',
      options: [['', t('No gate')], ...this.goalOptions()],
      onChange: (goal) => this.edit((plan) => setPath(plan, path, goal ? { goal, min: valueAt(plan, path)?.min ?? '1' } : undefined), { rebuild: true }),
    });
    return html`<div class="gate">${chooser}${gate ? this.input({ label: t('reaches at least (% attainment)'), path: [...path, 'min'], parse: 'percent' }) : nothing}</div>`;
  }

  /** Up and down buttons for item `index` of the plan's `list`, named after it (`name`). */
  moves(list, index, name) {
    const { t } = this.format;
    const count = this.plan[list].length;
    const locked = this.locked.has(list);
    // The focus follows the item moved, to the same button on its new card (the other one at an end).
    const move = (to, event) => {
      const section = event.currentTarget.closest('section');
      const which = to < index ? 0 : 1;
      this.edit((plan) => {
        const items = plan[list];
        [items[index], items[to]] = [items[to], items[index]];
      }, { rebuild: true });
      const buttons = section.querySelectorAll(`fieldset[data-path="${CSS.escape(pathOf([list, to]))}"] .row-actions button`);
      (buttons[which].disabled ? buttons[1 - which] : buttons[which])?.focus();
    };
    const up = list === 'goals' ? t('Move goal {name} up', { name }) : t('Move team {name} up', { name });
    const down = list === 'goals' ? t('Move goal {name} down', { name }) : t('Move team {name} down', { name });
    return html`<div class="row-actions">${this.button('↑', (e) => move(index - 1, e), { label: up, disabled: locked || index === 0 })}${this.button('↓', (e) => move(index + 1, e), { label: down, disabled: locked || index === count - 1 })}</div>`;
  }

  settings() {
    const { plan, defaults, format } = this;
    const { t } = format;
    return html`<div class="fields">${this.input({ label: t('Plan name'), path: ['name'], parse: 'text', wide: true })}${this.input({
      label: t('Currency (ISO code)'),
      path: ['currency'],
      value: plan.currency ?? defaults.currency,
      parse: 'text',
      hint: CURRENCIES.join(' · '),
    })}${this.select({
      label: t('Decimal places'),
      path: ['decimals'],
      value: plan.decimals === undefined ? '' : String(plan.decimals),
      options: [['', t('The currency’s own')], ['0', '0'], ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4']],
      onChange: (v) => this.edit((p) => setPath(p, ['decimals'], v === '' ? undefined : Number(v))),
    })}${this.select({
      label: t('Rounding'),
      path: ['rounding'],
      value: plan.rounding ?? defaults.rounding,
      // The examples in the element's own way of writing numbers (0,125 → 0,13 in de-DE).
      options: [
        ['halfUp', t('Half up ({from} → {to})', { from: format.format('0.125'), to: format.format('0.13') })],
        ['halfEven', t('Half to even ({from} → {to})', { from: format.format('0.125'), to: format.format('0.12') })],
        ['down', t('Down ({from} → {to})', { from: format.format('0.129'), to: format.format('0.12') })],
      ],
      onChange: (v) => this.edit((p) => setPath(p, ['rounding'], v === defaults.rounding ? undefined : v)),
    })}${this.select({
      label: t('Revenue goal (for the cost of sales)'),
      path: ['revenueGoal'],
      value: plan.revenueGoal ?? '',
      options: [['', t('None')], ...this.goalOptions()],
      onChange: (v) => this.edit((p) => setPath(p, ['revenueGoal'], v === '' ? undefined : v)),
    })}</div>`;
  }

  goal(goal, i) {
    const { t } = this.format;
    const { defaults } = this;
    const path = ['goals', i];
    const name = nameOr(goal.name, goalCalled(this.format, i));
    const drawn = this.marks.draws(path);
    const remove = (event) =>
      removing(event, () =>
        this.edit((p) => {
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
        }, { rebuild: true, removed: { said: (f) => f.t('Goal “{name}” removed, with its weights and what refers to it. Undo puts it back.', { name }), back: (f) => f.t('Goal “{name}” is back.', { name }), focus: nameAt(path) } }),
      );
    const fields = html`${this.input({ label: t('Goal name'), path: [...path, 'name'], parse: 'text', wide: true })}${this.input({ label: t('Target'), path: [...path, 'target'], parse: 'number' })}${this.input({ label: t('Actual result'), path: [...path, 'actual'], parse: 'number' })}${this.select({
      label: t('Better when'),
      path: [...path, 'direction'],
      value: goal.direction ?? defaults.direction,
      options: [['higherIsBetter', t('Higher')], ['lowerIsBetter', t('Lower (costs, churn)')]],
      onChange: (v) => this.edit((p) => setPath(p, [...path, 'direction'], v === defaults.direction ? undefined : v)),
    })}`;
    const actions = html`<div class="card-actions">${this.moves('goals', i, name)}${this.button(t('Remove goal'), remove, { label: t('Remove goal {name}', { name }), disabled: this.goalFixed(goal) })}</div>`;
    return html`<fieldset class="card goal" data-path=${drawn}>${marksAt(this.marks, drawn)}<legend>${name}</legend><div class="fields">${fields}</div>${this.curve({ path: [...path, 'curve'], curve: goal.curve, label: t('Payout curve') })}${this.gate({ path: [...path, 'gate'], gate: goal.gate, label: t('Gate: this goal pays only if') })}${actions}</fieldset>`;
  }

  members(team, i) {
    const { t } = this.format;
    const path = ['teams', i];
    const members = team.members ?? [];
    const locked = this.locked.has('teams');
    if (members.length > MEMBER_ROWS) {
      return html`<div class="members"><p>${t('{n} members: too many to edit here; Import roster… or a plan file changes them.', { n: members.length })}</p></div>`;
    }
    // As with a goal or team added, the focus goes to the new member's name, selected, to be typed over (found by a fresh look).
    const add = (event) => {
      const list = event.currentTarget.closest('.members');
      this.edit((p) => {
        p.teams[i].members = [...(p.teams[i].members ?? []), { name: memberCalled(this.format, members.length), share: '1' }];
      }, { rebuild: true });
      const name = [...list.querySelectorAll('.member')].at(-1)?.querySelector('input');
      name?.focus();
      name?.select();
    };
    // The focus goes to the next member's name (or Add member), not to its Remove (found by a fresh look).
    const remove = (event, j) => {
      const who = nameOr(members[j].name, memberCalled(this.format, j));
      removing(event, () => this.edit((p) => setPath(p, [...path, 'members'], p.teams[i].members.filter((_, k) => k !== j)), { rebuild: true, removed: { said: (f) => f.t('Member “{name}” removed. Undo puts them back.', { name: who }), back: (f) => f.t('Member “{name}” is back.', { name: who }), focus: nameAt([...path, 'members', j]) } }), { list: '.members', item: '.member', add: ':scope > button' });
    };
    const rows = members.map(
      (m, j) =>
        // A group named by its place: its fields' own names ("Name", "Share") say whose they are (found by a fresh look).
        html`<div class="member" role="group" aria-label=${memberCalled(this.format, j)}>${this.input({ label: t('Name'), path: [...path, 'members', j, 'name'], parse: 'text' })}${this.input({ label: t('Share'), path: [...path, 'members', j, 'share'], parse: 'number' })}${this.button(t('Remove'), (event) => remove(event, j), {
          label: t('Remove member {name}', { name: m.name }),
          disabled: locked,
        })}</div>`,
    );
    return html`<div class="members"><h3>${t('Members')}</h3>${rows}${this.button(t('Add member'), add, { disabled: locked })}</div>`;
  }

  modifiers(team, i) {
    const { t } = this.format;
    const path = ['teams', i];
    const modifiers = team.modifiers ?? [];
    // A modifier carries a curve of its own.
    const locked = this.closedBy(['teams', 'curves']);
    const add = () =>
      this.edit((p) => {
        p.teams[i].modifiers = [...(p.teams[i].modifiers ?? []), { goal: p.goals[0].id, curve: { points: [['0', '0.9'], ['1', '1'], ['1.2', '1.1']] } }];
      }, { rebuild: true });
    const remove = (j) =>
      this.edit((p) => {
        p.teams[i].modifiers = p.teams[i].modifiers.filter((_, k) => k !== j);
        if (!p.teams[i].modifiers.length) delete p.teams[i].modifiers;
      }, { rebuild: true });
    const rows = modifiers.map(
      (m, j) =>
        html`<div class="modifier">${this.select({
          label: t('Goal'),
          path: [...path, 'modifiers', j, 'goal'],
          value: m.goal,
          options: this.goalOptions(),
          onChange: (v) => this.edit((p) => setPath(p, [...path, 'modifiers', j, 'goal'], v)),
        })}${this.curve({ path: [...path, 'modifiers', j, 'curve'], curve: m.curve, required: true, label: t('Modifier curve') })}${this.button(t('Remove modifier'), () => remove(j), { disabled: locked })}</div>`,
    );
    return html`<div class="modifiers"><h3>${t('Modifiers (multiply the subtotal)')}</h3>${rows}${modifiers.length < 10 ? this.button(t('Add modifier'), add, { disabled: locked }) : nothing}</div>`;
  }

  team(team, i) {
    const { t } = this.format;
    const { defaults } = this;
    const path = ['teams', i];
    const name = nameOr(team.name, teamCalled(this.format, i));
    const drawn = this.marks.draws(path);
    const fields = html`${this.input({
      label: t('Team name'),
      path: [...path, 'name'],
      parse: 'text',
      wide: true,
      // Its id, which roster files may use instead of the name.
      hint: t('Id {id}: a roster’s team column may give this id or the name.', { id: team.id }),
      hintFor: team.id,
    })}${this.input({ label: t('Target incentive'), path: [...path, 'targetIncentive'], parse: 'money', hint: this.incentiveHint(i) })}${this.select({
      label: t('Method'),
      path: [...path, 'method'],
      value: team.method ?? defaults.method,
      options: [['weighted', t('Weighted: a line per goal')], ['blended', t('Blended: one curve on the weighted attainment')]],
      onChange: (v) =>
        this.edit((p) => {
          setPath(p, [...path, 'method'], v === defaults.method ? undefined : v);
          setPath(p, [...path, 'curve'], v === 'blended' ? structuredClone(defaults.curve) : undefined);
        }, { rebuild: true }),
    })}${this.input({ label: t('Cap (% of target incentive)'), path: [...path, 'cap'], parse: 'percent', hint: t('Empty: no cap') })}${this.input({
      label: t('Base salary'),
      path: [...path, 'base'],
      parse: 'money',
      hint: t('The team’s total base pay for the period, for on-target earnings and the pay mix. Empty: none'),
    })}`;
    const blended = team.method === 'blended' ? this.curve({ path: [...path, 'curve'], curve: team.curve, required: true, label: t('Team curve') }) : nothing;
    const remove = (event) => removing(event, () => this.edit((p) => p.teams.splice(i, 1), { rebuild: true, removed: { said: (f) => f.t('Team “{name}” removed. Undo puts it back.', { name }), back: (f) => f.t('Team “{name}” is back.', { name }), focus: nameAt(path) } }));
    const actions = html`<div class="card-actions">${this.moves('teams', i, name)}${this.button(t('Remove team'), remove, { label: t('Remove team {name}', { name }), disabled: this.closedBy(TEAM_WHOLE) })}</div>`;
    return html`<fieldset class="card team" data-path=${drawn}>${marksAt(this.marks, drawn)}<legend>${name}</legend><div class="fields">${fields}</div>${blended}${this.gate({ path: [...path, 'gate'], gate: team.gate, label: t('Gate: the team pays only if') })}${this.modifiers(team, i)}${this.members(team, i)}${actions}</fieldset>`;
  }

  /** The goals × teams table of weights, in percent, with each team's total and each shared goal marked (the core's facts). */
  matrix() {
    const { plan, facts, format } = this;
    const { t } = format;
    const head = html`<tr><th scope="col">${t('Goal')}</th>${plan.teams.map((team, j) => html`<th scope="col">${nameOr(team.name, teamCalled(this.format, j))}</th>`)}</tr>`;
    const rows = plan.goals.map((g, i) => {
      const cells = plan.teams.map((team, j) => {
        const at = ['teams', j, 'weights', g.id];
        const path = this.marks.draws(at);
        const locked = this.isLocked(at);
        const label = t('Weight of {team} on {goal} (%)', { team: nameOr(team.name, teamCalled(this.format, j)), goal: nameOr(g.name, goalCalled(this.format, i)) });
        return html`<td><label for=${fieldId(path)} class="visually-hidden">${label}</label><input id=${fieldId(path)} type="text" inputmode="decimal" autocomplete="off" class="weight" ${typed(this.shown(at, 'percent', team.weights?.[g.id]))} data-path=${path} data-parse="percent" placeholder="0" aria-describedby=${describedBy(this.marks, path)} aria-invalid=${invalid(this.marks, path)} ?readonly=${locked} aria-readonly=${locked ? 'true' : nothing}><span class="unit" aria-hidden="true">%</span>${marksAt(this.marks, path)}</td>`;
      });
      const shared = facts?.goals[i]?.shared;
      return html`<tr data-goal=${g.id}><th scope="row"><span>${nameOr(g.name, goalCalled(this.format, i))}</span><span class="badge shared" data-shared=${g.id} ?hidden=${!shared}>${t('shared')}</span></th>${cells}</tr>`;
    });
    const totals = plan.teams.map((team, i) => {
      const found = facts?.teams[i];
      if (!found) return html`<td data-total=${team.id}></td>`;
      // A weight that cannot be read: the sum is not known either.
      if (!found.weightsRead) return html`<td data-total=${team.id} class="off">${t('not known: a weight cannot be read')}</td>`;
      const sum = format.pct(found.weightSum);
      return html`<td data-total=${team.id} class=${found.weightsOff ? 'off' : ''}>${found.weightsOff ? t('{sum} (not {whole})', { sum, whole: format.pct('1') }) : sum}</td>`;
    });
    return html`<div class="scroll" role="region" aria-label=${t('Weights table')} ${overflow()}><table class="matrix"><thead>${head}</thead><tbody>${rows}</tbody><tfoot><tr class="totals"><th scope="row">${t('Total')}</th>${totals}</tr></tfoot></table></div>`;
  }

  /**
   * The shared-stake dials: per team, how much of its weight rides on
   * shared goals. A slider (whole points; arrows, Page Up/Down, Home and
   * End) and a box for hundredths of a point. The core rescales the weights
   * (`dial`); dials.js wires the events and sets the values after each result.
   */
  dials() {
    const { t } = this.format;
    const [before, after] = t('{team} on shared goals (%)').split('{team}');
    const dial = (team, i) => {
      const name = nameOr(team.name, teamCalled(this.format, i));
      return html`<div class="dial" data-dial=${i}><label for=${`dial-${i}`}><span aria-hidden="true">${name}</span><span class="visually-hidden">${t('{team}: share of weight on shared goals', { team: name })}</span></label><input id=${`dial-${i}`} type="range" min="0" max="100" step="1" value="0" data-dial-range=${i} aria-describedby=${`dial-why-${i}`}><label for=${`dial-box-${i}`} class="visually-hidden">${before}<span>${name}</span>${after}</label><input id=${`dial-box-${i}`} type="text" inputmode="decimal" autocomplete="off" class="dial-box" data-dial-box=${i}><span class="unit" aria-hidden="true">${t('% on shared goals')}</span><p class="hint" id=${`dial-why-${i}`} data-dial-why=${i}></p></div>`;
    };
    return html`<div class="dials"><h3>${t('The dial: share of each team’s weight on shared goals')}</h3>${this.plan.teams.map(dial)}</div>`;
  }

  template() {
    const { t } = this.format;
    const { plan } = this;
    const addGoal = (event) =>
      adding(event, () =>
        this.edit((p) => {
          const id = this.goalId(p.goals.map((g) => g.id));
          p.goals.push({ id, name: goalCalled(this.format, p.goals.length), target: '100', actual: '100' });
        }, { rebuild: true }),
      );
    const addTeam = (event) =>
      adding(event, () =>
        this.edit((p) => {
          const name = teamCalled(this.format, p.teams.length);
          p.teams.push({ id: this.teamId(name, p.teams.map((other) => other.id)), name, targetIncentive: '10000', weights: {} });
        }, { rebuild: true }),
      );
    // A goal or team added brings its own parts (a target, an incentive, weights no one could set).
    const closed = (list) => this.closedBy(list === 'goals' ? GOAL_WHOLE : TEAM_WHOLE);
    return html`<section class="panel" aria-labelledby="plan-heading"><h2 id="plan-heading" tabindex="-1">${t('Plan')}</h2>${marksAt(this.marks, this.marks.draws([]))}${this.settings()}</section><section class="panel" aria-labelledby="weights-heading"><h2 id="weights-heading">${t('Weights: how much of each team’s incentive rides on each goal')}</h2>${this.matrix()}${this.dials()}</section><section class="panel" aria-labelledby="goals-heading"><h2 id="goals-heading">${t('Goals')}</h2>${plan.goals.map((g, i) => this.goal(g, i))}${this.button(t('Add goal'), addGoal, { disabled: plan.goals.length >= 100 || closed('goals'), add: 'goal' })}</section><section class="panel" aria-labelledby="teams-heading"><h2 id="teams-heading">${t('Teams')}</h2>${plan.teams.map((team, i) => this.team(team, i))}${this.button(t('Add team'), addTeam, { disabled: plan.teams.length >= 100 || closed('teams'), add: 'team' })}</section>`;
  }
}

/**
 * Draws the editor into `root` from `view`: `{ plan, facts, format,
 * defaults, locked, entries, errors, edit, teamId, goalId }`. A part the plan
 * leaves out shows the model's `defaults` (the core's); a goal or team added
 * gets the core's id (`goalId(taken)`, `teamId(name, taken)`). Each of the
 * first 50 `errors` is drawn by its field (or the nearest part of the editor
 * above it), and each entry's note under its field. Returns the errors no
 * field took (`unplaced`), those drawn (`placed`, with the path they are
 * drawn at) and how many were not drawn (`hidden`): a plan with thousands
 * of problems stays quick to show and to read.
 */
export function renderEditor(root, view) {
  const editor = new View({ ...view, root });
  const template = editor.template();
  const placing = editor.marks.place(view.errors);
  draw(template, root);
  return placing;
}
