/**
 * A member suggests a competence activity (a lecture, a film, a study visit, a guest). Stored
 * once per form (its one-time key), the suggester's vote counted from the start; or, when the
 * draft breaks a rule, the form again with the values kept and the error at each field.
 */
import { checkSuggestionDraft, type CompetenceSuggestion, type SuggestionDraft } from '../domain/competence';
import { describeSuggestion, loadGroupNames, type SuggestionView } from './competence-view';
import { findMember, notAMember, type Actor } from './find-member';
import type { SuggestionFormView } from './open-competence-suggestion-form';
import { COMPETENCE_KINDS } from '../domain/competence';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories, UnitOfWork } from './ports/repositories';

export interface SuggestInput extends Actor {
  groupId: string;
  submissionKey: string;
  draft: SuggestionDraft;
}

export type SuggestResult =
  { kind: 'stored'; created: boolean; suggestion: SuggestionView } | { kind: 'invalid'; form: SuggestionFormView };

export async function suggestCompetenceActivity(
  deps: { repositories: Repositories; unitOfWork: UnitOfWork; clock: Clock; ids: IdGenerator },
  input: SuggestInput,
): Promise<SuggestResult> {
  const member = await findMember(deps.repositories, input, input.groupId);
  const { tenantId, id: groupId } = member.group;
  const view = async (repos: Repositories, suggestion: CompetenceSuggestion) =>
    describeSuggestion(repos, suggestion, input.personId, await loadGroupNames(repos, tenantId, groupId));

  const already = await deps.repositories.competence.findSuggestionBySubmissionKey(tenantId, input.submissionKey);
  if (already) {
    // A key is the suggester's own: someone else's is refused as if it did not exist.
    if (already.suggestedByPersonId !== input.personId || already.groupId !== groupId) throw notAMember();
    return { kind: 'stored', created: false, suggestion: await view(deps.repositories, already) };
  }

  const checked = checkSuggestionDraft(input.draft);
  if (!checked.ok) {
    return {
      kind: 'invalid',
      form: {
        groupId,
        groupName: member.group.name,
        submissionKey: input.submissionKey,
        kinds: COMPETENCE_KINDS,
        values: input.draft,
        errors: checked.errors,
      },
    };
  }
  const now = deps.clock.now();
  const suggestion: CompetenceSuggestion = {
    id: deps.ids(),
    tenantId,
    groupId,
    ...checked.draft,
    suggestedByPersonId: input.personId,
    status: 'open',
    submissionKey: input.submissionKey,
    createdAt: now,
    updatedAt: now,
  };
  return deps.unitOfWork.transaction(async (repos) => {
    if (!(await repos.competence.insertSuggestion(suggestion))) {
      // The same form was sent twice at once: the first one stored it.
      const winner = await repos.competence.findSuggestionBySubmissionKey(tenantId, input.submissionKey);
      if (!winner || winner.suggestedByPersonId !== input.personId) throw notAMember();
      return { kind: 'stored', created: false, suggestion: await view(repos, winner) };
    }
    // Whoever suggests it wants it: their vote counts from the start (and can be withdrawn).
    await repos.competence.addVote(tenantId, suggestion.id, input.personId, now);
    await repos.audit.record({
      tenantId,
      groupId,
      actorPersonId: input.personId,
      action: 'competence.suggested',
      subject: `competence-suggestion:${suggestion.id}`,
      at: now,
      detail: {},
    });
    return { kind: 'stored', created: true, suggestion: await view(repos, suggestion) };
  });
}
