import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { AppLogger, AppMetrics } from './deps';

/** Powertools' Logger, able to say that its first use came after the cold start (see `LambdaTelemetry.logger`). */
class LambdaLogger extends Logger {
  /** Consumes the cold-start flag that the next `addContext` would otherwise stamp on its lines. */
  markWarm(): void {
    this.getColdStart();
  }
}

/**
 * Powertools' Logger and Metrics for a Lambda entry, built on the first log line or metric rather than at init: most
 * requests (health, pages, reads) log and count nothing, and building the two (their console over stdout, their
 * configuration from the environment) took a cold start a few milliseconds.
 */
export class LambdaTelemetry {
  private context: Context | undefined;
  private invocations = 0;
  private builtLogger: LambdaLogger | undefined;
  private builtMetrics: Metrics | undefined;

  constructor(private readonly serviceName: string) {}

  /** Call at the start of every invocation: its context goes on every line logged during it. */
  startInvocation(context: Context): void {
    this.invocations++;
    this.context = context;
    this.builtLogger?.addContext(context);
  }

  get logger(): Logger {
    if (!this.builtLogger) {
      const logger = new LambdaLogger({ serviceName: this.serviceName });
      // Built during a later invocation of this environment: its lines must not claim a cold start.
      if (this.invocations > 1) logger.markWarm();
      if (this.context) logger.addContext(this.context);
      this.builtLogger = logger;
    }
    return this.builtLogger;
  }

  get metrics(): Metrics {
    this.builtMetrics ??= new Metrics({ namespace: 'orgos', serviceName: this.serviceName });
    return this.builtMetrics;
  }

  /** One EMF line per invocation with what was counted during it; none when nothing was. */
  publish(): void {
    if (this.builtMetrics?.hasStoredMetrics()) this.builtMetrics.publishStoredMetrics();
  }

  /** The app's logger and metrics ports over these. */
  appLogger(): AppLogger {
    return {
      info: (message, extra) => this.logger.info(message, extra ?? {}),
      warn: (message, extra) => this.logger.warn(message, extra ?? {}),
      error: (message, extra) => this.logger.error(message, extra ?? {}),
    };
  }

  appMetrics(): AppMetrics {
    return { addMetric: (name, unit, value) => this.metrics.addMetric(name, unit, value) };
  }
}
