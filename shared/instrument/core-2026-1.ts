import type { Instrument, Localized } from './types';

const t = (en: string, zh: string, de: string): Localized => ({ en, zh, de });

/**
 * Instrument v2026.1. Wording follows the essay's concrete situations (the freed 200 hours, the waits on approvals,
 * the senior colleague who must be asked, the customer who cannot reach a human). One idea per item; reverse-worded
 * items are kept to one in three layers (misresponse to them runs near 20%).
 */
export const CORE_INSTRUMENT: Instrument = {
  id: 'orgos-core',
  version: '2026.1',
  languages: ['en', 'zh', 'de'],
  layers: {
    roles: {
      name: t('Roles', '角色', 'Rollen'),
      question: t('Have the roles been rewritten?', '角色改写了吗？', 'Wurden die Rollen neu geschrieben?'),
    },
    workflows: {
      name: t('Workflows', '流程', 'Abläufe'),
      question: t(
        'Does the workflow have a downgrade path?',
        '流程有降级路径吗？',
        'Hat der Ablauf einen Rückfallweg?',
      ),
    },
    knowledge: {
      name: t('Knowledge', '知识', 'Wissen'),
      question: t('Has knowledge turned into an asset?', '知识变成资产了吗？', 'Ist Wissen zu einem Bestand geworden?'),
    },
    responsibility: {
      name: t('Responsibility', '责任', 'Verantwortung'),
      question: t('Is responsibility assigned?', '责任分配清楚了吗？', 'Ist die Verantwortung zugeordnet?'),
    },
    governance: {
      name: t('Governance', '治理', 'Steuerung'),
      question: t('Does governance have thresholds?', '治理有阈值吗？', 'Hat die Steuerung Schwellenwerte?'),
    },
  },
  signals: {
    investment: { name: t('Investment', '投入', 'Investition') },
    activity: { name: t('Activity', '活跃度', 'Aktivität') },
    time_ledger: { name: t('Time ledger', '时间账本', 'Zeitbuch') },
    waiting_ledger: { name: t('Waiting ledger', '等待账本', 'Wartebuch') },
    knowledge_ledger: { name: t('Knowledge ledger', '知识账本', 'Wissensbuch') },
    operating_impact: { name: t('Operating impact', '经营影响', 'Wirkung im Betrieb') },
    human_safeguards: { name: t('Human-in-the-loop safeguards', '人在回路保障', 'Menschliche Absicherung') },
    capacity_decision: { name: t('Capacity decision', '产能去向决策', 'Entscheidung über frei werdende Kapazität') },
  },
  likertLabels: {
    1: t('Strongly disagree', '非常不同意', 'Stimme überhaupt nicht zu'),
    2: t('Disagree', '不同意', 'Stimme nicht zu'),
    3: t('Neither', '一般', 'Teils, teils'),
    4: t('Agree', '同意', 'Stimme zu'),
    5: t('Strongly agree', '非常同意', 'Stimme voll zu'),
    dk: t("Don't know", '不知道', 'Weiß nicht'),
  },
  items: [
    // Roles: is the work split into machine recognition / generation, human review, exceptions, final accountability?
    {
      id: 'roles_split',
      type: 'likert',
      layer: 'roles',
      reverse: false,
      text: t(
        'My role description says which parts of my work AI tools do and which parts I review.',
        '我的岗位说明写清了哪些工作由AI工具完成、哪些由我审核。',
        'Meine Rollenbeschreibung sagt, welche Teile meiner Arbeit KI-Werkzeuge erledigen und welche ich prüfe.',
      ),
    },
    {
      id: 'roles_review_time',
      type: 'likert',
      layer: 'roles',
      reverse: false,
      text: t(
        'Time spent checking and correcting AI output is counted as part of my job.',
        '检查和修改AI产出所花的时间被算作我工作的一部分。',
        'Die Zeit für das Prüfen und Korrigieren von KI-Ergebnissen zählt als Teil meiner Arbeit.',
      ),
    },
    {
      id: 'roles_exceptions',
      type: 'likert',
      layer: 'roles',
      reverse: false,
      text: t(
        'It is clear who in my team handles the cases that AI tools cannot handle.',
        '团队里谁来处理AI工具处理不了的情况，是清楚的。',
        'Es ist klar, wer in meinem Team die Fälle übernimmt, die KI-Werkzeuge nicht lösen können.',
      ),
    },
    {
      id: 'roles_squeezed',
      type: 'likert',
      layer: 'roles',
      reverse: true,
      text: t(
        'I am expected to keep all my old duties and take on the new AI tools on top.',
        '我被要求保留所有原有职责，同时再额外承担新的AI工具。',
        'Von mir wird erwartet, alle alten Aufgaben zu behalten und die neuen KI-Werkzeuge zusätzlich zu übernehmen.',
      ),
    },
    // Workflows: is it written down which steps pass automatically and which stop for a person?
    {
      id: 'wf_stop_points',
      type: 'likert',
      layer: 'workflows',
      reverse: false,
      text: t(
        'For my main workflow it is written down which steps may pass automatically and which must stop for a person.',
        '我的主要流程写明了哪些步骤可以自动通过、哪些必须停下来交给人。',
        'Für meinen Hauptablauf ist festgehalten, welche Schritte automatisch durchlaufen dürfen und welche bei einem Menschen anhalten.',
      ),
    },
    {
      id: 'wf_escalation',
      type: 'likert',
      layer: 'workflows',
      reverse: false,
      text: t(
        'When an AI tool cannot answer, there is a written path for passing the case to a person.',
        '当AI工具答不上来时，有书面的路径把事情转给人处理。',
        'Wenn ein KI-Werkzeug nicht antworten kann, gibt es einen festgelegten Weg, den Fall an einen Menschen zu geben.',
      ),
    },
    {
      id: 'wf_decided_upfront',
      type: 'likert',
      layer: 'workflows',
      reverse: false,
      text: t(
        'Escalation paths for AI-supported work were decided before go-live, not after a complaint.',
        'AI参与的工作，其升级路径是在上线前定好的，而不是在投诉之后。',
        'Eskalationswege für KI-gestützte Arbeit wurden vor dem Start festgelegt, nicht erst nach einer Beschwerde.',
      ),
    },
    {
      id: 'wf_manual_fallback',
      type: 'likert',
      layer: 'workflows',
      reverse: false,
      text: t(
        'If an AI tool were switched off tomorrow, we know how the work would continue by hand.',
        '如果明天关掉某个AI工具，我们知道工作如何靠人工继续。',
        'Würde ein KI-Werkzeug morgen abgeschaltet, wüssten wir, wie die Arbeit von Hand weitergeht.',
      ),
    },
    // Knowledge: which role, in which scenario, calls which knowledge; judgments reviewable afterwards.
    {
      id: 'kn_where_to_look',
      type: 'likert',
      layer: 'knowledge',
      reverse: false,
      text: t(
        'For the situations I meet at work, I know which knowledge source to use.',
        '对于工作中遇到的情况，我知道该用哪个知识来源。',
        'Für die Situationen in meiner Arbeit weiß ich, welche Wissensquelle ich nutzen soll.',
      ),
    },
    {
      id: 'kn_ask_senior',
      type: 'likert',
      layer: 'knowledge',
      reverse: true,
      text: t(
        'For many everyday judgments I still have to ask a senior colleague.',
        '很多日常判断我仍然要去问资深同事。',
        'Für viele alltägliche Entscheidungen muss ich noch immer eine erfahrene Kollegin oder einen erfahrenen Kollegen fragen.',
      ),
    },
    {
      id: 'kn_traceable',
      type: 'likert',
      layer: 'knowledge',
      reverse: false,
      text: t(
        'A decision made with AI support can be traced back to the knowledge it used.',
        'AI辅助做出的决定，可以追溯到它所用的知识。',
        'Eine mit KI-Unterstützung getroffene Entscheidung lässt sich auf das verwendete Wissen zurückführen.',
      ),
    },
    {
      id: 'kn_new_hire',
      type: 'likert',
      layer: 'knowledge',
      reverse: false,
      text: t(
        'A new hire can find the judgment calls of our work written down, not only in people’s heads.',
        '新员工能找到我们工作中判断依据的书面记录，而不只存在于人的脑子里。',
        'Neue Mitarbeitende finden die Ermessensentscheidungen unserer Arbeit aufgeschrieben, nicht nur in Köpfen.',
      ),
    },
    // Responsibility: for an adopted AI suggestion, who owns the outcome?
    {
      id: 'resp_outcome_owner',
      type: 'likert',
      layer: 'responsibility',
      reverse: false,
      text: t(
        'When an AI suggestion is used and the result goes wrong, it is clear who owns the outcome.',
        '采纳了AI建议而结果出错时，由谁负责是清楚的。',
        'Wenn ein KI-Vorschlag übernommen wird und das Ergebnis schiefgeht, ist klar, wer dafür verantwortlich ist.',
      ),
    },
    {
      id: 'resp_step_owner',
      type: 'likert',
      layer: 'responsibility',
      reverse: false,
      text: t(
        'For each step of my workflow, I could name whose decision it is.',
        '对于我流程中的每一步，我都能说出是谁的决定。',
        'Für jeden Schritt meines Ablaufs könnte ich sagen, wessen Entscheidung er ist.',
      ),
    },
    {
      id: 'resp_vendor_split',
      type: 'likert',
      layer: 'responsibility',
      reverse: false,
      text: t(
        'It is agreed what the AI vendor is responsible for and what we are responsible for.',
        'AI供应商负责什么、我们负责什么，是有约定的。',
        'Es ist vereinbart, wofür der KI-Anbieter verantwortlich ist und wofür wir.',
      ),
    },
    {
      id: 'resp_agreed_before',
      type: 'likert',
      layer: 'responsibility',
      reverse: false,
      text: t(
        'Who answers for AI-assisted work is settled before problems happen, not argued about afterwards.',
        'AI辅助工作由谁负责，是在出问题之前就定好的，而不是事后再争。',
        'Wer für KI-gestützte Arbeit einsteht, ist geklärt, bevor Probleme auftreten, nicht erst danach.',
      ),
    },
    // Governance: permissions, audit trails, rollback, quality signals with thresholds.
    {
      id: 'gov_permissions',
      type: 'likert',
      layer: 'governance',
      reverse: false,
      text: t(
        'There are clear rules on who may use which AI tools with which data.',
        '谁可以用哪些AI工具处理哪些数据，有明确规定。',
        'Es gibt klare Regeln, wer welche KI-Werkzeuge mit welchen Daten nutzen darf.',
      ),
    },
    {
      id: 'gov_audit_log',
      type: 'likert',
      layer: 'governance',
      reverse: false,
      text: t(
        'What AI tools did in our work is logged so it can be checked afterwards.',
        'AI工具在工作中做了什么会被记录下来，事后可以查。',
        'Was KI-Werkzeuge in unserer Arbeit getan haben, wird protokolliert und kann später geprüft werden.',
      ),
    },
    {
      id: 'gov_thresholds',
      type: 'likert',
      layer: 'governance',
      reverse: false,
      text: t(
        'We track quality signals such as repeat inquiries, complaints or refunds, with limits that trigger a rollback.',
        '我们跟踪重复咨询、投诉或退款等质量信号，并设有触发回滚的阈值。',
        'Wir verfolgen Qualitätssignale wie Wiederholungsanfragen, Beschwerden oder Erstattungen, mit Grenzwerten, die einen Rückbau auslösen.',
      ),
    },
    {
      id: 'gov_conscience',
      type: 'likert',
      layer: 'governance',
      reverse: true,
      text: t(
        'Whether AI is used carefully here depends mostly on each person’s own conscience.',
        '这里AI是否被谨慎使用，主要靠每个人的自觉。',
        'Ob KI hier sorgfältig genutzt wird, hängt vor allem vom Gewissen jeder einzelnen Person ab.',
      ),
    },
    // Signals: context for the diagnosis, not layers.
    {
      id: 'sig_tools_provided',
      type: 'likert',
      signal: 'investment',
      reverse: false,
      text: t(
        'My company has given us paid AI tools, seats or token budgets.',
        '公司给我们提供了付费的AI工具、账号或额度。',
        'Mein Unternehmen stellt uns bezahlte KI-Werkzeuge, Lizenzen oder Budgets bereit.',
      ),
    },
    {
      id: 'sig_training_pilots',
      type: 'likert',
      signal: 'investment',
      reverse: false,
      text: t(
        'My company has run formal AI training or pilot projects.',
        '公司组织过正式的AI培训或试点项目。',
        'Mein Unternehmen hat formelle KI-Schulungen oder Pilotprojekte durchgeführt.',
      ),
    },
    {
      id: 'sig_trying_tools',
      type: 'likert',
      signal: 'activity',
      reverse: false,
      text: t(
        'People around me try out AI tools on their own.',
        '我身边的人会自己尝试AI工具。',
        'Menschen in meinem Umfeld probieren KI-Werkzeuge auf eigene Faust aus.',
      ),
    },
    {
      id: 'sig_sharing_cases',
      type: 'likert',
      signal: 'activity',
      reverse: false,
      text: t(
        'AI tips and cases are shared often in our group chats or meetings.',
        '我们的群聊或会议里经常分享AI技巧和案例。',
        'KI-Tipps und Beispiele werden in unseren Gruppenchats oder Meetings oft geteilt.',
      ),
    },
    {
      id: 'sig_time_ledger',
      type: 'likert',
      signal: 'time_ledger',
      reverse: false,
      text: t(
        'We keep a list of the most time-consuming work: who does it, how long, how often, and why them.',
        '我们有一份最耗时工作的清单：谁在做、做多久、多频繁、为什么是这个人。',
        'Wir führen eine Liste der zeitaufwendigsten Arbeit: wer sie macht, wie lange, wie oft und warum diese Person.',
      ),
    },
    {
      id: 'sig_waiting_ledger',
      type: 'likert',
      signal: 'waiting_ledger',
      reverse: false,
      text: t(
        'We keep track of where work waits: on approvals, confirmations, materials, other departments or the boss.',
        '我们记录工作卡在哪里等待：等审批、等确认、等材料、等其他部门或等老板。',
        'Wir halten fest, wo Arbeit wartet: auf Freigaben, Bestätigungen, Unterlagen, andere Abteilungen oder die Chefin bzw. den Chef.',
      ),
    },
    {
      id: 'sig_knowledge_ledger',
      type: 'likert',
      signal: 'knowledge_ledger',
      reverse: false,
      text: t(
        'We keep a list of knowledge that lives only in senior colleagues’ heads, with a plan to write it down.',
        '我们有一份只存在于资深同事脑子里的知识清单，并有计划把它写下来。',
        'Wir führen eine Liste des Wissens, das nur in den Köpfen Erfahrener steckt, mit einem Plan, es aufzuschreiben.',
      ),
    },
    {
      id: 'sig_ledgers_reviewed',
      type: 'likert',
      signal: 'time_ledger',
      reverse: false,
      text: t(
        'Where our time goes is discussed in regular operating reviews.',
        '我们的时间花在哪里，会在定期的经营复盘中讨论。',
        'Wohin unsere Zeit geht, wird in regelmäßigen Betriebsbesprechungen besprochen.',
      ),
    },
    {
      id: 'sig_workflow_shorter',
      type: 'likert',
      signal: 'operating_impact',
      reverse: false,
      text: t(
        'In the last three months a workflow I work in got shorter because of AI.',
        '过去三个月里，我参与的某个流程因为AI变短了。',
        'In den letzten drei Monaten ist ein Ablauf, an dem ich arbeite, durch KI kürzer geworden.',
      ),
    },
    {
      id: 'sig_wait_removed',
      type: 'likert',
      signal: 'operating_impact',
      reverse: false,
      text: t(
        'A wait I used to have, for an approval, a reply or a decision, has been removed.',
        '我过去要等的某个环节（审批、回复或决定）已经被去掉了。',
        'Eine Wartezeit, die ich früher hatte – auf eine Freigabe, Antwort oder Entscheidung –, ist weggefallen.',
      ),
    },
    {
      id: 'sig_no_senior_check',
      type: 'likert',
      signal: 'operating_impact',
      reverse: false,
      text: t(
        'There is now a kind of question I no longer need to check with senior staff.',
        '现在有一类问题我不再需要找资深员工确认了。',
        'Es gibt jetzt eine Art von Frage, die ich nicht mehr mit Erfahrenen abklären muss.',
      ),
    },
    {
      id: 'sig_human_exit',
      type: 'likert',
      signal: 'human_safeguards',
      reverse: false,
      text: t(
        'Our customers can always reach a person when they want to.',
        '我们的客户想找真人时，总能找到。',
        'Unsere Kundinnen und Kunden erreichen jederzeit einen Menschen, wenn sie das wollen.',
      ),
    },
    {
      id: 'sig_sensitive_escalate',
      type: 'likert',
      signal: 'human_safeguards',
      reverse: false,
      text: t(
        'Complex, emotional, money or credit cases always go to a person.',
        '复杂的、情绪化的、涉及钱或信用的情况，总是交给人处理。',
        'Komplexe, emotionale, Geld- oder Kreditfälle gehen immer an einen Menschen.',
      ),
    },
    {
      id: 'sig_restaff_owner',
      type: 'likert',
      signal: 'human_safeguards',
      reverse: false,
      text: t(
        'Someone owns the decision to bring people back in if AI quality drops.',
        '如果AI质量下降，有人负责决定把人重新补回来。',
        'Jemand verantwortet die Entscheidung, wieder Menschen einzusetzen, wenn die KI-Qualität sinkt.',
      ),
    },
    {
      id: 'sig_capacity_use',
      type: 'choice',
      signal: 'capacity_decision',
      text: t(
        'If AI freed 200 hours a week in your team, what has leadership decided those hours are for?',
        '如果AI每周为你的团队省出200小时，领导层决定把这些时间用在哪里？',
        'Wenn KI in Ihrem Team 200 Stunden pro Woche frei macht: Wofür hat die Leitung diese Stunden vorgesehen?',
      ),
      options: [
        { id: 'profit', meaning: 'cost', label: t('Lower costs', '降低成本', 'Kosten senken') },
        {
          id: 'customer_experience',
          meaning: 'growth',
          label: t(
            'Faster, better service for customers',
            '更快更好地服务客户',
            'Schnellerer, besserer Service für Kunden',
          ),
        },
        {
          id: 'organisational_learning',
          meaning: 'learning',
          label: t(
            'Experiments, rewriting workflows, people moving to new roles',
            '做实验、改写流程、让人转到新岗位',
            'Experimente, neue Abläufe, Wechsel in neue Rollen',
          ),
        },
        { id: 'headcount_only', meaning: 'cost', label: t('Cutting headcount', '裁员', 'Stellenabbau') },
        {
          id: 'undecided',
          meaning: 'undecided',
          label: t(
            'Nothing decided, or I have not been told',
            '还没决定，或没人告诉我',
            'Nichts entschieden, oder mir nicht gesagt',
          ),
        },
      ],
    },
  ],
  segments: {
    level: {
      text: t(
        'Which best describes your position?',
        '哪一项最符合你的职位？',
        'Was beschreibt Ihre Position am besten?',
      ),
      options: [
        { id: 'frontline', label: t('I do the work directly', '一线员工', 'Ich arbeite direkt im Tagesgeschäft') },
        { id: 'manager', label: t('I manage a team', '我管理一个团队', 'Ich leite ein Team') },
        {
          id: 'executive',
          label: t('I am part of senior leadership', '我是高层管理者', 'Ich gehöre zur Geschäftsleitung'),
        },
      ],
    },
    department: {
      text: t('Which department do you work in?', '你在哪个部门工作？', 'In welcher Abteilung arbeiten Sie?'),
    },
  },
};
