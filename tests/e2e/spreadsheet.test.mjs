// The payouts CSV as spreadsheets open it, and rosters as they save them:
// the real CLI, and LibreOffice Calc headless in a German and a US setting
// (the field separator, text encoding and number language that each
// locale's spreadsheet reads a CSV with).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { officePath } from '../../scripts/bootstrap.mjs';
import { cli, root, tmp } from './harness.mjs';

execFileSync('cargo', ['build', '--quiet', '--bin', 'tandem'], { cwd: root, stdio: 'inherit' });
const tandem = (...args) => execFileSync(cli, args, { cwd: root });
const withRoster = ['examples/shared-revenue.json', '--roster', 'examples/roster.csv'];

/**
 * The cells of each row of the first table LibreOffice writes as HTML: a
 * number's `sdval` when it read the cell as a number (written with the
 * setting's decimal mark), else its text.
 */
function cellsOf(html) {
  const rows = html.split(/<tr[^>]*>/).slice(1);
  return rows.map((row) =>
    [...row.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map(([, attributes, inner]) => {
      const number = attributes.match(/sdval="([^"]*)"/);
      const entities = { amp: '&', quot: '"', lt: '<', gt: '>' };
      return number ? Number(number[1].replace(',', '.')) : inner.replace(/<[^>]*>/g, '').replace(/&(amp|quot|lt|gt);/g, (_, name) => entities[name]).trim();
    }),
  );
}

/** `file` opened by LibreOffice with a locale's CSV settings, and its cells. */
function openInCalc(file, { lang, separator, language }) {
  const out = join(tmp, `calc-${lang}`);
  mkdirSync(out, { recursive: true });
  // Field separator, text delimiter ("), UTF-8, from line 1, number language.
  const filter = `CSV:${separator.charCodeAt(0)},34,76,1,,${language}`;
  const profile = pathToFileURL(join(tmp, 'libreoffice-profile')).href;
  execFileSync(officePath(), [`-env:UserInstallation=${profile}`, '--headless', `--infilter=${filter}`, '--convert-to', 'html', '--outdir', out, file], {
    env: { ...process.env, LANG: `${lang}.UTF-8`, LC_ALL: `${lang}.UTF-8` },
    stdio: 'ignore',
  });
  const html = readdirSync(out).find((f) => f.endsWith('.html'));
  return cellsOf(readFileSync(join(out, html), 'utf8'));
}

for (const setting of [
  { tag: 'de-DE', lang: 'de_DE', separator: ';', language: 1031 },
  { tag: 'en-US', lang: 'en_US', separator: ',', language: 1033 },
]) {
  test(`the payouts CSV written for ${setting.tag} opens in LibreOffice Calc set up for ${setting.tag} as columns of numbers, every payout the CLI's`, () => {
    const csv = tandem('calc', ...withRoster, '--format', 'csv', '--csv-locale', setting.tag);
    // A byte-order mark, so that the spreadsheet reads the names as UTF-8.
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(csv.toString('utf8').split('\r\n')[0], ['\ufeffteam', 'team_name', 'member', 'member_share', 'payout', 'currency'].join(setting.separator));
    const file = join(tmp, `payouts-${setting.tag}.csv`);
    writeFileSync(file, csv);
    const [header, ...rows] = openInCalc(file, setting);
    assert.deepEqual(header, ['team', 'team_name', 'member', 'member_share', 'payout', 'currency']);
    const result = JSON.parse(tandem('calc', ...withRoster));
    // A row per payee: every team here has members, so no team has a row of its own.
    const expected = result.teams.flatMap((team) => team.members.map((m) => [team.id, team.name, m.name, Number(m.share), Number(m.payout), 'USD']));
    assert.deepEqual(rows, expected);
    // Worked by hand: Sales's 121,500.00 over shares 1 + 1 + 1 + 0.5 is 34,714.2857… a share; the cent left over goes to the largest remainder.
    assert.deepEqual(rows.slice(0, 4).map((r) => [r[2], r[4]]), [['Ana Lima', 34714.29], ['Ben Okafor', 34714.29], ['Martin, Chloé', 34714.28], ['Diego Ramírez', 17357.14]]);
    // The column adds up to the total, 121,500.00 + 58,950.00 = 180,450.00, as a spreadsheet's SUM does.
    assert.equal(rows.reduce((cents, r) => cents + Math.round(r[4] * 100), 0), 18045000);
  });
}

test('a roster saved by LibreOffice and Excel in German (";", decimal commas, UTF-8, UTF-16 or Windows-1252) reads to the same members as the comma version, and says how it was read', () => {
  const folder = join(root, 'tests/fixtures/rosters');
  const read = (file) => {
    const { stdout, stderr, status } = spawnSync(cli, ['calc', 'examples/shared-revenue.json', '--roster', join(folder, file)], { cwd: root });
    assert.equal(status, 0, stderr.toString());
    const members = JSON.parse(stdout).teams.map((t) => t.members.map((m) => [m.name, m.share, m.payout]));
    return { members, note: stderr.toString() };
  };
  const plain = read('libreoffice-en-US.csv');
  // Worked by hand: Sales 121,500.00 over shares 1 + 0.5 + 0.75; Marketing 58,950.00 over 1 + 0.25.
  assert.deepEqual(plain.members, [
    [['Ana Lima', '1', '54000.00'], ['Ben Okafor', '0.5', '27000.00'], ['Chloé Martin', '0.75', '40500.00']],
    [['Jürgen Groß', '1', '47160.00'], ['Zoë Ødegård', '0.25', '11790.00']],
  ]);
  assert.equal(plain.note, '');
  const said = {
    'libreoffice-de-DE.csv': 'Read with “;” between fields, decimal commas.',
    'excel-de-DE-utf8.csv': 'Read with “;” between fields, decimal commas.',
    'excel-de-DE.csv': 'Read with “;” between fields, decimal commas. The file is not UTF-8: it was read as Windows-1252 (older Excel on Windows); check accented names.',
    'libreoffice-de-DE-windows-1252.csv': 'Read with “;” between fields, decimal commas. The file is not UTF-8: it was read as Windows-1252 (older Excel on Windows); check accented names.',
    'libreoffice-de-DE-unicode.txt': 'Read with tabs between fields, decimal commas. The file is UTF-16 text.',
  };
  const files = readdirSync(folder).filter((f) => f !== 'libreoffice-en-US.csv' && !f.endsWith('.md'));
  assert.deepEqual(files.sort(), Object.keys(said).sort());
  for (const file of files) {
    const { members, note } = read(file);
    assert.deepEqual(members, plain.members, file);
    assert.equal(note, `${join(folder, file)}: ${said[file]}\n`, file);
  }
});
