// The mail port: what the lifecycle needs to send a message. `outbox-mailer.ts` writes .eml files (the local server),
// `ses-mailer.ts` sends through Amazon SES (Lambda).

export type MailKind = 'invitation' | 'reminder' | 'report' | 'sign-in' | 'review-reminder';

export interface MailMessage {
  kind: MailKind;
  to: { email: string; name?: string };
  subject: string;
  /** The plain-text and HTML versions of the same message (multipart/alternative). */
  text: string;
  html: string;
  /** Extra headers: List-Unsubscribe and List-Unsubscribe-Post. */
  headers: Record<string, string>;
}

export interface Mailer {
  /** The From address; the only one the deployment may send from. */
  readonly sender: string;
  send(message: MailMessage): Promise<void>;
}
