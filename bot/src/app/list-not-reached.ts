/** For strategists: who a message did not reach, and why, newest first (the *not reached* list). */
import type { Delivery } from '../domain/delivery';
import { AppError } from './errors';
import { findMember, isStrategist, type Actor } from './find-member';
import type { Repositories } from './ports/repositories';

export interface NotReached {
  kind: string;
  /** What it was about: a meeting id, or `<action id>:<meeting id>` and the like (from the delivery key). */
  subject: string;
  target: string;
  name: string;
  reason: string;
  attempts: number;
  updatedAt: Date;
}

export async function listNotReached(repos: Repositories, input: Actor & { groupId: string }): Promise<NotReached[]> {
  const member = await findMember(repos, input, input.groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists see deliveries');
  const [failed, people] = await Promise.all([
    repos.deliveries.listByGroup(input.tenantId, member.group.id, { states: ['failed'] }),
    repos.people.listByGroup(input.tenantId, member.group.id),
  ]);
  const names = new Map(people.map((p) => [`person:${p.id}`, p.name]));
  names.set(`channel:${member.group.id}`, member.group.name);
  // Whoever got the notice by mail was reached: only a failed mail keeps them on the list.
  const mailedOk = new Set(
    (await repos.deliveries.listByGroup(input.tenantId, member.group.id, { states: ['sent'] }))
      .filter((d) => d.kind.endsWith(':mail'))
      .map((d) => `${d.kind.slice(0, -':mail'.length)}|${d.deliveryKey.replace(/^[^:]+:mail:/, '')}`),
  );
  return failed
    .filter((d) => d.kind.endsWith(':mail') || !mailedOk.has(`${d.kind}|${d.deliveryKey.slice(d.kind.length + 1)}`))
    .map((d: Delivery) => ({
      kind: d.kind.replace(/:mail$/, ''),
      // The key is `<kind>:<subject>:<target>`.
      subject: d.deliveryKey.slice(d.kind.length + 1, d.deliveryKey.length - d.target.length - 1),
      target: d.target,
      name: names.get(d.target) ?? d.target,
      reason: d.kind.endsWith(':mail') ? 'mail-failed' : ((d.lastError ?? 'error').split(':')[0] ?? 'error'),
      attempts: d.attempts,
      updatedAt: d.updatedAt,
    }));
}
