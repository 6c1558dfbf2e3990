import {
  type AccountSummary,
  accountSummary,
  baselineCell,
  type CapacityRecord,
  type CellFigures,
  type CellRef,
  communicationOf,
  type Entry,
  type Flow,
  isClosedStatus,
  lookupCell,
  movedBetween,
  type ReconciliationView,
  type Review,
  reconcile,
  recordInForce,
  registerState,
  reviewCadence,
  shownCells,
} from '../../shared/account';
import { closedAtOf } from '../lifecycle/campaign-state';
import type { CampaignReport } from '../reports/build-report';
import { instrumentOf } from '../reports/campaign-stats';
import { flowsAsOf } from '../reports/register';
import type { AccountItemRecord } from '../store/account-store';
import type { CampaignRecord, OrgRecord, Store } from '../store/store';
import { ledgerOf, publishedWaves, type ReportDeps, reportCache, type Wave, waveFacts } from './published';

// The account as the API, the pages and the report show it: the stored items with their versions, and what is
// worked out from them and the published waves (pending reconciliations, proposals, the review summary).

export interface AccountRecords {
  entries: AccountItemRecord<Entry>[];
  capacity: AccountItemRecord<CapacityRecord>[];
  flows: AccountItemRecord<Flow>[];
  reviews: AccountItemRecord<Review<AccountSummary>>[];
}

export async function loadAccount(store: Store, orgId: string): Promise<AccountRecords> {
  const [entries, capacity, flows, reviews] = await Promise.all([
    store.listAccountItems<Entry>(orgId, 'entry'),
    store.listAccountItems<CapacityRecord>(orgId, 'capacity'),
    store.listAccountItems<Flow>(orgId, 'flow'),
    store.listAccountItems<Review<AccountSummary>>(orgId, 'review'),
  ]);
  const byCreation = <T>(a: AccountItemRecord<T>, b: AccountItemRecord<T>) =>
    a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  return {
    entries: entries.sort(byCreation),
    capacity: capacity.sort(byCreation),
    flows: flows.sort(byCreation),
    reviews: reviews.sort(byCreation),
  };
}

/** What a client sees of an account item: its data, id, version and times (never the creation hash). */
export const itemView = <T>(r: AccountItemRecord<T>) => ({
  ...r.data,
  id: r.id,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const day = (iso: string) => iso.slice(0, 10);

/** The capacity decisions by the day they were taken, then by when they were recorded. */
const decisions = (records: AccountRecords): CapacityRecord[] => records.capacity.map((r) => r.data);

export interface Proposal {
  campaignId: string;
  index: number;
  action: string;
  ledger: string | null;
  /** The entry it became (accepted or dismissed), if any. */
  entryId: string | null;
}

/** The cell an entry was made from, read in another wave. */
async function cellIn(
  report: (c: CampaignRecord) => Promise<CampaignReport>,
  wave: Wave,
  ref: CellRef,
): Promise<ReturnType<typeof lookupCell>> {
  return lookupCell((await waveFacts(report, wave.campaign))?.ledger, ref);
}

/** The latest published wave after the entry's baseline wave that it was not reconciled against, reconciled. */
async function pendingReconciliation(
  entry: Entry,
  waves: Wave[],
  report: (c: CampaignRecord) => Promise<CampaignReport>,
): Promise<ReconciliationView | null> {
  const cell = baselineCell(entry.source)?.cell;
  if (!cell || isClosedStatus(entry.status)) return null;
  const baseline = waves.find((w) => w.campaign.id === cell.campaignId);
  const later = waves.filter((w) => (!baseline || w.closedAt > baseline.closedAt) && w.campaign.id !== cell.campaignId);
  const latest = later.at(-1);
  if (!latest || entry.reconciliations.some((r) => r.campaignId === latest.campaign.id)) return null;
  return reconcile(entry, latest.campaign.id, await cellIn(report, latest, cell));
}

/** The pending reconciliation of one entry (GET of a single entry): the waves, and at most one report, are read. */
export async function pendingFor(deps: ReportDeps, org: OrgRecord, entry: Entry, now: Date) {
  if (!baselineCell(entry.source) || isClosedStatus(entry.status)) return null;
  return pendingReconciliation(entry, await publishedWaves(deps, org.id, now), reportCache(deps, org, now));
}

export interface AccountView {
  orgId: string;
  entries: (ReturnType<typeof itemView<Entry>> & { pendingReconciliation: ReconciliationView | null })[];
  proposals: Proposal[];
  capacity: ReturnType<typeof itemView<CapacityRecord>>[];
  flows: (ReturnType<typeof itemView<Flow>> & { state: ReturnType<typeof registerState>[number] | null })[];
  reviews: ReturnType<typeof itemView<Review<AccountSummary>>>[];
  summary: AccountSummary;
  /** The latest published wave, whose shown ledger cells entries can be made from. */
  latestWave: { campaignId: string; name: string; closedAt: string } | null;
  cells: { ref: CellRef; figures: CellFigures }[];
}

export async function accountView(deps: ReportDeps, org: OrgRecord, now: Date): Promise<AccountView> {
  const [records, waves] = await Promise.all([loadAccount(deps.store, org.id), publishedWaves(deps, org.id, now)]);
  const report = reportCache(deps, org, now);
  const entries = records.entries.map((r) => r.data);
  const latest = waves.at(-1) ?? null;
  const latestReport = latest ? await report(latest.campaign) : null;
  const states = new Map(registerState(records.flows.map((f) => f.data)).map((s) => [s.id, s]));
  const taken = (campaignId: string, index: number) =>
    entries.find(
      (e) => e.source.kind === 'recommendation' && e.source.campaignId === campaignId && e.source.index === index,
    )?.id ?? null;
  return {
    orgId: org.id,
    entries: await Promise.all(
      records.entries.map(async (r) => ({
        ...itemView(r),
        pendingReconciliation: await pendingReconciliation(r.data, waves, report),
      })),
    ),
    proposals:
      latest && latestReport
        ? (latestReport.recommendations ?? []).map((rec, index) => ({
            campaignId: latest.campaign.id,
            index,
            action: rec.action,
            ledger: rec.ledger,
            entryId: taken(latest.campaign.id, index),
          }))
        : [],
    capacity: records.capacity.map(itemView),
    flows: records.flows.map((r) => ({ ...itemView(r), state: states.get(r.id) ?? null })),
    reviews: records.reviews.map(itemView),
    summary: accountSummary(
      entries,
      decisions(records),
      records.flows.map((f) => f.data),
      day(now.toISOString()),
    ),
    latestWave: latest
      ? { campaignId: latest.campaign.id, name: latest.campaign.name, closedAt: latest.closedAt }
      : null,
    cells:
      latest && latestReport
        ? shownCells(ledgerOf(latestReport)).map((c) => ({ ...c, ref: { ...c.ref, campaignId: latest.campaign.id } }))
        : [],
  };
}

// ---- the report's "Operating account" section -----------------------------------------------------------------

export interface AccountSection {
  entries: {
    total: number;
    /** Entries whose status moved while this wave ran (from its creation to its close, or to now while open). */
    moved: number;
    items: {
      id: string;
      ledger: Entry['ledger'];
      title: string;
      status: Entry['status'];
      ownerRole: string | null;
      baseline: Entry['baseline'];
      target: Entry['target'];
      current: Entry['current'];
      due: Entry['due'];
      /** For an entry made from a cell of an earlier wave: the same cell in this wave (confirmed, or suggested). */
      reconciliation: (ReconciliationView & { confirmed?: Entry['status'] }) | null;
      /** The index of this wave's recommendation the entry was taken from (accepted or dismissed), else null. */
      recommendation: number | null;
      /** The published cell the entry's baseline comes from, in its own wave; null for a typed entry. */
      cell: CellRef | null;
    }[];
  };
  /** What leadership recorded beside what the workforce of this wave says was decided. */
  communication: ReturnType<typeof communicationOf> | null;
  summary: AccountSummary;
  cadence: ReturnType<typeof reviewCadence>;
}

/**
 * The account as the report of one wave shows it: every entry with, for those made from an earlier wave's cell, the
 * same cell in this wave (only once this wave is published); the capacity decision in force at the close beside the
 * workforce's answers; freed capacity by destination; the register; the review log beside the workforce's view.
 */
export async function accountSection(
  deps: ReportDeps,
  campaign: CampaignRecord,
  report: (c: CampaignRecord) => Promise<CampaignReport>,
  now: Date,
): Promise<AccountSection> {
  const [records, facts] = await Promise.all([loadAccount(deps.store, campaign.orgId), waveFacts(report, campaign)]);
  const entries = records.entries.map((r) => r.data);
  const closedAt = closedAtOf(campaign, now);
  // The register as it stood at the close, as the wave's diagnosis reads it: a flow fixed later is the next wave's.
  const flows = await flowsAsOf(deps.store, campaign.orgId, records.flows, closedAt);
  const waveDay = day(closedAt ?? now.toISOString());
  const ledger = facts?.ledger ?? null;
  const items = entries.map((e) => {
    let reconciliation: AccountSection['entries']['items'][number]['reconciliation'] = null;
    const cell = baselineCell(e.source)?.cell ?? null;
    if (cell && cell.campaignId !== campaign.id && facts) {
      reconciliation =
        e.reconciliations.find((r) => r.campaignId === campaign.id) ??
        reconcile(e, campaign.id, lookupCell(ledger, cell));
    }
    return {
      id: e.id,
      ledger: e.ledger,
      title: e.title,
      status: e.status,
      ownerRole: e.ownerRole,
      baseline: e.baseline,
      target: e.target,
      current: e.current,
      due: e.due,
      reconciliation,
      // The index of this wave's recommendation the entry was taken from: the report shows its owner and due date.
      recommendation: e.source.kind === 'recommendation' && e.source.campaignId === campaign.id ? e.source.index : null,
      // The cell its baseline comes from: a ledger action of this wave naming the same cell is this entry's work.
      cell,
    };
  });
  const decided = decisions(records);
  return {
    entries: {
      total: entries.length,
      moved: movedBetween(entries, campaign.createdAt, closedAt ?? now.toISOString()).length,
      items,
    },
    communication: facts
      ? communicationOf(
          instrumentOf(campaign),
          recordInForce(decided, waveDay),
          facts.capacityDecided,
          facts.capacityDecision,
          facts.minGroupSize,
        )
      : null,
    summary: accountSummary(entries, decided, flows, day(now.toISOString())),
    cadence: reviewCadence(
      records.reviews.map((r) => r.data),
      waveDay,
      facts?.reviewed ?? null,
    ),
  };
}

/**
 * What the close email says of the account: how many entries moved during the wave, and the red signals of the
 * register as it stood at the close (a mail sent late, after a retry, says what the report says); undefined when the
 * organisation kept no account at the close (no entry, no flow), so its mail says nothing of one.
 */
export async function accountMailFacts(
  store: Store,
  campaign: CampaignRecord,
  closedAt: string,
): Promise<{ moved: number; red: { flow: string; signal: string }[] } | undefined> {
  const records = await loadAccount(store, campaign.orgId);
  const flows = await flowsAsOf(store, campaign.orgId, records.flows, closedAt);
  if (records.entries.length === 0 && flows.length === 0) return undefined;
  const moved = movedBetween(
    records.entries.map((r) => r.data),
    campaign.createdAt,
    closedAt,
  ).length;
  const red = registerState(flows).flatMap((f) => f.red.map((signal) => ({ flow: f.name, signal })));
  return { moved, red };
}
