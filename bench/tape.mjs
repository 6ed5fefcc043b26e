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
  const name = (key) => {
    if (!keys.has(key)) {
      keys.set(key, keys.size);
      fresh.push(key);
    }
    shape += keyChar(keys.get(key));
  };
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
    } else if (Array.isArray(v) && rows(v)) {
      // As the module writes a list of 16 or more objects of the same
      // string-valued keys: `R`, one row's shape, their number, their leaves.
      shape += 'R{';
      for (const key of Object.keys(v[0])) {
        name(key);
        shape += 's';
      }
      shape += '}';
      leaves.push(String(v.length));
      for (const row of v) leaves.push(...Object.values(row));
    } else if (Array.isArray(v)) {
      shape += '[';
      v.forEach(write);
      shape += ']';
    } else {
      shape += '{';
      for (const [key, item] of Object.entries(v)) {
        name(key);
        write(item);
      }
      shape += '}';
    }
  };
  write(value);
  return `${'N'.repeat(fresh.length)}${shape}\u0001${[...fresh, ...leaves].join('\u0001')}`;
}

/** Whether `list` is 16 or more objects (src/tape.rs, `ROWS`) of the same keys, each value text without U+0001. */
function rows(list) {
  if (list.length < 16) return false;
  const row = (item) => item !== null && typeof item === 'object' && !Array.isArray(item);
  if (!list.every(row)) return false;
  const keys = Object.keys(list[0]).join('\u0001');
  return keys !== '' && list.every((item) => Object.keys(item).join('\u0001') === keys && Object.values(item).every((v) => typeof v === 'string' && !v.includes('\u0001')));
}
