/**
 * *Ändringslogg*: who changed the group's meetings, agendas, proposals and minutes, and what
 * Arbetsrum sent on its own, newest first and a page at a time. Strategists of the group only.
 * Each event leaves with the actor's name (no actor: Arbetsrum itself), the meeting or proposal it
 * concerns, and a whitelisted part of its detail: counts, versions and which fields changed —
 * never mail addresses, links, texts or tokens, whatever a future use case puts in the log.
 */
import type { RecordedAuditEvent } from '../domain/audit';
import type { Meeting } from '../domain/meeting';
import type { Proposal } from '../domain/proposal';
import { AppError } from './errors';
import { findMember, isStrategist, type Actor } from './find-member';
import type { Repositories } from './ports/repositories';

export const AUDIT_PAGE = { defaultLimit: 50, maxLimit: 200 } as const;

/** An event id from an earlier page (the log's bigserial). */
export const AUDIT_CURSOR = /^[1-9]\d{0,17}$/;

const MEETING_FIELDS = ['title', 'startsAt', 'durationMinutes', 'place', 'onlineUrl'] as const;
type MeetingField = (typeof MEETING_FIELDS)[number];

/** The numbers an event may show; anything else in its detail stays in the log. */
const COUNTS = [
  'items',
  'count',
  'version',
  'corrects',
  'proposalsToMove',
  'sent',
  'mailed',
  'notReached',
  'recipients',
  'people',
  'organisations',
  'added',
  'roleChanged',
] as const;
type Count = (typeof COUNTS)[number];

export type AuditDetail = Partial<Record<Count, number>> & {
  late?: boolean;
  /** meeting.changed: which fields, never their values (a Teams link carries a token). */
  fields?: MeetingField[];
  /** meeting.chair-changed: the chairs by name. */
  chair?: { from: string | null; to: string | null };
};

export interface AuditEntry {
  id: string;
  at: Date;
  /** Null: Arbetsrum itself (the scheduler, the seed). A name of null: a person no longer known. */
  actor: { personId: string; name: string | null } | null;
  /** The action's key, e.g. `agenda.saved`; the tab words it. */
  action: string;
  meeting: { id: string; title: string; startsAt: Date } | null;
  proposal: { id: string; title: string } | null;
  /** meetings.planned: the year planned. */
  year: number | null;
  detail: AuditDetail;
}

export interface AuditPage {
  events: AuditEntry[];
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextBefore: string | null;
}

export async function listAuditEvents(
  deps: { repositories: Repositories },
  input: Actor & { groupId: string; limit?: number; before?: string | null },
): Promise<AuditPage> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists read the change log');
  const limit = input.limit ?? AUDIT_PAGE.defaultLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE.maxLimit)
    throw new AppError('invalid', `limit: a whole number from 1 to ${AUDIT_PAGE.maxLimit}`);
  const before = input.before ?? null;
  if (before !== null && !AUDIT_CURSOR.test(before)) throw new AppError('invalid', 'before: an event id from an earlier page');

  const { tenantId, id: groupId } = member.group;
  // One more than asked tells whether an older page exists.
  const found = await repos.audit.listPage(tenantId, groupId, { limit: limit + 1, before });
  const events = found.slice(0, limit);

  const proposalIds = new Set(events.map((e) => subjectId(e.subject, 'proposal')).filter((id) => id !== null));
  const [meetings, people, proposals] = await Promise.all([
    repos.meetings.listByGroup(tenantId, groupId),
    repos.people.listByGroup(tenantId, groupId),
    Promise.all([...proposalIds].map((id) => repos.proposals.find(tenantId, id))),
  ]);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const nameById = new Map(people.map((p) => [p.id, p.name]));
  // Actors and chairs who are not members of the group (any more) are looked up one by one.
  const otherIds = new Set<string>();
  for (const e of events) for (const id of [e.actorPersonId, ...chairIds(e)]) if (id && !nameById.has(id)) otherIds.add(id);
  for (const person of await Promise.all([...otherIds].map((id) => repos.people.find(tenantId, id)))) {
    if (person) nameById.set(person.id, person.name);
  }
  const proposalById = new Map(proposals.filter((p): p is Proposal => p !== null && p.groupId === groupId).map((p) => [p.id, p]));

  return {
    events: events.map((event) => {
      const meetingId = subjectId(event.subject, 'meeting') ?? subjectId(event.subject, 'minutes') ?? text(event.detail.meetingId);
      const meeting = meetingId ? meetingById.get(meetingId) : undefined;
      const proposalId = subjectId(event.subject, 'proposal');
      const proposal = proposalId ? proposalById.get(proposalId) : undefined;
      const year = Number(subjectId(event.subject, 'year'));
      return {
        id: event.id,
        at: event.at,
        actor: event.actorPersonId === null ? null : { personId: event.actorPersonId, name: nameById.get(event.actorPersonId) ?? null },
        action: event.action,
        meeting: meeting ? meetingRef(meeting) : null,
        proposal: proposal ? { id: proposal.id, title: proposal.title } : null,
        year: Number.isInteger(year) && year > 0 ? year : null,
        detail: safeDetail(event, nameById),
      };
    }),
    nextBefore: found.length > limit ? (events.at(-1)?.id ?? null) : null,
  };
}

function meetingRef(meeting: Meeting): AuditEntry['meeting'] {
  return { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt };
}

/** `meeting:<id>` → the id, for the kind asked. */
function subjectId(subject: string, kind: string): string | null {
  return subject.startsWith(`${kind}:`) ? subject.slice(kind.length + 1) || null : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function chairIds(event: RecordedAuditEvent): string[] {
  if (event.action !== 'meeting.chair-changed') return [];
  return [text(event.detail.from), text(event.detail.to)].filter((id) => id !== null);
}

function safeDetail(event: RecordedAuditEvent, nameById: ReadonlyMap<string, string>): AuditDetail {
  const detail: AuditDetail = {};
  for (const key of COUNTS) {
    const value = event.detail[key];
    if (typeof value === 'number' && Number.isFinite(value)) detail[key] = value;
  }
  if (typeof event.detail.late === 'boolean') detail.late = event.detail.late;
  if (event.action === 'meeting.changed') detail.fields = MEETING_FIELDS.filter((field) => field in event.detail);
  if (event.action === 'meeting.chair-changed') {
    const name = (value: unknown) => {
      const id = text(value);
      return id ? (nameById.get(id) ?? null) : null;
    };
    detail.chair = { from: name(event.detail.from), to: name(event.detail.to) };
  }
  return detail;
}
