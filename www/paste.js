// Paste from a spreadsheet: a block of cells copied from Excel, LibreOffice
// or Google Sheets arrives as tab-separated rows. Pasted into a goal's name,
// target or actual, its rows fill the goals from that one on (new goals
// added for rows beyond the last), its columns the fields from that one on:
// name, target, actual. Pasted into a member's name or share, its rows fill
// that team's members. Numbers are read as typed ones are (locale.js: the
// element's locale and the plain form). What was read is shown in a dialog,
// every cell that cannot be read named by its row and column, before
// anything is replaced.
import { h } from './dom.js';
import { readNumber } from './locale.js';
import { goalCalled, memberCalled } from './editor.js';
import { phrase } from './words.js';

/** Rows of cells from a spreadsheet's clipboard text (quoted cells may hold tabs, line breaks and `""`). */
export function cellsOf(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') {
      rows.at(-1).push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      rows.at(-1).push(cell);
      cell = '';
      rows.push([]);
    } else cell += c;
  }
  rows.at(-1).push(cell);
  return rows.filter((row) => row.some((c) => c.trim() !== ''));
}

/**
 * What a paste into the field at the path `at` fills: its list (`what`), the
 * team whose members it is, the row it starts at and the columns from the
 * field on; null for any other field.
 */
function targetOf(at) {
  const [list, i, key, j, field] = at;
  const from = (columns, column) => columns.slice(columns.indexOf(column));
  if (at.length === 3 && list === 'goals' && ['name', 'target', 'actual'].includes(key)) return { what: 'goals', team: null, start: i, columns: from(['name', 'target', 'actual'], key) };
  if (at.length === 5 && list === 'teams' && key === 'members' && ['name', 'share'].includes(field)) return { what: 'members', team: i, start: j, columns: from(['name', 'share'], field) };
  return null;
}

/** The columns' headings, said with `t`. */
const LABELS = { name: phrase('Name'), target: phrase('Target'), actual: phrase('Actual result'), share: phrase('Share') };

/** The columns as a sentence names them, said with `t`. */
const IN_WORDS = { name: phrase('name'), target: phrase('target'), actual: phrase('actual result'), share: phrase('share') };

/** What an empty number cell says, by column, said with `t`. */
const EMPTY = { target: phrase('Target is empty.'), actual: phrase('Actual result is empty.'), share: phrase('Share is empty.') };

/**
 * Reads `text` pasted into the field at the path `at` (paths.js): null when it is not a block
 * of cells or not pasted into a goal's or member's field; else `{ what,
 * team, start, columns, rows: [{ cells: { name, target, … }, errors: [] }],
 * header }`, each number read the element's way (`format`, format.js) into plain
 * decimal text, a currency sign in it checked against the plan's
 * `currency`, as a typed number is.
 */
export function readPaste(text, at, format, currency) {
  const { t } = format;
  if (!/[\t\n\r]/.test(text.trim())) return null;
  const target = targetOf(at);
  if (!target) return null;
  const { what, team, start, columns } = target;
  let rows = cellsOf(text);
  // A header row (the columns' names: words, and no number where one
  // belongs) is left out; a row with any number in it is data.
  const numeric = (name) => name !== 'name';
  const cellsAt = columns.map((c, k) => [c, rows[0]?.[k]]).filter(([c, cell]) => numeric(c) && cell !== undefined && cell.trim() !== '');
  const header = rows.length > 1 && cellsAt.length > 0 && cellsAt.every(([, cell]) => /\p{L}/u.test(cell) && readNumber(cell, format).error);
  if (header) rows = rows.slice(1);
  const read = rows.map((row, r) => {
    const cells = {};
    const errors = [];
    columns.forEach((column, k) => {
      const typed = (row[k] ?? '').trim();
      if (k >= row.length) return;
      if (!numeric(column)) {
        cells[column] = typed;
        return;
      }
      const number = readNumber(typed, format, { currency });
      if (number.error || number.value === '') errors.push({ column, message: number.error ?? t(EMPTY[column]) });
      else cells[column] = number.value;
    });
    if (row.length > columns.length) {
      const kept = columns.map((c) => t(IN_WORDS[c])).join(', ');
      errors.push({ column: null, message: t('{n} cells: only {kept} are read here; the rest were left out.', { n: row.length, kept }) });
    }
    return { row: r + 1 + (header ? 1 : 0), cells, errors };
  });
  return { what, team, start, columns, rows: read, header };
}

/** The plan with a read paste applied: goals or one team's members, from the row it started at; a new one is named in `format`'s words. */
export function applyPaste(plan, paste, newGoalId, format) {
  if (paste.what === 'goals') {
    paste.rows.forEach(({ cells }, r) => {
      const at = paste.start + r;
      if (!plan.goals[at]) plan.goals.push({ id: newGoalId(plan.goals.map((g) => g.id)), name: goalCalled(format, at), target: '100', actual: '100' });
      Object.assign(plan.goals[at], cells);
    });
  } else {
    const team = plan.teams[paste.team];
    team.members ??= [];
    paste.rows.forEach(({ cells }, r) => {
      const at = paste.start + r;
      team.members[at] ??= { name: memberCalled(format, at), share: '1' };
      Object.assign(team.members[at], cells);
    });
  }
  return plan;
}

/** The review dialog: what was read, cell errors by row and column, and Apply (only without errors) or Cancel. */
export class PasteReview {
  #root;
  #dialog = null;

  constructor(root) {
    this.#root = root;
  }

  /** Shows `paste` read into `plan`'s list, written in `format` (format.js); `apply()` runs on Apply. */
  open(paste, plan, format, apply) {
    const { t, tn } = format;
    this.#dialog?.remove();
    const errors = paste.rows.flatMap(({ row, errors: list }) => list.map((e) => ({ row, ...e })));
    const existing = paste.what === 'goals' ? plan.goals : plan.teams[paste.team].members ?? [];
    const replaced = paste.rows.filter((_, r) => existing[paste.start + r]).length;
    const added = paste.rows.length - replaced;
    const goals = paste.what === 'goals';
    const team = goals ? undefined : plan.teams[paste.team].name;
    const rows = paste.rows.length;
    const read = paste.header ? tn(rows, '{n} row read (a header row left out)', '{n} rows read (a header row left out)') : tn(rows, '{n} row read', '{n} rows read');
    const from = { start: paste.start + 1, team };
    const changes = [
      replaced && (goals
        ? tn(replaced, '{n} goal replaced from goal {start}', '{n} goals replaced from goal {start}', from)
        : tn(replaced, '{n} member of {team} replaced from member {start}', '{n} members of {team} replaced from member {start}', from)),
      added && (goals ? tn(added, '{n} goal added', '{n} goals added') : tn(added, '{n} member added', '{n} members added')),
    ];
    const summary = t('{read}: {changes}.', { read, changes: changes.filter(Boolean).join(', ') });
    const shown = (column, value) => (column === 'name' ? value : format.format(value));
    const table = h(
      'table',
      { class: 'paste-table' },
      h('caption', { class: 'visually-hidden', text: t('What was read from the pasted cells') }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('Row') }), ...paste.columns.map((c) => h('th', { scope: 'col', text: t(LABELS[c]) })))),
      h(
        'tbody',
        {},
        paste.rows.map(({ row, cells, errors: list }) =>
          h('tr', {}, h('th', { scope: 'row', text: String(row) }), ...paste.columns.map((c) => {
            const wrong = list.find((e) => e.column === c);
            return h('td', { class: wrong ? 'paste-error' : null, text: wrong ? t('cannot be read') : cells[c] === undefined ? '' : shown(c, cells[c]) });
          })),
        ),
      ),
    );
    const list = errors.length ? h('ul', { class: 'paste-errors', 'data-field': 'paste-errors' }, errors.map((e) => h('li', { text: e.column ? t('Row {row}, {column}: {message}', { ...e, column: t(LABELS[e.column]) }) : t('Row {row}: {message}', e) }))) : null;
    const fatal = errors.some((e) => e.column);
    const dialog = h(
      'dialog',
      { id: 'paste-dialog', class: 'embed-dialog', 'aria-labelledby': 'paste-heading' },
      h(
        'form',
        { method: 'dialog' },
        h('h2', { id: 'paste-heading', text: goals ? t('Paste goals from a spreadsheet') : t('Paste members of {team}', { team }) }),
        h('p', { 'data-field': 'paste-summary', text: summary }),
        h('div', { class: 'scroll' }, table),
        list,
        fatal ? h('p', { class: 'hint', text: t('Fix these cells in the spreadsheet and paste again: nothing is replaced while a cell cannot be read.') }) : null,
        h(
          'div',
          { class: 'card-actions' },
          h('button', { type: 'button', class: 'button primary', 'data-action': 'apply-paste', text: t('Replace'), disabled: fatal, on: { click: () => { dialog.close(); apply(); } } }),
          h('button', { type: 'button', class: 'button', 'data-action': 'cancel-paste', text: t('Cancel'), on: { click: () => dialog.close() } }),
        ),
      ),
    );
    this.#dialog = dialog;
    this.#root.append(dialog);
    dialog.showModal();
  }
}
