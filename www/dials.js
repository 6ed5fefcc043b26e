// The shared-stake dials under the weights (editor.js draws them): per
// team, how much of its weight rides on shared goals. Moving one asks the
// core's `dial` for the team's new weights, keeping the proportions the
// weights had when the drag began, so that dialling to 0 % and back
// restores them; a move to an end with no weight to move is refused, with
// the core's reason under the dial. The slider always runs 0 to 100, so its
// thumb, its value and the box agree.
import { note } from './dom.js';
import { compare, fromPercent } from './decimal.js';
import { readPercent } from './entries.js';
import { withoutForecast } from './store.js';
import { nameOr, teamCalled } from './editor.js';

/** Weights as one text, whatever the order of their goals. */
const weightsKey = (weights) => JSON.stringify(Object.entries(weights ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));

/** The slider's value (whole points) for a share (decimal text, 0 to 1). */
const thumb = (share) => String(Math.round(Number(share) * 100));

export class Dials {
  /** Which ends of each dial are closed, and why, for the weights in `key`. */
  #ends = { key: null, teams: [] };
  /**
   * The dial in use: the team, its weights when this drag or entry began
   * (`start`, what a refused entry puts back), the weights the core keeps
   * the proportions of (`from`) and whether it is typed into the box
   * (`typed`).
   */
  #dialing = null;
  /**
   * By team id, what the dial last made of its weights and the weights its
   * drag began from: a later drag on weights the dial left as they were
   * starts from those, so that all shared and back (or none and back),
   * with the focus elsewhere between, restores the proportions.
   */
  #made = new Map();
  /**
   * By team id, an entry in its box read with a note (0.5 read as 0.5 %,
   * which may be a spreadsheet's 50 %): the share it set and the words,
   * said by the box for as long as the dial stands there, as a weight's
   * field says it (found by a fresh look: the box read 0.5 silently).
   */
  #noted = new Map();
  #percentFormat = null;

  /**
   * `editor` holds the dials; `source()` gives `{ core, plan, facts,
   * format, result, locked, say }` (the core's facts of the plan; the last
   * result, null before the first or while the plan is invalid; whether
   * `locked` names the weights; the status line's `say`);
   * `apply(i, weights)` puts team `i`'s new weights into the plan and
   * recalculates.
   */
  constructor(editor, source, apply) {
    this.editor = editor;
    this.source = source;
    this.apply = apply;
  }

  /** A share as a percentage to at most two places, the locale's way: "33,33". */
  #percent(share) {
    const { tag } = this.source().format;
    if (this.#percentFormat?.resolvedOptions().locale !== tag) this.#percentFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 2, useGrouping: false });
    return this.#percentFormat.format(share * 100);
  }

  /** The editor's `input` event: a slider or a box moved. */
  input(event) {
    const el = event.target;
    if (el.dataset.dialRange !== undefined) this.turn(Number(el.dataset.dialRange), fromPercent(el.value));
    if (el.dataset.dialBox !== undefined) {
      const i = Number(el.dataset.dialBox);
      const { format, plan } = this.source();
      const read = readPercent(el.value, format);
      const share = read.error ? '' : read.value;
      // A share the dial can take: 0 to 100 % in hundredths of a point.
      const fits = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/.test(share);
      this.#mark(el, read.error || (share && !fits ? format.t('Type a share from 0 to 100%, with at most 2 decimal places.') : ''));
      const words = fits ? read.note : '';
      const id = plan.teams[i]?.id;
      if (words) {
        this.#noted.set(id, { share, words });
        note(el, words);
      } else {
        this.#noted.delete(id);
      }
      if (fits) {
        this.turn(i, share, { typed: true });
      } else {
        // Not a share yet: the plan is as it was when this entry began.
        this.#restore(i);
      }
    }
  }

  /**
   * The editor's `change` event: an entry typed into a box is complete
   * (Enter), so the next one starts from the plan as it is then: a typo after
   * it does not take the plan back to before it (found by a fresh look).
   */
  change(event) {
    if (event.target.dataset.dialBox !== undefined) this.#dialing = null;
  }

  /**
   * Typing paused and the results stand (pass.js): an entry typed into a
   * box is complete, as one ended by Enter is, so the next one starts from
   * it: a wrong share typed over it next puts it back, not the weights the
   * box was focused with (found by a fresh look: 37.37 %, then “150”, went
   * back to 50 %). A drag goes on until its dial loses focus.
   */
  settle() {
    if (this.#dialing?.typed) this.#dialing = null;
  }

  /** The editor's `focusout` event: a drag ends when its dial loses focus (arrow after arrow is one drag). */
  focusout(event) {
    const { dialRange, dialBox } = event.target.dataset;
    if (dialRange === undefined && dialBox === undefined) return;
    this.#dialing = null;
    // A box left holds where its team stands, whatever was typed into it;
    // an entry it did not take is said, not dropped in silence (found by a
    // fresh look), until the dial moves.
    if (dialBox !== undefined) {
      const box = event.target;
      const typed = box.getAttribute('aria-invalid') === 'true' ? box.value.trim() : '';
      const problem = typed && (box.getRootNode().getElementById?.(`${box.id}-note`)?.textContent ?? '');
      const range = this.editor.querySelector(`[data-dial-range="${dialBox}"]`);
      if (range) delete range.dataset.drawn;
      this.refresh(this.source().result);
      if (!typed) return;
      // Said in the status line too, which a screen reader hears (found by a
      // fresh look: only the payouts were heard, as if it had been taken).
      const words = this.source().format.t('“{typed}” was not used; the dial stays where it was. {problem}', { typed, problem }).trim();
      note(box, words);
      this.source().say(words, 'error');
    }
  }

  /**
   * Puts each dial where its team stands (the core's facts of the plan,
   * valid or not), except the control in use; says why an end cannot be
   * reached when the plan calculates (`result`). While it does not, the
   * dials rest: the core moves the weights of a plan it can read.
   */
  refresh(result) {
    const { core, plan, facts, format, locked } = this.source();
    // The ends are asked again only when some team's weights changed (or
    // the locale, which the core's reasons are written in): not for every
    // keystroke in a target or a result.
    const key = JSON.stringify([format.tag, plan.goals.map((g) => g.name), plan.teams.map((team) => [team.id, team.name, team.weights])]);
    if (this.#ends.key !== key) this.#ends = { key, teams: [] };
    plan.teams.forEach((team, i) => {
      const range = this.editor.querySelector(`[data-dial-range="${i}"]`);
      const box = this.editor.querySelector(`[data-dial-box="${i}"]`);
      if (!range || !box) return;
      // While a weight of the team cannot be read, or another's on a goal it
      // weights (so that whether that goal is shared is not known), where its
      // dial stands is not known.
      const ownRead = facts?.teams[i]?.weightsRead !== false;
      const known = ownRead && facts?.teams[i]?.sharedKnown !== false;
      const share = facts?.teams[i]?.sharedShare ?? '0';
      // Nothing moved for this dial: nothing to write (and lay out again).
      // The words too: German ones arrive after the locale changed (found by a fresh look).
      const drawn = `${key} ${known} ${share} ${format.t('{share} on shared goals')} ${Boolean(result)} ${locked} ${Boolean(core)}`;
      const dialing = this.#dialing?.team === i;
      if (range.dataset.drawn === drawn && !dialing) return;
      range.dataset.drawn = drawn;
      const text = known ? this.#percent(share) : '';
      range.setAttribute('aria-valuetext', known ? format.t('{share} on shared goals', { share: format.pct(share) }) : format.t('not known: a weight cannot be read'));
      range.classList.toggle('unknown', !known);
      // The control in use keeps what is being typed or dragged; the other follows.
      const active = box.getRootNode().activeElement;
      // A box not in use shows where its team stands: what it said of an
      // entry no longer holds, but how the entry that put it there was read.
      if (box !== active) {
        box.value = text;
        const noted = this.#noted.get(team.id);
        this.#mark(box, '');
        if (noted && known && compare(noted.share, share) === 0) note(box, noted.words);
      }
      if (range !== active || !dialing) range.value = thumb(share);
      // The dial moves by the whole core's `dial`, loaded after the first result.
      range.disabled = box.disabled = locked || !result || !core;
      const why = this.editor.querySelector(`[data-dial-why="${i}"]`);
      if (!known) {
        if (why) {
          why.textContent = ownRead
            ? format.t('Where this dial stands is known once every weight on the goals {team} weights can be read.', { team: nameOr(team.name, teamCalled(format, i)) })
            : format.t('Where this dial stands is known once each weight of {team} can be read.', { team: nameOr(team.name, teamCalled(format, i)) });
        }
        return;
      }
      // A locked dial does not move: no advice on moving it (found by a fresh look: "give it a weight on one first").
      if (!result || !core || locked) {
        if (why) why.textContent = '';
        return;
      }
      // Why an end cannot be reached, asked of the core with the weights as
      // the plan lists them (a goal listed at 0 % can be dialled onto).
      const closed = (end) => {
        try {
          core.dial(withoutForecast(plan), { team: team.id, share: end, from: plan.teams[i]?.weights ?? {} });
          return null;
        } catch (error) {
          return (error.errors ?? [error])[0].message;
        }
      };
      this.#ends.teams[i] ??= [closed('1'), closed('0')];
      // Weights that do not add up to 100 %: the dial's share of them is not
      // the share of the target incentive the results card says rides on
      // shared goals; both are said here (found by a fresh look: 54.55 beside 60 %).
      const sums = facts?.teams[i]?.weightsOff && result.teams[i] ? format.t('Its weights add up to {sum}: the {share} of them on shared goals is {stake} of its target incentive.', { sum: format.pct(facts.teams[i].weightSum), share: format.pct(share), stake: format.pct(result.teams[i].sharedStake) }) : null;
      if (why) why.textContent = [sums, ...this.#ends.teams[i]].filter(Boolean).join(' ');
    });
  }

  /** Says `problem` under a dial's box and marks it invalid, or clears both. */
  #mark(box, problem) {
    note(box, problem);
    box.setAttribute('aria-invalid', problem ? 'true' : 'false');
  }

  /**
   * The weights team `i` had when the entry in its box began, back in the
   * plan and its matrix; the dial's next move keeps the proportions this
   * one kept (found by a fresh look: typing 150 after 1 lost 3:5 for
   * 38:62, the proportions of the weights at 1 %, rounded).
   */
  #restore(i) {
    if (this.#dialing?.team !== i) return;
    const { start, from } = this.#dialing;
    this.#made.set(this.source().plan.teams[i].id, { weights: start, from });
    this.apply(i, start);
  }

  /**
   * Moves team `i`'s dial to `share` (decimal text, 0 to 1). A share
   * `typed` into the box that the core refuses leaves the plan as it was
   * when the entry began, not at its last keystroke.
   */
  turn(i, share, { typed = false } = {}) {
    const { core, plan, result } = this.source();
    const team = plan.teams[i];
    if (this.#dialing?.team !== i) {
      const made = this.#made.get(team.id);
      const same = made && weightsKey(made.weights) === weightsKey(team.weights);
      const start = { ...(team.weights ?? {}) };
      this.#dialing = { team: i, start, from: same ? made.from : start, typed };
    }
    let weights;
    try {
      ({ weights } = core.dial(withoutForecast(plan), { team: team.id, share, from: this.#dialing.from }));
    } catch (error) {
      // Refused. A share typed in the box that cannot be: said by the box,
      // and the plan as it was when the entry began. An end the slider
      // cannot reach: said under the dial, as always (`refresh`).
      if (typed) {
        // Said once: the reason an end cannot be reached is already under the dial.
        const why = this.editor.querySelector(`[data-dial-why="${i}"]`)?.textContent ?? '';
        const message = (error.errors ?? [error])[0].message;
        this.#mark(this.editor.querySelector(`[data-dial-box="${i}"]`), why.includes(message) ? this.source().format.t('This share cannot be reached: see why under the dial.') : message);
        this.#restore(i);
      }
      // The dial goes back to where the team stands, the slider in use too.
      if (result) this.refresh(result);
      const range = this.editor.querySelector(`[data-dial-range="${i}"]`);
      if (range) range.value = thumb(this.source().facts?.teams[i]?.sharedShare ?? '0');
      return;
    }
    this.#made.set(team.id, { weights, from: this.#dialing.from });
    this.apply(i, weights);
    // The thumb where the team now stands: a move the plan did not take (no
    // weight to move, the weights as they were) does not leave it where the
    // key or the pointer put it.
    const range = this.editor.querySelector(`[data-dial-range="${i}"]`);
    if (range) range.value = thumb(this.source().facts?.teams[i]?.sharedShare ?? '0');
  }
}
