/**
 * Hand-written fakes for the messenger and waiter ports: the messenger records what it was asked
 * to send and answers from a script; the waiter moves a fake clock instead of sleeping.
 */
import type { Messenger, Notice, SendResult, Waiter } from '../../bot/src/app/ports/messenger';
import type { ConversationRecord } from '../../bot/src/domain/conversation';

export class FakeMessenger implements Messenger {
  readonly sent: { conversationId: string; notice: Notice; at: number }[] = [];
  /** Answers by conversation id, used in turn; when none is scripted: sent. */
  readonly script = new Map<string, SendResult[]>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async send(conversation: ConversationRecord, notice: Notice): Promise<SendResult> {
    const answer = this.script.get(conversation.conversationId)?.shift() ?? { outcome: 'sent' };
    if (answer.outcome === 'sent') this.sent.push({ conversationId: conversation.conversationId, notice, at: this.now().getTime() });
    return answer;
  }
}

export class FakeWaiter implements Waiter {
  readonly waits: number[] = [];

  constructor(private readonly clock: { now(): Date; set(iso: string): unknown }) {}

  async wait(ms: number): Promise<void> {
    this.waits.push(ms);
    this.clock.set(new Date(this.clock.now().getTime() + ms).toISOString());
  }

  random(): number {
    return 0.5;
  }
}
