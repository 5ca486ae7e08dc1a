/**
 * What publishing needs from outside Arbetsrum: a document library, a mailbox and a calendar
 * (Microsoft Graph in production, the local Graph stand-in otherwise) and a renderer of Word
 * documents. Every call here either did its work or throws; the publishing job records each step.
 */
import type { KallelseView } from '../kallelse-view';
import type { MinutesDocumentView } from '../minutes-document-view';
import type { PublicationRecipient } from '../../domain/publication';

export interface StoredDocument {
  /** Where a member opens it (the SharePoint page of the file). */
  webUrl: string;
}

export interface DocumentStore {
  /**
   * Stores `content` at `path` in the group's library, replacing what is there: storing the same
   * path twice leaves one file, which is what makes a retried upload safe.
   */
  put(m365GroupId: string, path: string, content: Uint8Array, fields?: Record<string, string | number>): Promise<StoredDocument>;
}

export interface DocumentRenderer {
  minutes(view: MinutesDocumentView): Promise<Uint8Array>;
  kallelse(view: KallelseView): Promise<Uint8Array>;
}

export interface MinutesMail {
  view: MinutesDocumentView;
  recipients: readonly PublicationRecipient[];
  documentUrl: string | null;
  document: { name: string; content: Uint8Array } | null;
  /** Stored with the message, so `wasSent` can find it in Sent Items after a crash. */
  marker: string;
}

export interface MinutesMailer {
  /** One message to every recipient (at most 500) from the service mailbox. */
  sendMinutes(mail: MinutesMail): Promise<void>;
  /** Whether a message with this marker is in the service mailbox's Sent Items. */
  wasSent(marker: string): Promise<boolean>;
}

export interface CalendarEntry {
  kallelse: KallelseView;
  /** Every member: the meeting lands in each one's own Outlook calendar as an invitation. */
  attendees: readonly { name: string; email: string }[];
  /** The meeting id: Graph's transactionId, so a retried create makes no second event. */
  transactionId: string;
  /** The agenda goes into the event once the kallelse is sent. */
  withAgenda: boolean;
}

/**
 * The meetings as Outlook events, organised by the service mailbox. (Graph does not let an app
 * write to a Microsoft 365 group's calendar: `POST /groups/{id}/events` is delegated only.)
 */
export interface GroupCalendar {
  /** Creates the event (eventId null) or brings it up to date, inviting the attendees; answers its id. */
  put(eventId: string | null, entry: CalendarEntry): Promise<string>;
  /** Cancels it, which tells every attendee (the adapter words the note in the service's language). */
  cancel(eventId: string, meetingTitle: string): Promise<void>;
}

/** Wakes the worker after a commit that made work due, instead of waiting for its next round. */
export interface WorkSignal {
  wake(): void;
}
