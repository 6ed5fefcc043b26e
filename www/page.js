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
