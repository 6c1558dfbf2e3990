// The ledger's own top entries as the report's actions, and the figures the diagnosis may use as evidence. Pure
// functions of the published ledger tables (LedgerReport): nothing hidden there can reach a sentence here.
//
// API for the diagnosis (shared/diagnosis):
//  - ledgerIncisions(report, design) → per ledger, one sentence per shown row (waits: per shown kind × holder), in
//    en, zh and de, in the report's cost order;
//  - withLedgerIncisions(recommendations, incisions) → each recommendation that names a ledger gets that ledger's next
//    unused entry as its action (so none repeats);
//  - ledgerFacts(report) → the numbers a trap may weigh (the boss's share of the waiting days, time sinks per
//    respondent), null where the ledger is hidden.

import type { Language, Localized } from '../instrument';
import type { Recommendation } from '../report-model';
import { HOLDER_LEVEL_NAMES } from './design';
import type { KnowledgeRow, LedgerReport, LedgerTable, TimeRow, WaitCellRow } from './ledger-report';
import type { LedgerName, ResolvedLedgerDesign, WaitHolder } from './types';

export interface LedgerIncision {
  ledger: LedgerName;
  /** The published row it comes from: a category, or a wait's kind and holder. */
  row: { category: string } | { kind: string; heldBy: WaitHolder };
  text: Localized;
  /**
   * The row as the evidence the action answers (a recommendation's `because`): the ledger, the category (the wait's
   * kind and holder), its figure in the ledger's unit and the people naming it.
   */
  because: Localized;
}

/** Wait kinds as the subject of a sentence ("Approvals held by Finance"). */
const KIND_SUBJECT: Record<string, Localized> = {
  approval: { en: 'Approvals', zh: '审批', de: 'Freigaben' },
  confirmation: { en: 'Confirmations', zh: '确认', de: 'Bestätigungen' },
  materials: { en: 'Materials and data', zh: '材料和数据', de: 'Unterlagen und Daten' },
  other_department: {
    en: 'Replies from another department',
    zh: '其他部门的回复',
    de: 'Antworten anderer Abteilungen',
  },
  boss_decision: { en: 'Decisions', zh: '拍板决定', de: 'Entscheidungen' },
  other: { en: 'Other waits', zh: '其他等待', de: 'Andere Wartezeiten' },
};

const REASON_CLAUSE: Record<string, Localized> = {
  only_me: {
    en: 'most often because only they know how',
    zh: '最常见的原因是只有他们会做',
    de: 'meist, weil nur sie wissen, wie es geht',
  },
  role_requires: {
    en: 'most often because their role requires it',
    zh: '最常见的原因是岗位要求',
    de: 'meist, weil ihre Rolle es verlangt',
  },
  no_access: {
    en: 'most often because no one else has access',
    zh: '最常见的原因是别人没有权限',
    de: 'meist, weil niemand sonst Zugriff hat',
  },
  handed_to_me: {
    en: 'most often because it was handed to them',
    zh: '最常见的原因是被分派给他们',
    de: 'meist, weil es ihnen übertragen wurde',
  },
};

const SOP_CLAUSE: Record<string, Localized> = {
  none: {
    en: 'for most there is no written procedure',
    zh: '多数情况下没有书面流程',
    de: 'meist gibt es kein schriftliches Verfahren',
  },
  unused: {
    en: 'for most a written procedure exists but is not used',
    zh: '多数情况下有书面流程但没人用',
    de: 'meist gibt es ein schriftliches Verfahren, das nicht genutzt wird',
  },
  used: {
    en: 'for most a written procedure exists and is used, and they still check',
    zh: '多数情况下有书面流程且在用，但仍要确认',
    de: 'meist gibt es ein genutztes schriftliches Verfahren, und trotzdem wird nachgefragt',
  },
};

/** A figure as the sentence shows it: a median as given (half steps), a total rounded to two significant digits. */
function figure(v: number, lang: Language): string {
  const s = Number.isInteger(v) ? String(v) : v.toFixed(1);
  return lang === 'de' ? s.replace('.', ',') : s;
}

// Number.prototype.toLocaleString(locale) is a new Intl.NumberFormat(locale) each call, with the same output as its
// format: built once, since a report writes every ledger sentence's total.
const GROUPED = { en: new Intl.NumberFormat('en-US'), de: new Intl.NumberFormat('de-DE') };

function approx(v: number, lang: Language): string {
  const rounded = v < 100 ? Math.round(v) : Number(v.toPrecision(2));
  return lang === 'en' || lang === 'de' ? GROUPED[lang].format(rounded) : String(rounded);
}

const people = (n: number, lang: Language) =>
  lang === 'zh'
    ? `${n}人`
    : lang === 'de'
      ? `${n} ${n === 1 ? 'Person' : 'Personen'}`
      : `${n} ${n === 1 ? 'person' : 'people'}`;

/** The most frequent key of a mix, when one is named by more than any other and by at least half. */
function mostly(mix: Record<string, number>): string | null {
  const entries = Object.entries(mix).sort((a, b) => b[1] - a[1]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  const [top, second] = entries;
  if (!top || total === 0 || 2 * top[1] < total || (second && second[1] === top[1])) return null;
  return top[0];
}

const LANGS: readonly Language[] = ['en', 'zh', 'de'];
const each = (f: (lang: Language) => string): Localized => Object.fromEntries(LANGS.map((l) => [l, f(l)])) as Localized;

function holderName(h: WaitHolder, lang: Language): string {
  if (!('level' in h)) return h.department;
  const name = HOLDER_LEVEL_NAMES[h.level][lang];
  // Mid-sentence in English ("held by senior leadership"); German nouns keep their capital.
  return lang === 'en' ? name.toLowerCase() : name;
}

function waitText(cell: WaitCellRow): Localized {
  const subject = KIND_SUBJECT[cell.kind] ?? { en: cell.kindName, zh: cell.kindName, de: cell.kindName };
  const d = cell.days.median ?? 0;
  const t = cell.timesPerMonth.median ?? 0;
  return each((lang) => {
    const holder = holderName(cell.heldBy, lang);
    const total = approx(cell.waitingDaysPerMonth, lang);
    if (lang === 'zh') {
      return `${holder}掌握的${subject.zh}：${people(cell.respondents, lang)}每次等待的中位数为${figure(d, lang)}个工作日，每月${figure(t, lang)}次（约每月${total}个等待日）。先消除这个等待。`;
    }
    if (lang === 'de') {
      return `${subject.de}, die bei ${holder} liegen: ${people(cell.respondents, lang)} warten im Median ${figure(d, lang)} Arbeitstage, ${figure(t, lang)}-mal im Monat (≈ ${total} Wartetage im Monat). Diese Wartezeit zuerst beseitigen.`;
    }
    return `${subject.en} held by ${holder}: ${people(cell.respondents, lang)} wait a median ${figure(d, lang)} ${d === 1 ? 'day' : 'days'}, ${figure(t, lang)} ${t === 1 ? 'time' : 'times'} a month (≈ ${total} waiting days a month). Remove this wait first.`;
  });
}

const LEDGER_NAME: Record<LedgerName, Localized> = {
  time: { en: 'the time ledger', zh: '时间账本', de: 'das Zeitbuch' },
  waiting: { en: 'the waiting ledger', zh: '等待账本', de: 'das Wartebuch' },
  knowledge: { en: 'the knowledge ledger', zh: '知识账本', de: 'das Wissensbuch' },
};

/** "the waiting ledger: Approvals held by Finance, ≈ 280 waiting days a month, a median wait of 3 days (23 people)". */
function waitBecause(cell: WaitCellRow): Localized {
  const subject = KIND_SUBJECT[cell.kind] ?? { en: cell.kindName, zh: cell.kindName, de: cell.kindName };
  const d = cell.days.median;
  return each((lang) => {
    const holder = holderName(cell.heldBy, lang);
    const total = approx(cell.waitingDaysPerMonth, lang);
    const ledger = LEDGER_NAME.waiting[lang];
    if (lang === 'zh')
      return `${ledger}：${holder}掌握的${subject.zh}，约每月${total}个等待日${d === null ? '' : `，等待中位数${figure(d, lang)}个工作日`}（${people(cell.respondents, lang)}）`;
    if (lang === 'de')
      return `${ledger}: ${subject.de}, die bei ${holder} liegen, ≈ ${total} Wartetage im Monat${d === null ? '' : `, im Median ${figure(d, lang)} Arbeitstage Wartezeit`} (${people(cell.respondents, lang)})`;
    return `${ledger}: ${subject.en} held by ${holder}, ≈ ${total} waiting days a month${d === null ? '' : `, a median wait of ${figure(d, lang)} ${d === 1 ? 'day' : 'days'}`} (${people(cell.respondents, lang)})`;
  });
}

function timeBecause(row: TimeRow, name: Localized): Localized {
  const h = row.hours.median;
  return each((lang) => {
    const total = approx(row.hoursPerWeek, lang);
    const ledger = LEDGER_NAME.time[lang];
    if (lang === 'zh')
      return `${ledger}：${name.zh}，合计约每周${total}小时${h === null ? '' : `，每人中位数${figure(h, lang)}小时`}（${people(row.respondents, lang)}）`;
    if (lang === 'de')
      return `${ledger}: ${name.de}, ≈ ${total} Stunden pro Woche insgesamt${h === null ? '' : `, im Median ${figure(h, lang)} pro Person`} (${people(row.respondents, lang)})`;
    return `${ledger}: ${name.en}, ≈ ${total} hours a week in all${h === null ? '' : `, a median ${figure(h, lang)} per person`} (${people(row.respondents, lang)})`;
  });
}

function knowledgeBecause(row: KnowledgeRow, name: Localized): Localized {
  const c = row.checks.median;
  return each((lang) => {
    const total = approx(row.checksPerWeek, lang);
    const ledger = LEDGER_NAME.knowledge[lang];
    if (lang === 'zh')
      return `${ledger}：${name.zh}，合计约每周${total}次向资深同事确认${c === null ? '' : `，每人中位数${figure(c, lang)}次`}（${people(row.respondents, lang)}）`;
    if (lang === 'de')
      return `${ledger}: ${name.de}, ≈ ${total}-mal pro Woche Nachfragen bei Erfahrenen insgesamt${c === null ? '' : `, im Median ${figure(c, lang)}-mal pro Person`} (${people(row.respondents, lang)})`;
    return `${ledger}: ${name.en}, ≈ ${total} checks with a senior colleague a week in all${c === null ? '' : `, a median ${figure(c, lang)} per person`} (${people(row.respondents, lang)})`;
  });
}

function timeText(row: TimeRow, name: Localized): Localized {
  const h = row.hours.median ?? 0;
  const reason = mostly(row.reasons);
  const clause = reason ? REASON_CLAUSE[reason] : undefined;
  return each((lang) => {
    const total = approx(row.hoursPerWeek, lang);
    if (lang === 'zh') {
      return `${name.zh}：${people(row.respondents, lang)}每周在这上面花费的时间中位数为${figure(h, lang)}小时（合计约每周${total}小时）${clause ? `，${clause.zh}` : ''}。先压缩这个时间黑洞。`;
    }
    if (lang === 'de') {
      return `${name.de}: ${people(row.respondents, lang)} verbringen im Median ${figure(h, lang)} Stunden pro Woche damit (≈ ${total} Stunden pro Woche insgesamt)${clause ? `, ${clause.de}` : ''}. Diesen Zeitfresser zuerst verkleinern.`;
    }
    return `${name.en}: ${people(row.respondents, lang)} spend a median ${figure(h, lang)} ${h === 1 ? 'hour' : 'hours'} a week on it (≈ ${total} hours a week in all)${clause ? `, ${clause.en}` : ''}. Compress this time sink first.`;
  });
}

function knowledgeText(row: KnowledgeRow, name: Localized): Localized {
  const c = row.checks.median ?? 0;
  const sop = mostly(row.sop);
  const clause = sop ? SOP_CLAUSE[sop] : undefined;
  return each((lang) => {
    const total = approx(row.checksPerWeek, lang);
    if (lang === 'zh') {
      return `${name.zh}：${people(row.respondents, lang)}每周找资深同事确认的次数中位数为${figure(c, lang)}次（合计约每周${total}次）${clause ? `，${clause.zh}` : ''}。写下由谁、按什么来判断，让组织随时能调用这个答案。`;
    }
    if (lang === 'de') {
      return `${name.de}: ${people(row.respondents, lang)} fragen im Median ${figure(c, lang)}-mal pro Woche bei einer erfahrenen Kollegin oder einem erfahrenen Kollegen nach (≈ ${total}-mal pro Woche insgesamt)${clause ? `; ${clause.de}` : ''}. Schreiben Sie auf, wer es wie entscheidet, damit die Organisation die Antwort abrufen kann.`;
    }
    return `${name.en}: ${people(row.respondents, lang)} check with a senior colleague a median ${figure(c, lang)} ${c === 1 ? 'time' : 'times'} a week (≈ ${total} checks a week in all)${clause ? `; ${clause.en}` : ''}. Write down who decides it and how, so the organisation can call on the answer.`;
  });
}

const shownRows = <Row extends { suppressed: false; respondents: number }>(table: LedgerTable<Row>): Row[] =>
  table.suppressed ? [] : table.rows.filter((r): r is Row => !r.suppressed && r.respondents > 0);

/** Every shown row of each ledger as an action sentence, in the report's cost order (largest first). */
export function ledgerIncisions(
  report: LedgerReport,
  design: ResolvedLedgerDesign,
): Record<LedgerName, LedgerIncision[]> {
  const name = (options: readonly { id: string; label: Localized }[], id: string, fallback: string): Localized =>
    options.find((o) => o.id === id)?.label ?? { en: fallback, zh: fallback, de: fallback };
  return {
    time: shownRows(report.time).map((row) => {
      const label = name(design.time.categories, row.id, row.name);
      return {
        ledger: 'time',
        row: { category: row.id },
        text: timeText(row, label),
        because: timeBecause(row, label),
      };
    }),
    waiting: (report.waiting.suppressed ? [] : report.waiting.cells).map((cell) => ({
      ledger: 'waiting',
      row: { kind: cell.kind, heldBy: cell.heldBy },
      text: waitText(cell),
      because: waitBecause(cell),
    })),
    knowledge: shownRows(report.knowledge).map((row) => {
      const label = name(design.knowledge.categories, row.id, row.name);
      return {
        ledger: 'knowledge',
        row: { category: row.id },
        text: knowledgeText(row, label),
        because: knowledgeBecause(row, label),
      };
    }),
  };
}

/** The row an incision names, as a recommendation carries it (report-model.ts `Recommendation.cell`). */
const cellOf = (incision: LedgerIncision): NonNullable<Recommendation['cell']> =>
  'kind' in incision.row ? { category: incision.row.kind, heldBy: incision.row.heldBy } : { ...incision.row };

/**
 * Recommendations with the ledger's own entries: each one that names a ledger (`ledger`) takes that ledger's next
 * unused entry, largest first, as its action ("Approvals held by Finance: … Remove this wait first."), in every
 * language in `text`, and cites that row as its `because`; one with no entry left keeps its own sentence ("start the waiting ledger"). Order and the rest
 * of each recommendation are unchanged.
 */
export function withLedgerIncisions(
  recommendations: readonly Recommendation[],
  incisions: Record<LedgerName, LedgerIncision[]> | null,
  /** With room for more actions (a withheld diagnosis gives none), each ledger's top unused entry fills it. */
  fillTo = 0,
): Recommendation[] {
  if (!incisions) return [...recommendations];
  const next: Record<LedgerName, number> = { time: 0, waiting: 0, knowledge: 0 };
  const out = recommendations.map((r) => {
    if (!r.ledger) return r;
    const incision = incisions[r.ledger][next[r.ledger]];
    if (!incision) return r;
    next[r.ledger]++;
    return {
      ...r,
      action: incision.text.en,
      actions: incision.text,
      text: incision.text,
      // The action now answers the ledger row, not the layer or trap it replaced: cite that row.
      because: incision.because,
      source: 'ledger' as const,
      cell: cellOf(incision),
    };
  });
  // Waits first (most often the boss's), then time sinks, then knowledge: what the respondents said, not a diagnosis.
  for (const ledger of ['waiting', 'time', 'knowledge'] as const) {
    if (out.length >= fillTo) break;
    const incision = incisions[ledger][next[ledger]];
    if (!incision || out.some((r) => r.ledger === ledger)) continue;
    next[ledger]++;
    out.push({
      layer: null,
      ledger,
      action: incision.text.en,
      actions: incision.text,
      text: incision.text,
      because: incision.because,
      topic: `${ledger}_ledger_entry`,
      source: 'ledger',
      cell: cellOf(incision),
    });
  }
  return out;
}

/** Figures from the published ledger a diagnosis may weigh; null where the ledger (or the part) is hidden. */
export interface LedgerFacts {
  /**
   * Share of the waiting days a month that wait on the boss: the "decision" kind's days plus every other shown wait
   * held by senior leadership, over the waiting ledger's total. Published figures only, so it is a lower bound when
   * some executive-held waits are hidden.
   */
  bossShareOfWaitingDays: number | null;
  /** Whether the costliest shown wait is a decision or held by senior leadership. */
  topWaitIsBoss: boolean | null;
  /** The time ledger's total hours a week, per workforce respondent. */
  timeSinkHoursPerRespondent: number | null;
  /** The knowledge ledger's total checks a week, per workforce respondent. */
  checksPerRespondent: number | null;
  /**
   * The most respondents behind one shown wait kind: a lower bound on the people who named a wait at all (their
   * distinct number is not published), so the boss's share is read as a share of at least this many. Null when hidden.
   */
  waitingRespondentsAtLeast: number | null;
  /** The workforce respondents the per-respondent figures are over. */
  n: number;
}

export function ledgerFacts(report: LedgerReport): LedgerFacts {
  const w = report.waiting;
  let bossShare: number | null = null;
  if (!w.suppressed && w.total !== null && w.total > 0) {
    const decisions = w.rows.find((r) => r.id === 'boss_decision' && !r.suppressed);
    const decisionDays = decisions && !decisions.suppressed ? decisions.waitingDaysPerMonth : 0;
    const executive = w.cells
      .filter((c) => c.kind !== 'boss_decision' && 'level' in c.heldBy && c.heldBy.level === 'executive')
      .reduce((s, c) => s + c.waitingDaysPerMonth, 0);
    bossShare = Math.round(((decisionDays + executive) / w.total) * 1000) / 1000;
  }
  const top = w.suppressed ? undefined : w.cells[0];
  const perRespondent = (total: number | null) =>
    total === null || report.n === 0 ? null : Math.round((total / report.n) * 100) / 100;
  return {
    bossShareOfWaitingDays: bossShare,
    topWaitIsBoss: top
      ? top.kind === 'boss_decision' || ('level' in top.heldBy && top.heldBy.level === 'executive')
      : null,
    timeSinkHoursPerRespondent: report.time.suppressed ? null : perRespondent(report.time.total),
    checksPerRespondent: report.knowledge.suppressed ? null : perRespondent(report.knowledge.total),
    waitingRespondentsAtLeast:
      bossShare === null ? null : Math.max(0, ...w.rows.map((r) => (r.suppressed ? 0 : r.respondents))),
    n: report.n,
  };
}
