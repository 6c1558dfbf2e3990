// /report.html: reads the campaign id and the bearer token from the URL fragment (#campaign=…&token=…; a fragment is
// never sent to a server, so the token stays out of Referer headers and access logs), fetches the report JSON and
// renders it with the same pure renderer the CLI uses.

import { type ReportModel, renderReportBody } from './render-report';

const main = document.getElementById('report') as HTMLElement;
const status = document.getElementById('report-status') as HTMLElement;

function params(): { campaign: string | null; token: string | null } {
  const p = new URLSearchParams(location.hash.slice(1));
  return { campaign: p.get('campaign'), token: p.get('token') };
}

function say(text: string): void {
  status.textContent = text;
  status.hidden = false;
}

async function load(): Promise<void> {
  const { campaign, token } = params();
  if (!campaign || !token) {
    say('This page needs the full report link you were given (it ends with #campaign=…&token=…).');
    return;
  }
  const url = `/api/v1/campaigns/${encodeURIComponent(campaign)}/report`;
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  let res: Response;
  try {
    res = await fetch(url, { headers });
  } catch {
    say('The report could not be loaded: no connection. Try again in a moment.');
    return;
  }
  if (!res.ok) {
    say(
      res.status === 401
        ? 'This report link has expired or was revoked. Ask for a new one.'
        : res.status === 404 || res.status === 403
          ? 'No report was found for this link.'
          : `The report could not be loaded (error ${res.status}).`,
    );
    return;
  }
  const model = (await res.json()) as ReportModel;
  // The operating account beside the report (issue 11); a report reads fine without it.
  const account = await fetch(`/api/v1/campaigns/${encodeURIComponent(campaign)}/account`, { headers })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
  if (account && model.campaign?.orgId) {
    model.account = account;
    model.accountLink = `/account.html#org=${encodeURIComponent(model.campaign.orgId)}&token=${encodeURIComponent(token)}`;
  }
  document.title = `${model.campaign?.name ?? 'Campaign'} – Org OS readiness report`;
  main.innerHTML = `<div class="toolbar"><button type="button" id="print">Print or save as PDF</button><button type="button" id="csv" class="secondary">Download CSV</button></div>${renderReportBody(
    model,
  )}`;
  status.hidden = true;
  document.getElementById('print')?.addEventListener('click', () => print());
  document.getElementById('csv')?.addEventListener('click', async () => {
    const csv = await fetch(`${url}?format=csv`, { headers: { authorization: `Bearer ${token}` } });
    if (!csv.ok) return say(`The CSV export failed (error ${csv.status}).`);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await csv.blob());
    a.download = `orgos-report-${campaign}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
}

addEventListener('hashchange', () => void load());
void load();
