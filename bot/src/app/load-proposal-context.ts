/** Everything a proposal view needs from the group, read once per request. */
import type { Group } from '../domain/group';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';
import type { ProposalContext } from './proposal-view';

export async function loadProposalContext(repos: Repositories, clock: Clock, group: Group): Promise<ProposalContext> {
  const [meetings, people, organisations, goals] = await Promise.all([
    repos.meetings.listByGroup(group.tenantId, group.id),
    repos.people.listByGroup(group.tenantId, group.id),
    repos.organisations.listByGroup(group.tenantId, group.id),
    repos.goals.listForGroup(group.tenantId, group.id),
  ]);
  return { meetings, people, organisations, goals, settings: group.settings, now: clock.now() };
}
