import type { MiddlewareHandler } from 'hono';
import type { FailureThrottle } from '../auth/failure-throttle';
import type { OidcSettings } from '../auth/oidc';
import type { Mailer } from '../mail/mailer';
import type { Store } from '../store/store';

/** Structured logging; Powertools' Logger fits, and so does a console shim. */
export interface AppLogger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

/** Powertools' Metrics fits (`MetricUnit.Count` is the string 'Count'). */
export interface AppMetrics {
  addMetric(name: string, unit: 'Count', value: number): void;
}

export interface AppConfig {
  /** Origin the survey and report links are built on, without a trailing slash. */
  publicUrl: string;
  /**
   * The bootstrap admin token. A function when it has to be fetched (Secrets Manager on AWS); it is called once per
   * request that presents a token not found in the table, so the caller caches.
   */
  adminToken?: string | (() => Promise<string | undefined>);
  /** Maximum request body in bytes (default 64 KiB; the leadership view allows 8 times that). */
  bodyLimitBytes?: number;
  /** Responses of one campaign are spread over this many partitions (default 8); fixed per campaign at creation. */
  responseShards?: number;
  /**
   * The report cursor trails the clock by this much (default 60 s): longer than a write can take (the Lambda timeout),
   * so no response or withdrawal can land behind a stored snapshot.
   */
  snapshotSafetyMs?: number;
  /** A report read refreshes the stored snapshot when at least this many stream items fall before the new cursor. */
  snapshotRefreshItems?: number;
  /**
   * How long a submission may use a copy of its campaign that this app instance read earlier (default 2000 ms; 0: read
   * it every time). A close by another instance shows here within this long; published results do not depend on it
   * (routes/surveys.ts `CampaignCache`).
   */
  campaignCacheMs?: number;
  /** A sign-in request answers after at least this long (default 250 ms), mail or none; tests set 0. */
  signInFloorMs?: number;
  /** Sign-in through the deployment's identity provider (OpenID Connect); absent: e-mail links only. */
  oidc?: OidcSettings;
}

export interface AppDeps {
  store: Store;
  clock: () => Date;
  /** Ids of organisations, campaigns, tokens (not secret). */
  newId: () => string;
  /** A secret of at least 128 bits, URL-safe (32 random bytes base64url in production). */
  randomToken: () => string;
  config: AppConfig;
  /** Invitations, reminders and report links (SES on AWS, the outbox folder locally); absent: nothing can be mailed. */
  mailer?: Mailer;
  logger?: AppLogger;
  metrics?: AppMetrics;
  /** Throttles failed authentication per client (429 with Retry-After); absent: not throttled (tests). */
  authFailures?: FailureThrottle;
  /** Runs before a survey submission is read: the local server's per-client rate limit. */
  submissionGuard?: MiddlewareHandler;
  /** Serves static files after every route missed (the local server's `dist/web`; CloudFront does it on AWS). */
  assets?: MiddlewareHandler;
}
