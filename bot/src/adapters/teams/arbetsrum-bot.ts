/**
 * The bot's activity handler: turns Teams activities into use-case calls and use-case answers
 * into cards. It holds no rules of its own.
 */
import {
  CardFactory,
  MessageFactory,
  StatusCodes,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
} from 'botbuilder';
import type { Actor } from '../../app/find-member';
import { pickLocale, type Locale } from '../../app/i18n/locale';
import { botMessages } from '../../app/i18n/messages';
import { kallelseMessages } from '../../app/i18n/kallelse-messages';
import { proposalMessages } from '../../app/i18n/proposal-messages';
import type { Logger } from '../../app/ports/logger';
import type { BotUseCases } from './bot-use-cases';
import { parseCardAction } from './card-actions';
import { noticeCard, type AdaptiveCard } from './cards/card-parts';
import { myActionsCard } from './cards/my-actions-card';
import { myProposalsCard } from './cards/proposal-receipt-card';
import { PROPOSAL_VERBS } from './cards/proposal-form-card';
import { kallelseCard } from './cards/kallelse-card';
import { welcomeCard } from './cards/welcome-card';
import { parseCommand } from './commands';
import { fetchExtensionTask, submitExtensionAction, type ExtensionTurn } from './message-extension';
import { tipFormCard } from './cards/tip-card';
import { tipMessages } from '../../app/i18n/tip-messages';
import { AppError } from '../../app/errors';
import { runCardAction } from './card-action-runner';
import {
  conversationIdOf,
  conversationKindOf,
  conversationReferenceOf,
  m365GroupIdOf,
  senderEmail,
  teamIdOf,
  tenantOf,
} from './teams-turn';

export type { BotUseCases } from './bot-use-cases';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

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
      if (botWasAdded) await this.sendWelcome(context, false);
      await next();
    });

    this.onMessage(async (context, next) => {
      if (context.activity.value !== undefined && context.activity.value !== null) {
        await this.onSubmittedCard(context);
      } else {
        await this.onText(context);
      }
      await next();
    });
  }

  private localeOf(context: TurnContext): Locale {
    return this.language === 'auto' ? pickLocale(context.activity.locale) : this.language;
  }

  private async onText(context: TurnContext): Promise<void> {
    const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? context.activity.text?.trim() ?? '';
    const command = parseCommand(text);
    if (
      command === 'propose' ||
      command === 'myProposals' ||
      command === 'myActions' ||
      command === 'agenda' ||
      command === 'tip' ||
      command === 'competence'
    ) {
      const actor = await this.actorOf(context);
      if (!actor) {
        await this.sendWelcome(context, false);
        return;
      }
      const card = await this.commandCard(command, actor, context);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      return;
    }
    await this.sendWelcome(context, command === null && text !== '');
  }

  private async commandCard(
    command: 'propose' | 'myProposals' | 'myActions' | 'agenda' | 'tip' | 'competence',
    actor: Actor,
    context: TurnContext,
  ): Promise<AdaptiveCard> {
    const locale = this.localeOf(context);
    if (command === 'tip') return this.tipForm(actor, locale);
    if (command === 'competence')
      return runCardAction(this.useCases, { verb: 'competence.open', groupId: null }, actor, this.cardContext(context));
    if (command === 'propose')
      return runCardAction(this.useCases, { verb: PROPOSAL_VERBS.open, groupId: null, meetingId: null }, actor, this.cardContext(context));
    if (command === 'myProposals') return myProposalsCard(await this.useCases.listMyProposals(actor), locale);
    if (command === 'myActions') return myActionsCard(await this.useCases.listMyActions(actor), locale);
    const kallelse = await this.useCases.getKallelse(actor);
    const m = kallelseMessages(locale);
    if (!kallelse) return noticeCard(m.agenda, m.noMeeting);
    // Outside a personal chat everyone sees the card: no one's own answer, no answer buttons.
    return conversationKindOf(context.activity) === 'personal'
      ? kallelseCard(kallelse, locale, 'person')
      : kallelseCard({ ...kallelse, answer: null }, locale, 'channel');
  }

  /**
   * Invokes the bot does not handle, and an `adaptiveCard/action` without an action, are the
   * sender's mistake: answered 400 in Bot Framework's error shape. botbuilder would answer 501 to
   * the first, and throw on the second (a turn error, then 501 again).
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value = context.activity.value as { action?: unknown } | null | undefined;
    const hasAction = typeof value === 'object' && value !== null && typeof value.action === 'object' && value.action !== null;
    if (context.activity.name === 'adaptiveCard/action' && !hasAction) return invokeError('BadRequest', 'The invoke has no action.');
    const response = await super.onInvokeActivity(context);
    if (response.status !== StatusCodes.NOT_IMPLEMENTED) return response;
    return invokeError('NotSupported', `The bot does not handle the invoke '${String(context.activity.name).slice(0, 64)}'.`);
  }

  /** *Föreslå som punkt* and *Tipsa gruppen* on a Teams message: the form as a task module. */
  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return fetchExtensionTask(this.extensionTurn(context), action);
  }

  /** Bot message previews are not used: every submit goes to the one handler, which checks the value itself. */
  protected override async handleTeamsMessagingExtensionSubmitActionDispatch(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.handleTeamsMessagingExtensionSubmitAction(context, action);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return submitExtensionAction(this.extensionTurn(context), action);
  }

  private extensionTurn(context: TurnContext): ExtensionTurn {
    return { useCases: this.useCases, logger: this.logger, locale: this.localeOf(context), actor: () => this.actorOf(context) };
  }

  private async tipForm(actor: Actor, locale: Locale): Promise<AdaptiveCard> {
    try {
      return tipFormCard(await this.useCases.openTipForm(actor), locale, { kind: 'chat' });
    } catch (error) {
      if (error instanceof AppError) return noticeCard(tipMessages(locale).formTitle, tipMessages(locale).notMember);
      throw error;
    }
  }

  /** Universal Actions: answer `adaptiveCard/action` with the card that replaces the one clicked. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const card = await this.cardFor(context, invokeValue.action?.verb, invokeValue.action?.data);
    return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card as unknown as AdaptiveCardInvokeResponse['value'] };
  }

  /** The Action.Submit fallback (clients without Universal Actions): replace the card in place. */
  private async onSubmittedCard(context: TurnContext): Promise<void> {
    const card = await this.cardFor(context, undefined, context.activity.value);
    const attachment = CardFactory.adaptiveCard(card);
    if (context.activity.replyToId) {
      const updated = await context.updateActivity({ id: context.activity.replyToId, type: 'message', attachments: [attachment] }).then(
        () => true,
        () => false,
      );
      if (updated) return;
    }
    await context.sendActivity(MessageFactory.attachment(attachment));
  }

  private async cardFor(context: TurnContext, verb: unknown, data: unknown): Promise<AdaptiveCard> {
    const locale = this.localeOf(context);
    const m = proposalMessages(locale);
    const action = parseCardAction(verb, data);
    if (!action) {
      this.logger.warn({ verb: typeof verb === 'string' ? verb.slice(0, 40) : typeof verb }, 'card action refused: did not parse');
      return noticeCard(m.formTitle, m.unreadable);
    }
    if (action.verb === 'rsvp.answer' && conversationKindOf(context.activity) !== 'personal') {
      // An answer here would replace a shared card with one person's answer, for everyone.
      const k = kallelseMessages(locale);
      return noticeCard(k.question, k.answerInPersonalChat);
    }
    const actor = await this.actorOf(context);
    if (!actor) return noticeCard(m.formTitle, m.notMember);
    return runCardAction(this.useCases, action, actor, this.cardContext(context));
  }

  private cardContext(context: TurnContext) {
    return { locale: this.localeOf(context), teamsUserId: context.activity.from.id };
  }

  /**
   * Object id first; only when that is unknown is the roster asked for the mail. A known person
   * writing in their personal chat refreshes the stored chat, for messages the bot sends later.
   */
  private async actorOf(context: TurnContext): Promise<Actor | null> {
    const tenantId = tenantOf(context.activity);
    if (!tenantId) return null;
    const aadObjectId = context.activity.from.aadObjectId ?? null;
    const byObjectId = aadObjectId ? await this.useCases.identify({ tenantId, aadObjectId }) : null;
    const actor = byObjectId ?? (await this.useCases.identify({ tenantId, aadObjectId, email: await senderEmail(context) }));
    if (actor && conversationKindOf(context.activity) === 'personal') {
      await this.useCases.rememberPersonalChat({
        ...actor,
        conversationId: context.activity.conversation.id,
        reference: conversationReferenceOf(context.activity),
      });
    }
    return actor;
  }

  private async sendWelcome(context: TurnContext, notUnderstood: boolean): Promise<void> {
    const activity = context.activity;
    const locale = this.localeOf(context);
    const tenantId = tenantOf(activity);
    if (!tenantId) {
      this.logger.warn({ channelId: activity.channelId }, 'activity without tenant: not answered with group data');
      await context.sendActivity(botMessages(locale).somethingWentWrong);
      return;
    }
    const kind = conversationKindOf(activity);
    const aadObjectId = activity.from.aadObjectId ?? null;
    // The roster call for the mail is only needed when the object id does not tell who this is.
    const known = kind === 'personal' && aadObjectId ? await this.useCases.identify({ tenantId, aadObjectId }) : null;
    const email = kind === 'personal' && !known ? await senderEmail(context) : null;
    const view = await this.useCases.welcome({
      tenantId,
      user: { aadObjectId, email, name: activity.from.name ?? null },
      conversation: {
        id: conversationIdOf(activity),
        kind,
        reference: conversationReferenceOf(activity),
        teamId: teamIdOf(activity),
        m365GroupId: m365GroupIdOf(activity),
      },
    });
    const card = CardFactory.adaptiveCard(welcomeCard(view, locale));
    // What the person wrote is not echoed back: it would be rendered as markdown in the reply.
    await context.sendActivity(
      notUnderstood ? MessageFactory.attachment(card, botMessages(locale).notUnderstood) : MessageFactory.attachment(card),
    );
  }
}

/** An invoke answered 400 as botbuilder answers one (`application/vnd.microsoft.error`), with a code and a message. */
function invokeError(code: string, message: string): InvokeResponse {
  return {
    status: StatusCodes.BAD_REQUEST,
    body: { statusCode: StatusCodes.BAD_REQUEST, type: 'application/vnd.microsoft.error', value: { code, message } },
  };
}
