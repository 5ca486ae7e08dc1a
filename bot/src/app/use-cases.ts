/**
 * Every use case bound to its ports, once. The bot, the tab API and (later) the job runner take
 * what they need from this one object, so each door calls the very same code.
 */
import { decideProposal } from './decide-proposal';
import type { Actor } from './find-member';
import { getGroupOverview } from './get-group-overview';
import { getProposal } from './get-proposal';
import { identifyPerson, type TeamsUserIdentity } from './identify-person';
import { listGroupProposals } from './list-group-proposals';
import { listMyGroups } from './list-my-groups';
import { listMyProposals } from './list-my-proposals';
import { listSignInPeople } from './list-sign-in-people';
import { openProposalForm } from './open-proposal-form';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories } from './ports/repositories';
import { submitProposal } from './submit-proposal';
import { welcomeTeamsUser } from './welcome-teams-user';
import { withdrawProposal } from './withdraw-proposal';

export interface UseCaseDeps {
  repositories: Repositories;
  clock: Clock;
  ids: IdGenerator;
}

export function createUseCases(deps: UseCaseDeps) {
  const { repositories } = deps;
  return {
    welcome: (input: Parameters<typeof welcomeTeamsUser>[1]) => welcomeTeamsUser(deps, input),
    identify: async (who: TeamsUserIdentity): Promise<Actor | null> => {
      const person = await identifyPerson(repositories.people, who);
      return person ? { tenantId: person.tenantId, personId: person.id } : null;
    },
    listMyGroups: (actor: Actor) => listMyGroups(repositories, actor),
    getGroupOverview: (input: Parameters<typeof getGroupOverview>[1]) => getGroupOverview(deps, input),
    listSignInPeople: (tenantId: string) => listSignInPeople(repositories, tenantId),
    openProposalForm: (input: Parameters<typeof openProposalForm>[1]) => openProposalForm(deps, input),
    submitProposal: (input: Parameters<typeof submitProposal>[1]) => submitProposal(deps, input),
    withdrawProposal: (input: Parameters<typeof withdrawProposal>[1]) => withdrawProposal(deps, input),
    getProposal: (input: Parameters<typeof getProposal>[1]) => getProposal(deps, input),
    listMyProposals: (actor: Actor) => listMyProposals(deps, actor),
    decideProposal: (input: Parameters<typeof decideProposal>[1]) => decideProposal(deps, input),
    listGroupProposals: (input: Parameters<typeof listGroupProposals>[1]) => listGroupProposals(deps, input),
  };
}

export type UseCases = ReturnType<typeof createUseCases>;
