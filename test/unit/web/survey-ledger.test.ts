import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_INSTRUMENT } from '../../../shared/instrument';
import { formFieldOf, ledgerFromFields } from '../../../shared/ledger/ledger-fields';
import { renderSurveyPage } from '../../../web/survey/render-survey';
import { type Harness, seedCampaign, startHarness } from '../../http/harness';

// The survey's ledger step without JavaScript: rendered as plain fields, posted as a form, refused field by field
// with the entry's own slot named, and stored as entries.

let h: Harness;
let surveyToken: string;
beforeAll(async () => {
  h = await startHarness();
  ({ surveyToken } = await seedCampaign(h.app, {
    departments: ['Sales', 'Operations', 'Finance'],
    languages: ['en', 'de'],
    ledger: { labels: { keepDays: 60 } },
  }));
});
afterAll(() => h.close());

const form = (fields: Record<string, string>) =>
  h.app.request(`/s/${surveyToken}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
const base = () => ({
  lang: 'en',
  responseId: crypto.randomUUID(),
  startedAt: String(h.clock.now.getTime() - 400_000),
  roles_split: '3',
  level: 'frontline',
  department: 'Sales',
});

describe('the ledger step', () => {
  it('renders after the layers and signals, before the questions about the respondent, with the labels rule', async () => {
    const html = await (await h.app.request(`/s/${surveyToken}`)).text();
    const at = (s: string) => html.indexOf(s);
    expect(at('Where your time goes and where your work waits')).toBeGreaterThan(at('name="sig_capacity_for"'));
    expect(at('Where your time goes and where your work waits')).toBeLessThan(at('name="level"'));
    // Three entries per ledger; the second and third behind a disclosure a keyboard opens.
    for (const ledger of ['time', 'waiting', 'knowledge']) {
      expect(html).toContain(`id="f-ledger_${ledger}_1"`);
      expect(html).toMatch(
        new RegExp(`<details class="more"><summary>Add entry 3</summary><div class="entry" id="f-ledger_${ledger}_3"`),
      );
    }
    expect(html).toContain('<label for="f-ledger_time_1_hours">Hours a week</label>');
    expect(html).toContain('name="ledger_time_1_hours" type="number" inputmode="decimal" min="0" max="40" step="0.5"');
    // Holders: the campaign's departments, then levels; never a person.
    expect(html).toContain('<optgroup label="A department"><option value="department:Sales">Sales</option>');
    expect(html).toContain('<option value="level:executive">Senior leadership</option>');
    expect(html).toContain(
      'shown only in groups of at least 10 people and never by department, and are deleted 60 days after',
    );
    // German too.
    const de = await (await h.app.request(`/s/${surveyToken}?lang=de`)).text();
    expect(de).toContain('Wohin Ihre Zeit geht und wo Ihre Arbeit wartet');
  });

  it('is absent from a 2026.1 survey', () => {
    const html = renderSurveyPage({
      instrument: CORE_INSTRUMENT,
      ledger: null,
      campaign: { name: 'Old', departments: ['Sales'] },
      lang: 'en',
      token: 'T'.repeat(43),
    });
    expect(html).not.toContain('ledger_');
  });

  it('stores the entries of a plain form post, the skipped slots left out, labels cleaned', async () => {
    const res = await form({
      ...base(),
      ledger_time_1_category: 'rework',
      ledger_time_1_hours: '6,5',
      ledger_time_1_reason: 'only_me',
      // Slot 2 left empty, slot 3 used: the entries are the filled slots, in order.
      ledger_time_3_category: 'searching',
      ledger_time_3_hours: '2',
      ledger_waiting_1_kind: 'approval',
      ledger_waiting_1_held_by: 'department:Finance',
      ledger_waiting_1_days: '3',
      ledger_waiting_1_times: '4',
      ledger_waiting_1_label: 'invoice approvals, ask bob@acme.example',
      ledger_knowledge_2_category: 'pricing',
      ledger_knowledge_2_checks: '5',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Your receipt code');
    const [stored] = (await h.scanAll()).filter((i) => i.entity === 'response');
    expect(stored!.ledger).toEqual({
      time: [
        { category: 'rework', hoursPerWeek: 6.5, reason: 'only_me' },
        { category: 'searching', hoursPerWeek: 2 },
      ],
      waiting: [
        {
          kind: 'approval',
          heldBy: { department: 'Finance' },
          days: 3,
          timesPerMonth: 4,
          label: 'invoice approvals, ask …',
        },
      ],
      knowledge: [{ category: 'pricing', checksPerWeek: 5 }],
    });
  });

  it('comes back with the slot of each bad field named, everything typed kept, and nothing stored', async () => {
    const before = (await h.scanAll()).filter((i) => i.entity === 'response').length;
    const res = await form({
      ...base(),
      ledger_time_1_category: 'rework',
      ledger_time_1_hours: '6',
      ledger_time_3_category: 'searching',
      ledger_time_3_hours: '45',
      ledger_waiting_2_kind: 'approval',
      ledger_waiting_2_days: '3',
      ledger_waiting_2_times: '4',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    // The API says ledger.time[1] and ledger.waiting[0]; the page names the slots they were typed in.
    expect(html).toMatch(/<a href="#f-ledger_time_3_hours">expected a number from 0 to 40 in steps of 0.5<\/a>/);
    expect(html).toMatch(/<a href="#f-ledger_waiting_2_held_by">is required:/);
    expect(html).toContain('<p class="err" id="e-ledger_time_3_hours">');
    expect(html).toContain('aria-describedby="e-ledger_time_3_hours" aria-invalid="true"');
    expect(html).toContain(
      'name="ledger_time_3_hours" type="number" inputmode="decimal" min="0" max="40" step="0.5" value="45"',
    );
    expect(html).toMatch(
      /<details class="more" open><summary>Add entry 3<\/summary><div class="entry" id="f-ledger_time_3"/,
    );
    expect(html).toContain('<option value="rework" selected>');
    expect((await h.scanAll()).filter((i) => i.entity === 'response').length).toBe(before);
  });
});

describe('ledger form fields', () => {
  it('become entries in slot order, and map API fields back to their slots', () => {
    const { ledger, slots } = ledgerFromFields({
      ledger_waiting_3_kind: 'materials',
      ledger_waiting_3_held_by: 'level:manager',
      ledger_waiting_3_days: 'soon',
      ledger_waiting_1_kind: 'approval',
      ledger_waiting_1_held_by: 'Finance',
      ledger_knowledge_1_category: '',
      other: 'x',
    });
    expect(ledger).toEqual({
      waiting: [
        { kind: 'approval', heldBy: { department: 'Finance' } },
        { kind: 'materials', heldBy: { level: 'manager' }, days: 'soon' },
      ],
    });
    expect(formFieldOf('ledger.waiting[1].days', slots)).toBe('ledger_waiting_3_days');
    expect(formFieldOf('ledger.waiting[0].heldBy.department', slots)).toBe('ledger_waiting_1_held_by');
    expect(formFieldOf('ledger.waiting', slots)).toBeNull();
    expect(ledgerFromFields({}).ledger).toBeUndefined();
  });
});
