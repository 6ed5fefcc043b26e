// The plan in the URL fragment: `#plan=` and the base64url (no padding) of
// the plan's UTF-8 JSON, so that a link reproduces the screen.

const PREFIX = '#plan=';

export function encode(plan) {
  const bytes = new TextEncoder().encode(JSON.stringify(plan));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The plan in a fragment, or null when there is none or it cannot be read. */
export function decode(hash) {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const base64 = hash.slice(PREFIX.length).replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}
