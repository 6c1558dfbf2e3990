// 17.15: a bootstrap token a person chose must not be guessable. Length alone let `aaaaaaaaaaaaaaaa` through; this
// estimates the entropy from the token's own character frequencies (Shannon, times its length) and refuses runs
// and keyboard sequences, which that estimate overrates. A random 32-byte base64url token scores about 200 bits.

/** Estimated bits a token must reach. */
export const MIN_SECRET_BITS = 100;
export const MIN_SECRET_LENGTH = 24;

/** Bits by the token's character distribution: length × the Shannon entropy of its characters. */
export function estimatedBits(token: string): number {
  const chars = [...token];
  const counts = new Map<string, number>();
  for (const ch of chars) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * chars.length;
}

/** The longest stretch of equal or consecutive (ascending or descending) characters. */
function longestSequence(token: string): number {
  let longest = token.length > 0 ? 1 : 0;
  let run = 1;
  let step = 0;
  for (let i = 1; i < token.length; i++) {
    const d = token.charCodeAt(i) - token.charCodeAt(i - 1);
    if (Math.abs(d) <= 1 && (run === 1 || d === step)) {
      run++;
      step = d;
    } else {
      run = Math.abs(d) <= 1 ? 2 : 1;
      step = d;
    }
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Why the token is too weak to protect the deployment, or null when it is strong enough. */
export function weakSecretReason(token: string): string | null {
  if (token.length < MIN_SECRET_LENGTH) return `it has ${token.length} characters; use at least ${MIN_SECRET_LENGTH}`;
  if (/\s/.test(token)) return 'it contains white space';
  if (longestSequence(token) * 2 > token.length) return 'most of it is one repeated or consecutive run of characters';
  const bits = estimatedBits(token);
  if (bits < MIN_SECRET_BITS) {
    return `it looks predictable (about ${Math.floor(bits)} bits; at least ${MIN_SECRET_BITS} needed)`;
  }
  return null;
}
