// The full page's own words (index.html): its title, description, masthead
// and footer follow the language the calculator speaks (its tandem-locale
// event), and so does the document's lang for screen readers. The masthead
// and footer are in the page in both languages, and page.css shows the one
// the lang names (which index.html sets as the page is read).
const WORDS = {
  en: {
    title: 'Tandem: shared incentives for Sales and Marketing',
    description:
      'Tandem: an exact, private incentive calculator for Sales and Marketing that share the revenue goal. Payouts, the joint split and what the plan may cost, worked to the cent in your browser.',
  },
  de: {
    title: 'Tandem: gemeinsame Prämien für Vertrieb und Marketing',
    description:
      'Tandem: ein exakter, privater Prämienrechner für Vertrieb und Marketing, die sich das Umsatzziel teilen. Auszahlungen, die Aufteilung und die möglichen Kosten des Plans, auf den Cent genau in Ihrem Browser berechnet.',
  },
};

document.addEventListener('tandem-locale', ({ detail: { language } }) => {
  const words = WORDS[language] ?? WORDS.en;
  document.documentElement.lang = language;
  document.title = words.title;
  document.querySelector('meta[name="description"]').content = words.description;
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
