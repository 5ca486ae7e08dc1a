/**
 * Proactive messages through the Bot Framework: continue a stored conversation and send the
 * notice's card. Teams' answers are turned into what the fan-out can act on: 429 and transient
 * errors are worth a retry (with Retry-After when Teams gives one), 403 and 404 mean the person
 * cannot be reached this way.
 */
import { actionStatusCard } from './cards/action-status-card';
import { minutesPublishedCard } from './cards/minutes-published-card';
import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Locale } from '../../app/i18n/locale';
import type { Messenger, Notice, SendResult } from '../../app/ports/messenger';
import type { ConversationRecord } from '../../domain/conversation';
import { callForProposalsCard } from './cards/call-for-proposals-card';
import type { AdaptiveCard } from './cards/card-parts';
import { attendanceSummaryCard, kallelseCard } from './cards/kallelse-card';
import { proposalReceiptCard } from './cards/proposal-receipt-card';
import { representationNudgeCard } from './cards/representation-nudge-card';
import { subGroupReminderCard } from './cards/sub-group-reminder-card';

const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; response?: { status?: unknown } } | null;
  const status = e?.statusCode ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Retry-After as milliseconds: seconds or an HTTP date, as RFC 9110 allows. */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | null {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } & Record<string, unknown> } } | null)
    ?.response?.headers;
  const raw = headers?.get?.('retry-after') ?? headers?.['retry-after'];
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly locale: Locale,
  ) {}

  private render(notice: Notice): AdaptiveCard {
    switch (notice.kind) {
      case 'call-for-proposals':
        return callForProposalsCard(notice, this.locale);
      case 'proposal-decided':
        return proposalReceiptCard(notice.proposal, this.locale);
      case 'kallelse':
        return kallelseCard(notice, this.locale, notice.audience, notice.reminder === true);
      case 'attendance-summary':
        return attendanceSummaryCard(notice, this.locale);
      case 'minutes-published':
        return minutesPublishedCard(notice, this.locale);
      case 'action-status':
        return actionStatusCard(notice, this.locale);
      case 'representation-nudge':
        return representationNudgeCard(notice, this.locale);
      case 'sub-group-reminder':
        return subGroupReminderCard(notice, this.locale);
    }
  }

  async send(conversation: ConversationRecord, notice: Notice): Promise<SendResult> {
    const card = this.render(notice);
    let messageId: string | undefined;
    const failure = await this.inConversation(conversation, async (context) => {
      messageId = (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))))?.id;
    });
    return failure === null ? { outcome: 'sent', ...(messageId ? { messageId } : {}) } : classify(failure);
  }

  async update(conversation: ConversationRecord, messageId: string, notice: Notice): Promise<SendResult> {
    const attachment = CardFactory.adaptiveCard(this.render(notice));
    const failure = await this.inConversation(conversation, async (context) => {
      await context.updateActivity({ id: messageId, type: 'message', attachments: [attachment] });
    });
    return failure === null ? { outcome: 'sent', messageId } : classify(failure);
  }

  /**
   * Runs `work` in the stored conversation and returns what went wrong, or null. The adapter
   * hands errors inside the turn to onTurnError; they are caught here so the caller sees them.
   */
  private async inConversation(conversation: ConversationRecord, work: (context: TurnContext) => Promise<void>): Promise<unknown> {
    let failure: unknown = null;
    try {
      await this.adapter.continueConversationAsync(
        this.appId,
        conversation.reference as Partial<ConversationReference>,
        async (context) => {
          try {
            await work(context);
          } catch (error) {
            failure = error;
          }
        },
      );
    } catch (error) {
      failure = error;
    }
    return failure;
  }
}

/** What a refused send means for the fan-out. */
function classify(error: unknown): SendResult {
  const status = statusOf(error);
  const detail = `${status ?? 'no status'}: ${error instanceof Error ? error.message.slice(0, 200) : 'error'}`;
  if (status === 403) return { outcome: 'unreachable', reason: 'blocked-or-uninstalled', detail };
  if (status === 404) return { outcome: 'unreachable', reason: 'conversation-gone', detail };
  if (status === undefined || RETRYABLE.has(status)) return { outcome: 'retry', retryAfterMs: retryAfterMs(error), detail };
  return { outcome: 'unreachable', reason: 'error', detail };
}
