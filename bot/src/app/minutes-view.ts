/**
 * A meeting's minutes as the tab shows them: the newest version (a draft being written, or the
 * latest published one), per agenda item the text, actions and comments, the attendance list by
 * organisation, the review, and what the caller may do next.
 */
import type { Rsvp } from '../domain/attendance';
import type { Role } from '../domain/membership';
import type { ActionStatus, MinutesStatus, Presence } from '../domain/minutes';
import type { OrganisationKind } from '../domain/organisation';
import type { MeetingView } from './describe-meeting';

export interface PersonRef {
  id: string;
  name: string;
}

export interface MinutesActionView {
  id: string;
  agendaItemId: string | null;
  title: string;
  owner: PersonRef | null;
  organisationName: string | null;
  dueDate: string | null;
  status: ActionStatus;
}

export interface MinutesCommentView {
  id: string;
  agendaItemId: string;
  author: PersonRef;
  text: string;
  createdAt: Date;
}

export interface MinutesItemView {
  agendaItemId: string;
  /** Place on the agenda; null for an item kept because it has text but left the agenda. */
  position: number | null;
  title: string;
  onAgenda: boolean;
  notes: string;
  decision: string;
  actions: MinutesActionView[];
  comments: MinutesCommentView[];
}

export interface AttendancePersonView {
  personId: string;
  name: string;
  role: Role | null;
  rsvp: Rsvp | null;
  substituteName: string | null;
  presence: Presence | null;
  substituteForPersonId: string | null;
  substituteForName: string | null;
}

export interface AttendanceGroupView {
  /** Null: people with no organisation. */
  organisation: { id: string | null; name: string; kind: OrganisationKind | null } | null;
  people: AttendancePersonView[];
}

export type PublishBlocker = 'not-allowed' | 'published' | 'cancelled' | 'meeting-not-held' | 'not-saved' | 'needs-chair' | 'needs-other';

/** The publishing job's progress with the latest published version: document, mail, announcement. */
export interface PublicationView {
  state: 'working' | 'retrying' | 'done';
  /** The document in the group's library, once stored. */
  documentUrl: string | null;
  documentStored: boolean;
  mailed: boolean;
  recipients: number;
  announced: boolean;
  completedAt: Date | null;
  /** Why the last attempt failed, while it is being retried. */
  lastError: string | null;
  nextAttemptAt: Date | null;
}

export interface MinutesView {
  meeting: MeetingView;
  version: number;
  status: MinutesStatus;
  /** False until the first save: the draft is the agenda with nothing written. */
  stored: boolean;
  revision: number;
  publishedAt: Date | null;
  publishedBy: PersonRef | null;
  updatedAt: Date | null;
  updatedBy: PersonRef | null;
  versions: { version: number; status: MinutesStatus; publishedAt: Date | null; publishedBy: PersonRef | null }[];
  items: MinutesItemView[];
  /** Actions whose agenda item has left the agenda. */
  otherActions: MinutesActionView[];
  attendance: AttendanceGroupView[];
  /** The group's members, for choosing an action's owner or whom a substitute stood in for. */
  members: { id: string; name: string; organisationName: string | null }[];
  review: {
    chairApproved: boolean;
    otherApproved: boolean;
    publishable: boolean;
    missing: ('saved' | 'chair' | 'other')[];
    approvals: { person: PersonRef; approvedAt: Date; revision: number; current: boolean; asChair: boolean }[];
  };
  /** Null until the latest version is published. */
  publication: PublicationView | null;
  permissions: {
    edit: boolean;
    approve: boolean;
    /** The caller has approved the current text. */
    approved: boolean;
    comment: boolean;
    publish: boolean;
    /** Why publishing is not possible now, the first reason that applies; null when it is. */
    publishBlocker: PublishBlocker | null;
    correct: boolean;
  };
}
