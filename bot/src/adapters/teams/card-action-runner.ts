/**
 * Carries out a card's action and answers with the card that should replace it: the
 * receipt after a submit, the form again with the errors at their fields, a notice when the
 * action is not allowed. Nothing here decides a rule; the use cases do.
 */
import type { Actor } from '../../app/find-member';
import { AppError } from '../../app/errors';
import { ONLY_DELEGATES } from '../../app/report-back';
import { COMMENT_TOO_LONG, ONLY_OWNER } from '../../app/answer-action-status';
import { actionMessages } from '../../app/i18n/action-messages';
import type { ReportedStatus } from '../../domain/action-status';
import { actionStatusCard } from './cards/action-status-card';
import type { Locale } from '../../app/i18n/locale';
import { callMessages } from '../../app/i18n/call-messages';
import { kallelseMessages } from '../../app/i18n/kallelse-messages';
import { proposalMessages } from '../../app/i18n/proposal-messages';
import { publicationMessages } from '../../app/i18n/publication-messages';
import type { BotUseCases } from './bot-use-cases';
import type { CardAction } from './card-actions';
import { noticeCard, type AdaptiveCard } from './cards/card-parts';
import { nothingNotedCard } from './cards/call-for-proposals-card';
import { kallelseCard } from './cards/kallelse-card';
import { minutesPublishedCard } from './cards/minutes-published-card';
import { proposalFormCard } from './cards/proposal-form-card';
import { proposalReceiptCard } from './cards/proposal-receipt-card';
import { tipFormCard, tipReceiptCard } from './cards/tip-card';
import { tipMessages } from '../../app/i18n/tip-messages';
import { competenceMessages } from '../../app/i18n/competence-messages';
import { suggestionCard, suggestionFormCard } from './cards/competence-cards';

export async function runCardAction(
  useCases: BotUseCases,
  action: CardAction,
  actor: Actor,
  context: { locale: Locale; teamsUserId: string },
): Promise<AdaptiveCard> {
  const { locale } = context;
  const refreshFor = [context.teamsUserId];
  try {
    switch (action.verb) {
      case 'proposal.open':
        return proposalFormCard(
          await useCases.openProposalForm({ ...actor, groupId: action.groupId, meetingId: action.meetingId }),
          locale,
        );
      case 'proposal.edit':
        return proposalFormCard(await useCases.openProposalForm({ ...actor, proposalId: action.proposalId }), locale);
      case 'proposal.submit': {
        const result = await useCases.submitProposal({
          ...actor,
          groupId: action.groupId,
          proposalId: action.proposalId,
          submissionKey: action.submissionKey,
          draft: {
            title: action.title,
            description: action.description,
            kind: action.kind,
            organisationId: action.organisationId,
            goalIds: action.goalIds,
            minutesNeeded: action.minutesNeeded,
            meetingId: action.meetingId,
          },
        });
        return result.kind === 'stored' ? proposalReceiptCard(result.proposal, locale, refreshFor) : proposalFormCard(result.form, locale);
      }
      case 'proposal.withdraw':
        return proposalReceiptCard(await useCases.withdrawProposal({ ...actor, proposalId: action.proposalId }), locale, refreshFor);
      case 'proposal.refresh':
        return proposalReceiptCard(await useCases.getProposal({ ...actor, proposalId: action.proposalId }), locale, refreshFor);
      case 'rsvp.answer':
        return kallelseCard(
          await useCases.answerRsvp({
            ...actor,
            meetingId: action.meetingId,
            answer: action.answer,
            substituteName: action.substituteName ?? null,
          }),
          locale,
          'person',
        );
      case 'minutes.report':
        return minutesPublishedCard(await useCases.reportBack({ ...actor, meetingId: action.meetingId }), locale);
      case 'action.status':
        return actionStatusCard(
          await useCases.answerActionStatus({
            ...actor,
            actionId: action.actionId,
            meetingId: action.meetingId,
            status: action.status as ReportedStatus,
            comment: action.comment,
            reason: action.reason,
          }),
          locale,
        );
      case 'call.nothing':
        return nothingNotedCard(await useCases.answerNothingToPropose({ ...actor, meetingId: action.meetingId }), locale);
      case 'tip.submit': {
        const draft = { url: action.url, comment: action.comment, quote: action.quote };
        const result = await useCases.addTip({
          ...actor,
          groupId: action.groupId,
          submissionKey: action.submissionKey,
          source: 'bot',
          draft,
        });
        if (result.kind === 'stored') return tipReceiptCard(result.tip, result.groupName, locale);
        // The form again, with the same key and what was typed.
        const form = await useCases.openTipForm(actor);
        return tipFormCard(
          { ...form, submissionKey: action.submissionKey, quote: action.quote },
          locale,
          { kind: 'chat' },
          { values: { url: action.url, comment: action.comment, groupId: action.groupId }, errors: result.errors },
        );
      }
      case 'competence.open':
        return suggestionFormCard(await useCases.openCompetenceSuggestionForm({ ...actor, groupId: action.groupId }), locale);
      case 'competence.suggest': {
        const result = await useCases.suggestCompetenceActivity({
          ...actor,
          groupId: action.groupId,
          submissionKey: action.submissionKey,
          draft: { kind: action.kind, title: action.title, description: action.description, link: action.link },
        });
        return result.kind === 'stored'
          ? suggestionCard(result.suggestion, locale, refreshFor, true)
          : suggestionFormCard(result.form, locale);
      }
      case 'competence.vote':
        try {
          return suggestionCard(
            await useCases.voteCompetenceSuggestion({ ...actor, suggestionId: action.suggestionId, voted: action.voted }),
            locale,
            refreshFor,
          );
        } catch (error) {
          // Planned in the meantime: the card as it now is says so, without a vote button.
          if (!(error instanceof AppError && error.code === 'conflict')) throw error;
          return suggestionCard(
            await useCases.getCompetenceSuggestion({ ...actor, suggestionId: action.suggestionId }),
            locale,
            refreshFor,
          );
        }
      case 'competence.refresh':
        return suggestionCard(await useCases.getCompetenceSuggestion({ ...actor, suggestionId: action.suggestionId }), locale, refreshFor);
    }
  } catch (error) {
    if (error instanceof AppError) return refusalCard(error, action.verb, locale);
    throw error;
  }
}

/** Why an action was refused, in words that say what to do; the same for a missing id and someone else's. */
function refusalCard(error: AppError, verb: CardAction['verb'], locale: Locale): AdaptiveCard {
  const m = proposalMessages(locale);
  if (verb === 'call.nothing' && error.code === 'conflict') {
    const c = callMessages(locale);
    return noticeCard(c.nothing, c.closed);
  }
  if (verb === 'minutes.report') {
    const p = publicationMessages(locale);
    if (error.code === 'conflict') return noticeCard(p.report, p.notPublished);
    return noticeCard(p.report, error.message === ONLY_DELEGATES ? p.onlyDelegates : m.notMember);
  }
  if (verb === 'action.status') {
    const a = actionMessages(locale);
    if (error.code === 'invalid') return noticeCard(a.statusLabel, error.message === COMMENT_TOO_LONG ? a.commentTooLong : a.chooseStatus);
    return noticeCard(a.statusLabel, error.message === ONLY_OWNER ? a.onlyOwner : m.notMember);
  }
  if (verb === 'rsvp.answer') {
    const k = kallelseMessages(locale);
    if (error.code === 'conflict') return noticeCard(k.question, k.meetingOver);
    if (error.code === 'invalid') return noticeCard(k.question, k.answerRefused);
    return noticeCard(k.question, m.notMember);
  }
  if (verb.startsWith('competence.')) {
    const c = competenceMessages(locale);
    if (error.code === 'conflict') return noticeCard(c.suggestionTitle, c.votingClosed);
    return noticeCard(
      verb === 'competence.open' || verb === 'competence.suggest' ? c.formTitle : c.suggestionTitle,
      error.code === 'forbidden' || error.code === 'not-found' ? c.notMember : c.unreadable,
    );
  }
  if (verb === 'tip.submit') {
    const t = tipMessages(locale);
    return noticeCard(t.formTitle, error.code === 'forbidden' || error.code === 'not-found' ? t.notMember : t.unreadable);
  }
  if (error.code === 'conflict') return noticeCard(m.changeTitle, m.noLongerChangeable);
  if (error.code === 'forbidden' || error.code === 'not-found') {
    return verb === 'proposal.open' || verb === 'proposal.submit'
      ? noticeCard(m.formTitle, m.notMember)
      : noticeCard(m.changeTitle, m.notYours);
  }
  return noticeCard(m.formTitle, m.unreadable);
}
