// "What must a goal reach?": a team, a goal and a payout (the team's target
// incentive at first); the core's `solve` answers in a sentence. The store
// keeps the question (`store.question`) when the plan changes; `tandem.js` draws it with the
// editor (lit-html) and asks for an answer once typing in the plan pauses (with a
// falling curve, solve tries every grid point: too slow for each keystroke).
// Typing in the form's own fields answers at once.
import { compare } from './decimal.js';
import { draw, html, nothing, typed } from './draw.js';
import { moneyIn } from './entries.js';
import { readNumber } from './locale.js';
import { stepWords } from './results.js';
import { goalCalled, nameOr, teamCalled } from './editor.js';
import { withoutForecast } from './store.js';

export class Solver {
  /**
   * The last answer: its words, written when drawn (so in the locale and
   * with the names drawn then), and the result it found (`data-value`).
   */
  /** The answer in words, its value, and whether it says the payout typed cannot be asked (`wrong`). */
  #answer = { words: () => '', value: '', wrong: false };

  /**
   * What the last answer was asked of: the plan (a new object after each
   * edit), the question, whether there was a result, the core and the
   * locale (the core's own messages are in its words).
   */
  #asked = [];

  /**
   * `section` is where the form goes; `source()` gives `{ core, plan,
   * facts, result, format, question, ask }`: the module, the plan being
   * edited and the core's facts of it, its last result (null before the
   * first), how the element writes (format.js), and the store's question
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
   * choices that still exist, with the last answer (`answer`).
   */
  draw() {
    const { plan, format, question, ask } = this.source();
    const { t } = format;
    // A team or goal asked that the plan no longer has: its first instead.
    if (!question.team || !plan.teams.some((t) => t.id === question.team)) ask({ team: plan.teams[0]?.id ?? null, payout: null, unread: false, note: '' });
    if (!question.goal || !plan.goals.some((g) => g.id === question.goal)) ask({ goal: plan.goals[0]?.id ?? null });
    const asked = this.source().question;
    // A payout typed stays asked of the team picked next; until one is typed, it is that team's target incentive.
    const pickTeam = (e) => {
      ask({ team: e.target.value });
      this.answer();
    };
    const pickGoal = (e) => {
      ask({ goal: e.target.value });
      this.answer();
    };
    const typedPayout = (e) => {
      const { facts } = this.source();
      const read = readNumber(e.target.value, format, moneyIn(facts));
      ask({ payout: read.error ? e.target.value.trim() : read.value, unread: Boolean(read.error), note: read.error ?? read.note ?? '' });
      this.answer();
    };
    const wrong = asked.unread || this.#answer.wrong;
    const noted = [asked.note && 'solve-payout-note', this.#answer.wrong && 'solve-answer'].filter(Boolean).join(' ') || nothing;
    draw(
      html`<h3 id="solver-heading">${t('What must a goal reach?')}</h3><div class="fields"><div class="field"><label for="solve-team">${t('Team')}</label><select id="solve-team" @change=${pickTeam}>${plan.teams.map((team, i) => html`<option value=${team.id} .selected=${team.id === asked.team}>${nameOr(team.name, teamCalled(format, i))}</option>`)}</select></div><div class="field"><label for="solve-goal">${t('Goal')}</label><select id="solve-goal" @change=${pickGoal}>${plan.goals.map((g, i) => html`<option value=${g.id} .selected=${g.id === asked.goal}>${nameOr(g.name, goalCalled(format, i))}</option>`)}</select></div><div class="field"><label for="solve-payout">${t('To be paid at least')}</label><input id="solve-payout" type="text" inputmode="decimal" autocomplete="off" ${typed(format.amount(this.#payout(plan), this.source().facts?.decimals))} aria-describedby=${noted} aria-invalid=${wrong ? 'true' : nothing} @input=${typedPayout}>${asked.note ? html`<p class="field-note" id="solve-payout-note" data-note-for="">${asked.note}</p>` : nothing}</div></div><p id="solve-answer" class="answer" data-field="solve-answer" data-value=${this.#answer.value}>${this.#answer.words(this.#names(plan, format), format)}</p>`,
      this.section,
    );
  }

  /** The names of the team and goal asked, as the plan has them now. */
  #names(plan, format) {
    const { question } = this.source();
    const i = plan.teams.findIndex((t) => t.id === question.team);
    const j = plan.goals.findIndex((g) => g.id === question.goal);
    return { team: nameOr(plan.teams[i]?.name, teamCalled(format, i)), goal: nameOr(plan.goals[j]?.name, goalCalled(format, j)) };
  }

  /** Answers for the current plan and choices; nothing to do when they are as last answered. */
  answer() {
    const { core, plan, facts, result, format, question: asked } = this.source();
    const key = [plan, asked, Boolean(result), core, format.tag];
    if (key.every((part, i) => part === this.#asked[i])) return;
    this.#asked = key;
    const say = (words, value = '', wrong = false) => {
      this.#answer = { words, value, wrong };
      this.draw();
    };
    const team = result?.teams.find((t) => t.id === asked.team);
    const goal = result?.goals.find((g) => g.id === asked.goal);
    // While the plan has errors there is no answer, and the form says why
    // (found by a fresh look: it went blank). The whole core, which solves,
    // loads after the first result.
    if (!result && core && !asked.unread) {
      say((names, { t }) => t('Fix the plan’s errors first: the answer needs a plan that calculates.'));
      return;
    }
    // No answer of another plan's stays.
    if (!team || !goal || !core || asked.unread) {
      say(() => '');
      return;
    }
    // A question with no answer says so (the core's facts: what the team's pay depends on).
    const i = plan.teams.findIndex((t) => t.id === team.id);
    if (facts?.teams[i] && !facts.teams[i].dependsOn.includes(goal.id)) {
      say((names, { t }) => t('The pay of {team} does not depend on {goal}: it puts no weight, gate or modifier on it.', names));
      return;
    }
    let solution;
    try {
      solution = core.solve(withoutForecast(plan), { team: asked.team, goal: asked.goal, payout: this.#payout(plan) });
    } catch (error) {
      const message = (error.errors ?? [error]).map((e) => e.message).join(' ');
      // A payout the core refuses (“cannot be negative”) marks its field, as one it cannot read does (found by a fresh look).
      say(() => message, '', (error.errors ?? []).some((e) => e.path === 'payout'));
      return;
    }
    if (solution.reachable === false) {
      // Where the team is paid more past the attainments solve looks at, the
      // most is said of those (the core's `upTo`; found by a fresh look: "the
      // most it can earn is $333,000.00" of a team paid $783,000.00 at 2,500 %).
      say((names, { t, money, pct }) =>
        solution.upTo
          ? t('{team} cannot be paid that on {goal} alone up to {top} of its target: the most it can earn there is {most}.', { ...names, top: pct(solution.upTo), most: money(solution.maxPayout, result) })
          : t('{team} cannot be paid that on {goal} alone: the most it can earn is {most}.', { ...names, most: money(solution.maxPayout, result) }),
      );
      return;
    }
    // At the least attainment there is, nothing is asked of the goal; a
    // goal where lower is better is met by its answer or anything below it.
    const nothingAsked = compare(solution.attainment, '0') === 0;
    const lower = plan.goals.find((g) => g.id === asked.goal)?.direction === 'lowerIsBetter';
    const payout = this.#payout(plan);
    say((names, f) => {
      const { t, money, num, pct } = f;
      const said = { ...names, actual: num(solution.actual), attainment: pct(solution.attainment), payout: money(solution.payout, result) };
      if (nothingAsked) return t('{team} is paid {payout} even with {goal} at {actual} ({attainment}): it needs nothing from it.', said);
      const needs = lower ? t('{team} needs {goal} of at most {actual} ({attainment}), and is paid {payout} there.', said) : t('{team} needs {goal} of {actual} ({attainment}), and is paid {payout} there.', said);
      return needs + stepWords(f, solution, payout, result, team);
    }, solution.actual);
  }
}
