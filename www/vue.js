// `import 'tandem-calculator/vue'`: the element, defined, with its template
// types (vue.d.ts) for Vue 3 hosts.
import './tandem.js';
