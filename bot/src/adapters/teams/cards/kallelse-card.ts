/**
 * The kallelse: time, place, online link, chair, the agenda with times and presenters, and —
 * in a member's own chat — *Kommer*, *Kommer inte* and *Ersättare kommer* (with the name). After
 * an answer the same card comes back showing it, with the buttons to change it.
 */
import { formatLongDate, formatTime, formatTimeSpan } from '../../../app/i18n/format';
import { kallelseMessages } from '../../../app/i18n/kallelse-messages';
import type { Locale } from '../../../app/i18n/locale';
import type { KallelseView } from '../../../app/kallelse-view';
import type { AttendanceSummaryNotice } from '../../../app/ports/messenger';
import { SUBSTITUTE_NAME_MAX } from '../../../domain/attendance';
import { escapeCardText } from '../markdown';
import {
  CARD_SCHEMA,
  fallbackFor,
  executeAction,
  facts,
  heading,
  paragraph,
  subheading,
  type AdaptiveCard,
  type CardElement,
} from './card-parts';

export const RSVP_VERBS = { answer: 'rsvp.answer' } as const;

/** Teams renders at most this many agenda lines before the card gets unwieldy on a phone. */
const MAX_ITEMS = 30;

export function kallelseCard(view: KallelseView, locale: Locale, audience: 'person' | 'channel', reminder = false): AdaptiveCard {
  const m = kallelseMessages(locale);
  const meeting = view.meeting;
  if (meeting.status === 'cancelled') return cancelledCard(view, locale);
  const title = reminder ? m.reminderTitle(meeting.title) : m.title(meeting.title);
  const body: CardElement[] = [
    heading(escapeCardText(title)),
    paragraph(escapeCardText(m.intro(view.groupName))),
    facts([
      { title: m.date, value: formatLongDate(meeting.startsAt, locale) },
      { title: m.time, value: formatTimeSpan(meeting.startsAt, meeting.durationMinutes) },
      { title: m.place, value: escapeCardText(meeting.place) },
      ...(meeting.chair ? [{ title: m.chair, value: escapeCardText(meeting.chair.name) }] : []),
    ]),
    subheading(m.agenda),
  ];
  if (view.agenda.length === 0) body.push(paragraph(m.noItems, { isSubtle: true }));
  body.push(
    ...view.agenda
      .slice(0, MAX_ITEMS)
      .map((item) =>
        paragraph(
          `${formatTime(item.startsAt)} **${escapeCardText(item.title)}**${item.presenterName ? ` – ${escapeCardText(m.presenter(item.presenterName))}` : ''}`,
          { spacing: 'Small' },
        ),
      ),
  );
  if (view.agenda.length > MAX_ITEMS)
    body.push(paragraph(m.moreItems(view.agenda.length - MAX_ITEMS), { isSubtle: true, spacing: 'Small' }));
  const actions: CardElement[] = [];
  // Only a web link opens from the card: no other scheme ends up behind a button.
  if (meeting.onlineUrl && /^https:\/\//i.test(meeting.onlineUrl))
    actions.push({ type: 'Action.OpenUrl', title: m.online, url: meeting.onlineUrl });
  if (audience === 'person') {
    body.push(subheading(m.question));
    if (view.answer) {
      const answer =
        view.answer.rsvp === 'substitute' ? `${m.answers.substitute} (${view.answer.substituteName ?? ''})` : m.answers[view.answer.rsvp];
      body.push(paragraph(m.yourAnswer(escapeCardText(answer))));
    }
    actions.push(...rsvpActions(meeting.id, view.answer?.substituteName ?? null, locale));
  } else {
    body.push(paragraph(m.channelHint, { isSubtle: true, spacing: 'Medium' }));
  }
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    fallbackText: audience === 'person' ? fallbackFor(title, locale) : title,
    speak: title,
  };
  if (actions.length > 0) card.actions = actions;
  return card;
}

/**
 * *Kommer*, *Kommer inte* and *Ersättare kommer* (with the name) for a meeting: the kallelse's
 * buttons, also on the representation nudge. An answer brings back the kallelse card showing it.
 */
export function rsvpActions(meetingId: string, substituteName: string | null, locale: Locale): CardElement[] {
  const m = kallelseMessages(locale);
  const data = (answer: string) => ({ meetingId, answer });
  return [
    executeAction(m.answers.yes, RSVP_VERBS.answer, data('yes'), { style: 'positive' }),
    executeAction(m.answers.no, RSVP_VERBS.answer, data('no')),
    {
      type: 'Action.ShowCard',
      title: m.answers.substitute,
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: 'substituteName',
            label: m.substituteLabel,
            placeholder: m.substitutePlaceholder,
            isRequired: true,
            errorMessage: m.substituteRequired,
            maxLength: SUBSTITUTE_NAME_MAX,
            value: substituteName ?? '',
          },
        ],
        actions: [executeAction(m.sendSubstitute, RSVP_VERBS.answer, data('substitute'), { associatedInputs: 'auto' })],
      },
    },
  ];
}

/** A kallelse already sent for a meeting since cancelled: when it was, and that no answer is needed. */
function cancelledCard(view: KallelseView, locale: Locale): AdaptiveCard {
  const m = kallelseMessages(locale);
  const meeting = view.meeting;
  const title = m.cancelledTitle(meeting.title);
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body: [
      heading(escapeCardText(title)),
      paragraph(escapeCardText(m.cancelledBody)),
      facts([
        { title: m.date, value: formatLongDate(meeting.startsAt, locale) },
        { title: m.time, value: formatTimeSpan(meeting.startsAt, meeting.durationMinutes) },
        { title: m.place, value: escapeCardText(meeting.place) },
      ]),
    ],
    fallbackText: title,
    speak: title,
  };
}

/** To the chair the day before: the answers by kind, and the förvaltningar that will be missing. */
export function attendanceSummaryCard(notice: AttendanceSummaryNotice, locale: Locale): AdaptiveCard {
  const m = kallelseMessages(locale);
  const title = m.summaryTitle(notice.meeting.title);
  const names = (rsvp: 'yes' | 'no' | 'substitute' | null) =>
    notice.overview.answers
      .filter((a) => a.rsvp === rsvp)
      .map((a) => escapeCardText(rsvp === 'substitute' ? `${a.name} (${a.substituteName ?? ''})` : a.name))
      .join(', ') || m.nobody;
  const body: CardElement[] = [
    heading(escapeCardText(title)),
    facts([
      { title: m.coming, value: names('yes') },
      { title: m.substitutes, value: names('substitute') },
      { title: m.notComing, value: names('no') },
      { title: m.noAnswer, value: names(null) },
    ]),
  ];
  body.push(
    notice.overview.unrepresented.length > 0
      ? paragraph(`**${m.unrepresented}:** ${notice.overview.unrepresented.map(escapeCardText).join(', ')}`, { spacing: 'Medium' })
      : paragraph(m.allRepresented, { spacing: 'Medium' }),
  );
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.2', body, fallbackText: title, speak: title };
}
