// "What must a goal reach?": a team, a goal and a payout (the team's target
// incentive at first); the core's `solve` answers in a sentence. The store
// keeps the question (`store.question`) when the plan changes; `tandem.js` draws it with the
// editor and asks for an answer once typing in the plan pauses (with a
// falling curve, solve tries every grid point: too slow for each keystroke).
// Typing in the form's own fields answers at once.
import { compare } from './decimal.js';
import { h, note } from './dom.js';
import { moneyIn } from './entries.js';
import { readNumber } from './locale.js';
import { money, num, pct } from './results.js';
import { t, useLocale } from './words.js';
import { goalCalled, teamCalled } from './editor.js';
import { withoutForecast } from './store.js';

export class Solver {
  /**
   * `section` is where the form goes; `source()` gives `{ core, plan,
   * facts, result, numbers, question, ask }`: the module, the plan being
   * edited and the core's facts of it, its last result (null before the
   * first), how numbers are written (locale.js), and the store's question
   * (the team, goal and payout asked; `store.question`) with the action
   * that changes it (`ask(change)`).
   */
  constructor(section, source) {
    this.section = section;
    this.source = source;
  }

  /** The payout asked: the one typed, else the team's target incentive now. */
  #payout(plan) {
    const { question } = this.source();
    return question.payout ?? plan.teams.find((t) => t.id === question.team)?.targetIncentive ?? '0';
  }

  /**
   * Draws the form for the plan as it is now (its teams' and goals' names,
   * the payout the team's target incentive until one is typed), keeping the
   * choices that still exist. The answer follows (`answer`).
   */
  draw() {
    const { plan, numbers, question, ask } = this.source();
    // A team or goal asked that the plan no longer has: its first instead.
    if (!question.team || !plan.teams.some((t) => t.id === question.team)) ask({ team: plan.teams[0]?.id ?? null, payout: null, unread: false });
    if (!question.goal || !plan.goals.some((g) => g.id === question.goal)) ask({ goal: plan.goals[0]?.id ?? null });
    const asked = this.source().question;
    const focused = this.section.getRootNode().activeElement;
    const typing = focused?.id === 'solve-payout' && this.section.contains(focused);
    const field = (label, control) => h('div', { class: 'field' }, h('label', { for: control.id, text: label }), control);
    const teamSelect = h(
      'select',
      {
        id: 'solve-team',
        on: {
          change: (e) => {
            ask({ team: e.target.value, payout: null, unread: false });
            this.draw();
            this.answer();
          },
        },
      },
      plan.teams.map((team, i) => h('option', { value: team.id, text: team.name || teamCalled(i), selected: team.id === asked.team })),
    );
    const goalSelect = h(
      'select',
      { id: 'solve-goal', on: { change: (e) => { ask({ goal: e.target.value }); this.answer(); } } },
      plan.goals.map((g, i) => h('option', { value: g.id, text: g.name || goalCalled(i), selected: g.id === asked.goal })),
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
          ask({ payout: read.error ? e.target.value.trim() : read.value, unread: Boolean(read.error) });
          note(e.target, read.error ?? read.note);
          this.answer();
        },
      },
    });
    const answer = this.section.querySelector('#solve-answer') ?? h('p', { id: 'solve-answer', class: 'answer', 'data-field': 'solve-answer' });
    // The field being typed in stays as it is, focus and all.
    const payoutField = typing ? focused.closest('.field') : field(t('To be paid at least'), payoutInput);
    this.section.replaceChildren(
      h('h3', { id: 'solver-heading', text: t('What must a goal reach?') }),
      h('div', { class: 'fields' }, field(t('Team'), teamSelect), field(t('Goal'), goalSelect), payoutField),
      answer,
    );
  }

  /** Answers for the current plan and choices. */
  answer() {
    const { core, plan, facts, result, numbers, question: asked } = this.source();
    // Answered on a timer: another element may have drawn in its locale since.
    useLocale(numbers.tag);
    const answer = this.section.querySelector('#solve-answer');
    if (!answer) return;
    const say = (text, value = '') => {
      answer.textContent = text;
      answer.dataset.value = value;
    };
    const team = result?.teams.find((t) => t.id === asked.team);
    const goal = result?.goals.find((g) => g.id === asked.goal);
    // No result for this plan (yet, or while it has errors): no answer of
    // another plan's stays. The whole core, which solves, loads after the
    // first result.
    if (!team || !goal || !core || asked.unread) {
      say('');
      return;
    }
    // A question with no answer says so (the core's facts: what the team's pay depends on).
    const i = plan.teams.findIndex((t) => t.id === team.id);
    if (facts?.teams[i] && !facts.teams[i].dependsOn.includes(goal.id)) {
      say(t('{team}’s pay does not depend on {goal}: it puts no weight, gate or modifier on it.', { team: team.name, goal: goal.name }));
      return;
    }
    let solution;
    try {
      solution = core.solve(withoutForecast(plan), { team: asked.team, goal: asked.goal, payout: this.#payout(plan) });
    } catch (error) {
      say((error.errors ?? [error]).map((e) => e.message).join(' '));
      return;
    }
    const names = { team: team.name, goal: goal.name };
    if (solution.reachable === false) {
      say(t('{team} cannot be paid that on {goal} alone: the most it can earn is {most}.', { ...names, most: money(solution.maxPayout, result) }));
    } else {
      const said = { ...names, actual: num(solution.actual), attainment: pct(solution.attainment), payout: money(solution.payout, result) };
      // At the least attainment there is, nothing is asked of the goal.
      const text = compare(solution.attainment, '0') === 0
        ? t('{team} is paid {payout} even with {goal} at {actual} ({attainment}): it needs nothing from it.', said)
        : t('{team} needs {goal} of {actual} ({attainment}), and is paid {payout} there.', said);
      say(text, solution.actual);
    }
  }
}
