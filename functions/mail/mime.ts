import type { MailMessage } from './mailer';

// An RFC 5322 message with a multipart/alternative body (plain text first, HTML second), quoted-printable UTF-8.
// Pure: the date, the Message-ID and the boundary come from the caller.

const CRLF = '\r\n';

/** Header values never carry a line break: a name or a subject cannot smuggle in another header. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ').trim();

/** RFC 2047 §2: a line that holds an encoded word is at most 76 characters long. */
const MAX_LINE = 76;
/** And an encoded word itself at most 75. */
const MAX_WORD = 75;
/** `=?UTF-8?B?` and `?=` around the base64. */
const WORD_FRAME = 12;

/** The most UTF-8 bytes whose base64 fits in `room` characters of encoded word. */
const bytesFor = (room: number): number => Math.floor((room - WORD_FRAME) / 4) * 3;

/**
 * RFC 2047 encoded words for non-ASCII header text, folded so that no line exceeds 76 characters: the first word fits
 * after `used` characters already on the line (the header name, `Subject: `), every further one on a line of its own
 * after a space. Words never split a character.
 */
export function encodeHeaderText(value: string, used = 0): string {
  const text = oneLine(value);
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  let budget = bytesFor(Math.min(MAX_WORD, MAX_LINE - used));
  for (const ch of text) {
    if (chunk && Buffer.byteLength(chunk + ch, 'utf8') > budget) {
      words.push(chunk);
      chunk = '';
      budget = bytesFor(MAX_WORD);
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** `"Name" <address>`, or the bare address; an encoded name folds like a subject, the address after it if it fits. */
export function formatAddress(email: string, name?: string, used = 0): string {
  const address = oneLine(email);
  if (!name) return address;
  const clean = oneLine(name).replace(/["\\]/g, '');
  if (/^[\x20-\x7e]*$/.test(clean)) return `"${clean}" <${address}>`;
  const display = encodeHeaderText(clean, used);
  const lastLine = display.split(CRLF).at(-1)!;
  const lastUsed = display.includes(CRLF) ? lastLine.length : used + lastLine.length;
  return lastUsed + address.length + 3 <= MAX_LINE ? `${display} <${address}>` : `${display}${CRLF} <${address}>`;
}

const hex = (b: number) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Quoted-printable (RFC 2045): readable for Latin text, exact for any UTF-8, lines of at most 76 characters. */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map((line) => {
      const bytes = Buffer.from(line, 'utf8');
      const tokens: string[] = [];
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
        tokens.push(plain ? String.fromCharCode(b) : hex(b));
      });
      let out = '';
      let current = '';
      for (const token of tokens) {
        if (current.length + token.length > 75) {
          out += `${current}=${CRLF}`;
          current = '';
        }
        current += token;
      }
      return out + current;
    })
    .join(CRLF);
}

export interface Envelope {
  from: string;
  date: Date;
  /** Without the angle brackets. */
  messageId: string;
  boundary: string;
}

/** RFC 5322 date in UTC, e.g. "Mon, 02 Mar 2026 09:00:00 +0000". */
export function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

export function toEml(message: MailMessage, envelope: Envelope): string {
  const headers = [
    `From: ${formatAddress(envelope.from)}`,
    `To: ${formatAddress(message.to.email, message.to.name, 'To: '.length)}`,
    `Subject: ${encodeHeaderText(message.subject, 'Subject: '.length)}`,
    `Date: ${rfc5322Date(envelope.date)}`,
    `Message-ID: <${oneLine(envelope.messageId)}>`,
    'MIME-Version: 1.0',
    ...Object.entries(message.headers).map(([name, value]) => `${name}: ${oneLine(value)}`),
    `Content-Type: multipart/alternative; boundary="${envelope.boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [
      `--${envelope.boundary}`,
      `Content-Type: ${type}; charset=utf-8`,
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(body),
    ].join(CRLF);
  return [
    headers.join(CRLF),
    '',
    part('text/plain', message.text),
    part('text/html', message.html),
    `--${envelope.boundary}--`,
    '',
  ].join(CRLF);
}
