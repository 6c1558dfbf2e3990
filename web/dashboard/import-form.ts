// /dashboard.html's upload form: answers collected in another survey tool, uploaded into an open campaign through
// POST /api/v1/campaigns/{id}/imports (with a mapping file from `orgos map`, when the columns need one). Its own
// module, apart from dashboard.ts: the session cookie goes with every call, and the change carries the session's
// CSRF token (account/session-client.ts); shown only to roles the policy lets import.
import { can, getSession } from '../account/session-client';
import { esc } from '../html';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

interface Problem {
  detail?: string;
  errors?: { field: string; message: string }[];
}

interface ImportResult {
  rows: number;
  imported: number;
  alreadyImported: number;
  skipped: { count: number };
  file: { encoding: string; bom: boolean; delimiter: string; lineEnds: string | null; tool: string | null };
  columns: { read: unknown[]; ignored: string[]; identifying: string[] };
}

let csrf = '';

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** The open campaigns of the caller's portfolio, as options. */
async function loadCampaigns(): Promise<void> {
  const select = $<HTMLSelectElement>('import-campaign');
  try {
    const { orgs } = await getJson<{ orgs: { id: string; name: string }[] }>('/api/v1/orgs');
    const lists = await Promise.all(
      orgs.map(async (o) => ({
        org: o,
        campaigns: (
          await getJson<{ campaigns: { id: string; name: string; status: string }[] }>(
            `/api/v1/orgs/${encodeURIComponent(o.id)}/campaigns`,
          )
        ).campaigns,
      })),
    );
    const options = lists.flatMap(({ org, campaigns }) =>
      campaigns
        .filter((c) => c.status === 'open')
        .map((c) => `<option value="${esc(c.id)}">${esc(org.name)}: ${esc(c.name)}</option>`),
    );
    select.innerHTML = options.join('') || '<option value="">No open campaign</option>';
  } catch {
    select.innerHTML = '<option value="">Could not load the campaigns</option>';
  }
}

function describe(r: ImportResult): string {
  const file = `${r.file.encoding}${r.file.bom ? ' with BOM' : ''}, ${r.file.delimiter}-separated${
    r.file.lineEnds ? `, ${r.file.lineEnds} line ends` : ''
  }${r.file.tool ? `, ${r.file.tool} layout` : ''}`;
  const lines = [
    `<p>${r.imported} of ${r.rows} rows imported` +
      (r.alreadyImported ? `, ${r.alreadyImported} were already imported` : '') +
      (r.skipped.count ? `, ${r.skipped.count} empty rows skipped` : '') +
      ` (${esc(file)}; ${r.columns.read.length} columns read).</p>`,
  ];
  if (r.columns.ignored.length) lines.push(`<p>Ignored, not scored: ${esc(r.columns.ignored.join(', '))}</p>`);
  if (r.columns.identifying.length) {
    lines.push(`<p>Identifying, never read: ${esc(r.columns.identifying.join(', '))}</p>`);
  }
  return lines.join('');
}

function describeProblem(status: number, p: Problem): string {
  const list = (p.errors ?? [])
    .slice(0, 20)
    .map((e) => `<li><code>${esc(e.field)}</code> ${esc(e.message)}</li>`)
    .join('');
  return `<p>Nothing was imported (${status}): ${esc(p.detail ?? 'the upload was refused')}</p>${list ? `<ul>${list}</ul>` : ''}`;
}

async function submit(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const out = $('import-out');
  const campaign = $<HTMLSelectElement>('import-campaign').value;
  const file = $<HTMLInputElement>('import-file').files?.[0];
  const mapping = $<HTMLInputElement>('import-mapping').files?.[0];
  if (!campaign || !file) {
    out.textContent = 'Choose an open campaign and a CSV file.';
    return;
  }
  const body = new FormData();
  // The mapping goes first: the server reads the file as it arrives, with the mapping already known.
  if (mapping) body.append('mapping', await mapping.text());
  body.append('file', file, file.name);
  out.textContent = 'Uploading…';
  const res = await fetch(`/api/v1/campaigns/${encodeURIComponent(campaign)}/imports`, {
    method: 'POST',
    headers: { accept: 'application/json', 'x-csrf-token': csrf },
    body,
  });
  const json = (await res.json().catch(() => ({}))) as ImportResult & Problem;
  out.innerHTML = res.ok ? describe(json) : describeProblem(res.status, json);
}

async function start(): Promise<void> {
  const panel = $('import-panel');
  const form = $<HTMLFormElement>('import-form');
  if (!panel || !form) return;
  const session = await getSession().catch(() => null);
  if (!session?.signedIn || !can(session, 'campaign.import')) return;
  csrf = session.csrfToken ?? '';
  panel.hidden = false;
  form.addEventListener('submit', (e) => void submit(e));
  $('import-refresh').addEventListener('click', () => void loadCampaigns());
  await loadCampaigns();
}

void start();
