/**
 * The receipt a proposer keeps in the chat: what was proposed, for which meeting, its status, and
 * — while the deadline has not passed — *Ändra* and *Dra tillbaka*. The card asks Teams to
 * refresh it for the proposer, so a strategist's decision shows the next time it is seen.
 */
import { formatLongDate } from '../../../app/i18n/format';
import type { Locale } from '../../../app/i18n/locale';
import { proposalMessages } from '../../../app/i18n/proposal-messages';
import type { ProposalView } from '../../../app/proposal-view';
import { escapeCardText } from '../markdown';
import {
  CARD_SCHEMA,
  fallbackFor,
  attention,
  executeAction,
  facts,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from './card-parts';
import { PROPOSAL_VERBS } from './proposal-form-card';

/** Teams refreshes a card automatically for at most 60 listed users. */
const MAX_REFRESH_USERS = 60;

export function proposalReceiptCard(proposal: ProposalView, locale: Locale, refreshFor: string[] = []): AdaptiveCard {
  const m = proposalMessages(locale);
  const title = m.receiptTitle[proposal.status];
  const meetingText = proposal.meeting
    ? `${escapeCardText(proposal.meeting.title)}, ${formatLongDate(proposal.meeting.startsAt, locale)}`
    : m.noMeetingYet;
  const body: CardElement[] = [
    heading(title),
    paragraph(`**${escapeCardText(proposal.title)}**`),
    facts([
      { title: m.meeting, value: meetingText },
      { title: m.status, value: m.statuses[proposal.status] },
      { title: m.time, value: m.minutes(proposal.minutesNeeded) },
      ...(proposal.organisationName ? [{ title: m.organisation, value: escapeCardText(proposal.organisationName) }] : []),
      ...(proposal.goals.length > 0
        ? [{ title: m.goals, value: proposal.goals.map((g) => `${m.frameworks[g.framework]} ${g.number}`).join(', ') }]
        : []),
    ]),
  ];
  if (proposal.missedMeeting) {
    const nowFor = proposal.meeting
      ? `${escapeCardText(proposal.meeting.title)} (${formatLongDate(proposal.meeting.startsAt, locale)})`
      : null;
    body.push(
      attention(m.late(escapeCardText(proposal.missedMeeting.title), formatLongDate(proposal.missedMeeting.startsAt, locale), nowFor)),
    );
  }
  if (proposal.decisionNote) {
    body.push(paragraph(`**${m.decisionNote}:** ${escapeCardText(proposal.decisionNote)}`, { spacing: 'Medium' }));
  }
  if (proposal.lastDayToChange) {
    body.push(paragraph(m.changeUntil(formatLongDate(proposal.lastDayToChange, locale)), { isSubtle: true, spacing: 'Medium' }));
  }
  const ref = { proposalId: proposal.id };
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    fallbackText: proposal.mayChange ? fallbackFor(`${title}: ${proposal.title}`, locale) : `${title}: ${proposal.title}`,
    speak: title,
  };
  if (proposal.mayChange) {
    card.actions = [
      executeAction(m.change, PROPOSAL_VERBS.edit, ref),
      executeAction(m.withdraw, PROPOSAL_VERBS.withdraw, ref, { style: 'destructive' }),
    ];
  }
  if (refreshFor.length > 0) {
    card.refresh = {
      action: { type: 'Action.Execute', verb: PROPOSAL_VERBS.refresh, data: ref },
      userIds: refreshFor.slice(0, MAX_REFRESH_USERS),
    };
  }
  return card;
}

/** `mina förslag`: the caller's proposals, newest first, each as a short line. */
export function myProposalsCard(proposals: ProposalView[], locale: Locale): AdaptiveCard {
  const m = proposalMessages(locale);
  const body: CardElement[] = [heading(m.myProposalsTitle)];
  if (proposals.length === 0) body.push(paragraph(m.noProposals));
  for (const p of proposals.slice(0, 20)) {
    const meeting = p.meeting ? `${escapeCardText(p.meeting.title)}, ${formatLongDate(p.meeting.startsAt, locale)}` : m.noMeetingYet;
    body.push(
      paragraph(`**${escapeCardText(p.title)}**`, { spacing: 'Medium', separator: true }),
      paragraph(`${m.statuses[p.status]} · ${meeting}`, { isSubtle: true, spacing: 'None' }),
    );
  }
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.2', body, fallbackText: m.myProposalsTitle };
}
