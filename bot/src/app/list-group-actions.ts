/**
 * The group's *åtgärdslista* across all meetings whose minutes are published (the tab's
 * *Åtgärder*): every member reads it. Filtered by status (or "not done"), owner, organisation,
 * meeting and "overdue only"; overdue first, then by due date; a page at a time. Beside the page:
 * the owners, organisations and meetings the whole list names (the filters' choices) and the
 * group's members (the owner a strategist may give an action to).
 */
import { ACTION_STATUS_FILTERS, listActions, stockholmDay, type ActionFilter } from '../domain/action-list';
import type { ActionStatusAnswer } from '../domain/action-status';
import {
  actionEntry,
  loadActionContext,
  meetingRef,
  organisationRef,
  personRef,
  type ActionEntry,
  type ActionMeetingRef,
  type ActionOrganisationRef,
  type ActionPersonRef,
} from './action-entry-view';
import { AppError } from './errors';
import { findMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

export const ACTION_PAGE = { defaultLimit: 100, maxLimit: 500, maxOffset: 100_000 } as const;

export interface ActionListPage {
  /** Stockholm's date the overdue flags were computed for, "YYYY-MM-DD". */
  today: string;
  /** How many actions the filter keeps in all (the page holds at most `limit` of them). */
  total: number;
  actions: ActionEntry[];
  choices: { owners: ActionPersonRef[]; organisations: ActionOrganisationRef[]; meetings: ActionMeetingRef[] };
  members: ActionPersonRef[];
}

export type ListGroupActionsInput = Actor & ActionFilter & { groupId: string; limit?: number; offset?: number };

export async function listGroupActions(
  deps: { repositories: Repositories; clock: Clock },
  input: ListGroupActionsInput,
): Promise<ActionListPage> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  if (input.status !== undefined && !ACTION_STATUS_FILTERS.includes(input.status)) {
    throw new AppError('invalid', `status: one of ${ACTION_STATUS_FILTERS.join(', ')}`);
  }
  const limit = input.limit ?? ACTION_PAGE.defaultLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > ACTION_PAGE.maxLimit) {
    throw new AppError('invalid', `limit: a whole number from 1 to ${ACTION_PAGE.maxLimit}`);
  }
  const offset = input.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > ACTION_PAGE.maxOffset) {
    throw new AppError('invalid', `offset: a whole number from 0 to ${ACTION_PAGE.maxOffset}`);
  }

  const { tenantId, id: groupId } = member.group;
  const [actions, answers, memberships] = await Promise.all([
    repos.actionLedger.listPublishedByGroup(tenantId, groupId),
    repos.actionLedger.latestAnswersByGroup(tenantId, groupId),
    repos.memberships.listByGroup(tenantId, groupId),
  ]);
  const today = stockholmDay(deps.clock.now());
  const owners = new Set(actions.map((a) => a.ownerPersonId).filter((id) => id !== null));
  const context = await loadActionContext(repos, member, today, owners);
  const latest = new Map<string, ActionStatusAnswer>(answers.map((a) => [a.actionId, a]));
  const filter: ActionFilter = {
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.ownerPersonId !== undefined ? { ownerPersonId: input.ownerPersonId } : {}),
    ...(input.organisationId !== undefined ? { organisationId: input.organisationId } : {}),
    ...(input.meetingId !== undefined ? { meetingId: input.meetingId } : {}),
    ...(input.overdueOnly ? { overdueOnly: true } : {}),
  };
  const kept = listActions(actions, filter, today);
  const byName = <T extends { name: string | null }>(a: T, b: T) => (a.name ?? '').localeCompare(b.name ?? '', 'sv');

  return {
    today,
    total: kept.length,
    actions: kept.slice(offset, offset + limit).map((a) => actionEntry(context, a, latest.get(a.id) ?? null)),
    choices: {
      owners: refs([...owners].map((id) => personRef(context, id))).sort(byName),
      organisations: unique(actions.map((a) => organisationRef(context, a.organisationId))).sort(byName),
      meetings: unique(actions.map((a) => meetingRef(context, a.meetingId))).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    },
    members: refs(memberships.map((m) => personRef(context, m.personId))).sort(byName),
  };
}

function refs<T>(list: (T | null)[]): T[] {
  return list.filter((r) => r !== null);
}

function unique<T extends { id: string }>(refs: (T | null)[]): T[] {
  return [...new Map(refs.filter((r) => r !== null).map((r) => [r.id, r])).values()];
}
