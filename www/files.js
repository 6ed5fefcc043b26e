// Plans and rosters in and out of the page: plan and scenario files opened
// (checked by the core first, nothing half-opened), rosters read in a worker
// (roster-worker.js: the core's own reading, as the CLI's --roster), and
// files saved for the reader to download.
import { movedAssets } from './assets.js';
import { moduleWorker } from './workers.js';
import { h } from './dom.js';
import { readScenarios } from './scenarios.js';

/** The first ten of a file's `problems` in words, then how many more there are (`t` the element's words). */
function firstTen(problems, t) {
  const more = problems.length - 10;
  return [...problems.slice(0, 10), ...(more > 0 ? [t('And {n} more.', { n: more })] : [])].join(' ');
}

/** What a roster is named or typed as: a drop opens it as one, and Import plan says it is one. */
function isRoster({ name, type = '' }) {
  return /\.(csv|tsv|txt)$/i.test(name) || ['text/csv', 'text/tab-separated-values'].includes(type);
}

export class Files {
  #worker = null;
  #run = 0;
  /** Shows the progress bar once a roster has taken more than a moment. */
  #busyTimer = null;

  /**
   * `root` is where a download's link is put for a moment; `source()` gives
   * `{ core, plan, scenarios, opened, format }` (the plan being edited, the scenarios, the store's count
   * of plans opened, which an edit leaves as it is, and the element's format,
   * format.js, that what it says is written in); `say(text, kind)` speaks in
   * the status line (`text` words, or a function of the format that writes
   * them); `open(state)` shows scenarios, `load(plan, name)` puts a plan
   * into the active scenario (named `name` when given) and returns what it
   * says of the results it shared, a function of the format; `freeze()` keeps team ids as they are once the
   * plan has left the page; `kept()` is what Undo would put back and
   * `undoable(was, said, back, focus)` offers it (dispatch.js).
   */
  constructor(root, { source, say, open, load, freeze, kept, undoable }) {
    this.root = root;
    this.source = source;
    this.say = say;
    this.open = open;
    this.load = load;
    this.freeze = freeze;
    this.kept = kept;
    this.undoable = undoable;
  }

  /** Whether `file` (dropped) is a roster rather than a plan file. */
  isRoster(file) {
    return isRoster(file);
  }

  /** Opens a plan or scenario file's text, named `name` in what is said. */
  openText(text, name) {
    const { t, tn } = this.source().format;
    let json;
    try {
      json = JSON.parse(text);
    } catch (error) {
      // A roster picked by Import plan is said to be one, with where it opens (found by a fresh look: the parser's words alone).
      if (isRoster({ name })) this.say((f) => f.t('{name} is not a plan file: it looks like a roster of members; Import roster… reads it.', { name }), 'unread');
      // Where and what, in the core's words (the line and column; a comma too many said as that), not the browser's.
      else this.say(t('{name} is not a plan file: it is not valid JSON ({reason}).', { name, reason: this.source().core?.jsonError(text) ?? error.message }), 'unread');
      return;
    }
    const { core } = this.source();
    const read = readScenarios(core, json, this.source().format);
    const imported = read.state;
    const problems = read.error
      ? read.errors.map((e) => `${e.path || t('The file')}: ${e.message}`)
      : imported.scenarios.flatMap((s) =>
          core.check(s.plan).errors.map((e) => `${imported.scenarios.length > 1 ? `${s.name}: ` : ''}${e.path || t('plan')}: ${e.message}`),
        );
    if (problems.length) {
      const list = firstTen(problems, t);
      this.say(tn(problems.length, '{name} was not opened: 1 problem. {list}', '{name} was not opened: {n} problems. {list}', { name, list }), 'unread');
      return;
    }
    if (imported.scenarios.length > 1) {
      this.open(imported);
      this.say((f) => f.t('Opened {name}.', { name }));
      return;
    }
    // One plan goes into the scenario being edited, named after its file; the
    // page says which actual results it brought to the scenarios that share them.
    const shared = this.load(imported.scenarios[0].plan, name.replace(/\.json$/i, ''));
    this.say((f) => [f.t('Opened {name}.', { name }), shared(f)].filter(Boolean).join(' '));
  }

  /**
   * Imports a roster file's bytes into the plan (the core finds its
   * separator, decimal mark and encoding). It is read in a worker, so that
   * typing goes on meanwhile, and the page says it is reading; edits made in
   * the meantime stay: the roster's members go into the plan as it is by
   * then. A plan opened meanwhile cancels the import, with a word.
   */
  async importRoster(bytes, name) {
    const started = performance.now();
    this.say((f) => f.t('Reading {name}…', { name }));
    // The plan as sent, its members aside.
    const shape = (p) => JSON.stringify({ ...p, teams: p.teams.map(({ members: _, ...team }) => team) });
    const { plan: sent, opened } = this.source();
    const asSent = shape(sent);
    const reading = this.#read(sent, bytes);
    // Past a moment, a progress bar: indeterminate, as the worker reads the
    // file in one go. Typing goes on meanwhile.
    clearTimeout(this.#busyTimer);
    const busy = this.source().format.t('Reading {name}', { name });
    this.#busyTimer = setTimeout(() => this.#busy(busy), 100);
    const read = await reading;
    // Another roster was chosen meanwhile: that one's answer counts.
    if (read.id !== this.#run) return;
    // Said in the element's words as they are once the roster is read.
    const { t, tn } = this.source().format;
    this.#busy(null);
    const { plan, opened: now } = this.source();
    if (now !== opened) {
      this.say((f) => f.t('{name} was not imported: another plan was opened while it was read. Import it again.', { name }), 'error');
      return;
    }
    if (read.errors) {
      const { errors } = read;
      // Problems, not rows: one problem may be about many rows (a team the
      // plan lacks, on 30 lines: it was said as "1 bad row"), and one about
      // the header about none.
      const list = firstTen(errors.map((e) => (e.line ? t('line {line}: {message}', { line: e.line, message: e.message }) : `${e.path || t('plan')}: ${e.message}`)), t);
      this.say(tn(errors.length, '{name} was not imported: 1 problem. {list}', '{name} was not imported: {n} problems. {list}', { name, list }), 'unread');
      return;
    }
    let next = read.plan;
    if (shape(plan) !== asSent) {
      const members = new Map(next.teams.map((team) => [team.id, team.members]));
      next = { ...plan, teams: plan.teams.map((team) => (members.get(team.id) ? { ...team, members: members.get(team.id) } : team)) };
    }
    const was = this.kept();
    this.freeze();
    this.load(next);
    // Each team's members now, and which are as they were: a roster replaces
    // the members of the teams it lists only (found by a fresh look: "8
    // members" said of a file of 2, beside 6 kept and unsaid).
    const before = new Map(plan.teams.map((team) => [team.id, JSON.stringify(team.members ?? [])]));
    const ms = Math.round(performance.now() - started);
    const said = (f) => {
      const teams = next.teams
        .filter((team) => team.members?.length)
        .map((team) => {
          const words = { team: team.name, n: team.members.length };
          return before.get(team.id) === JSON.stringify(team.members)
            ? f.tn(words.n, '{team}: 1 member, as before', '{team}: {n} members, as before', words)
            : f.tn(words.n, '{team}: 1 member', '{team}: {n} members', words);
        });
      return [f.t('Imported {name}: {teams} ({ms} ms).', { name, teams: teams.join('; '), ms }), read.format.note, f.t('Undo puts back the members that were here.')].filter(Boolean).join(' ');
    };
    this.undoable(was, said, (f) => f.t('The members that were here are back.'), '#import-roster');
  }

  /** The worker's answer for `plan` with the roster file `csv` (bytes or text): `{ id, plan, format }` or `{ id, errors }`. */
  #read(plan, csv) {
    const { t, tag } = this.source().format;
    const moved = movedAssets();
    const id = (this.#run += 1);
    // Started as bundlers recognise a worker: `new Worker(new URL(literal, import.meta.url))`; from another origin, from a blob (workers.js).
    try {
      this.#worker ??= moved ? moduleWorker('roster-worker.js', moved) : moduleWorker('roster-worker.js', import.meta.url, () => new Worker(new URL('./roster-worker.js', import.meta.url), { type: 'module' }));
    } catch (error) {
      return Promise.resolve({ id, errors: [{ line: 1, message: t('The roster could not be read: {reason}.', { reason: error.message }) }] });
    }
    return new Promise((resolve) => {
      this.#worker.onmessage = ({ data }) => {
        if (data.id === id) resolve(data);
      };
      const worker = this.#worker;
      worker.onerror = (event) => {
        // It answers nothing more: the next import starts another.
        worker.terminate();
        if (this.#worker === worker) this.#worker = null;
        resolve({ id, errors: [{ line: 1, message: event.message === undefined ? t('The roster could not be read: its worker failed to start.') : t('The roster could not be read: {reason}.', { reason: event.message }) }] });
      };
      worker.postMessage({ id, plan: structuredClone(plan), csv, locale: tag });
    });
  }

  /** Saves `text` as a file the reader downloads, named after the plan and `suffix`; returns the file's name. */
  download(text, type, extension, suffix = '') {
    const blob = new Blob([text], { type });
    const url = URL.createObjectURL(blob);
    // Named after the plan, or after the scenarios when there are several ("siloed-today-vs-shared-tomorrow").
    const { plan, scenarios } = this.source();
    const named = scenarios.length > 1 ? scenarios.map((s) => s.name).join(' vs ') : plan.name;
    const slug = (named ?? 'plan').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'plan';
    const name = `${slug}${suffix}.${extension}`;
    const a = h('a', { href: url, download: name });
    this.root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return name;
  }

  /** Stops the roster worker (the element left the page). */
  stop() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#busy(null);
  }

  /** Shows the progress bar labelled `label`, or (null) hides it. */
  #busy(label) {
    clearTimeout(this.#busyTimer);
    const bar = this.root.getElementById('busy');
    if (label) bar.setAttribute('aria-label', label);
    bar.hidden = !label;
  }
}
