// "What must a goal reach?": a team, a goal and a payout (the team's target
// incentive at first); the core's `solve` answers in a sentence. The form
// keeps its choices when the plan changes; `tandem.js` draws it with the
// editor and asks for an answer once typing in the plan pauses (with a
// falling curve, solve tries every grid point: too slow for each keystroke).
// Typing in the form's own fields answers at once.
import { h, note } from './dom.js';
import { moneyIn } from './entries.js';
import { readNumber } from './locale.js';
import { money, num, pct, useLocale } from './results.js';
import { withoutForecast } from './store.js';

export class Solver {
  /**
   * The asked team and goal (ids) and payout: null while the person has not
   * typed one, which asks for the team's target incentive as the plan has
   * it now; else the plain decimal, or the text as typed when it cannot be
   * read.
   */
  #asked = { team: null, goal: null, payout: null };

  /**
   * `section` is where the form goes; `source()` gives `{ core, plan,
   * facts, result, numbers }`: the module, the plan being edited and the
   * core's facts of it, its last result (null before the first) and how
   * numbers are written (locale.js).
   */
  constructor(section, source) {
    this.section = section;
    this.source = source;
  }

  /** A team's id changed (a new team's id follows its name): the form follows it. */
  renamed(before, after) {
    if (this.#asked.team === before) this.#asked.team = after;
  }

  /** The payout asked: the one typed, else the team's target incentive now. */
  #payout(plan) {
    return this.#asked.payout ?? plan.teams.find((t) => t.id === this.#asked.team)?.targetIncentive ?? '0';
  }

  /**
   * Draws the form for the plan as it is now (its teams' and goals' names,
   * the payout the team's target incentive until one is typed), keeping the
   * choices that still exist. The answer follows (`answer`).
   */
  draw() {
    const { plan, numbers } = this.source();
    const asked = this.#asked;
    if (!asked.team || !plan.teams.some((t) => t.id === asked.team)) {
      asked.team = plan.teams[0]?.id ?? null;
      asked.payout = null;
    }
    if (!asked.goal || !plan.goals.some((g) => g.id === asked.goal)) asked.goal = plan.goals[0]?.id ?? null;
    const focused = this.section.getRootNode().activeElement;
    const typing = focused?.id === 'solve-payout' && this.section.contains(focused);
    const field = (label, control) => h('div', { class: 'field' }, h('label', { for: control.id, text: label }), control);
    const teamSelect = h(
      'select',
      {
        id: 'solve-team',
        on: {
          change: (e) => {
            asked.team = e.target.value;
            asked.payout = null;
            this.draw();
            this.answer();
          },
        },
      },
      plan.teams.map((t, i) => h('option', { value: t.id, text: t.name || `Team ${i + 1}`, selected: t.id === asked.team })),
    );
    const goalSelect = h(
      'select',
      { id: 'solve-goal', on: { change: (e) => { asked.goal = e.target.value; this.answer(); } } },
      plan.goals.map((g, i) => h('option', { value: g.id, text: g.name || `Goal ${i + 1}`, selected: g.id === asked.goal })),
    );
    const payoutInput = h('input', {
      id: 'solve-payout',
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      value: typing ? focused.value : numbers.format(this.#payout(plan)),
      on: {
        input: (e) => {
          const { facts, numbers: n } = this.source();
          const read = readNumber(e.target.value, n, moneyIn(facts));
          asked.payout = read.error ? e.target.value.trim() : read.value;
          note(e.target, read.error ?? read.note);
          this.answer();
        },
      },
    });
    const answer = this.section.querySelector('#solve-answer') ?? h('p', { id: 'solve-answer', class: 'answer', 'data-field': 'solve-answer' });
    // The field being typed in stays as it is, focus and all.
    const payoutField = typing ? focused.closest('.field') : field('To be paid at least', payoutInput);
    this.section.replaceChildren(
      h('h3', { id: 'solver-heading', text: 'What must a goal reach?' }),
      h('div', { class: 'fields' }, field('Team', teamSelect), field('Goal', goalSelect), payoutField),
      answer,
    );
  }

  /** Answers for the current plan and choices. */
  answer() {
    const { core, plan, facts, result, numbers } = this.source();
    // Answered on a timer: another element may have drawn in its locale since.
    useLocale(numbers.tag);
    const asked = this.#asked;
    const answer = this.section.querySelector('#solve-answer');
    if (!answer) return;
    const say = (text, value = '') => {
      answer.textContent = text;
      answer.dataset.value = value;
    };
    const team = result?.teams.find((t) => t.id === asked.team);
    const goal = result?.goals.find((g) => g.id === asked.goal);
    // No result for this plan (yet, or while it has errors): no answer of
    // another plan's stays.
    if (!team || !goal) {
      say('');
      return;
    }
    // A question with no answer says so (the core's facts: what the team's pay depends on).
    const i = plan.teams.findIndex((t) => t.id === team.id);
    if (facts?.teams[i] && !facts.teams[i].dependsOn.includes(goal.id)) {
      say(`${team.name}’s pay does not depend on ${goal.name}: it puts no weight, gate or modifier on it.`);
      return;
    }
    let solution;
    try {
      solution = core.solve(withoutForecast(plan), { team: asked.team, goal: asked.goal, payout: this.#payout(plan) });
    } catch (error) {
      say((error.errors ?? [error]).map((e) => e.message).join(' '));
      return;
    }
    if (solution.reachable === false) {
      say(`${team.name} cannot be paid that on ${goal.name} alone: the most it can earn is ${money(solution.maxPayout, result)}.`);
    } else {
      say(`${team.name} needs ${goal.name} of ${num(solution.actual)} (${pct(solution.attainment)}), and is paid ${money(solution.payout, result)} there.`, solution.actual);
    }
  }
}
