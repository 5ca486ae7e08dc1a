/**
 * The call for proposals: to each member with *Föreslå punkt* and *Inget att föreslå*; in the
 * channel without buttons (an answer there would replace the card for everyone).
 */
import { callMessages } from '../../../app/i18n/call-messages';
import { formatLongDate, formatTimeSpan } from '../../../app/i18n/format';
import type { Locale } from '../../../app/i18n/locale';
import type { CallForProposalsNotice } from '../../../app/ports/messenger';
import { escapeCardText } from '../markdown';
import { CARD_SCHEMA, fallbackFor, executeAction, facts, heading, paragraph, type AdaptiveCard } from './card-parts';
import { PROPOSAL_VERBS } from './proposal-form-card';

export const CALL_VERBS = { nothing: 'call.nothing' } as const;

export function callForProposalsCard(notice: CallForProposalsNotice, locale: Locale): AdaptiveCard {
  const m = callMessages(locale);
  const title = notice.reminder
    ? m.reminderTitle(notice.meeting.title, formatLongDate(notice.lastDayToPropose, locale))
    : m.title(notice.meeting.title);
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body: [
      heading(escapeCardText(title)),
      paragraph(escapeCardText(m.intro(notice.groupName))),
      facts([
        { title: m.meeting, value: `${escapeCardText(notice.meeting.title)}, ${formatLongDate(notice.meeting.startsAt, locale)}` },
        { title: m.time, value: formatTimeSpan(notice.meeting.startsAt, notice.meeting.durationMinutes) },
        { title: m.place, value: escapeCardText(notice.meeting.place) },
        ...(notice.meeting.chair ? [{ title: m.chair, value: escapeCardText(notice.meeting.chair.name) }] : []),
      ]),
      paragraph(m.lastDay(formatLongDate(notice.lastDayToPropose, locale)), { spacing: 'Medium' }),
    ],
    fallbackText: notice.audience === 'person' ? fallbackFor(title, locale) : title,
    speak: title,
  };
  if (notice.audience === 'person') {
    card.actions = [
      executeAction(m.propose, PROPOSAL_VERBS.open, { groupId: notice.groupId, meetingId: notice.meeting.id }, { style: 'positive' }),
      executeAction(m.nothing, CALL_VERBS.nothing, { meetingId: notice.meeting.id }),
    ];
  } else {
    card.body.push(paragraph(m.channelHint, { isSubtle: true }));
  }
  return card;
}

/** What replaces the call card after *Inget att föreslå*: the answer, and still a way to propose. */
export function nothingNotedCard(answer: { meetingTitle: string; meetingStartsAt: Date; groupId: string }, locale: Locale): AdaptiveCard {
  const m = callMessages(locale);
  const text = m.nothingNoted(escapeCardText(answer.meetingTitle), formatLongDate(answer.meetingStartsAt, locale));
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body: [paragraph(text), paragraph(m.changeMind, { isSubtle: true })],
    actions: [executeAction(m.propose, PROPOSAL_VERBS.open, { groupId: answer.groupId })],
    fallbackText: text,
  };
}
