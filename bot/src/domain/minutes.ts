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

export type MinutesProblem =
  | { code: 'too_many_items'; max: number }
  | { code: 'unknown_item'; agendaItemId: string }
  | { code: 'duplicate_item'; agendaItemId: string }
  | { code: 'notes_too_long'; agendaItemId: string; max: number }
  | { code: 'decision_too_long'; agendaItemId: string; max: number }
  | { code: 'text_too_long'; max: number }
  | { code: 'too_many_actions'; max: number }
  | { code: 'too_many_actions_on_item'; agendaItemId: string | null; max: number }
  | { code: 'duplicate_action'; index: number }
  | { code: 'action_item_unknown'; index: number }
  | { code: 'bad_action_title'; index: number; max: number }
  | { code: 'bad_due_date'; index: number }
  | { code: 'owner_not_member'; index: number }
  | { code: 'too_many_people'; max: number }
  | { code: 'not_member'; personId: string }
  | { code: 'duplicate_person'; personId: string }
  | { code: 'bad_substitute'; personId: string };

const length = (text: string): number => [...text].length;

/** Line ends as the web sends them either way; stored as "\n". */
function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** A real calendar date written "YYYY-MM-DD". */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks a draft against the meeting: items on its agenda (or kept from before), actions under
 * an agenda item (or none), owners and attendance among the group's members.
 */
export function checkMinutesDraft(
  draft: MinutesDraft,
  context: {
    /** Items that may carry notes: the agenda's, and those the stored draft kept. */
    itemIds: ReadonlySet<string>;
    /** Items an action may sit under: the current agenda's. */
    agendaItemIds: ReadonlySet<string>;
    memberIds: ReadonlySet<string>;
  },
): MinutesProblem | null {
  if (draft.items.length > MINUTES_LIMITS.itemsMax) return { code: 'too_many_items', max: MINUTES_LIMITS.itemsMax };
  const seenItems = new Set<string>();
  let total = 0;
  for (const item of draft.items) {
    if (!context.itemIds.has(item.agendaItemId)) return { code: 'unknown_item', agendaItemId: item.agendaItemId };
    if (seenItems.has(item.agendaItemId)) return { code: 'duplicate_item', agendaItemId: item.agendaItemId };
    seenItems.add(item.agendaItemId);
    const notes = length(normaliseText(item.notes));
    const decision = length(normaliseText(item.decision));
    if (notes > MINUTES_LIMITS.notesMax) return { code: 'notes_too_long', agendaItemId: item.agendaItemId, max: MINUTES_LIMITS.notesMax };
    if (decision > MINUTES_LIMITS.decisionMax) {
      return { code: 'decision_too_long', agendaItemId: item.agendaItemId, max: MINUTES_LIMITS.decisionMax };
    }
    total += notes + decision;
  }
  if (total > MINUTES_LIMITS.textTotalMax) return { code: 'text_too_long', max: MINUTES_LIMITS.textTotalMax };

  if (draft.actions.length > MINUTES_LIMITS.actionsMax) return { code: 'too_many_actions', max: MINUTES_LIMITS.actionsMax };
  const seenActions = new Set<string>();
  const perItem = new Map<string | null, number>();
  for (const [index, action] of draft.actions.entries()) {
    if (seenActions.has(action.id)) return { code: 'duplicate_action', index };
    seenActions.add(action.id);
    if (action.agendaItemId !== null && !context.agendaItemIds.has(action.agendaItemId)) return { code: 'action_item_unknown', index };
    const count = (perItem.get(action.agendaItemId) ?? 0) + 1;
    if (count > MINUTES_LIMITS.actionsPerItemMax) {
      return { code: 'too_many_actions_on_item', agendaItemId: action.agendaItemId, max: MINUTES_LIMITS.actionsPerItemMax };
    }
    perItem.set(action.agendaItemId, count);
    const title = action.title.trim();
    if (title === '' || length(title) > MINUTES_LIMITS.actionTitleMax) {
      return { code: 'bad_action_title', index, max: MINUTES_LIMITS.actionTitleMax };
    }
    if (action.dueDate !== null && !isCalendarDate(action.dueDate)) return { code: 'bad_due_date', index };
    if (action.ownerPersonId !== null && !context.memberIds.has(action.ownerPersonId)) return { code: 'owner_not_member', index };
  }

  if (draft.attendance.length > MINUTES_LIMITS.attendanceMax) return { code: 'too_many_people', max: MINUTES_LIMITS.attendanceMax };
  const seenPeople = new Set<string>();
  for (const mark of draft.attendance) {
    if (!context.memberIds.has(mark.personId)) return { code: 'not_member', personId: mark.personId };
    if (seenPeople.has(mark.personId)) return { code: 'duplicate_person', personId: mark.personId };
    seenPeople.add(mark.personId);
    const substitute = mark.presence === 'substitute';
    if (substitute !== (mark.substituteForPersonId !== null)) return { code: 'bad_substitute', personId: mark.personId };
    if (
      mark.substituteForPersonId !== null &&
      (mark.substituteForPersonId === mark.personId || !context.memberIds.has(mark.substituteForPersonId))
    ) {
      return { code: 'bad_substitute', personId: mark.personId };
    }
  }
  return null;
}

/**
 * The draft as it will be stored: line ends normalised, action titles trimmed, items without
 * any text dropped (an empty item is the same as no item).
 */
export function normaliseDraft(draft: MinutesDraft): MinutesDraft {
  return {
    items: draft.items
      .map((item) => ({ agendaItemId: item.agendaItemId, notes: normaliseText(item.notes), decision: normaliseText(item.decision) }))
      .filter((item) => item.notes.trim() !== '' || item.decision.trim() !== ''),
    attendance: draft.attendance.map((mark) => ({
      personId: mark.personId,
      presence: mark.presence,
      substituteForPersonId: mark.presence === 'substitute' ? mark.substituteForPersonId : null,
    })),
    actions: draft.actions.map((action) => ({ ...action, title: action.title.trim() })),
  };
}

/** The position each action of a (normalised) draft gets under its agenda item. */
export function actionPositions(actions: readonly ActionItemDraft[]): Map<string, number> {
  const counters = new Map<string | null, number>();
  const positions = new Map<string, number>();
  for (const action of actions) {
    const next = (counters.get(action.agendaItemId) ?? 0) + 1;
    counters.set(action.agendaItemId, next);
    positions.set(action.id, next);
  }
  return positions;
}

/**
 * A fingerprint of what the minutes say, to tell a save that changes something from one that
 * does not (which keeps the revision, and so the approvals). Order of items and people does not
 * matter; the order of actions under an item does.
 */
export function draftFingerprint(draft: MinutesDraft): string {
  const items = [...draft.items]
    .filter((item) => item.notes.trim() !== '' || item.decision.trim() !== '')
    .sort((a, b) => a.agendaItemId.localeCompare(b.agendaItemId))
    .map((item) => [item.agendaItemId, item.notes, item.decision]);
  const attendance = draft.attendance
    .filter((mark) => mark.presence !== null)
    .sort((a, b) => a.personId.localeCompare(b.personId))
    .map((mark) => [mark.personId, mark.presence, mark.substituteForPersonId]);
  const positions = actionPositions(draft.actions);
  const actions = [...draft.actions]
    .sort((a, b) => (a.agendaItemId ?? '').localeCompare(b.agendaItemId ?? '') || (positions.get(a.id) ?? 0) - (positions.get(b.id) ?? 0))
    .map((a) => [a.id, a.agendaItemId, a.title, a.ownerPersonId, a.dueDate, a.status]);
  return JSON.stringify({ items, attendance, actions });
}

/**
 * The draft the stored minutes say, for comparing: the body's text, the attendance marks
 * noted, and the action list.
 */
export function storedDraft(input: {
  body: MinutesBody | null;
  presence: readonly PresenceMark[];
  actions: readonly Pick<ActionItem, 'id' | 'agendaItemId' | 'position' | 'title' | 'ownerPersonId' | 'dueDate' | 'status'>[];
}): MinutesDraft {
  return {
    items: (input.body?.items ?? []).map((item) => ({ agendaItemId: item.agendaItemId, notes: item.notes, decision: item.decision })),
    attendance: input.presence.map((mark) => ({
      personId: mark.personId,
      presence: mark.presence,
      substituteForPersonId: mark.substituteForPersonId,
    })),
    actions: [...input.actions]
      .sort((a, b) => (a.agendaItemId ?? '').localeCompare(b.agendaItemId ?? '') || a.position - b.position)
      .map((a) => ({
        id: a.id,
        agendaItemId: a.agendaItemId,
        title: a.title,
        ownerPersonId: a.ownerPersonId,
        dueDate: a.dueDate,
        status: a.status,
      })),
  };
}

/**
 * The body a save stores: the draft's text, titled from the agenda. Items no longer on the
 * agenda keep their last title, so nothing written is lost when the agenda changes.
 */
export function bodyFromDraft(
  draft: MinutesDraft,
  agenda: readonly { id: string; title: string }[],
  previous: MinutesBody | null,
): MinutesBody {
  const titles = new Map<string, string>([
    ...(previous?.items ?? []).map((item) => [item.agendaItemId, item.title] as const),
    ...agenda.map((item) => [item.id, item.title] as const),
  ]);
  const order = new Map(agenda.map((item, index) => [item.id, index]));
  const items = draft.items
    .map((item) => ({
      agendaItemId: item.agendaItemId,
      title: titles.get(item.agendaItemId) ?? '',
      notes: item.notes,
      decision: item.decision,
    }))
    .sort((a, b) => (order.get(a.agendaItemId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.agendaItemId) ?? Number.MAX_SAFE_INTEGER));
  return { items, record: null };
}

/** Reads a stored body defensively: a row written by an older version still opens. */
export function readMinutesBody(json: unknown): MinutesBody {
  const object = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const items = Array.isArray(object.items)
    ? object.items
        .filter(
          (item): item is Record<string, unknown> => typeof item === 'object' && item !== null && typeof item.agendaItemId === 'string',
        )
        .map((item) => ({
          agendaItemId: item.agendaItemId as string,
          title: text(item.title),
          notes: text(item.notes),
          decision: text(item.decision),
        }))
    : [];
  const record = typeof object.record === 'object' && object.record !== null ? (object.record as Partial<MinutesRecord>) : null;
  return {
    items,
    record: record
      ? {
          attendance: Array.isArray(record.attendance) ? record.attendance : [],
          actions: Array.isArray(record.actions) ? record.actions : [],
        }
      : null,
  };
}

export interface ReviewState {
  /** Approvals of the current revision by current members. */
  current: MinutesApproval[];
  chairApproved: boolean;
  /** Someone other than the chair (or the strategist standing in for one) approved too. */
  otherApproved: boolean;
  publishable: boolean;
  /** What is still missing, in the order to ask for it. */
  missing: ('saved' | 'chair' | 'other')[];
}

/**
 * The light check before publishing: the chair and one more member approve the current text.
 * With no chair named, a strategist's approval counts as the chair's.
 */
export function reviewState(input: {
  revision: number;
  approvals: readonly MinutesApproval[];
  chairPersonId: string | null;
  strategistIds: ReadonlySet<string>;
  memberIds: ReadonlySet<string>;
}): ReviewState {
  if (input.revision < 1)
    return { current: [], chairApproved: false, otherApproved: false, publishable: false, missing: ['saved', 'chair', 'other'] };
  const current = input.approvals.filter((a) => a.revision === input.revision && input.memberIds.has(a.personId));
  const chairApproval =
    input.chairPersonId !== null
      ? current.find((a) => a.personId === input.chairPersonId)
      : current.find((a) => input.strategistIds.has(a.personId));
  const chairApproved = chairApproval !== undefined;
  const otherApproved = current.some((a) => a.personId !== chairApproval?.personId && a.personId !== input.chairPersonId);
  const missing: ReviewState['missing'] = [];
  if (!chairApproved) missing.push('chair');
  if (!otherApproved) missing.push('other');
  return { current, chairApproved, otherApproved, publishable: chairApproved && otherApproved, missing };
}

/** Whether a save is the first of an editing session (worth an audit event) or part of one. */
export function startsEditSession(previous: Pick<Minutes, 'updatedAt' | 'updatedByPersonId'> | null, personId: string, now: Date): boolean {
  if (!previous?.updatedAt || previous.updatedByPersonId !== personId) return true;
  return now.getTime() - previous.updatedAt.getTime() >= EDIT_SESSION_GAP_MS;
}

/** The first draft of a meeting's minutes, before anything is stored. */
export function emptyMinutes(meeting: { tenantId: string; groupId: string; id: string }, now: Date): Minutes {
  return {
    tenantId: meeting.tenantId,
    groupId: meeting.groupId,
    meetingId: meeting.id,
    version: 1,
    status: 'draft',
    revision: 0,
    body: { items: [], record: null },
    publishedAt: null,
    publishedByPersonId: null,
    createdAt: now,
    updatedAt: null,
    updatedByPersonId: null,
  };
}

/** A correction: a new draft version whose text starts as a copy of the last published one. */
export function startCorrection(published: Minutes, personId: string, now: Date): Minutes {
  if (published.status !== 'published') throw new Error('Only published minutes are corrected by a new version');
  return {
    ...published,
    version: published.version + 1,
    status: 'draft',
    // The copy is saved content: it is what reviewers approve unless someone changes it.
    revision: 1,
    body: { items: published.body.items.map((item) => ({ ...item })), record: null },
    publishedAt: null,
    publishedByPersonId: null,
    createdAt: now,
    updatedAt: now,
    updatedByPersonId: personId,
  };
}

/**
 * The published version: items in agenda order (every agenda item, written or not, then any
 * item kept from an earlier agenda), with the attendance and action lists frozen beside them.
 */
export function publishMinutes(
  draft: Minutes,
  input: { agenda: readonly { id: string; title: string }[]; record: MinutesRecord; personId: string; now: Date },
): Minutes {
  if (draft.status !== 'draft') throw new Error('Only a draft can be published');
  const written = new Map(draft.body.items.map((item) => [item.agendaItemId, item]));
  const onAgenda = input.agenda.map((item) => ({
    agendaItemId: item.id,
    title: item.title,
    notes: written.get(item.id)?.notes ?? '',
    decision: written.get(item.id)?.decision ?? '',
  }));
  const agendaIds = new Set(input.agenda.map((item) => item.id));
  const kept = draft.body.items.filter((item) => !agendaIds.has(item.agendaItemId));
  return {
    ...draft,
    status: 'published',
    body: { items: [...onAgenda, ...kept], record: input.record },
    publishedAt: input.now,
    publishedByPersonId: input.personId,
    updatedAt: input.now,
    updatedByPersonId: input.personId,
  };
}

/** A comment's text as stored, or null when it is empty or too long. */
export function checkComment(text: string): string | null {
  const trimmed = normaliseText(text).trim();
  if (trimmed === '' || length(trimmed) > MINUTES_LIMITS.commentMax) return null;
  return trimmed;
}
