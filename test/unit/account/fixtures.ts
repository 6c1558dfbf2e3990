// Small factories for the account's domain tests, with overrides.
import type { CapacityRecord, CellFigures, Entry, Flow, PublishedLedger, QualitySignal } from '../../../shared/account';

export const AT = '2026-03-02T09:00:00.000Z';

export function makeFigures(overrides: Partial<CellFigures> = {}): CellFigures {
  return {
    name: 'An approval · Finance',
    respondents: 23,
    n: 120,
    headline: { median: 4, ci95: [3, 5] },
    perMonth: { median: 4, ci95: [3, 5] },
    total: 368,
    ...overrides,
  };
}

export function makeEntry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: 'e1',
    ledger: 'waiting',
    title: 'Approvals held by Finance',
    department: 'Finance',
    ownerRole: null,
    baseline: null,
    target: null,
    current: null,
    incision: null,
    due: null,
    status: 'logged',
    reason: null,
    source: { kind: 'typed' },
    reconciliations: [],
    statusLog: [{ status: 'logged', at: AT }],
    ...overrides,
  };
}

/** A waiting entry made from a cell, targeted with everything a later stage needs but the current reading. */
export function makeCellEntry(overrides: Partial<Entry> = {}): Entry {
  const figures = makeFigures();
  return makeEntry({
    source: {
      kind: 'cell',
      cell: { campaignId: 'w1', ledger: 'waiting', category: 'approval', heldBy: { department: 'Finance' } },
      figures,
    },
    baseline: { value: 4, perMonth: 4, people: 23, total: 368 },
    target: { value: 2 },
    ownerRole: 'Head of Finance Ops',
    due: { wave: 'w2' },
    incision: 'Pre-approved spending limits per team',
    status: 'incision_running',
    ...overrides,
  });
}

export function makeRecord(overrides: Partial<CapacityRecord> = {}): CapacityRecord {
  return {
    id: 'c1',
    decidedOn: '2026-03-01',
    ownerRole: 'CEO',
    shares: { faster_response: 60, learning: 40 },
    preconditions: {
      faster_response: 'Quotes answered within one working day',
      learning: 'Two workflow rewrites a quarter',
    },
    toldStaffOn: null,
    toldHow: null,
    note: null,
    ...overrides,
  };
}

export function makeSignal(overrides: Partial<QualitySignal> = {}): QualitySignal {
  return {
    kind: 'repeat_inquiries',
    label: null,
    unit: '% of chats',
    threshold: 12,
    trips: 'above',
    current: 9,
    measuredOn: '2026-02-28',
    ...overrides,
  };
}

export function makeFlow(overrides: Partial<Flow> = {}): Flow {
  return {
    id: 'f1',
    name: 'First-line customer chat',
    humanExit: 'Type "agent" or call the hotline',
    adjudicator: 'Customer service team lead',
    triggerOwner: 'Head of Customer Service',
    signals: [makeSignal()],
    retired: false,
    ...overrides,
  };
}

/** A published ledger with one shown time row, one hidden one, a wait kind with one shown holder, and knowledge. */
export function makeLedger(
  overrides: { approvalDays?: CellFigures['headline']; hiddenApproval?: boolean } = {},
): PublishedLedger {
  const days = overrides.approvalDays ?? { median: 4, ci95: [3, 5] };
  return {
    n: 120,
    minGroupSize: 5,
    time: {
      suppressed: false,
      rows: [
        {
          id: 'reports_decks',
          name: 'Reports and slide decks',
          suppressed: false,
          respondents: 30,
          hoursPerWeek: 240,
          hours: { median: 8, ci95: [6, 10] },
        },
        { id: 'rework', name: 'Rework', suppressed: true },
      ],
    },
    waiting: {
      suppressed: false,
      rows: [
        {
          id: 'approval',
          name: 'An approval',
          suppressed: false,
          respondents: 40,
          waitingDaysPerMonth: 500,
          days: days,
          timesPerMonth: { median: 4, ci95: [3, 5] },
        },
      ],
      cells: overrides.hiddenApproval
        ? []
        : [
            {
              kind: 'approval',
              kindName: 'An approval',
              heldBy: { department: 'Finance' },
              holderName: 'Finance',
              respondents: 23,
              days,
              timesPerMonth: { median: 4, ci95: [3, 5] },
              waitingDaysPerMonth: (days.median ?? 0) * 4 * 23,
            },
          ],
    },
    knowledge: {
      suppressed: false,
      rows: [
        {
          id: 'pricing',
          name: 'Pricing and discounts',
          suppressed: false,
          respondents: 12,
          checksPerWeek: 60,
          checks: { median: 5, ci95: [3, 7] },
          sop: { none: 8, used: 4 },
        },
      ],
    },
  };
}
