import type { AppDeps } from '../api/deps';
import { hashesEqual } from '../api/token-hash';
import type { ViewerLinkRecord } from '../store/auth-store';
import type { CampaignRecord } from '../store/store';
import { hashed } from './secrets';

// Report viewer links: what the close e-mail carries, and what the dashboard makes for someone who should read one
// report. The link opens `/report.html#view=<code>`; the page exchanges the code for a viewer session cookie and
// removes it from the address bar. The code works until the link expires or is revoked (not once only: the
// executive who opens it on the phone and later on the laptop must not be locked out), and it reaches that one
// campaign's report, read-only, and nothing else. It is no bearer token: the API takes it only in the exchange.

export const VIEWER_LINK_DAYS = 30;
const DAY_MS = 86_400_000;

type LinkDeps = Pick<AppDeps, 'store' | 'randomToken' | 'config'>;

export interface CreatedViewerLink {
  id: string;
  url: string;
  expiresAt: string;
}

/** A new viewer link for the campaign; the URL (with its code) exists only in the answer and the mail. */
export async function createReportViewerLink(
  deps: LinkDeps,
  campaign: Pick<CampaignRecord, 'id' | 'orgId'>,
  options: { label: string; createdBy: string; now: Date; days?: number },
): Promise<CreatedViewerLink> {
  const code = deps.randomToken();
  const { id, hash } = hashed(code);
  const days = options.days ?? VIEWER_LINK_DAYS;
  const expiresAt = new Date(Math.floor((options.now.getTime() + days * DAY_MS) / 1000) * 1000).toISOString();
  await deps.store.auth.putViewerLink({
    id,
    hash,
    campaignId: campaign.id,
    orgId: campaign.orgId,
    label: options.label,
    createdBy: options.createdBy,
    createdAt: options.now.toISOString(),
    expiresAt,
  });
  const base = deps.config.publicUrl.replace(/\/+$/, '');
  return { id, url: `${base}/report.html#view=${code}`, expiresAt };
}

/** The link a code opens, or null when unknown, expired or revoked. */
export async function redeemViewerCode(deps: LinkDeps, code: string, now: Date): Promise<ViewerLinkRecord | null> {
  const { id, hash } = hashed(code);
  const link = await deps.store.auth.getViewerLink(id, now);
  if (!link || link.revokedAt || !hashesEqual(link.hash, hash)) return null;
  return link;
}
