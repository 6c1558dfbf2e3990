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
  /** Maximum CSV upload (`POST /campaigns/{id}/imports`) in bytes (default 4 MiB). */
  importLimitBytes?: number;
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
   * The most arrivals after the stored snapshot a report read folds (default 5,000); with more, it answers 202 "being
   * prepared" while the scheduler catches up (reports/campaign-stats.ts).
   */
  reportTailItems?: number;
  /** Arrivals one stretch of the scheduler's fold takes at most (default 10,000; reports/fold-job.ts). */
  foldChunkItems?: number;
  /**
   * How long a submission may use a copy of its campaign that this app instance read earlier (default 2000 ms; 0: read
   * it every time). A close by another instance shows here within this long; published results do not depend on it
   * (routes/surveys.ts `CampaignCache`).
   */
  campaignCacheMs?: number;
  /**
   * A close takes effect this long after it is asked for (default 5000 ms): answers, withdrawals and invitations
   * already under way are counted, none starts after the ask (lifecycle/answer-window.ts). Longer than campaignCacheMs.
   */
  closeGraceMs?: number;
  /**
   * Most invitations (mailed or as links) one campaign may make in all. Default: twice the organisation profile's
   * headcount, or 1,000 without one.
   */
  invitationCap?: number;
  /** Most invitations one campaign may make per clock hour (default 500: one full request). */
  invitationsPerHour?: number;
  /**
   * How long a claim to send one message (an invitation, a contact's report link) holds before another run may take
   * it over (default 60 s): a run killed half-way leaves its claims, and a retry sends those once they lapse.
   */
  mailLeaseMs?: number;
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
