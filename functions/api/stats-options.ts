import type { StatsOptions } from '../reports/campaign-stats';
import type { AppDeps } from './deps';

export const statsOptions = (deps: Pick<AppDeps, 'config'>): StatsOptions => ({
  safetyMs: deps.config.snapshotSafetyMs ?? 60_000,
  refreshItems: deps.config.snapshotRefreshItems ?? 100,
  ...(deps.config.reportTailItems === undefined ? {} : { maxTailItems: deps.config.reportTailItems }),
});
