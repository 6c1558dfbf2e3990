import { Hono } from 'hono';
import { frameApp, handleErrors } from './app-frame';
import { type AppEnv, authenticate } from './auth';
import type { AppDeps } from './deps';
import { enforcePolicy } from './policy';
import { mountRespondentRoutes } from './respondent-app';
import { accountRoutes, campaignAccountRoutes, portfolioRoutes } from './routes/account';
import { authRoutes } from './routes/auth';
import { campaignRoutes } from './routes/campaigns';
import { compareRoutes } from './routes/compare';
import { importRoutes } from './routes/imports';
import { orgRoutes } from './routes/orgs';
import { participationRoutes } from './routes/participation';
import { glanceRoutes } from './routes/portfolio';
import { surveyCaches } from './routes/surveys';
import { tokenRoutes } from './routes/tokens';
import { userRoutes } from './routes/users';
import { viewerLinkRoutes } from './routes/viewer-links';
import { waveRoutes } from './routes/waves';

export type { AppDeps } from './deps';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Security headers, body limits, no-store on the API, health (app-frame.ts).
  frameApp(app, deps);
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
  app.use('/api/v1/portfolio/*', auth);
  // Route × role, from the one table (policy.ts), in front of every protected route.
  enforcePolicy(app);

  // One set per app: the JSON and form submissions share them, and a close drops its campaign's copy.
  const caches = surveyCaches(deps);
  app.route('/api/v1/orgs', orgRoutes(deps));
  // The operating account lives under its organisation (issue 11).
  app.route('/api/v1/orgs', accountRoutes(deps));
  app.route('/api/v1/campaigns', campaignAccountRoutes(deps));
  app.route('/api/v1/portfolio', portfolioRoutes(deps));
  app.route('/api/v1/portfolio', glanceRoutes(deps));
  app.route('/api/v1/tokens', tokenRoutes(deps));
  app.route('/api/v1/campaigns', campaignRoutes(deps, caches.campaigns));
  app.route('/api/v1/campaigns', importRoutes(deps));
  app.route('/api/v1/compare', compareRoutes(deps));
  app.route('/api/v1/users', userRoutes(deps));
  app.route('/api/v1/campaigns', viewerLinkRoutes(deps));
  app.route('/api/v1/campaigns', waveRoutes(deps));
  app.route('/api/v1/campaigns', participationRoutes(deps));
  app.route('/api/v1/auth', authRoutes(deps));
  // The respondent's path, the same piece the respondent Lambda runs alone (respondent-app.ts).
  mountRespondentRoutes(app, deps, caches);
  if (deps.assets) app.use('*', deps.assets);

  handleErrors(app, deps);

  return app;
}
