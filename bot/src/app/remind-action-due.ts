/**
 * An action's due date coming up (the scheduler's timing: three days before and on the day): its
 * owner gets the status card, so marking it done is one click. Nothing goes out for an action
 * that is done, moved or has lost its owner by then.
 */
import { actionStatusView } from './action-status-view';
import { fanOut, noOne, type FanOutReport, type Pacer } from './fan-out';
import type { SendToGroupDeps } from './send-to-group';
import { toStockholm } from '../domain/stockholm-time';

export const ACTION_DUE_REMINDER = 'action-due-reminder';

const isoDay = (at: Date) => {
  const d = toStockholm(at);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};

export async function remindActionDue(
  deps: SendToGroupDeps,
  pacer: Pacer,
  input: { tenantId: string; actionId: string },
): Promise<FanOutReport> {
  const repos = deps.repositories;
  const action = await repos.actionItems.find(input.tenantId, input.actionId);
  if (!action || action.status === 'done' || !action.dueDate || !action.ownerPersonId) return noOne();
  const today = isoDay(deps.clock.now());
  if (today > action.dueDate) return noOne();
  const [owner, memberships] = await Promise.all([
    repos.people.find(input.tenantId, action.ownerPersonId),
    repos.memberships.listByGroup(input.tenantId, action.groupId),
  ]);
  if (!owner || !memberships.some((m) => m.personId === owner.id)) return noOne();
  const reason = today === action.dueDate ? 'due-today' : 'due-soon';
  return fanOut(deps, pacer, {
    tenantId: input.tenantId,
    groupId: action.groupId,
    kind: ACTION_DUE_REMINDER,
    // One reminder per action, due date and occasion: a new due date is reminded again.
    subjectId: `${action.id}:${action.dueDate}:${reason}`,
    notice: await actionStatusView(repos, action, reason, deps.clock.now()),
    recipients: [
      {
        target: `person:${owner.id}`,
        name: owner.name,
        email: owner.email,
        conversation: await repos.conversations.findPersonal(input.tenantId, owner.id),
      },
    ],
  });
}
