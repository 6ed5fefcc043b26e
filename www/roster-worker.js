// Reads a roster off the page's main thread: the core's `applyRoster` (the
// CLI's own reading and checks) on a 10,000-row file takes tens of
// milliseconds, and typing should never wait for it. One message in
// (`{ id, plan, csv, locale }`: the file's bytes, and the locale whose
// language its messages are written in), one out (`{ id, plan, format }`,
// format saying how the file was read, or `{ id, errors }`).
// The whole core: the page's own module leaves the roster reader out.
import init, { applyRoster, setLanguage } from './pkg/full/tandem.js';

const ready = init();

self.onmessage = async ({ data: { id, plan, csv, locale } }) => {
  await ready;
  setLanguage(locale);
  try {
    self.postMessage({ id, ...applyRoster(plan, csv) });
  } catch (error) {
    self.postMessage({ id, errors: error.errors ?? [{ line: 1, message: String(error.message ?? error) }] });
  }
};
