/**
 * A member votes for a suggested activity, or withdraws the vote: one vote per person and
 * suggestion, so voting twice is one vote and withdrawing a vote never cast changes nothing.
 * Only members of the suggestion's group vote, and only while it is open (not yet planned).
 * Answers with the suggestion as the voter now sees it (count and their own vote).
 */
import { mayVote } from '../domain/competence';
import { describeSuggestion, loadGroupNames, type SuggestionView } from './competence-view';
import { AppError } from './errors';
import { findMember, notAMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

export const VOTING_CLOSED = 'Förslaget är redan planerat: det går inte att rösta på det längre';

export async function voteCompetenceSuggestion(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { suggestionId: string; voted: boolean; groupId?: string | null },
): Promise<SuggestionView> {
  const repos = deps.repositories;
  const suggestion = await repos.competence.findSuggestion(input.tenantId, input.suggestionId);
  // "No such suggestion", "another group's" and "asked through the wrong group" answer alike.
  if (!suggestion || (input.groupId && input.groupId !== suggestion.groupId)) throw notAMember();
  const member = await findMember(repos, input, suggestion.groupId);
  if (!mayVote(suggestion)) throw new AppError('conflict', VOTING_CLOSED);
  if (input.voted) await repos.competence.addVote(input.tenantId, suggestion.id, input.personId, deps.clock.now());
  else await repos.competence.removeVote(input.tenantId, suggestion.id, input.personId);
  const names = await loadGroupNames(repos, input.tenantId, member.group.id);
  return describeSuggestion(repos, suggestion, input.personId, names);
}
