import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type AppEnv, authenticate } from './auth';
import { limitBody } from './body-limit';
import type { AppDeps } from './deps';
import { DomainError, type FieldIssue, PayloadTooLarge, problemType } from './errors';
import { enforcePolicy } from './policy';
import { authRoutes } from './routes/auth';
import { campaignRoutes } from './routes/campaigns';
import { compareRoutes } from './routes/compare';
import { orgRoutes } from './routes/orgs';
import { pageRoutes } from './routes/pages';
import { responseRoutes } from './routes/responses';
import { surveyCaches, surveyRoutes } from './routes/surveys';
import { tokenRoutes } from './routes/tokens';
import { userRoutes } from './routes/users';
import { viewerLinkRoutes } from './routes/viewer-links';

export type { AppDeps } from './deps';

const DEFAULT_BODY_LIMIT = 64 * 1024;

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

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

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
  app.use('/api/*', async (c, next) => {
    // Reports and tokens must not sit in shared caches.
    c.header('Cache-Control', 'no-store');
    return (c.req.path.endsWith('/leadership') ? large : small)(c, next);
  });

  app.get('/health', (c) => c.json({ status: 'ok' }));
  // The API description is loaded and built on its first request, not at start: it turns every schema into JSON
  // Schema, work that no other request needs. Kept per public URL (the local server learns its own once listening).
  let described: { url: string; document: Record<string, unknown>; page: string } | undefined;
  const description = async () => {
    const url = deps.config.publicUrl;
    if (described?.url !== url) {
      const { docsPage, openApiDocument } = await import('./openapi');
      described = { url, document: openApiDocument(url), page: docsPage() };
    }
    return described;
  };
  app.get('/api/openapi.json', async (c) => c.json((await description()).document));
  app.get('/api/docs', async (c) => c.html((await description()).page));

  const auth = authenticate(deps);
  // `/x/*` also matches `/x` itself.
  app.use('/api/v1/orgs/*', auth);
  app.use('/api/v1/tokens/*', auth);
  app.use('/api/v1/campaigns/*', auth);
  app.use('/api/v1/compare/*', auth);
  app.use('/api/v1/users/*', auth);
  // Route × role, from the one table (policy.ts), in front of every protected route.
  enforcePolicy(app);

  // One set per app: the JSON and form submissions share them, and a close drops its campaign's copy.
  const caches = surveyCaches(deps);
  app.route('/api/v1/orgs', orgRoutes(deps));
  app.route('/api/v1/tokens', tokenRoutes(deps));
  app.route('/api/v1/campaigns', campaignRoutes(deps, caches.campaigns));
  app.route('/api/v1/compare', compareRoutes(deps));
  app.route('/api/v1/users', userRoutes(deps));
  app.route('/api/v1/campaigns', viewerLinkRoutes(deps));
  app.route('/api/v1/auth', authRoutes(deps));
  app.route('/api/v1/surveys', surveyRoutes(deps, caches));
  app.route('/api/v1/responses', responseRoutes(deps));
  app.route('/', pageRoutes(deps, caches));
  if (deps.assets) app.use('*', deps.assets);

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

  return app;
}
