import type { SESv2Client, SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import type { Mailer, MailMessage } from './mailer';
import { formatAddress } from './mime';

/**
 * Amazon SES (API v2) SendEmail with simple content: SES builds the same multipart/alternative message the outbox
 * writes. Simple content rather than raw, because raw content needs ses:SendRawEmail, and the stack grants only
 * ses:SendEmail for the configured sender.
 */
export class SesMailer implements Mailer {
  private sdk?: Promise<{ client: SESv2Client; Command: typeof import('@aws-sdk/client-sesv2').SendEmailCommand }>;

  constructor(readonly sender: string) {}

  async send(message: MailMessage): Promise<void> {
    // Loaded on the first message only: a cold start that sends nothing never loads the SES client.
    this.sdk ??= import('@aws-sdk/client-sesv2').then((sdk) => ({
      client: new sdk.SESv2Client({}),
      Command: sdk.SendEmailCommand,
    }));
    const { client, Command } = await this.sdk;
    const input: SendEmailCommandInput = {
      FromEmailAddress: this.sender,
      // One line: SES takes the address as a value, not as a folded header.
      Destination: { ToAddresses: [formatAddress(message.to.email, message.to.name).replace(/\r\n /g, ' ')] },
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
          Headers: Object.entries(message.headers).map(([Name, Value]) => ({ Name, Value })),
        },
      },
    };
    await client.send(new Command(input));
  }
}
