import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Gzip size at level 9, the figure size tools (gzip-size, bundlephobia) quote; CDNs compress at about this level. */
export function gzipSize(content: string | Uint8Array): number {
  return gzipSync(typeof content === 'string' ? Buffer.from(content) : content, { level: 9 }).length;
}

export function fileSizes(path: string): { raw: number; gzip: number } {
  const content = readFileSync(path);
  return { raw: content.length, gzip: gzipSize(content) };
}
