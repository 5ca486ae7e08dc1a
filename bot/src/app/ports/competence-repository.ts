/** The competence ledger, the members' suggestions and their votes (bot/src/domain/competence.ts). */
import type { CompetenceActivity, CompetenceSuggestion } from '../../domain/competence';

export interface CompetenceRepository {
  /** Inserts a new activity with its participants and action links. */
  insertActivity(activity: CompetenceActivity): Promise<void>;
  /**
   * Replaces the activity (fields, participants, action links) only while its stored revision is
   * still `expectedRevision`; false otherwise, and nothing is written.
   */
  saveActivityIfUnchanged(activity: CompetenceActivity, expectedRevision: number): Promise<boolean>;
  findActivity(tenantId: string, activityId: string): Promise<CompetenceActivity | null>;
  /**
   * The group's activities dated from `from` up to but not including `to` ("YYYY-MM-DD",
   * Stockholm calendar dates), every status, in date order. The year's plan and the reports
   * (count `status === 'held'` for what took place in a period) both read this.
   */
  listByGroupBetween(tenantId: string, groupId: string, from: string, to: string): Promise<CompetenceActivity[]>;

  /** Stores a new suggestion; false when its submission key was stored already (nothing written). */
  insertSuggestion(suggestion: CompetenceSuggestion): Promise<boolean>;
  findSuggestion(tenantId: string, suggestionId: string): Promise<CompetenceSuggestion | null>;
  findSuggestionBySubmissionKey(tenantId: string, submissionKey: string): Promise<CompetenceSuggestion | null>;
  /** Open suggestions first, newest first within each status; at most `limit`. */
  listSuggestions(tenantId: string, groupId: string, limit: number): Promise<CompetenceSuggestion[]>;
  /** Marks an open suggestion planned; false when it was not open (someone was first). */
  markSuggestionPlanned(tenantId: string, suggestionId: string, at: Date): Promise<boolean>;

  /** One vote per person and suggestion: voting again changes nothing. True when a vote was added. */
  addVote(tenantId: string, suggestionId: string, personId: string, at: Date): Promise<boolean>;
  /** True when a vote was withdrawn. */
  removeVote(tenantId: string, suggestionId: string, personId: string): Promise<boolean>;
  /** Per suggestion: how many votes, and whether `personId` is among them. */
  voteTallies(tenantId: string, suggestionIds: readonly string[], personId: string): Promise<Map<string, { votes: number; mine: boolean }>>;
}
