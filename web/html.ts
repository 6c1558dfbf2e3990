// Markup helpers for the server-side and pure renderers. Every piece of text that reaches HTML goes through esc().

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Joins class names, dropping empty ones. */
export const cls = (...names: (string | false | null | undefined)[]): string => names.filter(Boolean).join(' ');

/** A class attribute, or nothing when no class applies. */
export function classAttr(...names: (string | false | null | undefined)[]): string {
  const value = cls(...names);
  return value ? ` class="${value}"` : '';
}
