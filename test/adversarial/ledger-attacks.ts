// The ledger's side of the anonymity attacks: what a published report says about the ledger tables, as sums over
// leaf cells (a time or knowledge category, a wait kind × holder), and the attacks on them. Every additive figure of
// a published row (respondents of a leaf, a total of hours, waiting days or checks) is the sum of that figure over the
// row's leaves, so the attacker works on indicator vectors over the leaves, knowing which leaves are non-empty.
import type { LedgerAnswers } from '../../shared/ledger';
import { derivableGroups } from '../unit/privacy/disclosure-audit';

// biome-ignore lint/suspicious/noExplicitAny: report bodies are walked generically
type Json = any;

export type LedgerKey = 'time' | 'waiting' | 'knowledge';

/** A leaf cell of one wave's ledger with the respondents (indices in the wave) who have an entry in it. */
export interface Leaf {
  wave: string;
  ledger: LedgerKey;
  key: string;
  respondents: Set<number>;
}

/** A published row: its name, the leaves it sums, and its additive figures. */
export interface PublishedRow {
  wave: string;
  ledger: LedgerKey;
  name: string;
  leaves: string[];
  total: number;
}

const holderOf = (h: { department: string } | { level: string }) =>
  'level' in h ? `level:${h.level}` : `department:${h.department}`;

/** Leaf key of an entry: its category, or its kind × holder for a wait. */
export const leafKey = (ledger: LedgerKey, entry: Json): string =>
  ledger === 'waiting' ? `${entry.kind}|${holderOf(entry.heldBy)}` : entry.category;

/** The ground truth: every non-empty leaf of every ledger of a wave. */
export function leavesOf(wave: string, ledgers: readonly (LedgerAnswers | undefined)[]): Leaf[] {
  const out = new Map<string, Leaf>();
  ledgers.forEach((ledger, i) => {
    for (const name of ['time', 'waiting', 'knowledge'] as const) {
      for (const entry of ledger?.[name] ?? []) {
        const key = leafKey(name, entry);
        const id = `${wave}|${name}|${key}`;
        if (!out.has(id)) out.set(id, { wave, ledger: name, key, respondents: new Set() });
        out.get(id)!.respondents.add(i);
      }
    }
  });
  return [...out.values()];
}

/** The rows a report publishes for its ledger, with the leaves each one sums (all leaves of the wave for a total). */
export function publishedLedgerRows(wave: string, body: Json, leaves: readonly Leaf[]): PublishedRow[] {
  const out: PublishedRow[] = [];
  const ledger = body.ledger;
  if (!ledger) return out;
  for (const name of ['time', 'waiting', 'knowledge'] as const) {
    const table = ledger[name];
    if (table.suppressed) continue;
    const mine = leaves.filter((l) => l.wave === wave && l.ledger === name).map((l) => l.key);
    out.push({ wave, ledger: name, name: `${name} total`, leaves: mine, total: table.total });
    for (const row of table.rows) {
      // A shown zero sums no leaf: it adds nothing to the attack.
      if (row.suppressed || row.respondents === 0) continue;
      if (name !== 'waiting') {
        out.push({
          wave,
          ledger: name,
          name: `${name} ${row.id}`,
          leaves: [row.id],
          total: row[name === 'time' ? 'hoursPerWeek' : 'checksPerWeek'],
        });
        continue;
      }
      out.push({
        wave,
        ledger: name,
        name: `waiting ${row.id}`,
        leaves: mine.filter((key) => key.startsWith(`${row.id}|`)),
        total: row.waitingDaysPerMonth,
      });
      for (const cell of row.holders) {
        const key = `${cell.kind}|${holderOf(cell.heldBy)}`;
        out.push({ wave, ledger: name, name: `waiting ${key}`, leaves: [key], total: cell.waitingDaysPerMonth });
      }
    }
  }
  return out;
}

/**
 * Every group of leaves whose figures follow from the published rows by rational combination (an attacker who knows
 * which leaves are non-empty) and whose distinct respondents number 1..k-1. Leaves of different waves never share a
 * respondent; the rows of all waves given are attacked together.
 */
export function derivableSmallLedgerGroups(
  leaves: readonly Leaf[],
  rows: readonly PublishedRow[],
  k: number,
): string[] {
  const found: string[] = [];
  for (const ledger of ['time', 'waiting', 'knowledge'] as const) {
    const grid = leaves.filter((l) => l.ledger === ledger);
    if (grid.length === 0 || grid.length > 14) {
      if (grid.length > 14) throw new Error(`too many ${ledger} leaves for the enumeration: ${grid.length}`);
      continue;
    }
    const published = rows
      .filter((r) => r.ledger === ledger)
      .map((r) => grid.map((l) => (l.wave === r.wave && r.leaves.includes(l.key) ? 1 : 0)));
    for (const mask of derivableGroups(grid.length, published, [])) {
      const members = grid.filter((_, i) => (mask >> i) & 1);
      const people = new Set(members.flatMap((l) => [...l.respondents].map((r) => `${l.wave}|${r}`)));
      if (people.size > 0 && people.size < k) {
        found.push(`${ledger} of ${people.size}: ${members.map((l) => `${l.wave}:${l.key}`).join(' + ')}`);
      }
    }
  }
  return found;
}
