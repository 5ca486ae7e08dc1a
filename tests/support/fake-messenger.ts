/**
 * Hand-written fakes for the messenger and waiter ports: the messenger records what it was asked
 * to send and answers from a script; the waiter moves a fake clock instead of sleeping.
 */
import type { Messenger, Notice, SendResult, Waiter } from '../../bot/src/app/ports/messenger';
import type { Mailer, MailResult } from '../../bot/src/app/ports/mailer';
import type { Roster, TeamMember } from '../../bot/src/app/ports/roster';
import type { ConversationRecord } from '../../bot/src/domain/conversation';
import { silentLogger } from './silent-logger';

export class FakeMessenger implements Messenger {
  readonly sent: { conversationId: string; notice: Notice; at: number }[] = [];
  readonly updated: { conversationId: string; messageId: string; notice: Notice }[] = [];
  /** Answers by conversation id, used in turn; when none is scripted: sent. */
  readonly script = new Map<string, SendResult[]>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async send(conversation: ConversationRecord, notice: Notice): Promise<SendResult> {
    const answer = this.script.get(conversation.conversationId)?.shift() ?? { outcome: 'sent' };
    if (answer.outcome !== 'sent') return answer;
    this.sent.push({ conversationId: conversation.conversationId, notice, at: this.now().getTime() });
    return { outcome: 'sent', messageId: `msg-${this.sent.length}` };
  }

  async update(conversation: ConversationRecord, messageId: string, notice: Notice): Promise<SendResult> {
    this.updated.push({ conversationId: conversation.conversationId, messageId, notice });
    return { outcome: 'sent', messageId };
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

/** A team roster with scripted members; opening a chat records it and returns a reference. */
export class FakeRoster implements Roster {
  readonly opened: string[] = [];

  constructor(public teamMembers: TeamMember[] = []) {}

  async members(): Promise<TeamMember[]> {
    return this.teamMembers;
  }

  async openPersonalChat(_channel: ConversationRecord, member: TeamMember): Promise<{ conversationId: string; reference: unknown }> {
    this.opened.push(member.teamsUserId);
    return { conversationId: `a:roster-${member.teamsUserId}`, reference: { conversation: { id: `a:roster-${member.teamsUserId}` } } };
  }
}

/** Records mails; answers from a script by address, else sent. */
export class FakeMailer implements Mailer {
  readonly mailed: { email: string; notice: Notice }[] = [];
  readonly script = new Map<string, MailResult>();

  async sendNotice(to: { name: string; email: string }, notice: Notice): Promise<MailResult> {
    const answer = this.script.get(to.email) ?? { outcome: 'sent' };
    if (answer.outcome === 'sent') this.mailed.push({ email: to.email, notice });
    return answer;
  }
}

/** Every outward port as a fake: what a use-case test needs besides the repositories. */
export function fakePorts(clock: { now(): Date; set(iso: string): unknown }) {
  return { messenger: new FakeMessenger(() => clock.now()), waiter: new FakeWaiter(clock), roster: new FakeRoster(), logger: silentLogger };
}
