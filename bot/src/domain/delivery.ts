/**
 * A delivery: one message to one recipient, recorded so that a fan-out interrupted at any point
 * and run again reaches everyone exactly once, and the strategists can see who was not reached.
 */
export type DeliveryState = 'pending' | 'sent' | 'failed';

export interface Delivery {
  id: string;
  tenantId: string;
  groupId: string;
  /** What was sent, e.g. "call-for-proposals". */
  kind: string;
  /** Who or where: "person:<id>" or "channel:<conversation id>". */
  target: string;
  /** One per message and recipient: the same key is never sent twice. */
  deliveryKey: string;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  updatedAt: Date;
}

export function deliveryKey(kind: string, subjectId: string, target: string): string {
  return `${kind}:${subjectId}:${target}`;
}

/** Why someone was not reached, in words the adapters can translate. */
export type UnreachableReason = 'no-conversation' | 'blocked-or-uninstalled' | 'conversation-gone' | 'retries-exhausted' | 'error';
