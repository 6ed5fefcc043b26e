// Types for <tandem-calculator> (tandem.js). The plan and result types are
// the core's, from pkg/tandem.d.ts (the Wasm module's own declarations).
import type { Plan, PlanError, Result } from './pkg/tandem.js';

export type { Plan, PlanError, Result } from './pkg/tandem.js';

/** A scenario file, as "Export plan" writes it when there are several scenarios. */
export interface ScenarioFile {
  tandemScenarios: 1;
  active: number;
  scenarios: { name: string; plan: Plan }[];
}

/** What `locked` can name: fields viewers cannot change. */
export type Lockable = 'plan' | 'goals' | 'targets' | 'actuals' | 'curves' | 'teams' | 'incentives' | 'weights';

/** What a framework may pass to the element (its attributes, and `plan` as the property): the props of tandem-calculator/react and tandem-calculator/vue. */
export interface TandemCalculatorOptions {
  /** A plan or scenario file object (set as the property), or the URL of one. */
  plan?: Plan | ScenarioFile | string;
  /** Space-separated {@link Lockable} words. */
  locked?: string;
  compact?: boolean;
  hash?: boolean;
  /** Class mode: the results hidden until the reader has worked out each payout. */
  exercise?: boolean;
  /** A BCP 47 tag: how numbers are written and read. */
  locale?: string;
  /** The URL of the folder holding the package's files, where a server or bundler moved them. */
  assets?: string;
}

/** `detail` of `tandem-error`: the plan's problems, each at its JSON path. */
export interface TandemErrorDetail {
  errors: PlanError[];
}

/** `detail` of `tandem-locale`: the locale the element's words and numbers are drawn in, and the words' language. */
export interface TandemLocaleDetail {
  locale: string;
  language: 'de' | 'en';
}

/**
 * The whole calculator as one element. Attributes: `plan` (URL of a plan or
 * scenario file), `locked` (space-separated {@link Lockable} words),
 * `compact`, `hash`, `locale` (a BCP 47 tag), `exercise` (class mode); all may change at any time; and
 * `assets` (where the package's files are served), read when it starts.
 * Set by the element: `ready`, `linking`.
 */
export declare class TandemCalculator extends HTMLElement {
  static readonly observedAttributes: readonly ['plan', 'locked', 'compact', 'hash', 'locale', 'exercise'];
  /** A copy of the plan being edited (the active scenario's), or null before it is known. Setting it validates and recalculates; an invalid plan fires `tandem-error` and changes nothing. */
  get plan(): Plan | null;
  /** A plan, a scenario file's object, or the URL of either (fetched). */
  set plan(value: Plan | ScenarioFile | string);
  /** The latest Result, or null before the first calculation. */
  readonly result: Result | null;
  addEventListener<K extends keyof TandemCalculatorEventMap>(type: K, listener: (this: TandemCalculator, event: TandemCalculatorEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TandemCalculatorEventMap>(type: K, listener: (this: TandemCalculator, event: TandemCalculatorEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface TandemCalculatorEventMap extends HTMLElementEventMap {
  /** After every recalculation; `detail` is the Result. Bubbles and crosses shadow roots. */
  'tandem-change': CustomEvent<Result>;
  /** When the plan is invalid (an edit, or a plan the page set). Bubbles and crosses shadow roots. */
  'tandem-error': CustomEvent<TandemErrorDetail>;
  /** When its words and numbers are drawn in a locale: at start and after every change. Bubbles and crosses shadow roots. */
  'tandem-locale': CustomEvent<TandemLocaleDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-calculator': TandemCalculator;
  }
  interface HTMLElementEventMap {
    'tandem-change': CustomEvent<Result>;
    'tandem-error': CustomEvent<TandemErrorDetail>;
    'tandem-locale': CustomEvent<TandemLocaleDetail>;
  }
  interface DocumentEventMap {
    /** On `document`, just before an element's Print prints; `detail` is that element: the other elements print nothing that time. */
    'tandem-print': CustomEvent<TandemCalculator>;
  }
}
