/**
 * Getting published minutes out of Arbetsrum: a Word document in the group's SharePoint library,
 * one mail per ≤ 500 recipients, and an announcement in Teams — each step recorded, so a crash
 * or a throttled Graph in the middle resumes where it stopped and nobody gets anything twice.
 *
 * Rules decided here:
 * - Who gets the mail is decided when the minutes are published (in the same transaction) and
 *   kept: the public record says who received what, and a member who joins while the job retries
 *   does not change that.
 * - Mail goes out in batches of at most 500 recipients (Graph's limit per message). Each batch has
 *   a marker stored before it is sent; after a crash a batch marked "sending" is looked up in the
 *   service mailbox's Sent Items by its marker before anything is sent again.
 * - A correction (version 2 and later) goes to a file of its own: nothing published is replaced.
 */
import { toStockholm } from './stockholm-time';

export const MAIL_BATCH_MAX = 500;

/**
 * Exchange files a sent message in Sent Items a little after Graph accepts it: a batch whose send
 * was attempted this recently and is not there yet is left until later, neither sent again nor
 * taken as sent.
 */
export const SENT_ITEMS_LAG_MS = 5 * 60_000;

export interface PublicationRecipient {
  /** Null for an extra recipient from the group's settings (e.g. the committee's secretary). */
  personId: string | null;
  name: string;
  email: string;
}

export type MailBatchState = 'pending' | 'sending' | 'sent';

export interface PublicationMailBatch {
  batch: number;
  recipients: PublicationRecipient[];
  /** Stored with the message (an extended property) so Sent Items can tell whether it went. */
  marker: string;
  state: MailBatchState;
  /** When the send was last attempted. */
  sendingAt: Date | null;
  sentAt: Date | null;
}

export interface Publication {
  tenantId: string;
  groupId: string;
  meetingId: string;
  version: number;
  publishedByPersonId: string | null;
  createdAt: Date;
  recipients: PublicationRecipient[];
  documentPath: string;
  documentUrl: string | null;
  documentStoredAt: Date | null;
  mailedAt: Date | null;
  announcedAt: Date | null;
  completedAt: Date | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
}

/** Recipients once each (by mail address, case-insensitive), in the order given. */
export function uniqueRecipients(recipients: readonly PublicationRecipient[]): PublicationRecipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = r.email.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function mailBatches(recipients: readonly PublicationRecipient[], markerPrefix: string): PublicationMailBatch[] {
  const batches: PublicationMailBatch[] = [];
  for (let start = 0; start < recipients.length; start += MAIL_BATCH_MAX) {
    const batch = batches.length + 1;
    batches.push({
      batch,
      recipients: recipients.slice(start, start + MAIL_BATCH_MAX),
      marker: `${markerPrefix}:${batch}`,
      state: 'pending',
      sendingAt: null,
      sentAt: null,
    });
  }
  return batches;
}

// SharePoint refuses these in file and folder names; a title may hold any of them.
const ILLEGAL_IN_NAME = /["*:<>?/\\|#%\p{Cc}]/gu;

/** A title made safe as a SharePoint file name: no illegal characters, no leading/trailing dots or spaces, ≤ 120 characters. */
export function safeFileName(title: string): string {
  const cleaned = title
    .replace(ILLEGAL_IN_NAME, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .replace(/^[.\s~]+|[.\s]+$/g, '');
  return cleaned || 'Möte';
}

/** The day as Stockholm sees it, "YYYY-MM-DD". */
export function stockholmDay(at: Date): string {
  const { year, month, day } = toStockholm(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Where a document goes in the group's library: `<folder>/<year>/<YYYY-MM-DD> <title>.docx`.
 * Corrections get " (version N)", so version 1 stays as it was published.
 */
export function documentPath(
  folder: 'Minnesanteckningar' | 'Dagordningar',
  meeting: { title: string; startsAt: Date },
  version = 1,
): string {
  const day = stockholmDay(meeting.startsAt);
  const suffix = version > 1 ? ` (version ${version})` : '';
  return `${folder}/${day.slice(0, 4)}/${day} ${safeFileName(meeting.title)}${suffix}.docx`;
}

/** Waits between attempts: 30 s, 2 min, 8 min, … at most an hour; the job never gives up on its own. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 30_000 * 4 ** Math.max(0, attempts - 1));
}

/** What a failure may say in the record and the log: no addresses, at most 300 characters. */
export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[^\s@<>"']+@[^\s@<>"']+/g, '<address>').slice(0, 300);
}
