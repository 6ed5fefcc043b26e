// "Embed this plan": the HTML that puts this calculator, with the plan as it
// is now, on an intranet page: the script tag, the element with the chosen
// `locked` words, locale and `compact`, and the plan inline. A copy button,
// and a live preview: the same element with the same attributes and plan,
// so what it shows is what the snippet shows. Text reaches the page only as
// text (`value`, `textContent`), never as HTML.
import { h } from './dom.js';
import { phrase, words } from './words.js';

/** What `locked` can name, and how the dialog says it. */
const LOCKS = [
  ['plan', phrase('Plan settings (name, currency, rounding, revenue goal)')],
  ['goals', phrase('Goals (names, directions, gates; adding and removing)')],
  ['targets', phrase('Targets')],
  ['actuals', phrase('Actual results')],
  ['curves', phrase('Payout curves')],
  ['teams', phrase('Teams (names, caps, gates, members; adding and removing)')],
  ['incentives', phrase('Target incentives and base salaries')],
  ['weights', phrase('Weights')],
];
/** RevOps' usual choice: people enter results, nothing else. */
const USUAL = new Set(LOCKS.map(([word]) => word).filter((word) => word !== 'actuals'));
const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'en-IN'];

/** An attribute's value as HTML text: `&` and `"` escaped. */
const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The snippet: `script` where the page loads the element's module from,
 * `plan` the plan, `options` the attributes and whether members are left
 * out; its comment in the words of `t` (the element's language).
 */
export function snippet(script, plan, { locked, locale, compact, exercise = false, members = true }, t) {
  const attributes = [
    locked.length ? ` locked="${locked.join(' ')}"` : '',
    locale ? ` locale="${attribute(locale)}"` : '',
    compact ? ' compact' : '',
    exercise ? ' exercise' : '',
  ].join('');
  const shown = members ? plan : { ...plan, teams: plan.teams.map(({ members: _, ...team }) => team) };
  // `<` written as \u003c: no text in the plan can end the script element.
  const json = JSON.stringify(shown, null, 2).replace(/</g, '\\u003c');
  return [
    `<script type="module" src="${attribute(script)}"></script>`,
    `<!-- ${t('Keeps the calculator’s place while it loads (optional; a page whose Content-Security-Policy forbids inline styles can put it in its stylesheet).')} -->`,
    '<style>tandem-calculator:not([ready]) { display: block; min-height: 100vh; }</style>',
    `<tandem-calculator${attributes}>`,
    '  <script type="application/json">',
    json,
    '  </script>',
    '</tandem-calculator>',
    '',
  ].join('\n');
}

/**
 * The dialog, made once inside `root` (the element's shadow root) and
 * shown by `open({ plan, name, locale })`.
 */
export class Embed {
  #root;
  /** The element's module, whose path the snippet loads by default. */
  #module;
  #dialog = null;
  #form = null;
  #state = null;
  /** The format of the element that opened the dialog (format.js): the dialog's words are in its language. */
  #format = null;

  /** `module`: the URL of the element's module (tandem.js's own `import.meta.url`). */
  constructor(root, module) {
    this.#root = root;
    this.#module = module;
  }

  /** Opens the dialog for `plan` (the scenario `name`), in the words of the element that opens it (`format`). */
  open({ plan, name, format }) {
    const { t, tag: locale } = format;
    this.#format = format;
    this.#dialog ??= this.#make();
    format.relabel(this.#dialog);
    const els = this.#form.elements;
    els.locale.replaceChildren(
      h('option', { value: '', text: t('as the intranet page’s language (lang) says, else as each viewer’s browser does') }),
      ...[...new Set([locale, ...LOCALES])].map((tag) => h('option', { value: tag, text: tag, selected: tag === locale })),
    );
    // The path on this server: an intranet that serves the same files at the same place needs no change.
    els.script.value ||= new URL(this.#module).pathname;
    this.#state = { plan, locale };
    // The scenario's name where the sentence has it, in the element's language.
    const [before, after] = t('Paste this HTML into an intranet page to show this calculator with the scenario “{scenario}” as it is now. The page needs the Tandem files served with it (dist/, or the npm package); nothing is sent anywhere.').split('{scenario}');
    this.#dialog.querySelector('.embed-intro').replaceChildren(before, h('span', { 'data-field': 'embed-scenario', text: name }), after);
    // A fresh preview for this plan.
    const preview = document.createElement('tandem-calculator');
    // What the preview says of itself is not the calculator's: its events
    // stop here, so that neither the host page nor the full page's own
    // words follow the preview's locale or results (found by a fresh look).
    for (const type of ['tandem-change', 'tandem-error', 'tandem-locale']) preview.addEventListener(type, (event) => event.stopPropagation());
    preview.plan = structuredClone(plan);
    this.#dialog.querySelector('.embed-preview').replaceChildren(preview);
    this.#refresh();
    this.#dialog.showModal();
  }

  /** The snippet and the preview follow the options. */
  #refresh() {
    const els = this.#form.elements;
    const options = {
      locked: LOCKS.map(([word]) => word).filter((word) => els[`lock-${word}`].checked),
      locale: els.locale.value,
      compact: els.compact.checked,
      exercise: els.exercise.checked,
      members: !els['no-members'].checked,
    };
    els.snippet.value = snippet(els.script.value.trim() || new URL(this.#module).pathname, this.#state.plan, options, this.#format.t);
    const preview = this.#dialog.querySelector('.embed-preview tandem-calculator');
    const set = (name, value) => (value === null ? preview.removeAttribute(name) : preview.setAttribute(name, value));
    set('locked', options.locked.length ? options.locked.join(' ') : null);
    set('locale', options.locale || null);
    set('compact', options.compact ? '' : null);
    set('exercise', options.exercise ? '' : null);
    this.#dialog.querySelector('[data-field="embed-copied"]').textContent = '';
  }

  /** Writes an English text, translated, in the copy status. */
  #said(text) {
    this.#dialog.querySelector('[data-field="embed-copied"]').textContent = this.#format.t(text);
  }

  #make() {
    const status = h('p', { class: 'hint', role: 'status', 'data-field': 'embed-copied' });
    const copy = async () => {
      const text = this.#form.elements.snippet.value;
      try {
        await navigator.clipboard.writeText(text);
        this.#said(phrase('Copied: paste it into the page’s HTML.'));
      } catch {
        // No clipboard (an insecure page, or permission refused): the text is selected to copy by hand.
        this.#form.elements.snippet.select();
        this.#said(phrase('Could not copy: the HTML is selected, press Ctrl+C (⌘C).'));
      }
    };
    // A box to tick and what it says: the words a span of their own, so that they follow the locale.
    const check = (name, text, checked = false) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name, checked }), ' ', h('span', words(text)));
    // Made once: its words are marked (`words`) and follow the element's locale (`relabel`).
    const form = h(
      'form',
      { class: 'embed', on: { input: () => this.#refresh(), submit: (e) => e.preventDefault() } },
      h('h2', { id: 'embed-heading', ...words('Embed this plan') }),
      // Its words, around the scenario's name, are written by `open`.
      h('p', { class: 'embed-intro' }),
      h(
        'fieldset',
        {},
        h('legend', words('What viewers cannot change')),
        LOCKS.map(([word, text]) => check(`lock-${word}`, text, USUAL.has(word))),
      ),
      h('div', { class: 'fields' },
        h('div', { class: 'field' }, h('label', { for: 'embed-locale', ...words('Language and number format') }), h('select', { id: 'embed-locale', name: 'locale' })),
        check('compact', phrase('Results only (compact, for a sidebar)')),
        check('exercise', phrase('An exercise for a class: the results hidden until each payout is worked out')),
        check('no-members', phrase('Leave members out (no names or member payouts in the page)')),
        h('div', { class: 'field wide' }, h('label', { for: 'embed-script', ...words('Where the page loads Tandem from') }), h('input', { id: 'embed-script', name: 'script', type: 'text', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'embed-script-hint' }), h('p', { class: 'hint', id: 'embed-script-hint', ...words('The tandem.js of the copy of Tandem the intranet serves (dist/ or the npm package), as the page will find it.') })),
      ),
      h('label', { for: 'embed-snippet', ...words('HTML to paste') }),
      h('textarea', { id: 'embed-snippet', name: 'snippet', rows: 10, readonly: true, spellcheck: 'false', class: 'embed-snippet' }),
      h('div', { class: 'card-actions' },
        h('button', { type: 'button', class: 'button', ...words('Copy HTML'), 'data-action': 'copy-embed', on: { click: copy } }),
        h('button', { type: 'button', class: 'button', ...words('Close'), on: { click: () => this.#dialog.close() } }),
      ),
      status,
      h('h3', words('Preview: what the snippet shows')),
      h('p', { class: 'hint', ...words('A calculator of its own: what you type in it stays in it, and not in the HTML above.') }),
      h('div', { class: 'embed-preview' }),
    );
    const box = h('dialog', { id: 'embed-dialog', class: 'embed-dialog', 'aria-labelledby': 'embed-heading' }, form);
    // The preview is a calculator of its own: closing the dialog removes it.
    box.addEventListener('close', () => box.querySelector('.embed-preview').replaceChildren());
    this.#root.append(box);
    this.#form = form;
    return box;
  }
}
