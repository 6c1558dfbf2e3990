import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppLogger } from '../api/deps';
import type { Mailer, MailMessage } from './mailer';
import { toEml } from './mime';

/**
 * The local server's mail: every message is written as an .eml file under the outbox folder (open it in any mail
 * program) and logged. The file name carries the time and the kind, never the address: a folder listing must not
 * say who was reminded, that is, who has not answered.
 */
export class OutboxMailer implements Mailer {
  constructor(
    readonly sender: string,
    private readonly dir: string,
    private readonly clock: () => Date = () => new Date(),
    private readonly logger?: AppLogger,
  ) {}

  async send(message: MailMessage): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const now = this.clock();
    const id = randomBytes(6).toString('hex');
    const domain = this.sender.slice(this.sender.lastIndexOf('@') + 1) || 'localhost';
    const eml = toEml(message, { from: this.sender, date: now, messageId: `${id}@${domain}`, boundary: `orgos-${id}` });
    const file = `${now.toISOString().replace(/[:.]/g, '-')}-${message.kind}-${id}.eml`;
    // Owner-only: the messages carry personal survey links and report tokens. Written under a temporary name and
    // renamed, so a process killed mid-write leaves no half message in the outbox.
    const partial = join(this.dir, `.${file}.partial`);
    await writeFile(partial, eml, { mode: 0o600 });
    await rename(partial, join(this.dir, file));
    this.logger?.info('mail written to the outbox', { kind: message.kind, file });
  }
}
