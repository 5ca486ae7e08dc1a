/** The use cases the bot calls, bound to their dependencies by main.ts. */
import type { SuggestionView } from '../../app/competence-view';
import type { SuggestionFormView } from '../../app/open-competence-suggestion-form';
import type { SuggestInput, SuggestResult } from '../../app/suggest-competence-activity';
import type { Actor } from '../../app/find-member';
import type { TeamsUserIdentity } from '../../app/identify-person';
import type { KallelseView } from '../../app/kallelse-view';
import type { MyActionView } from '../../app/list-my-actions';
import type { ProposalFormView } from '../../app/open-proposal-form';
import type { ActionStatusNotice, MinutesPublishedNotice } from '../../app/ports/messenger';
import type { ReportedStatus } from '../../domain/action-status';
import type { ProposalView } from '../../app/proposal-view';
import type { SubmitProposalInput, SubmitProposalResult } from '../../app/submit-proposal';
import type { WelcomeInput, WelcomeView } from '../../app/welcome-teams-user';
import type { AddTipInput, AddTipResult } from '../../app/add-tip';
import type { TipFormView } from '../../app/open-tip-form';

export interface BotUseCases {
  welcome(input: WelcomeInput): Promise<WelcomeView>;
  /** The person behind a Teams user, as an actor for the use cases below; null when unknown. */
  identify(who: TeamsUserIdentity): Promise<Actor | null>;
  rememberPersonalChat(input: Actor & { conversationId: string; reference: unknown }): Promise<void>;
  openProposalForm(
    input: Actor & { groupId?: string | null; proposalId?: string | null; meetingId?: string | null },
  ): Promise<ProposalFormView>;
  submitProposal(input: SubmitProposalInput): Promise<SubmitProposalResult>;
  withdrawProposal(input: Actor & { proposalId: string }): Promise<ProposalView>;
  getProposal(input: Actor & { proposalId: string }): Promise<ProposalView>;
  listMyProposals(actor: Actor): Promise<ProposalView[]>;
  listMyActions(actor: Actor): Promise<MyActionView[]>;
  answerRsvp(input: Actor & { meetingId: string; answer: string; substituteName?: string | null }): Promise<KallelseView>;
  getKallelse(input: Actor & { meetingId?: string | null }): Promise<KallelseView | null>;
  answerNothingToPropose(input: Actor & { meetingId: string }): Promise<{ meetingTitle: string; meetingStartsAt: Date; groupId: string }>;
  reportBack(input: Actor & { meetingId: string }): Promise<MinutesPublishedNotice>;
  answerActionStatus(
    input: Actor & {
      actionId: string;
      meetingId: string | null;
      status: ReportedStatus;
      comment: string;
      reason: ActionStatusNotice['reason'];
    },
  ): Promise<ActionStatusNotice>;
  /** Omvärldsbevakning: the tip form and a tip sent from the chat or a Teams message. */
  openTipForm(input: Actor & { messageText?: string | null }): Promise<TipFormView>;
  addTip(input: AddTipInput): Promise<AddTipResult>;
  /** Kompetensutveckling: a member suggests an activity and votes on the suggestions. */
  openCompetenceSuggestionForm(input: Actor & { groupId?: string | null }): Promise<SuggestionFormView>;
  suggestCompetenceActivity(input: SuggestInput): Promise<SuggestResult>;
  voteCompetenceSuggestion(input: Actor & { suggestionId: string; voted: boolean }): Promise<SuggestionView>;
  getCompetenceSuggestion(input: Actor & { suggestionId: string }): Promise<SuggestionView>;
}
