// Roster files in the page: members from CSV (`name,team,share`, with a
// header), and per-member payouts out as CSV. The core checks every member
// as it checks any plan; this file only reads and writes CSV and says which
// line of the file each problem came from. A roster with any bad row
// changes nothing.

/** CSV records (RFC 4180), each with the line it starts on. */
function records(text) {
  const rows = [];
  let fields = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      rows.push({ line: start, fields });
      fields = [];
      field = '';
      line += 1;
      start = line;
    } else {
      field += c;
    }
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    rows.push({ line: start, fields });
  }
  return rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
}

/**
 * The plan with members from the roster, or `{ errors: [{ line, message }] }`.
 * Teams the roster names get exactly its members; others keep theirs.
 */
export function applyRoster(plan, text, check) {
  const [header, ...rows] = records(text.replace(/^\uFEFF/, ''));
  const errors = [];
  if (!header) return { errors: [{ line: 1, message: 'The roster is empty: it needs a header name,team,share and one row per member.' }] };
  const column = (name) => header.fields.findIndex((f) => f.trim().toLowerCase() === name);
  const [nameAt, teamAt, shareAt] = ['name', 'team', 'share'].map(column);
  if (nameAt < 0 || teamAt < 0 || shareAt < 0) {
    return { errors: [{ line: header.line, message: 'The first line must be the header name,team,share.' }] };
  }
  const next = structuredClone(plan);
  const lines = new Map();
  const named = new Set();
  for (const { line, fields } of rows) {
    if (fields.length !== header.fields.length) {
      errors.push({ line, message: `Expected ${header.fields.length} fields like the header, found ${fields.length}.` });
      continue;
    }
    const teamId = fields[teamAt].trim();
    const t = next.teams.findIndex((team) => team.id === teamId);
    if (t < 0) {
      errors.push({ line, message: `There is no team with the id “${teamId}” in the plan.` });
      continue;
    }
    if (!named.has(t)) {
      named.add(t);
      next.teams[t].members = [];
    }
    const members = next.teams[t].members;
    lines.set(`teams[${t}].members[${members.length}]`, line);
    members.push({ name: fields[nameAt].trim(), share: fields[shareAt].trim() });
  }
  // Names and shares are checked by the core, like any plan's members.
  for (const error of check(next).errors) {
    const member = error.path.match(/^teams\[\d+\]\.members\[\d+\]/)?.[0];
    const line = lines.get(member) ?? header.line;
    errors.push({ line, message: error.message });
  }
  errors.sort((a, b) => a.line - b.line);
  return errors.length ? { errors } : { plan: next };
}

/** A CSV cell: quoted when needed; a would-be spreadsheet formula gets a leading '. */
function cell(text) {
  const value = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Per-team and per-member payouts as CSV, the columns of `tandem calc --format csv`. */
export function payoutsCsv(result) {
  const rows = [['team', 'team_name', 'member', 'member_share', 'payout', 'currency']];
  for (const team of result.teams) {
    rows.push([team.id, team.name, '', '', team.payout, result.currency]);
    for (const m of team.members) rows.push([team.id, team.name, m.name, m.share, m.payout, result.currency]);
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
