// <tandem-calculator> in React 19's JSX, by module augmentation: a host
// writes `import 'tandem-calculator/react'` (which also defines the
// element) and gets the element's props and events typed, with no snippet
// to copy. React 19 sets `plan` as a property (an object or a scenario
// file) and adds a listener for `ontandem-change`, `ontandem-error` and
// `ontandem-locale`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { Lockable, Result, TandemCalculator, TandemCalculatorOptions, TandemErrorDetail, TandemLocaleDetail } from './tandem.js';

export type { TandemCalculator } from './tandem.js';

/** The element's props in JSX. */
export interface TandemCalculatorProps extends DetailedHTMLProps<HTMLAttributes<TandemCalculator>, TandemCalculator>, TandemCalculatorOptions {
  'ontandem-change'?: (event: CustomEvent<Result>) => void;
  'ontandem-error'?: (event: CustomEvent<TandemErrorDetail>) => void;
  'ontandem-locale'?: (event: CustomEvent<TandemLocaleDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'tandem-calculator': TandemCalculatorProps;
    }
  }
}

export type { Lockable };
