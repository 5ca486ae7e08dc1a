/**
 * Sends one notice to many recipients so that each gets it once, however often the fan-out is
 * run, also twice at the same time: every recipient has a delivery key, a sent one is skipped, a
 * failed one is tried again, and a sender leases a delivery before it sends (see delivery.ts for
 * the one gap: a crash between Teams' answer and our write). Sends are paced under Teams' limits; a 429 waits Retry-After and
 * transient errors back off with jitter. What could not be delivered is reported with the reason.
 */
import type { ConversationRecord } from '../domain/conversation';
import { deliveryKey, type Delivery, type UnreachableReason } from '../domain/delivery';
import { deliverOnce, LEASE_MS } from './deliver-once';
import { CONVERSATION_WINDOWS, SendHistory, TENANT_WINDOWS, retryDelay } from '../domain/send-pacing';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Mailer } from './ports/mailer';
import type { Messenger, Notice, Waiter } from './ports/messenger';
import type { Repositories } from './ports/repositories';

/**
 * Rounds per recipient. The Bot Framework client already retries 429 (honouring Retry-After) and
 * 5xx three times inside each round, so a few rounds ride out a long storm without hammering.
 */
export const MAX_ATTEMPTS = 3;

export { LEASE_MS } from './deliver-once';

export interface Recipient {
  /** "person:<id>" or "channel:<group id>". */
  target: string;
  name: string;
  conversation: ConversationRecord | null;
  /** Where to mail the notice when Teams cannot deliver it; none for a channel. */
  email?: string | null;
}

export interface FanOutReport {
  sent: number;
  alreadySent: number;
  /** Being sent right now by another run (a second press, another instance). */
  inProgress: number;
  /** Not reachable in Teams, so the notice went by mail instead. */
  mailed: { target: string; name: string; reason: UnreachableReason }[];
  notReached: { target: string; name: string; reason: UnreachableReason }[];
}

export interface FanOutDeps {
  repositories: Repositories;
  clock: Clock;
  ids: IdGenerator;
  messenger: Messenger;
  waiter: Waiter;
  /** Without one, whoever Teams cannot reach stays on the not-reached list. */
  mailer?: Mailer;
  /** How long a sender holds one delivery (LEASE_MS unless configured). */
  deliveryLeaseMs?: number;
  /** Told how far a long fan-out has come, every PROGRESS_EVERY recipients (the tab shows it). */
  progress?: (report: FanOutReport) => Promise<void>;
}

export const PROGRESS_EVERY = 25;

/** Pacing state per tenant and per conversation, shared by every fan-out in this process. */
export class Pacer {
  private readonly tenants = new Map<string, SendHistory>();
  private readonly conversations = new Map<string, SendHistory>();

  delayFor(tenantId: string, conversationId: string, now: number): number {
    return Math.max(
      this.history(this.tenants, tenantId, TENANT_WINDOWS).delayFor(now),
      this.history(this.conversations, conversationId, CONVERSATION_WINDOWS).delayFor(now),
    );
  }

  record(tenantId: string, conversationId: string, at: number): void {
    this.history(this.tenants, tenantId, TENANT_WINDOWS).record(at);
    this.history(this.conversations, conversationId, CONVERSATION_WINDOWS).record(at);
  }

  /** The send recorded at `sentAt` was answered at `answeredAt` (see SendHistory.settle). */
  answered(tenantId: string, conversationId: string, sentAt: number, answeredAt: number): void {
    this.history(this.tenants, tenantId, TENANT_WINDOWS).settle(sentAt, answeredAt);
    this.history(this.conversations, conversationId, CONVERSATION_WINDOWS).settle(sentAt, answeredAt);
  }

  private history(map: Map<string, SendHistory>, key: string, windows: typeof TENANT_WINDOWS): SendHistory {
    let history = map.get(key);
    if (!history) {
      history = new SendHistory(windows);
      map.set(key, history);
    }
    return history;
  }
}

/** A report of nothing sent: a run with no one to reach (a fresh one: callers may add to it). */
export function noOne(): FanOutReport {
  return { sent: 0, alreadySent: 0, inProgress: 0, mailed: [], notReached: [] };
}

/** Two fan-outs' reports as one (e.g. to the members and to the channel). */
export function addReports(a: FanOutReport, b: FanOutReport): FanOutReport {
  return {
    sent: a.sent + b.sent,
    alreadySent: a.alreadySent + b.alreadySent,
    inProgress: a.inProgress + b.inProgress,
    mailed: [...a.mailed, ...b.mailed],
    notReached: [...a.notReached, ...b.notReached],
  };
}

export async function fanOut(
  deps: FanOutDeps,
  pacer: Pacer,
  job: {
    tenantId: string;
    groupId: string;
    kind: string;
    subjectId: string;
    /** One notice for all, or one per recipient (a reminder that carries each person's own answer). */
    notice: Notice | ((recipient: Recipient) => Promise<Notice>);
    recipients: readonly Recipient[];
  },
): Promise<FanOutReport> {
  const report: FanOutReport = { sent: 0, alreadySent: 0, inProgress: 0, mailed: [], notReached: [] };
  for (const [index, recipient] of job.recipients.entries()) {
    if (deps.progress && index > 0 && index % PROGRESS_EVERY === 0) await deps.progress(report);
    const claim = {
      id: deps.ids(),
      tenantId: job.tenantId,
      groupId: job.groupId,
      kind: job.kind,
      target: recipient.target,
      deliveryKey: deliveryKey(job.kind, job.subjectId, recipient.target),
      updatedAt: deps.clock.now(),
    };
    const claimed = await deps.repositories.deliveries.claim(claim);
    if (claimed.state === 'sent') {
      report.alreadySent += 1;
      continue;
    }
    // Only the run that holds the lease sends: a second run at the same time skips this one.
    const now = deps.clock.now();
    const leased = await deps.repositories.deliveries.lease(
      job.tenantId,
      claimed.deliveryKey,
      now,
      new Date(now.getTime() + (deps.deliveryLeaseMs ?? LEASE_MS)),
    );
    if (!leased) {
      const current = await deps.repositories.deliveries.claim(claim); // returns the row as it is now
      if (current.state === 'sent') report.alreadySent += 1;
      else report.inProgress += 1;
      continue;
    }
    const notice = typeof job.notice === 'function' ? await job.notice(recipient) : job.notice;
    const outcome = await deliverOne(deps, pacer, leased, recipient, notice);
    if (outcome === 'sent') report.sent += 1;
    else if (recipient.email && deps.mailer && (await mailInstead(deps, job, recipient, recipient.email, notice))) {
      report.mailed.push({ target: recipient.target, name: recipient.name, reason: outcome });
    } else report.notReached.push({ target: recipient.target, name: recipient.name, reason: outcome });
  }
  return report;
}

/**
 * The same notice by mail, exactly once like the Teams message: its own delivery key, claimed
 * and leased the same way. True when the mail went (now or in an earlier run).
 */
async function mailInstead(
  deps: FanOutDeps,
  job: { tenantId: string; groupId: string; kind: string; subjectId: string },
  recipient: Recipient,
  email: string,
  notice: Notice,
): Promise<boolean> {
  const mailer = deps.mailer;
  if (!mailer) return false;
  const outcome = await deliverOnce(deps, { ...job, kind: `${job.kind}:mail`, target: recipient.target }, async () => {
    const result = await mailer.sendNotice({ name: recipient.name, email }, notice);
    return result.outcome === 'sent' ? { ok: true } : { ok: false, error: `mail: ${result.detail}` };
  });
  return outcome === 'sent' || outcome === 'already-sent';
}

async function deliverOne(
  deps: FanOutDeps,
  pacer: Pacer,
  delivery: Delivery,
  recipient: Recipient,
  notice: Notice,
): Promise<'sent' | UnreachableReason> {
  const finish = async (state: 'sent' | 'failed', attempts: number, error: string | null, messageId: string | null = null) => {
    const now = deps.clock.now();
    await deps.repositories.deliveries.save({
      ...delivery,
      state,
      attempts,
      lastError: error,
      sentAt: state === 'sent' ? now : null,
      messageId,
      updatedAt: now,
    });
  };
  if (!recipient.conversation) {
    await finish('failed', delivery.attempts, 'no-conversation: the person has not opened the bot and no roster conversation exists');
    return 'no-conversation';
  }
  let attempts = delivery.attempts;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const conversationId = recipient.conversation.conversationId;
    const delay = pacer.delayFor(delivery.tenantId, conversationId, deps.clock.now().getTime());
    if (delay > 0) await deps.waiter.wait(delay);
    const sentAt = deps.clock.now().getTime();
    pacer.record(delivery.tenantId, conversationId, sentAt);
    attempts += 1;
    const result = await deps.messenger.send(recipient.conversation, notice).catch((error: unknown) => ({
      outcome: 'retry' as const,
      retryAfterMs: null,
      detail: error instanceof Error ? error.message : String(error),
    }));
    pacer.answered(delivery.tenantId, conversationId, sentAt, deps.clock.now().getTime());
    if (result.outcome === 'sent') {
      await finish('sent', attempts, null, result.messageId ?? null);
      return 'sent';
    }
    if (result.outcome === 'unreachable') {
      await finish('failed', attempts, `${result.reason}: ${result.detail}`);
      return result.reason;
    }
    if (attempt === MAX_ATTEMPTS) {
      await finish('failed', attempts, `retries-exhausted: ${result.detail}`);
      return 'retries-exhausted';
    }
    await deps.waiter.wait(retryDelay(attempt, result.retryAfterMs, deps.waiter.random()));
  }
  return 'retries-exhausted';
}
