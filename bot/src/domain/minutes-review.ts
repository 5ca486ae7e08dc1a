/**
 * The life of a meeting's minutes after the text (minutes.ts): the light review before
 * publishing, editing sessions for the audit trail, the first draft, publishing, corrections and
 * comments. The rules are those of minutes.ts's header and docs/decisions/0010-minutes.md.
 */
import { MINUTES_LIMITS, EDIT_SESSION_GAP_MS, type MinutesRecord, type Minutes, type MinutesApproval } from './minutes';
import { normaliseText } from './minutes-draft';

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
  if (trimmed === '' || [...trimmed].length > MINUTES_LIMITS.commentMax) return null;
  return trimmed;
}
