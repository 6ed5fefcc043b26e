// "Embed this plan": the HTML that puts this calculator, with the plan as it
// is now, on an intranet page: the script tag, the element with the chosen
// `locked` words, locale and `compact`, and the plan inline. A copy button,
// and a live preview: the same element with the same attributes and plan,
// so what it shows is what the snippet shows. Text reaches the page only as
// text (`value`, `textContent`), never as HTML.
import { h } from './dom.js';

/** What `locked` can name, and how the dialog says it. */
const LOCKS = [
  ['plan', 'Plan settings (name, currency, rounding, revenue goal)'],
  ['goals', 'Goals (names, directions, gates; adding and removing)'],
  ['targets', 'Targets'],
  ['actuals', 'Actual results'],
  ['curves', 'Payout curves'],
  ['teams', 'Teams (names, caps, gates, members; adding and removing)'],
  ['incentives', 'Target incentives and base salaries'],
  ['weights', 'Weights'],
];
/** RevOps' usual choice: people enter results, nothing else. */
const USUAL = new Set(LOCKS.map(([word]) => word).filter((word) => word !== 'actuals'));
const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'en-IN'];

/** The snippet: `script` the element's module URL, `plan` the plan, `options` the attributes. */
export function snippet(script, plan, { locked, locale, compact }) {
  const attributes = [
    locked.length ? ` locked="${locked.join(' ')}"` : '',
    locale ? ` locale="${locale}"` : '',
    compact ? ' compact' : '',
  ].join('');
  // `<` written as \u003c: no text in the plan can end the script element.
  const json = JSON.stringify(plan, null, 2).replace(/</g, '\\u003c');
  return `<script type="module" src="${script}"></script>\n<tandem-calculator${attributes}>\n  <script type="application/json">\n${json}\n  </script>\n</tandem-calculator>\n`;
}

/**
 * The dialog, made once inside `root` (the element's shadow root) and
 * shown by `open({ plan, name, locale })`.
 */
export class Embed {
  #root;
  #dialog = null;
  #form = null;
  #state = null;

  constructor(root) {
    this.#root = root;
  }

  open({ plan, name, locale }) {
    this.#dialog ??= this.#make();
    const els = this.#form.elements;
    els.locale.replaceChildren(...[...new Set([locale, ...LOCALES])].map((tag) => h('option', { value: tag, text: tag, selected: tag === locale })));
    this.#state = { plan, locale };
    this.#dialog.querySelector('[data-field="embed-scenario"]').textContent = name;
    // A fresh preview for this plan.
    const preview = document.createElement('tandem-calculator');
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
    };
    const script = new URL('./tandem.js', import.meta.url).href;
    els.snippet.value = snippet(script, this.#state.plan, options);
    const preview = this.#dialog.querySelector('.embed-preview tandem-calculator');
    const set = (name, value) => (value === null ? preview.removeAttribute(name) : preview.setAttribute(name, value));
    set('locked', options.locked.length ? options.locked.join(' ') : null);
    set('locale', options.locale);
    set('compact', options.compact ? '' : null);
    this.#dialog.querySelector('[data-field="embed-copied"]').textContent = '';
  }

  #make() {
    const status = h('p', { class: 'hint', role: 'status', 'data-field': 'embed-copied' });
    const copy = async () => {
      const text = this.#form.elements.snippet.value;
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = 'Copied: paste it into the page’s HTML.';
      } catch {
        // No clipboard (an insecure page, or permission refused): the text is selected to copy by hand.
        this.#form.elements.snippet.select();
        status.textContent = 'Could not copy: the HTML is selected, press Ctrl+C (⌘C).';
      }
    };
    const form = h(
      'form',
      { class: 'embed', 'aria-labelledby': 'embed-heading', on: { input: () => this.#refresh(), submit: (e) => e.preventDefault() } },
      h('h2', { id: 'embed-heading', text: 'Embed this plan' }),
      h('p', {}, 'Paste this HTML into an intranet page to show this calculator with the scenario “', h('span', { 'data-field': 'embed-scenario' }), '” as it is now. The page needs the Tandem files served with it (dist/, or the npm package); nothing is sent anywhere.'),
      h(
        'fieldset',
        {},
        h('legend', { text: 'What viewers cannot change' }),
        LOCKS.map(([word, label]) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: `lock-${word}`, checked: USUAL.has(word) }), ` ${label}`)),
      ),
      h('div', { class: 'fields' },
        h('div', { class: 'field' }, h('label', { for: 'embed-locale', text: 'Numbers written as' }), h('select', { id: 'embed-locale', name: 'locale' })),
        h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'compact' }), ' Results only (compact, for a sidebar)'),
      ),
      h('label', { for: 'embed-snippet', text: 'HTML to paste' }),
      h('textarea', { id: 'embed-snippet', name: 'snippet', rows: 10, readonly: true, spellcheck: 'false', class: 'embed-snippet' }),
      h('div', { class: 'card-actions' },
        h('button', { type: 'button', class: 'button', text: 'Copy HTML', 'data-action': 'copy-embed', on: { click: copy } }),
        h('button', { type: 'button', class: 'button', text: 'Close', on: { click: () => this.#dialog.close() } }),
      ),
      status,
      h('h3', { text: 'Preview: what the snippet shows' }),
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
