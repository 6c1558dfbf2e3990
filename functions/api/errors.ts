// Typed errors of the API. One `app.onError` maps them to application/problem+json (RFC 9457); nothing else reaches
// a client, and never a stack.

export interface FieldIssue {
  field: string;
  message: string;
}

/** Problem types resolve to the section of the API docs page that explains them. */
export const problemType = (slug: string): string => `/api/docs#problem-${slug}`;

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;
  abstract readonly title: string;
  readonly errors?: FieldIssue[];
  /** Extra headers (Retry-After, WWW-Authenticate). */
  readonly headers: Record<string, string> = {};

  constructor(detail: string, options?: { cause?: unknown; errors?: FieldIssue[] }) {
    super(detail, options?.cause === undefined ? undefined : { cause: options.cause });
    if (options?.errors) this.errors = options.errors;
  }
}

export class ValidationFailed extends DomainError {
  override name = 'ValidationFailed';
  readonly status = 400;
  readonly slug = 'validation';
  readonly title = 'Invalid request';
  constructor(errors: FieldIssue[], detail?: string) {
    super(detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  }
}

export class Unauthenticated extends DomainError {
  override name = 'Unauthenticated';
  readonly status = 401;
  readonly slug = 'unauthenticated';
  readonly title = 'Authentication required';
  override readonly headers = { 'WWW-Authenticate': 'Bearer realm="orgos"' };
}

export class Forbidden extends DomainError {
  override name = 'Forbidden';
  readonly status = 403;
  readonly slug = 'forbidden';
  readonly title = 'Not allowed for this role';
}

/** A cookie-authenticated change that another site could have caused (CSRF), or a sign-in from another origin. */
export class CrossSiteRefused extends DomainError {
  override name = 'CrossSiteRefused';
  readonly status = 403;
  readonly slug = 'cross-site';
  readonly title = 'Cross-site request refused';
}

export class NotFound extends DomainError {
  override name = 'NotFound';
  readonly status = 404;
  readonly slug = 'not-found';
  readonly title = 'Not found';
}

export class Conflict extends DomainError {
  override name = 'Conflict';
  readonly status = 409;
  readonly slug = 'conflict';
  readonly title = 'Conflict';
}

/** A single-use invitation whose link already answered. */
export class InviteUsed extends DomainError {
  override name = 'InviteUsed';
  readonly status = 409;
  readonly slug = 'invite-used';
  readonly title = 'Invitation already used';
}

/** A withdrawal after the campaign closed: the published results do not change any more. */
export class ResultsFinal extends DomainError {
  override name = 'ResultsFinal';
  readonly status = 410;
  readonly slug = 'results-final';
  readonly title = 'Results are final';
}

export class CampaignClosed extends DomainError {
  override name = 'CampaignClosed';
  readonly status = 410;
  readonly slug = 'campaign-closed';
  readonly title = 'Campaign closed';
}

/** The campaign made as many invitations as it may: more would make it a mail relay (or a padding machine). */
export class InvitationCapReached extends DomainError {
  override name = 'InvitationCapReached';
  readonly status = 409;
  readonly slug = 'invitation-cap';
  readonly title = 'Invitation cap reached';
}

/** An organisation that still has campaigns: they hold (or may hold) answers, so they go first, or the org is archived. */
export class OrgHasCampaigns extends DomainError {
  override name = 'OrgHasCampaigns';
  readonly status = 409;
  readonly slug = 'org-has-campaigns';
  readonly title = 'Organisation has campaigns';
}

/** A campaign with stored answers (or a published report) is kept: it can be archived, not deleted. */
export class CampaignHasResponses extends DomainError {
  override name = 'CampaignHasResponses';
  readonly status = 409;
  readonly slug = 'campaign-has-responses';
  readonly title = 'Campaign has responses';
}

/** Departments are the segments answers were given in: fixed once the first answer is stored. */
export class DepartmentsLocked extends DomainError {
  override name = 'DepartmentsLocked';
  readonly status = 409;
  readonly slug = 'departments-locked';
  readonly title = 'Departments locked';
}

/** A closed (or closing) campaign's settings are final: only its name and archive state change. */
export class SettingsLocked extends DomainError {
  override name = 'SettingsLocked';
  readonly status = 409;
  readonly slug = 'settings-locked';
  readonly title = 'Campaign settings locked';
  constructor(errors: FieldIssue[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  }
}

/** A language invitations were mailed in: their links and reminders are in it, so it stays offered. */
export class LanguageInUse extends DomainError {
  override name = 'LanguageInUse';
  readonly status = 409;
  readonly slug = 'language-in-use';
  readonly title = 'Language in use';
  constructor(errors: FieldIssue[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  }
}

/** Only a closed campaign can be archived: an archived one that still took answers would be out of sight. */
export class CampaignOpen extends DomainError {
  override name = 'CampaignOpen';
  readonly status = 409;
  readonly slug = 'campaign-open';
  readonly title = 'Campaign open';
}

export class PayloadTooLarge extends DomainError {
  override name = 'PayloadTooLarge';
  readonly status = 413;
  readonly slug = 'payload-too-large';
  readonly title = 'Request body too large';
}

export class UnsupportedMediaType extends DomainError {
  override name = 'UnsupportedMediaType';
  readonly status = 415;
  readonly slug = 'unsupported-media-type';
  readonly title = 'Unsupported media type';
}

export class TooManyRequests extends DomainError {
  override name = 'TooManyRequests';
  readonly status = 429;
  readonly slug = 'rate-limited';
  readonly title = 'Too many requests';
  constructor(detail: string, retryAfterS: number) {
    super(detail);
    this.headers['Retry-After'] = String(Math.max(1, Math.ceil(retryAfterS)));
  }
}

export class ServiceUnavailable extends DomainError {
  override name = 'ServiceUnavailable';
  readonly status = 503;
  readonly slug = 'unavailable';
  readonly title = 'Temporarily unavailable';
  constructor(detail: string, options?: { cause?: unknown; retryAfterS?: number }) {
    super(detail, options);
    this.headers['Retry-After'] = String(options?.retryAfterS ?? 1);
  }
}

/**
 * The report's snapshot is further behind than a request may fold (reports/campaign-stats.ts): the scheduler is
 * catching up, and this request stored one more stretch of it. Not a failure: 202 Accepted, ask again after Retry-After.
 */
export class ReportPreparing extends DomainError {
  override name = 'ReportPreparing';
  readonly status = 202;
  readonly slug = 'report-preparing';
  readonly title = 'Report being prepared';
  constructor(detail: string, retryAfterS = 5) {
    super(detail);
    this.headers['Retry-After'] = String(retryAfterS);
  }
}

/** Every problem type the API can answer, for the docs page. */
export const PROBLEM_TYPES: { slug: string; status: number; title: string; when: string }[] = [
  {
    slug: 'report-preparing',
    status: 202,
    title: 'Report being prepared',
    when: 'a report, CSV or comparison of a campaign whose responses are still being counted (a large campaign just after it closed); ask again after Retry-After seconds',
  },
  {
    slug: 'validation',
    status: 400,
    title: 'Invalid request',
    when: 'a field is missing, unknown or out of range; `errors` names each field',
  },
  {
    slug: 'unauthenticated',
    status: 401,
    title: 'Authentication required',
    when: 'no API key or session, or an unknown, expired or revoked one',
  },
  {
    slug: 'forbidden',
    status: 403,
    title: 'Not allowed for this role',
    when: 'the role may not use this route (policy.ts), or the key is read-only or for another campaign',
  },
  {
    slug: 'cross-site',
    status: 403,
    title: 'Cross-site request refused',
    when: 'a page session changed something without its X-CSRF-Token header, or from another site or origin',
  },
  {
    slug: 'not-found',
    status: 404,
    title: 'Not found',
    when: "no such resource, or it belongs to an organisation outside the token's scope",
  },
  {
    slug: 'method-not-allowed',
    status: 405,
    title: 'Method not allowed',
    when: 'the path exists but not with this method',
  },
  {
    slug: 'conflict',
    status: 409,
    title: 'Conflict',
    when: 'a response id was already used with other answers, or the response was withdrawn',
  },
  {
    slug: 'invite-used',
    status: 409,
    title: 'Invitation already used',
    when: 'a single-use invitation link that has already been used to answer',
  },
  {
    slug: 'campaign-closed',
    status: 410,
    title: 'Campaign closed',
    when: 'the campaign was closed or its closing time has passed: no answers, invitations or reminders',
  },
  {
    slug: 'results-final',
    status: 410,
    title: 'Results are final',
    when: 'a withdrawal after the campaign closed: its results are published and no longer change',
  },
  {
    slug: 'invitation-cap',
    status: 409,
    title: 'Invitation cap reached',
    when: "the campaign made as many invitations as it may (twice the profile's headcount, or the deployment's cap)",
  },
  {
    slug: 'org-has-campaigns',
    status: 409,
    title: 'Organisation has campaigns',
    when: 'deleting an organisation that still has campaigns: delete or archive them first (or archive the organisation)',
  },
  {
    slug: 'campaign-has-responses',
    status: 409,
    title: 'Campaign has responses',
    when: 'deleting a campaign that holds responses or imported rows, or whose report was sent: archive it instead',
  },
  {
    slug: 'departments-locked',
    status: 409,
    title: 'Departments locked',
    when: "changing a campaign's departments once a response (or an imported row) is stored",
  },
  {
    slug: 'settings-locked',
    status: 409,
    title: 'Campaign settings locked',
    when: 'changing the close date, reminders, languages, open link or departments of a closed or closing campaign; `errors` names each field',
  },
  {
    slug: 'language-in-use',
    status: 409,
    title: 'Language in use',
    when: 'removing a language invitations of the open campaign were mailed in (their links and reminders are in it)',
  },
  {
    slug: 'campaign-open',
    status: 409,
    title: 'Campaign open',
    when: 'archiving a campaign that is still open: close it first',
  },
  { slug: 'payload-too-large', status: 413, title: 'Request body too large', when: 'the body exceeds the size limit' },
  {
    slug: 'unsupported-media-type',
    status: 415,
    title: 'Unsupported media type',
    when: 'a body that is not application/json',
  },
  {
    slug: 'rate-limited',
    status: 429,
    title: 'Too many requests',
    when: 'too many survey submissions, or failed sign-in attempts or wrong saved-answers codes, from one client; invitations past the hourly limit',
  },
  {
    slug: 'internal',
    status: 500,
    title: 'Internal error',
    when: 'an unexpected failure; it is logged, nothing of it is shown',
  },
  {
    slug: 'unavailable',
    status: 503,
    title: 'Temporarily unavailable',
    when: 'the database throttled or timed out, or mail is not configured; retry after Retry-After seconds',
  },
];
