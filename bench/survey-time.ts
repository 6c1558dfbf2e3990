// `npx tsx bench/survey-time.ts [--runs 12] [--lang en,zh,de]`: how long the demo survey takes, per language, from
// timed runs in Chromium (Debian's, /usr/bin/chromium) on a phone-sized page: docs/METHOD.md §2 has the results.
//
// Each run is one simulated respondent driving the real survey (the product in this process, as the browser tests
// run it) at a human pace: before each answer the page waits for the time that respondent needs to read the
// question on screen and decide. Reading speed is drawn per respondent from the IReST norms for reading on screen in
// that language (Trauzettel-Klosinski & Dietz 2012: English 228 ± 30 words/min, German 179 ± 17 words/min, Chinese
// 255 ± 29 characters/min), slowed by 1.2 for a phone (Andreadis 2015); deciding takes a log-normal time per item
// (median 1.5 s, the respondent's own median varying by a factor e^0.3). Text lengths come from the page as rendered
// in that language, so a longer translation takes longer. Page transitions, script and the submission are measured,
// not modelled. Runs go in parallel, one browser context each.
//
// After the totals it prints where the time goes, per screen and per ledger field: the reading units on screen and the
// median seconds a respondent spends there (reading plus deciding), so a change of wording can be priced. `--dry`
// drives the same page without waiting (the modelled reading and deciding are added to the measured page time instead
// of slept): seconds, not minutes, per run, for trying a wording; the tables METHOD.md quotes come from real runs.

import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { createRng, type Rng } from '../shared/simulation';
import { startE2EServer } from '../test/e2e/server';
import { launch, PHONE } from '../test/e2e/support';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '12' },
    lang: { type: 'string', default: 'en,zh,de' },
    parallel: { type: 'string', default: '6' },
    // Ledger entries filled per ledger question (2026.2): 0 skips the step, 1 is the typical respondent of
    // METHOD.md §2, 3 fills every entry (opening the disclosures of entries 2 and 3).
    entries: { type: 'string', default: '1' },
    dry: { type: 'boolean', default: false },
  },
});
const ENTRIES = Number(values.entries);
const RUNS = Number(values.runs);
const LANGS = (values.lang as string).split(',') as ('en' | 'zh' | 'de')[];
const PARALLEL = Number(values.parallel);
const DRY = values.dry === true;

/** Words per minute (en, de) or characters per minute (zh) on screen, mean and sd (IReST). */
const READING: Record<'en' | 'zh' | 'de', { mean: number; sd: number; unit: 'words' | 'chars' }> = {
  en: { mean: 228, sd: 30, unit: 'words' },
  de: { mean: 179, sd: 17, unit: 'words' },
  zh: { mean: 255, sd: 29, unit: 'chars' },
};
const PHONE_FACTOR = 1.2;
const SEED_BASE: Record<'en' | 'zh' | 'de', number> = { en: 1000, zh: 2000, de: 3000 };
const DECIDE_MEDIAN_S = 1.5;

/** Length of a text in the reading unit: words, or CJK characters plus any Latin words (such as "AI"). */
function length(text: string, unit: 'words' | 'chars'): number {
  if (unit === 'words') return text.split(/\s+/).filter(Boolean).length;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z0-9]+/g)?.length ?? 0;
  return han + latin;
}

/** Where a run's modelled time went: per screen (and per ledger field), the reading units and the seconds waited. */
type Tally = Map<string, { units: number; seconds: number }>;

interface Reader {
  perUnitS: number;
  decideMedianS: number;
  rng: Rng;
}

function reader(lang: 'en' | 'zh' | 'de', seed: number): Reader {
  const rng = createRng(seed);
  const r = READING[lang];
  const speed = Math.max(r.mean - 2 * r.sd, r.mean + r.sd * rng.normal());
  return { perUnitS: (60 / speed) * PHONE_FACTOR, decideMedianS: DECIDE_MEDIAN_S * Math.exp(0.3 * rng.normal()), rng };
}

const sleep = (page: Page, s: number) => page.waitForTimeout(Math.round(s * 1000));

async function visibleStep(page: Page) {
  return page.evaluate(() => {
    const step = [...document.querySelectorAll<HTMLElement>('.step')].find((s) => !s.hidden)!;
    return {
      title: step.querySelector('h2')?.textContent ?? '',
      fieldsets: [...step.querySelectorAll('fieldset')].map((f) => ({
        id: f.id,
        legend: f.querySelector('legend')?.textContent ?? '',
        options: [...f.querySelectorAll('label')].map((l) => l.textContent ?? '').join(' '),
        count: f.querySelectorAll('input').length,
        likert: f.querySelectorAll('input').length === 6,
        ledger: f.classList.contains('ledger'),
      })),
    };
  });
}

/**
 * One ledger question of the 2026.2 step: its question is read, then ENTRIES entries are filled, each field read
 * (its label, and a picker's options) and decided like an item, a valid value picked at random.
 */
async function fillLedger(
  page: Page,
  id: string,
  read: (text: string) => number,
  r: Reader,
  wait: (key: string, s: number, units?: number) => Promise<void>,
  units: (text: string) => number,
): Promise<void> {
  const ledger = id.replace(/^f-ledger_/, '');
  const question = (await page.textContent(`#${id} > legend`)) ?? '';
  await wait(`ledger: ${ledger} question`, read(question), units(question));
  // A respondent names each kind of work (or wait, or judgment) once: the survey refuses the same one twice.
  const named = new Set<string>();
  for (let slot = 1; slot <= ENTRIES; slot++) {
    const entry = `#${id}_${slot}`;
    if (slot > 1) {
      await page.click(`#${id} details:nth-of-type(${slot - 1}) > summary`);
      await wait(`ledger: ${ledger} open entry`, 2);
    }
    const fields = await page.$$eval(`${entry} .field`, (els) =>
      els.map((el) => {
        const control = el.querySelector<HTMLInputElement | HTMLSelectElement>('select, input')!;
        const options =
          control instanceof HTMLSelectElement
            ? [...control.options].filter((o) => o.value).map((o) => ({ value: o.value, text: o.text }))
            : [];
        return {
          id: control.id,
          label: el.querySelector('label')?.textContent ?? '',
          select: control instanceof HTMLSelectElement,
          free: control.getAttribute('maxlength') !== null,
          min: Number(control.getAttribute('min') ?? 0),
          max: Number(control.getAttribute('max') ?? 0),
          step: Number(control.getAttribute('step') ?? 1),
          options,
        };
      }),
    );
    for (const f of fields) {
      // The optional free-text label, where a campaign allows it, is left empty: most respondents would.
      if (f.free) continue;
      const shown = f.select ? f.options.map((o) => o.text).join(' ') : '';
      await wait(
        `ledger: ${ledger} ${f.id.replace(/^f-ledger_[a-z]+_\d+_/, '')}`,
        read(f.label) + read(shown) + r.decideMedianS * Math.exp(0.35 * r.rng.normal()),
        units(f.label) + units(shown),
      );
      if (f.select) {
        const first = /_(category|kind)$/.test(f.id);
        const open = first ? f.options.filter((o) => !named.has(o.value)) : f.options;
        const pick = open[Math.floor(r.rng.uniform() * open.length)]!.value;
        if (first) named.add(pick);
        await page.selectOption(`#${f.id}`, pick);
      } else {
        // A small value, as most entries are (a few hours, days or checks), within the field's range and step.
        const steps = Math.floor(Math.min(f.max, 10) - f.min) / f.step;
        const value = f.min + f.step * (1 + Math.floor(r.rng.uniform() * Math.max(1, steps)));
        await page.fill(`#${f.id}`, String(Math.min(value, f.max)));
      }
    }
  }
}

interface Run {
  lang: string;
  totalS: number;
  waitedS: number;
  tally: Tally;
}

async function oneRun(browser: Browser, url: string, lang: 'en' | 'zh' | 'de', seed: number): Promise<Run> {
  const context = await browser.newContext(PHONE);
  try {
    return await timedRun(await context.newPage(), url, lang, seed);
  } finally {
    await context.close().catch(() => undefined);
  }
}

async function timedRun(page: Page, url: string, lang: 'en' | 'zh' | 'de', seed: number): Promise<Run> {
  const r = reader(lang, seed);
  const unit = READING[lang].unit;
  const units = (text: string) => length(text, unit);
  const read = (text: string) => units(text) * r.perUnitS;
  let waited = 0;
  const tally: Tally = new Map();
  const wait = async (key: string, s: number, n = 0) => {
    waited += s;
    const t = tally.get(key) ?? { units: 0, seconds: 0 };
    tally.set(key, { units: t.units + n, seconds: t.seconds + s });
    if (!DRY) await sleep(page, s);
  };
  const start = Date.now();
  await page.goto(`${url}?lang=${lang}`, { timeout: 120_000 });
  await page.waitForSelector('#progress:not([hidden])');
  const intro = (await page.textContent('#intro')) ?? '';
  await wait('intro', read(intro), units(intro));
  for (let screen = 1; ; screen++) {
    const step = await visibleStep(page);
    const key = `${screen}. ${step.fieldsets.some((f) => f.ledger) ? 'ledger step' : `${step.fieldsets.length} questions`}`;
    await wait(key, read(step.title), units(step.title));
    let optionsRead = false;
    for (const f of step.fieldsets) {
      if (f.ledger) {
        await fillLedger(page, f.id, read, r, wait, units);
        continue;
      }
      // A likert grid's options are the same on every item: read once per step. A choice item's, every time.
      const options = f.likert && optionsRead ? '' : f.options;
      if (f.likert) optionsRead = true;
      await wait(
        key,
        read(f.legend) + read(options) + r.decideMedianS * Math.exp(0.35 * r.rng.normal()),
        units(f.legend) + units(options),
      );
      const pick = f.likert ? Math.floor(r.rng.uniform() * 5) : Math.floor(r.rng.uniform() * f.count);
      await page.check(`#${f.id} input >> nth=${pick}`);
    }
    if (await page.isVisible('#next')) {
      await page.click('#next');
      continue;
    }
    await page.click('#send');
    break;
  }
  await page.waitForSelector('#done:not([hidden])', { timeout: 60_000 });
  // A dry run slept nothing: its total is the measured page time plus the modelled reading and deciding.
  const totalS = (Date.now() - start) / 1000 + (DRY ? waited : 0);
  return { lang, totalS, waitedS: waited, tally };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (at - lo);
};
const minutes = (s: number) => {
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

const server = await startE2EServer();
const browser = await launch();
try {
  const url = `${server.url}/s/${server.demo.surveyToken}`;
  // A few respondents at a time: what a run measures is one person's pace, not how the server copes with a crowd.
  // Seeds by language, not by position in --lang: the same respondents whichever languages a call runs.
  const queue = LANGS.flatMap((lang) => Array.from({ length: RUNS }, (_, i) => ({ lang, seed: SEED_BASE[lang] + i })));
  const runs: Run[] = [];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        // A run the browser drops (a crashed page on a loaded machine) is tried once more with a fresh context, so
        // one lost page does not lose the whole table.
        const run = await oneRun(browser, url, next.lang, next.seed).catch((error: unknown) => {
          console.error(`run ${next!.lang}/${next!.seed} failed, retrying: ${String(error).split('\n')[0]}`);
          return oneRun(browser, url, next!.lang, next!.seed);
        });
        console.error(`run ${run.lang}/${next.seed}: ${minutes(run.totalS)}`);
        runs.push(run);
      }
    }),
  );
  console.log(`\nledger entries per ledger question: ${ENTRIES}${DRY ? ' (dry: modelled waits not slept)' : ''}`);
  console.log(`\n| language | runs | median | 90th percentile | of which page and network (median) |`);
  console.log('|---|---|---|---|---|');
  for (const lang of LANGS) {
    const mine = runs.filter((r) => r.lang === lang);
    const totals = mine.map((r) => r.totalS);
    const overhead = mine.map((r) => r.totalS - r.waitedS);
    console.log(
      `| ${lang} | ${mine.length} | ${minutes(quantile(totals, 0.5))} | ${minutes(quantile(totals, 0.9))} | ${quantile(overhead, 0.5).toFixed(1)} s |`,
    );
  }
  // Where the time goes: reading units are the page's (the same in every run of a language, but for the ledger
  // pickers' options, which a respondent reads once per entry); seconds are the median over runs of reading plus
  // deciding. The per-field ledger rows add up to the ledger step's (less its title).
  for (const lang of LANGS) {
    const mine = runs.filter((r) => r.lang === lang);
    const keys = [...new Set(mine.flatMap((r) => [...r.tally.keys()]))];
    console.log(`\n| ${lang}: where the time goes | ${READING[lang].unit} read | seconds (median) |`);
    console.log('|---|---|---|');
    const row = (name: string, pick: (t: Tally) => { units: number; seconds: number }) =>
      console.log(
        `| ${name} | ${quantile(
          mine.map((r) => pick(r.tally).units),
          0.5,
        ).toFixed(0)} | ${quantile(
          mine.map((r) => pick(r.tally).seconds),
          0.5,
        ).toFixed(1)} |`,
      );
    const sum = (t: Tally, match: (k: string) => boolean) =>
      [...t]
        .filter(([k]) => match(k))
        .reduce((a, [, v]) => ({ units: a.units + v.units, seconds: a.seconds + v.seconds }), {
          units: 0,
          seconds: 0,
        });
    for (const key of keys.filter((k) => !k.startsWith('ledger: '))) {
      row(key, (t) => sum(t, (k) => k === key || (key.endsWith('ledger step') && k.startsWith('ledger: '))));
    }
    for (const key of keys.filter((k) => k.startsWith('ledger: '))) row(`  ${key}`, (t) => sum(t, (k) => k === key));
    row('**all reading and deciding**', (t) => sum(t, () => true));
  }
} finally {
  await browser.close();
  await server.close();
}
