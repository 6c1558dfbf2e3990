// The executive readiness report as HTML: a pure function of the report JSON, used by /report.html in the browser and
// by the CLI's `--html` (a standalone file with the CSS embedded). No inline styles or scripts (the site's CSP is
// default-src 'self'); charts are plain SVG with a table twin. Every optional part may be missing: old stored reports,
// a campaign with too few responses, no leadership view, no segments.

import { evidenceNoteText } from '../../shared/diagnosis/evidence-notes';
import { CURRENT_INSTRUMENT, findInstrument, type Instrument } from '../../shared/instrument';
import {
  CASCADE,
  isLikert,
  LANGUAGES,
  LAYERS,
  type Language,
  type Layer,
  LIKERT_SIGNALS,
  type LikertSignal,
} from '../../shared/instrument/types';
import type { WaitHolder } from '../../shared/ledger';
import type { Weighting } from '../../shared/report';
import type {
  CapacityDistribution,
  Diagnosis,
  DifferenceEstimate,
  Evidence,
  Finding,
  QualitySummary,
  ReadinessReport,
  Recommendation,
  ScaleScore,
} from '../../shared/report-model';
import { classAttr, cls, esc } from '../html';
import { type AccountSectionModel, renderAccountSection } from '../operating-account/render-account-section';
import { BASE_CSS } from '../styles/base-css';
import { CAPACITY_NAMES, LAYER_NAMES, LEVEL_NAMES, SIGNAL_NAMES } from './labels';
import { ledgerSection } from './render-ledger';
import { trendSection, type WaveTrendModel } from './render-trend';
import { REPORT_CSS } from './report-css';
import {
  ACCOUNT_EVIDENCE_NAMES,
  LEDGER_EVIDENCE_NAMES,
  REGISTER_EVIDENCE_NAMES,
  REPORT_TEXT,
  type ReportText,
} from './report-messages';
import { REPORT_SENTENCES, type ReportSentences } from './report-sentences';

/** One row of a segment breakdown: a suppressed row carries no numbers at all. */
export interface SegmentRow {
  name: string;
  suppressed: boolean;
  n?: number;
  layers?: Partial<Record<Layer, ScaleScore | number | null>>;
  differences?: Partial<Record<Layer, DifferenceEstimate>>;
}

export type ResponseRate =
  | number
  | { rate?: number | null; responded?: number; invited?: number; basis?: string }
  | null;

/** The API's report JSON: the readiness report plus context. Everything beyond the engine's core may be absent. */
export interface ReportModel extends Partial<Omit<ReadinessReport, 'layers' | 'signals'>> {
  layers?: Partial<Record<Layer, ScaleScore>>;
  signals?: Partial<Record<LikertSignal, ScaleScore>>;
  campaign?: {
    id?: string;
    name?: string;
    orgId?: string;
    orgName?: string;
    closesAt?: string | null;
    status?: 'open' | 'closed';
  } | null;
  org?: { id?: string; name?: string } | null;
  segments?: { department?: SegmentRow[]; level?: SegmentRow[] } | null;
  responseRate?: ResponseRate;
  generatedAt?: string;
  /** The whole workforce is below the minimum group size: only n is given, nothing derived from answers. */
  suppressed?: boolean;
  /** False while the campaign is open: no workforce figures yet, and `reason` says why. */
  published?: boolean;
  reason?: string;
  /** Leadership's own layer scores, when the API sends them beside the gap. */
  leadership?: { n?: number; layers?: Partial<Record<Layer, ScaleScore>> } | null;
  /** What protects the campaign's small groups against answers added to make them show. */
  protection?: { kind?: string; resistsPadding?: boolean; statement?: string } | null;
  /** Shown groups whose answers came mostly in a burst just before the close. */
  lateBursts?: { breakdown?: string; group?: string; note?: string }[];
  /** Response rates and weighted scores per breakdown (shared/report/weighting.ts). */
  weighting?: { department?: Weighting | null; level?: Weighting | null } | null;
  /** The operating account as this wave shows it (GET /campaigns/{id}/account), read beside the report by the page. */
  account?: AccountSectionModel | null;
  /** Where the account is managed (the page adds it; a printed or standalone report has none). */
  accountLink?: string;
  /** The organisation's published waves up to this one (GET /campaigns/{id}/waves), read beside the report by the page. */
  waves?: WaveTrendModel | null;
}

/**
 * The language the report is being rendered in, with its names. Set for the length of one synchronous render (the
 * renderer stays a pure function of its arguments) so every section reads it without passing it down each call.
 */
interface RenderContext {
  lang: Language;
  t: ReportText;
  /** The longer sentences (report-sentences.ts). */
  s: ReportSentences;
  instrument: Instrument;
}
let L: RenderContext = { lang: 'en', t: REPORT_TEXT.en, s: REPORT_SENTENCES.en, instrument: CURRENT_INSTRUMENT };

/** A layer's name in the report's language (the instrument's own translation). */
export const layerName = (layer: Layer): string => L.instrument.layers[layer]?.name[L.lang] ?? LAYER_NAMES[layer];
const layerLabel = (layer: string): string | undefined =>
  layer in LAYER_NAMES ? layerName(layer as Layer) : undefined;
const layerQuestion = (layer: Layer): string => L.instrument.layers[layer]?.question[L.lang] ?? '';
function signalLabel(signal: string): string {
  const own = (L.instrument.signals as Partial<Record<string, { name: Record<Language, string> }>>)[signal];
  return own?.name[L.lang] ?? SIGNAL_NAMES[signal as LikertSignal] ?? signal;
}
function levelName(level: string): string {
  const option = L.instrument.segments.level.options.find((o) => o.id === level);
  return L.lang === 'en' ? (LEVEL_NAMES[level] ?? level) : (option?.label[L.lang] ?? level);
}

const round = (v: number) => Math.round(v);
const pct = (v: number) => `${Math.round(v * 100)}%`;
const num = (v: number | null | undefined, digits = 0) =>
  typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '–';
const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)}`;

function segmentScore(value: ScaleScore | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value?.score ?? null;
}

function rateText(rate: ResponseRate | undefined): string | null {
  if (rate === null || rate === undefined) return null;
  if (typeof rate === 'number') return pct(rate);
  const r = rate.rate ?? (rate.invited && rate.responded !== undefined ? rate.responded / rate.invited : null);
  if (r === null || r === undefined) return null;
  const counts =
    rate.responded !== undefined && rate.invited !== undefined ? L.s.rateCounts(rate.responded, rate.invited) : '';
  return `${pct(r)}${counts}`;
}

function formatDate(iso: string | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 16).replace('T', ' ');
}

export interface RenderReportOptions {
  /** 'embedded' puts the CSS in a <style> element (a standalone file); 'linked' references /assets (the site). */
  stylesheet?: 'embedded' | 'linked';
  /** The report's language (default English); any language the survey has. */
  lang?: Language;
}

export interface RenderBodyOptions {
  lang?: Language;
  /** Links to the same report in each language (the page's switch); none in a printed or standalone file. */
  languageLinks?: boolean;
}

export const REPORT_LANGUAGES: readonly Language[] = LANGUAGES;

/** A complete HTML document; the CLI writes it as a standalone file. */
export function renderReportDocument(model: ReportModel, options: RenderReportOptions = {}): string {
  const stylesheet = options.stylesheet ?? 'embedded';
  const lang = options.lang ?? 'en';
  const title = `${model.campaign?.name ?? 'Campaign'} – ${REPORT_TEXT[lang].eyebrow}`;
  const css =
    stylesheet === 'embedded'
      ? `<style>${BASE_CSS}${REPORT_CSS}</style>`
      : '<link rel="icon" href="/assets/favicon.svg"><link rel="stylesheet" href="/assets/orgos.css"><link rel="stylesheet" href="/assets/report.css">';
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-Hans' : lang}" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(
    title,
  )}</title>${css}</head><body><a class="skip" href="#report">${esc(REPORT_SENTENCES[lang].skipLink)}</a><main id="report" class="report">${renderReportBody(
    model,
    { lang },
  )}</main></body></html>`;
}

/** The report's content, without the document around it (the page puts it into its <main>). */
export function renderReportBody(model: ReportModel, options: RenderBodyOptions = {}): string {
  const lang = options.lang ?? 'en';
  const instrument =
    (model.instrument ? findInstrument(model.instrument.id, model.instrument.version) : undefined) ??
    CURRENT_INSTRUMENT;
  const outer = L;
  L = { lang, t: REPORT_TEXT[lang], s: REPORT_SENTENCES[lang], instrument };
  try {
    return body(model, options.languageLinks ?? false);
  } finally {
    L = outer;
  }
}

function body(model: ReportModel, languageLinks: boolean): string {
  if (model.published === false) return unpublishedBody(model, languageLinks);
  const k = model.minGroupSize ?? 5;
  const hasScores = LAYERS.some((l) => typeof model.layers?.[l]?.score === 'number');
  // Screen one answers "what do I do on Monday": the diagnosis in one sentence, the first break, at most three
  // actions with their owner and due date. Everything after it is the evidence.
  const parts = [
    header(model, languageLinks),
    mondaySection(model),
    leadFindings(model),
    toc(Boolean(model.account), Boolean(model.waves), Boolean(model.ledger)),
    protectionSection(model),
    summarySection(model),
    renderAccountSection(model.account, model.accountLink, L.lang),
    layersSection(model, hasScores),
    diagnosesSection(model),
    actionsSection(model),
    ledgerSection(model.ledger, { lang: L.lang, s: L.s, instrument: L.instrument }),
    gapSection(model),
    model.waves ? trendSection(model.waves, model.minGroupSize ?? 5, { t: L.t, layerName }) : '',
    segmentsSection(model, k),
    signalsSection(model),
    itemsSection(model),
    methodSection(k),
  ];
  return parts.join('');
}

/**
 * An open campaign, or a closed one whose results are being finalised: the count, the response rate, why there are no
 * figures yet (for the latter, when they appear), and the leadership's own view.
 */
function unpublishedBody(model: ReportModel, languageLinks: boolean): string {
  const closes = formatDate(model.campaign?.closesAt ?? undefined);
  const lead = model.leadership?.layers;
  const leadRows = lead
    ? LAYERS.map(
        (layer) => `<tr><th scope="row">${layerName(layer)}</th><td class="num">${num(lead[layer]?.score)}</td></tr>`,
      ).join('')
    : '';
  const leadership = leadRows
    ? `<section id="gap" aria-labelledby="gap-h"><h2 id="gap-h">${esc(L.s.leadershipOwnHeading)}</h2><p>${esc(
        L.s.leadershipOwnText(model.leadership?.n ?? 0),
      )}</p><div class="table-wrap" role="region" tabindex="0" aria-label="${esc(L.s.leadershipScoresLabel)}"><table class="data"><caption>${esc(
        L.s.leadershipScoresCaption,
      )}</caption><thead><tr><th scope="col">${L.t.col.layer}</th><th scope="col" class="num">${L.t.col.leadership}</th></tr></thead><tbody>${leadRows}</tbody></table></div></section>`
    : '';
  // The API's reason is English; the other languages say the same in their own words.
  const reason = L.lang === 'en' ? (model.reason ?? L.s.publishedAtClose) : L.s.publishedAtClose;
  return `${header(model, languageLinks)}<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">${esc(
    L.s.notPublishedHeading,
  )}</h2><p class="lead">${esc(reason)}</p>${
    closes && model.campaign?.status !== 'closed' ? `<p>${esc(L.s.closesOn(closes))}</p>` : ''
  }</section>${protectionSection(model)}${renderAccountSection(model.account, model.accountLink, L.lang)}${leadership}`;
}

/** What protects small groups in this campaign (an open link cannot), and any group flagged for a late burst. */
function protectionSection(model: ReportModel): string {
  const statement = model.protection?.statement;
  const bursts = (model.lateBursts ?? []).filter((b) => b.group);
  if (!statement && bursts.length === 0) return '';
  const list = bursts.length
    ? `<ul class="flags">${bursts
        .map(
          (b) =>
            `<li><strong>${esc(b.breakdown === 'level' ? levelName(b.group!) : b.group!)}</strong>: ${esc(b.note ?? '')}</li>`,
        )
        .join('')}</ul>`
    : '';
  // The API states it in English; by its kind, the report says it in its own language.
  const said = (model.protection?.kind && L.s.protection[model.protection.kind]) || statement;
  return `<section id="protection" aria-labelledby="protection-h"><h2 id="protection-h">${esc(L.t.protectionHeading)}</h2>${
    said ? `<p${model.protection?.resistsPadding === false ? ' class="warn"' : ''}>${esc(said)}</p>` : ''
  }${list}</section>`;
}

function header(model: ReportModel, languageLinks: boolean): string {
  const { t } = L;
  const org = model.campaign?.orgName ?? model.org?.name;
  const meta: string[] = [];
  if (org) meta.push(esc(org));
  if (typeof model.n === 'number') meta.push(t.responses(model.n));
  const rate = rateText(model.responseRate);
  if (rate) meta.push(`${t.responseRate} ${esc(rate)}`);
  const when = formatDate(model.generatedAt);
  if (when) meta.push(esc(t.generated(when)));
  if (model.instrument) meta.push(`${t.instrument} ${esc(model.instrument.id)} ${esc(model.instrument.version)}`);
  const switcher = languageLinks
    ? `<nav class="lang-switch" aria-label="${esc(t.languageSwitch)}"><ul>${REPORT_LANGUAGES.map(
        (lang) =>
          `<li><button type="button" class="secondary" data-lang="${lang}" lang="${lang === 'zh' ? 'zh-Hans' : lang}" aria-pressed="${lang === L.lang}">${esc(
            REPORT_TEXT[lang].languageName,
          )}</button></li>`,
      ).join('')}</ul></nav>`
    : '';
  return `<header class="report-head">${switcher}<p class="eyebrow">${esc(t.eyebrow)}</p><h1>${esc(
    model.campaign?.name ?? t.titleFallback,
  )}</h1><p class="meta">${meta.join(' · ')}</p></header>`;
}

function toc(account: boolean, trend: boolean, ledger: boolean): string {
  const { toc: n } = L.t;
  const links: [string, string][] = [
    ['protection', n.protection],
    ['summary', n.summary],
    ...(account ? [['operating-account', n.account] as [string, string]] : []),
    ['layers', n.layers],
    ['diagnoses', n.diagnoses],
    ['actions', n.actions],
    ...(ledger ? [['ledgers', n.ledgers] as [string, string]] : []),
    ['gap', n.gap],
    ...(trend ? [['trend', n.trend] as [string, string]] : []),
    ['segments', n.segments],
    ['signals', n.signals],
    ['items', n.items],
    ['method', n.method],
  ];
  return `<nav class="toc" aria-label="${esc(L.s.tocLabel)}"><ul>${links
    .map(([id, text]) => `<li><a href="#${id}">${esc(text)}</a></li>`)
    .join('')}</ul></nav>`;
}

/** Most answers on every layer are "don't know" and no layer has a score: nobody can see these practices. */
const invisibleLayers = (model: ReportModel): boolean =>
  LAYERS.every((l) => (model.layers?.[l]?.dontKnowRate ?? 0) >= 0.5 && model.layers?.[l]?.score == null);

/** A diagnosis's confidence in words and number, never 100% (docs/METHOD.md §6.5). */
function confidenceWords(d: Diagnosis): string {
  const shown = Math.min(99, Math.round(d.confidence * 100));
  const percent = L.lang === 'de' ? `${shown}\u00a0%` : `${shown}%`;
  return d.likelihood ? `${L.t.likelihood[d.likelihood]} (${percent})` : percent;
}

const sameHolder = (a: WaitHolder | null | undefined, b: WaitHolder | null | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The operating account's entry for this wave's recommendation `index`, if any: the one taken from it, or one whose
 * baseline is the cell a ledger action names (an earlier wave's entry on the same wait, time sink or check).
 */
function entryFor(model: ReportModel, index: number) {
  // `recommendation` and `cell` are the account's links back to the report (functions/account/account-view.ts).
  const items = model.account?.entries.items ?? [];
  const taken = items.find((e) => e.recommendation === index);
  if (taken) return taken;
  const r = model.recommendations?.[index];
  if (!r?.cell || !r.ledger) return null;
  const { category, heldBy } = r.cell;
  const same = items.filter(
    (e) =>
      e.cell &&
      !['dropped', 'dismissed'].includes(e.status) &&
      e.cell.ledger === r.ledger &&
      e.cell.category === category &&
      sameHolder(e.cell.heldBy, heldBy),
  );
  // Several entries on one cell: the one with an owner says who carries the action.
  return same.find((e) => e.ownerRole) ?? same[0] ?? null;
}

/** The recommendation's action in the report's language. */
const actionText = (r: Recommendation): string => r.actions?.[L.lang] ?? r.action;

/**
 * Screen one: the diagnosis in one sentence (the first break and the pattern behind it), then at most three actions,
 * each with its owner and due date once the operating account holds it.
 */
function mondaySection(model: ReportModel): string {
  const { t } = L;
  const first = model.firstBreak ?? null;
  const together = model.weakTogether ?? [];
  const tooFew = typeof model.n === 'number' && model.n < (model.minGroupSize ?? 5);
  const where = first
    ? t.breakSentence(layerName(first))
    : tooFew
      ? t.tooFewSentence
      : model.diagnosisWithheld
        ? t.withheldSentence
        : together.length > 1
          ? t.severalSentence(together.map(layerName).join(L.lang === 'zh' ? '、' : ', '))
          : invisibleLayers(model)
            ? t.invisibleSentence
            : t.noBreakSentence;
  const top = [...(model.diagnoses ?? [])].sort((a, b) => b.confidence - a.confidence)[0];
  const pattern =
    tooFew || model.diagnosisWithheld
      ? ''
      : top
        ? t.patternSentence(t.diagnosisNames[top.code] ?? top.code, confidenceWords(top))
        : t.noPatternSentence;
  const actions = (model.recommendations ?? []).slice(0, 3).map((r, i) => {
    const entry = entryFor(model, i);
    const due = entry?.due ? ('date' in entry.due ? `${t.due} ${esc(entry.due.date)}` : t.dueWave) : '';
    const owner = entry?.ownerRole
      ? `<span class="owner"><strong>${esc(t.owner)}:</strong> ${esc(entry.ownerRole)}${due ? ` · ${due}` : ''}</span>`
      : model.account
        ? `<span class="owner muted">${esc(t.notTakenUp)}</span>`
        : '';
    return `<li>${esc(actionText(r))}${owner}</li>`;
  });
  return `<section id="monday" class="screen-one" aria-labelledby="monday-h"><h2 id="monday-h">${esc(
    t.mondayHeading,
  )}</h2><p class="verdict">${esc(where)}${pattern ? ` ${esc(pattern)}` : ''}</p>${
    actions.length
      ? `<p class="muted">${esc(t.actionsLead)}</p><ol class="monday-actions">${actions.join('')}</ol>`
      : `<p class="empty">${esc(t.noActions)}</p>`
  }<p class="to-evidence"><a href="#summary">${esc(t.evidenceLink)}</a></p></section>`;
}

/** Findings that change how the rest is read (too few, careless answers, nobody can see): before anything else. */
function leadFindings(model: ReportModel): string {
  const lead = (model.findings ?? []).filter((f) => f.lead);
  if (lead.length === 0) return '';
  return `<section id="first" aria-labelledby="first-h"><h2 id="first-h">${esc(L.t.readFirst)}</h2>${lead
    .map(
      (f) =>
        `<article class="diag finding"><h3>${esc(L.t.findingNames[f.code] ?? f.code)}</h3><p>${esc(f.text[L.lang] ?? f.text.en)}</p></article>`,
    )
    .join('')}</section>`;
}

function summarySection(model: ReportModel): string {
  const first = model.firstBreak ?? null;
  const verdicts = model.layerVerdicts;
  const items = CASCADE.map((layer) => {
    const s = model.layers?.[layer];
    const verdict = verdicts?.[layer];
    const isBreak = layer === first;
    const value =
      typeof s?.score === 'number'
        ? `${round(s.score)}${L.lang === 'en' ? ` · ${esc(s.levelName ?? '')}` : s.level ? ` · ${s.level}/5` : ''}`
        : esc(L.t.noScore);
    return `<li${classAttr(isBreak && 'break', verdict === 'weak' && 'weak')}${isBreak ? ' aria-current="step"' : ''}>${
      isBreak ? `<span class="badge">${esc(L.t.firstBreakBadge)}</span><br>` : ''
    }<span class="name">${layerName(layer)}</span><span class="v">${value}${
      verdict ? ` · ${L.t.verdicts[verdict]}` : ''
    }</span></li>`;
  }).join('');
  const together = model.weakTogether ?? [];
  const invisible = invisibleLayers(model);
  const lead = first
    ? `<p class="lead">${L.t.breakLead(esc(layerName(first)), esc(layerQuestion(first)))}</p>`
    : L.lang !== 'en'
      ? `<p class="lead">${esc(
          typeof model.n === 'number' && model.n < (model.minGroupSize ?? 5)
            ? L.t.tooFewSentence
            : model.diagnosisWithheld
              ? L.t.withheldSentence
              : together.length > 1
                ? L.t.severalSentence(together.map(layerName).join(L.lang === 'zh' ? '、' : ', '))
                : L.t.noBreakSentence,
        )}</p>`
      : together.length > 1
        ? `<p class="lead">Several layers are weak, or close to it, at about the same level: ${together
            .map((l) => `<strong>${layerName(l)}</strong>`)
            .join(', ')}. The survey cannot tell which of them broke first, so none is named the first break.</p>`
        : `<p class="lead">${
            typeof model.n === 'number' && model.n < (model.minGroupSize ?? 5)
              ? 'Not enough responses yet to say where the chain breaks.'
              : model.diagnosisWithheld === 'too_few_responses'
                ? 'Too few responses to diagnose: the scores are shown below, but not where the chain breaks.'
                : model.diagnosisWithheld === 'flagged_responses'
                  ? 'Too many careless responses to say where the chain breaks (see above).'
                  : invisible
                    ? 'Nobody could say whether these practices exist, so no layer can be judged (see above).'
                    : 'No layer is clearly weak: none lies far enough below the midpoint with its whole confidence interval below it.'
          }</p>`;
  return `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">${esc(L.t.breaksHeading)}</h2>${lead}<p class="muted">${esc(L.t.usualOrder)}</p><ol class="cascade">${items}</ol></section>`;
}

// ---- layers: SVG bars with interval whiskers, and the same figures as a table

const CHART_W = 640;
// Each bar's name stands above it, at the plot's left edge, so no name is cut however long it is in any language, or
// however small the phone (the chart's text is set larger there).
const LABEL_W = 16;
const PLOT_W = 560;
const x = (v: number) => LABEL_W + (Math.max(0, Math.min(100, v)) / 100) * PLOT_W;

function scaleBars(rows: { label: string; s: ScaleScore | undefined; highlight?: boolean }[], title: string): string {
  const rowH = 50;
  const top = 8;
  const h = top + rows.length * rowH + 26;
  let svg = '';
  for (const t of [0, 20, 40, 60, 80, 100]) {
    svg += `<line class="grid" x1="${x(t)}" x2="${x(t)}" y1="${top}" y2="${h - 22}"/><text x="${x(t)}" y="${h - 6}" text-anchor="middle">${t}</text>`;
  }
  svg += `<line class="mid" x1="${x(50)}" x2="${x(50)}" y1="${top}" y2="${h - 22}"/>`;
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    const score = row.s?.score;
    svg += `<text class="label" x="${x(0)}" y="${y + 17}">${esc(row.label)}</text>`;
    if (typeof score === 'number') {
      svg += `<rect class="${cls('bar', row.highlight && 'break')}" x="${x(0)}" y="${y + 24}" width="${(x(score) - x(0)).toFixed(1)}" height="18" rx="2"/>`;
      const ci = row.s?.ci95;
      if (ci) {
        const [lo, hi] = [x(ci[0]).toFixed(1), x(ci[1]).toFixed(1)];
        svg += `<path class="ci" d="M${lo} ${y + 33}H${hi}M${lo} ${y + 27}V${y + 39}M${hi} ${y + 27}V${y + 39}"/>`;
      }
      svg += `<text x="${x(100) + 8}" y="${y + 38}">${round(score)}</text>`;
    } else {
      svg += `<text x="${x(0) + 6}" y="${y + 38}">${esc(L.t.noScore)}</text>`;
    }
  });
  return `<svg class="chart" viewBox="0 0 ${CHART_W} ${h}" role="img" aria-label="${esc(title)}">${svg}</svg>`;
}

function layersSection(model: ReportModel, hasScores: boolean): string {
  if (!hasScores) {
    return `<section id="layers" aria-labelledby="layers-h"><h2 id="layers-h">${esc(L.t.layersHeading)}</h2><p class="empty">${esc(
      L.t.noLayerScores(model.minGroupSize ?? 5),
    )}</p></section>`;
  }
  const rows = LAYERS.map((layer) => ({
    label: layerName(layer),
    s: model.layers?.[layer],
    highlight: layer === model.firstBreak,
  }));
  const chart = scaleBars(rows, L.t.layerChartLabel);
  const body = LAYERS.map((layer) => {
    const s = model.layers?.[layer];
    const isBreak = layer === model.firstBreak;
    return `<tr${classAttr(isBreak && 'break')}><th scope="row">${layerName(layer)}${
      isBreak ? ` <span class="tag">${esc(L.t.firstBreakTag)}</span>` : ''
    }</th><td class="num">${num(s?.score)}</td><td class="num">${
      s?.ci95 ? `${round(s.ci95[0])}–${round(s.ci95[1])}` : '–'
    }</td><td>${s?.level ? `${s.level} ${esc(s.levelName ?? '')}` : '–'}</td><td class="num">${num(
      s?.agreement,
      2,
    )}</td><td class="num">${s?.n ?? '–'}</td><td class="num">${typeof s?.dontKnowRate === 'number' ? pct(s.dontKnowRate) : '–'}</td></tr>`;
  }).join('');
  return `<section id="layers" aria-labelledby="layers-h"><h2 id="layers-h">${esc(L.t.layersHeading)}</h2><figure>${chart}<figcaption>${esc(L.t.layerCaption)} ${
    model.firstBreak ? esc(L.t.firstBreakAmber) : ''
  }</figcaption></figure><div class="table-wrap" role="region" tabindex="0" aria-label="${esc(L.t.layerScores)}"><table class="data"><caption>${esc(L.t.layerScores)}</caption><thead><tr><th scope="col">${L.t.col.layer}</th><th scope="col" class="num">${L.t.col.score}</th><th scope="col" class="num">${L.t.col.interval}</th><th scope="col">${L.t.col.level}</th><th scope="col" class="num">${L.t.col.agreement}</th><th scope="col" class="num">${L.t.col.answers}</th><th scope="col" class="num">${L.t.col.dontKnow}</th></tr></thead><tbody>${body}</tbody></table></div></section>`;
}

// ---- diagnoses

/**
 * A capacity answer's name in the report's language: in English the report's own short name, in another language the
 * instrument's option label in it (the report has no names of its own there), else the English name.
 */
function capacityName(id: string): string {
  if (L.lang === 'en' && CAPACITY_NAMES[id]) return CAPACITY_NAMES[id];
  for (const item of L.instrument.items) {
    if (item.type !== 'choice') continue;
    const option = item.options.find((o) => o.id === id);
    if (option) return option.label[L.lang] ?? option.label.en;
  }
  return CAPACITY_NAMES[id] ?? id;
}

/** A plain name for an evidence source ("layer:governance", "gap:roles", "capacity:profit+headcount_only", ...). */
export function evidenceSource(source: string, itemText?: (id: string) => string | undefined): string {
  const [kind = '', rest = ''] = source.includes(':') ? source.split(/:(.*)/s) : ['', source];
  const { s } = L;
  const capacity = (ids: string) =>
    ids
      .split('+')
      .map((id) => s.capacityMeanings[id] ?? (L.lang === 'en' ? capacityName(id).toLowerCase() : capacityName(id)))
      .join(s.or);
  switch (kind) {
    case 'layer':
      return layerLabel(rest as Layer) ?? rest;
    case 'signal':
      return rest === 'capacity_decision' ? s.capacityDecisionSource : (signalLabel(rest as LikertSignal) ?? rest);
    case 'capacity':
      return s.shareAnswering(capacity(rest));
    case 'profile':
      return s.profile(s.profileFacts[rest] ?? rest.replace(/_/g, ' '));
    case 'gap':
      return s.gapNames[rest] ?? s.gapOn(layerLabel(rest as Layer) ?? rest);
    case 'capacity_decided':
      return s.notToldShare;
    case 'item':
      return L.lang === 'zh' ? `「${itemText?.(rest) ?? rest}」` : `“${itemText?.(rest) ?? rest}”`;
    case 'quality':
      return s.carelessShare;
    case 'workforce':
      return s.effectiveRespondents;
    case 'departments':
      return s.furthestApart(layerLabel(rest as Layer) ?? rest);
    case 'ledger':
      return LEDGER_EVIDENCE_NAMES[L.lang][rest] ?? LEDGER_EVIDENCE_NAMES.en[rest] ?? rest.replace(/_/g, ' ');
    case 'register':
      return REGISTER_EVIDENCE_NAMES[L.lang][rest] ?? REGISTER_EVIDENCE_NAMES.en[rest] ?? rest.replace(/_/g, ' ');
    case 'account':
      return ACCOUNT_EVIDENCE_NAMES[L.lang][rest] ?? ACCOUNT_EVIDENCE_NAMES.en[rest] ?? rest.replace(/_/g, ' ');
    default:
      if (source in LAYER_NAMES) return layerName(source as Layer);
      if (source in SIGNAL_NAMES) return signalLabel(source as LikertSignal);
      return source.replace(/[_:]/g, ' ');
  }
}

/** Shares print as percentages; scores, counts and facts as numbers. */
function evidenceValue(source: string, v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (
    source.startsWith('capacity') ||
    source === 'profile:seat_coverage' ||
    source === 'ledger:boss_share_of_waiting_days' ||
    source === 'quality:flagged_share' ||
    (source.startsWith('layer:') && Math.abs(v) <= 1 && !Number.isInteger(v))
  )
    return pct(v);
  return Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 1 ? 2 : 1);
}

const COMPARISON: Record<string, string> = { '<': '&lt;', '<=': '≤', '>': '&gt;', '>=': '≥' };

/** The English wording of a likert item of the report's instrument, for evidence rows about single statements. */
function itemTexts(model: ReportModel): (id: string) => string | undefined {
  const instrument = model.instrument ? findInstrument(model.instrument.id, model.instrument.version) : undefined;
  return (id) => {
    const item = instrument?.items.find((i) => i.id === id);
    return item && isLikert(item) ? (item.text[L.lang] ?? item.text.en) : undefined;
  };
}

/** The row's note in the report's language; a report stored before notes had parts says it in English. */
function evidenceNote(e: Evidence): string {
  const text = e.noteParts?.length ? evidenceNoteText(e.noteParts, L.lang) : e.note;
  return text ? `<span class="ev-note">${esc(text)}</span>` : '';
}

function diagnosisBlock(d: Diagnosis, itemText: (id: string) => string | undefined): string {
  const rows = (d.evidence ?? [])
    .map(
      (e) =>
        `<tr><th scope="row">${esc(evidenceSource(e.source, itemText))}${evidenceNote(e)}</th><td class="num">${esc(
          evidenceValue(e.source, e.value),
        )}</td><td class="num">${COMPARISON[e.comparison] ?? esc(e.comparison)} ${esc(evidenceValue(e.source, e.threshold))}</td><td>${
          e.met ? `<span class="met">${L.t.holds}</span>` : `<span class="unmet">${L.t.doesNotHold}</span>`
        }</td></tr>`,
    )
    .join('');
  const name = L.t.diagnosisNames[d.code] ?? d.code;
  // Calibrated, in words and number, never 100% (docs/METHOD.md §6.5).
  const words = confidenceWords(d);
  const caution = d.caution === 'flagged_responses' ? `<p class="notes">${esc(L.s.carefulRead)}</p>` : '';
  return `<article class="diag"><h3>${esc(name)}</h3><p class="conf">${esc(L.t.confidence)}: ${esc(words)}</p>${caution}<p>${esc(
    d.explanations?.[L.lang] ?? d.explanation,
  )}</p>${
    rows
      ? `<div class="table-wrap" role="region" tabindex="0" aria-label="${esc(L.t.evidence)}"><table class="data evidence"><caption>${esc(L.t.evidence)}</caption><thead><tr><th scope="col">${L.t.col.signal}</th><th scope="col" class="num">${L.t.col.value}</th><th scope="col" class="num">${L.t.col.threshold}</th><th scope="col">${L.t.col.result}</th></tr></thead><tbody>${rows}</tbody></table></div>`
      : ''
  }</article>`;
}

function findingBlock(f: Finding): string {
  return `<article class="diag finding"><h3>${esc(L.t.findingNames[f.code] ?? f.code)}</h3><p>${esc(f.text[L.lang] ?? f.text.en)}</p></article>`;
}

function diagnosesSection(model: ReportModel): string {
  const diagnoses = model.diagnoses ?? [];
  const notes =
    L.lang !== 'en' && model.notes?.length
      ? model.notes.map((n) => n.text[L.lang] ?? n.text.en)
      : (model.diagnosisNotes ?? []);
  const findings = (model.findings ?? []).filter((f) => !f.lead);
  const itemText = itemTexts(model);
  const body = diagnoses.length
    ? diagnoses.map((d) => diagnosisBlock(d, itemText)).join('')
    : model.diagnosisWithheld
      ? `<p class="empty">${esc(L.t.noDiagnosisWithheld)}</p>`
      : `<p class="empty">${esc(L.t.noTrap)}</p>`;
  const noteList = notes.length
    ? `<h3>${esc(L.t.notDiagnosed)}</h3><ul class="notes">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`
    : '';
  return `<section id="diagnoses" aria-labelledby="diagnoses-h"><h2 id="diagnoses-h">${esc(L.t.diagnosisHeading)}</h2>${body}${findings
    .map(findingBlock)
    .join('')}${noteList}</section>`;
}

function actionsSection(model: ReportModel): string {
  const recommendations = model.recommendations ?? [];
  const ledgerName = { time: 'time_ledger', waiting: 'waiting_ledger', knowledge: 'knowledge_ledger' } as const;
  const items = recommendations
    .map((r, i) => {
      const tags = [r.layer ? layerName(r.layer) : null, r.ledger ? signalLabel(ledgerName[r.ledger]) : null].filter(
        Boolean,
      );
      const because = r.because
        ? `<span class="ev-note">${esc(L.t.because(r.because[L.lang] ?? r.because.en))}</span>`
        : '';
      const entry = entryFor(model, i);
      const owner = entry?.ownerRole
        ? `<span class="ev-note"><strong>${esc(L.t.owner)}:</strong> ${esc(entry.ownerRole)}${
            entry.due ? ` · ${'date' in entry.due ? `${esc(L.t.due)} ${esc(entry.due.date)}` : esc(L.t.dueWave)}` : ''
          }</span>`
        : '';
      return `<li>${tags.map((t) => `<span class="tag">${esc(t)}</span>`).join('')}${esc(actionText(r))}${because}${owner}</li>`;
    })
    .join('');
  return `<section id="actions" aria-labelledby="actions-h"><h2 id="actions-h">${esc(L.t.actionsHeading)}</h2>${
    items ? `<ol class="actions">${items}</ol>` : `<p class="empty">${esc(L.t.noActions)}</p>`
  }</section>`;
}

// ---- leadership versus workforce

function gapSection(model: ReportModel): string {
  const gap = model.leadershipGap;
  const head = `<section id="gap" aria-labelledby="gap-h"><h2 id="gap-h">${esc(L.t.gapHeading)}</h2>`;
  const levelMeans = (model.segments?.level ?? [])
    .filter((r) => !r.suppressed)
    .map((r) => {
      const scores = LAYERS.map((l) => segmentScore(r.layers?.[l])).filter((v): v is number => v !== null);
      return { name: r.name, mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null };
    })
    .filter((r): r is { name: string; mean: number } => r.mean !== null);
  const lg = model.levelGap;
  const { s } = L;
  const beyond = lg ? LAYERS.filter((l) => lg.layers[l]?.beyondNoise) : [];
  const levelGapText = lg
    ? `<p>${esc(s.levelGap(signed(lg.mean), lg.n.upper, lg.n.lower))} ${esc(
        beyond.length > 0
          ? s.beyondNoiseOn(
              beyond
                .map((l) =>
                  s.beyondNoiseItem(
                    layerName(l),
                    signed(lg.layers[l]!.value),
                    signed(lg.layers[l]!.ci[0]),
                    signed(lg.layers[l]!.ci[1]),
                  ),
                )
                .join(s.listJoin),
            )
          : s.noLayerBeyondNoise,
      )}</p>`
    : '';
  const byLevel =
    levelMeans.length >= 2
      ? `<p>${esc(
          s.byLevel(
            model.minGroupSize ?? 5,
            levelMeans.map((r) => `${levelName(r.name)} ${round(r.mean)}`).join(s.listJoin),
          ),
        )}</p>${levelGapText}`
      : levelGapText;
  if (!gap || Object.keys(gap).length === 0) {
    return `${head}<p class="empty">${esc(s.noLeadershipView)}</p>${byLevel}</section>`;
  }
  const layers = LAYERS.filter((l) => typeof gap[l] === 'number');
  const rowH = 46;
  const h = layers.length * rowH + 30;
  const zero = LABEL_W + PLOT_W / 2;
  const scale = PLOT_W / 2 / 50;
  let svg = `<line class="axis" x1="${zero}" x2="${zero}" y1="4" y2="${h - 22}"/>`;
  for (const t of [-50, -25, 25, 50]) {
    const tx = (zero + t * scale).toFixed(1);
    svg += `<line class="grid" x1="${tx}" x2="${tx}" y1="4" y2="${h - 22}"/><text x="${tx}" y="${h - 6}" text-anchor="middle">${
      t > 0 ? '+' : '−'
    }${Math.abs(t)}</text>`;
  }
  layers.forEach((layer, i) => {
    const g = gap[layer]!;
    const y = 4 + i * rowH;
    const w = Math.min(50, Math.abs(g)) * scale;
    svg += `<text class="label" x="${LABEL_W}" y="${y + 17}">${esc(layerName(layer))}</text><rect class="${cls(
      'bar',
      g >= 0 ? 'lead' : 'neg',
    )}" x="${(g >= 0 ? zero : zero - w).toFixed(1)}" y="${y + 24}" width="${w.toFixed(1)}" height="16" rx="2"/><text x="${(g >= 0 ? zero + w + 6 : zero - w - 6).toFixed(1)}" y="${y + 37}" text-anchor="${g >= 0 ? 'start' : 'end'}">${signed(g)}</text>`;
  });
  const rows = layers
    .map((layer) => {
      const g = gap[layer]!;
      const w = model.layers?.[layer]?.score;
      const l = model.leadership?.layers?.[layer]?.score ?? (typeof w === 'number' ? w + g : null);
      return `<tr><th scope="row">${layerName(layer)}</th><td class="num">${num(w)}</td><td class="num">${num(
        l,
      )}</td><td class="num">${signed(g)}</td></tr>`;
    })
    .join('');
  const largest = layers.reduce((a, b) => (gap[b]! > gap[a]! ? b : a), layers[0]!);
  const bossB = (model.diagnoses ?? []).some((d) => d.code === 'boss_b_trap');
  // The workforce's own executives (anonymous, in the workforce scores) beside the leadership view (named, apart):
  // say why the two differ, so a reader does not take one for a recount of the other.
  const execRow = levelMeans.find((r) => r.name === 'executive');
  const execN = (model.segments?.level ?? []).find((r) => r.name === 'executive' && !r.suppressed)?.n;
  const leadScores = LAYERS.map((l) => model.leadership?.layers?.[l]?.score).filter(
    (v): v is number => typeof v === 'number',
  );
  const leadMean = leadScores.length ? leadScores.reduce((a, b) => a + b, 0) / leadScores.length : null;
  const leadN = model.leadership?.n;
  const whyDiffer =
    execRow && leadMean !== null
      ? ` ${esc(s.execsAverage(round(execRow.mean), execN))} ${esc(s.leadershipAverages(round(leadMean), leadN))} ${esc(
          s.notSamePeople,
        )}`
      : ` ${esc(s.leadershipApart)}`;
  const text =
    gap[largest]! > 0
      ? `<p>${s.largestGap(esc(layerName(largest)), gap[largest]!.toFixed(1))} ${esc(bossB ? s.bossBHolds : s.bossBNot)}${whyDiffer}</p>`
      : `<p>${esc(s.noHigherLayer)}${whyDiffer}</p>`;
  return `${head}${text}<figure><svg class="chart" viewBox="0 0 ${CHART_W} ${h}" role="img" aria-label="${esc(
    s.gapChartLabel,
  )}">${svg}</svg><figcaption>${esc(s.gapCaption)}</figcaption></figure><div class="table-wrap" role="region" tabindex="0" aria-label="${esc(
    s.gapTable,
  )}"><table class="data"><caption>${esc(s.gapTable)}</caption><thead><tr><th scope="col">${L.t.col.layer}</th><th scope="col" class="num">${
    L.t.col.workforce
  }</th><th scope="col" class="num">${L.t.col.leadership}</th><th scope="col" class="num">${L.t.col.gap}</th></tr></thead><tbody>${rows}</tbody></table></div>${byLevel}</section>`;
}

// ---- segments heatmap: suppressed rows are marked, never filled

/** Colour by the number shown (rounded), so two cells reading the same number never differ in colour. */
function heatClass(score: number): string {
  return `h${Math.min(5, Math.floor(score / 20) + 1)}`;
}

function heatmap(title: string, rows: SegmentRow[], nameOf: (name: string) => string): string {
  const body = rows
    .map((r) => {
      if (r.suppressed) {
        const hidden = `<td class="sup">${esc(L.t.hidden)}</td>`;
        const cells = LAYERS.map(() => hidden).join('');
        return `<tr><th scope="row">${esc(nameOf(r.name))}</th>${hidden}${cells}</tr>`;
      }
      const cells = LAYERS.map((l) => {
        const s = segmentScore(r.layers?.[l]);
        const d = r.differences?.[l];
        const mark = d?.beyondNoise
          ? `<span class="mark" title="${esc(
              (d.value > 0 ? L.s.aboveBeyondNoise : L.s.belowBeyondNoise)(
                signed(d.value),
                signed(d.ci[0]),
                signed(d.ci[1]),
              ),
            )}">${d.value > 0 ? ' ▲' : ' ▼'}</span>`
          : '';
        return s === null ? '<td class="na">–</td>' : `<td class="${heatClass(round(s))}">${round(s)}${mark}</td>`;
      }).join('');
      return `<tr><th scope="row">${esc(nameOf(r.name))}</th><td class="num">${r.n ?? '–'}</td>${cells}</tr>`;
    })
    .join('');
  return `<div class="table-wrap" role="region" tabindex="0" aria-label="${esc(title)}"><table class="data heat"><caption>${esc(title)}</caption><thead><tr><th scope="col">${L.t.col.group}</th><th scope="col" class="num">${L.t.col.responses}</th>${LAYERS.map(
    (l) => `<th scope="col">${layerName(l)}</th>`,
  ).join('')}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function segmentsSection(model: ReportModel, k: number): string {
  const dep = model.segments?.department ?? [];
  const lev = model.segments?.level ?? [];
  const head = `<section id="segments" aria-labelledby="segments-h"><h2 id="segments-h">${esc(L.t.segmentsHeading)}</h2>`;
  if (dep.length === 0 && lev.length === 0) {
    return `${head}<p class="empty">${esc(L.t.noSegments)}</p></section>`;
  }
  const anySuppressed = [...dep, ...lev].some((r) => r.suppressed);
  const anyMarked = [...dep, ...lev].some((r) => LAYERS.some((l) => r.differences?.[l]?.beyondNoise));
  return `${head}<p>${esc(L.t.segmentsIntro)} ${esc(anyMarked ? L.s.groupMarks : L.s.noGroupDiffers)}${
    anySuppressed ? ` ${L.s.hiddenGroups(k)}` : ''
  }</p>${dep.length ? heatmap(L.s.byDepartment, dep, (n) => n) : ''}${
    lev.length ? heatmap(L.s.byLevelTable, lev, (n) => levelName(n)) : ''
  }${weightingBlock(model.weighting?.department, 'department')}${weightingBlock(model.weighting?.level, 'level')}</section>`;
}

function weightingBlock(w: Weighting | null | undefined, by: 'department' | 'level'): string {
  if (!w) return '';
  const { s, t } = L;
  const name = (x: string | null) => (x === null ? s.hiddenTogether(by) : by === 'level' ? levelName(x) : x);
  const rates = w.strata
    .map(
      (x) =>
        `<tr><th scope="row">${esc(name(x.name))}</th><td class="num">${x.responses}</td><td class="num">${x.headcount}</td><td class="num">${pct(x.rate)}</td></tr>`,
    )
    .join('');
  const layers = LAYERS.filter((l) => w.layers[l])
    .map(
      (l) =>
        `<tr><th scope="row">${layerName(l)}</th><td class="num">${num(w.layers[l]!.unweighted)}</td><td class="num">${num(w.layers[l]!.weighted)}</td></tr>`,
    )
    .join('');
  const missing = w.unrepresented.length
    ? ` ${esc(s.unrepresented(w.unrepresented.map((x) => (by === 'level' ? levelName(x) : x)).join(s.listJoin)))}`
    : '';
  return `<h3>${esc(s.weightingHeading(by))}</h3><p>${esc(s.weightingText(by))}${missing}</p><div class="table-wrap half" role="region" tabindex="0" aria-label="${esc(
    s.rateTable(by),
  )}"><table class="data"><caption>${esc(s.rateTable(by))}</caption><thead><tr><th scope="col">${t.col.group}</th><th scope="col" class="num">${
    t.col.responses
  }</th><th scope="col" class="num">${esc(s.headcount)}</th><th scope="col" class="num">${esc(
    s.rate,
  )}</th></tr></thead><tbody>${rates}</tbody></table></div><div class="table-wrap half" role="region" tabindex="0" aria-label="${esc(
    s.weightedLabel(by),
  )}"><table class="data"><caption>${esc(s.weightedCaption(by))}</caption><thead><tr><th scope="col">${t.col.layer}</th><th scope="col" class="num">${esc(
    s.unweighted,
  )}</th><th scope="col" class="num">${esc(s.weighted)}</th></tr></thead><tbody>${layers}</tbody></table></div>`;
}

// ---- context signals and capacity decision

function capacityBlock(c: CapacityDistribution | undefined, caption: string): string {
  if (!c || c.n === 0) return '';
  const entries = Object.entries(c.shares).sort((a, b) => b[1] - a[1]);
  const rows = entries
    .map(
      ([option, share]) =>
        `<tr><th scope="row">${esc(capacityName(option))}</th><td class="num">${pct(share)}</td><td class="num">${
          c.counts[option as keyof typeof c.counts] ?? 0
        }</td></tr>`,
    )
    .join('');
  const { s, t } = L;
  return `<div class="table-wrap half" role="region" tabindex="0" aria-label="${esc(s.capacityLabel)}"><table class="data"><caption>${esc(
    caption,
  )} ${esc(s.capacityAnswers(c.n))}</caption><thead><tr><th scope="col">${esc(s.answer)}</th><th scope="col" class="num">${esc(
    s.share,
  )}</th><th scope="col" class="num">${t.col.answers}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function qualityText(q: QualitySummary | undefined): string {
  if (!q) return '';
  if (q.flagged === 0) return `<p class="notes">${esc(L.s.noneFlagged)}</p>`;
  return `<p class="notes">${esc(L.s.flagged(q.flagged, q.straightLining, q.tooFast, Boolean(q.excluded)))}</p>`;
}

function signalsSection(model: ReportModel): string {
  const signals = model.signals ?? {};
  const present = LIKERT_SIGNALS.filter((s) => signals[s]);
  const rows = present
    .map((sig) => {
      const s = signals[sig]!;
      return `<tr><th scope="row">${signalLabel(sig)}</th><td class="num">${num(s.score)}</td><td class="num">${
        s.ci95 ? `${round(s.ci95[0])}–${round(s.ci95[1])}` : '–'
      }</td><td class="num">${s.n}</td><td class="num">${pct(s.dontKnowRate ?? 0)}</td></tr>`;
    })
    .join('');
  const table = rows
    ? `<div class="table-wrap" role="region" tabindex="0" aria-label="${esc(L.s.signalsTable)}"><table class="data"><caption>${esc(
        L.s.signalsCaption,
      )}</caption><thead><tr><th scope="col">${L.t.col.signal}</th><th scope="col" class="num">${L.t.col.score}</th><th scope="col" class="num">${
        L.t.col.interval
      }</th><th scope="col" class="num">${L.t.col.answers}</th><th scope="col" class="num">${L.t.col.dontKnow}</th></tr></thead><tbody>${rows}</tbody></table></div>`
    : `<p class="empty">${esc(L.s.noSignalScores)}</p>`;
  return `<section id="signals" aria-labelledby="signals-h"><h2 id="signals-h">${esc(L.t.signalsHeading)}</h2><p>${esc(
    L.s.signalsIntro,
  )}</p>${table}${capacityBlock(model.capacityDecided, L.s.capacityDecidedQuestion)}${capacityBlock(
    model.capacityDecision,
    model.capacityDecided ? L.s.capacityForQuestion : L.s.capacityForQuestion2026_1,
  )}${qualityText(model.quality)}</section>`;
}

/** Per question: favourable, neutral and unfavourable shares and the question's own don't-know rate. */
function itemsSection(model: ReportModel): string {
  const items = model.items;
  if (!items || Object.keys(items).length === 0) return '';
  const lookup = itemTexts(model);
  const text = (id: string) => lookup(id) ?? id;
  const rows = Object.entries(items)
    .map(
      ([id, s]) =>
        `<tr><th scope="row">${esc(text(id))}</th><td class="num">${s.favourable === null ? '–' : pct(s.favourable)}</td><td class="num">${
          s.neutral === null ? '–' : pct(s.neutral)
        }</td><td class="num">${s.unfavourable === null ? '–' : pct(s.unfavourable)}</td><td class="num">${s.n}</td><td class="num">${
          s.dontKnowRate === null ? '–' : pct(s.dontKnowRate)
        }</td></tr>`,
    )
    .join('');
  return `<section id="items" aria-labelledby="items-h"><h2 id="items-h">${esc(L.t.itemsHeading)}</h2><p>${esc(
    L.t.itemsIntro(model.minGroupSize ?? 5),
  )}</p><div class="table-wrap" role="region" tabindex="0" aria-label="${esc(L.t.itemsCaption)}"><table class="data items"><caption>${esc(L.t.itemsCaption)}</caption><thead><tr><th scope="col">${L.t.col.statement}</th><th scope="col" class="num">${L.t.col.favourable}</th><th scope="col" class="num">${L.t.col.neutral}</th><th scope="col" class="num">${L.t.col.unfavourable}</th><th scope="col" class="num">${L.t.col.answers}</th><th scope="col" class="num">${L.t.col.dontKnow}</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function methodSection(k: number): string {
  // The notes hold r<sub>wg</sub>: markup of this file's own, never API text.
  return `<section id="method" aria-labelledby="method-h"><h2 id="method-h">${esc(L.t.methodHeading)}</h2><ul class="notes">${L.s
    .methodNotes(k)
    .map((note) => `<li>${note}</li>`)
    .join('')}</ul></section>`;
}
