// The German words (words.js), one table per part of the element: the
// English text as the source writes it, and how a German payroll analyst
// reads it. Loaded only where the element's locale is German.
import frame from './german/frame.js';
import editing from './german/editing.js';
import cost from './german/cost.js';
import results from './german/results.js';

export const GERMAN = { ...frame, ...editing, ...cost, ...results };
