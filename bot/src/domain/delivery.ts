/**
 * A delivery: one message to one recipient, recorded so that a fan-out run again — or twice at
 * once — sends to no one twice, and the strategists can see who was not reached. The one gap:
 * a process that dies after Teams accepted a message but before the delivery was marked sent
 * leaves it leased; after the lease runs out a later run sends it again.
 */
/** `sending`: leased by one sender right now (or by one that died; its lease then runs out). */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed';

export interface Delivery {
  id: string;
  tenantId: string;
  groupId: string;
  /** What was sent, e.g. "call-for-proposals". */
  kind: string;
  /** Who or where: "person:<person id>" or "channel:<group id>". */
  target: string;
  /** One per message and recipient: the same key is never sent twice. */
  deliveryKey: string;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  /** Teams' id of the sent message, when it gave one: for updating it in place. */
  messageId: string | null;
  updatedAt: Date;
}

export function deliveryKey(kind: string, subjectId: string, target: string): string {
  return `${kind}:${subjectId}:${target}`;
}

/** Why someone was not reached, in words the adapters can translate. */
export type UnreachableReason = 'no-conversation' | 'blocked-or-uninstalled' | 'conversation-gone' | 'retries-exhausted' | 'error';
