/**
 * The form a member fills in to suggest a competence activity (*Tipsa om kompetensutveckling*):
 * for the card and, with the same shape, for the tab. Every member of the group may suggest.
 */
import {
  COMPETENCE_KINDS,
  type CompetenceFieldError,
  type CompetenceKind,
  type SuggestionDraft,
  type SuggestionField,
} from '../domain/competence';
import { findMember, type Actor } from './find-member';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories } from './ports/repositories';

export interface SuggestionFormView {
  groupId: string;
  groupName: string;
  /** A one-time key: the same form sent twice stores one suggestion. */
  submissionKey: string;
  kinds: readonly CompetenceKind[];
  values: SuggestionDraft;
  errors: Partial<Record<SuggestionField, CompetenceFieldError>>;
}

export const EMPTY_SUGGESTION: SuggestionDraft = { kind: 'lecture', title: '', description: '', link: '' };

export async function openCompetenceSuggestionForm(
  deps: { repositories: Repositories; ids: IdGenerator },
  input: Actor & { groupId?: string | null },
): Promise<SuggestionFormView> {
  const member = await findMember(deps.repositories, input, input.groupId ?? null);
  return {
    groupId: member.group.id,
    groupName: member.group.name,
    submissionKey: deps.ids(),
    kinds: COMPETENCE_KINDS,
    values: EMPTY_SUGGESTION,
    errors: {},
  };
}
