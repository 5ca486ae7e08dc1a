/**
 * Proposals for the agenda: what a member may propose, until when, and for which meeting.
 * The rules live here; storage, cards and the tab only carry them out.
 */
import type { GroupSettings } from './group';
import type { Meeting } from './meeting';
import { fromStockholm, toStockholm } from './stockholm-time';

export type ProposalKind =
  'avstamning' | 'diskussion' | 'beslut' | 'information' | 'kompetensutveckling' | 'omvarldsbevakning' | 'samarbete';

export const PROPOSAL_KINDS: readonly ProposalKind[] = [
  'avstamning',
  'diskussion',
  'beslut',
  'information',
  'kompetensutveckling',
  'omvarldsbevakning',
  'samarbete',
];

export type ProposalStatus = 'submitted' | 'accepted' | 'deferred' | 'declined' | 'withdrawn';

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['submitted', 'accepted', 'deferred', 'declined', 'withdrawn'];

export const PROPOSAL_LIMITS = {
  titleMax: 120,
  descriptionMax: 4000,
  minutesMin: 5,
  minutesMax: 60,
  /** More tags than this says nothing any more; the lists hold 37 goals in the demo. */
  goalsMax: 10,
  declineReasonMax: 1000,
} as const;

export interface Proposal {
  id: string;
  tenantId: string;
  groupId: string;
  title: string;
  description: string;
  kind: ProposalKind;
  organisationId: string | null;
  proposerPersonId: string;
  /** The meeting it is for now; a late proposal moves to the next open meeting. */
  meetingId: string | null;
  /** The meeting the proposer asked for, kept when the proposal came too late for it. */
  requestedMeetingId: string | null;
  late: boolean;
  minutesNeeded: number;
  goalIds: string[];
  status: ProposalStatus;
  /** Why it was declined, or a note with a deferral. */
  decisionNote: string | null;
  /** The form's one-time key: a double click or a retried submit stores one proposal. */
  submissionKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProposalDraft {
  title: string;
  description: string;
  kind: string;
  organisationId: string | null;
  goalIds: string[];
  minutesNeeded: number;
  meetingId: string | null;
}

export type ProposalField = 'title' | 'description' | 'kind' | 'organisationId' | 'goalIds' | 'minutesNeeded' | 'meetingId';

export type ProposalFieldError = 'required' | 'too-long' | 'out-of-range' | 'unknown-choice' | 'too-many' | 'meeting-closed';

export type DraftCheck =
  | { ok: true; draft: ProposalDraft & { kind: ProposalKind; title: string } }
  | { ok: false; errors: Partial<Record<ProposalField, ProposalFieldError>> };

/** Whitespace is tidied; length is counted in characters as a person sees them. */
const length = (text: string) => [...text].length;

/**
 * Checks a draft against the rules every door shares. `known` says which ids belong to the
 * group, so no one can tag a proposal with another group's goals or organisations.
 */
export function checkProposalDraft(
  draft: ProposalDraft,
  known: { organisationIds: ReadonlySet<string>; goalIds: ReadonlySet<string>; meetingIds: ReadonlySet<string> },
): DraftCheck {
  const errors: Partial<Record<ProposalField, ProposalFieldError>> = {};
  const title = draft.title.replace(/\s+/g, ' ').trim();
  const description = draft.description.replace(/\r\n/g, '\n').trim();
  if (title === '') errors.title = 'required';
  else if (length(title) > PROPOSAL_LIMITS.titleMax) errors.title = 'too-long';
  if (length(description) > PROPOSAL_LIMITS.descriptionMax) errors.description = 'too-long';
  if (!PROPOSAL_KINDS.includes(draft.kind as ProposalKind)) errors.kind = draft.kind ? 'unknown-choice' : 'required';
  if (draft.organisationId !== null && !known.organisationIds.has(draft.organisationId)) errors.organisationId = 'unknown-choice';
  const goalIds = [...new Set(draft.goalIds)];
  if (goalIds.some((id) => !known.goalIds.has(id))) errors.goalIds = 'unknown-choice';
  else if (goalIds.length > PROPOSAL_LIMITS.goalsMax) errors.goalIds = 'too-many';
  if (
    !Number.isInteger(draft.minutesNeeded) ||
    draft.minutesNeeded < PROPOSAL_LIMITS.minutesMin ||
    draft.minutesNeeded > PROPOSAL_LIMITS.minutesMax
  ) {
    errors.minutesNeeded = 'out-of-range';
  }
  if (draft.meetingId !== null && !known.meetingIds.has(draft.meetingId)) errors.meetingId = 'unknown-choice';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, draft: { ...draft, title, description, goalIds, kind: draft.kind as ProposalKind } };
}

/**
 * Proposals for a meeting close at midnight after the last day to propose, which is
 * `proposalDeadlineDays` days before the meeting day (Stockholm calendar days).
 */
export function proposalDeadline(meetingStartsAt: Date, settings: Pick<GroupSettings, 'proposalDeadlineDays'>): Date {
  const day = toStockholm(meetingStartsAt);
  const lastDay = new Date(Date.UTC(day.year, day.month - 1, day.day - settings.proposalDeadlineDays + 1));
  return fromStockholm({ year: lastDay.getUTCFullYear(), month: lastDay.getUTCMonth() + 1, day: lastDay.getUTCDate(), hour: 0, minute: 0 });
}

/** The last calendar day on which a proposal still reaches the meeting (for "senast …"). */
export function lastDayToPropose(meetingStartsAt: Date, settings: Pick<GroupSettings, 'proposalDeadlineDays'>): Date {
  return new Date(proposalDeadline(meetingStartsAt, settings).getTime() - 12 * 60 * 60 * 1000);
}

export function isOpenForProposals(meeting: Meeting, settings: Pick<GroupSettings, 'proposalDeadlineDays'>, now: Date): boolean {
  return (
    (meeting.status === 'planned' || meeting.status === 'called') && now.getTime() < proposalDeadline(meeting.startsAt, settings).getTime()
  );
}

/** Meetings a proposal can still reach, in time order. */
export function openMeetings<M extends Meeting>(
  meetings: readonly M[],
  settings: Pick<GroupSettings, 'proposalDeadlineDays'>,
  now: Date,
): M[] {
  return meetings.filter((m) => isOpenForProposals(m, settings, now)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * Where a proposal goes: the meeting asked for while it is open; otherwise (too late, or none
 * asked for) the next open meeting — and a proposal that missed the meeting it asked for is late.
 */
export function placeProposal(
  meetings: readonly Meeting[],
  requestedMeetingId: string | null,
  settings: Pick<GroupSettings, 'proposalDeadlineDays'>,
  now: Date,
): { meetingId: string | null; late: boolean } {
  const open = openMeetings(meetings, settings, now);
  const requested = requestedMeetingId ? meetings.find((m) => m.id === requestedMeetingId) : undefined;
  if (requested && open.some((m) => m.id === requested.id)) return { meetingId: requested.id, late: false };
  const after = requested ? open.find((m) => m.startsAt.getTime() > requested.startsAt.getTime()) : open[0];
  return { meetingId: after?.id ?? null, late: requested !== undefined };
}

/** The proposer may change or withdraw while it is still only submitted and its meeting open. */
export function proposerMayChange(
  proposal: Pick<Proposal, 'status'>,
  meeting: Meeting | null,
  settings: Pick<GroupSettings, 'proposalDeadlineDays'>,
  now: Date,
): boolean {
  if (proposal.status !== 'submitted') return false;
  return meeting === null || isOpenForProposals(meeting, settings, now);
}

/**
 * The time a change is stamped with: now, but always after the previous stamp, so that "has it
 * changed since I read it?" can be asked of the stamp even when two changes share a millisecond.
 */
export function nextStamp(previous: Date, now: Date): Date {
  return new Date(Math.max(now.getTime(), previous.getTime() + 1));
}
