/**
 * The team's roster through the Bot Framework: paged members of the group's team (from its
 * channel conversation), and a personal chat created with a member who never opened the bot.
 */
import { TeamsInfo, TurnContext, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { Roster, TeamMember } from '../../app/ports/roster';
import type { ConversationRecord } from '../../domain/conversation';

const TO_CHANNEL_AUDIENCE = 'https://api.botframework.com';
/** A team of thousands is read in pages; a runaway continuation token stops here. */
const MAX_PAGES = 50;

export class TeamsRoster implements Roster {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async members(channel: ConversationRecord): Promise<TeamMember[]> {
    const members: TeamMember[] = [];
    let failure: unknown = null;
    await this.adapter.continueConversationAsync(this.appId, channel.reference as Partial<ConversationReference>, async (context) => {
      try {
        let token: string | undefined;
        for (let page = 0; page < MAX_PAGES; page += 1) {
          const result = await TeamsInfo.getPagedMembers(context, 500, token);
          for (const m of result.members) {
            members.push({
              teamsUserId: m.id,
              aadObjectId: m.aadObjectId ?? null,
              email: m.email ?? m.userPrincipalName ?? null,
              name: m.name ?? '',
            });
          }
          token = result.continuationToken;
          if (!token) break;
        }
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
    return members;
  }

  async openPersonalChat(channel: ConversationRecord, member: TeamMember): Promise<{ conversationId: string; reference: unknown } | null> {
    const reference = channel.reference as Partial<ConversationReference>;
    if (!reference.serviceUrl || !reference.bot) return null;
    const parameters = {
      isGroup: false,
      bot: reference.bot,
      members: [{ id: member.teamsUserId, name: member.name }],
      tenantId: channel.tenantId,
      channelData: { tenant: { id: channel.tenantId } },
    } as ConversationParameters;
    let opened: { conversationId: string; reference: unknown } | null = null;
    try {
      await this.adapter.createConversationAsync(
        this.appId,
        reference.channelId ?? 'msteams',
        reference.serviceUrl,
        TO_CHANNEL_AUDIENCE,
        parameters,
        async (context) => {
          const created = TurnContext.getConversationReference(context.activity);
          if (created.conversation?.id) opened = { conversationId: created.conversation.id, reference: created };
        },
      );
    } catch {
      return null;
    }
    return opened;
  }
}
