/**
 * A report by mail: one `sendMail` from the service mailbox, every recipient in Bcc (members and
 * outside addresses do not see each other's), the Word document attached and linked in the library.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Locale } from '../../app/i18n/locale';
import { reportMessages } from '../../app/i18n/report-messages';
import type { ReportMail, ReportMailer } from '../../app/ports/report-publishing';
import { createGraphClient, DOCX_TYPE, type GraphConnection } from './graph-client';
import { escapeHtml, oneLine } from './mail-bodies';

const ATTACH_MAX = 3 * 1024 * 1024;

/** Only a web address becomes a link: a `javascript:` URL in a mail is an attack. */
function webUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function reportMailBody(mail: ReportMail, locale: Locale): { subject: string; html: string } {
  const m = reportMessages(locale);
  const title = m.title(mail.view.audience, mail.view.committeeName);
  const period = `${mail.view.period.from} – ${mail.view.period.to}`;
  const href = webUrl(mail.documentUrl);
  const link = href ? `<a href="${escapeHtml(href)}">${escapeHtml(m.mail.open)}</a>` : escapeHtml(mail.documentUrl);
  return {
    subject: oneLine(m.mail.subject(title, period)),
    html: [
      `<h1 style="font-size:20px">${escapeHtml(title)}</h1>`,
      `<p>${escapeHtml(m.intro(mail.view.audience, mail.view.group.name, period))}</p>`,
      `<p>${escapeHtml(m.mail.body)} ${link}</p>`,
    ].join(''),
  };
}

export class GraphReportMailer implements ReportMailer {
  private readonly client: Client;

  constructor(
    connection: GraphConnection,
    private readonly sender: string,
    private readonly locale: Locale,
  ) {
    this.client = createGraphClient(connection);
  }

  async sendReport(mail: ReportMail): Promise<void> {
    const body = reportMailBody(mail, this.locale);
    await this.client.api(`/users/${encodeURIComponent(this.sender)}/sendMail`).post({
      message: {
        subject: body.subject,
        body: { contentType: 'HTML', content: body.html },
        bccRecipients: mail.recipients.map((r) => ({ emailAddress: { address: r.email, name: r.name } })),
        // Graph takes attachments up to 3 MB in one sendMail; a larger report goes as its link only.
        ...(mail.document.content.byteLength <= ATTACH_MAX
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
      },
      saveToSentItems: true,
    });
  }
}
