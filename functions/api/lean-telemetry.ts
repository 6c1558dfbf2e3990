import type { Context } from 'aws-lambda';
import type { AppLogger, AppMetrics } from './deps';

/**
 * Structured log lines and CloudWatch embedded-metric (EMF) lines without Powertools, for the respondent function:
 * its cold start is the one a respondent waits for, and Powertools' Logger and Metrics are ~20 KiB of its bundle
 * (bench/cold-start.ts). The lines keep Powertools' field names (`level`, `message`, `service`, `cold_start`,
 * `function_request_id`, ...) and its EMF layout (namespace `orgos`, one `service` dimension), so one Logs Insights
 * query and the same metrics serve both kinds of function. The API and scheduler functions keep Powertools
 * (`lambda-telemetry.ts`), whose extra features (sampling, log buffering) they may use.
 */
export class LeanTelemetry {
  private context: Context | undefined;
  private invocations = 0;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly serviceName: string,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  /** Call at the start of every invocation: its context goes on every line logged during it. */
  startInvocation(context: Context): void {
    this.invocations++;
    this.context = context;
  }

  private line(level: 'INFO' | 'WARN' | 'ERROR', message: string, extra: Record<string, unknown> = {}): void {
    const c = this.context;
    this.write(
      `${JSON.stringify({
        level,
        message,
        timestamp: new Date().toISOString(),
        service: this.serviceName,
        cold_start: this.invocations <= 1,
        ...(c
          ? {
              function_name: c.functionName,
              function_memory_size: Number(c.memoryLimitInMB),
              function_arn: c.invokedFunctionArn,
              function_request_id: c.awsRequestId,
            }
          : {}),
        ...(process.env._X_AMZN_TRACE_ID ? { xray_trace_id: process.env._X_AMZN_TRACE_ID } : {}),
        ...extra,
      })}\n`,
    );
  }

  /** One EMF line per invocation with what was counted during it; none when nothing was. */
  publish(): void {
    if (this.counts.size === 0) return;
    const metrics = [...this.counts];
    this.counts.clear();
    this.write(
      `${JSON.stringify({
        _aws: {
          Timestamp: Date.now(),
          CloudWatchMetrics: [
            {
              Namespace: 'orgos',
              Dimensions: [['service']],
              Metrics: metrics.map(([name]) => ({ Name: name, Unit: 'Count' })),
            },
          ],
        },
        service: this.serviceName,
        ...Object.fromEntries(metrics),
      })}\n`,
    );
  }

  appLogger(): AppLogger {
    return {
      info: (message, extra) => this.line('INFO', message, extra),
      warn: (message, extra) => this.line('WARN', message, extra),
      error: (message, extra) => this.line('ERROR', message, extra),
    };
  }

  appMetrics(): AppMetrics {
    return { addMetric: (name, _unit, value) => this.counts.set(name, (this.counts.get(name) ?? 0) + value) };
  }
}
