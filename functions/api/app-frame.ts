import type { Hono, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { limitBody } from './body-limit';
import type { AppDeps } from './deps';
import { DomainError, type FieldIssue, PayloadTooLarge, problemType } from './errors';

// What every app this project composes shares, whatever routes it carries: security headers, the body limits and
// Cache-Control of the API, `GET /health`, and the one mapping of errors to application/problem+json. `createApp`
// (everything) and `createRespondentApp` (the respondent's path, its own Lambda) are both this frame plus pieces.

const DEFAULT_BODY_LIMIT = 64 * 1024;
const DEFAULT_IMPORT_LIMIT = 4 * 1024 * 1024;

/** Errors of the AWS SDK that mean "try again shortly", not "this request is wrong". */
const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TimeoutError',
  'ServiceUnavailable',
  'InternalServerError',
  'ECONNREFUSED',
  'ECONNRESET',
]);

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldIssue[];
}

function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
  });
}

/**
 * Reports and tokens must not sit in shared caches. Prepared before the answer exists: setting a header on a finished
 * response makes Hono rebuild it, and on the local server that turns its light response into a full web Response
 * (a few percent of a submission's time). A part loaded on first use (respondent-app.ts) answers with a Response of
 * its own, so it runs this too.
 */
export const noStore: MiddlewareHandler = async (c, next) => {
  c.header('Cache-Control', 'no-store');
  await next();
};

/** Security headers, the API's body limits and no-store, and `GET /health`: mounted first, before any route. */
// biome-ignore lint/suspicious/noExplicitAny: any Env: the frame sets no variables of its own
export function frameApp(app: Hono<any>, deps: Pick<AppDeps, 'config'>): void {
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    }),
  );

  const limit = deps.config.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const onTooLarge = (): never => {
    throw new PayloadTooLarge(`the body exceeds the limit for this route`);
  };
  const small = limitBody({ maxSize: limit, onError: onTooLarge });
  // The leadership view carries up to 200 respondents' answers.
  const large = limitBody({ maxSize: limit * 8, onError: onTooLarge });
  // A CSV upload: Lambda takes at most 6 MB of request, base64-encoded by API Gateway.
  const upload = limitBody({ maxSize: deps.config.importLimitBytes ?? DEFAULT_IMPORT_LIMIT, onError: onTooLarge });
  app.use('/api/*', noStore, (c, next) => {
    const path = c.req.path;
    return (path.endsWith('/leadership') ? large : path.endsWith('/imports') ? upload : small)(c, next);
  });

  app.get('/health', (c) => c.json({ status: 'ok' }));
}

/** 404 for a missed route and the one error mapping: mounted last. Never a raw error or a stack to a client. */
// biome-ignore lint/suspicious/noExplicitAny: any Env, as above
export function handleErrors(app: Hono<any>, deps: Pick<AppDeps, 'logger'>): void {
  app.notFound(() =>
    problemResponse({ type: problemType('not-found'), title: 'Not found', status: 404, detail: 'no such route' }),
  );

  app.onError((error, c) => {
    if (error instanceof DomainError) {
      return problemResponse(
        {
          type: problemType(error.slug),
          title: error.title,
          status: error.status,
          detail: error.message,
          ...(error.errors ? { errors: error.errors } : {}),
        },
        error.headers,
      );
    }
    if (error instanceof HTTPException && error.status < 500) {
      // hono's own rejections: malformed JSON (400) and the like.
      const status = error.status as ContentfulStatusCode;
      const malformed = status === 400;
      return problemResponse({
        type: problemType(malformed ? 'validation' : 'not-found'),
        title: malformed ? 'Invalid request' : 'Request rejected',
        status,
        detail: malformed ? 'the body is not valid JSON' : error.message || 'rejected',
        ...(malformed ? { errors: [{ field: 'body', message: 'is not valid JSON' }] } : {}),
      });
    }
    const name = (error as { name?: string; code?: string }).name ?? '';
    const code = (error as { code?: string }).code ?? '';
    // The route pattern, never the path: paths carry survey tokens and receipts.
    const route = c.req.routePath;
    if (TRANSIENT.has(name) || TRANSIENT.has(code)) {
      deps.logger?.warn('transient store failure', { route, error: name || code });
      return problemResponse(
        {
          type: problemType('unavailable'),
          title: 'Temporarily unavailable',
          status: 503,
          detail: 'the database is busy; retry shortly',
        },
        { 'Retry-After': '1' },
      );
    }
    deps.logger?.error('unhandled error', {
      route,
      method: c.req.method,
      error: name,
      message: error.message,
      stack: error.stack,
    });
    return problemResponse({
      type: problemType('internal'),
      title: 'Internal error',
      status: 500,
      detail: 'something went wrong on our side; it has been logged',
    });
  });
}
