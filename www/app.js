// The calculator page: the plan lives in memory and in the link; every edit
// recalculates through the Wasm core and redraws the results.
import { engine } from './engine.js';
import { h } from './dom.js';
import { decode, encode } from './link.js';
import { parseInput, refreshMatrix, renderEditor, setPath } from './editor.js';
import { renderResults, summary } from './results.js';
import { defaultGoal } from './chart.js';

const PRESETS = {
  siloed: {
    file: 'siloed.json',
    note: 'Siloed: Sales is paid only on New ARR and new customers, Marketing only on pipeline and leads. Nothing ties them together; compare with “Shared revenue”.',
  },
  shared: {
    file: 'shared-revenue.json',
    note: 'Shared revenue: the same company with half of each team’s incentive on New ARR. When revenue moves, both teams move with it.',
  },
  teaching: {
    file: 'teaching.json',
    note: 'Teaching example: a target incentive of 22,500 weighted 50 / 30 / 20 on three goals at 110 %, 70 % and 110 %. By hand: 22,500 × (0.5 × 1.1 + 0.3 × 0.7 + 0.2 × 1.1) = 22,500 × 0.98 = 22,050.00. Open “Show the math” to follow each step.',
  },
  advanced: {
    file: 'gates-modifiers.json',
    note: 'Gates, caps and members: a goal gate, a team gate, a customer-satisfaction modifier, a cap that bites, a blended team and payouts split among members to the cent.',
  },
};

const $ = (id) => document.getElementById(id);
const els = {
  editor: $('editor'),
  results: $('results'),
  status: $('status'),
  stale: $('stale'),
  announce: $('announce'),
  note: $('preset-note'),
};

let core;
let plan;
/** The goal the shared-fate chart follows, as the reader last picked it. */
let chartGoal;

/** Fields whose empty input means "not given" rather than a mistake. */
const OPTIONAL_WHEN_EMPTY = /^name$|\.cap$|\.weights\./;

function say(text, kind = 'info') {
  els.status.textContent = text;
  els.status.dataset.kind = kind;
}

/** Applies a change to the plan, redraws the editor if asked, recalculates. */
function edit(mutate, { rebuild = false } = {}) {
  mutate(plan);
  if (rebuild) renderEditor(els.editor, plan, edit);
  recalculate();
}

function load(next, note = '') {
  plan = next;
  els.note.textContent = note;
  renderEditor(els.editor, plan, edit);
  recalculate();
}

/** The closest element for a JSON path: the field itself, else its nearest ancestor. */
function fieldFor(path) {
  for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const el = els.editor.querySelector(`[data-path="${CSS.escape(p)}"]`);
    if (el) return el;
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
  }
  return null;
}

function showErrors(errors) {
  for (const old of els.editor.querySelectorAll('.field-error')) old.remove();
  for (const el of els.editor.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    el.setAttribute('aria-describedby', (el.getAttribute('aria-describedby') ?? '').replace(/\s*err-\d+/g, '').trim());
  }
  const unplaced = [];
  errors.forEach((error, i) => {
    const el = fieldFor(error.path);
    const message = h('p', { class: 'field-error', id: `err-${i}`, 'data-error-path': error.path, text: error.message });
    if (!el) {
      unplaced.push(error);
    } else if (el.matches('input, select')) {
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', `${el.getAttribute('aria-describedby') ?? ''} err-${i}`.trim());
      el.closest('.field, td')?.append(message);
    } else {
      el.prepend(message);
    }
  });
  if (errors.length) {
    const where = unplaced.map((e) => `${e.path || 'plan'}: ${e.message}`).join(' ');
    say(`${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} to fix. ${where}`, 'error');
  } else if (els.status.dataset.kind === 'error') {
    say('');
  }
}

function recalculate() {
  history.replaceState(null, '', encode(plan));
  refreshMatrix(els.editor, plan);
  let result;
  try {
    result = core.calculate(plan);
  } catch (error) {
    showErrors(error.errors ?? [{ path: '', message: String(error.message ?? error) }]);
    els.results.classList.add('stale');
    els.stale.hidden = false;
    return;
  }
  showErrors([]);
  els.results.classList.remove('stale');
  els.stale.hidden = true;
  if (!result.goals.some((g) => g.id === chartGoal)) chartGoal = defaultGoal(result);
  const onGoal = (id) => {
    chartGoal = id;
    recalculate();
    els.results.querySelector('.chart-goal select')?.focus();
  };
  renderResults(els.results, structuredClone(plan), result, { core, goalId: chartGoal, onGoal });
  els.announce.textContent = summary(result);
}

async function fetchPreset(name) {
  const response = await fetch(`pkg/examples/${PRESETS[name].file}`);
  if (!response.ok) throw new Error(`Preset ${name} is missing (${response.status}); run npm run build.`);
  return response.json();
}

async function importText(text, source) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    say(`${source} is not a plan file: it is not valid JSON (${error.message}).`, 'error');
    return;
  }
  const { errors } = core.check(json);
  if (errors.length) {
    const list = errors.slice(0, 10).map((e) => `${e.path || 'plan'}: ${e.message}`).join(' ');
    say(`${source} was not opened: ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}. ${list}`, 'error');
    return;
  }
  load(json);
  say(`Opened ${source}.`);
}

function exportPlan() {
  const blob = new Blob([`${JSON.stringify(plan, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const slug = (plan.name ?? 'plan').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'plan';
  const a = h('a', { href: url, download: `${slug}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copyLink() {
  try {
    await navigator.clipboard.writeText(location.href);
    say('Link copied: it carries the whole plan.');
  } catch {
    $('link-fallback').hidden = false;
    const field = $('link-text');
    field.value = location.href;
    field.focus();
    field.select();
    say('Copy the link below: it carries the whole plan.');
  }
}

function wire() {
  els.editor.addEventListener('input', (event) => {
    const el = event.target;
    const { path, parse } = el.dataset;
    if (!path || !parse) return;
    const empty = el.value.trim() === '' && OPTIONAL_WHEN_EMPTY.test(path);
    edit((p) => setPath(p, path, empty ? undefined : parseInput(parse, el.value)));
  });
  for (const button of document.querySelectorAll('[data-preset]')) {
    button.addEventListener('click', async () => {
      const name = button.dataset.preset;
      try {
        load(await fetchPreset(name), PRESETS[name].note);
        say('');
      } catch (error) {
        say(error.message, 'error');
      }
    });
  }
  $('export').addEventListener('click', exportPlan);
  $('copy-link').addEventListener('click', copyLink);
  $('print').addEventListener('click', () => window.print());
  // Printing shows every statement in full, "Show the math" included.
  let closed = [];
  window.addEventListener('beforeprint', () => {
    closed = [...document.querySelectorAll('details:not([open])')];
    for (const d of closed) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of closed) d.open = false;
  });
  $('import').addEventListener('click', () => $('import-file').click());
  $('import-file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (file) await importText(await file.text(), file.name);
    event.target.value = '';
  });
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', async (event) => {
    event.preventDefault();
    const file = event.dataTransfer?.files?.[0];
    if (file) await importText(await file.text(), file.name);
  });
  window.addEventListener('hashchange', () => {
    const linked = decode(location.hash);
    if (linked && JSON.stringify(linked) !== JSON.stringify(plan)) load(linked);
  });
}

async function main() {
  try {
    const linked = decode(location.hash);
    // The module and the starting plan load side by side.
    const [exports, preset] = await Promise.all([engine(), linked ? null : fetchPreset('shared')]);
    core = exports;
    wire();
    if (location.hash && !linked) say('The link’s plan could not be read; showing the shared-revenue example instead.', 'error');
    load(linked ?? preset, linked ? '' : PRESETS.shared.note);
    // For `npm run bench`: time from navigation to the first result on screen.
    performance.mark('tandem-first-result');
    document.body.dataset.ready = 'true';
  } catch (error) {
    say(`Tandem could not start: ${error.message}`, 'error');
  }
}

main();
