// German words (see words.js and german.js): the frame, the element's
// own messages (tandem.js) and the host pages.
export default {
  // frame.js
  Plan: 'Plan',
  'Start from': 'Beginnen mit',
  'Blank plan': 'Leerer Plan',
  Siloed: 'Getrennte Ziele',
  'Shared revenue': 'Gemeinsamer Umsatz',
  'Teaching example': 'Lehrbeispiel',
  'The dial': 'Der Regler',
  Leverage: 'Hebel',
  'Gates, caps & members': 'Hürden, Deckelungen & Mitarbeitende',
  'Share and files': 'Teilen und Dateien',
  'Copy link': 'Link kopieren',
  'Make an exercise': 'Übung erstellen',
  'Make an exercise: copy a link that opens this plan with its results hidden, for students to work out':
    'Übung erstellen: einen Link kopieren, der diesen Plan mit verborgenen Ergebnissen öffnet, damit Studierende sie selbst ausrechnen',
  'Export plan': 'Plan exportieren',
  'Import plan…': 'Plan importieren …',
  'Plan file to import': 'Zu importierende Plandatei',
  'Import roster…': 'Liste der Mitarbeitenden importieren …',
  'Roster CSV to import': 'Zu importierende Liste der Mitarbeitenden (CSV)',
  'Export payouts CSV': 'Auszahlungen als CSV exportieren',
  'Plain CSV': 'CSV für Programme',
  'Export payouts as plain CSV, with commas between fields and points in numbers, for programs':
    'Auszahlungen als einfaches CSV exportieren, mit Kommas zwischen den Feldern und Punkten in Zahlen, für Programme',
  Print: 'Drucken',
  'Embed this plan…': 'Diesen Plan einbetten …',
  'Language and number format': 'Sprache und Zahlenformat',
  Results: 'Ergebnisse',
  '↑ Back to the field you were editing': '↑ Zurück zum bearbeiteten Feld',
  'Out of date: fix the marked fields. These are the last valid results.':
    'Veraltet: Bitte korrigieren Sie die markierten Felder. Angezeigt sind die letzten gültigen Ergebnisse.',
  Exercise: 'Übung',
  'Skip links': 'Sprunglinks',
  'Skip to the results (Alt+R)': 'Zu den Ergebnissen springen (Alt+R)',
  'Skip to the plan editor (Alt+P)': 'Zum Plan-Editor springen (Alt+P)',
  'Payouts at a glance': 'Auszahlungen auf einen Blick',
  'Results ↓': 'Ergebnisse ↓',
  Scenarios: 'Szenarien',
  'Link to this plan': 'Link zu diesem Plan',
  'What to print': 'Was möchten Sie drucken?',
  'A comparison of the scenarios, at most two pages: payouts side by side at the actual results and at three levels of the shared goal, the chart, what each may cost, the economics and the plan health':
    'Ein Vergleich der Szenarien auf höchstens zwei Seiten: die Auszahlungen nebeneinander bei den Ist-Werten und bei drei Stufen des gemeinsamen Ziels, das Diagramm, die möglichen Kosten, die Kennzahlen und der Plan-Check',
  'A statement: a summary and a page per team for every scenario, a slip per member, and the inputs':
    'Ein Prämiennachweis: eine Zusammenfassung und eine Seite je Team für jedes Szenario, ein Einzelnachweis je Person und die Eingaben',
  'The statement without member slips: each team’s page lists its members':
    'Der Prämiennachweis ohne Einzelnachweise: Die Seite jedes Teams führt seine Mitarbeitenden auf',
  'Cancel': 'Abbrechen',
  // tandem.js
  'This browser does not know the locale “{unknown}”; numbers are written and read as {tag} writes them.':
    'Dieser Browser kennt das Gebietsschema „{unknown}“ nicht; Zahlen werden so geschrieben und gelesen, wie {tag} sie schreibt.',
  '“{name}” now uses the example’s own actual results; the other scenarios keep theirs.':
    '„{name}“ verwendet jetzt die eigenen Ist-Werte des Beispiels; die anderen Szenarien behalten ihre.',
  'Actual results are shared by the scenarios: {goals} now has its value from this plan in every scenario that shares them.':
    'Die Szenarien teilen sich die Ist-Werte: {goals} hat jetzt in jedem Szenario, das ihn teilt, den Wert aus diesem Plan.',
  'Actual results are shared by the scenarios: {goals} now have their values from this plan in every scenario that shares them.':
    'Die Szenarien teilen sich die Ist-Werte: {goals} haben jetzt in jedem Szenario, das sie teilt, die Werte aus diesem Plan.',
  plan: 'Plan',
  'And {n} more.': 'Und {n} weitere.',
  '1 problem to fix.': '1 Fehler zu beheben.',
  '{n} problems to fix.': '{n} Fehler zu beheben.',
  'Exercise link copied: it opens this plan with its results hidden, for students to work out each team’s payout and check it.':
    'Übungslink kopiert: Er öffnet diesen Plan mit verborgenen Ergebnissen, damit Studierende die Auszahlung jedes Teams selbst ausrechnen und prüfen.',
  'Link copied: {carries}': 'Link kopiert: {carries}',
  'It is {n} characters long, and Chrome and Edge open no link longer than {max}: Export plan saves the plan as a file to send instead.': 'Er ist {n} Zeichen lang, und Chrome und Edge öffnen keinen Link über {max} Zeichen: Plan exportieren speichert den Plan stattdessen als Datei zum Versenden.',
  'It is {n} characters long: mail and chat apps may cut a link this long; Export plan saves the plan as a file to send instead.': 'Er ist {n} Zeichen lang: E-Mail- und Chat-Programme kürzen so lange Links womöglich; Plan exportieren speichert den Plan stattdessen als Datei zum Versenden.',
  'Undo': 'Rückgängig',
  'Undo puts back the plan that was here.': '„Rückgängig“ holt den Plan zurück, der vorher hier stand.',
  'The plan that was here is back.': 'Der Plan, der vorher hier stand, ist wieder da.',
  'Undo again puts back what was there before that.': '„Rückgängig“ holt noch einmal zurück, was davor da war.',
  'Not opened: files do not open in this calculator, whose plan is locked ({words}).': 'Nicht geöffnet: In diesem Rechner, dessen Plan gesperrt ist ({words}), öffnen sich keine Dateien.',
  'Not saved: {why}': 'Nicht gespeichert: {why}',
  'Goal “{name}” removed, with its weights and what refers to it. Undo puts it back.': 'Ziel „{name}“ entfernt, mit seinen Gewichtungen und allem, was darauf verweist. „Rückgängig“ holt es zurück.',
  'Goal “{name}” is back.': 'Ziel „{name}“ ist wieder da.',
  'Team “{name}” removed. Undo puts it back.': 'Team „{name}“ entfernt. „Rückgängig“ holt es zurück.',
  'Team “{name}” is back.': 'Team „{name}“ ist wieder da.',
  'Member “{name}” removed. Undo puts them back.': 'Mitglied „{name}“ entfernt. „Rückgängig“ holt es zurück.',
  'Member “{name}” is back.': 'Mitglied „{name}“ ist wieder da.',
  'Scenario “{name}” removed. Undo puts it back.': 'Szenario „{name}“ entfernt. „Rückgängig“ holt es zurück.',
  'Scenario “{name}” is back.': 'Szenario „{name}“ ist wieder da.',
  '“{name}” shares the actual results again: its own result for {goals} is set aside. Undo puts it back.':
    '„{name}“ teilt die Ist-Werte wieder: Sein eigener Ist-Wert für {goals} ist beiseitegelegt. „Rückgängig“ holt ihn zurück.',
  '“{name}” shares the actual results again: its own results for {goals} are set aside. Undo puts them back.':
    '„{name}“ teilt die Ist-Werte wieder: Seine eigenen Ist-Werte für {goals} sind beiseitegelegt. „Rückgängig“ holt sie zurück.',
  '“{name}” has its own actual results back.': '„{name}“ hat seine eigenen Ist-Werte wieder.',
  'it carries the whole plan.': 'Er enthält den ganzen Plan.',
  'it carries all {n} scenarios, each plan whole.': 'Er enthält alle {n} Szenarien, jeden Plan ganz.',
  'it carries both scenarios, each plan whole.': 'Er enthält beide Szenarien, jeden Plan ganz.',
  'No exercise link was made: this plan has {n} problem to fix, and an exercise needs results for students to work out. Fix it, then make the exercise.':
    'Es wurde kein Übungslink erstellt: Dieser Plan enthält {n} Fehler, und eine Übung braucht Ergebnisse, die Studierende ausrechnen können. Beheben Sie ihn, dann erstellen Sie die Übung.',
  'No exercise link was made: this plan has {n} problems to fix, and an exercise needs results for students to work out. Fix them, then make the exercise.':
    'Es wurde kein Übungslink erstellt: Dieser Plan enthält {n} Fehler, und eine Übung braucht Ergebnisse, die Studierende ausrechnen können. Beheben Sie sie, dann erstellen Sie die Übung.',
  'it carries the plan as it is, with {n} problem to fix: a page opened on it shows no results until it is fixed.':
    'Er enthält den Plan, wie er ist, mit {n} Fehler: Eine damit geöffnete Seite zeigt keine Ergebnisse, bis er behoben ist.',
  'it carries the plan as it is, with {n} problems to fix: a page opened on it shows no results until they are fixed.':
    'Er enthält den Plan, wie er ist, mit {n} Fehlern: Eine damit geöffnete Seite zeigt keine Ergebnisse, bis sie behoben sind.',
  'Copy the exercise link below: it opens this plan with its results hidden, for students to work out each team’s payout and check it.':
    'Kopieren Sie den Übungslink unten: Er öffnet diesen Plan mit verborgenen Ergebnissen, damit Studierende die Auszahlung jedes Teams selbst ausrechnen und prüfen.',
  'Copy the link below: {carries}': 'Kopieren Sie den Link unten: {carries}',
  'Not pasted: it would change what is locked here ({words}).': 'Nicht eingefügt: Es würde ändern, was hier gesperrt ist ({words}).',
  'Not pasted: this field is locked ({words}).': 'Nicht eingefügt: Dieses Feld ist gesperrt ({words}).',
  // The words of the `locked` attribute, said in German ('plan' is in cost.js).
  'goals': 'Ziele',
  'targets': 'Zielwerte',
  'actuals': 'Ist-Werte',
  'curves': 'Kurven',
  'teams': 'Teams',
  'incentives': 'Zielprämien',
  'weights': 'Gewichtungen',
  'Pasted 1 row.': '1 Zeile eingefügt.',
  'Pasted {n} rows.': '{n} Zeilen eingefügt.',
  'Saved {name}: “;” between fields and decimal commas, marked as UTF-8 for spreadsheets.':
    '{name} gespeichert: „;“ zwischen den Feldern und Dezimalkommas, als UTF-8 gekennzeichnet für Tabellenkalkulationen.',
  'Saved {name}: “;” between fields and decimal commas.': '{name} gespeichert: „;“ zwischen den Feldern und Dezimalkommas.',
  'Saved {name}: “,” between fields and decimal points, marked as UTF-8 for spreadsheets.':
    '{name} gespeichert: „,“ zwischen den Feldern und Dezimalpunkte, als UTF-8 gekennzeichnet für Tabellenkalkulationen.',
  'Its payouts are a what-if, changed on this page.': 'Die Auszahlungen darin sind ein Was-wäre-wenn, auf dieser Seite geändert.',
  'Saved {name}: “,” between fields and decimal points.': '{name} gespeichert: „,“ zwischen den Feldern und Dezimalpunkte.',
  'The plan given by the page was not opened: {errors}': 'Der von der Seite übergebene Plan wurde nicht geöffnet: {errors}',
  'The plan at {url} could not be read: {why}.': 'Der Plan unter {url} konnte nicht gelesen werden: {why}.',
  'The plan in the page could not be read: {why}.': 'Der Plan in der Seite konnte nicht gelesen werden: {why}.',
  'The page shows the example plan instead.': 'Die Seite zeigt stattdessen den Beispielplan.',
  'Tandem could not start: {why}': 'Tandem konnte nicht starten: {why}',
  'Part of Tandem could not load (the forecast, printing, files): {why}': 'Ein Teil von Tandem konnte nicht geladen werden (Prognose, Drucken, Dateien): {why}',
  'Not saved: fix {fields} first. Import plan, tandem calc and the payouts read only a plan without problems.':
    'Nicht gespeichert: Beheben Sie zuerst {fields}. „Plan importieren“, tandem calc und die Auszahlungen lesen nur einen Plan ohne Fehler.',
  'Saved {name}: the plan as a file that Import plan and tandem calc read.':
    '{name} gespeichert: der Plan als Datei, die „Plan importieren“ und tandem calc lesen.',
};
