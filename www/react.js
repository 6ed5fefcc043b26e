// `import 'tandem-calculator/react'`: the element, defined, with its JSX
// types (react.d.ts) for React 19 hosts.
import './tandem.js';
