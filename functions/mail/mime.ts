import type { MailMessage } from './mailer';

// An RFC 5322 message with a multipart/alternative body (plain text first, HTML second), quoted-printable UTF-8.
// Pure: the date, the Message-ID and the boundary come from the caller.

const CRLF = '\r\n';

/** Header values never carry a line break: a name or a subject cannot smuggle in another header. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ').trim();

/** RFC 2047 encoded words for non-ASCII header text, split so that no word exceeds 75 characters. */
export function encodeHeaderText(value: string): string {
  const text = oneLine(value);
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    // 45 bytes of UTF-8 make 60 characters of base64, inside the 75-character limit with the =?UTF-8?B?…?= frame.
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** `"Name" <address>`, or the bare address. */
export function formatAddress(email: string, name?: string): string {
  const address = oneLine(email);
  if (!name) return address;
  const clean = oneLine(name).replace(/["\\]/g, '');
  const display = /^[\x20-\x7e]*$/.test(clean) ? `"${clean}"` : encodeHeaderText(clean);
  return `${display} <${address}>`;
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
    `To: ${formatAddress(message.to.email, message.to.name)}`,
    `Subject: ${encodeHeaderText(message.subject)}`,
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
