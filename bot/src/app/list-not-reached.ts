/** For strategists: who a message did not reach, and why, newest first (the *not reached* list). */
import type { Delivery } from '../domain/delivery';
import { AppError } from './errors';
import { findMember, isStrategist, type Actor } from './find-member';
import type { Repositories } from './ports/repositories';

export interface NotReached {
  kind: string;
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
  return failed.map((d: Delivery) => ({
    kind: d.kind,
    target: d.target,
    name: names.get(d.target) ?? d.target,
    reason: (d.lastError ?? 'error').split(':')[0] ?? 'error',
    attempts: d.attempts,
    updatedAt: d.updatedAt,
  }));
}
