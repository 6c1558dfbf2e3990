import { type Context, Hono } from 'hono';
import { frameApp, handleErrors, noStore } from './app-frame';
import type { AppDeps } from './deps';
import type { SurveyCaches } from './routes/surveys';

// The respondent's path: the survey page and its form post, the JSON survey and submission routes, withdrawal, and
// unsubscribing from reminders. Nothing here needs a bearer token, and nothing here reads a report, a token or an
// address list. `createApp` mounts this same piece beside the admin, report and lifecycle routes (the local server
// runs that one app); the respondent Lambda (`respondent-lambda.ts`) runs it alone, so its bundle carries none of them.
//
// Each part is imported on its first request, not at start: a bundler splits dynamic imports into chunks, so a cold
// submission loads the JSON routes (and the instrument and zod with them) but not the page renderer with its three
// languages of text, and a cold `GET /health` loads neither.

/** The paths this piece answers: CloudFront and API Gateway send exactly these to the respondent function. */
export const RESPONDENT_PATHS = { api: ['/api/v1/surveys', '/api/v1/responses'], pages: ['/s', '/u'] } as const;

type Load = () => Promise<Hono>;

/** A sub-app built on its first request (a failed load is not kept), answering with the outer request's env. */
function lazyApp(load: Load): (c: Context) => Promise<Response> {
  let built: Promise<Hono> | undefined;
  return async (c) => {
    built ??= load().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return (await built).fetch(c.req.raw, c.env);
  };
}

/** The respondent routes in two parts, each a Hono app built on demand: the JSON routes and the server-rendered pages. */
export function respondentParts(deps: AppDeps, caches?: SurveyCaches): { json: Load; pages: Load } {
  let shared: Promise<SurveyCaches> | undefined;
  const loadCaches = () => {
    shared ??= caches ? Promise.resolve(caches) : import('./routes/surveys').then((m) => m.surveyCaches(deps));
    return shared;
  };
  // Each part answers its errors with the same mapping as the outer app (problem+json).
  const part =
    (build: (sub: Hono) => Promise<void>): Load =>
    async () => {
      const sub = new Hono();
      sub.use('/api/*', noStore);
      await build(sub);
      handleErrors(sub, deps);
      return sub;
    };
  return {
    json: part(async (sub) => {
      const [{ surveyRoutes }, { responseRoutes }, routeCaches] = await Promise.all([
        import('./routes/surveys'),
        import('./routes/responses'),
        loadCaches(),
      ]);
      sub.route('/api/v1/surveys', surveyRoutes(deps, routeCaches));
      sub.route('/api/v1/responses', responseRoutes(deps));
    }),
    pages: part(async (sub) => {
      const [{ pageRoutes }, routeCaches] = await Promise.all([import('./routes/pages'), loadCaches()]);
      sub.route('/', pageRoutes(deps, routeCaches));
    }),
  };
}

/**
 * Mounts the respondent routes on `app`, each part loaded on its first request. `caches` are the ones the close route
 * drops its campaign from (createApp); without them, the parts make their own on load.
 */
// biome-ignore lint/suspicious/noExplicitAny: mounted on the full app (AppEnv) as on its own (no variables)
export function mountRespondentRoutes(app: Hono<any>, deps: AppDeps, caches?: SurveyCaches): void {
  const parts = respondentParts(deps, caches);
  const json = lazyApp(parts.json);
  const pages = lazyApp(parts.pages);
  // `/x/*` also matches `/x` itself.
  for (const path of RESPONDENT_PATHS.api) app.all(`${path}/*`, json);
  for (const path of RESPONDENT_PATHS.pages) app.all(`${path}/*`, pages);
}

/** The respondent's path alone, in the same frame as the whole app (headers, limits, health, error mapping). */
export function createRespondentApp(deps: AppDeps): Hono {
  const app = new Hono();
  frameApp(app, deps);
  mountRespondentRoutes(app, deps);
  handleErrors(app, deps);
  return app;
}
