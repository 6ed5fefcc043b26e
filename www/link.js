// The text a link carries after `#plan=` or `#scenarios=` (scenarios.js):
// the base64url (no padding) of the JSON's UTF-8, so that a link reproduces
// the screen.

/** Text as base64url of its UTF-8 bytes, without padding. */
export function toBase64url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text back from base64url; throws when it is not base64url of UTF-8. */
function fromBase64url(encoded) {
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * The JSON in a fragment's base64url text: `{ json }`, or `{ error }` saying
 * why it cannot be read, in `format`'s words (format.js).
 */
export function readFragment(encoded, { t }) {
  let text;
  try {
    text = fromBase64url(encoded);
  } catch {
    return { error: t('it is not the base64url text a Tandem link carries (it may have been cut short or changed)') };
  }
  try {
    return { json: JSON.parse(text) };
  } catch (error) {
    if (cutShort(text)) return { error: t('it was cut short: its plan ends partway through (a mail or chat app may have shortened the link; copy it again whole)') };
    return { error: t('it does not hold valid JSON ({reason})', { reason: error.message }) };
  }
}

/** Whether JSON `text` ends inside a string or with an object or list still open: text cut short, not written wrong. */
function cutShort(text) {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i += 1;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') depth -= 1;
  }
  return quoted || depth > 0;
}

