/**
 * One action of the group and what happened to it, oldest first: the meeting that decided it,
 * its owner's status answers before later meetings (Klar / Pågår / Hinder and a comment), and
 * the changes of status, due date and owner made in the tab (from the audit log). Every member
 * of the group reads it; an action of another group, or of minutes not yet published, is refused
 * as one that does not exist.
 */
import { stockholmDay } from '../domain/action-list';
import type { ReportedStatus } from '../domain/action-status';
import type { RecordedAuditEvent } from '../domain/audit';
import { ACTION_STATUSES, type ActionItem, type ActionStatus } from '../domain/minutes';
import {
  actionEntry,
  loadActionContext,
  meetingRef,
  personRef,
  type ActionContext,
  type ActionEntry,
  type ActionMeetingRef,
  type ActionPersonRef,
} from './action-entry-view';
import { findMember, notAMember, type Actor, type Member } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

/** The audit log's action for a change made in the tab. */
export const ACTION_CHANGED = 'action.changed';

type Change<T> = { from: T; to: T };

export type ActionHistoryEntry =
  | { kind: 'decided'; at: Date; meeting: ActionMeetingRef }
  | {
      kind: 'answered';
      at: Date;
      by: ActionPersonRef | null;
      status: ReportedStatus;
      comment: string;
      forMeeting: ActionMeetingRef | null;
    }
  | {
      kind: 'changed';
      at: Date;
      /** Null: Arbetsrum itself. */
      by: ActionPersonRef | null;
      status?: Change<ActionStatus>;
      dueDate?: Change<string | null>;
      owner?: Change<ActionPersonRef | null>;
    };

export interface ActionDetail {
  action: ActionEntry;
  history: ActionHistoryEntry[];
}

export async function getActionHistory(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { groupId: string; actionId: string },
): Promise<ActionDetail> {
  const member = await findMember(deps.repositories, input, input.groupId);
  const action = await deps.repositories.actionItems.find(input.tenantId, input.actionId);
  return describeAction(deps, member, await publishedActionOf(deps.repositories, member, action));
}

/** The action when it is one of the member's group from published minutes; else "no such". */
export async function publishedActionOf(repos: Repositories, member: Member, action: ActionItem | null): Promise<ActionItem> {
  if (!action || action.groupId !== member.group.id) throw notAMember();
  const meeting = await repos.meetings.find(action.tenantId, action.meetingId);
  if (meeting?.status !== 'minutes_published') throw notAMember();
  return action;
}

export async function describeAction(
  deps: { repositories: Repositories; clock: Clock },
  member: Member,
  action: ActionItem,
): Promise<ActionDetail> {
  const repos = deps.repositories;
  const { tenantId, id: groupId } = member.group;
  const [answers, changes] = await Promise.all([
    repos.actionLedger.listAnswers(tenantId, action.id),
    repos.actionLedger.listChanges(tenantId, groupId, action.id),
  ]);
  const people = [
    action.ownerPersonId,
    ...answers.map((a) => a.personId),
    ...changes.flatMap((c) => [c.actorPersonId, ...ownerIds(c)]),
  ].filter((id): id is string => typeof id === 'string');
  const context = await loadActionContext(repos, member, stockholmDay(deps.clock.now()), people);
  const decided = meetingRef(context, action.meetingId);
  const history: ActionHistoryEntry[] = [
    ...(decided ? [{ kind: 'decided' as const, at: decided.startsAt, meeting: decided }] : []),
    ...answers.map((a) => ({
      kind: 'answered' as const,
      at: a.answeredAt,
      by: personRef(context, a.personId),
      status: a.status,
      comment: a.comment,
      forMeeting: meetingRef(context, a.forMeetingId),
    })),
    ...changes.filter((c) => c.action === ACTION_CHANGED).map((c) => changeEntry(context, c)),
  ];
  // A stable sort: the decision, then answers, then changes of the same instant.
  history.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { action: actionEntry(context, action, answers.at(-1) ?? null), history };
}

/** Only the fields this feature writes, checked: the log's detail is not trusted blindly. */
function changeEntry(context: ActionContext, event: RecordedAuditEvent): ActionHistoryEntry {
  const entry: Extract<ActionHistoryEntry, { kind: 'changed' }> = {
    kind: 'changed',
    at: event.at,
    by: personRef(context, event.actorPersonId),
  };
  const status = pair(event.detail.status, (v): v is ActionStatus => ACTION_STATUSES.includes(v as ActionStatus));
  if (status) entry.status = status;
  const dueDate = pair(
    event.detail.dueDate,
    (v): v is string | null => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)),
  );
  if (dueDate) entry.dueDate = dueDate;
  const owner = pair(event.detail.owner, (v): v is string | null => v === null || typeof v === 'string');
  if (owner) entry.owner = { from: personRef(context, owner.from), to: personRef(context, owner.to) };
  return entry;
}

function pair<T>(value: unknown, is: (v: unknown) => v is T): Change<T> | null {
  if (typeof value !== 'object' || value === null) return null;
  const { from, to } = value as Record<string, unknown>;
  return is(from) && is(to) ? { from, to } : null;
}

function ownerIds(event: RecordedAuditEvent): string[] {
  const owner = pair(event.detail.owner, (v): v is string | null => v === null || typeof v === 'string');
  return owner ? [owner.from, owner.to].filter((id) => id !== null) : [];
}
