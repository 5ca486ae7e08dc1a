/**
 * The team's roster, as Teams knows it: who is in the group's team, and a way to open a personal
 * chat with someone who never opened the bot, so that no member is left unreached.
 */
import type { ConversationRecord } from '../../domain/conversation';

export interface TeamMember {
  teamsUserId: string;
  aadObjectId: string | null;
  email: string | null;
  name: string;
}

export interface Roster {
  /** Everyone in the team the channel conversation belongs to. */
  members(channel: ConversationRecord): Promise<TeamMember[]>;
  /** Creates (or finds) the bot's personal chat with a member; null when Teams refuses. */
  openPersonalChat(channel: ConversationRecord, member: TeamMember): Promise<{ conversationId: string; reference: unknown } | null>;
}
