/**
 * The outbox rows behind publishing outside Arbetsrum: each published version's document, mail
 * and announcement, each meeting's calendar event, and the delegates' re-reporting. A worker
 * leases due rows, so two instances never run the same one at once and a crashed run's lease
 * simply runs out.
 */
import type { Publication, PublicationMailBatch } from '../../domain/publication';

export interface PublicationRepository {
  /** Inside the publish transaction: the publication and its mail batches, all or nothing. */
  create(publication: Publication, batches: readonly PublicationMailBatch[]): Promise<void>;
  find(tenantId: string, meetingId: string, version: number): Promise<Publication | null>;
  listByMeeting(tenantId: string, meetingId: string): Promise<Publication[]>;
  /**
   * Takes up to `limit` unfinished publications that are due and not leased (any tenant: this is
   * the worker's view). Their lease ends at `leaseUntil`, which is also the holder's token.
   */
  leaseDue(now: Date, leaseUntil: Date, limit: number): Promise<Publication[]>;
  /**
   * Stores progress, only while `lease.held` is still the publication's lease (a run whose lease
   * ran out and was taken by another instance writes nothing: false); then holds it until
   * `lease.renewTo`, or gives it back (null).
   */
  save(publication: Publication, lease: { held: Date; renewTo: Date | null }): Promise<boolean>;
  listMailBatches(tenantId: string, meetingId: string, version: number): Promise<PublicationMailBatch[]>;
  /** Stores a batch's state, only while `held` is still the publication's lease; false when it is not. */
  saveMailBatch(tenantId: string, meetingId: string, version: number, batch: PublicationMailBatch, held: Date): Promise<boolean>;
}

export interface MeetingCalendarRow {
  tenantId: string;
  groupId: string;
  meetingId: string;
  eventId: string | null;
  /** Raised by every change a member would see in Outlook. */
  wantedAt: Date;
  /** The wantedAt the event was last brought up to; due while it is older than wantedAt. */
  syncedAt: Date | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
}

export interface MeetingCalendarRepository {
  /** Asks for the meeting's event to be brought up to date (creates the row the first time). */
  want(tenantId: string, groupId: string, meetingId: string, at: Date): Promise<void>;
  find(tenantId: string, meetingId: string): Promise<MeetingCalendarRow | null>;
  leaseDue(now: Date, leaseUntil: Date, limit: number): Promise<MeetingCalendarRow[]>;
  save(row: MeetingCalendarRow): Promise<void>;
}

export interface ReReportRepository {
  /** The first report counts; a second press changes nothing. Returns when it was reported. */
  record(tenantId: string, groupId: string, meetingId: string, personId: string, at: Date): Promise<Date>;
  find(tenantId: string, meetingId: string, personId: string): Promise<Date | null>;
  listByMeeting(tenantId: string, meetingId: string): Promise<{ personId: string; reportedAt: Date }[]>;
}
