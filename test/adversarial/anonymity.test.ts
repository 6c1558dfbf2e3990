import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CURRENT_INSTRUMENT,
  DONT_KNOW,
  isLikert,
  LAYERS,
  LEVELS,
  type Level,
  LIKERT_SIGNALS,
  layerItems,
} from '../../shared/instrument';
import type { LedgerAnswers } from '../../shared/ledger';
import { suppressSegments } from '../../shared/privacy';
import type { Answers, SurveyResponse } from '../../shared/response';
import { scoreResponses } from '../../shared/scoring';
import { choiceAnswer } from '../factories';
import { ADMIN_TOKEN, call, closeCampaign, type Harness, startHarness } from '../http/harness';
import {
  derivableSmallLedgerGroups,
  type Leaf,
  leavesOf,
  type PublishedRow,
  publishedLedgerRows,
} from './ledger-attacks';
import { buildWorld, seededRandom, type World } from './support';

// Anonymity attacks on small campaigns with known answers, one group below the minimum group size in each. The
// attacker is the campaign's own consultant (or executive): fetches every report, CSV export and comparison the API
// offers, tries filters, and adds and subtracts everything published. Two checks, on every campaign:
//  - brute force: every combination (coefficients -1, 0, 1) of published groups, per figure (counts, each layer's
//    score, each signal's), that singles out a set of department x level cells (cells not known to be empty) whose
//    respondents number 1..k-1: there must be none;
//  - no published number anywhere equals a figure of a group (department, level, or cell) of fewer than k.

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h.app);
});
afterAll(() => h.close());

const MEASURES = ['count', ...LAYERS, ...LIKERT_SIGNALS] as const;
type Measure = (typeof MEASURES)[number];
const KNOWLEDGE_ITEMS = new Set(layerItems(CURRENT_INSTRUMENT, 'knowledge').map((i) => i.id));

interface CellSpec {
  department: string;
  level: Level;
  n: number;
  /** The last `low` respondents of the cell are the small group under attack: they answer at the bottom of the scale. */
  low?: number;
  /** Don't know on every knowledge item for the first `dk` respondents of the cell. */
  dk?: number;
}

interface Campaign {
  id: string;
  orgId: string;
  surveyToken: string;
  label: string;
  k: number;
  departments: string[];
  cells: { department: string; level: Level; responses: SurveyResponse[]; receipts: string[] }[];
  /** The respondents of the small group under attack. */
  low: SurveyResponse[];
}

const random = seededRandom(44_017);

/**
 * Answers that score at the bottom (0..25) for the small group under attack and at the top (75..100) for everyone
 * else, varied per respondent: any published group of at least k mixes at most a few of the small group into many
 * others, so a published number equal to one of the small group's figures would be a leak, not a coincidence.
 */
function answers(low: boolean, dk: boolean): Answers {
  const out: Answers = {};
  for (const item of CURRENT_INSTRUMENT.items) {
    if (!isLikert(item)) out[item.id] = choiceAnswer(item, low ? 'headcount_only' : 'organisational_learning');
    else if (dk && KNOWLEDGE_ITEMS.has(item.id)) out[item.id] = DONT_KNOW;
    else {
      const agree = (low ? 1 : 4) + Math.floor(random() * 2);
      out[item.id] = item.reverse ? 6 - agree : agree;
    }
  }
  return out;
}

async function campaignWith(
  label: string,
  specs: CellSpec[],
  options: { orgId?: string; minGroupSize?: number } = {},
): Promise<Campaign> {
  const departments = [...new Set(specs.map((s) => s.department))];
  const orgId = options.orgId ?? w.a.orgId;
  const made = await call(h.app, 'POST', `/api/v1/orgs/${orgId}/campaigns`, {
    token: w.consultantA.token,
    body: { name: label, departments, ...(options.minGroupSize ? { minGroupSize: options.minGroupSize } : {}) },
  });
  expect(made.status).toBe(201);
  const campaign: Campaign = {
    id: made.body.id,
    orgId,
    surveyToken: made.body.surveyToken,
    label,
    k: made.body.minGroupSize,
    departments,
    cells: [],
    low: [],
  };
  for (const spec of specs) {
    const cell = { department: spec.department, level: spec.level, responses: [] as SurveyResponse[], receipts: [] };
    for (let i = 0; i < spec.n; i++) {
      const low = i >= spec.n - (spec.low ?? 0);
      const response = { answers: answers(low, i < (spec.dk ?? 0)), level: spec.level, department: spec.department };
      const res = await submit(campaign, response);
      cell.receipts.push(res.body.receipt as never);
      cell.responses.push({ ...response, durationS: 600 });
      if (low) campaign.low.push({ ...response, durationS: 600 });
    }
    campaign.cells.push(cell);
  }
  return campaign;
}

async function submit(campaign: Campaign, response: { answers: Answers; level: Level; department: string }) {
  const res = await call(h.app, 'POST', `/api/v1/surveys/${campaign.surveyToken}/responses`, {
    body: { responseId: crypto.randomUUID(), ...response, durationS: 600 },
  });
  expect(res.status).toBe(201);
  return res;
}

// ---- what the attacker sees --------------------------------------------------------------------------------------

interface Figure {
  n: number;
  score: number | null;
}

/** A group the API published a figure for, with the cells it is the union of. */
interface Published {
  campaignId: string;
  name: string;
  breakdown: 'total' | 'department' | 'level';
  key: string | null;
  figures: Partial<Record<Measure, Figure>>;
}

// biome-ignore lint/suspicious/noExplicitAny: report bodies are walked generically
type Json = any;

const report = (campaignId: string, query = '', token = w.consultantA.token) =>
  call(h.app, 'GET', `/api/v1/campaigns/${campaignId}/report${query}`, { token });

function publishedGroups(campaignId: string, body: Json): Published[] {
  const out: Published[] = [];
  const figuresOf = (n: number, layers?: Json, signals?: Json): Published['figures'] => {
    const figures: Published['figures'] = { count: { n, score: null } };
    for (const [m, s] of [...Object.entries(layers ?? {}), ...Object.entries(signals ?? {})] as [Measure, Json][]) {
      if (s.score !== null) figures[m] = { n: s.n, score: s.score };
    }
    return figures;
  };
  if (!body.suppressed) {
    out.push({
      campaignId,
      name: 'total',
      breakdown: 'total',
      key: null,
      figures: figuresOf(body.n, body.layers, body.signals),
    });
  }
  for (const breakdown of ['department', 'level'] as const) {
    for (const row of body.segments[breakdown] as Json[]) {
      if (row.suppressed) continue;
      out.push({ campaignId, name: row.name, breakdown, key: row.name, figures: figuresOf(row.n, row.layers) });
    }
  }
  return out;
}

/** Every number in a JSON value. */
function numbersIn(value: Json, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) numbersIn(v, out);
  return out;
}

/**
 * Where a group's score can show up: scores and their intervals, compared scores, the leadership gap. (A change
 * between waves is a difference of two published totals, which the brute force covers.)
 */
const SCORE_KEYS = new Set(['score', 'ci95', 'scores', 'leadershipGap']);

/** Every number under a score-like key (counts, rates and maturity levels are small integers that say nothing). */
function scoresIn(value: Json, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const v of value) scoresIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) (SCORE_KEYS.has(key) ? numbersIn : scoresIn)(v, out);
  }
  return out;
}

interface View {
  groups: Published[];
  numbers: number[];
}

/** Everything an attacker can fetch about the campaigns: reports, CSV exports, a comparison; filters are tried too. */
async function harvest(campaigns: Campaign[]): Promise<View> {
  const groups: Published[] = [];
  const numbers: number[] = [];
  for (const c of campaigns) {
    const json = await report(c.id);
    expect(json.status).toBe(200);
    expect(json.body.published).toBe(true);
    groups.push(...publishedGroups(c.id, json.body));
    scoresIn(json.body, numbers);
    // The executive's view is the same report (and no report at all outside its organisation).
    const asExecutive = await report(c.id, '', w.executiveA.token);
    if (c.orgId === w.a.orgId) {
      expect({ ...asExecutive.body, generatedAt: null }).toEqual({ ...json.body, generatedAt: null });
    } else expect(asExecutive.status).toBe(404);

    // The CSV export publishes nothing the JSON does not: same groups, same counts, the JSON's scores rounded.
    const csv = await report(c.id, '?format=csv');
    const [header, ...rows] = csv.text
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    const jsonGroups = publishedGroups(c.id, json.body);
    for (const row of rows) {
      const [breakdown, group, n, suppressed] = row;
      // The ledger's rows are attacked on their own (ledger-attacks.ts, below).
      if (breakdown!.startsWith('ledger')) continue;
      const match = jsonGroups.find((g) => g.breakdown === breakdown && (g.key ?? 'all') === group);
      if (suppressed === 'true' || !match) {
        expect(match, `${c.label}: CSV shows ${breakdown} ${group}`).toBeUndefined();
        expect(row.slice(2).every((v) => v === '' || v === 'true')).toBe(true);
        continue;
      }
      expect(Number(n)).toBe(match.figures.count!.n);
      row.slice(4).forEach((cell, i) => {
        const column = header![i + 4]!;
        if (cell === '' || !column.endsWith('_score')) return;
        const json = match.figures[column.replace(/_score$/, '') as Measure]?.score;
        // One decimal in the CSV.
        expect(
          Math.abs(Number(cell) - (json ?? Number.NaN)),
          `${c.label}: ${breakdown} ${group} ${column}`,
        ).toBeLessThanOrEqual(0.05 + 1e-9);
      });
    }

    // Filters do not exist: asking for one is refused, naming it, and the report stays as it was.
    for (const query of [
      '?department=Operations',
      '?level=executive',
      '?department=Operations&level=frontline',
      '?segment=Operations',
      '?filter=department%3DOperations',
      '?minGroupSize=1',
      '?k=1',
      '?excludeFlagged=true',
      '?since=2026-01-01T00%3A00%3A00Z',
      '?format=csv&department=Operations',
    ]) {
      const res = await report(c.id, query);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const field = [...new URLSearchParams(query.slice(1)).keys()].find((key) => key !== 'format');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(numbersIn(res.body)).toEqual([400]);
    }
    const again = await report(c.id);
    expect({ ...again.body, generatedAt: null }).toEqual({ ...json.body, generatedAt: null });
  }
  const ids = campaigns.map((c) => c.id).join(',');
  const compare = await call(h.app, 'GET', `/api/v1/compare?campaigns=${ids}`, { token: w.consultantA.token });
  expect(compare.status).toBe(200);
  scoresIn(compare.body, numbers);
  // A comparison shows whole-workforce totals only, the very ones of the reports.
  for (const entry of compare.body.campaigns as Json[]) {
    const total = groups.find((g) => g.campaignId === entry.id && g.breakdown === 'total');
    if (!entry.scores) continue;
    for (const [m, score] of Object.entries(entry.scores as Record<string, number | null>)) {
      expect(score, `${m} compared`).toBe(total?.figures[m as Measure]?.score ?? null);
    }
  }
  const filtered = await call(h.app, 'GET', `/api/v1/compare?campaigns=${ids}&department=Operations`, {
    token: w.consultantA.token,
  });
  expect(filtered.status).toBe(400);
  return { groups, numbers };
}

// ---- the ground truth and the attacks ----------------------------------------------------------------------------

interface Cell {
  campaignId: string;
  department: string;
  level: Level;
  responses: SurveyResponse[];
}

const cellsOf = (campaigns: Campaign[]): Cell[] =>
  campaigns.flatMap((c) =>
    c.departments.flatMap((department) =>
      LEVELS.map((level) => ({
        campaignId: c.id,
        department,
        level,
        responses: c.cells.filter((x) => x.department === department && x.level === level).flatMap((x) => x.responses),
      })),
    ),
  );

const inGroup = (g: Published, cell: Cell) =>
  g.campaignId === cell.campaignId &&
  (g.breakdown === 'total' || (g.breakdown === 'department' ? cell.department : cell.level) === g.key);

/** Respondents of the cells with a figure for the measure (a layer counts only those who answered it). */
function weight(cells: Cell[], measure: Measure): number {
  if (measure === 'count') return cells.reduce((sum, c) => sum + c.responses.length, 0);
  const responses = cells.flatMap((c) => c.responses);
  if (responses.length === 0) return 0;
  const r = scoreResponses(CURRENT_INSTRUMENT, responses);
  return (measure in r.layers ? r.layers[measure as keyof typeof r.layers] : r.signals[measure as never]).n as number;
}

/**
 * Brute force: every combination of published groups with coefficients -1, 0, 1, per measure. The attacker does not
 * know which cells are empty, except those inside a group published with n = 0; a combination gives away a group
 * only if it is 0 or 1 on every other cell.
 */
function derivableSmallGroups(campaigns: Campaign[], view: View, knowsStructure = true): string[] {
  const k = Math.min(...campaigns.map((c) => c.k));
  const known = view.groups.filter((g) => g.figures.count!.n === 0);
  const cells = cellsOf(campaigns).filter((cell) => !known.some((g) => inGroup(g, cell)));
  const found: string[] = [];
  for (const measure of MEASURES) {
    // An attacker who knows the organisation's structure also knows every cell where nobody has this figure.
    const grid = knowsStructure ? cells.filter((cell) => weight([cell], measure) > 0) : cells;
    const rows = view.groups.filter((g) => g.figures[measure] && g.figures.count!.n > 0);
    const vectors = rows.map((g) => grid.map((cell) => (inGroup(g, cell) ? 1 : 0)));
    const coefficients = new Array<number>(rows.length).fill(-1);
    const total = 3 ** rows.length;
    for (let combo = 0; combo < total; combo++) {
      let x = combo;
      for (let r = 0; r < rows.length; r++) {
        coefficients[r] = (x % 3) - 1;
        x = Math.floor(x / 3);
      }
      const v = grid.map((_, i) => rows.reduce((sum, _, r) => sum + coefficients[r]! * vectors[r]![i]!, 0));
      if (!v.every((x) => x === 0 || x === 1) || !v.some((x) => x === 1)) continue;
      const members = grid.filter((_, i) => v[i] === 1);
      const size = weight(members, measure);
      if (size > 0 && size < k) {
        const terms = rows.map((g, r) => [coefficients[r]!, g.name] as const).filter(([sign]) => sign !== 0);
        found.push(`${measure} of ${size}: ${terms.map(([sign, name]) => `${sign > 0 ? '+' : '-'}${name}`).join(' ')}`);
      }
    }
  }
  return found;
}

/** The figures of the small group under attack (per campaign, and per cell it spans): what must not come out. */
function smallGroups(campaigns: Campaign[]): { name: string; values: number[] }[] {
  const out: { name: string; values: number[] }[] = [];
  for (const c of campaigns) {
    const parts = [
      c.low,
      ...LEVELS.flatMap((l) => c.departments.map((d) => c.low.filter((r) => r.level === l && r.department === d))),
    ];
    for (const responses of parts) {
      if (responses.length === 0) continue;
      const r = scoreResponses(CURRENT_INSTRUMENT, responses);
      const scales = [...Object.values(r.layers), ...Object.values(r.signals)];
      const values = scales.filter((s) => s.score !== null).map((s) => s.score!);
      expect(Math.max(...values), 'the small group answers low').toBeLessThanOrEqual(25);
      out.push({ name: `${c.label} small group of ${responses.length}`, values: [...new Set(values)] });
    }
  }
  return out;
}

/** Groups shown with respondents, by name, sorted. */
const shown = (view: View) =>
  view.groups
    .filter((g) => g.figures.count!.n > 0)
    .map((g) => g.name)
    .sort();

/** Everything the attacks recover about groups below k (empty: nothing). */
function findings(campaigns: Campaign[], view: View, knowsStructure = true): string[] {
  const found = derivableSmallGroups(campaigns, view, knowsStructure);
  for (const { name, values } of smallGroups(campaigns)) {
    for (const v of values) if (view.numbers.some((n) => Math.abs(n - v) < 1e-9)) found.push(`${name}: ${v} published`);
  }
  // The explicit form of the classic attack: total minus the shown groups of a breakdown is 0 or at least k.
  for (const c of campaigns) {
    const total = view.groups.find((g) => g.campaignId === c.id && g.breakdown === 'total');
    for (const breakdown of ['department', 'level'] as const) {
      const shownRows = view.groups.filter((g) => g.campaignId === c.id && g.breakdown === breakdown);
      const rest = (total?.figures.count?.n ?? 0) - shownRows.reduce((sum, g) => sum + g.figures.count!.n, 0);
      if (rest > 0 && rest < c.k) found.push(`${c.label}: total minus shown ${breakdown}s = ${rest}`);
    }
  }
  return found;
}

const attack = (campaigns: Campaign[], view: View) => expect(findings(campaigns, view)).toEqual([]);

async function closedCampaign(label: string, specs: CellSpec[], options?: { orgId?: string; minGroupSize?: number }) {
  const c = await campaignWith(label, specs, options);
  await closeCampaign(h.app, c.id);
  return c;
}

// ---- the attacks -------------------------------------------------------------------------------------------------

describe('differencing attacks on published groups', () => {
  it('cannot recover 2 people beside 10 (departments 10 + 2)', async () => {
    const c = await closedCampaign('10+2', [
      { department: 'Sales', level: 'frontline', n: 10 },
      { department: 'Operations', level: 'frontline', n: 2, low: 2 },
    ]);
    const view = await harvest([c]);
    expect(shown(view)).toEqual(['frontline', 'total']);
    attack([c], view);

    // The attacks do find the leak where it exists: had Sales been shown beside the total (no complementary
    // suppression), total minus Sales would be the two, and one of their scores published would be theirs.
    const sales = scoreResponses(CURRENT_INSTRUMENT, c.cells[0]!.responses);
    const doctored: View = {
      groups: [
        ...view.groups,
        {
          campaignId: c.id,
          name: 'Sales',
          breakdown: 'department',
          key: 'Sales',
          figures: { count: { n: 10, score: null }, roles: { n: 10, score: sales.layers.roles.score } },
        },
      ],
      numbers: [...view.numbers, scoreResponses(CURRENT_INSTRUMENT, c.low).layers.roles.score!],
    };
    expect(findings([c], doctored)).toEqual([
      'count of 2: +total -Sales',
      'count of 2: +frontline -Sales',
      'roles of 2: +total -Sales',
      'roles of 2: +frontline -Sales',
      // The whole group and its one cell (Operations x frontline) are the same two people.
      expect.stringMatching(/^10\+2 small group of 2: [\d.]+ published$/),
      expect.stringMatching(/^10\+2 small group of 2: [\d.]+ published$/),
      '10+2: total minus shown departments = 2',
    ]);
  });

  it('cannot recover 2 executives beside 6 managers and 12 frontline, across both breakdowns', async () => {
    const c = await closedCampaign('12/6/2', [
      { department: 'Sales', level: 'frontline', n: 6 },
      { department: 'Sales', level: 'manager', n: 3 },
      { department: 'Sales', level: 'executive', n: 1, low: 1 },
      { department: 'Operations', level: 'frontline', n: 6 },
      { department: 'Operations', level: 'manager', n: 3 },
      { department: 'Operations', level: 'executive', n: 1, low: 1 },
    ]);
    const view = await harvest([c]);
    expect(shown(view)).toEqual(['Operations', 'Sales', 'frontline', 'total']);
    attack([c], view);
  });

  it('cannot isolate a cell of 2 when every department and level is shown (8+2 / 2+8)', async () => {
    const c = await closedCampaign('cross', [
      { department: 'Sales', level: 'frontline', n: 8 },
      { department: 'Sales', level: 'manager', n: 2, low: 2 },
      { department: 'Operations', level: 'frontline', n: 2 },
      { department: 'Operations', level: 'manager', n: 8 },
    ]);
    const view = await harvest([c]);
    expect(shown(view)).toEqual(['Operations', 'Sales', 'frontline', 'manager', 'total']);
    attack([c], view);
  });

  it('cannot recover a small department through its complement or a small level through the other breakdown', async () => {
    const c = await closedCampaign('three', [
      { department: 'Sales', level: 'frontline', n: 7 },
      { department: 'Sales', level: 'manager', n: 3 },
      { department: 'Operations', level: 'frontline', n: 4 },
      { department: 'Operations', level: 'manager', n: 2 },
      { department: 'Operations', level: 'executive', n: 1 },
      { department: 'Support', level: 'frontline', n: 2, low: 2 },
      { department: 'Support', level: 'manager', n: 1, low: 1 },
    ]);
    const view = await harvest([c]);
    // Support (3) hidden, Operations (7) hidden as its complement; executives (1) and managers (6) likewise.
    expect(shown(view)).toEqual(['Sales', 'frontline', 'total']);
    attack([c], view);
  });

  it('cannot recover a layer that only 2 of a shown department answered (the rest said "don\'t know")', async () => {
    const c = await closedCampaign('dk', [
      { department: 'Sales', level: 'frontline', n: 10, dk: 8, low: 2 },
      { department: 'Operations', level: 'frontline', n: 10 },
    ]);
    const view = await harvest([c]);
    const sales = view.groups.find((g) => g.name === 'Sales')!;
    expect(sales.figures.knowledge).toBeUndefined();
    // Its complement is masked too: total minus Operations would be the two.
    expect(view.groups.find((g) => g.name === 'Operations')!.figures.knowledge).toBeUndefined();
    attack([c], view);
  });

  it('honours a larger minimum group size the same way (k = 7: departments 9 + 6)', async () => {
    const c = await closedCampaign(
      'k7',
      [
        { department: 'Sales', level: 'frontline', n: 9 },
        { department: 'Operations', level: 'manager', n: 6, low: 6 },
      ],
      { minGroupSize: 7 },
    );
    expect(c.k).toBe(7);
    const view = await harvest([c]);
    expect(shown(view)).toEqual(['total']);
    attack([c], view);
  });
});

describe("differencing attacks by someone who knows the organisation's structure", () => {
  it('cannot recover 2 Operations frontline as frontline minus an all-frontline Sales (Sales 10; Operations 2 + 6 + 2)', async () => {
    const c = await closedCampaign('structure', [
      { department: 'Sales', level: 'frontline', n: 10 },
      { department: 'Operations', level: 'frontline', n: 2, low: 2 },
      { department: 'Operations', level: 'manager', n: 6 },
      { department: 'Operations', level: 'executive', n: 2 },
    ]);
    const view = await harvest([c]);
    // Each breakdown alone would show Sales, Operations (10 each) and frontline (12). Knowing that Sales has no
    // managers or executives, frontline minus Sales is the two: Sales is hidden, and Operations as its complement.
    expect(shown(view)).toEqual(['frontline', 'total']);
    attack([c], view);
    expect(findings([c], view, true)).toEqual([]);

    // The attack does find the leak where it exists: had Sales been shown, the count and every score of the two
    // would follow from frontline minus Sales.
    const sales = scoreResponses(CURRENT_INSTRUMENT, c.cells[0]!.responses);
    const doctored: View = {
      groups: [
        ...view.groups,
        {
          campaignId: c.id,
          name: 'Sales',
          breakdown: 'department',
          key: 'Sales',
          figures: { count: { n: 10, score: null }, roles: { n: 10, score: sales.layers.roles.score } },
        },
      ],
      numbers: view.numbers,
    };
    expect(findings([c], doctored, true)).toEqual(['count of 2: +frontline -Sales', 'roles of 2: +frontline -Sales']);
    // Without knowing the structure, frontline minus Sales might include Sales managers: the old check saw nothing.
    expect(findings([c], doctored, false)).toEqual([]);
  });
});

describe('attacks across waves and comparisons', () => {
  it('cannot recover the small group of one wave from the other wave or the comparison', async () => {
    const org = await call(h.app, 'POST', '/api/v1/orgs', { token: w.consultantA.token, body: { name: 'Waves Ltd' } });
    const first = await closedCampaign(
      'wave 1',
      [
        { department: 'Sales', level: 'frontline', n: 10 },
        { department: 'Operations', level: 'frontline', n: 2, low: 2 },
      ],
      { orgId: org.body.id },
    );
    h.clock.advance(1000);
    const second = await closedCampaign(
      'wave 2',
      [
        { department: 'Sales', level: 'frontline', n: 10 },
        { department: 'Operations', level: 'frontline', n: 6 },
      ],
      { orgId: org.body.id },
    );
    const view = await harvest([first, second]);
    const compare = await call(h.app, 'GET', `/api/v1/compare?campaigns=${first.id},${second.id}`, {
      token: w.consultantA.token,
    });
    const [a, b] = compare.body.campaigns;
    expect(a).toMatchObject({ id: first.id, n: 12, suppressed: false });
    expect(b).toMatchObject({ id: second.id, n: 16, previousCampaignId: first.id });
    // Totals only: nothing per department or level in a comparison.
    expect(JSON.stringify(compare.body)).not.toMatch(/Operations|Sales|frontline|segments/);
    attack([first, second], view);
  });
});

describe('attacks over time', () => {
  it('shows no figure to difference while open, and nothing changes the figures after the close', async () => {
    const c = await campaignWith('over time', [
      { department: 'Sales', level: 'frontline', n: 10 },
      { department: 'Operations', level: 'frontline', n: 1, low: 1 },
    ]);
    const reads = async () => {
      const json = await report(c.id);
      const csv = await report(c.id, '?format=csv');
      const compare = await call(h.app, 'GET', `/api/v1/compare?campaigns=${c.id}`, { token: w.consultantA.token });
      return { json: json.body, csv: csv.text, compare: compare.body.campaigns[0] };
    };
    const before = await reads();
    // One more person answers while the campaign is open.
    const late = { answers: answers(true, false), level: 'frontline' as const, department: 'Operations' };
    const lateReceipt = (await submit(c, late)).body.receipt as string;
    const after = await reads();
    for (const r of [before, after]) {
      expect(r.json).toMatchObject({ published: false, suppressed: true, byLevel: {} });
      expect(r.json.segments).toEqual({ department: [], level: [] });
      for (const key of [
        'layers',
        'signals',
        'diagnoses',
        'capacityDecision',
        'firstBreak',
        'leadershipGap',
        'ledger',
      ]) {
        expect(r.json).not.toHaveProperty(key);
      }
      expect(r.compare).toMatchObject({ published: false, suppressed: true });
      expect(r.compare).not.toHaveProperty('scores');
      expect(r.csv.trim().split('\r\n')).toHaveLength(2);
    }
    // Nothing moved, not even a count (red-team finding 1: a count watched while open says when a small group is
    // one away from showing, and when to pad it).
    const strip = (j: Json) => ({ ...j, generatedAt: null });
    expect(strip(after.json)).toEqual(strip(before.json));
    expect(after.json.n).toBeNull();
    expect(after.compare.n).toBeNull();
    expect(after.csv).toBe(before.csv);
    expect(numbersIn(after.json).filter((n) => n !== after.json.minGroupSize)).toEqual([]);

    // Closed: published once, and final. Neither a withdrawal nor a late answer can make a second version.
    await closeCampaign(h.app, c.id, w.consultantA.token);
    const published = await report(c.id);
    expect(published.body).toMatchObject({ published: true, n: 12 });
    const withdraw = await call(h.app, 'DELETE', `/api/v1/responses/${lateReceipt}`);
    expect(withdraw.status).toBe(410);
    const form = await call(h.app, 'POST', '/s/withdraw', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `receipt=${encodeURIComponent(c.cells[0]!.receipts[0]!)}`,
    });
    expect(form.status).toBe(410);
    const tooLate = await call(h.app, 'POST', `/api/v1/surveys/${c.surveyToken}/responses`, {
      body: { responseId: crypto.randomUUID(), ...late, answers: answers(true, false) },
    });
    expect(tooLate.status).toBe(410);
    const final = await report(c.id);
    expect({ ...final.body, generatedAt: null }).toEqual({ ...published.body, generatedAt: null });
    // Ops (2 with the late answer) is still hidden in the published report.
    c.cells.push({
      department: 'Operations',
      level: 'frontline',
      responses: [{ ...late, durationS: 600 }],
      receipts: [],
    });
    c.low.push({ ...late, durationS: 600 });
    attack([c], await harvest([c]));
  });

  it('publishes the same figures to admin, consultant and executive, so no role sees a second version', async () => {
    const c = await closedCampaign('roles', [
      { department: 'Sales', level: 'frontline', n: 6 },
      { department: 'Operations', level: 'frontline', n: 3 },
    ]);
    const bodies = await Promise.all(
      [ADMIN_TOKEN, w.consultantA.token, w.executiveA.token].map(async (token) => {
        const res = await report(c.id, '', token);
        return { ...res.body, generatedAt: null };
      }),
    );
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });
});

// ---- the ledger tables -------------------------------------------------------------------------------------------

describe('attacks on the ledger tables', () => {
  interface LedgerWave {
    id: string;
    label: string;
    k: number;
    ledgers: LedgerAnswers[];
    leaves: Leaf[];
  }

  async function ledgerWave(label: string, ledgers: LedgerAnswers[], orgId = w.a.orgId): Promise<LedgerWave> {
    const departments = ['Sales', 'Operations', 'Finance', 'Legal', 'IT'];
    const made = await call(h.app, 'POST', `/api/v1/orgs/${orgId}/campaigns`, {
      token: w.consultantA.token,
      body: { name: label, departments },
    });
    expect(made.status).toBe(201);
    for (const [i, ledger] of ledgers.entries()) {
      const res = await call(h.app, 'POST', `/api/v1/surveys/${made.body.surveyToken}/responses`, {
        body: {
          responseId: crypto.randomUUID(),
          answers: answers(false, false),
          level: 'frontline',
          department: departments[i % 2]!,
          durationS: 600,
          ledger,
        },
      });
      expect(res.status, res.text).toBe(201);
    }
    await closeCampaign(h.app, made.body.id);
    return { id: made.body.id, label, k: made.body.minGroupSize, ledgers, leaves: leavesOf(made.body.id, ledgers) };
  }

  /** The ledger rows of the reports, after checking that the CSV carries the same totals and nothing hidden. */
  async function harvestLedger(waves: LedgerWave[]): Promise<{ rows: PublishedRow[]; numbers: number[] }> {
    const rows: PublishedRow[] = [];
    const numbers: number[] = [];
    for (const wave of waves) {
      const json = await report(wave.id);
      expect(json.body.published).toBe(true);
      rows.push(...publishedLedgerRows(wave.id, json.body, wave.leaves));
      numbersIn(json.body.ledger, numbers);
      numbersIn(json.body.recommendations, numbers);
      const csv = (await report(wave.id, '?format=csv')).text
        .trim()
        .split('\r\n')
        .map((l) => l.split(','));
      const header = csv[0]!;
      const total = header.indexOf('ledger_total');
      const csvTotals = csv
        .slice(1)
        .filter((r) => r[0]!.startsWith('ledger') && r[3] === 'false' && r[2] !== '0')
        .map((r) => Number(r[total]));
      const jsonTotals = publishedLedgerRows(wave.id, json.body, wave.leaves).map((r) => Math.round(r.total * 10) / 10);
      expect(csvTotals.sort()).toEqual(jsonTotals.sort());
      for (const r of csv.slice(1).filter((r) => r[0]!.startsWith('ledger') && r[3] === 'true')) {
        expect(
          r.slice(2).every((v) => v === '' || v === 'true'),
          `${wave.label}: hidden ledger row ${r[1]}`,
        ).toBe(true);
      }
    }
    return { rows, numbers };
  }

  const time = (category: string, hoursPerWeek: number) => ({ category, hoursPerWeek });
  const wait = (kind: string, department: string, days: number, timesPerMonth: number) => ({
    kind,
    heldBy: { department },
    days,
    timesPerMonth,
  });

  it('cannot recover a small time sink beside a large one (10 + 2), nor its hours', async () => {
    const ledgers: LedgerAnswers[] = [
      ...Array.from({ length: 10 }, (_, i) => ({ time: [time('searching', 3 + (i % 3))] })),
      { time: [time('rework', 37.5)] },
      { time: [time('rework', 37.5)] },
    ];
    const wave = await ledgerWave('ledger 10+2', ledgers);
    const view = await harvestLedger([wave]);
    // Rework (2) is hidden, and searching with it: the total minus searching would be the two.
    expect(view.rows.map((r) => r.name)).toEqual(['time total']);
    expect(derivableSmallLedgerGroups(wave.leaves, view.rows, wave.k)).toEqual([]);
    for (const secret of [75, 37.5]) expect(view.numbers).not.toContain(secret);

    // The attack finds the leak where it exists: with searching shown beside the total, rework is the difference.
    const searching: PublishedRow = {
      wave: wave.id,
      ledger: 'time',
      name: 'time searching',
      leaves: ['searching'],
      total: 40,
    };
    expect(derivableSmallLedgerGroups(wave.leaves, [...view.rows, searching], wave.k)).toEqual([
      `time of 2: ${wave.id}:rework`,
    ]);
  });

  it('counts the people behind hidden categories, not their entries, when one person names several', async () => {
    // Three of ten also name rework, two of those three also name checking: the hidden entries number 5 (= k), but
    // they are three people's.
    const ledgers: LedgerAnswers[] = Array.from({ length: 10 }, (_, i) => ({
      time: [time('searching', 4), ...(i < 3 ? [time('rework', 12)] : []), ...(i < 2 ? [time('checking', 9)] : [])],
    }));
    const wave = await ledgerWave('ledger overlap', ledgers);
    const view = await harvestLedger([wave]);
    expect(view.rows.map((r) => r.name)).toEqual(['time total']);
    expect(derivableSmallLedgerGroups(wave.leaves, view.rows, wave.k)).toEqual([]);
    // The layer rule, which adds counts, would have shown searching: its difference from the total is three people.
    const bySum = suppressSegments(
      [
        { key: 'searching', n: 10 },
        { key: 'rework', n: 3 },
        { key: 'checking', n: 2 },
      ],
      wave.k,
    );
    expect(bySum.has('searching')).toBe(false);
    const searching: PublishedRow = {
      wave: wave.id,
      ledger: 'time',
      name: 'time searching',
      leaves: ['searching'],
      total: 40,
    };
    expect(derivableSmallLedgerGroups(wave.leaves, [...view.rows, searching], wave.k)).toEqual([
      `time of 3: ${wave.id}:rework + ${wave.id}:checking`,
    ]);
  });

  it('cannot recover a small holder of a wait through its kind, the other holders or the total', async () => {
    const ledgers: LedgerAnswers[] = [
      ...Array.from({ length: 8 }, (_, i) => ({ waiting: [wait('approval', 'Finance', 2 + (i % 2), 4)] })),
      { waiting: [wait('approval', 'Legal', 20, 3)] },
      { waiting: [wait('approval', 'Legal', 20, 3)] },
      ...Array.from({ length: 6 }, () => ({ waiting: [wait('materials', 'IT', 1, 10)] })),
    ];
    const wave = await ledgerWave('ledger holders', ledgers);
    const view = await harvestLedger([wave]);
    // Approvals (10) and materials (6) are shown; within approvals, Legal (2) is hidden and Finance as its complement.
    expect(view.rows.map((r) => r.name).sort()).toEqual([
      'waiting approval',
      'waiting materials',
      'waiting materials|department:IT',
      'waiting total',
    ]);
    expect(derivableSmallLedgerGroups(wave.leaves, view.rows, wave.k)).toEqual([]);
    // Legal's two people wait 20 days, 3 times a month: 120 waiting days; none of it is published on its own.
    for (const secret of [120, 20]) expect(view.numbers).not.toContain(secret);
  });

  it('cannot recover a small group of one wave from the other wave', async () => {
    const org = await call(h.app, 'POST', '/api/v1/orgs', {
      token: w.consultantA.token,
      body: { name: 'Ledger waves' },
    });
    const first = await ledgerWave(
      'ledger wave 1',
      [
        ...Array.from({ length: 8 }, () => ({ waiting: [wait('approval', 'Finance', 3, 4)] })),
        { waiting: [wait('approval', 'Legal', 15, 2)] },
        { waiting: [wait('approval', 'Legal', 15, 2)] },
      ],
      org.body.id,
    );
    h.clock.advance(1000);
    const second = await ledgerWave(
      'ledger wave 2',
      [
        ...Array.from({ length: 8 }, () => ({ waiting: [wait('approval', 'Finance', 2, 4)] })),
        ...Array.from({ length: 6 }, () => ({ waiting: [wait('approval', 'Legal', 4, 2)] })),
      ],
      org.body.id,
    );
    const view = await harvestLedger([first, second]);
    // Wave 2 shows Legal; wave 1 does not: the two waves together still isolate nobody in wave 1.
    expect(view.rows.filter((r) => r.wave === second.id).map((r) => r.name)).toContain(
      'waiting approval|department:Legal',
    );
    expect(view.rows.filter((r) => r.wave === first.id).map((r) => r.name)).not.toContain(
      'waiting approval|department:Legal',
    );
    expect(derivableSmallLedgerGroups([...first.leaves, ...second.leaves], view.rows, first.k)).toEqual([]);
    for (const secret of [60, 15]) expect(view.numbers).not.toContain(secret);
  });
});
