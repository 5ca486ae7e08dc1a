/**
 * Mail, for whoever the bot cannot reach in Teams: the app says what to tell whom; the Graph
 * adapter renders the mail from the same notice the card is rendered from, and sends it from
 * the service mailbox (`MAIL_SENDER`).
 */
import type { Notice } from './messenger';

export type MailResult = { outcome: 'sent' } | { outcome: 'failed'; detail: string };

export interface Mailer {
  sendNotice(to: { name: string; email: string }, notice: Notice): Promise<MailResult>;
}
