/**
 * One delivery, once: claim its key, skip it when it is sent or another sender holds it, else
 * lease it, make one attempt, and record the outcome. The mail fallback and the kallelse updates
 * go through here; the fan-out's own Teams sends add pacing and rounds of retries around it.
 */
import { deliveryKey } from '../domain/delivery';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories } from './ports/repositories';

/** How long a sender holds a delivery: longer than its rounds and waits can take. */
export const LEASE_MS = 10 * 60_000;

export type AttemptResult = { ok: true; messageId?: string | null } | { ok: false; error: string };

export async function deliverOnce(
  deps: { repositories: Repositories; clock: Clock; ids: IdGenerator; deliveryLeaseMs?: number },
  delivery: { tenantId: string; groupId: string; kind: string; subjectId: string; target: string },
  attempt: () => Promise<AttemptResult>,
): Promise<'sent' | 'already-sent' | 'busy' | 'failed'> {
  const repos = deps.repositories;
  const key = deliveryKey(delivery.kind, delivery.subjectId, delivery.target);
  const claimed = await repos.deliveries.claim({
    id: deps.ids(),
    tenantId: delivery.tenantId,
    groupId: delivery.groupId,
    kind: delivery.kind,
    target: delivery.target,
    deliveryKey: key,
    updatedAt: deps.clock.now(),
  });
  if (claimed.state === 'sent') return 'already-sent';
  const now = deps.clock.now();
  const leased = await repos.deliveries.lease(delivery.tenantId, key, now, new Date(now.getTime() + (deps.deliveryLeaseMs ?? LEASE_MS)));
  if (!leased) return 'busy';
  const result = await attempt().catch((error: unknown): AttemptResult => ({
    ok: false,
    error: error instanceof Error ? error.message : String(error),
  }));
  const done = deps.clock.now();
  await repos.deliveries.save({
    ...leased,
    state: result.ok ? 'sent' : 'failed',
    attempts: leased.attempts + 1,
    lastError: result.ok ? null : result.error,
    sentAt: result.ok ? done : null,
    messageId: result.ok ? (result.messageId ?? null) : null,
    updatedAt: done,
  });
  return result.ok ? 'sent' : 'failed';
}
