// The dashboard's report links of a campaign: the viewer links the close mailed to the contacts and those made here,
// with whom each is for, its expiry and last use, a button to revoke each, and a form to make a new one (shown once).
// A viewer link opens that one report, read-only, and nothing else.

import { api } from '../account/session-client';
import { esc } from '../html';

interface ViewerLink {
  id: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  lastUsedOn: string | null;
  revokedAt: string | null;
  active: boolean;
}

interface CampaignRef {
  id: string;
  name: string;
}

function rows(links: ViewerLink[]): string {
  if (links.length === 0)
    return '<p class="muted">No report links yet. The close mails one to each executive contact.</p>';
  const body = links
    .map((l) => {
      const state = l.revokedAt
        ? `revoked ${esc(l.revokedAt.slice(0, 10))}`
        : l.active
          ? `<button type="button" class="secondary" data-vl-revoke="${esc(l.id)}" aria-describedby="vl-${esc(l.id)}">Revoke</button>`
          : 'expired';
      return `<tr><th scope="row" id="vl-${esc(l.id)}">${esc(l.label)}</th><td>${esc(l.createdAt.slice(0, 10))}</td><td>${esc(
        l.expiresAt.slice(0, 10),
      )}</td><td>${esc(l.lastUsedOn ?? 'never')}</td><td>${state}</td></tr>`;
    })
    .join('');
  return `<table class="data"><caption class="sr-only">Report links</caption><thead><tr><th scope="col">For</th><th scope="col">Made</th><th scope="col">Expires</th><th scope="col">Last opened</th><th scope="col">Access</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** Renders the campaign's report links into `out` and wires its buttons. */
export async function showViewerLinks(out: HTMLElement, campaign: CampaignRef, made = ''): Promise<void> {
  const path = `/api/v1/campaigns/${encodeURIComponent(campaign.id)}/viewer-links`;
  const { links } = await api<{ links: ViewerLink[] }>(path);
  const id = esc(campaign.id);
  out.innerHTML = `<h4>Report links for ${esc(campaign.name)}</h4><p class="help">Each opens this campaign’s report only, read-only, until it expires or is revoked.</p>${rows(
    links,
  )}<form class="inline-form row" data-vl-form="${id}"><div class="q"><label for="vl-label-${id}">New link for (a name)</label><input id="vl-label-${id}" name="label" required maxlength="120"></div><button type="submit">Make report link</button></form>${made}`;
  out.querySelector('form')!.addEventListener('submit', async (e) => {
    e.preventDefault();
    const label = (out.querySelector(`#vl-label-${CSS.escape(campaign.id)}`) as HTMLInputElement).value.trim();
    if (!label) return;
    const link = await api<{ url: string; expiresAt: string }>(path, { method: 'POST', body: { label } });
    await showViewerLinks(
      out,
      campaign,
      `<p>Report link for <strong>${esc(label)}</strong>, valid until ${esc(
        link.expiresAt.slice(0, 10),
      )}. It is shown only now: copy it and send it.</p><code class="linkbox">${esc(link.url)}</code>`,
    );
  });
  for (const button of out.querySelectorAll<HTMLButtonElement>('button[data-vl-revoke]')) {
    button.addEventListener('click', async () => {
      if (button.dataset.confirm !== 'yes') {
        button.dataset.confirm = 'yes';
        button.textContent = 'Confirm revoke';
        return;
      }
      await api(`${path}/${encodeURIComponent(button.dataset.vlRevoke!)}`, { method: 'DELETE' });
      await showViewerLinks(out, campaign, '<p>The link was revoked: it opens nothing any more.</p>');
    });
  }
}
