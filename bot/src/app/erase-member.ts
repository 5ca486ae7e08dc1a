/**
 * Erasure on request (GDPR art. 17), done by a strategist of the person's group: what is not part
 * of the public record goes, and the person's name, mail and Entra id are replaced on what stays.
 * Published minutes keep the names as published: they are public records (allmänna handlingar)
 * that archiving law keeps. A strategist, oneself, or someone who sits in another group too is
 * refused: the role must be handed over first, or each group's strategist asked.
 */
import { AppError } from './errors';
import { findMember, isStrategist, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { ErasureCounts } from './ports/personal-data';
import type { UnitOfWork } from './ports/repositories';

/** The name erased people are shown with from now on. */
export const ERASED_PERSON_NAME = 'Raderad person';

export async function eraseMember(
  deps: { unitOfWork: UnitOfWork; clock: Clock },
  input: { by: Actor; groupId: string; personId: string },
): Promise<{ erased: ErasureCounts }> {
  return deps.unitOfWork.transaction(async (repos) => {
    const member = await findMember(repos, input.by, input.groupId);
    if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists erase a member');
    const memberships = await repos.memberships.listByPerson(input.by.tenantId, input.personId);
    if (!memberships.some((m) => m.groupId === input.groupId)) throw new AppError('not-found', 'No such member of this group');
    if (input.personId === input.by.personId) throw new AppError('conflict', 'Strategists cannot erase themselves');
    if (memberships.some((m) => m.role === 'strategist')) throw new AppError('conflict', 'A strategist must hand over the role first');
    if (memberships.some((m) => m.groupId !== input.groupId))
      throw new AppError('conflict', 'The person sits in another group too: ask that group’s strategist');
    const erased = await repos.personalData.erase(input.by.tenantId, input.personId, ERASED_PERSON_NAME);
    await repos.audit.record({
      tenantId: input.by.tenantId,
      groupId: input.groupId,
      actorPersonId: input.by.personId,
      action: 'person.erased',
      subject: `person:${input.personId}`,
      at: deps.clock.now(),
      detail: { ...erased },
    });
    return { erased };
  });
}
