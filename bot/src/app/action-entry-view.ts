/**
 * One action as the tab's *Åtgärder* shows it: owner and organisation by name, the meeting that
 * decided it, the overdue flag, the owner's latest status answer and what the caller may change.
 * Shared by the list, the history and the change so all three answer with the same shape.
 */
import type { ActionStatusAnswer, ReportedStatus } from '../domain/action-status';
import { changeableFields, isOverdue, type ActionField } from '../domain/action-list';
import type { Meeting } from '../domain/meeting';
import type { ActionItem, ActionStatus } from '../domain/minutes';
import type { Person } from '../domain/person';
import type { Member } from './find-member';
import type { Repositories } from './ports/repositories';

export interface ActionOrganisationRef {
  id: string;
  name: string;
}

export interface ActionMeetingRef {
  id: string;
  title: string;
  startsAt: Date;
}

export interface ActionPersonRef {
  id: string;
  /** Null: someone the group no longer knows. */
  name: string | null;
  organisation: ActionOrganisationRef | null;
}

export interface ActionEntry {
  id: string;
  title: string;
  owner: ActionPersonRef | null;
  /** The förvaltning or bolag the action is followed up in (the owner's when it was given). */
  organisation: ActionOrganisationRef | null;
  dueDate: string | null;
  status: ActionStatus;
  overdue: boolean;
  decidedAt: ActionMeetingRef;
  latestAnswer: { status: ReportedStatus; comment: string; answeredAt: Date; forMeeting: ActionMeetingRef | null } | null;
  /** What the caller may change: strategists everything, the owner the status. */
  changeable: ActionField[];
}

/** What naming actions needs: the group's meetings, people and organisations, and the caller. */
export interface ActionContext {
  member: Member;
  today: string;
  meetings: ReadonlyMap<string, Meeting>;
  people: ReadonlyMap<string, Person>;
  organisations: ReadonlyMap<string, string>;
}

export async function loadActionContext(
  repos: Repositories,
  member: Member,
  today: string,
  personIds: Iterable<string> = [],
): Promise<ActionContext> {
  const { tenantId, id: groupId } = member.group;
  const [meetings, people, organisations] = await Promise.all([
    repos.meetings.listByGroup(tenantId, groupId),
    repos.people.listByGroup(tenantId, groupId),
    repos.organisations.listByGroup(tenantId, groupId),
  ]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  // Owners and actors who have left the group are looked up one by one.
  const missing = [...new Set(personIds)].filter((id) => !peopleById.has(id));
  for (const person of await Promise.all(missing.map((id) => repos.people.find(tenantId, id)))) {
    if (person) peopleById.set(person.id, person);
  }
  return {
    member,
    today,
    meetings: new Map(meetings.map((m) => [m.id, m])),
    people: peopleById,
    organisations: new Map(organisations.map((o) => [o.id, o.name])),
  };
}

export function meetingRef(context: ActionContext, meetingId: string): ActionMeetingRef | null {
  const meeting = context.meetings.get(meetingId);
  return meeting ? { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt } : null;
}

export function organisationRef(context: ActionContext, organisationId: string | null): ActionOrganisationRef | null {
  const name = organisationId ? context.organisations.get(organisationId) : undefined;
  return organisationId && name !== undefined ? { id: organisationId, name } : null;
}

export function personRef(context: ActionContext, personId: string | null): ActionPersonRef | null {
  if (!personId) return null;
  const person = context.people.get(personId);
  return { id: personId, name: person?.name ?? null, organisation: organisationRef(context, person?.organisationId ?? null) };
}

export function actionEntry(context: ActionContext, action: ActionItem, latest: ActionStatusAnswer | null): ActionEntry {
  const decidedAt = meetingRef(context, action.meetingId) ?? { id: action.meetingId, title: '', startsAt: action.createdAt };
  const { member } = context;
  return {
    id: action.id,
    title: action.title,
    owner: personRef(context, action.ownerPersonId),
    organisation: organisationRef(context, action.organisationId),
    dueDate: action.dueDate,
    status: action.status,
    overdue: isOverdue(action, context.today),
    decidedAt,
    latestAnswer: latest
      ? {
          status: latest.status,
          comment: latest.comment,
          answeredAt: latest.answeredAt,
          forMeeting: meetingRef(context, latest.forMeetingId),
        }
      : null,
    changeable: changeableFields(member.membership.role, action.ownerPersonId === member.person.id),
  };
}
