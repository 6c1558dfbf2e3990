import { describe, expect, it } from 'vitest';
import { CORE_INSTRUMENT, isLikert } from '../../../shared/instrument';
import { answerIssues } from '../../../shared/response';
import {
  answersFromForm,
  renderReceiptPage,
  renderSurveyPage,
  renderWithdrawPage,
  surveySteps,
} from '../../../web/survey/render-survey';

const campaign = { name: 'Acme wave 1', departments: ['Sales', 'Support'], minGroupSize: 5 };
const render = (overrides: Partial<Parameters<typeof renderSurveyPage>[0]> = {}) =>
  renderSurveyPage({ instrument: CORE_INSTRUMENT, campaign, lang: 'en', token: 'tok_0123456789abcdef', ...overrides });

describe('renderSurveyPage', () => {
  it('is a plain form posting to the page itself, one fieldset with a legend per question', () => {
    const html = render();
    expect(html).toContain(
      '<form id="q" class="survey" method="post" autocomplete="off" action="/s/tok_0123456789abcdef"',
    );
    const fieldsets = html.match(/<fieldset class="q" id="f-[^"]+"[^>]*><legend>/g) ?? [];
    // Every item, plus position and department.
    expect(fieldsets).toHaveLength(CORE_INSTRUMENT.items.length + 2);
    expect(html).toContain('<button type="submit" id="send">Send my answers</button>');
  });

  it('promises the time measured in each language (METHOD.md §2), longer in German and Chinese', () => {
    const n = CORE_INSTRUMENT.items.length;
    const minutes = (lang: 'en' | 'de' | 'zh') => {
      const intro = render({ lang }).match(/<div id="intro"><p>([^<]*)<\/p>/)![1]!;
      return Number(intro.match(/(\d+)\s*(?:minutes|分钟|Minuten)/)![1]);
    };
    expect(minutes('en')).toBe(Math.round((n * 12) / 60));
    expect(minutes('de')).toBe(Math.round((n * 13) / 60));
    expect(minutes('zh')).toBe(Math.round((n * 13) / 60));
    expect(minutes('zh')).toBeGreaterThan(minutes('en'));
  });

  it('offers five points and "don\'t know" on every likert statement, each a labelled radio', () => {
    const html = render();
    for (const item of CORE_INSTRUMENT.items.filter(isLikert)) {
      const radios = html.match(new RegExp(`<label><input type="radio" name="${item.id}" value="([1-5]|dk)"`, 'g'));
      expect(radios, item.id).toHaveLength(6);
    }
    expect(html).toContain('value="dk"><span>Don&#39;t know</span></label>');
  });

  it('puts one layer per step, signals in a few steps, and the segment questions last', () => {
    const steps = surveySteps(CORE_INSTRUMENT, 'en');
    expect(steps.slice(0, 5).map((s) => s.id)).toEqual([
      'roles',
      'workflows',
      'knowledge',
      'responsibility',
      'governance',
    ]);
    expect(steps.slice(5).every((s) => s.items.every((i) => !('layer' in i)))).toBe(true);
    expect(steps.flatMap((s) => s.items)).toHaveLength(CORE_INSTRUMENT.items.length);
    const html = render();
    const sections = html.match(/<section class="step"[\s\S]*?<\/section>/g)!;
    expect(sections).toHaveLength(steps.length + 1);
    expect(sections.at(-1)).toContain('name="level"');
    expect(sections.at(-1)).toContain('name="department"');
    expect(html.indexOf('name="level"')).toBeGreaterThan(html.lastIndexOf('name="sig_'));
  });

  it('sets lang and dir, translates, and links every language', () => {
    const zh = render({ lang: 'zh' });
    expect(zh).toMatch(/^<!doctype html><html lang="zh" dir="ltr">/);
    expect(zh).toContain('提交我的回答');
    expect(zh).toContain('<a href="/s/tok_0123456789abcdef?lang=de" hreflang="de" lang="de">Deutsch</a>');
    expect(zh).toContain('hreflang="zh" lang="zh" aria-current="page">中文</a>');
    expect(render({ lang: 'de' })).toContain('Stimme voll zu');
  });

  it('escapes the campaign name and department names', () => {
    const html = render({
      campaign: { name: '<script>x()</script>', departments: ['R&D', '"><img src=x onerror=y()>'] },
    });
    expect(html).not.toMatch(/<script>x|<img/);
    expect(html).toContain('&lt;script&gt;x()&lt;/script&gt;');
    expect(html).toContain('value="R&amp;D"');
    expect(html).toContain('value="&quot;&gt;&lt;img src=x onerror=y()&gt;"');
  });

  it('uses a select for a long department list', () => {
    const departments = Array.from({ length: 12 }, (_, i) => `Dept ${i + 1}`);
    const html = render({ campaign: { name: 'Big', departments } });
    expect(html).toContain('<label for="department">Which department do you work in?</label>');
    // Explicit values: a browser would collapse white space in a value taken from the option's text.
    expect(html.match(/<option value="Dept \d+">Dept \d+<\/option>/g)).toHaveLength(12);
  });

  it('announces errors, links each to its question and keeps the answers given', () => {
    const html = render({
      values: { answers: { roles_split: 4, kn_ask_senior: 'dk' }, level: null, department: 'Support' },
      errors: [{ field: 'level', message: 'Choose the position that fits you best.' }],
    });
    expect(html).toMatch(/<div id="errors" class="errors" role="alert" tabindex="-1"><h2>/);
    expect(html).toContain('<a href="#f-level">Choose the position that fits you best.</a>');
    expect(html).toContain('<fieldset class="q" id="f-level" aria-describedby="e-level">');
    expect(html).toContain('<input type="radio" name="roles_split" value="4" checked>');
    expect(html).toContain('<input type="radio" name="kn_ask_senior" value="dk" checked>');
    expect(html).toContain('<input type="radio" name="department" value="Support" checked required>');
    expect(render()).toContain('role="alert" tabindex="-1" hidden>');
  });

  it('loads its script and styles from /assets and has no inline script, style or handler (CSP)', () => {
    const html = render();
    expect(html).toContain('<link rel="stylesheet" href="/assets/orgos.css">');
    expect(html).toContain('<script type="module" src="/assets/survey.js"></script>');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<style|\sstyle=|\son\w+=/);
    expect(html).toContain('<a class="skip" href="#q">Skip to the questions</a>');
  });
});

describe('answersFromForm', () => {
  it('keeps valid answers as numbers, "dk" and option ids, and drops anything else', () => {
    const parsed = answersFromForm(CORE_INSTRUMENT, {
      roles_split: '5',
      roles_squeezed: 'dk',
      wf_escalation: '7',
      sig_capacity_use: 'undecided',
      kn_traceable: '',
      unknown_item: '3',
      level: 'manager',
      department: 'Sales',
    });
    expect(parsed).toEqual({
      answers: { roles_split: 5, roles_squeezed: 'dk', sig_capacity_use: 'undecided' },
      level: 'manager',
      department: 'Sales',
    });
    expect(answerIssues(CORE_INSTRUMENT, parsed.answers)).toEqual([]);
  });
});

describe('receipt and withdrawal pages', () => {
  it('shows the receipt, where to withdraw later, and a withdraw button', () => {
    const html = renderReceiptPage({ lang: 'de', receipt: 'rcpt_<x>', campaignName: 'Acme' });
    expect(html).toContain('<code class="receipt">rcpt_&lt;x&gt;</code>');
    expect(html).toContain('/s/withdraw');
    expect(html).toContain('<form method="post" action="/s/withdraw" class="withdraw">');
    expect(html).toContain('<input type="hidden" name="receipt" value="rcpt_&lt;x&gt;">');
  });

  it('asks for the code with a labelled field, and confirms a withdrawal', () => {
    expect(renderWithdrawPage({ lang: 'en' })).toContain(
      '<label for="receipt">Your receipt code</label><input id="receipt"',
    );
    expect(renderWithdrawPage({ lang: 'en', result: 'withdrawn' })).toContain(
      'role="status">Your answers were withdrawn',
    );
    expect(renderWithdrawPage({ lang: 'en', result: 'not_found' })).toContain('role="alert"');
  });
});
