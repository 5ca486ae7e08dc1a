/**
 * The caller as a member of a group: every use case that acts for someone starts here, so the
 * rule "only members act, and only in their own groups" is written once.
 */
import type { Group } from '../domain/group';
import type { Membership } from '../domain/membership';
import type { Person } from '../domain/person';
import { AppError } from './errors';
import type { Repositories } from './ports/repositories';

export interface Actor {
  tenantId: string;
  personId: string;
}

export interface Member {
  person: Person;
  group: Group;
  membership: Membership;
}

/** The caller's membership in `groupId`, or in their first group when none is named. */
export async function findMember(repos: Repositories, actor: Actor, groupId?: string | null): Promise<Member> {
  const member = await repos.memberships.findMember(actor.tenantId, actor.personId, groupId ? groupId : null);
  // One answer for "no such group" and "not yours": ids cannot be probed.
  if (!member) throw notAMember();
  return member;
}

/**
 * The refusal for "not yours", and for "no such meeting or proposal" too: a caller from another
 * group must not tell an id of this group from one that exists nowhere.
 */
export function notAMember(): AppError {
  return new AppError('forbidden', 'Not a member of this group');
}

export function isStrategist(member: Member): boolean {
  return member.membership.role === 'strategist';
}
