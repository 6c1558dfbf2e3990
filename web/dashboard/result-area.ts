// An organisation's result area shows one form at a time. A form that loads first (the profile) must not replace
// one opened after it was asked for: each opening claims the area, and a late load checks it still holds it.

let next = 0;

/** Claims `out` for what is about to be shown; the function says whether nothing was opened there since. */
export function claim(out: HTMLElement): () => boolean {
  const token = String(++next);
  out.dataset.claim = token;
  return () => out.dataset.claim === token;
}
