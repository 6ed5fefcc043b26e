// How the page reads numbers typed in four locales, and how it writes them:
// the model's plain decimal text out, or an error that says why, never a
// silent misreading. Plain Node (full ICU), no browser.
import assert from 'node:assert/strict';
import { adopt } from '../../www/engine.js';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { formatOf } from '../../www/format.js';
import * as core from '../../www/pkg/tandem.js';
import { known, readNumber } from '../../www/locale.js';
import { loadWords } from '../../www/words.js';

core.initSync({ module: readFileSync(new URL('../../www/pkg/tandem_bg.wasm', import.meta.url)) });
// The page's module, as the element keeps it once loaded (engine.js).
adopt(core);

// Numbers are read and written by the element's format (format.js): its locale's way, with its words.
const numbering = formatOf;

const read = (tag, text, options) => readNumber(text, numbering(tag), options);
const value = (tag, text, options) => {
  const r = read(tag, text, options);
  assert.equal(r.error, undefined, `${tag} “${text}”: ${r.error}`);
  return r.value;
};
const error = (tag, text, options) => {
  const r = read(tag, text, options);
  assert.ok(r.error, `${tag} “${text}” should not be read, was ${r.value}`);
  return r.error;
};
const usd = { kind: 'money', places: 2, currency: 'USD' };
const eur = { kind: 'money', places: 2, currency: 'EUR' };

test('each locale reads its own way of writing amounts, and the plain form', () => {
  const cases = [
    ['en-US', '1,234.50', '1234.50'], ['en-US', '1234.50', '1234.50'], ['en-US', '$1,250,000', '1250000'],
    ['en-US', '-1,234.5', '-1234.5'], ['en-US', '.5', '0.5'], ['en-US', '1,000,000', '1000000'],
    ['de-DE', '1.234,50', '1234.50'], ['de-DE', '1234,50', '1234.50'], ['de-DE', '1234.50', '1234.50'],
    ['de-DE', '1.234.567', '1234567'], ['de-DE', '1.250 €', '1250'], ['de-DE', '1.5', '1.5'], ['de-DE', '−3,5', '-3.5'],
    ['fr-FR', '1 234,50', '1234.50'], ['fr-FR', '1\u202f234,50', '1234.50'], ['fr-FR', '1\u00a0234\u00a0567', '1234567'],
    ['fr-FR', '1234.50', '1234.50'], ['fr-FR', '12,5', '12.5'],
    ['en-IN', '12,34,567.89', '1234567.89'], ['en-IN', '1,00,000', '100000'], ['en-IN', '99,999', '99999'],
    ['en-IN', '1234567.89', '1234567.89'], ['en-IN', '₹ 12,34,567', '1234567'],
  ];
  for (const [tag, text, expected] of cases) assert.equal(value(tag, text), expected, `${tag} “${text}”`);
});

test('percentages keep the sign optional and read the locale’s decimal', () => {
  assert.equal(value('de-DE', '50,5 %', { kind: 'percent' }), '50.5');
  assert.equal(value('en-US', '12.5%', { kind: 'percent' }), '12.5');
  assert.equal(value('fr-FR', '33,33', { kind: 'percent' }), '33.33');
});

test('group separators count only between whole groups: the traps are errors that say how the locale writes', () => {
  assert.match(error('en-US', '50,5'), /en-US writes them \(1,234,567\.89\)\. Did you mean 50\.5\?/);
  assert.match(error('en-US', '1.250,50'), /Did you mean 1,250\.50\?/);
  assert.match(error('en-IN', '1,234,567'), /en-IN writes them \(12,34,567\.89\)\. Did you mean 12,34,567\?/);
  assert.match(error('de-DE', '1,234.5'), /Did you mean 1\.234,5\?/);
  assert.match(error('fr-FR', '1.234,5'), /fr-FR writes them/);
  for (const text of ['12abc', '1e6', '--5', '1,2,3', '0,500', '%', '-']) error('en-US', text);
});

test('money with more places than its currency is an error that offers the likely meaning', () => {
  assert.equal(error('en-US', '120.000', usd), 'USD amounts have 2 decimal places: “120.000” has 3. Did you mean 120,000?');
  assert.match(error('en-US', '1,250.505', usd), /^USD amounts have 2 decimal places: “1,250\.505” has 3\.$/);
  assert.equal(value('de-DE', '120.000', eur), '120000');
  assert.match(error('ja-JP', '1.5', { kind: 'money', places: 0, currency: 'JPY' }), /JPY amounts have no decimal places/);
  // A reading with more places than the currency has is not offered: 29.4000 is not dollars.
  assert.ok(!error('en-US', '29,4000', usd).includes('29.4000'), error('en-US', '29,4000', usd));
});

test('an entry another convention reads differently is read the locale’s way, with a note', () => {
  const de = read('de-DE', '1,234');
  assert.equal(de.value, '1.234');
  assert.equal(de.note, 'Read as 1,234, a number between 1 and 2, the way de-DE writes it. For a number in the thousands, type 1.234.');
  const us = read('en-US', '1,234');
  assert.equal(us.value, '1234');
  assert.equal(us.note, 'Read as 1,234, a number in the thousands, the way en-US writes it. For a number between 1 and 2, type 1.234.');
  assert.equal(read('de-DE', '1.234').value, '1234');
  assert.ok(read('de-DE', '1.234').note);
  assert.equal(read('en-US', '1,234.5').note, undefined);
  assert.equal(read('en-US', '1234').note, undefined);
  // A percentage with places is not offered as one in the thousands; one read in the thousands is said.
  assert.equal(read('en-US', '20.005', { kind: 'percent' }).note, undefined);
  assert.equal(read('en-US', '20,005', { kind: 'percent' }).note, 'Read as 20,005, a number in the thousands, the way en-US writes it. For a number between 20 and 21, type 20.005.');
  assert.equal(read('de-DE', '20.005', { kind: 'percent' }).note, 'Read as 20.005, a number in the thousands, the way de-DE writes it. For a number between 20 and 21, type 20,005.');
  // Money: only a reading its currency allows is worth a note (as a decimal, 120.000 has more places than euros have).
  assert.equal(read('de-DE', '120.000', eur).note, undefined);
});

test('numbers are written with every place, grouped the locale’s way', () => {
  assert.equal(numbering('en-IN').format('1234567.891234567891234'), '12,34,567.891234567891234');
  assert.equal(numbering('de-DE').format('-1234.5'), '-1.234,5');
  assert.equal(numbering('fr-FR').format('1234567'), '1\u202f234\u202f567');
  assert.equal(known('de-DE'), 'de-DE');
  assert.equal(known('not a locale!'), null);
});

test('a currency sign or code around an amount must name the plan’s currency', async () => {
  const money = (tag, typed, currency) => readNumber(typed, numbering(tag), { kind: 'money', places: 2, currency });
  const error = (tag, typed, currency) => money(tag, typed, currency).error;
  // The plan's own, as the locale or English writes it: dropped.
  assert.equal(money('en-US', '$120,000', 'USD').value, '120000');
  assert.equal(money('en-GB', 'US$120,000', 'USD').value, '120000');
  assert.equal(money('en-US', 'USD 120,000', 'USD').value, '120000');
  assert.equal(money('de-DE', '1.250.000,50 €', 'EUR').value, '1250000.50');
  assert.equal(money('fr-FR', '120 000 €', 'EUR').value, '120000');
  assert.equal(money('en-IN', '₹1,20,000', 'INR').value, '120000');
  // Another currency's: an error that names it.
  assert.equal(error('en-US', '€120,000', 'USD'), 'This plan is in USD: “€120,000” names euros. Type the amount in USD, or change the plan’s currency.');
  // A German element says so in German, the currency named as German names it.
  await loadWords('de-DE');
  assert.equal(error('de-DE', '1.250.000,50 €', 'USD'), 'Dieser Plan rechnet in USD: Die Währungsangabe in „1.250.000,50 €“ steht für Euro. Geben Sie den Betrag in USD ein oder ändern Sie die Währung des Plans.');
  assert.equal(error('en-US', '120 EUR', 'USD'), 'This plan is in USD: “120 EUR” names euros. Type the amount in USD, or change the plan’s currency.');
  assert.equal(error('en-US', 'CHF 120', 'USD'), 'This plan is in USD: “CHF 120” names Swiss francs. Type the amount in USD, or change the plan’s currency.');
  assert.equal(error('en-US', '$120,000', 'EUR'), 'This plan is in EUR: “$120,000” names dollars or pesos. Type the amount in EUR, or change the plan’s currency.');
  assert.equal(error('en-US', '¥5', 'USD'), 'This plan is in USD: “¥5” names yen or yuan. Type the amount in USD, or change the plan’s currency.');
  // Three capitals that are no currency are not a sign: the entry is not a number.
  assert.equal(error('en-US', 'ABC 120', 'USD'), '“ABC 120” is not a number the way en-US writes them (1,234,567.89).');
  // A plain number field (a goal's result) is checked too when the plan's currency is given.
  assert.match(readNumber('€1,900,000', numbering('en-US'), { currency: 'USD' }).error, /^This plan is in USD/);
});

test('an amount is shown back with at least its currency’s places, as the results write it, and every place typed', () => {
  const us = numbering('en-US');
  const de = numbering('de-DE');
  assert.equal(us.amount('100000', 2), '100,000.00');
  assert.equal(us.amount('120000.5', 2), '120,000.50');
  assert.equal(us.amount('120000.005', 2), '120,000.005');
  assert.equal(us.amount('-40', 2), '-40.00');
  assert.equal(us.amount('5000', 0), '5,000');
  assert.equal(de.amount('125000.5', 2), '125.000,50');
  // What is not a decimal is shown as it came.
  assert.equal(us.amount('12abc', 2), '12abc');
  assert.equal(us.amount('', 2), '');
});

test('percentages and factors are shown whole when they end soon, else cut (never rounded up to a step) and marked, in each locale', () => {
  const us = formatOf('en-US');
  const de = formatOf('de-DE');
  // Worked by hand: 0.925 is 92.5 %; 1,199,999 ÷ 1,200,000 = 0.99999916… is 99.9999…% (rounded it would say 100 %);
  // 1/3 is 33.3333…%; 0.3333 ends within four places of a percentage: 33.33 %; 0.9999001 cut keeps its zeros: 99.9900…%.
  assert.equal(us.pct('0.925'), '92.5%');
  assert.equal(us.pct('1'), '100%');
  assert.equal(us.pct('0.9999991666666666666666666667'), '99.9999…%');
  assert.equal(us.pct('0.3333333333333333333333333333'), '33.3333…%');
  assert.equal(us.pct('0.3333'), '33.33%');
  assert.equal(us.pct('0.9999001'), '99.9900…%');
  assert.equal(us.pct('12.5'), '1,250%');
  assert.equal(de.pct('0.925'), '92,5\u00a0%');
  assert.equal(de.pct('0.9999991666666666666666666667'), '99,9999…\u00a0%');
  // 5/6 is 0.8333…; a factor of eight places is shown whole.
  assert.equal(us.factor('0.8333333333333333333333333333'), '0.8333…');
  assert.equal(us.factor('0.12345678'), '0.12345678');
  assert.equal(us.factor('1.1'), '1.1');
  assert.equal(us.factor('1250.5'), '1,250.5');
  assert.equal(de.factor('0.8333333333333333333333333333'), '0,8333…');
});

test('a plain number with a point, where the locale writes a comma, is read and said beside the field, never in silence', () => {
  // de-DE groups with a point in threes: "1.50" is no German number, only a plain one (1.5).
  const de = read('de-DE', '1.50');
  assert.equal(de.value, '1.50');
  assert.equal(de.note, 'Gelesen als 1,50: mit dem Punkt als Dezimalzeichen, wie in einer Zahl ohne Ländereinstellung; de-DE trennt Dezimalstellen mit „,“ ab.');
  assert.equal(read('de-DE', '1234.5').note, 'Gelesen als 1.234,5: mit dem Punkt als Dezimalzeichen, wie in einer Zahl ohne Ländereinstellung; de-DE trennt Dezimalstellen mit „,“ ab.');
  // fr-FR groups with a space: "1.500" is 1.5 plainly, or 1 500 grouped the German way.
  assert.equal(read('fr-FR', '1.500').note, 'Read as 1,500: the point taken as a decimal point, as a plain number writes it; fr-FR writes decimals with “,”. Did you mean 1\u202f500?');
  // Written the locale's own way, or where a point is the decimal sign: nothing to say.
  assert.equal(read('de-DE', '1,5').note, undefined);
  assert.equal(read('en-US', '1.50').note, undefined);
});

test('an amount with a dash for its places or a word for its scale is not read, and the error offers what it means', async () => {
  // Read only by dropping what was typed: never read, offered instead (worked by hand: 1.85 × 1,000,000 = 1,850,000).
  assert.equal(error('en-US', '250k'), '“250k” is not a number the way en-US writes them (1,234,567.89). Did you mean 250,000?');
  assert.match(error('en-US', '1.85M', usd), /Did you mean 1,850,000\?$/);
  assert.match(error('en-US', '-1.5k'), /Did you mean -1,500\?$/);
  assert.match(error('en-US', '2 billion'), /Did you mean 2,000,000,000\?$/);
  await loadWords('de-DE');
  assert.equal(error('de-DE', '2.000.000,-', eur), '„2.000.000,-“ ist keine Zahl in der eingestellten Schreibweise (de-DE: 1.234.567,89). Meinten Sie 2.000.000?');
  assert.match(error('de-DE', '2.000.000,– €', eur), /Meinten Sie 2\.000\.000\?$/);
  assert.match(error('de-DE', '1,85 Mio.', eur), /Meinten Sie 1\.850\.000\?$/);
  assert.match(error('de-DE', '3 Mrd', eur), /Meinten Sie 3\.000\.000\.000\?$/);
  // No offer where the words are not a scale, where the offer would not fit the currency, or for a percentage.
  assert.match(error('en-US', '12abc'), /\(1,234,567\.89\)\.$/);
  assert.match(error('en-US', '1.2345678k', usd), /\(1,234,567\.89\)\.$/);
  assert.match(error('en-US', '5m', { kind: 'percent' }), /\(1,234,567\.89\)\.$/);
});
