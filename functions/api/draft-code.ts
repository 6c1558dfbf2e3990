import { randomBytes } from 'node:crypto';

// The code that resumes a survey draft on another device: 130 random bits (26 characters of Crockford's base32, no
// I, L, O or U, so nothing reads as another letter), shown once in groups of four. Only its SHA-256 is stored.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 26;

/** A new code, grouped for writing down: `7K2M-…-Q4`. */
export function newDraftCode(): string {
  const bytes = randomBytes(LENGTH);
  let code = '';
  for (const b of bytes) code += ALPHABET[b & 31];
  return code.match(/.{1,4}/g)!.join('-');
}

/** The code as typed, in its canonical form (no spaces or dashes, look-alikes mapped), or null when it cannot be one. */
export function normaliseDraftCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}
