/** A pragmatic e-mail check (one @, a dot in the domain, no spaces); the link proves the rest. */
const EMAIL_RE = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]{2,}$/;

/** Lower-cases and trims an address: users are unique by normalized e-mail. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Is `email` (already normalized) plausibly an address? */
export function isEmail(email: string): boolean {
  return email.length <= 254 && EMAIL_RE.test(email);
}

/**
 * Splits a pasted list of addresses (commas, spaces, new lines, semicolons) into
 * normalized unique entries, keeping the first occurrence's order.
 */
export function parseEmailList(input: string | readonly string[]): string[] {
  const parts = (typeof input === 'string' ? [input] : input).flatMap((s) => s.split(/[\s,;]+/));
  const out: string[] = [];
  for (const part of parts) {
    const email = normalizeEmail(part);
    if (email && !out.includes(email)) out.push(email);
  }
  return out;
}
