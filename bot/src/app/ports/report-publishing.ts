/**
 * What a report document needs from outside Arbetsrum: a Word renderer and a mailbox. The document
 * is stored through the same DocumentStore as the minutes (the group's SharePoint library).
 */
import type { ReportView } from '../report-view';

export interface ReportRenderer {
  report(view: ReportView): Promise<Uint8Array>;
}

export interface ReportMail {
  view: ReportView;
  /** At most 500 (Graph's limit for one message); all in Bcc. */
  recipients: readonly { name: string; email: string }[];
  documentUrl: string;
  document: { name: string; content: Uint8Array };
}

export interface ReportMailer {
  /** One message from the service mailbox, the document attached and linked; throws when Graph refuses it. */
  sendReport(mail: ReportMail): Promise<void>;
}
