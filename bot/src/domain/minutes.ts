/**
 * Minutes (minnesanteckningar) of one meeting: per agenda item the notes and the decision, the
 * action list (Åtgärd – Ansvarig – Klart senast – Status), who was there, a light review, and
 * versions once published.
 *
 * Rules decided here (docs/decisions/0010-minutes.md says why):
 * - A draft has a revision that every saved change raises. Writers send the revision they
 *   started from; a stale one is refused, so two people typing never overwrite each other unseen.
 * - Review: the draft may be published once the meeting's chair and at least one other member
 *   have approved its *current* revision. An approval names the revision it saw, so any change
 *   saved after it stops it from counting (the approval stays on record as "an earlier text").
 *   A save that changes nothing keeps the revision, so approvals stand. A meeting without a chair
 *   lets a strategist's approval stand in for the chair's.
 * - Published minutes are a public record (allmän handling): locked, and they carry their own
 *   copy of the attendance list and the action list as they were (`record`), so later follow-up
 *   of an action or a renamed person never changes what was published.
 * - A correction is a new version that starts as a copy of the last published one's text; the
 *   earlier version stays as it was, for good.
 *
 * This file holds the shapes; the rules over a draft's text are in minutes-draft.ts, the review,
 * publishing and corrections in minutes-review.ts.
 */
import type { Rsvp } from './attendance';

export type MinutesStatus = 'draft' | 'published';

export const MINUTES_LIMITS = {
  /** Agenda items plus items kept because they have notes but left the agenda. */
  itemsMax: 80,
  notesMax: 10_000,
  decisionMax: 2_000,
  /** Every note and decision together: the whole draft must fit one request. */
  textTotalMax: 100_000,
  actionsMax: 200,
  actionsPerItemMax: 30,
  actionTitleMax: 300,
  attendanceMax: 500,
  commentMax: 2_000,
  commentsPerVersionMax: 500,
} as const;

/** A save starts a new "editing session" in the audit trail after this long without one. */
export const EDIT_SESSION_GAP_MS = 15 * 60_000;

/** What was written under one agenda item. */
export interface MinutesItemEntry {
  agendaItemId: string;
  /** The item's title when last saved: notes outlive an item that later leaves the agenda. */
  title: string;
  notes: string;
  decision: string;
}

export type Presence = 'present' | 'absent' | 'substitute';

export const PRESENCES: readonly Presence[] = ['present', 'absent', 'substitute'];

/** What the minutes say about one person: there, förhinder, or there as substitute for someone. */
export interface PresenceMark {
  personId: string;
  /** Null: not noted. */
  presence: Presence | null;
  /** Whom they stood in for; set exactly when presence is "substitute". */
  substituteForPersonId: string | null;
}

/** One person's row in the attendance table: the kallelse's answer and what the minutes noted. */
export interface PresenceRecord extends PresenceMark {
  meetingId: string;
  rsvp: Rsvp | null;
  substituteName: string | null;
}

export type ActionStatus = 'open' | 'in_progress' | 'blocked' | 'done';

export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in_progress', 'blocked', 'done'];

/** An action from a meeting (åtgärd): someone does something by a date. */
export interface ActionItem {
  id: string;
  tenantId: string;
  groupId: string;
  meetingId: string;
  /** Null when its agenda item has left the agenda. */
  agendaItemId: string | null;
  /** Order under its agenda item, from 1. */
  position: number;
  title: string;
  ownerPersonId: string | null;
  /** The owner's organisation (the action is followed up per förvaltning). */
  organisationId: string | null;
  /** A calendar date, "YYYY-MM-DD". */
  dueDate: string | null;
  status: ActionStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** An action as the minutes' writer sends it. Ids are made by the writer's client (UUIDs). */
export interface ActionItemDraft {
  id: string;
  agendaItemId: string | null;
  title: string;
  ownerPersonId: string | null;
  dueDate: string | null;
  status: ActionStatus;
}

/** The attendance list as published, with names: the record must stand on its own. */
export interface RecordedAttendance {
  personId: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
  rsvp: Rsvp | null;
  substituteName: string | null;
  presence: Presence | null;
  substituteForPersonId: string | null;
  substituteForName: string | null;
}

/** The action list as published. */
export interface RecordedAction {
  id: string;
  agendaItemId: string | null;
  title: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  organisationName: string | null;
  dueDate: string | null;
  status: ActionStatus;
}

export interface MinutesRecord {
  attendance: RecordedAttendance[];
  actions: RecordedAction[];
}

export interface MinutesBody {
  /** In agenda order once published; a draft keeps whatever was last saved. */
  items: MinutesItemEntry[];
  /** Set when published: the attendance and action lists as they were then. */
  record: MinutesRecord | null;
}

export interface Minutes {
  tenantId: string;
  groupId: string;
  meetingId: string;
  version: number;
  status: MinutesStatus;
  /** Raised by every saved change; 0 before anything is saved. */
  revision: number;
  body: MinutesBody;
  publishedAt: Date | null;
  publishedByPersonId: string | null;
  createdAt: Date;
  updatedAt: Date | null;
  updatedByPersonId: string | null;
}

export interface MinutesApproval {
  tenantId: string;
  groupId: string;
  meetingId: string;
  version: number;
  personId: string;
  /** The revision the person approved. */
  revision: number;
  approvedAt: Date;
}

export interface MinutesComment {
  id: string;
  tenantId: string;
  groupId: string;
  meetingId: string;
  version: number;
  agendaItemId: string;
  personId: string;
  text: string;
  createdAt: Date;
}

/** What a writer saves: the text per item, the attendance marks and the whole action list. */
export interface MinutesDraft {
  items: { agendaItemId: string; notes: string; decision: string }[];
  attendance: PresenceMark[];
  actions: ActionItemDraft[];
}
