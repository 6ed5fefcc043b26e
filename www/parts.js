// The element's parts, made once and kept on `page`, the one object the
// views (render.js), the listeners (dispatch.js) and the attributes
// (attributes.js) are given: the frame's elements, the store, the core once
// loaded, the number format and the `locked` words, and the classes of the
// page's parts (dials, solve form, entries, number-format picker, page link,
// class mode; after the first result the forecast, statement, embed dialog
// and files). Each part reads what it needs from `page` as it is when it
// reads, and changes state only through `page.change` and `page.edit`
// (tandem.js: a store method, then one drawing pass).
import { wholeEngine } from './engine.js';
import { Entries } from './entries.js';
import { Solver } from './solver.js';
import { Dials } from './dials.js';
import { PageLink } from './pagelink.js';
import { LocalePicker } from './picker.js';
import { Exercise } from './exercise.js';
import { follow } from './attributes.js';

/** The frame's elements the drawing pass writes to, by their ids. */
const ELEMENTS = { editor: 'editor', results: 'results', status: 'status', stale: 'stale', announce: 'announce', note: 'preset-note', scenarios: 'scenarios', comparison: 'comparison', solver: 'solver', summary: 'summary' };

/** Makes the parts the first result needs, on `page` (its `root` holding the frame). */
export function makeParts(page) {
  const { store, $ } = page;
  page.els = Object.fromEntries(Object.entries(ELEMENTS).map(([name, id]) => [name, $(id)]));
  page.dials = new Dials(page.els.editor, () => ({ core: page.full, plan: store.plan, facts: store.facts, numbers: page.numbers, result: store.result, locked: page.locked.has('weights') }), (i, weights) =>
    page.edit(
      (p) => {
        p.teams[i].weights = weights;
      },
      { discrete: false },
    ),
  );
  page.solver = new Solver(page.els.solver, () => ({ core: page.full, plan: store.plan, facts: store.facts, result: store.current, numbers: page.numbers, question: store.question, ask: (change) => store.ask(change) }));
  page.entries = new Entries(null);
  page.picker = new LocalePicker($('locale-picker'), () => {
    follow(page, 'locale');
    page.link.schedule();
  });
  page.link = new PageLink(page.host, $('link-problem'), {
    core: () => page.core,
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
  });
  if (page.link.synced) {
    page.picker.start(page.link.locale());
    page.exerciseLink = page.link.exercise();
  }
  page.exercise = new Exercise($('exercise'), page.root.querySelector('.frame'), () => ({
    plan: store.plan,
    facts: store.facts,
    result: store.current,
    numbers: page.numbers,
  }));
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
  page.full = full;
  // The forecast changes the plan as the editor does: through the store, then one drawing pass.
  page.forecast = new Forecast($('forecast'), {
    source: () => ({ state: store.state, facts: store.facts, defaults: store.defaults, numbers: page.numbers, unfolded: store.unfolded }),
    act: {
      edit: (mutate) => change((s) => s.edit(mutate)),
      set: (path, value) => change((s) => s.set(path, value)),
      forecastGoal: (id, on, fresh) => change((s) => s.forecastGoal(id, on, fresh), { discrete: true }),
      unfold: (key, open) => change((s) => s.unfold(key, open), { announce: false }),
    },
    tie: (r) => full.tie(r),
    typing: {
      take: (path, kind, text) => page.entries.take(path, kind, text, store.facts),
      noteFor: (path) => page.entries.noteFor(path),
      forget: (path) => page.entries.forget(path),
      withReadings: (errors, part) => page.entries.withReadings(errors, part),
    },
  });
  page.statement = new Statement($('statement'), () => ({
    core: page.full,
    state: store.state,
    result: store.current,
    numbers: page.numbers,
    // The comparison moves the goal the chart follows, and shows the last simulation.
    goal: store.evaluation?.chart?.goal ?? store.plan.goals[0]?.id,
    simulation: page.forecast.simulated(),
    exercise: page.exercising() && !page.exercise.revealed,
  }));
  page.embed = new Embed(page.root, moduleUrl);
  page.files = new Files(page.root, {
    source: () => ({ core: page.full, plan: store.plan, opened: store.opened }),
    say: page.say,
    open: (next) => page.show(next),
    load: (next, name) => page.load(next, { name }),
    freeze: () => store.freeze(),
  });
  const { current } = store;
  page.forecast.update(current);
  page.statement.schedule();
  // The dials' ends and the solve form's answer need the whole core.
  page.dials.refresh(current);
  page.solver.answer();
}

/** The core's id for a team called `name`, not in `taken` ("Ventes Québec" → "ventes-quebec": the name decomposed, so its letters stay). */
export function teamId(page, name, taken) {
  return page.core.teamId(name.normalize('NFKD'), taken);
}
