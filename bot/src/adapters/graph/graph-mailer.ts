/**
 * Mail through Microsoft Graph (`POST /users/{sender}/sendMail`) with the Graph client, from the
 * group's service mailbox. The same code runs against graph.microsoft.com and against the local
 * Graph stand-in: only the base URL and where the token comes from differ.
 */
import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { Locale } from '../../app/i18n/locale';
import type { Mailer, MailResult } from '../../app/ports/mailer';
import type { Notice } from '../../app/ports/messenger';
import { mailFor } from './mail-bodies';

export interface GraphMailerOptions {
  /** e.g. https://graph.microsoft.com/v1.0/ or the stand-in's http://127.0.0.1:3979/v1.0/ */
  baseUrl: string;
  /** The service mailbox the mail is sent from (user id or UPN). */
  sender: string;
  accessToken: () => Promise<string>;
  locale: Locale;
}

/**
 * The client's own auth handler sends the token only to https Graph hosts, which the loopback
 * stand-in is not; this one sends it to the one base URL the client is made for. Retries
 * are the client's own RetryHandler, for 429 only.
 */
function graphMiddleware(accessToken: () => Promise<string>): Middleware {
  const auth: Middleware & { next?: Middleware } = {
    async execute(context: Context) {
      const token = await accessToken();
      const headers = new Headers(context.options?.headers as ConstructorParameters<typeof Headers>[0]);
      headers.set('Authorization', `Bearer ${token}`);
      context.options = { ...context.options, headers };
      await auth.next?.execute(context);
    },
    setNext(next: Middleware) {
      auth.next = next;
    },
  };
  // Only a 429 is retried: the request was refused before it was handled. A 503/504 on sendMail
  // may have sent the mail already, so the fan-out's next run decides, not a blind retry.
  const retry = new RetryHandler(
    new RetryHandlerOptions(1, 3, (_delay, _attempt, _request, _options, response) => response.status === 429),
  );
  auth.setNext?.(retry);
  retry.setNext(new HTTPMessageHandler());
  return auth;
}

export class GraphMailer implements Mailer {
  private readonly client: Client;

  constructor(private readonly options: GraphMailerOptions) {
    this.client = Client.initWithMiddleware({
      baseUrl: options.baseUrl.replace(/\/v1\.0\/?$/, '/'),
      defaultVersion: 'v1.0',
      middleware: graphMiddleware(options.accessToken),
    });
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
      const e = error as { statusCode?: number; code?: string; message?: string };
      return { outcome: 'failed', detail: `${e.statusCode ?? ''} ${e.code ?? ''} ${(e.message ?? '').slice(0, 200)}`.trim() };
    }
  }
}
