// The shared-stake dials under the weights (editor.js draws them): per
// team, how much of its weight rides on shared goals. Moving one asks the
// core's `dial` for the team's new weights, keeping the proportions the
// weights had when the drag began, so that dialling to 0 % and back
// restores them; an end with no weight to move is closed, with the core's
// reason under the dial.
import { note } from './dom.js';
import { fromPercent, toPercent } from './decimal.js';
import { readNumber } from './locale.js';

export class Dials {
  /** Which ends of each dial are closed, and why, for the weights in `key`. */
  #ends = { key: null, teams: [] };
  /** The dial in use: the team and its weights when the drag began. */
  #dialing = null;
  #format = null;

  /**
   * `editor` holds the dials; `source()` gives `{ core, plan, numbers,
   * result }` (the last result, null before the first);
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
    const { tag } = this.source().numbers;
    if (this.#format?.resolvedOptions().locale !== tag) this.#format = new Intl.NumberFormat(tag, { maximumFractionDigits: 2, useGrouping: false });
    return this.#format.format(share * 100);
  }

  /** The editor's `input` event: a slider or a box moved. */
  input(event) {
    const el = event.target;
    if (el.dataset.dialRange !== undefined) this.turn(Number(el.dataset.dialRange), fromPercent(el.value));
    if (el.dataset.dialBox !== undefined) {
      const read = readNumber(el.value, this.source().numbers, { kind: 'percent' });
      const share = read.error ? '' : fromPercent(read.value);
      note(el, read.error);
      if (/^\d+(\.\d{1,4})?$/.test(share)) this.turn(Number(el.dataset.dialBox), share);
    }
  }

  /** The editor's `focusout` event: a drag ends when its dial loses focus (arrow after arrow is one drag). */
  focusout(event) {
    if (event.target.dataset.dialRange !== undefined || event.target.dataset.dialBox !== undefined) this.#dialing = null;
  }

  /** Puts each dial where its team stands in `result` (`sharedShare`), except the one in use. */
  refresh(result) {
    const { core, plan, numbers } = this.source();
    // The ends are asked again only when some team's weights changed: not
    // for every keystroke in a target or a result.
    const key = JSON.stringify([plan.goals.map((g) => g.name), plan.teams.map((t) => [t.id, t.name, t.weights])]);
    if (this.#ends.key !== key) this.#ends = { key, teams: [] };
    result.teams.forEach((team, i) => {
      const range = this.editor.querySelector(`[data-dial-range="${i}"]`);
      const box = this.editor.querySelector(`[data-dial-box="${i}"]`);
      if (!range || !box) return;
      const share = team.sharedShare ?? '0';
      // Nothing moved for this dial: nothing to write (and lay out again).
      const drawn = `${key} ${share} ${numbers.tag}`;
      const dialing = this.#dialing?.team === i;
      if (range.dataset.drawn === drawn && !dialing) return;
      range.dataset.drawn = drawn;
      const text = this.#percent(share);
      range.setAttribute('aria-valuetext', `${text} % on shared goals`);
      if (box !== box.getRootNode().activeElement) box.value = text;
      if (dialing) return;
      // Open both ends before moving the slider, so the value is not cut to
      // an end closed for the plan before.
      range.min = '0';
      range.max = '100';
      range.value = String(Math.round(Number(share) * 100));
      const closed = (end) => {
        try {
          core.dial(plan, { team: team.id, share: end });
          return null;
        } catch (error) {
          return (error.errors ?? [error])[0].message;
        }
      };
      this.#ends.teams[i] ??= [closed('1'), closed('0')];
      const [noShared, noOwn] = this.#ends.teams[i];
      const at = range.value;
      range.max = noShared ? at : '100';
      range.min = noOwn ? at : '0';
      const why = this.editor.querySelector(`[data-dial-why="${i}"]`);
      if (why) why.textContent = [noShared, noOwn].filter(Boolean).join(' ');
    });
  }

  /** Moves team `i`'s dial to `share` (decimal text, 0 to 1). */
  turn(i, share) {
    const { core, plan, numbers, result } = this.source();
    const team = plan.teams[i];
    if (this.#dialing?.team !== i) this.#dialing = { team: i, from: { ...(team.weights ?? {}) } };
    const why = this.editor.querySelector(`[data-dial-why="${i}"]`);
    let weights;
    try {
      ({ weights } = core.dial(plan, { team: team.id, share, from: this.#dialing.from }));
    } catch (error) {
      if (why) why.textContent = (error.errors ?? [error])[0].message;
      // Refused: the dial goes back to where the team stands.
      if (result) this.refresh(result);
      return;
    }
    if (why) why.textContent = '';
    this.apply(i, weights);
    // The matrix shows the new weights.
    for (const [goal, weight] of Object.entries(weights)) {
      const cell = this.editor.querySelector(`[data-path="${CSS.escape(`teams[${i}].weights.${goal}`)}"]`);
      if (cell) cell.value = numbers.format(toPercent(weight));
    }
  }
}
