import { CORE_INSTRUMENT as V2026_1 } from './core-2026-1';
import type { ChoiceOption, Instrument, Item, Localized } from './types';

const t = (en: string, zh: string, de: string): Localized => ({ en, zh, de });

/** An item of 2026.1 whose meaning is unchanged keeps its id and wording (types.ts: ids are stable across versions). */
function kept(id: string): Item {
  const item = V2026_1.items.find((i) => i.id === id);
  if (!item) throw new Error(`2026.1 has no item ${id}`);
  return item;
}

/**
 * An item of 2026.1 with the same meaning whose Chinese or German read wrong: same id, the wording fixed (METHOD.md
 * §1.1 lists each change). English, the reference, is unchanged.
 */
function reworded(id: string, fix: Partial<Omit<Localized, 'en'>>): Item {
  const item = kept(id);
  return { ...item, text: { ...item.text, ...fix } };
}

const other: ChoiceOption = { id: 'other', label: t('Other', '其他', 'Sonstiges') };

/**
 * Instrument v2026.2 (docs/METHOD.md §1 says what changed and why):
 * - double-barrelled `gov_thresholds` split into tracking quality signals and an agreed rollback level;
 * - items frontline staff cannot see from where they sit (vendor contracts, audit logs, what was decided before
 *   go-live, who owns re-staffing) reworded to what they experience, under new ids;
 * - the capacity question asked as two: has leadership decided at all, and what for (the essay's destinations), scaled
 *   to the team ("one day a week for each person") rather than a fixed 200 hours;
 * - a `work_replaced` signal, so replacement-only is never said where nothing was replaced;
 * - a midpoint that means "neither agree nor disagree" in Chinese and German;
 * - scores as the mean of item means and alpha from pairwise covariances (types.ts `ScoringMethod`);
 * - the optional ledger step: time sinks, waits and locked-up knowledge, entered by the people who live them.
 */
export const CORE_INSTRUMENT_2026_2: Instrument = {
  id: 'orgos-core',
  version: '2026.2',
  scoring: 'item-means',
  languages: ['en', 'zh', 'de'],
  // German layer questions that read as calques ("neu geschrieben", "Rückfallweg", "Bestand"): the idiomatic terms.
  layers: {
    ...V2026_1.layers,
    roles: {
      ...V2026_1.layers.roles,
      question: { ...V2026_1.layers.roles.question, de: 'Wurden die Rollen neu gefasst?' },
    },
    workflows: {
      ...V2026_1.layers.workflows,
      question: { ...V2026_1.layers.workflows.question, de: 'Hat der Ablauf eine Rückfallebene?' },
    },
    knowledge: {
      ...V2026_1.layers.knowledge,
      question: { ...V2026_1.layers.knowledge.question, de: 'Ist Wissen zu einem Vermögenswert geworden?' },
    },
  },
  signals: {
    ...V2026_1.signals,
    // 人工兜底: what the reports say in Chinese; 人在回路 is jargon few respondents or executives use.
    human_safeguards: { name: t('Human-in-the-loop safeguards', '人工兜底保障', 'Menschliche Absicherung') },
    work_replaced: { name: t('Work taken over by AI', 'AI接手的工作', 'Von KI übernommene Arbeit') },
    capacity_decided: {
      name: t('Decision on freed capacity', '是否已决定产能去向', 'Entscheidung über frei werdende Kapazität'),
    },
    capacity_decision: { name: t('Use of freed capacity', '产能去向', 'Verwendung frei werdender Kapazität') },
  },
  likertLabels: {
    ...V2026_1.likertLabels,
    3: t('Neither agree nor disagree', '中立', 'Weder noch'),
  },
  items: [
    reworded('roles_split', { zh: '我的岗位说明写明哪些工作由AI做、哪些由我审核。' }),
    reworded('roles_review_time', { zh: '检查和修改AI产出的时间计入我的工作量。' }),
    reworded('roles_exceptions', { zh: '团队里由谁接手AI处理不了的情况，很明确。' }),
    reworded('roles_squeezed', {
      de: 'Ich soll alle alten Aufgaben behalten und die neuen KI-Werkzeuge zusätzlich übernehmen.',
      zh: '我被要求保留全部原有职责，还要额外用上新的AI工具。',
    }),
    reworded('wf_stop_points', { zh: '我的主要流程写明哪些步骤可自动通过、哪些必须停下交给人。' }),
    reworded('wf_escalation', {
      zh: 'AI工具答不上来时，有书面流程把事情转给人。',
      de: 'Kann ein KI-Werkzeug nicht antworten, gibt es einen festgelegten Weg, den Fall an einen Menschen zu geben.',
    }),
    {
      id: 'wf_path_known',
      type: 'likert',
      layer: 'workflows',
      reverse: false,
      text: t(
        'When an AI-supported case goes wrong, the escalation path is already known; nobody has to invent it after a complaint.',
        'AI参与的案例出问题时，升级路径事先已知，不必等投诉后再临时想。',
        'Wenn ein KI-gestützter Fall schiefgeht, ist der Eskalationsweg schon bekannt; niemand muss ihn erst nach einer Beschwerde erfinden.',
      ),
    },
    reworded('wf_manual_fallback', { zh: '如果明天停用某个AI工具，我们知道怎样靠人工继续。' }),
    reworded('kn_where_to_look', { zh: '对工作中遇到的情况，我知道该查哪个知识来源。' }),
    reworded('kn_ask_senior', {
      de: 'Für viele alltägliche Entscheidungen muss ich noch immer jemand Erfahrenes fragen.',
    }),
    {
      id: 'kn_can_check_source',
      type: 'likert',
      layer: 'knowledge',
      reverse: false,
      text: t(
        'When I need to check how an AI-supported answer was reached, I can see which knowledge it used.',
        '要核实AI辅助的答案怎么得出时，我能看到它用了哪些知识。',
        'Muss ich prüfen, wie eine KI-gestützte Antwort zustande kam, sehe ich, welches Wissen sie genutzt hat.',
      ),
    },
    reworded('kn_new_hire', {
      zh: '我们工作中的判断依据有书面记录，新员工查得到，不只在人脑子里。',
      de: 'Neue Mitarbeitende finden die Ermessensentscheidungen unserer Arbeit schriftlich festgehalten, nicht nur in den Köpfen der Leute.',
    }),
    reworded('resp_outcome_owner', {
      zh: '采纳AI建议后结果出错，由谁负责很明确。',
      de: 'Wird ein KI-Vorschlag übernommen und geht das Ergebnis schief, ist klar, wer verantwortlich ist.',
    }),
    reworded('resp_step_owner', { zh: '我流程中的每一步该由谁决定，我都说得出。' }),
    {
      id: 'resp_vendor_or_us',
      type: 'likert',
      layer: 'responsibility',
      reverse: false,
      text: t(
        'When an AI tool makes a mistake, I know whether fixing it is our job or the vendor’s.',
        'AI工具出错时，我知道该由我们还是供应商纠正。',
        'Macht ein KI-Werkzeug einen Fehler, weiß ich, ob wir oder der Anbieter ihn beheben müssen.',
      ),
    },
    reworded('resp_agreed_before', { zh: 'AI辅助工作由谁负责，出问题前就定好了，不用事后再争。' }),
    kept('gov_permissions'),
    {
      id: 'gov_can_check_ai',
      type: 'likert',
      layer: 'governance',
      reverse: false,
      text: t(
        'If I need to check what an AI tool did in a case, I can look it up afterwards.',
        'AI工具在某个案例中做了什么，我需要时事后能查到。',
        'Was ein KI-Werkzeug in einem Fall getan hat, kann ich bei Bedarf nachträglich nachsehen.',
      ),
    },
    {
      id: 'gov_quality_signals',
      type: 'likert',
      layer: 'governance',
      reverse: false,
      text: t(
        'The quality of AI-supported work is tracked with signals such as repeat inquiries, complaints or refunds.',
        'AI参与的工作质量用重复咨询、投诉或退款等信号跟踪。',
        'Die Qualität KI-gestützter Arbeit wird an Signalen wie Wiederholungsanfragen, Beschwerden oder Erstattungen verfolgt.',
      ),
    },
    {
      id: 'gov_rollback_threshold',
      type: 'likert',
      layer: 'governance',
      reverse: false,
      text: t(
        'There is an agreed level of those signals at which AI use is rolled back or a person takes over.',
        '这些信号有约定的阈值，一旦达到就回退AI或改由人处理。',
        'Für diese Signale gibt es einen vereinbarten Grenzwert, ab dem der KI-Einsatz zurückgenommen wird oder ein Mensch übernimmt.',
      ),
    },
    reworded('gov_conscience', {
      de: 'Ob KI hier sorgfältig genutzt wird, hängt vor allem vom Gewissen jedes Einzelnen ab.',
    }),
    reworded('sig_tools_provided', { zh: '公司为我们提供了付费AI工具、账号或额度。' }),
    kept('sig_training_pilots'),
    kept('sig_trying_tools'),
    kept('sig_sharing_cases'),
    reworded('sig_time_ledger', { zh: '我们有最耗时工作的清单：谁做、做多久、多频繁、为什么是这个人。' }),
    reworded('sig_ledgers_reviewed', {
      zh: '时间花在哪里，会在定期经营复盘中讨论。',
      de: 'Wohin unsere Zeit geht, ist regelmäßig Thema in unseren Betriebsbesprechungen.',
    }),
    reworded('sig_waiting_ledger', {
      zh: '我们记录工作卡在哪里：等审批、确认、材料、其他部门或老板。',
      de: 'Wir halten fest, wo Arbeit wartet: auf Freigaben, Bestätigungen, Unterlagen, andere Abteilungen oder die Führungskraft.',
    }),
    reworded('sig_knowledge_ledger', { zh: '我们列出了只在资深同事脑子里的知识，并计划把它写下来。' }),
    reworded('sig_workflow_shorter', { zh: '过去三个月，我参与的某个流程因AI变短了。' }),
    reworded('sig_wait_removed', {
      zh: '我过去要等的某个环节（审批、回复或决定）已取消。',
      de: 'Eine Wartezeit, die ich früher hatte (auf eine Freigabe, Antwort oder Entscheidung), ist weggefallen.',
    }),
    kept('sig_no_senior_check'),
    kept('sig_human_exit'),
    kept('sig_sensitive_escalate'),
    {
      id: 'sig_restaff_known',
      type: 'likert',
      signal: 'human_safeguards',
      reverse: false,
      text: t(
        'I know who decides to bring people back in if the quality of AI-supported work drops.',
        'AI参与的工作质量下降时，我知道由谁决定把人补回来。',
        'Ich weiß, wer entscheidet, wieder Menschen einzusetzen, wenn die Qualität KI-gestützter Arbeit sinkt.',
      ),
    },
    {
      id: 'sig_ai_does_work',
      type: 'likert',
      signal: 'work_replaced',
      reverse: false,
      text: t(
        'AI now does part of my team’s work that people used to do.',
        'AI现在承担了团队过去由人做的部分工作。',
        'KI erledigt jetzt einen Teil der Arbeit meines Teams, den früher Menschen gemacht haben.',
      ),
    },
    {
      id: 'sig_people_moved_off',
      type: 'likert',
      signal: 'work_replaced',
      reverse: false,
      text: t(
        'Because AI now does some of the work, people in my team were moved elsewhere or their jobs were not refilled.',
        '因为AI承担了部分工作，团队里有人被调走，或空缺没有再补。',
        'Weil KI einen Teil der Arbeit erledigt, wurden Leute aus meinem Team versetzt oder Stellen nicht nachbesetzt.',
      ),
    },
    {
      id: 'sig_capacity_decided',
      type: 'choice',
      signal: 'capacity_decided',
      text: t(
        'Has leadership decided what working time freed by AI is to be used for?',
        '领导层是否已决定AI省下的工作时间用来做什么？',
        'Hat die Leitung entschieden, wofür durch KI frei werdende Arbeitszeit genutzt werden soll?',
      ),
      options: [
        {
          id: 'decided_told',
          meaning: 'told',
          label: t('Yes, and we have been told what for', '是，并且告诉了我们用途', 'Ja, und uns wurde gesagt, wofür'),
        },
        {
          id: 'decided_not_told',
          meaning: 'not_told',
          label: t(
            'I believe so, but we have not been told what for',
            '应该决定了，但没告诉我们用途',
            'Vermutlich, aber uns wurde nicht gesagt, wofür',
          ),
        },
        {
          id: 'not_decided',
          meaning: 'not_decided',
          label: t('No, nothing has been decided', '没有，什么都还没决定', 'Nein, es wurde nichts entschieden'),
        },
        { id: 'dont_know', meaning: 'unknown', label: t('I don’t know', '不知道', 'Weiß nicht') },
      ],
    },
    {
      id: 'sig_capacity_for',
      type: 'choice',
      signal: 'capacity_decision',
      text: t(
        'Suppose AI freed one day a week for each person in your team. What has leadership decided that time is mainly for?',
        '假设AI为团队每人每周省出一天。领导层决定这些时间主要用来做什么？',
        'Angenommen, KI spart jeder Person in Ihrem Team einen Tag pro Woche. Wofür hat die Leitung diese Zeit vor allem vorgesehen?',
      ),
      // The essay's list of destinations, by meaning: cost (profit), growth (customers, output, quality, new
      // business) or learning (people moving into new roles, experiments, workflow rewrites).
      options: [
        { id: 'cost_down', meaning: 'cost', label: t('Lowering costs', '降低成本', 'Kosten senken') },
        {
          id: 'fewer_people',
          meaning: 'cost',
          label: t(
            'Fewer people: cutting jobs or not refilling them',
            '减少人手：裁员或不再补缺',
            'Weniger Personal: Stellen abbauen oder nicht nachbesetzen',
          ),
        },
        {
          id: 'redeploy',
          meaning: 'learning',
          label: t(
            'Moving people to higher-value work',
            '把人调去做更有价值的工作',
            'Menschen in wertvollere Aufgaben versetzen',
          ),
        },
        {
          id: 'more_output',
          meaning: 'growth',
          label: t('More output with the same people', '同样的人产出更多', 'Mehr Leistung mit denselben Menschen'),
        },
        { id: 'higher_quality', meaning: 'growth', label: t('Higher quality', '提高质量', 'Höhere Qualität') },
        {
          id: 'faster_response',
          meaning: 'growth',
          label: t('Faster response to customers', '更快响应客户', 'Schnellere Antworten für Kunden'),
        },
        {
          id: 'new_business',
          meaning: 'growth',
          label: t('New lines of business', '开拓新业务', 'Neue Geschäftsfelder'),
        },
        {
          id: 'learning',
          meaning: 'learning',
          label: t(
            'Experiments and rewriting how we work',
            '做实验、改写工作方式',
            'Experimente und neue Arbeitsweisen',
          ),
        },
        {
          id: 'not_decided',
          meaning: 'undecided',
          label: t('Nothing has been decided', '还没有决定', 'Es wurde nichts entschieden'),
        },
        {
          id: 'dont_know',
          meaning: 'unknown',
          label: t(
            "I don't know, or I have not been told",
            '不知道，或没人告诉我',
            'Weiß nicht, oder mir wurde nichts gesagt',
          ),
        },
      ],
    },
  ],
  // "一线员工" was a noun beside two first-person answers: now first person like them.
  segments: {
    ...V2026_1.segments,
    level: {
      ...V2026_1.segments.level,
      options: V2026_1.segments.level.options.map((o) =>
        o.id === 'frontline' ? { ...o, label: { ...o.label, zh: '我直接做一线工作' } } : o,
      ),
    },
  },
  ledger: {
    maxEntries: 3,
    time: {
      prompt: t(
        'Which work takes up the most of your time each week?',
        '每周哪些工作最占用你的时间？',
        'Welche Arbeit kostet Sie jede Woche die meiste Zeit?',
      ),
      categories: [
        {
          id: 'repeat_questions',
          label: t(
            'Answering the same questions again and again',
            '反复回答同样的问题',
            'Immer wieder dieselben Fragen beantworten',
          ),
        },
        { id: 'reports_decks', label: t('Reports and slide decks', '写报告、做PPT', 'Berichte und Präsentationen') },
        { id: 'searching', label: t('Searching for information', '查找信息', 'Informationen suchen') },
        {
          id: 'data_entry',
          label: t(
            'Data entry and copying between systems',
            '录入数据、在系统间复制',
            'Daten erfassen und zwischen Systemen übertragen',
          ),
        },
        { id: 'rework', label: t('Rework', '返工', 'Nacharbeit') },
        {
          id: 'coordination',
          label: t('Coordination and status meetings', '协调和进度会议', 'Abstimmung und Statusmeetings'),
        },
        { id: 'checking', label: t('Checking others’ work', '检查别人的工作', 'Arbeit anderer prüfen') },
        other,
      ],
      reasons: [
        { id: 'only_me', label: t('Only I know how', '只有我会', 'Nur ich kann es') },
        { id: 'role_requires', label: t('My role requires it', '岗位要求', 'Meine Rolle verlangt es') },
        { id: 'no_access', label: t('No one else has access', '别人没有权限', 'Niemand sonst hat Zugriff') },
        { id: 'handed_to_me', label: t('It was handed to me', '被分派给我', 'Mir übertragen') },
        other,
      ],
      hoursPerWeek: { min: 0, max: 40, step: 0.5 },
    },
    waiting: {
      prompt: t(
        'Where does your work wait the longest?',
        '你的工作在哪里等得最久？',
        'Wo wartet Ihre Arbeit am längsten?',
      ),
      kinds: [
        { id: 'approval', label: t('An approval', '审批', 'Freigabe') },
        { id: 'confirmation', label: t('A confirmation', '确认', 'Bestätigung') },
        { id: 'materials', label: t('Materials or data', '材料或数据', 'Unterlagen oder Daten') },
        {
          id: 'other_department',
          label: t('A reply from another department', '其他部门的回复', 'Antwort einer anderen Abteilung'),
        },
        {
          id: 'boss_decision',
          label: t('The boss’s decision', '老板拍板', 'Entscheidung der Führungskraft'),
        },
        other,
      ],
      days: { min: 0, max: 30, step: 0.5 },
      timesPerMonth: { min: 0, max: 60, step: 1 },
    },
    knowledge: {
      prompt: t(
        'Which judgments do you still have to check with a senior colleague?',
        '哪些判断你仍然需要找资深同事确认？',
        'Welche Einschätzungen müssen Sie noch mit Erfahrenen abklären?',
      ),
      categories: [
        { id: 'pricing', label: t('Pricing and discounts', '定价和折扣', 'Preise und Rabatte') },
        {
          id: 'exceptions_refunds',
          label: t('Exceptions and refunds', '例外和退款', 'Ausnahmen und Erstattungen'),
        },
        { id: 'escalations', label: t('Customer escalations', '客户升级投诉', 'Kundeneskalationen') },
        { id: 'technical', label: t('Technical diagnosis', '技术诊断', 'Technische Diagnose') },
        { id: 'compliance', label: t('Compliance and contracts', '合规与合同', 'Compliance und Verträge') },
        other,
      ],
      checksPerWeek: { min: 0, max: 50, step: 1 },
      sop: [
        { id: 'none', label: t('No written procedure', '没有书面流程', 'Kein schriftliches Verfahren') },
        { id: 'unused', label: t('Written down, but not used', '写了但没人用', 'Aufgeschrieben, aber nicht genutzt') },
        { id: 'used', label: t('Written down and used', '写了并且在用', 'Aufgeschrieben und genutzt') },
      ],
    },
  },
};
