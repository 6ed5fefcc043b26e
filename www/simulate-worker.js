// The simulation's worker: runs the core's `Simulator` off the page's main
// thread, so typing never waits for it. For each plan it was sent (one per
// scenario) it runs the trials in chunks and reports progress after each;
// the page cancels a run by terminating the worker.
// The whole core: the page's own module leaves the simulation out.
import init, { Simulator, setLanguage } from './pkg/full/tandem.js';

const ready = init();
/** Trials between progress reports: a few milliseconds of work. */
const CHUNK = 2000;

const errorsOf = (error) => ({ errors: error.errors ?? [{ path: '', message: String(error.message ?? error) }] });

// `locale`: the language the errors are written in.
self.onmessage = async ({ data: { id, plans, locale } }) => {
  await ready;
  setLanguage(locale);
  const simulators = plans.map((plan) => {
    try {
      return new Simulator(plan);
    } catch (error) {
      return errorsOf(error);
    }
  });
  const of = simulators.reduce((n, s) => n + (s.errors ? 0 : s.trials), 0);
  let done = 0;
  const results = simulators.map((simulator) => {
    if (simulator.errors) return simulator;
    try {
      for (let before = 0; before < simulator.trials; ) {
        const now = simulator.run(CHUNK);
        done += now - before;
        before = now;
        self.postMessage({ id, progress: done, of });
      }
      return simulator.finish();
    } catch (error) {
      return errorsOf(error);
    } finally {
      simulator.free();
    }
  });
  self.postMessage({ id, results });
};
