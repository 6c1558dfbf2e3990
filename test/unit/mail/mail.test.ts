import { describe, expect, it } from 'vitest';
import { encodeHeaderText, formatAddress, quotedPrintable, toEml } from '../../../functions/mail/mime';
import { invitationMail, reminderMail, reportMail } from '../../../functions/mail/templates';
import { LANGUAGES } from '../../../shared/instrument';
import { decodeQuotedPrintable, parseEml } from '../../mail/eml';

const decodeWords = (v: string) =>
  v
    .split(/\r\n /)
    .map((w) => /^=\?UTF-8\?B\?(.*)\?=$/.exec(w)?.[1])
    .map((b) => Buffer.from(b ?? '', 'base64').toString('utf8'))
    .join('');

describe('MIME', () => {
  it('writes quoted-printable that decodes to the same text, with short lines', () => {
    const text = `Grüße aus Köln = 100%,  \n${'很长的中文句子，'.repeat(20)}\nplain line\t\n`;
    const encoded = quotedPrintable(text);
    for (const line of encoded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(decodeQuotedPrintable(encoded)).toBe(text.replace(/\n/g, '\r\n'));
    // Latin text stays readable.
    expect(encoded).toContain('Gr=C3=BC=C3=9Fe aus K=C3=B6ln =3D 100%');
  });

  it('encodes non-ASCII headers as short encoded words and never lets a header value break the header block', () => {
    expect(encodeHeaderText('Autumn wave')).toBe('Autumn wave');
    const subject = '提醒：秋季调查——我们的工作方式为AI准备好了吗？'.repeat(2);
    const encoded = encodeHeaderText(subject);
    for (const word of encoded.split('\r\n ')) expect(word.length).toBeLessThanOrEqual(75);
    expect(decodeWords(encoded)).toBe(subject);
    expect(formatAddress('dana@example.com', 'Dana "D" Whitfield')).toBe('"Dana D Whitfield" <dana@example.com>');

    const eml = toEml(
      {
        kind: 'report',
        to: { email: 'dana@example.com', name: 'Dana\r\nBcc: eve@example.com' },
        subject: 'Hello\r\nBcc: eve@example.com',
        text: 'Hi',
        html: '<p>Hi</p>',
        headers: { 'List-Unsubscribe': '<mailto:orgos@example.com?subject=unsubscribe>' },
      },
      { from: 'orgos@example.com', date: new Date('2026-03-02T09:00:00Z'), messageId: 'x@example.com', boundary: 'b1' },
    );
    const head = eml.split('\r\n\r\n')[0]!;
    expect(head).not.toMatch(/^Bcc:/m);
    expect(head).toContain('Date: Mon, 02 Mar 2026 09:00:00 +0000');
    const parsed = parseEml('x-report-1.eml', eml);
    expect(parsed.text).toBe('Hi');
    expect(parsed.html).toBe('<p>Hi</p>');
  });

  it('folds encoded subjects and names so that no header line passes 76 characters, the header name included', () => {
    const subject = 'Nordwind Logistik: eine kurze Umfrage dazu, wie wir mit KI arbeiten — Geschäftsführung';
    const name = '魏'.repeat(40);
    const eml = toEml(
      { kind: 'invitation', to: { email: 'wei@example.com', name }, subject, text: 'x', html: 'x', headers: {} },
      { from: 'orgos@example.com', date: new Date('2026-03-02T09:00:00Z'), messageId: 'y@example.com', boundary: 'b2' },
    );
    const head = eml.split('\r\n\r\n')[0]!.split('\r\n');
    for (const line of head.filter((l) => l.includes('=?UTF-8?B?'))) expect(line.length, line).toBeLessThanOrEqual(76);
    const subjectLines = head.slice(head.findIndex((l) => l.startsWith('Subject: ')));
    expect(subjectLines[0]!.length).toBeGreaterThan(70);
    const parsed = parseEml('x-invitation-1.eml', eml);
    expect(parsed.subject).toBe(subject);
    expect(parsed.to).toBe('wei@example.com');
  });
});

describe('mail templates', () => {
  const survey = {
    orgName: 'Northwind <Logistics>',
    campaignName: 'Autumn & wave',
    surveyUrl: 'https://orgos.test/s/abc?lang=en',
    unsubscribeUrl: 'https://orgos.test/u/def',
    closesAt: '2026-03-20T17:00:00.000Z',
    minutes: 9,
    sender: 'orgos@orgos.test',
  };

  it('says its language on the HTML and lets long links wrap on a narrow screen', () => {
    for (const lang of LANGUAGES) {
      const report = reportMail({
        lang,
        orgName: 'Northwind',
        campaignName: 'Autumn wave',
        contactName: 'Dana',
        reportUrl: `https://orgos.test/report.html#campaign=c1&token=${'t'.repeat(43)}`,
        expiresAt: '2026-04-01T09:00:00.000Z',
        responses: 42,
        sender: 'orgos@orgos.test',
      });
      for (const mail of [invitationMail({ ...survey, lang }), report]) {
        expect(mail.html).toContain(`<html lang="${lang}">`);
        for (const a of mail.html.match(/<a [^>]+>/g) ?? []) expect(a).toContain('overflow-wrap:anywhere');
      }
    }
  });

  it('words invitations and reminders in every survey language, with the link, the sender and an unsubscribe line', () => {
    for (const lang of LANGUAGES) {
      for (const mail of [invitationMail({ ...survey, lang }), reminderMail({ ...survey, lang })]) {
        expect(mail.subject.length).toBeGreaterThan(5);
        for (const part of [mail.text, mail.html]) {
          expect(part).toContain('https://orgos.test/s/abc?lang=en');
          expect(part).toContain('https://orgos.test/u/def');
          expect(part).toContain('orgos@orgos.test');
          expect(part).toContain('2026');
        }
        // Names are text, never markup.
        expect(mail.html).toContain('Northwind &lt;Logistics&gt;');
        expect(mail.html).not.toContain('<Logistics>');
      }
    }
    expect(invitationMail({ ...survey, lang: 'de' }).text).toContain('Ihr persönlicher Link');
    expect(reminderMail({ ...survey, lang: 'zh' }).subject).toBe('提醒：Autumn & wave');
  });

  it('words the report mail with the link, its expiry and no one else’s name', () => {
    for (const lang of LANGUAGES) {
      const mail = reportMail({
        lang,
        orgName: 'Northwind',
        campaignName: 'Autumn wave',
        contactName: 'Dana',
        reportUrl: 'https://orgos.test/report.html#campaign=c1&token=t1',
        expiresAt: '2026-04-01T09:00:00.000Z',
        responses: 42,
        sender: 'orgos@orgos.test',
      });
      expect(mail.text).toContain('https://orgos.test/report.html#campaign=c1&token=t1');
      expect(mail.html).toContain('href="https://orgos.test/report.html#campaign=c1&amp;token=t1"');
      expect(mail.text).toContain('42');
      expect(mail.text).toContain('Dana');
    }
  });
});
