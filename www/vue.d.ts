// <tandem-calculator> in Vue 3 templates, typed: `import 'tandem-calculator/vue'`
// (which also defines the element) adds it to Vue's GlobalComponents for
// Volar and vue-tsc. Vue must also be told not to resolve it as a component:
// `compilerOptions.isCustomElement: (tag) => tag === 'tandem-calculator'`
// (README, "From a framework").
import type { DefineComponent } from 'vue';
import type { Result, TandemCalculatorOptions, TandemErrorDetail, TandemLocaleDetail } from './tandem.js';

export type { TandemCalculator } from './tandem.js';

/** The element's props in a Vue template (`:plan` binds the property). */
export interface TandemCalculatorProps extends TandemCalculatorOptions {
  /** `@tandem-change` in a template. */
  onTandemChange?: (event: CustomEvent<Result>) => void;
  /** `@tandem-error` in a template. */
  onTandemError?: (event: CustomEvent<TandemErrorDetail>) => void;
  /** `@tandem-locale` in a template. */
  onTandemLocale?: (event: CustomEvent<TandemLocaleDetail>) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'tandem-calculator': DefineComponent<TandemCalculatorProps>;
  }
}
