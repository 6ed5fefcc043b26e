// A plan crossing into the whole core's module (`calculate`, `sweep`, the
// simulation …): the text the module reads it from. That is the plan's
// JSON.stringify, but for a team's long list of members, which it writes
// as `[]` and sends after the text as two columns, the names and the
// shares (src/validate.rs, `Plan::from_crossed`, reads them). For 10,000
// members this takes half the time of stringifying them and saves the
// module reading them as JSON (`npm run bench`, "Where the time goes").

/** Lists shorter than this cross as JSON: for them the columns gain nothing. */
const LONG = 64;

/** An object JSON.stringify writes as its own enumerable keys, with nothing of its own to say how. */
const plain = (value) => value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && value.toJSON === undefined;

/**
 * Whether no object inherits a `name`, a `share` or any enumerable key: then
 * a plain object's `name` and `share`, and the keys `for … in` lists, are
 * its own.
 */
function untouched() {
  return !('name' in Object.prototype) && !('share' in Object.prototype) && Object.keys(Object.prototype).length === 0;
}

/** A member JSON.stringify would write as `{"name":…,"share":…}` of two texts, and nothing else. */
function member(value) {
  if (!plain(value) || typeof value.name !== 'string' || typeof value.share !== 'string') return false;
  // Both enumerable, and no other key.
  let keys = 0;
  for (const key in value) {
    if (key !== 'name' && key !== 'share') return false;
    keys += 1;
  }
  return keys === 2;
}

/**
 * The text of `plan` for `Plan::from_crossed`: its JSON text, then for each
 * team whose long list of members crossed as columns, `\0` and its index,
 * the list's length, its names and its shares (each joined by U+0001),
 * each after a `\0`. `undefined` when JSON has no text for the plan; throws
 * as JSON.stringify does.
 */
export function planText(plan) {
  const teams = plan?.teams;
  if (!plain(plan) || !Array.isArray(teams) || !untouched()) return JSON.stringify(plan);
  let copy = null;
  let columns = '';
  for (let t = 0; t < teams.length; t += 1) {
    const team = teams[t];
    // Its own enumerable `members`, as JSON.stringify writes it.
    if (!plain(team) || !Object.prototype.propertyIsEnumerable.call(team, 'members')) continue;
    const list = team.members;
    if (!Array.isArray(list) || list.length < LONG) continue;
    // By `+=`, a little faster than joining arrays of them.
    let name = '';
    let share = '';
    let all = true;
    for (let i = 0; i < list.length && all; i += 1) {
      const item = list[i];
      all = member(item);
      if (!all) break;
      name += i ? `\u0001${item.name}` : item.name;
      share += i ? `\u0001${item.share}` : item.share;
    }
    if (!all) continue;
    // A name holding U+0001 makes the column longer than the list, which
    // the module sees; one holding U+0000, or half a surrogate pair (which
    // JSON.stringify writes as an escape, and UTF-8 cannot carry), crosses
    // as JSON.
    if (name.includes('\u0000') || share.includes('\u0000') || !name.isWellFormed() || !share.isWellFormed()) continue;
    copy ??= teams.slice();
    copy[t] = { ...team, members: [] };
    columns += `\u0000${t}\u0000${list.length}\u0000${name}\u0000${share}`;
  }
  return copy ? JSON.stringify({ ...plan, teams: copy }) + columns : JSON.stringify(plan);
}
