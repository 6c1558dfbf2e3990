import { isClosed, openLinkAllowed } from '../lifecycle/campaign-state';
import type { CampaignRecord, OrgRecord } from '../store/store';

// What clients see of stored entities: secrets (receipt keys, hashes) and bookkeeping never leave the server.

export { isClosed };

export const campaignView = (c: CampaignRecord, now: Date) => ({
  id: c.id,
  orgId: c.orgId,
  name: c.name,
  departments: c.departments,
  minGroupSize: c.minGroupSize,
  closesAt: c.closesAt,
  closedAt: c.closedAt,
  status: isClosed(c, now) ? ('closed' as const) : ('open' as const),
  languages: c.languages,
  instrument: c.instrument,
  createdAt: c.createdAt,
  openLink: openLinkAllowed(c),
  remindAt: c.remindAt ?? [],
  reportSentAt: c.reportSentAt ?? null,
  /** The ledger step's own lists and label setting; null: the instrument's defaults, no labels. */
  ledger: c.ledger ?? null,
  archived: c.archivedAt !== undefined,
});

export const orgView = (o: OrgRecord) => ({
  id: o.id,
  name: o.name,
  createdAt: o.createdAt,
  archived: o.archivedAt !== undefined,
});
