// The calculator's frame inside its shadow root: toolbar, scenario bar,
// editor and results panel, and the locks a host page can put on fields.
import { h } from './dom.js';
import { label, phrase, words } from './words.js';

const button = (text, props = {}) => h('button', { type: 'button', class: 'button', ...words(text), ...props });

/** The nodes of an empty calculator; `compact` keeps the results only. */
export function skeleton({ stylesheet, compact }) {
  const toolbar = h(
    'nav',
    { class: 'toolbar', ...label('Plan') },
    h(
      'div',
      { class: 'group presets', role: 'group', 'aria-labelledby': 'presets-label' },
      h('span', { id: 'presets-label', class: 'group-label', ...words('Start from') }),
      button('Blank plan', { 'data-preset': 'blank' }),
      button('Siloed', { 'data-preset': 'siloed' }),
      button('Shared revenue', { 'data-preset': 'shared' }),
      button('Teaching example', { 'data-preset': 'teaching' }),
      button('The dial', { 'data-preset': 'dial' }),
      button('Leverage', { 'data-preset': 'leverage' }),
      button('Gates, caps & members', { 'data-preset': 'advanced' }),
    ),
    h(
      'div',
      { class: 'group', role: 'group', ...label('Share and files') },
      button('Copy link', { id: 'copy-link' }),
      button('Make an exercise', { id: 'make-exercise', ...label('Make an exercise: copy a link that opens this plan with its results hidden, for students to work out') }),
      button('Export plan', { id: 'export' }),
      button('Import plan…', { id: 'import', class: 'button import' }),
      h('input', { type: 'file', id: 'import-file', accept: '.json,application/json', ...label('Plan file to import'), hidden: true }),
      button('Import roster…', { id: 'import-roster' }),
      h('input', { type: 'file', id: 'roster-file', accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain', ...label('Roster CSV to import'), hidden: true }),
      // For spreadsheets in the element's locale (";" and decimal commas in
      // de-DE), and plain "," and "." for programs.
      button('Export payouts CSV', { id: 'export-csv' }),
      button('Plain CSV', { id: 'export-csv-plain', ...label('Export payouts as plain CSV, with commas between fields and points in numbers, for programs') }),
      button('Print', { id: 'print' }),
      button('Embed this plan…', { id: 'embed' }),
    ),
    // The full page's own (picker.js): how numbers are written and read.
    h('div', { class: 'group locale-picker', hidden: true }, h('label', { for: 'locale-picker', class: 'group-label', ...words('Language and number format') }), h('select', { id: 'locale-picker' })),
  );
  const results = h(
    'section',
    { id: 'results-panel', class: 'panel results-panel', 'aria-labelledby': 'results-heading' },
    h('h2', { id: 'results-heading', tabindex: -1, ...words('Results') }),
    button('↑ Back to the field you were editing', { id: 'to-field', class: 'button jump', hidden: true }),
    h('p', { id: 'stale', class: 'stale-note', hidden: true, ...words('Out of date: fix the marked fields. These are the last valid results.') }),
    // Class mode (exercise.js): the results hidden until worked out.
    h('section', { id: 'exercise', class: 'exercise', ...label('Exercise'), hidden: true }),
    h('div', { id: 'comparison' }),
    h('div', { id: 'results', class: 'results' }),
    h('section', { id: 'solver', class: 'solver', 'aria-labelledby': 'solver-heading' }),
    h('p', { id: 'announce', class: 'visually-hidden', 'aria-live': 'polite' }),
  );
  // First in the tab order: past the toolbar and the editor in one key
  // (Alt+R and Alt+P do the same from anywhere in the calculator).
  const skips = h(
    'nav',
    { class: 'skip-links', ...label('Skip links') },
    // Buttons, not links: a fragment cannot name a place inside the shadow root.
    h('button', { type: 'button', 'data-skip': 'results-heading', ...words('Skip to the results (Alt+R)') }),
    compact ? null : h('button', { type: 'button', 'data-skip': 'plan-heading', ...words('Skip to the plan editor (Alt+P)') }),
  );
  return [
    h('link', { rel: 'stylesheet', href: stylesheet }),
    h(
      'div',
      { class: compact ? 'frame compact' : 'frame' },
      skips,
      toolbar,
      // Said as it changes, as a preset or a plan is opened (found by a fresh look: a blank plan's guidance was not heard).
      h('p', { id: 'preset-note', class: 'note', 'aria-live': 'polite' }),
      // The status line, and beside it Undo after a change that replaced or
      // dropped what someone entered (dispatch.js): within the page's
      // margins, on the line's row (found by a fresh look: at the window's edge, on a row of its own).
      h('div', { class: 'status-row' }, h('p', { id: 'status', class: 'status', role: 'status' }), button('Undo', { id: 'undo', hidden: true })),
      // While a large roster is read (files.js).
      h('progress', { id: 'busy', class: 'busy', hidden: true }),
      h('div', { id: 'link-problem', class: 'link-problem', role: 'alert', hidden: true }),
      // On a narrow screen the results come after the editor: this bar keeps
      // the total in view while typing, and jumps to the results.
      h(
        'div',
        { id: 'summary-bar', class: 'summary-bar', role: 'region', ...label('Payouts at a glance') },
        h('div', { id: 'summary' }),
        button('Results ↓', { id: 'to-results', class: 'button jump' }),
      ),
      h('div', { id: 'scenarios', class: 'toolbar scenarios', role: 'group', ...label('Scenarios') }),
      h('p', { id: 'link-fallback', hidden: true }, h('label', { for: 'link-text', ...words('Link to this plan') }), ' ', h('input', { id: 'link-text', type: 'text', readonly: true })),
      h('div', { class: 'layout' }, h('div', { id: 'editor', class: 'editor' }), results),
      h('section', { id: 'forecast', class: 'panel forecast', 'aria-labelledby': 'forecast-heading', hidden: compact }),
      // Shown only in print: the statement or the comparison (statement.js, printout.js).
      h('div', { id: 'statement', class: 'statement', 'aria-hidden': 'true' }),
      h(
        'dialog',
        { id: 'print-dialog', class: 'embed-dialog print-dialog', 'aria-labelledby': 'print-heading' },
        h(
          'form',
          { method: 'dialog' },
          h('h2', { id: 'print-heading', ...words('What to print') }),
          h(
            'fieldset',
            { 'aria-labelledby': 'print-heading' },
            [
              ['comparison', phrase('A comparison of the scenarios, at most two pages: payouts side by side at the actual results and at three levels of the shared goal, the chart, what each may cost, the economics and the plan health')],
              ['statement', phrase('A statement: a summary and a page per team for every scenario, a slip per member, and the inputs')],
              ['brief', phrase('The statement without member slips: each team’s page lists its members')],
            ].map(([value, text]) => h('label', { class: 'check' }, h('input', { type: 'radio', name: 'what', value }), ' ', h('span', words(text)))),
          ),
          h('div', { class: 'card-actions' }, button('Print', { id: 'print-go', class: 'button primary' }), button('Cancel', { id: 'print-cancel' })),
        ),
      ),
    ),
  ];
}

/**
 * Which `locked` word covers a field, by its path (paths.js): a test of
 * its steps, `[list, index, key, …]`.
 */
const LOCKS = [
  ['targets', ([list, , key, ...rest]) => list === 'goals' && key === 'target' && !rest.length],
  ['actuals', ([list, , key, ...rest]) => list === 'goals' && key === 'actual' && !rest.length],
  ['curves', ([, , key, , field]) => key === 'curve' || (key === 'modifiers' && field === 'curve')],
  // A team's method gives it a curve of its own (blended) or takes it away.
  ['curves', ([list, , key, ...rest]) => list === 'teams' && key === 'method' && !rest.length],
  ['goals', ([list, , key]) => list === 'goals' && ['name', 'direction', 'gate'].includes(key)],
  ['weights', ([list, , key, goal]) => list === 'teams' && key === 'weights' && goal !== undefined],
  ['incentives', ([list, , key, ...rest]) => list === 'teams' && ['targetIncentive', 'base'].includes(key) && !rest.length],
  ['teams', ([list, , key]) => list === 'teams' && ['name', 'method', 'cap', 'gate', 'modifiers', 'members'].includes(key)],
  ['plan', ([key, ...rest]) => ['name', 'currency', 'decimals', 'rounding', 'revenueGoal'].includes(key) && !rest.length],
];

/** Every `locked` word. */
export const LOCK_WORDS = [...new Set(LOCKS.map(([word]) => word))];

/** The `locked` words a goal added or removed touches: the goals, and its target, actual, curve and the weights on it. */
export const GOAL_WHOLE = ['goals', 'targets', 'actuals', 'curves', 'weights'];

/** The `locked` words a team added or removed touches: the teams, and its incentive, base, weights and curves. */
export const TEAM_WHOLE = ['teams', 'incentives', 'weights', 'curves'];

/** The words of `locked` that cover the field at the path `at`. */
export function lockedWords(at, locked) {
  return LOCKS.filter(([word, covers]) => locked.has(word) && covers(at)).map(([word]) => word);
}

/**
 * The place the element keeps while it loads: a screen's height (results
 * alone are taller than that) until `ready`, its frame hidden until the first result is
 * drawn. A constructed stylesheet, so that it applies before tandem.css has
 * loaded and under a strict Content-Security-Policy.
 */
let reserve = null;
export function loading() {
  reserve ??= new CSSStyleSheet();
  if (!reserve.cssRules.length) {
    reserve.replaceSync(`:host { display: block; }
:host(:not([ready])) { min-height: 100vh; }
.frame:not(.drawn) { visibility: hidden; }`);
  }
  return reserve;
}
