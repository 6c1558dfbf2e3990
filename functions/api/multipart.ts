// multipart/form-data read as it arrives (RFC 7578): each part's headers, then its bytes in pieces, so a file part goes
// into the CSV reader without the upload being held whole. Only what an upload form sends: name, filename, type.
import { ValidationFailed } from './errors';

export interface PartInfo {
  name: string;
  filename: string | null;
  type: string | null;
}

export interface PartHandler {
  start(part: PartInfo): void;
  data(bytes: Uint8Array): void;
  end(): void;
}

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');
/** Part headers longer than this are not from a form. */
const MAX_HEADERS = 8 * 1024;

/** The boundary of a multipart/form-data content type, or null. */
export function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]!) : null;
}

function partInfo(headers: string): PartInfo {
  const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1];
  const name = disposition && /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined || name === null || !disposition) {
    throw new ValidationFailed([{ field: 'body', message: 'a multipart part without a form-data name' }]);
  }
  const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
  const type = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim() ?? null;
  return { name, filename, type };
}

const malformed = (message: string) => new ValidationFailed([{ field: 'body', message }]);

/** Reads `body` as multipart/form-data with `boundary`, handing each part to `handler` as it arrives. */
export async function readMultipart(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  handler: PartHandler,
): Promise<void> {
  const first = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let buffer = Buffer.alloc(0);
  type State = 'preamble' | 'headers' | 'body' | 'after' | 'done';
  // Set inside `step`: typed wide, so the checks after it are not narrowed away.
  let state = 'preamble' as State;
  const step = (final: boolean): boolean => {
    if (state === 'preamble') {
      const at = buffer.indexOf(first);
      if (at < 0) return false;
      buffer = buffer.subarray(at + first.length);
      state = 'after';
      return true;
    }
    if (state === 'after') {
      if (buffer.length < 2) return false;
      if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
        state = 'done';
        return false;
      }
      if (!buffer.subarray(0, 2).equals(CRLF)) throw malformed('a multipart boundary not followed by a line end');
      buffer = buffer.subarray(2);
      state = 'headers';
      return true;
    }
    if (state === 'headers') {
      const end = buffer.indexOf(HEADERS_END);
      if (end < 0) {
        if (buffer.length > MAX_HEADERS) throw malformed('multipart part headers too long');
        return false;
      }
      handler.start(partInfo(buffer.subarray(0, end).toString('utf8')));
      buffer = buffer.subarray(end + HEADERS_END.length);
      state = 'body';
      return true;
    }
    if (state === 'body') {
      const at = buffer.indexOf(delimiter);
      if (at >= 0) {
        if (at > 0) handler.data(buffer.subarray(0, at));
        handler.end();
        buffer = buffer.subarray(at + delimiter.length);
        state = 'after';
        return true;
      }
      // Keep what could be the start of a delimiter cut by the chunk's end; give out the rest.
      const keep = Math.min(buffer.length, delimiter.length - 1);
      if (buffer.length > keep) {
        handler.data(buffer.subarray(0, buffer.length - keep));
        buffer = buffer.subarray(buffer.length - keep);
      }
      if (final) throw malformed('the multipart body ends inside a part');
      return false;
    }
    return false;
  };
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer = buffer.length === 0 ? Buffer.from(value) : Buffer.concat([buffer, value]);
    while (step(done)) {}
    if (done) break;
    if (state === 'done') {
      await reader.cancel();
      break;
    }
  }
  if (state !== 'done') throw malformed('the multipart body has no closing boundary');
}
