// Class mode: the plan as an exercise. The results are hidden; the reader
// types each team's payout as worked by hand, and "Check" says, team by
// team, whether it is right to the cent; the answers and the math show once
// every payout is right, or when the reader asks for them. A teacher makes
// the link from the page ("Make an exercise": `&exercise=1`); a host page
// sets the `exercise` attribute. Nothing of the results is shown, spoken or
// printed before that.
import { h } from './dom.js';
import { moneyIn } from './entries.js';
import { readNumber } from './locale.js';
import { words } from './words.js';

/** Whether two plain decimals are the same number ("87000" and "87000.00"). */
export function sameAmount(a, b) {
  const parts = (v) => {
    const negative = v.startsWith('-');
    const [whole, fraction = ''] = v.replace(/^-/, '').split('.');
    return { negative, whole: whole.replace(/^0+(?=\d)/, ''), fraction: fraction.replace(/0+$/, '') };
  };
  const x = parts(a);
  const y = parts(b);
  const zero = (p) => /^0*$/.test(p.whole) && p.fraction === '';
  if (zero(x) && zero(y)) return true;
  return x.negative === y.negative && x.whole === y.whole && x.fraction === y.fraction;
}

export class Exercise {
  /** What the reader typed, by team id. */
  #typed = new Map();
  /**
   * The last check: by team id, `{ right, text, format }` (the answer typed
   * and the format it was read in), for the answers not typed into
   * since; null before a check.
   */
  #checked = null;
  /** The answers and the math are shown. */
  revealed = false;

  /**
   * `section` holds the form; `frame` is marked `exercise` (and `revealed`);
   * `source()` gives `{ plan, facts, result, format, print }`: the plan,
   * the core's facts of it, its Result (null while it is invalid), how the
   * element writes and reads (format.js), and what prints its handout.
   */
  constructor(section, frame, source) {
    this.section = section;
    this.frame = frame;
    this.source = source;
    // Above the editor, where a phone opens: the exercise waits under the results.
    this.banner = h('p', { class: 'exercise-banner', hidden: true, ...words('An exercise: the results are hidden. Work out each team’s payout from the plan below, then type it under Results (Alt+R) and check it.') });
    frame.querySelector('.toolbar')?.after(this.banner);
  }

  /** A new plan: nothing typed, checked or shown. */
  reset() {
    this.#typed.clear();
    this.#checked = null;
    this.revealed = false;
  }

  /** Draws the form for the plan as it is, or nothing when `on` is false. */
  draw(on) {
    this.frame.classList.toggle('exercise', on);
    this.frame.classList.toggle('revealed', on && this.revealed);
    this.section.hidden = !on;
    this.banner.hidden = !on || this.revealed;
    if (!on) {
      this.section.replaceChildren();
      return;
    }
    const { plan, facts, result, format } = this.source();
    const { t } = format;
    const focused = this.section.getRootNode().activeElement;
    const keep = focused && this.section.contains(focused) ? focused.id : null;
    const rows = plan.teams.map((team) => {
      const id = `exercise-${team.id}`;
      const checked = this.#checked?.get(team.id);
      const verdict = checked?.right;
      return h(
        'div',
        { class: 'field' },
        h('label', { for: id, text: t('Payout of {team} ({currency})', { team: team.name || team.id, currency: facts.currency }) }),
        h('input', {
          id,
          type: 'text',
          inputmode: 'decimal',
          autocomplete: 'off',
          value: this.#typed.get(team.id) ?? '',
          'data-exercise-team': team.id,
          'aria-invalid': verdict === false ? 'true' : null,
          'aria-describedby': verdict === undefined ? null : `${id}-verdict`,
          on: { input: (e) => this.#retyped(team.id, e.target) },
        }),
        verdict === undefined ? null : h('p', { id: `${id}-verdict`, class: verdict ? 'verdict right' : 'verdict wrong', 'data-verdict': verdict ? 'right' : 'wrong', text: this.#verdictText(team, checked, result) }),
      );
    });
    this.section.replaceChildren(
      h('h3', { text: t('Exercise: work out each team’s payout') }),
      h('p', { class: 'note', text: result ? t('Use the plan’s goals, targets, results, weights and curves. Type each payout to the cent, the way you would write it, then check.') : t('This plan has errors to fix before it can be an exercise.') }),
      h(
        'form',
        {
          class: 'exercise-form',
          on: {
            submit: (e) => {
              e.preventDefault();
              this.check();
            },
          },
        },
        ...rows,
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', class: 'button primary', text: t('Check my answers'), disabled: !result }),
          h('button', { type: 'button', id: 'exercise-reveal', class: 'button', text: this.revealed ? t('Hide the answers') : t('Show the answers'), disabled: !result, 'data-action': 'reveal', on: { click: () => this.reveal(!this.revealed) } }),
          // The handout: the plan's inputs and what to do, no answers (found by a fresh look: only the browser's own print made it).
          h('button', { type: 'button', id: 'exercise-print', class: 'button', text: t('Print handout'), disabled: !result, on: { click: () => this.source().print() } }),
        ),
      ),
      h('p', { id: 'exercise-summary', class: 'exercise-summary', role: 'status', tabindex: -1, text: this.#summary(plan) }),
    );
    if (keep) this.section.querySelector(`#${CSS.escape(keep)}`)?.focus();
  }

  /**
   * What the last check found, in a sentence or two: how many payouts are
   * right and how many could not be read; once an answer is typed into
   * again, the check no longer covers every answer and says nothing.
   */
  #summary(plan) {
    const { t, tn } = this.source().format;
    const verdicts = [...(this.#checked?.values() ?? [])];
    const all = plan.teams.length;
    const whole = this.#checked !== null && verdicts.length === all;
    const right = verdicts.filter((v) => v.right).length;
    const allRight = all === 1 ? t('The payout is right to the cent.') : all === 2 ? t('Both payouts are right to the cent.') : t('All {n} payouts are right to the cent.', { n: all });
    const unread = verdicts.filter((v) => this.#read(v.text, v.format).error).length;
    const notRead = unread ? ` ${tn(unread, 'One answer could not be read: see its field.', '{n} answers could not be read: see their fields.')}` : '';
    const counted = !whole ? '' : right === all ? allRight : `${t('{right} of {all} payouts right.', { right, all })}${notRead}`;
    // "Try again" only after a check that was not all right.
    const next = this.revealed ? t('The answers and the math are below.') : !whole || right === all ? '' : t('Check your work and try again, or show the answers.');
    return [counted, next].filter(Boolean).join(' ');
  }

  /**
   * An answer typed into: kept, and its verdict (of the answer as it was
   * checked) goes, with the check's count, as they no longer describe it.
   */
  #retyped(team, input) {
    this.#typed.set(team, input.value);
    if (!this.#checked?.delete(team)) return;
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    this.section.querySelector(`#${CSS.escape(input.id)}-verdict`)?.remove();
    const summary = this.section.querySelector('#exercise-summary');
    if (summary) summary.textContent = this.#summary(this.source().plan);
  }

  /**
   * "Right: $87,000.00." or why not: unread, unanswered, or not the payout
   * (without giving it away); in the words of now, the answer read as it
   * was when checked.
   */
  #verdictText(team, { right, text, format: as }, result) {
    const { t, money } = this.source().format;
    const read = this.#read(text, as);
    if (right) return t('Right: {amount}.', { amount: money(read.value, result) });
    if (read.error) return read.error;
    if (read.value === '') return t('Not answered yet.');
    return t('Not right: {amount} is not the payout of {team}.', { amount: money(read.value, result), team: team.name || team.id });
  }

  /** An answer read the way the format `as` reads numbers (the one it was checked in), said in the words of now. */
  #read(text, as) {
    const { facts, format } = this.source();
    const reading = { ...as, t: format.t, tn: format.tn, language: format.language };
    // The plan is the question: its currency is not the student's to change.
    return readNumber(text, reading, { ...moneyIn(facts), fixedCurrency: true });
  }

  /** Checks every typed payout against the core's, to the cent; all right shows the answers. */
  check() {
    const { plan, result, format } = this.source();
    if (!result) return;
    this.#checked = new Map(
      plan.teams.map((team) => {
        const text = this.#typed.get(team.id) ?? '';
        const read = this.#read(text, format);
        const payout = result.teams.find((x) => x.id === team.id)?.payout;
        return [team.id, { right: !read.error && read.value !== '' && payout !== undefined && sameAmount(read.value, payout), text, format }];
      }),
    );
    if ([...this.#checked.values()].every((v) => v.right)) this.reveal(true);
    else this.draw(true);
    this.section.querySelector('#exercise-summary')?.focus();
  }

  /** Shows (or hides again) the answers and the math; the focus stays on the button that does it. */
  reveal(on) {
    const focused = this.section.getRootNode().activeElement?.dataset?.action === 'reveal';
    this.revealed = on;
    this.draw(true);
    if (on) for (const details of this.frame.querySelectorAll('#results details.math')) details.open = true;
    if (focused) this.section.querySelector('[data-action="reveal"]')?.focus();
  }
}
