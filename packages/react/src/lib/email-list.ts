/** The server's e-mail check (the same pattern as its invitation route and the mocks). */
const EMAIL_RE = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]{2,}$/;

/** Is this a syntactically valid e-mail address, as the server sees it? */
export const isEmail = (email: string): boolean => email.length <= 254 && EMAIL_RE.test(email);

/** Splits pasted text on commas, semicolons and whitespace; lowercased, deduplicated. */
export function splitEmails(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const email = part.trim().toLowerCase();
    if (email && !out.includes(email)) out.push(email);
  }
  return out;
}
