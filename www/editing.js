// The element's editing parts, which its first result does not need: the
// editor, what each control does (dispatch.js) with pasting, the dials, the
// solve form, the shared-fate chart (its place is the first result's:
// chartframe.js), the scenarios side by side and class mode. Loaded with the page's module, which edits: after the
// first result where the first result's module drew it (tandem.js). In
// dist/ a file of its own.
export { NUMBERS, renderEditor } from './editor.js';
export { listen } from './dispatch.js';
export { Dials } from './dials.js';
export { Solver } from './solver.js';
export { renderChart } from './chart.js';
export { renderComparison } from './comparison.js';
export { Exercise } from './exercise.js';
