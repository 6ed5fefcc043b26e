// A value as the tape src/tape.rs writes (its comment gives the format),
// written here in JavaScript so that `npm run bench` can time the page's
// reader of it (src/tape.js) against JSON.parse of the same value's JSON
// text. The wasm test "a value arrives as JSON.parse would read its JSON
// text" checks the module's own tapes.
import { keyChar } from '../src/tape.js';

/**
 * The tape of `value` (plain JSON data). `keys` (key → number) is the table
 * the reader already knows: keys new to it are written first, as the
 * module writes them, and added to it.
 */
export function tape(value, keys) {
  const fresh = [];
  const leaves = [];
  let shape = '';
  const write = (v) => {
    if (v === null) shape += 'n';
    else if (v === true) shape += 't';
    else if (v === false) shape += 'f';
    else if (typeof v === 'string') {
      shape += 's';
      leaves.push(v);
    } else if (typeof v === 'number') {
      shape += 'd';
      leaves.push(String(v));
    } else if (Array.isArray(v)) {
      shape += '[';
      v.forEach(write);
      shape += ']';
    } else {
      shape += '{';
      for (const [key, item] of Object.entries(v)) {
        if (!keys.has(key)) {
          keys.set(key, keys.size);
          fresh.push(key);
        }
        shape += keyChar(keys.get(key));
        write(item);
      }
      shape += '}';
    }
  };
  write(value);
  return `${'N'.repeat(fresh.length)}${shape}\u0001${[...fresh, ...leaves].join('\u0001')}`;
}
