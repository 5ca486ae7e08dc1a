/**
 * Published minutes by mail: one `sendMail` from the service mailbox per batch of at most 500
 * recipients, all in Bcc (500 addresses are not shown to everyone, nobody replies to all), the
 * document attached and linked. Each message carries the publication's marker as an extended
 * property, which is how `wasSent` finds it in Sent Items after a crash.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Locale } from '../../app/i18n/locale';
import type { MinutesMail, MinutesMailer } from '../../app/ports/publishing';
import { createGraphClient, DOCX_TYPE, type GraphConnection } from './graph-client';
import { minutesMail } from './minutes-mail';

/** A named MAPI string property in Arbetsrum's own property set (a fixed GUID of this project). */
export const MARKER_PROPERTY = 'String {6f1d3c2a-8b4e-4f7a-9c1d-2e5b7a9f0c31} Name ArbetsrumPublication';

/** OData string literal: a quote is written twice. */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

export class GraphMinutesMailer implements MinutesMailer {
  private readonly client: Client;

  constructor(
    connection: GraphConnection,
    private readonly sender: string,
    private readonly locale: Locale,
  ) {
    this.client = createGraphClient(connection);
  }

  async sendMinutes(mail: MinutesMail): Promise<void> {
    const body = minutesMail(mail.view, { documentUrl: mail.documentUrl, documentName: mail.document?.name ?? null }, this.locale);
    await this.client.api(`/users/${encodeURIComponent(this.sender)}/sendMail`).post({
      message: {
        subject: body.subject,
        body: { contentType: 'HTML', content: body.html },
        // Bcc only: 500 is Exchange's limit for all recipients together, To included.
        bccRecipients: mail.recipients.map((r) => ({ emailAddress: { address: r.email, name: r.name } })),
        ...(mail.document
          ? {
              attachments: [
                {
                  '@odata.type': '#microsoft.graph.fileAttachment',
                  name: mail.document.name,
                  contentType: DOCX_TYPE,
                  contentBytes: Buffer.from(mail.document.content).toString('base64'),
                },
              ],
            }
          : {}),
        singleValueExtendedProperties: [{ id: MARKER_PROPERTY, value: mail.marker }],
      },
      saveToSentItems: true,
    });
  }

  async wasSent(marker: string): Promise<boolean> {
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq ${literal(MARKER_PROPERTY)} and ep/value eq ${literal(marker)})`;
    const found = (await this.client
      .api(`/users/${encodeURIComponent(this.sender)}/mailFolders/sentitems/messages`)
      .filter(filter)
      .select('id')
      .top(1)
      .get()) as { value?: unknown[] };
    return (found.value?.length ?? 0) > 0;
  }
}
