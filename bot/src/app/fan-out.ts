/**
 * Sends one notice to many recipients so that each gets it once, however often the fan-out is
 * run, also twice at the same time: every recipient has a delivery key, a sent one is skipped, a
 * failed one is tried again, and a sender leases a delivery before it sends (see delivery.ts for
 * the one gap: a crash between Teams' answer and our write). Up to IN_FLIGHT sends (or `inFlight`) are on their
 * way at once, paced under Teams' limits; a 429 holds every send of the tenant for its Retry-After
 * and transient errors back off with jitter. What could not be delivered is reported with the reason.
 */
import type { ConversationRecord } from '../domain/conversation';
import { deliveryKey, type Delivery, type UnreachableReason } from '../domain/delivery';
import { deliverOnce, LEASE_MS } from './deliver-once';
import { retryDelay } from '../domain/send-pacing';
import type { Pacer } from './pacer';
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
export { Pacer } from './pacer';

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
  /** Sends in flight at once (IN_FLIGHT unless given; 1 sends one after another). */
  inFlight?: number;
}

export const PROGRESS_EVERY = 25;

/**
 * Sends in flight at once, unless a caller asks for more (`inFlight`). One: a send whose answer came
 * but whose record did not (a crash between the two, delivery.ts) is sent again after a restart,
 * and with ten in flight that was up to ten people reminded twice after a kill -9, where the
 * timed-work kill test allows one. One at a time, 2 000 people took 1.06 times the limit's 40 s in
 * the bench on loopback, and 1.6 times on a busy machine; with ten in flight 1.01 times. The Pacer
 * counts every send in flight either way, so more in flight stays under Teams' limits.
 */
export const IN_FLIGHT = 1;

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
  const report = noOne();
  // Where each mailed or unreached recipient stands in the list: the report keeps the list's order
  // although sends in flight finish in any order.
  const place = new Map<{ target: string }, number>();
  const total = job.recipients.length;
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | null = null;
  let reported: Promise<void> = Promise.resolve();
  const worker = async (): Promise<void> => {
    // Each worker takes the next recipient; after a failure none takes another (the ones in
    // flight finish, so nothing is left half-recorded).
    for (let index = next++; index < total && !failure; index = next++) {
      const recipient = job.recipients[index];
      if (!recipient) return;
      try {
        const outcome = await reach(deps, pacer, job, recipient);
        if (outcome.kind === 'sent') report.sent += 1;
        else if (outcome.kind === 'already-sent') report.alreadySent += 1;
        else if (outcome.kind === 'in-progress') report.inProgress += 1;
        else {
          const entry = { target: recipient.target, name: recipient.name, reason: outcome.reason };
          place.set(entry, index);
          (outcome.kind === 'mailed' ? report.mailed : report.notReached).push(entry);
        }
        done += 1;
        if (deps.progress && done % PROGRESS_EVERY === 0 && done < total) {
          // One progress write at a time, each with the counts as they were, so a slow write
          // cannot land after a newer one.
          const snapshot = { ...report, mailed: [...report.mailed], notReached: [...report.notReached] };
          const progress = deps.progress;
          reported = reported.then(() => progress(snapshot));
          await reported;
        }
      } catch (error) {
        failure ??= { error };
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, deps.inFlight ?? IN_FLIGHT), total) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
  const inOrder = (a: { target: string }, b: { target: string }) => (place.get(a) ?? 0) - (place.get(b) ?? 0);
  report.mailed.sort(inOrder);
  report.notReached.sort(inOrder);
  return report;
}

type Outcome =
  | { kind: 'sent' }
  | { kind: 'already-sent' }
  | { kind: 'in-progress' }
  | { kind: 'mailed'; reason: UnreachableReason }
  | { kind: 'not-reached'; reason: UnreachableReason };

/** One recipient: claimed, leased, sent (paced), and mailed instead when Teams cannot reach them. */
async function reach(deps: FanOutDeps, pacer: Pacer, job: Parameters<typeof fanOut>[2], recipient: Recipient): Promise<Outcome> {
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
  if (claimed.state === 'sent') return { kind: 'already-sent' };
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
    return { kind: current.state === 'sent' ? 'already-sent' : 'in-progress' };
  }
  const notice = typeof job.notice === 'function' ? await job.notice(recipient) : job.notice;
  const outcome = await deliverOne(deps, pacer, leased, recipient, notice);
  if (outcome === 'sent') return { kind: 'sent' };
  if (recipient.email && deps.mailer && (await mailInstead(deps, job, recipient, recipient.email, notice))) {
    return { kind: 'mailed', reason: outcome };
  }
  return { kind: 'not-reached', reason: outcome };
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
    // Asked again after every wait: another send in flight may have taken the slot meanwhile.
    // Asking and recording happen with no await between, so no two sends get the same slot.
    for (let delay = pacer.delayFor(delivery.tenantId, conversationId, deps.clock.now().getTime()); delay > 0;) {
      await deps.waiter.wait(delay);
      delay = pacer.delayFor(delivery.tenantId, conversationId, deps.clock.now().getTime());
    }
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
    const delay = retryDelay(attempt, result.retryAfterMs, deps.waiter.random());
    if (result.retryAfterMs !== null) pacer.hold(delivery.tenantId, deps.clock.now().getTime() + delay);
    await deps.waiter.wait(delay);
  }
  return 'retries-exhausted';
}
