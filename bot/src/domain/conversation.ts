/** Where the bot can reach someone again: a personal chat, a team channel or a group chat. */
export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface ConversationRecord {
  tenantId: string;
  conversationId: string;
  kind: ConversationKind;
  /** The person in a personal chat, when known. */
  personId: string | null;
  /** The group a team or channel belongs to, when known. */
  groupId: string | null;
  /** The channel's own reference, opaque to everything but the Teams adapter. */
  reference: unknown;
  updatedAt: Date;
}
