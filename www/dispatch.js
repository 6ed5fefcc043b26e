// What each control of the element's frame does: a listener per control
// that turns what a person did into an action on the store (through the
// element's `change` and `edit`, each followed by one drawing pass) or a
// tool's work (files, printing, the link). `page` is the element's parts
// (tandem.js `#parts`).
import { GOAL_WHOLE, lockedWords } from './frame.js';
import { NUMBERS, shownNumber } from './editor.js';
import { PasteReview, applyPaste, readPaste } from './paste.js';
import { PRESETS, fetchPreset } from './presets.js';
import { problemFields } from './render.js';
import { fileText } from './scenarios.js';
import { placeOf, valueAt } from './paths.js';
import { phrase } from './words.js';


/** Whether the field at the path `at` means "not given" when left empty, rather than a mistake: the plan's name, a team's cap, base or weight. */
function optionalWhenEmpty(at) {
  const [list, , key] = at;
  if (at.length === 1) return list === 'name';
  return list === 'teams' && ((at.length === 3 && ['cap', 'base'].includes(key)) || (at.length === 4 && key === 'weights'));
}

/**
 * A team added in this page takes an id from its name as it is renamed
 * ("Sales EMEA" → sales-emea), until the plan leaves the page (`freeze`).
 */
function followName({ store, teamId }, i, name) {
  const { plan } = store;
  const team = plan.teams[i];
  const id = teamId(name.trim() || `Team ${i + 1}`, plan.teams.filter((t) => t !== team).map((t) => t.id));
  if (id !== team.id) store.retag(i, id);
}

/** Chromium (Chrome, Edge) opens no address longer than this (its kMaxURLChars, 2 MiB). */
const MAX_URL = 2_097_152;
/** HTTP asks senders and recipients to handle addresses of this many characters at least (RFC 9110, 4.1): past it, mail and chat apps may cut one. */
const SAFE_URL = 8_000;

/**
 * What a copied link of `n` characters may not survive, in words (`f` the
 * element's format): a roster of thousands makes a link of megabytes,
 * which a browser may not open ("Link copied" was said of a link of 4.8
 * million characters that no Chromium opens).
 */
function longLink(f, n) {
  if (n > MAX_URL) return ` ${f.t('It is {n} characters long, and Chrome and Edge open no link longer than {max}: Export plan saves the plan as a file to send instead.', { n: f.num(n), max: f.num(MAX_URL) })}`;
  if (n > SAFE_URL) return ` ${f.t('It is {n} characters long: mail and chat apps may cut a link this long; Export plan saves the plan as a file to send instead.', { n: f.num(n) })}`;
  return '';
}

/**
 * The words of the `locked` attribute in the element's language: the
 * host's own words in English, "Zielwerte" for `targets` in German (found
 * by a fresh look: "Dieses Feld ist gesperrt (targets)").
 */
function spokenLocks(f, words) {
  const said = { plan: f.t('plan'), goals: f.t('goals'), targets: f.t('targets'), actuals: f.t('actuals'), curves: f.t('curves'), teams: f.t('teams'), incentives: f.t('incentives'), weights: f.t('weights') };
  return words.map((word) => said[word] ?? word).join(', ');
}

/** Copies the page's link, or (`exercise`) the link that opens the plan as an exercise. */
async function copyLink(page, exercise = false) {
  page.store.freeze();
  page.link.write();
  // An exercise is read in the teacher's number format, whichever it is.
  const link = exercise ? page.link.exerciseLink(page.picker.picked ?? page.format.tag) : location.href;
  // A plan with problems travels as it is: the words say that it opens without results.
  const problems = page.store.stale ? page.store.errors().length : 0;
  // What the status line says now is of the link: Undo of what it said before is no longer offered beside it.
  page.endUndo?.();
  if (exercise && problems) {
    // Its students could neither fix the plan (read-only) nor work out results it does not have (found by a fresh look).
    page.say((f) => f.tn(problems, 'No exercise link was made: this plan has {n} problem to fix, and an exercise needs results for students to work out. Fix it, then make the exercise.', 'No exercise link was made: this plan has {n} problems to fix, and an exercise needs results for students to work out. Fix them, then make the exercise.'), 'error');
    return;
  }
  const count = page.store.state.scenarios.length;
  const carries = ({ t, tn }) =>
    problems
      ? tn(problems, 'it carries the plan as it is, with {n} problem to fix: a page opened on it shows no results until it is fixed.', 'it carries the plan as it is, with {n} problems to fix: a page opened on it shows no results until they are fixed.')
      : count > 1
        ? // Every scenario travels (found by a fresh look: "the whole plan" was said of two).
          count === 2
          ? t('it carries both scenarios, each plan whole.')
          : t('it carries all {n} scenarios, each plan whole.', { n: count })
        : t('it carries the whole plan.');
  try {
    await navigator.clipboard.writeText(link);
    page.say((f) => (exercise ? f.t('Exercise link copied: it opens this plan with its results hidden, for students to work out each team’s payout and check it.') : f.t('Link copied: {carries}', { carries: carries(f) })) + longLink(f, link.length), 'link');
    page.link.copied();
  } catch {
    page.$('link-fallback').hidden = false;
    const field = page.$('link-text');
    field.value = link;
    field.focus();
    field.select();
    page.say((f) => (exercise ? f.t('Copy the exercise link below: it opens this plan with its results hidden, for students to work out each team’s payout and check it.') : f.t('Copy the link below: {carries}', { carries: carries(f) })) + longLink(f, link.length));
  }
}

/** What each control of the frame does: the editor's, the toolbar's and the drop's listeners, given the element's parts (`page`). */
export function listen(page) {
  const { $ } = page;
  const { editor } = page.els;
  const store = page.store;
  // The dials: the weights a drag starts from are kept until it ends.
  editor.addEventListener('input', (event) => page.dials.input(event));
  // A block of cells from a spreadsheet, reviewed before it replaces anything (paste.js).
  const review = new PasteReview(page.root);
  editor.addEventListener('paste', (event) => {
    const field = event.target.closest?.('input[data-path]');
    if (!field) return;
    if (field.readOnly) {
      // A locked field takes no paste, and says why rather than doing nothing.
      event.preventDefault();
      const words = lockedWords(placeOf(field.dataset.path), page.locked);
      page.say((f) => f.t('Not pasted: this field is locked ({words}).', { words: spokenLocks(f, words) }), 'error');
      return;
    }
    const paste = readPaste(event.clipboardData?.getData('text/plain') ?? '', placeOf(field.dataset.path), page.format, store.facts?.currency);
    if (!paste) return;
    event.preventDefault();
    // What the paste would change, by the `locked` words that cover its fields (frame.js);
    // a goal added brings its own parts, as with "Add goal".
    const paths = paste.what === 'members' ? [['teams', paste.team, 'members']] : paste.columns.map((c) => ['goals', paste.start, c]);
    const adding = paste.what === 'goals' && paste.start + paste.rows.length > store.plan.goals.length;
    const locked = [...paths.flatMap((p) => lockedWords(p, page.locked)), ...(adding ? GOAL_WHOLE.filter((w) => page.locked.has(w)) : [])];
    if (locked.length) {
      page.say((f) => f.t('Not pasted: it would change what is locked here ({words}).', { words: spokenLocks(f, [...new Set(locked)]) }), 'error');
      return;
    }
    review.open(paste, store.plan, page.format, () => {
      page.edit((p) => applyPaste(p, paste, (taken) => page.core.goalId(taken), page.format), { rebuild: true });
      page.say((f) => f.tn(paste.rows.length, 'Pasted 1 row.', 'Pasted {n} rows.'));
    });
  });
  editor.addEventListener('focusout', (event) => page.dials.focusout(event));
  // A field left with a problem in it: the status line now says where it
  // is, as it does not while the field is in use (found by a fresh look: a
  // screen reader heard "1 problem to fix." of "-5", and tabbed on).
  editor.addEventListener('focusout', ({ target }) => {
    // A dial's move ends when it pauses or the dial is left (not at each of its `change`s: below).
    if (target.dataset?.dialRange !== undefined) page.settle();
    if (target.getAttribute?.('aria-invalid') === 'true') page.update({ announce: false });
  });
  editor.addEventListener('change', (event) => page.dials.change(event));
  // Once a number is entered, it is shown back the locale's way ("50%" in
  // a percent field becomes 50, "$1250" becomes 1,250).
  editor.addEventListener('change', (event) => {
    const el = event.target;
    // A dial's slider fires `change` at each arrow key: its move goes on
    // until it pauses or the dial is left (focusout, above), as typing
    // does, and is told as one (found by a fresh look: three arrows were
    // told as the last one).
    if (el.dataset.dialRange !== undefined) return;
    const { parse } = el.dataset;
    const at = el.dataset.path && placeOf(el.dataset.path);
    // Leaving a field completes its entry: its error, if any, shows now.
    page.settle();
    if (at && page.entries.failed(at)) {
      page.entries.left(at);
      page.update();
    }
    if (!at || !NUMBERS.includes(parse) || page.entries.failed(at)) return;
    const value = valueAt(store.plan, at);
    if (typeof value === 'string' && value !== '') el.value = shownNumber(page.format, parse, value, store.facts);
  });
  editor.addEventListener('input', (event) => {
    const el = event.target;
    const { parse } = el.dataset;
    const at = el.dataset.path && placeOf(el.dataset.path);
    if (!at || !parse) return;
    page.lastField = el;
    const [list, i, key, ...rest] = at;
    if (list === 'teams' && key === 'name' && !rest.length && store.isNewTeam(i)) followName(page, i, el.value);
    const empty = el.value.trim() === '' && optionalWhenEmpty(at);
    if (empty) page.entries.forget(at);
    const read = empty ? undefined : page.entries.take(at, parse, el.value, store.facts);
    const value = NUMBERS.includes(parse) && !page.entries.failed(at) ? store.asOpened(at, read) : read;
    page.change((s) => s.set(at, value));
  });
  // A preset replaces the plan being edited at one click; Remove this
  // scenario, a goal's, a team's or a member's Remove drop one; giving up a
  // scenario's own actual results drops them: what was there can be had back
  // until the next other change of the plans (found by fresh looks: a
  // teacher's plan built from scratch was lost to a click, and a consultant's
  // own results to an untick). Such changes one after another are undone one
  // by one, the latest first (found by a fresh look: two presets clicked in
  // turn lost the consultant's "Shared tomorrow" for good).
  const undo = $('undo');
  /** What Undo puts back, the latest last: `{ state, chart, back, focus }`. */
  const undos = [];
  // The plans that what the status line says of Undo is said of: another
  // change of them ends it, the words that Undo did too (found by a fresh
  // look: "Scenario … is back." stayed after the next edit).
  let saidOf = null;
  // The plans Undo was last offered for: a change made from them that offers
  // Undo itself is undone after what Undo put back before it.
  let offeredFor = null;
  const sayOf = (text) => {
    page.say(text, 'undo');
    saidOf = store.state;
    offeredFor = saidOf;
  };
  /**
   * Offers Undo of the change just made: `was` is the store's state and chart
   * goal before it; `said` says what it did, `back` what Undo did (functions
   * of the format that write the words); `focus` selects what the focus
   * goes to once Undo has put it back: what was put back, or the control that
   * made the change (found by a fresh look: always the scenario's name, far
   * from a team put back). Made from the plans Undo was last offered for,
   * it is undone after them; from any others, it alone is.
   */
  page.undoable = (was, said, back, focus) => {
    if (!was.state) return;
    if (was.state !== offeredFor) undos.length = 0;
    undos.push({ ...was, back, focus });
    undo.hidden = false;
    sayOf(said);
  };
  for (const button of page.root.querySelectorAll('[data-preset]')) {
    button.addEventListener('click', async () => {
      const name = button.dataset.preset;
      const was = page.kept();
      // The link will change once the preset has come: it says so while it is fetched.
      page.link.expect();
      try {
        const said = page.load(await fetchPreset(name, page.format), { preset: PRESETS[name] });
        page.undoable(was, (f) => [said(f), f.t('Undo puts back the plan that was here.')].filter(Boolean).join(' '), (f) => f.t('The plan that was here is back.'), `[data-preset="${name}"]`);
      } catch (error) {
        page.say(`${error.message} ${page.format.t('The plan on screen is as it was.')}`, 'error');
        page.link.write();
      }
    });
  }
  undo.addEventListener('click', () => {
    const last = undos.pop();
    if (!last) return;
    const { state, chart, back, focus } = last;
    page.show(state, chart);
    const more = undos.length > 0;
    sayOf(more ? (f) => `${back(f)} ${f.t('Undo again puts back what was there before that.')}` : back);
    undo.hidden = !more;
    page.root.querySelector(focus)?.focus();
  });
  // Another change of the plans ends Undo's button and what was said of it
  // (tandem.js calls this after each change: the plans are not looked at
  // while nothing of Undo is pending). What Undo would put back is kept for
  // a change that offers Undo itself (`undoable`, which follows it).
  page.changed = () => {
    if (!saidOf || store.state === saidOf) return;
    saidOf = null;
    undo.hidden = true;
    if (page.els.status.dataset.kind === 'undo') page.say('');
  };
  // Undo is no longer offered (what it would put back, and its button).
  page.endUndo = () => {
    saidOf = null;
    offeredFor = null;
    undos.length = 0;
    undo.hidden = true;
  };
  // While the plan has problems nothing is saved: Import plan and tandem
  // calc would not open the file (they read a plan without problems), and
  // the payouts on screen are not this plan's. Before the first result there
  // is nothing to save.
  const unsaved = () => {
    if (store.current) return false;
    const fields = problemFields(page);
    if (fields.length) page.say((f) => f.t('Not saved: fix {fields} first. Import plan, tandem calc and the payouts read only a plan without problems.', { fields: fields.join(', ') }), 'error');
    return true;
  };
  $('export').addEventListener('click', async () => {
    if (unsaved()) return;
    await page.more();
    store.freeze();
    const name = page.files.download(fileText(page.core, store.state), 'application/json', 'json');
    page.say((f) => f.t('Saved {name}: the plan as a file that Import plan and tandem calc read.', { name }));
  });
  // The two CSVs by names of their own: the second does not overwrite the first.
  for (const [id, locale, suffix] of [['export-csv', () => page.format.tag, '-payouts'], ['export-csv-plain', () => 'plain', '-payouts-plain']]) {
    $(id).addEventListener('click', async () => {
      if (unsaved()) return;
      await page.more();
      store.freeze();
      // With several scenarios, every scenario's payouts, each row led by its
      // name, as tandem calc writes them of the saved file (found by a fresh
      // look: only the scenario on screen was saved, with nothing naming it).
      const several = store.state.scenarios.length > 1;
      let csv;
      try {
        csv = page.full.payoutsCsv(several ? JSON.parse(fileText(page.core, store.state)) : store.plan, { locale: locale() });
      } catch (error) {
        page.say(page.format.t('Not saved: {why}', { why: error.message }), 'error');
        return;
      }
      // Payouts of plans no longer as the host page gave them are a what-if:
      // its file's name says so, as the printed statement does (found by a
      // fresh look: an intranet's what-if saved as if it were the pay).
      const whatIf = page.given.changed(store.state);
      const name = page.files.download(csv, 'text/csv', 'csv', whatIf ? `-what-if${suffix}` : suffix);
      // How it was written, read off the core's header line, whose names hold
      // neither mark: "team;team_name…", or "scenario;team…" with several
      // scenarios (found by a fresh look: its fifth letter was read, and a
      // German file of two scenarios was said to have commas).
      const semicolons = csv.split('\n', 1)[0].includes(';');
      const marked = csv.startsWith('\ufeff');
      const said = semicolons
        ? marked
          ? phrase('Saved {name}: “;” between fields and decimal commas, marked as UTF-8 for spreadsheets.')
          : phrase('Saved {name}: “;” between fields and decimal commas.')
        : marked
          ? phrase('Saved {name}: “,” between fields and decimal points, marked as UTF-8 for spreadsheets.')
          : phrase('Saved {name}: “,” between fields and decimal points.');
      page.say((f) => [f.t(said, { name }), whatIf ? f.t('Its payouts are a what-if, changed on this page.') : ''].filter(Boolean).join(' '));
    });
  }
  // A file picked in the input `id`, given to `take` once the parts that
  // read files have loaded; the input is emptied, so that the same file can
  // be picked again. Inside a shadow root, `event.target` is null once the
  // event is over: the input is kept.
  const onFile = (id, take) =>
    $(id).addEventListener('change', async ({ target: input }) => {
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      await page.more();
      await take(file);
    });
  $('import-roster').addEventListener('click', () => $('roster-file').click());
  // What a roster file and a plan file are given to (picked, or dropped on the element).
  const rosterFile = async (file) => page.files.importRoster(new Uint8Array(await file.arrayBuffer()), file.name);
  const planFile = async (file) => page.files.openText(await file.text(), file.name);
  onFile('roster-file', rosterFile);
  $('copy-link').addEventListener('click', () => copyLink(page));
  $('make-exercise').addEventListener('click', () => copyLink(page, true));
  $('embed').addEventListener('click', async () => {
    await page.more();
    const { state, plan } = page.store;
    page.embed.open({ plan: structuredClone(plan), name: state.scenarios[state.active].name, format: page.format });
  });
  // On a narrow screen the summary bar sticks to the top, as high as what it
  // holds (a scenario's name, each team, an out-of-date mark): what is jumped
  // to or focused stays below it (tandem.css; found by a fresh look: with
  // three lines it covered the results' heading and the way back).
  const frame = page.root.querySelector('.frame');
  new ResizeObserver(([entry]) => frame.style.setProperty('--bar-height', `${entry.borderBoxSize[0].blockSize}px`)).observe($('summary-bar'));
  // On a narrow screen: from the field to the results and back.
  $('to-results').addEventListener('click', () => {
    $('results-heading').scrollIntoView({ block: 'start' });
    $('results-heading').focus({ preventScroll: true });
    $('to-field').hidden = !page.lastField?.isConnected;
  });
  $('to-field').addEventListener('click', () => {
    const field = page.lastField;
    if (!field?.isConnected) return;
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  });
  // Skip links and Alt+R / Alt+P: to the results or the plan editor.
  const skipTo = (id) => {
    const target = $(id);
    if (!target?.isConnected || target.closest('[hidden]')) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
  for (const link of page.root.querySelectorAll('[data-skip]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      skipTo(link.dataset.skip);
    });
  }
  page.host.addEventListener('keydown', (event) => {
    const id = { KeyR: 'results-heading', KeyP: 'plan-heading' }[event.code];
    if (!id || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    skipTo(id);
  });
  // Print asks what to print, offering what Ctrl+P prints: the last choice, else the comparison
  // while several scenarios are open and the statement with one (statement.js `printing`).
  $('print').addEventListener('click', () => {
    const offered = $('print-dialog').querySelector(`input[name="what"][value="${page.statement.printing}"]`);
    offered.checked = true;
    $('print-dialog').showModal();
    // The focus on the choice that is made, not on the first one (found by a fresh look: a screen reader heard "not checked").
    offered.focus();
  });
  $('print-cancel').addEventListener('click', () => $('print-dialog').close());
  // Prints this calculator's statement (or, as an exercise, its handout; `handout`: the handout even with the answers shown).
  page.printNow = async ({ handout = false } = {}) => {
    await page.more();
    page.statement.handout = handout;
    page.statement.draw();
    // Every calculator on the page hears which one prints (tandem.js).
    document.dispatchEvent(new CustomEvent('tandem-print', { detail: page.host }));
    window.print();
    page.statement.handout = false;
  };
  $('print-go').addEventListener('click', async () => {
    await page.more();
    page.statement.mode = $('print-dialog').querySelector('input[name="what"]:checked').value;
    $('print-dialog').close();
    await page.printNow();
    // Back where it was asked for (found by a fresh look: on the page's body).
    $('print').focus();
  });
  $('import').addEventListener('click', () => $('import-file').click());
  onFile('import-file', planFile);
  page.host.addEventListener('dragover', (event) => event.preventDefault());
  page.host.addEventListener('drop', async (event) => {
    event.preventDefault();
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    // A locked calculator opens no file, and says so rather than doing nothing (found by a fresh look).
    if (page.locked.size) {
      page.say((f) => f.t('Not opened: files do not open in this calculator, whose plan is locked ({words}).', { words: spokenLocks(f, [...page.locked]) }), 'error');
      return;
    }
    await page.more();
    await (page.files.isRoster(file) ? rosterFile : planFile)(file);
  });
}

