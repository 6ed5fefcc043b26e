// The element's parts, made once and kept on `page`, the one object the
// views (render.js), the listeners (dispatch.js) and the attributes
// (attributes.js) are given: the frame's elements, the store, the core once
// loaded, the element's format and the `locked` words, and the classes of the
// page's parts (entries, number-format picker, page link; with the page's
// module the editing parts: dials, solve form, class mode; after the first
// result the forecast, statement, embed dialog and files). Each part reads what it needs from `page` as it is when it
// reads, and changes state only through `page.change` and `page.edit`
// (tandem.js: a store method, then one drawing pass).
import { speaking, wholeEngine } from './engine.js';
import { Entries } from './entries.js';
import { PageLink } from './pagelink.js';
import { LocalePicker } from './picker.js';
import { follow } from './attributes.js';
import { named, say } from './render.js';
import { noteText } from './presets.js';

/** The frame's elements the drawing pass writes to, by their ids. */
const ELEMENTS = { editor: 'editor', results: 'results', status: 'status', stale: 'stale', announce: 'announce', note: 'preset-note', scenarios: 'scenarios', comparison: 'comparison', solver: 'solver', summary: 'summary' };

/**
 * The element's page: `host` the element, `root` its shadow root holding
 * the frame, `store` its state; `actions` the element's own (tandem.js):
 * `change` (a store method, then one drawing pass), `update` (a drawing
 * pass alone), `more` (the parts made after the first result), `listening`
 * (whether it listens outside) and `settle` (a field was left: the results
 * typed into it stand now). The actions derived from `change` are added
 * here, and the parts the first result needs are made on it.
 */
export function makePage(host, root, store, actions) {
  const { change } = actions;
  const page = {
    host,
    root,
    store,
    $: (id) => root.getElementById(id),
    /** The core's exports (pkg/tandem.js) once loaded; the whole core (pkg/full/) after the first result. */
    core: null,
    /** The plans the host page gives (given.js), set by the element. */
    given: null,
    full: null,
    /** How the element writes words and numbers and reads numbers (format.js): the store's, of its locale (attributes.js). */
    get format() {
      return store.format;
    },
    /** What `locked` names (attributes.js). */
    locked: new Set(),
    /** Whether the page's link opened the plan as an exercise; the field last typed into. */
    exerciseLink: false,
    lastField: null,
    ...actions,
    // An edit of the plan being edited; `rebuild`: its shape changed (a
    // goal, team or curve added, moved or removed), so the notes on entries
    // go and an entry that could not be read stays marked only while the
    // plan holds it as typed. A discrete edit (a button, a menu, a paste) is
    // an edit of its own, whole at once; typing and a dial's keys and drags run on.
    // `removed`: what Undo says of an edit that removed a goal, a team or
    // a member (`{ said, back, focus }`), which it puts back, and what the
    // focus then goes to (dispatch.js `undoable`).
    edit: (mutate, { rebuild = false, discrete = true, removed = null } = {}) => {
      // Only a removal keeps what was there: the state is written out of the core for it.
      const was = removed && page.kept();
      change(
        (s) => {
          s.edit(mutate);
          if (rebuild) page.entries.keepWhile(s.plan);
        },
        { discrete },
      );
      if (removed) page.undoable?.(was, removed.said, removed.back, removed.focus);
    },
    // What Undo puts back with `show`: the scenarios and the charted goal as they are now.
    kept: () => ({ state: store.state, chart: store.chartGoal }),
    // A set of scenarios (a link, a file, the host page), editing the active one; `chart`: the goal a link says its reader charted.
    show: (next, chart) =>
      change(
        (s) => {
          s.replace(next);
          s.chartGoal = chart;
        },
        { opened: true },
      ),
    // Puts `plan` into the active scenario; a preset names it and leaves its
    // note. Returns what it says of the actual results, as a function of the
    // format (said again in a locale picked next): those it brought to the
    // scenarios that share them, or that a preset keeps its own.
    load: (plan, { preset = null, name = '' } = {}) => {
      let shared;
      let own;
      change(
        (s) => {
          ({ shared, own } = s.load(plan, preset, name));
        },
        { opened: true, note: preset ? noteText(preset.note, page.format) : '' },
      );
      const { name: scenario } = page.store.scenario;
      if (own) return (f) => f.t('“{name}” now uses the example’s own actual results; the other scenarios keep theirs.', { name: scenario });
      return (f) => (shared.size ? f.tn(shared.size, 'Actual results are shared by the scenarios: {goals} now has its value from this plan in every scenario that shares them.', 'Actual results are shared by the scenarios: {goals} now have their values from this plan in every scenario that shares them.', { goals: [...shared].join(', ') }) : '');
    },
    // `text` may be words written by a function of the format: said again
    // in the words of a locale picked next (`resay`; found by a fresh look:
    // "Link copied" stayed English on a page switched to German).
    say: (text, kind) => {
      page.said = typeof text === 'function' ? { text, kind } : null;
      say(page.els, typeof text === 'function' ? text(page.format) : text, kind);
    },
    resay: () => {
      if (page.said && page.els.status.textContent) say(page.els, page.said.text(page.format), page.said.kind);
    },
    exercising: () => host.hasAttribute('exercise') || page.exerciseLink,
    // The core's id for a team called `name`, not in `taken` ("Ventes Québec" → "ventes-quebec": the name decomposed, so its letters stay).
    teamId: (name, taken) => page.core.teamId(name.normalize('NFKD'), taken),
  };
  makeParts(page);
  return page;
}

/** Makes the parts the first result needs, on `page`. */
function makeParts(page) {
  const { store, $ } = page;
  page.els = Object.fromEntries(Object.entries(ELEMENTS).map(([name, id]) => [name, $(id)]));
  page.entries = new Entries(() => page.format);
  page.picker = new LocalePicker($('locale-picker'), () => {
    follow(page, 'locale');
    page.link.schedule();
  });
  page.link = new PageLink(page.host, $('link-problem'), {
    core: () => page.core,
    format: () => page.format,
    state: () => store.state,
    open: (next, chart) => page.show(next, chart),
    locale: () => page.picker.picked,
    chart: () => store.chartGoal,
    // A link changed by hand or by Back to another format.
    openLocale: (tag) => {
      page.picker.pick(tag);
      follow(page, 'locale');
    },
    exercising: () => page.exercising(),
    // "Link copied: it carries the whole plan" is not said of a plan changed since (found by a fresh look).
    outdated: () => page.els.status.dataset.kind === 'link' && page.say(''),
  });
  if (page.link.synced) {
    page.picker.start(page.link.locale());
    page.exerciseLink = page.link.exercise();
  }
}

/** The editing parts' module (editing.js): in dist/ a file of its own, loaded with the page's module. */
export function editingParts() {
  return import('./editing.js');
}

/**
 * The editing parts, made on `page` from `editing` (editing.js), once it
 * has loaded with the page's module: the dials, class mode and the solve form; the
 * editor and the controls' listeners (`listen`) are the element's to start.
 */
export function makeEditing(page, editing) {
  const { store, $ } = page;
  page.editing = editing;
  page.dials = new editing.Dials(page.els.editor, () => ({ core: page.full, plan: store.plan, facts: store.facts, format: page.format, result: store.result, locked: page.locked.has('weights'), say: page.say }), (i, weights) =>
    page.edit(
      (p) => {
        p.teams[i].weights = weights;
      },
      { discrete: false },
    ),
  );
  // Class mode: the results hidden until worked out.
  page.exercise = new editing.Exercise($('exercise'), page.root.querySelector('.frame'), () => ({
    plan: store.plan,
    facts: store.facts,
    result: store.current,
    format: page.format,
    print: () => page.printNow({ handout: true }),
  }));
  page.solver = new editing.Solver(page.els.solver, () => ({ core: page.full, plan: store.plan, facts: store.facts, result: store.current, format: page.format, question: store.question, ask: (change) => store.ask(change) }));
}

/**
 * The parts the first result does not need, made on `page` once their
 * modules have loaded: the whole core, the forecast and its simulation, the
 * printed statement, the embed dialog, plan and roster files. In dist/ they
 * are a file of their own. `moduleUrl`: the element's module, beside which
 * the embed dialog finds the package.
 */
export async function moreParts(page, moduleUrl) {
  const [{ Forecast }, { Statement }, { Embed }, { Files }, full] = await Promise.all([import('./forecast.js'), import('./statement.js'), import('./embed.js'), import('./files.js'), wholeEngine()]);
  const { store, $, change } = page;
  page.full = speaking(full, () => page.format.tag);
  // The forecast changes the plan as the editor does: through the store, then one drawing pass.
  page.forecast = new Forecast($('forecast'), {
    source: () => ({ state: store.state, facts: store.facts, defaults: store.defaults, format: page.format, unfolded: store.unfolded }),
    act: {
      edit: (mutate) => change((s) => s.edit(mutate)),
      set: (at, value) => change((s) => s.set(at, value)),
      forecastGoal: (id, on, fresh) => change((s) => s.forecastGoal(id, on, fresh), { discrete: true }),
      unfold: (key, open) => change((s) => s.unfold(key, open), { announce: false }),
    },
    tie: (r) => full.tie(r),
    practice: full.practice(),
    typing: {
      take: (at, kind, text) => page.entries.take(at, kind, text, store.facts),
      noteFor: (at) => page.entries.noteFor(at),
      forget: (at) => page.entries.forget(at),
      withReadings: (errors, part) => page.entries.withReadings(errors, part),
    },
  });
  page.statement = new Statement($('statement'), () => ({
    core: page.full,
    state: store.state,
    defaults: store.defaults,
    result: store.current,
    format: page.format,
    // The comparison moves the goal the chart follows, and shows the last simulation.
    goal: store.evaluation?.chart?.goal ?? store.plan.goals[0]?.id,
    simulation: page.forecast.simulated(),
    exercise: page.exercising() && !page.exercise.revealed,
    // The plan being edited says its problems as the page does: its entries' words, by their fields.
    said: (errors) => page.entries.withReadings(errors).map((error) => named(page, error)),
    // Whether the plans are no longer those the host page gave (given.js): a what-if.
    changed: (state) => page.given.changed(state),
  }));
  page.embed = new Embed(page.root, moduleUrl);
  page.files = new Files(page.root, {
    source: () => ({ core: page.full, plan: store.plan, scenarios: store.state.scenarios, opened: store.opened, format: page.format }),
    say: page.say,
    open: (next) => page.show(next),
    load: (next, name) => page.load(next, { name }),
    freeze: () => store.freeze(),
    kept: () => page.kept(),
    undoable: (...offer) => page.undoable(...offer),
  });
  const { current } = store;
  page.forecast.update(current);
  page.statement.schedule();
  // The dials' ends and the solve form's answer need the whole core.
  page.dials.refresh(current);
  page.solver.answer();
}
