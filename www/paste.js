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

/** What a paste into a field fills: its list, the row it starts at, and the columns from the field on. */
const TARGETS = [
  { pattern: /^goals\[(\d+)\]\.(name|target|actual)$/, columns: ['name', 'target', 'actual'], what: 'goals' },
  { pattern: /^teams\[(\d+)\]\.members\[(\d+)\]\.(name|share)$/, columns: ['name', 'share'], what: 'members' },
];

const LABELS = { name: 'Name', target: 'Target', actual: 'Actual result', share: 'Share' };

/**
 * Reads `text` pasted into the field at `path`: null when it is not a block
 * of cells or not pasted into a goal's or member's field; else `{ what,
 * team, start, columns, rows: [{ cells: { name, target, … }, errors: [] }],
 * header }`, each number read the element's way (`numbers`) into plain
 * decimal text, a currency sign in it checked against the plan's
 * `currency`, as a typed number is.
 */
export function readPaste(text, path, numbers, currency) {
  if (!/[\t\n\r]/.test(text.trim())) return null;
  for (const target of TARGETS) {
    const m = path.match(target.pattern);
    if (!m) continue;
    const field = m.at(-1);
    const columns = target.columns.slice(target.columns.indexOf(field));
    const team = target.what === 'members' ? Number(m[1]) : null;
    const start = Number(target.what === 'members' ? m[2] : m[1]);
    let rows = cellsOf(text);
    // A header row (the columns' names: words, and no number where one
    // belongs) is left out; a row with any number in it is data.
    const numeric = (name) => name !== 'name';
    const cellsAt = columns.map((c, k) => [c, rows[0]?.[k]]).filter(([c, cell]) => numeric(c) && cell !== undefined && cell.trim() !== '');
    const header = rows.length > 1 && cellsAt.length > 0 && cellsAt.every(([, cell]) => /\p{L}/u.test(cell) && readNumber(cell, numbers).error);
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
        const number = readNumber(typed, numbers, { currency });
        if (number.error || number.value === '') errors.push({ column, message: number.error ?? `${LABELS[column]} is empty.` });
        else cells[column] = number.value;
      });
      if (row.length > columns.length) errors.push({ column: null, message: `${row.length} cells: only ${columns.map((c) => LABELS[c].toLowerCase()).join(', ')} are read here; the rest were left out.` });
      return { row: r + 1 + (header ? 1 : 0), cells, errors };
    });
    return { what: target.what, team, start, columns, rows: read, header };
  }
  return null;
}

/** The plan with a read paste applied: goals or one team's members, from the row it started at. */
export function applyPaste(plan, paste, newGoalId) {
  if (paste.what === 'goals') {
    paste.rows.forEach(({ cells }, r) => {
      const at = paste.start + r;
      if (!plan.goals[at]) plan.goals.push({ id: newGoalId(plan.goals.map((g) => g.id)), name: `Goal ${at + 1}`, target: '100', actual: '100' });
      Object.assign(plan.goals[at], cells);
    });
  } else {
    const team = plan.teams[paste.team];
    team.members ??= [];
    paste.rows.forEach(({ cells }, r) => {
      const at = paste.start + r;
      team.members[at] ??= { name: `Member ${at + 1}`, share: '1' };
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

  /** Shows `paste` read into `plan`'s list, formatting numbers with `numbers`; `apply()` runs on Apply. */
  open(paste, plan, numbers, apply) {
    this.#dialog?.remove();
    const errors = paste.rows.flatMap(({ row, errors: list }) => list.map((e) => ({ row, ...e })));
    const existing = paste.what === 'goals' ? plan.goals : plan.teams[paste.team].members ?? [];
    const replaced = paste.rows.filter((_, r) => existing[paste.start + r]).length;
    const added = paste.rows.length - replaced;
    const noun = paste.what === 'goals' ? ['goal', 'goals'] : ['member', 'members'];
    const count = (n) => `${n} ${n === 1 ? noun[0] : noun[1]}`;
    const whose = paste.what === 'members' ? ` of ${plan.teams[paste.team].name}` : '';
    const summary = `${paste.rows.length} ${paste.rows.length === 1 ? 'row' : 'rows'} read${paste.header ? ' (a header row left out)' : ''}: ${[replaced ? `${count(replaced)}${whose} replaced from ${noun[0]} ${paste.start + 1}` : '', added ? `${count(added)} added` : ''].filter(Boolean).join(', ')}.`;
    const shown = (column, value) => (column === 'name' ? value : numbers.format(value));
    const table = h(
      'table',
      { class: 'paste-table' },
      h('caption', { class: 'visually-hidden', text: 'What was read from the pasted cells' }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Row' }), ...paste.columns.map((c) => h('th', { scope: 'col', text: LABELS[c] })))),
      h(
        'tbody',
        {},
        paste.rows.map(({ row, cells, errors: list }) =>
          h('tr', {}, h('th', { scope: 'row', text: String(row) }), ...paste.columns.map((c) => {
            const wrong = list.find((e) => e.column === c);
            return h('td', { class: wrong ? 'paste-error' : null, text: wrong ? 'cannot be read' : cells[c] === undefined ? '' : shown(c, cells[c]) });
          })),
        ),
      ),
    );
    const list = errors.length ? h('ul', { class: 'paste-errors', 'data-field': 'paste-errors' }, errors.map((e) => h('li', { text: `Row ${e.row}${e.column ? `, ${LABELS[e.column]}` : ''}: ${e.message}` }))) : null;
    const fatal = errors.some((e) => e.column);
    const dialog = h(
      'dialog',
      { id: 'paste-dialog', class: 'embed-dialog', 'aria-labelledby': 'paste-heading' },
      h(
        'form',
        { method: 'dialog' },
        h('h2', { id: 'paste-heading', text: paste.what === 'goals' ? 'Paste goals from a spreadsheet' : `Paste members${whose}` }),
        h('p', { 'data-field': 'paste-summary', text: summary }),
        h('div', { class: 'scroll' }, table),
        list,
        fatal ? h('p', { class: 'hint', text: 'Fix these cells in the spreadsheet and paste again: nothing is replaced while a cell cannot be read.' }) : null,
        h(
          'div',
          { class: 'card-actions' },
          h('button', { type: 'button', class: 'button primary', 'data-action': 'apply-paste', text: 'Replace', disabled: fatal, on: { click: () => { dialog.close(); apply(); } } }),
          h('button', { type: 'button', class: 'button', 'data-action': 'cancel-paste', text: 'Cancel', on: { click: () => dialog.close() } }),
        ),
      ),
    );
    this.#dialog = dialog;
    this.#root.append(dialog);
    dialog.showModal();
  }
}
