// The demo's operating account (issue 11) for the organisation with two closed waves: after the first wave leadership
// logs two entries from its published ledger cells, decides what freed capacity is for (60% faster response, 40%
// organisational learning) and registers the customer chat AI now answers; the incisions run during the second wave;
// once it is published the entries are reconciled against the same cells: one wait removed (its target met), one
// time sink not moving; the chat's repeat-inquiry rate has passed its threshold. Everything goes through the API at the times it would have happened.

const DAY = 86_400_000;

type Call = (method: string, path: string, token: string | null, body?: unknown) => Promise<object>;

export interface AccountSeed {
  call: Call;
  /** Sets the clock the API sees. */
  at: (when: Date) => void;
  token: string;
  orgId: string;
  /** The first and second wave: ids and when each started and closed. */
  waves: [{ id: string; start: number; end: number }, { id: string; start: number; end: number }];
  now: Date;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

export async function seedAccount(s: AccountSeed): Promise<void> {
  const { call, token } = s;
  const [first, second] = s.waves;
  const base = `/api/v1/orgs/${s.orgId}/account`;
  const when = (t: number) => s.at(new Date(t));

  // Both entries are made from the spring wave's published cells: their figures are the baselines.
  when(first.end + 3 * DAY);
  const wait = (await call('POST', `${base}/entries`, token, {
    clientKey: 'demo-approvals-finance',
    source: {
      kind: 'cell',
      campaignId: first.id,
      ledger: 'waiting',
      category: 'approval',
      heldBy: { department: 'Finance' },
    },
    title: 'Approvals held by Finance',
    ownerRole: 'Head of Finance Operations',
    target: { value: 2 },
    due: { wave: second.id },
  })) as { id: string };
  const decks = (await call('POST', `${base}/entries`, token, {
    clientKey: 'demo-month-end-decks',
    source: { kind: 'cell', campaignId: first.id, ledger: 'time', category: 'reports_decks' },
    title: 'Month-end reports and decks',
    department: 'Operations',
    ownerRole: 'COO',
    target: { value: 2 },
    due: { wave: second.id },
  })) as { id: string };

  when(first.end + 5 * DAY);
  const chat = (await call('POST', `${base}/flows`, token, {
    clientKey: 'demo-first-line-chat',
    name: 'First-line customer chat',
    humanExit: 'Typing “agent” or calling the hotline reaches a person within a working day',
    adjudicator: 'Customer service team lead',
    triggerOwner: 'Head of Customer Service',
    signals: [
      {
        kind: 'repeat_inquiries',
        unit: '% of chats',
        threshold: 12,
        trips: 'above',
        current: 9,
        measuredOn: day(first.end + 4 * DAY),
      },
      {
        kind: 'complaints',
        unit: 'per 1,000 chats',
        threshold: 5,
        trips: 'above',
        current: 3,
        measuredOn: day(first.end + 4 * DAY),
      },
    ],
  })) as { id: string; signals: Record<string, unknown>[] };

  when(first.end + 10 * DAY);
  await call('PATCH', `${base}/entries/${wait.id}`, token, { version: 1, status: 'targeted' });
  await call('PATCH', `${base}/entries/${decks.id}`, token, { version: 1, status: 'targeted' });

  when(first.end + 20 * DAY);
  await call('POST', `${base}/capacity`, token, {
    clientKey: 'demo-capacity-decision',
    decidedOn: day(first.end + 20 * DAY),
    ownerRole: 'CEO',
    shares: { faster_response: 60, learning: 40 },
    preconditions: {
      faster_response: 'Customers get a binding quote within one working day instead of four',
      learning: 'The freed Finance time goes into rewriting the order-to-cash workflow with AI',
    },
    toldStaffOn: null,
    toldHow: null,
  });

  // The incisions start while the second wave runs: these moves count for it.
  when(second.start + 2 * DAY);
  await call('PATCH', `${base}/entries/${wait.id}`, token, {
    version: 2,
    status: 'incision_running',
    incision: 'Pre-approved spending limits per team; Finance reviews only above the limit',
  });
  await call('PATCH', `${base}/entries/${decks.id}`, token, {
    version: 2,
    status: 'incision_running',
    incision: 'Decks drafted by AI from the planning system; people only check the numbers',
  });
  when(second.start + 5 * DAY);
  await call('PATCH', `${base}/flows/${chat.id}`, token, {
    version: 1,
    signals: chat.signals.map((sig, i) =>
      i === 0 ? { ...sig, current: 15, measuredOn: day(second.start + 4 * DAY) } : sig,
    ),
  });

  // Once the second wave is published each entry is set beside the same cell in it, and the owner confirms: the
  // Finance wait really shrank below its target (removed); the decks did not move beyond the uncertainty.
  when(second.end + 2 * DAY);
  await call('PATCH', `${base}/entries/${wait.id}`, token, {
    version: 3,
    status: 'removed',
    reconcile: { campaignId: second.id },
  });
  await call('PATCH', `${base}/entries/${decks.id}`, token, { version: 3, reconcile: { campaignId: second.id } });
  await call('POST', `${base}/reviews`, token, {
    clientKey: 'demo-review-1',
    heldOn: day(second.end + 2 * DAY),
    reviewerRole: 'COO',
    notes:
      'Approvals: the spending limits removed the Finance wait.\nDecks: no movement yet; the planning export is still manual.\nChat: repeat inquiries above 12% — Head of Customer Service to decide on adding agents back.',
  });
  s.at(s.now);
}
