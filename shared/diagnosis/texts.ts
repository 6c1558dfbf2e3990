// Every sentence the diagnosis writes, in every language the survey has: one template per language over the same
// numbers, so the Chinese and German report say exactly what the English one says (English is the reference).
// Numbers are rounded as the reader sees them; percentages of shares to whole percent.

import { type Instrument, LANGUAGES, type Language, type Layer, type Localized, signalName } from '../instrument';
import type { DiagnosisCode, Finding } from '../report-model';
import type { ConfidenceWord } from './calibration';
import type { CapacityReading, Destination } from './capacity';
import type { Missing, ProfileFacts, TrapFacts } from './traps';

type Lang = Language;

/** One text in every language from a function of the language. */
export const localize = (f: (lang: Lang) => string): Localized =>
  Object.fromEntries(LANGUAGES.map((lang) => [lang, f(lang)])) as Localized;

const pts = (x: number): string => `${Math.round(x)}`;
const pct = (x: number, lang: Lang): string => `${Math.round(x * 100)}${lang === 'de' ? '\u00a0%' : '%'}`;

/** "a, b and c" in each language. */
function list(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = { en: ' and ', zh: '和', de: ' und ' }[lang];
  const sep = lang === 'zh' ? '、' : ', ';
  return `${items.slice(0, -1).join(sep)}${and}${items.at(-1)}`;
}

/** A layer's name as it stands inside a sentence (English lower-cases it; German nouns keep their capital). */
function layerName(instrument: Instrument, layer: Layer, lang: Lang, start = false): string {
  const name = instrument.layers[layer].name[lang];
  return lang === 'en' && !start ? name.toLowerCase() : name;
}

/** A source of evidence ("layer:governance", "signal:work_replaced") in words. */
function sourceName(instrument: Instrument, source: string, lang: Lang): string {
  const [kind, key = ''] = source.split(':');
  if (kind === 'layer') return layerName(instrument, key as Layer, lang);
  if (kind === 'signal') {
    const name = signalName(instrument, key as never, lang);
    return lang === 'en' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  }
  return source;
}

// ---- names -----------------------------------------------------------------------------------------------------------

export const DIAGNOSIS_TITLES: Record<DiagnosisCode, Localized> = {
  cash_rich_trap: {
    en: 'cash-rich trap',
    zh: '有钱陷阱（决策真空）',
    de: 'Falle des finanzstarken Unternehmens (Entscheidungsvakuum)',
  },
  cash_poor_trap: {
    en: 'cash-poor trap',
    zh: '没钱陷阱（把忙碌当进展）',
    de: 'Falle des finanzschwachen Unternehmens (Betriebsamkeit statt Fortschritt)',
  },
  boss_b_trap: {
    en: 'Boss B trap',
    zh: 'B老板陷阱（以为自己已经懂了）',
    de: 'Chef-B-Falle („Wir haben es doch verstanden“)',
  },
  replacement_only: {
    en: 'replacement-only pattern',
    zh: '只替代模式（Klarna第一阶段）',
    de: 'Nur-Ersetzen-Muster (Klarnas erste Phase)',
  },
  human_exit_missing: {
    en: 'human-exit finding',
    zh: '客户找不到真人',
    de: 'Befund: kein Weg zum Menschen',
  },
};

export const LIKELIHOOD: Record<Exclude<ConfidenceWord, 'about_even'>, Localized> = {
  more_likely: { en: 'more likely than not', zh: '可能性过半', de: 'eher wahrscheinlich als nicht' },
  likely: { en: 'likely', zh: '很可能', de: 'wahrscheinlich' },
  very_likely: { en: 'very likely', zh: '极有可能', de: 'sehr wahrscheinlich' },
};

const DESTINATION_WORDS: Record<Destination, Localized> = {
  cost: { en: 'lower costs or fewer people', zh: '降本或减人', de: 'niedrigere Kosten oder weniger Personal' },
  growth: { en: 'customers and growth', zh: '客户与增长', de: 'Kunden und Wachstum' },
  learning: { en: 'learning and new roles', zh: '学习与新岗位', de: 'Lernen und neue Rollen' },
};

// ---- trap explanations -----------------------------------------------------------------------------------------------

function profileWords(p: ProfileFacts, lang: Lang): string {
  const parts: string[] = [];
  if (p.seatShare !== undefined)
    parts.push(
      {
        en: `paid AI seats for ${pct(p.seatShare, lang)} of staff`,
        zh: `为${pct(p.seatShare, lang)}的员工购买了付费AI账号`,
        de: `bezahlte KI-Lizenzen für ${pct(p.seatShare, lang)} der Belegschaft`,
      }[lang],
    );
  if (p.pilots !== undefined)
    parts.push({ en: `${p.pilots} pilots`, zh: `${p.pilots}个试点`, de: `${p.pilots} Pilotprojekte` }[lang]);
  if (p.trainingHours !== undefined)
    parts.push(
      {
        en: `${p.trainingHours} training hours per employee`,
        zh: `人均${p.trainingHours}小时培训`,
        de: `${p.trainingHours} Schulungsstunden pro Person`,
      }[lang],
    );
  if (p.spend)
    parts.push(
      {
        en: `${p.spend.currency} ${p.spend.amount} AI spend per employee`,
        zh: `人均AI投入${p.spend.amount} ${p.spend.currency}`,
        de: `${p.spend.amount} ${p.spend.currency} KI-Ausgaben pro Person`,
      }[lang],
    );
  return list(parts, lang);
}

function vacuumWords(c: CapacityReading, by: 'undecided' | 'fragmented', lang: Lang): string {
  if (by === 'fragmented') {
    const top = c.top ? DESTINATION_WORDS[c.top.meaning][lang] : '–';
    const share = pct(c.top?.share ?? 0, lang);
    return {
      en: `no direction for freed time is named by more than ${share} of staff (the most named: ${top})`,
      zh: `对于省下的时间用在哪里，没有哪个方向得到超过${share}的员工认同（最多人选的是${top}）`,
      de: `keine Richtung für frei werdende Zeit wird von mehr als ${share} der Belegschaft genannt (am häufigsten: ${top})`,
    }[lang];
  }
  const u = pct(c.undecided, lang);
  if (c.decided) {
    const d = c.decided;
    return {
      en: `${u} of staff cannot name a decision about what freed time is for (${pct(d.notDecided, lang)} say nothing has been decided, ${pct(d.notTold, lang)} believe something was decided but were not told what, ${pct(d.unknown, lang)} do not know)`,
      zh: `${u}的员工说不出省下的时间要用来做什么（${pct(d.notDecided, lang)}说什么都还没决定，${pct(d.notTold, lang)}认为已经决定但没人告诉他们，${pct(d.unknown, lang)}表示不知道）`,
      de: `${u} der Belegschaft können keine Entscheidung darüber nennen, wofür frei werdende Zeit da ist (${pct(d.notDecided, lang)} sagen, es sei nichts entschieden, ${pct(d.notTold, lang)} glauben, es sei entschieden, wissen aber nicht, wofür, ${pct(d.unknown, lang)} wissen es nicht)`,
    }[lang];
  }
  return {
    en: `${u} of staff say nothing has been decided about where the freed time goes, or that they have not been told`,
    zh: `${u}的员工说省下的时间用在哪里还没有决定，或者没人告诉他们`,
    de: `${u} der Belegschaft sagen, es sei nicht entschieden, wohin frei werdende Zeit geht, oder man habe es ihnen nicht gesagt`,
  }[lang];
}

/** When a vacuum is asserted but those who name a use lean one way: say it is a guess, never a decision. */
function leanWords(c: CapacityReading, lang: Lang): string {
  if (!c.top || c.named <= 0) return '';
  const among = c.top.share / c.named;
  if (among < 0.5) return '';
  const what = DESTINATION_WORDS[c.top.meaning][lang];
  return {
    en: ` Those who do name a use most often name ${what} (${pct(among, lang)} of them): a guess at a decision nobody has announced, not a decision.`,
    zh: `说得出用途的人里，最多的是${what}（占${pct(among, lang)}）：这是对一个没人宣布过的决定的猜测，而不是决定本身。`,
    de: ` Wer eine Verwendung nennt, nennt am häufigsten ${what} (${pct(among, lang)} davon): eine Vermutung über eine Entscheidung, die niemand verkündet hat, keine Entscheidung.`,
  }[lang];
}

function explainCashRich(f: Extract<TrapFacts, { code: 'cash_rich_trap' }>, i: Instrument, lang: Lang): string {
  const invested: string[] = [];
  if (f.investment !== null)
    invested.push(
      {
        en: `staff rate the company's AI investment at ${pts(f.investment)}/100`,
        zh: `员工给公司的AI投入打了${pts(f.investment)}/100分`,
        de: `die Belegschaft bewertet die KI-Investitionen des Unternehmens mit ${pts(f.investment)}/100`,
      }[lang],
    );
  if (f.profile)
    invested.push(
      {
        en: `the profile shows ${profileWords(f.profile, lang)}`,
        zh: `组织档案显示${profileWords(f.profile, lang)}`,
        de: `das Profil zeigt ${profileWords(f.profile, lang)}`,
      }[lang],
    );
  const vacuum = vacuumWords(f.capacity, f.vacuumBy, lang);
  const lean = f.vacuumBy === 'undecided' ? leanWords(f.capacity, lang) : '';
  const r = pts(f.responsibility);
  const g = pts(f.governance);
  const R = layerName(i, 'responsibility', lang, true);
  const G = layerName(i, 'governance', lang);
  return {
    en: `Money may be covering up the problem: ${list(invested, lang)}, but ${vacuum}.${lean} ${R} scores ${r}/100 and ${G} ${g}/100, both below the midpoint of 50. The tools are in; the decision about what freed capacity is for is not, so each department will count the value of AI in its own terms.`,
    zh: `钱可能掩盖了问题：${list(invested, lang)}，但是${vacuum}。${lean}${R}得分${r}/100，${G}得分${g}/100，都低于中点50。工具已经到位，省下的产能用来做什么却没有决定，于是每个部门都会按自己的口径去算AI的价值。`,
    de: `Geld verdeckt womöglich das Problem: ${list(invested, lang)}, aber ${vacuum}.${lean} ${R} erreicht ${r}/100 und ${G} ${g}/100, beide unter der Mitte von 50. Die Werkzeuge sind da; die Entscheidung, wofür frei werdende Kapazität da ist, fehlt, also rechnet jede Abteilung den Wert von KI auf ihre eigene Weise.`,
  }[lang];
}

function explainCashPoor(f: Extract<TrapFacts, { code: 'cash_poor_trap' }>, lang: Lang): string {
  const [a, inv, t, w, k, o] = [f.activity, f.investment, f.time, f.waiting, f.knowledge, f.impact].map(pts);
  return {
    en: `Activity is being mistaken for progress: people are busy with AI (activity ${a}/100) on little investment (${inv}/100), but none of the three ledgers is kept (time ${t}, waiting ${w}, knowledge ${k}, all below 40) and operating impact is ${o}/100: few can name a workflow that got shorter, a wait that was removed or a question that no longer needs a senior colleague. AI is still at the individual-tool layer.`,
    zh: `忙碌被当成了进展：大家都在忙着用AI（活跃度${a}/100），投入却很少（${inv}/100），三本账一本都没建（时间账${t}、等待账${w}、知识账${k}，都低于40），经营影响只有${o}/100：很少有人说得出哪个流程变短了、哪个等待被去掉了、哪类问题不再需要找资深同事。AI还停留在个人工具层。`,
    de: `Betriebsamkeit wird mit Fortschritt verwechselt: Alle sind mit KI beschäftigt (Aktivität ${a}/100), bei wenig Investition (${inv}/100), aber keines der drei Bücher wird geführt (Zeit ${t}, Warten ${w}, Wissen ${k}, alle unter 40), und die Wirkung im Betrieb liegt bei ${o}/100: Kaum jemand kann einen Ablauf nennen, der kürzer wurde, eine Wartezeit, die wegfiel, oder eine Frage, die keine erfahrene Kollegin mehr braucht. KI steckt noch auf der Ebene einzelner Werkzeuge.`,
  }[lang];
}

function explainBossB(f: Extract<TrapFacts, { code: 'boss_b_trap' }>, lang: Lang): string {
  const levels =
    f.managerGap === null
      ? ''
      : {
          en: ` Managers, too, rate the layers ${pts(f.managerGap)} points higher than frontline staff do.`,
          zh: `管理者对各层的评分也比一线员工高${pts(f.managerGap)}分。`,
          de: ` Auch Führungskräfte bewerten die Ebenen um ${pts(f.managerGap)} Punkte höher als die Mitarbeitenden an der Basis.`,
        }[lang];
  const people = {
    en: f.leaders === 1 ? 'one person' : `${f.leaders} people`,
    zh: `${f.leaders}人`,
    de: f.leaders === 1 ? 'eine Person' : `${f.leaders} Personen`,
  }[lang];
  const [g, a, o] = [f.meanGap, f.activity, f.impact].map(pts);
  return {
    en: `Leadership sees a more advanced organisation than its people do: the leadership view (${people}) rates the layers ${g} points higher on average than the workforce (beyond the gap's 95% interval on ${f.beyond} of ${f.layers} layers, the leaders' own answer noise included), while activity is high (${a}/100) and operating impact low (${o}/100).${levels} The motion is real, but it is not reaching the operating numbers: AI is being run as a learning topic, not an operating one.`,
    zh: `领导层眼中的组织比员工眼中的更成熟：领导层视角（${people}）对各层的评分平均比员工高${g}分（在${f.layers}层中有${f.beyond}层超出差距的95%区间，已计入领导自身的作答误差），而活跃度很高（${a}/100），经营影响却很低（${o}/100）。${levels}动作是真的，但没有落到经营数字上：AI被当成了学习话题，而不是经营话题。`,
    de: `Die Leitung sieht eine weiter entwickelte Organisation als ihre Leute: Die Sicht der Leitung (${people}) bewertet die Ebenen im Mittel um ${g} Punkte höher als die Belegschaft (jenseits des 95-%-Intervalls der Lücke auf ${f.beyond} von ${f.layers} Ebenen, das eigene Antwortrauschen der Leitung eingerechnet), während die Aktivität hoch (${a}/100) und die Wirkung im Betrieb gering ist (${o}/100).${levels} Die Bewegung ist echt, erreicht aber die Betriebszahlen nicht: KI wird als Lernthema geführt, nicht als Betriebsthema.`,
  }[lang];
}

function explainReplacement(f: Extract<TrapFacts, { code: 'replacement_only' }>, i: Instrument, lang: Lang): string {
  const c = pct(f.capacity.shares.cost, lang);
  const p = pct(f.capacity.shares.growth + f.capacity.shares.learning, lang);
  const [s, g, e] = [f.safeguards, f.governance, f.evidence.value].map(pts);
  const G = layerName(i, 'governance', lang);
  const evidence =
    f.evidence.signal === 'work_replaced'
      ? {
          en: `Staff say AI has taken over work people did (work taken over by AI ${e}/100)`,
          zh: `员工表示AI已经接手了原来由人做的工作（AI接手的工作${e}/100）`,
          de: `Die Belegschaft sagt, KI habe Arbeit übernommen, die Menschen gemacht haben (von KI übernommene Arbeit ${e}/100)`,
        }[lang]
      : {
          en: `Operating impact of ${e}/100 says the work has changed`,
          zh: `经营影响${e}/100说明工作已经发生了变化`,
          de: `Eine Wirkung im Betrieb von ${e}/100 zeigt, dass sich die Arbeit verändert hat`,
        }[lang];
  return {
    en: `Freed capacity is being counted as cost: ${c} of staff name lower costs or fewer people as what freed time is for, and only ${p} name customers, growth or learning. ${evidence}, while human safeguards score ${s}/100 and ${G} ${g}/100. This is Klarna's stage one: the work AI took over is real, but nobody has set the quality signals that trip a rollback, or who brings people back when quality drops. The prettier the savings figure, the harder to ask who carries stage two.`,
    zh: `省下的产能只被算成了成本：${c}的员工认为省下的时间是用来降本或减人的，只有${p}提到客户、增长或学习。${evidence}，而人工兜底只有${s}/100，${G}只有${g}/100。这是Klarna的第一阶段：AI接手的工作是真的，但没人设定触发回退的质量信号，也没人定下质量下降时由谁把人补回来。第一阶段的数字越漂亮，越难追问第二阶段由谁来扛。`,
    de: `Frei werdende Kapazität wird nur als Kosten gezählt: ${c} der Belegschaft nennen niedrigere Kosten oder weniger Personal als Zweck frei werdender Zeit, nur ${p} nennen Kunden, Wachstum oder Lernen. ${evidence}, während die menschliche Absicherung bei ${s}/100 und ${G} bei ${g}/100 liegt. Das ist Klarnas erste Phase: Die Arbeit, die KI übernommen hat, ist echt, aber niemand hat die Qualitätssignale festgelegt, die einen Rückbau auslösen, oder wer Menschen zurückholt, wenn die Qualität sinkt. Je schöner die Einsparung aussieht, desto schwerer fällt die Frage, wer die zweite Phase trägt.`,
  }[lang];
}

function explainHumanExit(f: Extract<TrapFacts, { code: 'human_exit_missing' }>, lang: Lang): string {
  const parts: string[] = [];
  if (f.items.reach !== null)
    parts.push(
      {
        en: `customers can always reach a person ${pts(f.items.reach)}/100`,
        zh: `客户总能找到真人${pts(f.items.reach)}/100`,
        de: `Kunden erreichen jederzeit einen Menschen ${pts(f.items.reach)}/100`,
      }[lang],
    );
  if (f.items.escalate !== null)
    parts.push(
      {
        en: `complex, emotional, money and credit cases go to a person ${pts(f.items.escalate)}/100`,
        zh: `复杂、情绪化、涉及钱和信用的情况交给人处理${pts(f.items.escalate)}/100`,
        de: `komplexe, emotionale, Geld- und Kreditfälle gehen an einen Menschen ${pts(f.items.escalate)}/100`,
      }[lang],
    );
  if (f.items.restaff !== null)
    parts.push(
      {
        en: `someone owns bringing people back ${pts(f.items.restaff)}/100`,
        zh: `有人负责决定把人补回来${pts(f.items.restaff)}/100`,
        de: `jemand verantwortet, Menschen zurückzuholen ${pts(f.items.restaff)}/100`,
      }[lang],
    );
  const items = parts.length === 0 ? '' : lang === 'zh' ? `（${parts.join('；')}）` : ` (${parts.join('; ')})`;
  const story = f.capacity?.story;
  const destination =
    story === 'people' || (f.capacity?.top?.meaning === 'growth' && story !== 'vacuum')
      ? {
          en: ' That holds whatever freed capacity is for, faster and better service included.',
          zh: '无论省下的产能用于什么，这一条都成立，包括更快更好的服务。',
          de: ' Das gilt, wofür frei werdende Kapazität auch gedacht ist, schnellerer und besserer Service eingeschlossen.',
        }[lang]
      : story === 'cost'
        ? {
            en: ' With freed capacity counted as cost, it matters all the more.',
            zh: '当省下的产能只被算成成本时，这一点更加重要。',
            de: ' Wenn frei werdende Kapazität nur als Kosten zählt, gilt das umso mehr.',
          }[lang]
        : '';
  const s = pts(f.safeguards);
  return {
    en: `Customers may not be able to reach a person: human safeguards score ${s}/100${items}. Klarna's lesson, fourteen months after its assistant took over two thirds of its chats: customers must always be able to reach a human, complex, emotional, money and credit cases must go to a person, and someone must own the threshold at which people are brought back.${destination}`,
    zh: `客户可能找不到真人：人工兜底得分${s}/100${items}。Klarna的教训来自它的AI助手接手三分之二对话之后的十四个月：客户必须随时能找到真人，复杂、情绪化、涉及钱和信用的情况必须交给人，而且必须有人负责决定什么时候把人补回来。${destination}`,
    de: `Kundinnen und Kunden erreichen womöglich keinen Menschen: Die menschliche Absicherung liegt bei ${s}/100${items}. Klarnas Lehre, vierzehn Monate nachdem sein Assistent zwei Drittel der Chats übernommen hatte: Kunden müssen immer einen Menschen erreichen können, komplexe, emotionale, Geld- und Kreditfälle müssen an einen Menschen gehen, und jemand muss die Schwelle verantworten, ab der wieder Menschen eingesetzt werden.${destination}`,
  }[lang];
}

/** A diagnosis's explanation in one language. */
export function explain(facts: TrapFacts, instrument: Instrument, lang: Lang): string {
  switch (facts.code) {
    case 'cash_rich_trap':
      return explainCashRich(facts, instrument, lang);
    case 'cash_poor_trap':
      return explainCashPoor(facts, lang);
    case 'boss_b_trap':
      return explainBossB(facts, lang);
    case 'replacement_only':
      return explainReplacement(facts, instrument, lang);
    case 'human_exit_missing':
      return explainHumanExit(facts, lang);
  }
}

// ---- notes -----------------------------------------------------------------------------------------------------------

function missingWords(m: Missing, i: Instrument, lang: Lang): string {
  switch (m.reason) {
    case 'no_leadership':
      return { en: 'there is no leadership view', zh: '没有领导层视角', de: 'es gibt keine Sicht der Leitung' }[lang];
    case 'few_layers':
      return {
        en: `fewer than ${m.needed} layers are scored in both views`,
        zh: `两种视角都有得分的层少于${m.needed}个`,
        de: `weniger als ${m.needed} Ebenen sind in beiden Sichten bewertet`,
      }[lang];
    case 'not_asked':
      return {
        en: `${sourceName(i, m.source, lang)} is not asked in instrument ${i.version}`,
        zh: `问卷版本${i.version}没有问${sourceName(i, m.source, lang)}`,
        de: `${sourceName(i, m.source, lang)} wird in Fragebogen ${i.version} nicht erfragt`,
      }[lang];
    case 'too_few':
      return {
        en: `${sourceName(i, m.source, lang)} (${m.source}) has ${m.n} respondents with a score, fewer than the ${m.needed} a diagnosis needs`,
        zh: `${sourceName(i, m.source, lang)}（${m.source}）只有${m.n}人有得分，少于诊断所需的${m.needed}人`,
        de: `${sourceName(i, m.source, lang)} (${m.source}) hat ${m.n} Antwortende mit Wert, weniger als die ${m.needed}, die eine Diagnose braucht`,
      }[lang];
    case 'dont_know':
      return {
        en: `most answers on ${sourceName(i, m.source, lang)} (${m.source}) were “don't know” (${pct(m.dontKnowRate, lang)})`,
        zh: `${sourceName(i, m.source, lang)}（${m.source}）的回答大多是“不知道”（${pct(m.dontKnowRate, lang)}）`,
        de: `die meisten Antworten zu ${sourceName(i, m.source, lang)} (${m.source}) waren „Weiß nicht“ (${pct(m.dontKnowRate, lang)})`,
      }[lang];
  }
}

export function notCheckedNote(code: DiagnosisCode, missing: readonly Missing[], i: Instrument): Localized {
  return localize((lang) => {
    const name = DIAGNOSIS_TITLES[code][lang];
    const why = missing.map((m) => missingWords(m, i, lang)).join(lang === 'zh' ? '；' : '; ');
    return {
      en: `The ${name} was not checked: ${why}.`,
      zh: `未检查${name}：${why}。`,
      de: `${name.charAt(0).toUpperCase()}${name.slice(1)}: nicht geprüft, denn ${why}.`,
    }[lang];
  });
}

export function notAssertedNote(code: DiagnosisCode, confidence: number, floor: number): Localized {
  return localize((lang) => {
    const name = DIAGNOSIS_TITLES[code][lang];
    const c = confidence.toFixed(2);
    return {
      en: `The ${name} pattern is present but not asserted: its confidence ${c} is below ${floor}.`,
      zh: `${name}的模式出现了，但不作结论：置信度${c}低于${floor}。`,
      de: `Das Muster ${name} ist vorhanden, wird aber nicht behauptet: seine Konfidenz ${c} liegt unter ${floor}.`,
    }[lang];
  });
}

export function borderlineNote(layers: readonly Layer[], i: Instrument, margin: number): Localized {
  return localize((lang) => {
    const names = list(
      layers.map((l) => layerName(i, l, lang)),
      lang,
    );
    return {
      en: `Below 50 but not clearly (the 95% interval reaches 50, or the score is within ${margin} points of it): ${names}. Watch these in the next wave.`,
      zh: `低于50但不明确（95%区间触及50，或得分离50不到${margin}分）：${names}。下一轮请重点关注。`,
      de: `Unter 50, aber nicht eindeutig (das 95-%-Intervall reicht an 50 heran, oder der Wert liegt weniger als ${margin} Punkte darunter): ${names}. In der nächsten Welle beobachten.`,
    }[lang];
  });
}

// ---- findings --------------------------------------------------------------------------------------------------------

export function tooFewText(n: number, required: number, headcount: number | null, effective: number): Localized {
  return localize((lang) => {
    const of =
      headcount === null
        ? ''
        : {
            en: ` of ${headcount} people (worth ${Math.floor(effective)} respondents from a large organisation)`,
            zh: `（共${headcount}人，相当于大型组织中的${Math.floor(effective)}份回答）`,
            de: ` von ${headcount} Personen (so viel wert wie ${Math.floor(effective)} Antworten in einer großen Organisation)`,
          }[lang];
    return {
      en: `Too few responses to diagnose: ${n} answered${of}, and a diagnosis needs at least ${required}. The scores are shown, but no trap, first break or action is drawn from them.`,
      zh: `回答太少，无法诊断：${n}人作答${of}，而诊断至少需要${required}份。下面照常显示得分，但不据此判断陷阱、第一个断点或行动。`,
      de: `Zu wenige Antworten für eine Diagnose: ${n} haben geantwortet${of}, eine Diagnose braucht mindestens ${required}. Die Werte werden gezeigt, aber keine Falle, kein erster Bruch und keine Maßnahme daraus abgeleitet.`,
    }[lang];
  });
}

export function carelessText(
  flagged: number,
  total: number,
  straight: number,
  fast: number,
  mode: 'withheld' | 'caution' | 'excluded',
  kept: number,
): Localized {
  return localize((lang) => {
    const share = pct(total === 0 ? 0 : flagged / total, lang);
    const head = {
      en: `${flagged} of ${total} responses (${share}) are flagged as careless: ${straight} gave the same answer to every statement, ${fast} answered faster than anyone can read.`,
      zh: `${total}份回答中有${flagged}份（${share}）被标记为敷衍作答：${straight}份对所有陈述给出同一个答案，${fast}份作答速度快到不可能读完题目。`,
      de: `${flagged} von ${total} Antworten (${share}) sind als unaufmerksam markiert: ${straight} gaben auf jede Aussage dieselbe Antwort, ${fast} antworteten schneller, als man lesen kann.`,
    }[lang];
    const tail = {
      withheld: {
        en: ' That is too many to diagnose from: the diagnosis is withheld. Run the survey again, or score it with flagged responses left out.',
        zh: '比例太高，无法据此诊断：诊断暂不给出。请重新做一次调查，或者在剔除被标记回答后重新计分。',
        de: ' Das sind zu viele für eine Diagnose: Sie wird zurückgehalten. Befragen Sie erneut oder werten Sie ohne die markierten Antworten aus.',
      },
      caution: {
        en: ' Read the diagnosis with care: it rests partly on these answers.',
        zh: '请谨慎看待下面的诊断：它部分建立在这些回答之上。',
        de: ' Lesen Sie die Diagnose mit Vorsicht: Sie beruht zum Teil auf diesen Antworten.',
      },
      excluded: {
        en: ` They are left out of the scores, which rest on the other ${kept}.`,
        zh: `这些回答未计入得分，得分基于其余${kept}份回答。`,
        de: ` Sie sind aus den Werten herausgenommen, die auf den übrigen ${kept} beruhen.`,
      },
    }[mode][lang];
    return head + tail;
  });
}

export function invisibleText(
  scales: readonly { source: string; rate: number }[],
  everyLayer: boolean,
  i: Instrument,
): Localized {
  return localize((lang) => {
    const names = list(
      scales.map((s) => `${sourceName(i, s.source, lang)} ${pct(s.rate, lang)}`),
      lang,
    );
    return everyLayer
      ? {
          en: `Nobody can say whether these practices exist: most answers on every layer were “don't know” (${names}). That is itself the finding: practices people cannot see are not yet part of how the work is run.`,
          zh: `没有人说得清这些做法是否存在：每一层的回答大多是“不知道”（${names}）。这本身就是结论：大家看不到的做法，还没有成为日常工作方式的一部分。`,
          de: `Niemand kann sagen, ob es diese Praktiken gibt: Die meisten Antworten auf jeder Ebene waren „Weiß nicht“ (${names}). Das ist selbst der Befund: Praktiken, die niemand sieht, gehören noch nicht zur Art, wie gearbeitet wird.`,
        }[lang]
      : {
          en: `Most people cannot say whether these practices exist: on ${names}, most answers were “don't know”. That is itself a finding: practices people cannot see are not yet part of how the work is run.`,
          zh: `多数人说不清这些做法是否存在：在${names}上，回答大多是“不知道”。这本身就是一个结论：大家看不到的做法，还没有成为日常工作方式的一部分。`,
          de: `Die meisten können nicht sagen, ob es diese Praktiken gibt: Bei ${names} waren die meisten Antworten „Weiß nicht“. Das ist selbst ein Befund: Praktiken, die niemand sieht, gehören noch nicht zur Art, wie gearbeitet wird.`,
        }[lang];
  });
}

export function severalWeakText(
  layers: readonly { layer: Layer; score: number }[],
  first: Layer,
  i: Instrument,
): Localized {
  return localize((lang) => {
    const names = list(
      layers.map((l) => `${layerName(i, l.layer, lang)} ${pts(l.score)}`),
      lang,
    );
    const f = layerName(i, first, lang);
    return {
      en: `Several layers are weak, or close to it, at about the same level: ${names}, within each other's uncertainty. The survey cannot tell which of them broke first, so none is named the first break; the usual order of breakage starts with ${f}.`,
      zh: `有几层偏弱或接近偏弱，程度差不多：${names}，彼此都在对方的不确定范围之内。调查无法判断哪一层最先断裂，所以不指定第一个断点；通常的断裂顺序从${f}开始。`,
      de: `Mehrere Ebenen sind schwach oder nahe daran, etwa gleich stark: ${names}, jeweils innerhalb der Unsicherheit der anderen. Die Befragung kann nicht sagen, welche zuerst gebrochen ist, daher wird kein erster Bruch benannt; die übliche Reihenfolge beginnt mit ${f}.`,
    }[lang];
  });
}

export function polarisedText(
  layer: Layer,
  high: { name: string; score: number },
  low: { name: string; score: number },
  total: number,
  i: Instrument,
): Localized {
  return localize((lang) => {
    const L = layerName(i, layer, lang);
    const d = pts(high.score - low.score);
    return {
      en: `Departments see ${L} very differently: ${high.name} ${pts(high.score)}/100, ${low.name} ${pts(low.score)}/100, ${d} points apart and beyond noise. The organisation's average of ${pts(total)} describes neither: treat them as two situations.`,
      zh: `各部门对${L}的看法差别很大：${high.name} ${pts(high.score)}/100，${low.name} ${pts(low.score)}/100，相差${d}分，超出了噪声范围。组织的平均分${pts(total)}哪一个都描述不了：应把它们当作两种情况分别处理。`,
      de: `Die Abteilungen sehen ${L} sehr unterschiedlich: ${high.name} ${pts(high.score)}/100, ${low.name} ${pts(low.score)}/100, ${d} Punkte auseinander und jenseits des Rauschens. Der Durchschnitt der Organisation von ${pts(total)} beschreibt keine von beiden: Behandeln Sie sie als zwei Lagen.`,
    }[lang];
  });
}

// ---- recommendations -------------------------------------------------------------------------------------------------

/** One incision: what it is about (no two of a report share one), the ledger it starts, and its sentence. */
export interface Incision {
  topic: string;
  ledger: 'time' | 'waiting' | 'knowledge' | null;
  action: Localized;
}

export const LAYER_INCISION_TEXTS: Record<Layer, Incision> = {
  knowledge: {
    topic: 'knowledge_ledger',
    ledger: 'knowledge',
    action: {
      en: 'Start the knowledge ledger: list the five judgments new hires still have to check with senior staff, and write down who answers each one today and where that answer will be kept.',
      zh: '建立知识账本：列出新员工至今仍要找资深同事确认的五类判断，写下每一类现在由谁来回答、答案将存放在哪里。',
      de: 'Beginnen Sie das Wissensbuch: Listen Sie die fünf Einschätzungen auf, die neue Mitarbeitende noch mit Erfahrenen klären müssen, und schreiben Sie auf, wer jede heute beantwortet und wo die Antwort künftig steht.',
    },
  },
  workflows: {
    topic: 'escalation_path',
    ledger: 'waiting',
    action: {
      en: 'For the one workflow with the most rework, mark which steps may pass automatically and which must stop for a person, and write down the escalation path for cases that touch money, credit or an upset customer before the next complaint, not after it.',
      zh: '选出返工最多的一个流程，标明哪些步骤可以自动通过、哪些必须停下来交给人，并在下一次投诉之前（而不是之后）写下涉及钱、信用或不满客户的情况该怎么升级。',
      de: 'Markieren Sie für den einen Ablauf mit der meisten Nacharbeit, welche Schritte automatisch laufen dürfen und welche bei einem Menschen anhalten, und schreiben Sie den Eskalationsweg für Fälle mit Geld, Kredit oder verärgerten Kunden vor der nächsten Beschwerde auf, nicht danach.',
    },
  },
  responsibility: {
    topic: 'decision_owners',
    ledger: 'waiting',
    action: {
      en: 'Take the cross-department wait the boss still unblocks personally every week, put it on the waiting ledger, and name for each of its steps whose call it is: the tool user, the workflow owner, the business owner or the vendor.',
      zh: '把老板每周还要亲自去疏通的那个跨部门等待记进等待账本，并为其中每一步写明由谁拍板：工具使用者、流程负责人、业务负责人，还是供应商。',
      de: 'Nehmen Sie die abteilungsübergreifende Wartezeit, die die Chefin oder der Chef noch jede Woche selbst auflöst, tragen Sie sie ins Wartebuch ein und benennen Sie für jeden Schritt, wessen Entscheidung er ist: die der Nutzenden, der Ablaufverantwortlichen, der Geschäftsverantwortlichen oder des Anbieters.',
    },
  },
  governance: {
    topic: 'quality_thresholds',
    ledger: null,
    action: {
      en: 'For the AI-supported work with the most customer contact, name the quality signals (repeat inquiries, complaints, refunds, escalations to a person), set the level of each that trips a rollback, and log what the AI did so it can be checked afterwards.',
      zh: '针对客户接触最多的AI辅助工作，定下质量信号（重复咨询、投诉、退款、转人工），为每个信号设定触发回退的阈值，并记录AI做了什么，方便事后核查。',
      de: 'Benennen Sie für die KI-gestützte Arbeit mit dem meisten Kundenkontakt die Qualitätssignale (Wiederholungsanfragen, Beschwerden, Erstattungen, Übergaben an einen Menschen), legen Sie für jedes den Wert fest, der einen Rückbau auslöst, und protokollieren Sie, was die KI getan hat, damit es sich prüfen lässt.',
    },
  },
  roles: {
    topic: 'role_rewrite',
    ledger: 'time',
    action: {
      en: 'Start the time ledger for the roles AI touches most (who does the most time-consuming work, how long, how often, and why them), and rewrite those role descriptions to say which parts the machine does, which a person reviews, and who handles the exceptions.',
      zh: '为受AI影响最大的岗位建立时间账本（谁在做最耗时的工作、做多久、多频繁、为什么是他），并改写这些岗位说明，写清哪些由机器完成、哪些由人审核、例外情况由谁处理。',
      de: 'Beginnen Sie das Zeitbuch für die Rollen, die KI am stärksten berührt (wer macht die zeitaufwendigste Arbeit, wie lange, wie oft und warum diese Person), und schreiben Sie diese Rollenbeschreibungen neu: was die Maschine macht, was ein Mensch prüft und wer die Ausnahmen übernimmt.',
    },
  },
};

export const TRAP_INCISION_TEXTS: Record<DiagnosisCode, Incision> = {
  cash_rich_trap: {
    topic: 'capacity_decision',
    ledger: 'time',
    action: {
      en: 'Before the next tool purchase, settle in the leadership team what freed capacity is for (cost, customers and growth, or learning), tell every department, and count the freed hours on the time ledger against that decision.',
      zh: '在下一次采购工具之前，先在领导班子里定下省下的产能用来做什么（降本、客户与增长，还是学习），告知每个部门，并在时间账本上对照这个决定来统计省下的工时。',
      de: 'Legen Sie vor dem nächsten Werkzeugkauf im Leitungsteam fest, wofür frei werdende Kapazität da ist (Kosten, Kunden und Wachstum oder Lernen), sagen Sie es jeder Abteilung und zählen Sie die frei gewordenen Stunden im Zeitbuch gegen diese Entscheidung.',
    },
  },
  cash_poor_trap: {
    topic: 'ledgers',
    ledger: null,
    action: {
      en: 'Build the three ledgers before anything else: list the work that eats the most time, the waits that stall it and the judgments that still need a senior colleague, and report at the next operating review which one AI shortened.',
      zh: '先把三本账建起来：列出最耗时的工作、卡住工作的等待、仍需资深同事把关的判断，并在下一次经营复盘时报告AI缩短了其中哪一项。',
      de: 'Legen Sie vor allem anderen die drei Bücher an: die Arbeit, die am meisten Zeit frisst, die Wartezeiten, die sie aufhalten, und die Einschätzungen, die noch eine erfahrene Kollegin brauchen, und berichten Sie in der nächsten Betriebsbesprechung, was davon KI verkürzt hat.',
    },
  },
  boss_b_trap: {
    topic: 'operating_account',
    ledger: null,
    action: {
      en: 'Make one leader the owner of the AI operating account, reviewing the time, waiting and knowledge ledgers every month by asking which workflow got shorter, which wait was removed and which judgment no longer needs a senior colleague.',
      zh: '让一位领导者成为AI经营账的负责人，每月审视时间账、等待账和知识账，追问哪个流程变短了、哪个等待被去掉了、哪类判断不再需要资深同事。',
      de: 'Machen Sie eine Führungsperson zur Verantwortlichen des KI-Betriebskontos, die Zeit-, Warte- und Wissensbuch jeden Monat prüft und fragt, welcher Ablauf kürzer wurde, welche Wartezeit wegfiel und welche Einschätzung keine erfahrene Kollegin mehr braucht.',
    },
  },
  replacement_only: {
    topic: 'quality_thresholds',
    ledger: null,
    action: {
      en: 'Before counting more savings, name the quality signals (repeat inquiries, complaints, refunds, escalation rate), set the level of each that trips a rollback, and report them beside the savings at every operating review.',
      zh: '在继续统计节省之前，先定下质量信号（重复咨询、投诉、退款、转人工率），为每个信号设定触发回退的阈值，并在每次经营复盘时把它们和节省数字放在一起汇报。',
      de: 'Benennen Sie, bevor Sie weitere Einsparungen zählen, die Qualitätssignale (Wiederholungsanfragen, Beschwerden, Erstattungen, Eskalationsquote), legen Sie für jedes den Wert fest, der einen Rückbau auslöst, und berichten Sie sie in jeder Betriebsbesprechung neben den Einsparungen.',
    },
  },
  human_exit_missing: {
    topic: 'human_exit',
    ledger: null,
    action: {
      en: 'Make sure every customer can reach a person in one step, send complex, emotional, money and credit cases to a person by rule, and name the one owner who decides when to bring people back.',
      zh: '确保每位客户一步就能找到真人，按规则把复杂、情绪化、涉及钱和信用的情况交给人处理，并指定一位负责人来决定什么时候把人补回来。',
      de: 'Sorgen Sie dafür, dass jede Kundin und jeder Kunde mit einem Schritt einen Menschen erreicht, geben Sie komplexe, emotionale, Geld- und Kreditfälle per Regel an einen Menschen und benennen Sie die eine verantwortliche Person, die entscheidet, wann wieder Menschen eingesetzt werden.',
    },
  },
};

/** The evidence an incision answers, as a short clause. */
export function trapBecause(facts: TrapFacts, i: Instrument): Localized {
  return localize((lang) => {
    switch (facts.code) {
      case 'cash_rich_trap': {
        const what =
          facts.vacuumBy === 'undecided'
            ? {
                en: `${pct(facts.capacity.undecided, lang)} cannot name a decision about freed time`,
                zh: `${pct(facts.capacity.undecided, lang)}的人说不出省下的时间要用来做什么`,
                de: `${pct(facts.capacity.undecided, lang)} können keine Entscheidung über frei werdende Zeit nennen`,
              }[lang]
            : {
                en: `no direction for freed time is named by more than ${pct(facts.capacity.top?.share ?? 0, lang)}`,
                zh: `省下的时间用在哪里，没有哪个方向超过${pct(facts.capacity.top?.share ?? 0, lang)}`,
                de: `keine Richtung für frei werdende Zeit wird von mehr als ${pct(facts.capacity.top?.share ?? 0, lang)} genannt`,
              }[lang];
        return `${what}; ${layerName(i, 'responsibility', lang)} ${pts(facts.responsibility)}, ${layerName(i, 'governance', lang)} ${pts(facts.governance)}`;
      }
      case 'cash_poor_trap':
        return {
          en: `activity ${pts(facts.activity)}, but ledgers ${pts(facts.time)}/${pts(facts.waiting)}/${pts(facts.knowledge)} and operating impact ${pts(facts.impact)}`,
          zh: `活跃度${pts(facts.activity)}，但三本账只有${pts(facts.time)}/${pts(facts.waiting)}/${pts(facts.knowledge)}，经营影响${pts(facts.impact)}`,
          de: `Aktivität ${pts(facts.activity)}, aber Bücher ${pts(facts.time)}/${pts(facts.waiting)}/${pts(facts.knowledge)} und Wirkung im Betrieb ${pts(facts.impact)}`,
        }[lang];
      case 'boss_b_trap':
        return {
          en: `leadership rates the layers ${pts(facts.meanGap)} points above the workforce; operating impact ${pts(facts.impact)}`,
          zh: `领导层对各层的评分比员工高${pts(facts.meanGap)}分；经营影响${pts(facts.impact)}`,
          de: `die Leitung bewertet die Ebenen ${pts(facts.meanGap)} Punkte über der Belegschaft; Wirkung im Betrieb ${pts(facts.impact)}`,
        }[lang];
      case 'replacement_only':
        return {
          en: `${pct(facts.capacity.shares.cost, lang)} name cost; human safeguards ${pts(facts.safeguards)}, ${layerName(i, 'governance', lang)} ${pts(facts.governance)}`,
          zh: `${pct(facts.capacity.shares.cost, lang)}的人选择降本；人工兜底${pts(facts.safeguards)}，${layerName(i, 'governance', lang)}${pts(facts.governance)}`,
          de: `${pct(facts.capacity.shares.cost, lang)} nennen Kosten; menschliche Absicherung ${pts(facts.safeguards)}, ${layerName(i, 'governance', lang)} ${pts(facts.governance)}`,
        }[lang];
      case 'human_exit_missing':
        return {
          en: `human safeguards score ${pts(facts.safeguards)}`,
          zh: `人工兜底得分${pts(facts.safeguards)}`,
          de: `menschliche Absicherung ${pts(facts.safeguards)}`,
        }[lang];
    }
  });
}

export function layerBecause(
  layer: Layer,
  score: number,
  ci: [number, number] | null,
  together: boolean,
  i: Instrument,
): Localized {
  return localize((lang) => {
    const interval = ci ? ` (95% CI ${pts(ci[0])}–${pts(ci[1])})` : '';
    const base = `${layerName(i, layer, lang, true)} ${pts(score)}${lang === 'zh' ? interval.replace(' (', '（').replace(')', '）') : interval}`;
    if (!together) return base;
    return (
      base +
      {
        en: '; several layers are weak together and the usual cascade starts here',
        zh: '；几层同时偏弱，通常的断裂顺序从这里开始',
        de: '; mehrere Ebenen sind zugleich schwach, und die übliche Reihenfolge beginnt hier',
      }[lang]
    );
  });
}

/** A finding with its text, for the report. */
export const finding = (
  code: Finding['code'],
  lead: boolean,
  text: Localized,
  evidence: Finding['evidence'] = [],
): Finding => ({
  code,
  lead,
  text,
  evidence,
});
