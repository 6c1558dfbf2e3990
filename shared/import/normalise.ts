// Header and label text compared as people see it: case, punctuation, quotes and spacing vary from tool to tool
// ("Don’t know" / "Don't know", "Stimme voll zu " / "stimme voll zu"), the words do not.

/** Lower case (ß as ss, as "WEISS NICHT" spells it), compatibility-normalised, letters and digits only. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) out.set(s, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

/**
 * How alike two normalised texts are, 0..1: the Dice coefficient of their character pairs, which works alike for
 * words and for Chinese characters, and shrugs off a changed word or two in a long question.
 */
export function similarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [pair, n] of x) {
    shared += Math.min(n, y.get(pair) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return (2 * shared) / total;
}
