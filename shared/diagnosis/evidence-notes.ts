// The notes beside evidence rows, said in every report language (issue 16). The engine emits each part of a note as
// a code with its figures (`Evidence.noteParts`); the report says them in its language, and `Evidence.note` keeps the
// English wording for the API and the CLI. A code's texts in all languages sit side by side, so a language cannot
// lack one: the type below requires en, zh and de for each.

import type { Language } from '../instrument';
import type { Evidence } from '../report-model';

type Say<P> = Record<Language, (p: P) => string>;
type NoFigures = Record<string, never>;
const say = <P = NoFigures>(texts: Say<P>): Say<P> => texts;
const verdictZh = { weak: '薄弱', borderline: '临界' } as const;
const verdictDe = { weak: 'schwach', borderline: 'grenzwertig' } as const;
type Direction = 'cost' | 'growth' | 'learning' | 'none';
const directionZh: Record<Direction, string> = { cost: '降低成本', growth: '增长', learning: '学习', none: '无' };
const directionDe: Record<Direction, string> = {
  cost: 'Kosten',
  growth: 'Wachstum',
  learning: 'Lernen',
  none: 'keine',
};

export const EVIDENCE_NOTES = {
  // criteria.ts: the sample behind a score or a share.
  interval_n: say<{ lo: number; hi: number; n: number }>({
    en: ({ lo, hi, n }) => `95% CI ${lo}–${hi}, n = ${n}`,
    zh: ({ lo, hi, n }) => `95% 置信区间 ${lo}–${hi}，n = ${n}`,
    de: ({ lo, hi, n }) => `95-%-Intervall ${lo}–${hi}, n = ${n}`,
  }),
  n: say<{ n: number }>({ en: ({ n }) => `n = ${n}`, zh: ({ n }) => `n = ${n}`, de: ({ n }) => `n = ${n}` }),
  // readiness-report.ts: too few to diagnose.
  n_of_headcount: say<{ n: number; headcount: number }>({
    en: ({ n, headcount }) => `n = ${n} of a headcount of ${headcount}`,
    zh: ({ n, headcount }) => `n = ${n}，总人数 ${headcount}`,
    de: ({ n, headcount }) => `n = ${n} von einer Kopfzahl von ${headcount}`,
  }),
  within_noise: say<{ verdict: 'weak' | 'borderline' }>({
    en: ({ verdict }) => `${verdict}, and within noise of the others`,
    zh: ({ verdict }) => `${verdictZh[verdict]}，与其他层面的差异在噪声范围内`,
    de: ({ verdict }) => `${verdictDe[verdict]}, und im Rauschen der anderen`,
  }),
  // traps.ts: the organisation profile.
  paid_seats: say<{ seats: number; people: number }>({
    en: ({ seats, people }) => `${seats} paid seats for ${people} people`,
    zh: ({ seats, people }) => `${people} 人共 ${seats} 个付费账号`,
    de: ({ seats, people }) => `${seats} bezahlte Lizenzen für ${people} Personen`,
  }),
  per_employee_year: say<{ currency: string }>({
    en: ({ currency }) => `${currency} per employee per year`,
    zh: ({ currency }) => `每名员工每年（${currency}）`,
    de: ({ currency }) => `${currency} je Beschäftigten und Jahr`,
  }),
  investment_facts: say<{ given: number }>({
    en: ({ given }) => `profile facts at the high-investment mark, of ${given} given`,
    zh: ({ given }) => `达到高投入标准的档案指标（共填写 ${given} 项）`,
    de: ({ given }) => `Kennzahlen im Profil auf der Marke hoher Investition, von ${given} angegebenen`,
  }),
  not_told: say({
    en: () => 'everyone not told what freed time is for: not decided, not told, or does not know',
    zh: () => '所有不知道释放时间用途的人：未决定、未告知或不知道',
    de: () => 'alle ohne Auskunft, wofür frei gewordene Zeit da ist: nicht entschieden, nicht gesagt, weiß nicht',
  }),
  top_direction: say<{ meaning: Direction }>({
    en: ({ meaning }) => `the direction most named, by meaning: ${meaning}`,
    zh: ({ meaning }) => `按含义被提到最多的方向：${directionZh[meaning]}`,
    de: ({ meaning }) => `die meistgenannte Richtung, nach Bedeutung: ${directionDe[meaning]}`,
  }),
  // traps.ts: the leadership gap (Boss B).
  leadership_vs_workforce: say<{ leadership: number; workforce: number }>({
    en: ({ leadership, workforce }) => `leadership ${leadership} vs workforce ${workforce}`,
    zh: ({ leadership, workforce }) => `领导层 ${leadership}，员工 ${workforce}`,
    de: ({ leadership, workforce }) => `Führung ${leadership}, Belegschaft ${workforce}`,
  }),
  gap_half_width: say({
    en: () => "the threshold is the 95% half-width of the gap (workforce sampling and the leaders' own answer noise)",
    zh: () => '阈值为差距的 95% 半宽（员工抽样误差加上领导者自身的作答噪声）',
    de: () =>
      'die Schwelle ist die 95-%-Halbbreite der Lücke (Stichprobe der Belegschaft und das eigene Antwortrauschen der Führung)',
  }),
  per_layer_detail: say({ en: () => 'per-layer detail', zh: () => '分层面明细', de: () => 'Einzelheit je Ebene' }),
  leadership_gap_mean: say<{ layers: number }>({
    en: ({ layers }) => `leadership minus workforce, mean over ${layers} layers`,
    zh: ({ layers }) => `领导层减员工，${layers} 个层面平均`,
    de: ({ layers }) => `Führung minus Belegschaft, Mittel über ${layers} Ebenen`,
  }),
  leadership_gap_threshold: say<{ minimum: number; halfWidth: number }>({
    en: ({ minimum, halfWidth }) =>
      `threshold is the larger of ${minimum} points and the mean 95% half-width (${halfWidth}) of the gaps`,
    zh: ({ minimum, halfWidth }) => `阈值取 ${minimum} 分与各差距 95% 半宽平均值（${halfWidth}）中较大者`,
    de: ({ minimum, halfWidth }) =>
      `Schwelle ist das Größere von ${minimum} Punkten und der mittleren 95-%-Halbbreite (${halfWidth}) der Lücken`,
  }),
  layers_beyond_half_width: say<{ layers: number }>({
    en: ({ layers }) => `layers where the gap lies beyond its 95% half-width, of ${layers}`,
    zh: ({ layers }) => `差距超出其 95% 半宽的层面（共 ${layers} 个）`,
    de: ({ layers }) => `Ebenen, auf denen die Lücke über ihrer 95-%-Halbbreite liegt, von ${layers}`,
  }),
  manager_frontline: say<{ layers: number; managers: number; frontline: number }>({
    en: ({ layers, managers, frontline }) =>
      `managers minus frontline, mean over ${layers} layers (n = ${managers} managers, ${frontline} frontline)`,
    zh: ({ layers, managers, frontline }) =>
      `管理者减一线员工，${layers} 个层面平均（${managers} 名管理者，${frontline} 名一线员工）`,
    de: ({ layers, managers, frontline }) =>
      `Führungskräfte minus Tagesgeschäft, Mittel über ${layers} Ebenen (n = ${managers} Führungskräfte, ${frontline} im Tagesgeschäft)`,
  }),
  shown_not_required: say({
    en: () => 'shown, not required',
    zh: () => '仅供参考，非必要条件',
    de: () => 'gezeigt, keine Bedingung',
  }),
  // traps.ts: replacement only and the human exit.
  stands_in_for_replaced: say({
    en: () => 'stands in for work taken over by AI, which instrument 2026.1 does not ask',
    zh: () => '代替「被 AI 接手的工作」，2026.1 版问卷未问这一项',
    de: () => 'steht für von KI übernommene Arbeit, die der Fragebogen 2026.1 nicht abfragt',
  }),
  rollback_layer: say({
    en: () => 'the layer holding the quality signals and the level that trips a rollback',
    zh: () => '这个层面承载质量信号和触发回滚的阈值',
    de: () => 'die Ebene mit den Qualitätssignalen und der Schwelle, die einen Rückbau auslöst',
  }),
  ai_in_work: say({
    en: () => 'AI is in the work: not low',
    zh: () => 'AI 已进入工作：不低',
    de: () => 'KI steckt in der Arbeit: nicht niedrig',
  }),
  ai_in_work_2026_1: say({
    en: () => 'AI is in the work: not low (stands in for work taken over by AI, which 2026.1 does not ask)',
    zh: () => 'AI 已进入工作：不低（代替「被 AI 接手的工作」，2026.1 版未问这一项）',
    de: () => 'KI steckt in der Arbeit: nicht niedrig (steht für von KI übernommene Arbeit, die 2026.1 nicht abfragt)',
  }),
  per_item_shown: say({
    en: () => 'per item, shown, not required',
    zh: () => '逐题，仅供参考，非必要条件',
    de: () => 'je Frage, gezeigt, keine Bedingung',
  }),
  // ledger-evidence.ts: a ledger row beside a survey row.
  published_waits_only: say({
    en: () => 'published waits only (a lower bound when some are hidden)',
    zh: () => '只计已公布的等待（有等待被隐藏时为下限）',
    de: () => 'nur veröffentlichte Wartezeiten (eine Untergrenze, wenn einige verborgen sind)',
  }),
  share_of_waiters: say<{ n: number }>({
    en: ({ n }) => `read as a share of at least ${n} people who named a wait`,
    zh: ({ n }) => `按至少 ${n} 位说出等待的人计算的比例`,
    de: ({ n }) => `gelesen als Anteil von mindestens ${n} Personen, die eine Wartezeit genannt haben`,
  }),
  time_ledger_hours: say<{ n: number }>({
    en: ({ n }) => `hours a week named in the time ledger, over all ${n} respondents`,
    zh: ({ n }) => `时间账中填写的每周小时数，按全部 ${n} 位受访者平均`,
    de: ({ n }) => `im Zeitbuch genannte Stunden pro Woche, über alle ${n} Befragten`,
  }),
  knowledge_ledger_checks: say<{ n: number }>({
    en: ({ n }) => `checks with a senior colleague a week named in the knowledge ledger, over all ${n} respondents`,
    zh: ({ n }) => `知识账中填写的每周向资深同事请教次数，按全部 ${n} 位受访者平均`,
    de: ({ n }) => `im Wissensbuch genannte Rückfragen bei erfahrenen Kollegen pro Woche, über alle ${n} Befragten`,
  }),
  corroborates: say({
    en: () => 'corroborates, never carries',
    zh: () => '只作佐证，不单独成立',
    de: () => 'stützt, trägt nie allein',
  }),
  // shared/account/stage-two.ts and register-evidence.ts: the stage-two register.
  flows_ai_handles: say<{ flows: number }>({
    en: ({ flows }) => `of ${flows} flows AI handles`,
    zh: ({ flows }) => `AI 处理的 ${flows} 个流程`,
    de: ({ flows }) => `von ${flows} Abläufen, die KI übernimmt`,
  }),
  flows_ai_handles_in_register: say<{ flows: number }>({
    en: ({ flows }) => `of ${flows} flows AI handles, in the register`,
    zh: ({ flows }) => `登记册中 AI 处理的 ${flows} 个流程`,
    de: ({ flows }) => `von ${flows} Abläufen, die KI übernimmt, im Register`,
  }),
  signals_past_threshold: say({
    en: () => 'quality signals past their threshold',
    zh: () => '超过阈值的质量信号',
    de: () => 'Qualitätssignale über ihrer Schwelle',
  }),
  signals_past_threshold_in_register: say({
    en: () => 'quality signals past their threshold, in the register',
    zh: () => '登记册中超过阈值的质量信号',
    de: () => 'Qualitätssignale über ihrer Schwelle, im Register',
  }),
  // account-evidence.ts: the operating account beside the cash-poor diagnosis.
  entries_on_account: say<{ entries: number }>({
    en: ({ entries }) => `of ${entries} entries on the operating account at the close`,
    zh: ({ entries }) => `截至结束时运营账户上的 ${entries} 个条目`,
    de: ({ entries }) => `von ${entries} Einträgen im Betriebskonto beim Abschluss`,
  }),
  // findings.ts: careless answers, invisible practices, polarised departments.
  responses_flagged: say<{ flagged: number; total: number; straightLining: number; tooFast: number }>({
    en: ({ flagged, total, straightLining, tooFast }) =>
      `${flagged} of ${total} responses flagged (${straightLining} straight-lining, ${tooFast} too fast)`,
    zh: ({ flagged, total, straightLining, tooFast }) =>
      `${total} 份回答中 ${flagged} 份被标记（${straightLining} 份千篇一律，${tooFast} 份过快）`,
    de: ({ flagged, total, straightLining, tooFast }) =>
      `${flagged} von ${total} Antworten markiert (${straightLining} gleichförmig, ${tooFast} zu schnell)`,
  }),
  dont_know_share: say({
    en: () => "share of the answers that were don't know",
    zh: () => '回答为「不知道」的比例',
    de: () => 'Anteil der Antworten „weiß nicht“',
  }),
  departments_apart: say<{ high: string; low: string }>({
    en: ({ high, low }) => `${high} minus ${low}`,
    zh: ({ high, low }) => `${high} 减 ${low}`,
    de: ({ high, low }) => `${high} minus ${low}`,
  }),
  simultaneous_interval: say<{ lo: number; hi: number; comparisons: number }>({
    en: ({ lo, hi, comparisons }) => `simultaneous interval ${lo}–${hi} over ${comparisons} comparisons`,
    zh: ({ lo, hi, comparisons }) => `${comparisons} 组比较的联合区间 ${lo}–${hi}`,
    de: ({ lo, hi, comparisons }) => `simultanes Intervall ${lo}–${hi} über ${comparisons} Vergleiche`,
  }),
};

export type EvidenceNoteCode = keyof typeof EVIDENCE_NOTES;
type FiguresOf<C extends EvidenceNoteCode> = Parameters<(typeof EVIDENCE_NOTES)[C]['en']>[0];
/** One part of an evidence row's note: what it says (a code) and the figures it says it with. */
export type EvidenceNotePart = {
  [C in EvidenceNoteCode]: FiguresOf<C> extends NoFigures ? { code: C } : { code: C; figures: FiguresOf<C> };
}[EvidenceNoteCode];

/** A note part, typed by its code. */
export function part<C extends EvidenceNoteCode>(
  code: C,
  ...figures: FiguresOf<C> extends NoFigures ? [] : [FiguresOf<C>]
): EvidenceNotePart {
  return (figures.length ? { code, figures: figures[0] } : { code }) as EvidenceNotePart;
}

/** A note's parts in `lang`, joined as that language joins clauses. */
export function evidenceNoteText(parts: readonly EvidenceNotePart[], lang: Language): string {
  return parts
    .map((p) => {
      const texts = EVIDENCE_NOTES[p.code] as Say<unknown> | undefined;
      // A code from a newer engine than this renderer: said in no language rather than guessed.
      if (!texts) return '';
      return texts[lang]('figures' in p ? p.figures : {});
    })
    .filter(Boolean)
    .join(lang === 'zh' ? '；' : '; ');
}

/** Sets an evidence row's note parts and its English note from them (or clears both when there are none). */
export function withNote<E extends Evidence>(evidence: E, parts: readonly EvidenceNotePart[]): E {
  if (parts.length === 0) {
    delete evidence.note;
    delete evidence.noteParts;
    return evidence;
  }
  evidence.noteParts = [...parts];
  evidence.note = evidenceNoteText(parts, 'en');
  return evidence;
}
