/** One suggested activity as a member sees it (votes, their own vote): the card's refresh. */
import { describeSuggestion, loadGroupNames, type SuggestionView } from './competence-view';
import { findMember, notAMember, type Actor } from './find-member';
import type { Repositories } from './ports/repositories';

/** The suggestion as a member sees it, for the card's refresh. */
export async function getCompetenceSuggestion(
  deps: { repositories: Repositories },
  input: Actor & { suggestionId: string },
): Promise<SuggestionView> {
  const repos = deps.repositories;
  const suggestion = await repos.competence.findSuggestion(input.tenantId, input.suggestionId);
  if (!suggestion) throw notAMember();
  const member = await findMember(repos, input, suggestion.groupId);
  const names = await loadGroupNames(repos, input.tenantId, member.group.id);
  return describeSuggestion(repos, suggestion, input.personId, names);
}
