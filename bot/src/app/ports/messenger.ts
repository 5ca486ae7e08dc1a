/**
 * Proactive messages: the app says what to tell whom; the Teams adapter renders the card and
 * sends it to a stored conversation, and answers what happened in terms the fan-out can act on.
 */
import type { ConversationRecord } from '../../domain/conversation';
import type { UnreachableReason } from '../../domain/delivery';
import type { ReportedStatus } from '../../domain/action-status';
import type { ActionStatus } from '../../domain/minutes';
import type { Rsvp } from '../../domain/attendance';
import type { MeetingView } from '../describe-meeting';
import type { KallelseView } from '../kallelse-view';
import type { AttendanceOverview } from '../list-attendance';
import type { ProposalView } from '../proposal-view';

export interface CallForProposalsNotice {
  kind: 'call-for-proposals';
  audience: 'person' | 'channel';
  groupId: string;
  groupName: string;
  meeting: MeetingView;
  lastDayToPropose: Date;
  /** The reminder before the deadline, to those who have not answered the call. */
  reminder?: boolean;
}

/** To the proposer, when the strategists accept, defer or decline their proposal. */
export interface ProposalDecidedNotice {
  kind: 'proposal-decided';
  proposal: ProposalView;
}

/** The kallelse: to each member with the RSVP buttons, and in the channel without them. */
export interface KallelseNotice extends KallelseView {
  kind: 'kallelse';
  audience: 'person' | 'channel';
  /** The day-before reminder: the kallelse again, with the person's own answer. */
  reminder?: boolean;
}

/** To the chair the day before: who comes, who sent apologies, which förvaltningar are missing. */
export interface AttendanceSummaryNotice {
  kind: 'attendance-summary';
  groupName: string;
  meeting: MeetingView;
  overview: AttendanceOverview;
}

/** Published minutes: to each member (with *Jag har återrapporterat* for delegates) and in the channel. */
export interface MinutesPublishedNotice {
  kind: 'minutes-published';
  audience: 'person' | 'channel';
  groupName: string;
  meeting: MeetingView;
  version: number;
  /** The version a correction replaces; null for the first publication. */
  correctionOf: number | null;
  documentUrl: string | null;
  /** Delegates report the minutes back to their förvaltning; strategists and the channel get no button. */
  canReport: boolean;
  reportedAt: Date | null;
  /** The nudge a week later to delegates who have not reported back yet. */
  reminder?: boolean;
}

/**
 * An action to its owner: the status request before a meeting, or its due date coming up
 * (three days before, on the day). The owner answers *Klar / Pågår / Hinder* with a comment.
 */
export interface ActionStatusNotice {
  kind: 'action-status';
  reason: 'request' | 'due-soon' | 'due-today';
  groupName: string;
  action: { id: string; title: string; dueDate: string | null; status: ActionStatus };
  /** The meeting that decided it. */
  decidedAt: { title: string; startsAt: Date };
  /** The meeting whose follow-up the answer goes to; null when none is planned. */
  forMeeting: { id: string; title: string; startsAt: Date } | null;
  answer: { status: ReportedStatus; comment: string; answeredAt: Date } | null;
}

/** To a sub-group's convenor, some days before the meeting its report-back is on the agenda of. */
export interface SubGroupReminderNotice {
  kind: 'sub-group-reminder';
  groupName: string;
  subGroup: { id: string; name: string; mandate: string; deadline: string; memberNames: string[] };
  meeting: { id: string; title: string; startsAt: Date };
}

export type Notice =
  | CallForProposalsNotice
  | ProposalDecidedNotice
  | KallelseNotice
  | AttendanceSummaryNotice
  | MinutesPublishedNotice
  | ActionStatusNotice
  | SubGroupReminderNotice
  | RepresentationNudgeNotice;

/**
 * To each delegate of a förvaltning that nobody represented at the last two meetings held: which
 * meetings, and the next one with *Kommer / Kommer inte / Ersättare kommer* to answer at once.
 */
export interface RepresentationNudgeNotice {
  kind: 'representation-nudge';
  groupName: string;
  organisationName: string;
  /** The meetings missed in a row, newest first. */
  missed: { title: string; startsAt: Date }[];
  /** The next meeting, to answer for; null when none is planned yet. */
  nextMeeting: MeetingView | null;
  /** The delegate's own answer to the next meeting so far. */
  answer: { rsvp: Rsvp; substituteName: string | null } | null;
}

export type SendResult =
  | { outcome: 'sent'; messageId?: string }
  | { outcome: 'unreachable'; reason: UnreachableReason; detail: string }
  | { outcome: 'retry'; retryAfterMs: number | null; detail: string };

export interface Messenger {
  send(conversation: ConversationRecord, notice: Notice): Promise<SendResult>;
  /** Replaces a message sent before (by its id) with the notice's card. */
  update(conversation: ConversationRecord, messageId: string, notice: Notice): Promise<SendResult>;
}

/** Waiting is a port too, so tests of pacing and retries run on a fake clock. */
export interface Waiter {
  wait(ms: number): Promise<void>;
  /** A number in [0, 1) for retry jitter. */
  random(): number;
}
