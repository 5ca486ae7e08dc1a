/**
 * The bot's activity handler: turns Teams activities into use-case calls and use-case answers
 * into cards. It holds no rules of its own.
 */
import { CardFactory, MessageFactory, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { Logger } from '../../app/ports/logger';
import { pickLocale, type Locale } from '../../app/i18n/locale';
import { botMessages } from '../../app/i18n/messages';
import type { WelcomeInput, WelcomeView } from '../../app/welcome-teams-user';
import { welcomeCard } from './cards/welcome-card';
import { conversationKindOf, conversationReferenceOf, senderEmail, teamIdOf, tenantOf } from './teams-turn';

export interface BotUseCases {
  welcome(input: WelcomeInput): Promise<WelcomeView>;
}

const HELP_WORDS = new Set(['hjälp', 'hjalp', 'help', '?', 'hej', 'hello', 'hi', 'start', 'meny', 'menu']);

export class ArbetsrumBot extends TeamsActivityHandler {
  constructor(
    private readonly useCases: BotUseCases,
    private readonly logger: Logger,
    /** 'auto' follows the Teams locale of each activity; 'sv' or 'en' fixes the language. */
    private readonly language: 'auto' | Locale = 'auto',
  ) {
    super();

    this.onMembersAdded(async (context, next) => {
      // Teams tells us the bot itself was added (install in a chat or a team): say hello once.
      const botWasAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id);
      if (botWasAdded) await this.sendWelcome(context, null);
      await next();
    });

    this.onMessage(async (context, next) => {
      const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? context.activity.text?.trim() ?? '';
      const word = text.toLowerCase().replace(/[!.]+$/, '');
      await this.sendWelcome(context, HELP_WORDS.has(word) || word === '' ? null : text);
      await next();
    });
  }

  private async sendWelcome(context: TurnContext, notUnderstood: string | null): Promise<void> {
    const activity = context.activity;
    const locale = this.language === 'auto' ? pickLocale(activity.locale) : this.language;
    const tenantId = tenantOf(activity);
    if (!tenantId) {
      this.logger.warn({ channelId: activity.channelId }, 'activity without tenant: not answered with group data');
      await context.sendActivity(botMessages(locale).somethingWentWrong);
      return;
    }
    const kind = conversationKindOf(activity);
    const view = await this.useCases.welcome({
      tenantId,
      user: {
        aadObjectId: activity.from.aadObjectId ?? null,
        email: kind === 'personal' ? await senderEmail(context) : null,
        name: activity.from.name ?? null,
      },
      conversation: { id: activity.conversation.id, kind, reference: conversationReferenceOf(activity), teamId: teamIdOf(activity) },
    });
    const card = CardFactory.adaptiveCard(welcomeCard(view, locale));
    const reply = notUnderstood
      ? MessageFactory.attachment(card, botMessages(locale).notUnderstood(notUnderstood.slice(0, 200)))
      : MessageFactory.attachment(card);
    await context.sendActivity(reply);
  }
}
