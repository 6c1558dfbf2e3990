import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

// Reading the outbox back: the .eml files the local mailer writes, parsed just enough for the tests.

export interface ParsedMail {
  file: string;
  kind: string;
  headers: Record<string, string>;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Decodes RFC 2047 encoded words (base64 UTF-8) in a header value. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

export function decodeQuotedPrintable(body: string): string {
  const soft = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export function parseEml(file: string, raw: string): ParsedMail {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  const headers: Record<string, string> = {};
  let last = '';
  for (const line of head.split('\r\n')) {
    if (/^\s/.test(line)) headers[last] += ` ${line.trim()}`;
    else {
      const i = line.indexOf(':');
      last = line.slice(0, i);
      headers[last] = line.slice(i + 1).trim();
    }
  }
  const boundary = /boundary="([^"]+)"/.exec(headers['Content-Type'] ?? '')?.[1] ?? '';
  const parts = body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => {
      const [partHead = '', ...partBody] = p.replace(/^\r\n/, '').replace(/\r\n$/, '').split('\r\n\r\n');
      return {
        type: /Content-Type: ([^;]+)/.exec(partHead)?.[1] ?? '',
        body: decodeQuotedPrintable(partBody.join('\r\n\r\n')),
      };
    });
  return {
    file,
    kind: /-(invitation|reminder|report|sign-in)-/.exec(file)?.[1] ?? '',
    headers,
    to: /<([^>]+)>/.exec(headers.To ?? '')?.[1] ?? headers.To ?? '',
    subject: decodeWords(headers.Subject ?? ''),
    text: parts.find((p) => p.type === 'text/plain')?.body ?? '',
    html: parts.find((p) => p.type === 'text/html')?.body ?? '',
  };
}

/** Every message in the outbox folder, oldest first. */
export async function readOutbox(dir: string): Promise<ParsedMail[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (f) => parseEml(f, await readFile(join(dir, f), 'utf8'))));
}

/** The first address in a text that starts with `prefix`. */
export function linkIn(text: string, prefix: string): string {
  const match = text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^\\s"<>]+`));
  if (!match) throw new Error(`no link starting with ${prefix}`);
  return match[0];
}

/** Messages that arrive in the outbox from now on: each call returns those not returned before. */
export async function outboxWatch(dir: string): Promise<() => Promise<ParsedMail[]>> {
  const seen = new Set((await readOutbox(dir)).map((m) => m.file));
  return async () => {
    const fresh = (await readOutbox(dir)).filter((m) => !seen.has(m.file));
    for (const m of fresh) seen.add(m.file);
    return fresh;
  };
}
