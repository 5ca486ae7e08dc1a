/**
 * Mail through Microsoft Graph (`POST /users/{sender}/sendMail`) with the Graph client, from the
 * group's service mailbox. The same code runs against graph.microsoft.com and against the local
 * Graph stand-in: only the base URL and where the token comes from differ.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Locale } from '../../app/i18n/locale';
import type { Mailer, MailResult } from '../../app/ports/mailer';
import type { Notice } from '../../app/ports/messenger';
import { createGraphClient, graphFailure } from './graph-client';
import { mailFor } from './mail-bodies';

export interface GraphMailerOptions {
  /** e.g. https://graph.microsoft.com/v1.0/ or the stand-in's http://127.0.0.1:3979/v1.0/ */
  baseUrl: string;
  /** The service mailbox the mail is sent from (user id or UPN). */
  sender: string;
  accessToken: () => Promise<string>;
  locale: Locale;
}

export class GraphMailer implements Mailer {
  private readonly client: Client;

  constructor(private readonly options: GraphMailerOptions) {
    this.client = createGraphClient(options);
  }

  async sendNotice(to: { name: string; email: string }, notice: Notice): Promise<MailResult> {
    const mail = mailFor(notice, this.options.locale);
    try {
      await this.client.api(`/users/${encodeURIComponent(this.options.sender)}/sendMail`).post({
        message: {
          subject: mail.subject,
          body: { contentType: 'HTML', content: mail.html },
          toRecipients: [{ emailAddress: { address: to.email, name: to.name } }],
        },
        saveToSentItems: true,
      });
      return { outcome: 'sent' };
    } catch (error) {
      return { outcome: 'failed', detail: graphFailure(error) };
    }
  }
}
