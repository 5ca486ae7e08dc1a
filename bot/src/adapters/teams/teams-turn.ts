/** What the use cases need to know about a turn, read from the Teams activity. */
import { TeamsInfo, TurnContext, type Activity } from 'botbuilder';
import type { ConversationKind } from '../../domain/conversation';

export function tenantOf(activity: Activity): string | null {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? null;
}

export function conversationKindOf(activity: Activity): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}

export function teamIdOf(activity: Activity): string | null {
  const channelData = activity.channelData as { team?: { id?: string } } | undefined;
  return channelData?.team?.id ?? null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Microsoft 365 group behind the team (Teams sends it as aadGroupId): its library and calendar. */
export function m365GroupIdOf(activity: Activity): string | null {
  const channelData = activity.channelData as { team?: { aadGroupId?: unknown } } | undefined;
  const id = channelData?.team?.aadGroupId;
  return typeof id === 'string' && GUID.test(id) ? id.toLowerCase() : null;
}

/**
 * The sender's work mail, asked of Teams' roster (activities carry only ids). Failing that —
 * a roster call can be refused — the person is still matched by object id.
 */
export async function senderEmail(context: TurnContext): Promise<string | null> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return member.email ?? member.userPrincipalName ?? null;
  } catch {
    return null;
  }
}

/**
 * A channel message in a thread carries the thread in its conversation id (";messageid=…").
 * What we keep is the channel itself, so later posts start a new thread instead of replying.
 */
export function conversationIdOf(activity: Activity): string {
  const id = activity.conversation.id;
  return conversationKindOf(activity) === 'channel' ? id.replace(/;messageid=\d+$/, '') : id;
}

/**
 * The reference kept for messages the bot sends later. It leaves out the incoming message's id: a
 * later message answers none of them, and the id changes with every message, so a person's chat
 * would read as changed (and be written again) each time they wrote (remember-conversation.ts).
 */
export function conversationReferenceOf(activity: Activity): unknown {
  const reference = { ...TurnContext.getConversationReference(activity), activityId: undefined };
  if (conversationKindOf(activity) !== 'channel' || !reference.conversation) return reference;
  return { ...reference, conversation: { ...reference.conversation, id: conversationIdOf(activity) } };
}
