/**
 * Before a fan-out: members of the group who never opened the bot but are in the group's team
 * get a personal chat created from the team roster, so the message reaches them too. Matching
 * is by Entra object id, then work mail. A roster that cannot be read reaches no one more, but
 * never stops the fan-out.
 */
import type { Group } from '../domain/group';
import { normaliseEmail, type Person } from '../domain/person';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { Repositories } from './ports/repositories';
import type { Roster } from './ports/roster';

export async function reachTeamMembers(
  deps: { repositories: Repositories; clock: Clock; roster: Roster; logger: Logger },
  group: Group,
  people: readonly Person[],
): Promise<number> {
  const repos = deps.repositories;
  const channel = await repos.conversations.findGroupChannel(group.tenantId, group.id);
  if (!channel) return 0;
  const unreached: Person[] = [];
  for (const person of people) if (!(await repos.conversations.findPersonal(group.tenantId, person.id))) unreached.push(person);
  if (unreached.length === 0) return 0;

  const members = await deps.roster.members(channel).catch((error: unknown) => {
    deps.logger.warn({ groupId: group.id, error: error instanceof Error ? error.message : String(error) }, 'team roster could not be read');
    return [];
  });
  let opened = 0;
  for (const person of unreached) {
    // Object id first; the mail only where the object ids cannot disagree.
    const member =
      members.find((m) => person.aadObjectId !== null && m.aadObjectId === person.aadObjectId) ??
      members.find(
        (m) =>
          m.email !== null &&
          normaliseEmail(m.email) === normaliseEmail(person.email) &&
          (person.aadObjectId === null || m.aadObjectId === null),
      );
    if (!member) continue;
    const chat = await deps.roster.openPersonalChat(channel, member).catch(() => null);
    if (!chat) {
      deps.logger.warn({ groupId: group.id }, 'Teams refused to open a personal chat from the roster');
      continue;
    }
    await repos.conversations.save({
      tenantId: group.tenantId,
      conversationId: chat.conversationId,
      kind: 'personal',
      personId: person.id,
      groupId: null,
      reference: chat.reference,
      updatedAt: deps.clock.now(),
    });
    opened += 1;
  }
  return opened;
}
