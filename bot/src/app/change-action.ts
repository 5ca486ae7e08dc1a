/**
 * A change of an action from the tab's *Åtgärder*: its status, due date or owner. Strategists
 * change all three; the action's owner changes only its status; everyone else is refused. The new
 * owner must be a member of the group, and the action is then followed up in their organisation.
 * The change and its audit event (old and new values: the action's history) are written together.
 * A done action's due reminders stop: the database plans the meeting's timed work again on every
 * change of status, due date or owner (migration 012), and a done action plans no reminders.
 */
import { isDueDate, refusedField, type ActionField } from '../domain/action-list';
import { ACTION_STATUSES, type ActionStatus } from '../domain/minutes';
import { AppError } from './errors';
import { findMember, type Actor } from './find-member';
import { ACTION_CHANGED, describeAction, publishedActionOf, type ActionDetail } from './get-action-history';
import { actionSubject } from './ports/action-ledger-repository';
import type { Clock } from './ports/clock';
import type { Repositories, UnitOfWork } from './ports/repositories';

/** The refusal's message for an owner who asks for more than the status. */
export const OWNER_CHANGES_STATUS_ONLY = 'The owner of an action may change only its status';
export const ONLY_STRATEGISTS_OR_OWNER = "Only strategists and the action's owner change an action";

export interface ActionChanges {
  status?: ActionStatus;
  /** "YYYY-MM-DD", or null for no due date. */
  dueDate?: string | null;
  /** A member of the group, or null for no owner. */
  ownerPersonId?: string | null;
}

export async function changeAction(
  deps: { repositories: Repositories; unitOfWork: UnitOfWork; clock: Clock },
  input: Actor & ActionChanges & { groupId: string; actionId: string },
): Promise<ActionDetail> {
  const asked: ActionField[] = [
    ...(input.status !== undefined ? (['status'] as const) : []),
    ...(input.dueDate !== undefined ? (['dueDate'] as const) : []),
    ...(input.ownerPersonId !== undefined ? (['owner'] as const) : []),
  ];
  if (asked.length === 0) throw new AppError('invalid', 'Nothing to change: send status, dueDate or ownerPersonId');
  if (input.status !== undefined && !ACTION_STATUSES.includes(input.status)) {
    throw new AppError('invalid', `status: one of ${ACTION_STATUSES.join(', ')}`);
  }
  if (input.dueDate != null && !isDueDate(input.dueDate)) {
    throw new AppError('invalid', 'dueDate: a date like 2026-05-31, in the years 2000 to 2100');
  }

  const now = deps.clock.now();
  const member = await deps.unitOfWork.transaction(async (tx) => {
    const found = await findMember(tx, input, input.groupId);
    const action = await publishedActionOf(tx, found, await tx.actionLedger.lock(input.tenantId, input.actionId));
    const isOwner = action.ownerPersonId === found.person.id;
    if (refusedField(found.membership.role, isOwner, asked) !== null) {
      throw new AppError('forbidden', isOwner ? OWNER_CHANGES_STATUS_ONLY : ONLY_STRATEGISTS_OR_OWNER);
    }

    let organisationId = action.organisationId;
    if (input.ownerPersonId !== undefined && input.ownerPersonId !== action.ownerPersonId) {
      if (input.ownerPersonId === null) {
        organisationId = null;
      } else {
        const memberships = await tx.memberships.listByGroup(input.tenantId, found.group.id);
        const owner = memberships.some((m) => m.personId === input.ownerPersonId)
          ? await tx.people.find(input.tenantId, input.ownerPersonId)
          : null;
        if (!owner) throw new AppError('invalid', 'ownerPersonId: not a member of this group');
        organisationId = owner.organisationId;
      }
    }
    const next = {
      status: input.status ?? action.status,
      dueDate: input.dueDate !== undefined ? input.dueDate : action.dueDate,
      ownerPersonId: input.ownerPersonId !== undefined ? input.ownerPersonId : action.ownerPersonId,
    };
    const detail: Record<string, unknown> = { meetingId: action.meetingId };
    if (next.status !== action.status) detail.status = { from: action.status, to: next.status };
    if (next.dueDate !== action.dueDate) detail.dueDate = { from: action.dueDate, to: next.dueDate };
    if (next.ownerPersonId !== action.ownerPersonId) detail.owner = { from: action.ownerPersonId, to: next.ownerPersonId };
    // The same values again change nothing and log nothing.
    if (Object.keys(detail).length === 1) return found;

    await tx.actionLedger.change(input.tenantId, action.id, { ...next, organisationId }, now);
    await tx.audit.record({
      tenantId: input.tenantId,
      groupId: found.group.id,
      actorPersonId: found.person.id,
      action: ACTION_CHANGED,
      subject: actionSubject(action.id),
      at: now,
      detail,
    });
    return found;
  });

  const action = await deps.repositories.actionItems.find(input.tenantId, input.actionId);
  return describeAction(deps, member, await publishedActionOf(deps.repositories, member, action));
}
