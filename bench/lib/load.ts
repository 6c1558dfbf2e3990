// autocannon, typed locally (it ships no types) and loaded through require like dynalite.
import { createRequire } from 'node:module';

export interface LoadRequest {
  method: 'POST' | 'GET';
  path: string;
  headers?: Record<string, string>;
  /** Called for every request: return it with a fresh body (e.g. a unique responseId). */
  setupRequest?: (req: LoadRequest) => LoadRequest & { body?: string };
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  requests: LoadRequest[];
}

export interface LoadResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  latency: { p50: number; p99: number };
}

type Autocannon = (options: LoadOptions & { setupClient?: unknown }) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Drives `url` for `duration` seconds; resolves with the counts (autocannon's own result). */
export const load = (options: LoadOptions): Promise<LoadResult> => autocannon(options);
