// The full page's own words (index.html): its title, description, masthead
// and footer follow the language the calculator speaks (its tandem-locale
// event), and so does the document's lang for screen readers.
const WORDS = {
  en: {
    title: 'Tandem: shared incentives for Sales and Marketing',
    description:
      'Tandem: an exact, private incentive calculator for Sales and Marketing that share the revenue goal. Payouts, the joint split and what the plan may cost, worked to the cent in your browser.',
    intro:
      'Sales and Marketing incentives that share the revenue goal. Enter goals, targets, results and weights: every payout and the joint split update as you type, exact to the cent, and nothing leaves your browser.',
    footer:
      'Tandem computes with exact decimals in WebAssembly. The plan lives in this page’s link; nothing is sent anywhere. Drop a plan file on the calculator to open it.',
  },
  de: {
    title: 'Tandem: gemeinsame Prämien für Vertrieb und Marketing',
    description:
      'Tandem: ein exakter, privater Prämienrechner für Vertrieb und Marketing, die sich das Umsatzziel teilen. Auszahlungen, die Aufteilung und die möglichen Kosten des Plans, auf den Cent genau in Ihrem Browser berechnet.',
    intro:
      'Prämien für Vertrieb und Marketing, die sich das Umsatzziel teilen. Geben Sie Ziele, Zielwerte, Ist-Werte und Gewichtungen ein: Jede Auszahlung und die Aufteilung ändern sich beim Tippen, auf den Cent genau, und nichts verlässt Ihren Browser.',
    footer:
      'Tandem rechnet mit exakten Dezimalzahlen in WebAssembly. Der Plan steht im Link dieser Seite; nichts wird irgendwohin gesendet. Ziehen Sie eine Plandatei auf den Rechner, um sie zu öffnen.',
  },
};

document.addEventListener('tandem-locale', ({ detail: { language } }) => {
  const words = WORDS[language] ?? WORDS.en;
  document.documentElement.lang = language;
  document.title = words.title;
  document.querySelector('meta[name="description"]').content = words.description;
  document.querySelector('[data-page="intro"]').textContent = words.intro;
  document.querySelector('[data-page="footer"]').textContent = words.footer;
});

// The calculator's shortcuts to its results and its plan (Alt+R, Alt+P),
// which its skip links name, work from anywhere on this page, not only once
// the focus is inside the calculator (found by a fresh look: pressed on
// arrival, they did nothing). A page that embeds the element keeps them to
// the element, its own keys its own. Which keys the element takes is its
// own listener's to say (dispatch.js): every Alt key from outside it goes to
// it, and what it takes is not left to the browser.
document.addEventListener('keydown', (event) => {
  const calculator = document.querySelector('tandem-calculator');
  if (!calculator || event.target === calculator || !event.altKey) return;
  const forwarded = new KeyboardEvent('keydown', { code: event.code, key: event.key, altKey: true, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, cancelable: true });
  calculator.dispatchEvent(forwarded);
  if (forwarded.defaultPrevented) event.preventDefault();
});
