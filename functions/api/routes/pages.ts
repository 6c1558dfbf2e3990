import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { LANGUAGES, type Language } from '../../../shared/instrument';
import { ledgerDesignFor } from '../../../shared/ledger';
import { formFieldOf, LEDGER_FIELD, ledgerFromFields } from '../../../shared/ledger/ledger-fields';
import type { Answers } from '../../../shared/response';
import { surveyMessages } from '../../../web/survey/messages';
import {
  answersFromForm,
  type FieldError,
  renderAnsweredPage,
  renderReceiptPage,
  renderSurveyNotice,
  renderSurveyPage,
  renderUnsubscribePage,
  renderWithdrawAsk,
  renderWithdrawPage,
  type SurveyPageInput,
} from '../../../web/survey/render-survey';
import { parseUnsubscribeToken, unsubscribeToken } from '../../lifecycle/invites';
import { instrumentOf } from '../../reports/campaign-stats';
import type { CampaignRecord } from '../../store/store';
import { limitBody } from '../body-limit';
import type { AppDeps } from '../deps';
import { CampaignClosed, DomainError, InviteUsed, NotFound } from '../errors';
import { hashesEqual, receiptFor, sha256Hex } from '../token-hash';
import { responseRoutes } from './responses';
import { checkInviteUnused, resolveSurvey, type SurveyCaches, surveyCaches, surveyRoutes } from './surveys';

// Server-rendered pages (owned by web), mounted by createApp as `app.route('/', pageRoutes(deps))`. Only the dynamic
// survey pages live here (/s/*); the static pages and assets are files served from dist/web (the local server's
// `deps.assets`, S3 behind CloudFront on AWS).
//
// The plain form post is a thin adapter over the JSON survey routes: it calls them in-process, so a submission without
// JavaScript goes through exactly the same validation, rate limit, receipt and single conditional put as the script's
// fetch does. Nothing about storage is repeated here.

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const MAX_DURATION_S = 7 * 24 * 3600;
/**
 * The plain form's response id, kept by the browser for the survey's path alone. A page the browser fetches again
 * (Back, reload: survey pages are no-store) gets the same id, so sending again is the same response, never a second
 * one. It lives as long as a script's unsent draft (survey.ts DRAFT_MS) and is never stored or logged by the server.
 */
const RESPONSE_COOKIE = 'orgos_response';
const RESPONSE_COOKIE_S = 12 * 3600;

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** `?lang=` when offered, else the best match of Accept-Language, else the campaign's first language. */
export function pickLanguage(
  offered: readonly Language[],
  requested: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  if (isLanguage(requested) && offered.includes(requested)) return requested;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.split('-')[0]!, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) if (isLanguage(r.lang) && offered.includes(r.lang)) return r.lang;
  return offered[0] ?? 'en';
}

/**
 * The posted form. A body that does not parse as its content type claims (a broken multipart: the platform's TypeError)
 * is an empty form, which the pages refuse as they refuse any incomplete one; other errors (the body limit) go on.
 */
const formOf = (c: Context) =>
  c.req.parseBody().catch((error: unknown) => {
    if (error instanceof TypeError) return {} as Record<string, string | File>;
    throw error;
  });

interface ApiResult {
  status: number;
  body: {
    receipt?: string;
    errors?: { field: string; message: string }[];
    detail?: string;
    slug?: string;
    /** A saved draft's code and when it lapses; a restored draft's answers and segment. */
    code?: string;
    expiresAt?: string;
    answers?: Answers;
    responseId?: string | null;
    level?: string | null;
    department?: string | null;
  };
}

export function pageRoutes(deps: AppDeps, caches: SurveyCaches = surveyCaches(deps)): Hono {
  // The JSON routes as an in-process app; its error handler returns the same status and field errors the public API
  // answers with (app.onError), which is all a page needs to choose what to show.
  const api = new Hono();
  api.route('/surveys', surveyRoutes(deps, caches));
  api.route('/responses', responseRoutes(deps));
  api.onError((error, c) => {
    if (error instanceof DomainError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json({ detail: error.message, errors: error.errors, slug: error.slug }, error.status as 400);
    }
    deps.logger?.error('survey page failure', { route: c.req.routePath, error: error.name });
    return c.json({ detail: 'internal error' }, 500);
  });
  const callApi = async (path: string, init: RequestInit, env: unknown): Promise<ApiResult> => {
    const res = await api.request(path, init, env as object);
    const body = res.status === 204 ? {} : ((await res.json().catch(() => ({}))) as ApiResult['body']);
    return { status: res.status, body };
  };

  const keepResponseId = (c: Context, token: string, id: string) =>
    setCookie(c, RESPONSE_COOKIE, id, {
      path: `/s/${token}`,
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.config.publicUrl.startsWith('https:'),
      maxAge: RESPONSE_COOKIE_S,
    });

  // Read per request: the local server learns its address only once it listens.
  const withdrawUrl = () => `${deps.config.publicUrl.replace(/\/+$/, '')}/s/withdraw`;
  /** The campaign a posted survey form belongs to, or the notice page saying why there is none (in `fallback`). */
  const openSurvey = async (
    c: Context,
    token: string,
    fallback: Language,
    now: Date,
  ): Promise<CampaignRecord | Response> => {
    if (!TOKEN.test(token)) return c.html(renderSurveyNotice({ lang: fallback, kind: 'not_found' }), 404);
    try {
      return (await resolveSurvey(deps, token, now)).campaign;
    } catch (error) {
      const n = notice(fallback, error);
      return c.html(n.html, n.status);
    }
  };
  /** What every rendering of a campaign's survey form shares; each route adds its own state (answers, errors). */
  const surveyForm = (campaign: CampaignRecord, lang: Language, token: string, responseId: string) => {
    const instrument = instrumentOf(campaign);
    return {
      instrument,
      ledger: ledgerDesignFor(instrument, campaign.ledger, campaign.departments),
      campaign,
      lang,
      token,
      languages: campaign.languages,
      responseId,
      withdrawUrl: withdrawUrl(),
    };
  };

  const pages = new Hono();
  for (const path of ['/s/*', '/u/*']) {
    pages.use(path, async (c, next) => {
      await next();
      // Survey pages carry a response id and receipts, unsubscribe pages a token: never stored by a browser or a
      // shared cache.
      c.header('Cache-Control', 'no-store');
    });
    pages.post(
      path,
      limitBody({
        maxSize: deps.config.bodyLimitBytes ?? 64 * 1024,
        onError: (c) => c.html(renderSurveyNotice({ lang: 'en', kind: 'failed' }), 413),
      }),
    );
  }

  const notice = (lang: Language, error: unknown) => {
    if (error instanceof CampaignClosed)
      return { html: renderSurveyNotice({ lang, kind: 'closed' }), status: 410 as const };
    if (error instanceof InviteUsed) return { html: renderSurveyNotice({ lang, kind: 'used' }), status: 409 as const };
    if (error instanceof NotFound)
      return { html: renderSurveyNotice({ lang, kind: 'not_found' }), status: 404 as const };
    throw error;
  };

  pages.get('/s/withdraw', (c) => {
    const lang = pickLanguage(LANGUAGES, c.req.query('lang'), c.req.header('accept-language'));
    return c.html(renderWithdrawPage({ lang }));
  });

  pages.post('/s/withdraw', async (c) => {
    const form = await formOf(c);
    const lang = pickLanguage(LANGUAGES, String(form.lang ?? ''), c.req.header('accept-language'));
    const receipt = typeof form.receipt === 'string' ? form.receipt.trim() : '';
    if (!TOKEN.test(receipt)) return c.html(renderWithdrawPage({ lang, result: 'not_found' }), 404);
    // The receipt page's button asks first; a code typed on the withdrawal page is its own confirmation.
    if (form.ask === '1' && form.confirm !== 'yes') return c.html(renderWithdrawAsk({ lang, receipt }));
    const res = await callApi(`/responses/${receipt}`, { method: 'DELETE' }, c.env);
    if (res.status === 204) return c.html(renderWithdrawPage({ lang, result: 'withdrawn' }));
    if (res.status === 404) return c.html(renderWithdrawPage({ lang, result: 'not_found' }), 404);
    if (res.status === 410) return c.html(renderWithdrawPage({ lang, result: 'final' }), 410);
    return c.html(renderSurveyNotice({ lang, kind: 'failed' }), 503);
  });

  // "Answer as another person" on a shared device: a new id for this browser, then the survey afresh (303: a reload
  // of the survey does not post again).
  pages.post('/s/:surveyToken/another', async (c) => {
    const token = c.req.param('surveyToken');
    const form = await formOf(c);
    if (!TOKEN.test(token)) return c.html(renderSurveyNotice({ lang: 'en', kind: 'not_found' }), 404);
    keepResponseId(c, token, crypto.randomUUID());
    const lang = isLanguage(form.lang) ? `?lang=${form.lang}` : '';
    return c.redirect(`/s/${token}${lang}`, 303);
  });

  // A code typed on the survey page: the answers saved on another device, shown in the form to go on with.
  pages.post('/s/:surveyToken/restore', async (c) => {
    const token = c.req.param('surveyToken');
    const form = await formOf(c);
    const fallback = pickLanguage(LANGUAGES, String(form.lang ?? ''), c.req.header('accept-language'));
    const now = deps.clock();
    const open = await openSurvey(c, token, fallback, now);
    if (open instanceof Response) return open;
    const campaign = open;
    const lang = pickLanguage(campaign.languages, String(form.lang ?? ''), undefined);
    const code = typeof form.code === 'string' ? form.code.slice(0, 64) : '';
    const res = await callApi(
      `/surveys/${token}/drafts/restore`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) },
      c.env,
    );
    if (res.status === 410) return c.html(renderSurveyNotice({ lang, kind: 'closed' }), 410);
    const restored = res.status === 200 && res.body.answers;
    const problem = restored
      ? undefined
      : res.status === 404
        ? 'not_found'
        : res.status === 400
          ? 'invalid'
          : res.status === 429
            ? 'too_many'
            : 'failed';
    // The draft's own id when it has one: sent from here or from the device that saved it, the answers are one response.
    let responseId = restored && UUID.test(res.body.responseId ?? '') ? res.body.responseId! : '';
    if (!responseId) responseId = getCookie(c, RESPONSE_COOKIE) ?? '';
    if (!UUID.test(responseId)) responseId = crypto.randomUUID();
    keepResponseId(c, token, responseId);
    return c.html(
      renderSurveyPage({
        ...surveyForm(campaign, lang, token, responseId),
        startedAt: now.getTime(),
        ...(restored
          ? {
              values: { answers: res.body.answers, level: res.body.level, department: res.body.department },
              draft: { code, restored: true },
            }
          : { draft: { problem } }),
      }),
      restored ? 200 : res.status === 429 ? 429 : res.status === 400 ? 400 : res.status === 404 ? 404 : 503,
    );
  });

  pages.get('/s/:surveyToken', async (c) => {
    const token = c.req.param('surveyToken');
    const fallback = pickLanguage(LANGUAGES, c.req.query('lang'), c.req.header('accept-language'));
    if (!TOKEN.test(token)) return c.html(renderSurveyNotice({ lang: fallback, kind: 'not_found' }), 404);
    const now = deps.clock();
    let campaign: CampaignRecord;
    try {
      const resolved = await resolveSurvey(deps, token, now);
      await checkInviteUnused(deps, resolved.link);
      campaign = resolved.campaign;
    } catch (error) {
      const n = notice(fallback, error);
      return c.html(n.html, n.status);
    }
    const lang = pickLanguage(campaign.languages, c.req.query('lang'), c.req.header('accept-language'));
    let responseId = getCookie(c, RESPONSE_COOKIE) ?? '';
    if (UUID.test(responseId)) {
      // This browser's id: once its answers are stored, show that instead of a form that could count them twice.
      const sent = await deps.store.getResponse(sha256Hex(receiptFor(campaign.receiptKey, responseId)));
      if (sent && !sent.withdrawnAt) {
        return c.html(
          renderAnsweredPage({
            lang,
            token,
            campaignName: campaign.name,
            languages: campaign.languages,
            withdrawUrl: withdrawUrl(),
          }),
        );
      }
      // Withdrawn answers keep their id (a retry must not bring them back): this browser starts afresh.
      if (sent) responseId = '';
    }
    if (!UUID.test(responseId)) {
      responseId = crypto.randomUUID();
      keepResponseId(c, token, responseId);
    }
    return c.html(
      renderSurveyPage({
        ...surveyForm(campaign, lang, token, responseId),
        startedAt: now.getTime(),
      }),
    );
  });

  pages.post('/s/:surveyToken', async (c) => {
    const token = c.req.param('surveyToken');
    const form = await formOf(c);
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
    const fallback = pickLanguage(LANGUAGES, field('lang'), c.req.header('accept-language'));
    const now = deps.clock();
    const open = await openSurvey(c, token, fallback, now);
    if (open instanceof Response) return open;
    const campaign = open;
    const lang = pickLanguage(campaign.languages, field('lang'), undefined);
    const m = surveyMessages(lang);
    const instrument = instrumentOf(campaign);
    // No prototype: the field names are the client's (a field named `constructor` or `__proto__` is just a name).
    const fields: Record<string, string | undefined> = Object.create(null);
    for (const [name, value] of Object.entries(form)) if (typeof value === 'string') fields[name] = value;
    const values = answersFromForm(instrument, fields);
    // The ledger step's fields, shown again as typed if the form comes back, and as entries for the API.
    const ledgerValues = Object.fromEntries(Object.entries(fields).filter(([name]) => LEDGER_FIELD.test(name)));
    const ledgerForm = ledgerFromFields(ledgerValues);
    // A form rendered by GET carries its response id; keep it across a re-render so a re-send stays one response.
    const responseId = UUID.test(field('responseId') ?? '') ? field('responseId')! : crypto.randomUUID();
    const startedAt = Number(field('startedAt'));
    // The draft these answers were resumed from or saved to: sent along, so it is deleted once they are counted.
    const draftCode = /^[0-9A-Za-z -]{1,64}$/.test(field('draftCode') ?? '') ? field('draftCode')! : undefined;
    const again = (
      errors: FieldError[],
      status: 200 | 400 | 429 | 503,
      draft: SurveyPageInput['draft'] = draftCode ? { code: draftCode } : undefined,
    ) =>
      c.html(
        renderSurveyPage({
          ...surveyForm(campaign, lang, token, responseId),
          ...(Number.isFinite(startedAt) ? { startedAt } : {}),
          values: { ...values, ledger: ledgerValues },
          errors,
          ...(draft ? { draft } : {}),
        }),
        status,
      );

    if (field('action') === 'draft') {
      // "Continue on another device": the answers so far under a new code, shown once on the same page.
      const saved = await callApi(
        `/surveys/${token}/drafts`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            responseId,
            answers: values.answers,
            ...(values.level ? { level: values.level } : {}),
            ...(values.department && campaign.departments.includes(values.department)
              ? { department: values.department }
              : {}),
          }),
        },
        c.env,
      );
      if (saved.status === 201 && saved.body.code && saved.body.expiresAt) {
        return again([], 200, {
          code: saved.body.code,
          saved: { code: saved.body.code, expiresAt: saved.body.expiresAt },
        });
      }
      if (saved.status === 410) return c.html(renderSurveyNotice({ lang, kind: 'closed' }), 410);
      return again([{ field: 'q', message: m.failed }], saved.status === 429 ? 429 : 503);
    }

    const errors: FieldError[] = [];
    if (Object.keys(values.answers).length === 0) errors.push({ field: 'q', message: m.noAnswers });
    if (!values.level) errors.push({ field: 'level', message: m.levelMissing });
    if (!values.department || !campaign.departments.includes(values.department)) {
      errors.push({ field: 'department', message: m.departmentMissing });
    }
    if (errors.length > 0) return again(errors, 400);

    const durationS = Math.round((now.getTime() - startedAt) / 1000);
    const res = await callApi(
      `/surveys/${token}/responses`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          responseId,
          answers: values.answers,
          level: values.level,
          department: values.department,
          ...(durationS >= 0 && durationS <= MAX_DURATION_S ? { durationS } : {}),
          ...(ledgerForm.ledger ? { ledger: ledgerForm.ledger } : {}),
          ...(draftCode ? { draftCode } : {}),
        }),
      },
      c.env,
    );
    if ((res.status === 200 || res.status === 201) && res.body.receipt) {
      keepResponseId(c, token, responseId);
      return c.html(
        renderReceiptPage({
          lang,
          receipt: res.body.receipt,
          campaignName: campaign.name,
          withdrawUrl: withdrawUrl(),
          closesAt: campaign.closesAt,
        }),
      );
    }
    if (res.status === 409) {
      return c.html(renderSurveyNotice({ lang, kind: res.body.slug === 'invite-used' ? 'used' : 'conflict' }), 409);
    }
    if (res.status === 410) return c.html(renderSurveyNotice({ lang, kind: 'closed' }), 410);
    if (res.status === 400) {
      const apiErrors = (res.body.errors ?? []).map((e) => ({
        // A ledger entry's field names the slot it was typed in (the API counts filled entries only).
        field: formFieldOf(e.field, ledgerForm.slots) ?? e.field.replace(/^answers\./, ''),
        message: e.message,
      }));
      return again(apiErrors.length ? apiErrors : [{ field: 'q', message: m.failed }], 400);
    }
    // Busy, rate limited or failing: show the form again with every answer kept and the same response id, so
    // sending again cannot count twice.
    return again([{ field: 'q', message: m.failed }], res.status === 429 ? 429 : 503);
  });

  // ---- unsubscribe from an invitation's reminders ----------------------------------------------------------------

  /** The invite behind an unsubscribe token, or null: the signature is checked against the campaign's key. */
  const inviteOf = async (token: string) => {
    const parsed = parseUnsubscribeToken(token);
    if (!parsed) return null;
    const invite = await deps.store.getInvite(parsed.inviteId);
    const campaign = invite ? await deps.store.getCampaign(invite.campaignId) : null;
    if (!invite || !campaign || !hashesEqual(unsubscribeToken(campaign, invite.id), token)) return null;
    return { invite, campaign };
  };

  pages.get('/u/:token', async (c) => {
    const token = c.req.param('token');
    const found = await inviteOf(token);
    const offered = found?.campaign.languages ?? LANGUAGES;
    const lang = pickLanguage(offered, c.req.query('lang'), c.req.header('accept-language'));
    if (!found) return c.html(renderUnsubscribePage({ lang, token, result: 'not_found' }), 404);
    if (found.invite.unsubscribedAt) return c.html(renderUnsubscribePage({ lang, token, result: 'done' }));
    return c.html(renderUnsubscribePage({ lang, token }));
  });

  // The page's button and RFC 8058 one-click unsubscribe (`List-Unsubscribe=One-Click`) both post here.
  pages.post('/u/:token', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const found = await inviteOf(token);
    const offered = found?.campaign.languages ?? LANGUAGES;
    const lang = pickLanguage(offered, String(form.lang ?? ''), c.req.header('accept-language'));
    if (!found) return c.html(renderUnsubscribePage({ lang, token, result: 'not_found' }), 404);
    await deps.store.unsubscribeInvite(found.invite.id, deps.clock().toISOString());
    deps.metrics?.addMetric('Unsubscribed', 'Count', 1);
    return c.html(renderUnsubscribePage({ lang, token, result: 'done' }));
  });

  return pages;
}
