/**
 * The group's actions across meetings, for the tab's *Åtgärder*: the whole list with the owners'
 * latest status answers, one action's answers and tab changes over time, and the tab's change of
 * an action's status, due date and owner. The minutes keep writing their meeting's actions
 * through ActionItemRepository; this port only reads the list and changes those three fields.
 */
import type { ActionStatusAnswer } from '../../domain/action-status';
import type { RecordedAuditEvent } from '../../domain/audit';
import type { ActionItem, ActionStatus } from '../../domain/minutes';

/** The audit log's subject for an action: its changes in the tab are found by it. */
export const actionSubject = (actionId: string): string => `action:${actionId}`;

export interface ActionChange {
  status: ActionStatus;
  dueDate: string | null;
  ownerPersonId: string | null;
  organisationId: string | null;
}

export interface ActionLedgerRepository {
  /** The group's actions from meetings whose minutes are published, in any order. */
  listPublishedByGroup(tenantId: string, groupId: string): Promise<ActionItem[]>;
  /** Each action's newest status answer, for the group's actions that have one. */
  latestAnswersByGroup(tenantId: string, groupId: string): Promise<ActionStatusAnswer[]>;
  /** One action's status answers, oldest first. */
  listAnswers(tenantId: string, actionId: string): Promise<ActionStatusAnswer[]>;
  /** The group's audit events about the action (its changes in the tab), oldest first. */
  listChanges(tenantId: string, groupId: string, actionId: string): Promise<RecordedAuditEvent[]>;
  /** The action, its row held until the transaction ends (run it in a unit of work): changes queue. */
  lock(tenantId: string, actionId: string): Promise<ActionItem | null>;
  /** Writes the three fields the tab changes (and the owner's organisation); updated_at moves. */
  change(tenantId: string, actionId: string, change: ActionChange, at: Date): Promise<void>;
}
