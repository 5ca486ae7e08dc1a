/**
 * The nudge to a förvaltning's delegate after two meetings that nobody from it attended: which
 * meetings, the next one (date, time, place), and the kallelse's own RSVP buttons, so the
 * delegate answers or names an ersättare right here. Answering brings back the kallelse card.
 */
import { formatLongDate, formatTimeSpan } from '../../../app/i18n/format';
import { kallelseMessages } from '../../../app/i18n/kallelse-messages';
import type { Locale } from '../../../app/i18n/locale';
import { joinDates, representationMessages } from '../../../app/i18n/representation-messages';
import type { RepresentationNudgeNotice } from '../../../app/ports/messenger';
import { escapeCardText } from '../markdown';
import { CARD_SCHEMA, facts, fallbackFor, heading, paragraph, subheading, type AdaptiveCard, type CardElement } from './card-parts';
import { rsvpActions } from './kallelse-card';

export function representationNudgeCard(notice: RepresentationNudgeNotice, locale: Locale): AdaptiveCard {
  const m = representationMessages(locale);
  const k = kallelseMessages(locale);
  const title = m.title(notice.organisationName);
  // Oldest first reads as a story: "11 februari och 11 mars".
  const dates = joinDates(
    [...notice.missed].reverse().map((meeting) => formatLongDate(meeting.startsAt, locale)),
    locale,
  );
  const body: CardElement[] = [
    heading(escapeCardText(title)),
    paragraph(escapeCardText(m.intro(notice.organisationName, dates))),
    paragraph(m.why, { isSubtle: true }),
    subheading(m.nextTitle),
  ];
  const next = notice.nextMeeting;
  let actions: CardElement[] = [];
  if (next) {
    body.push(
      facts([
        { title: k.date, value: formatLongDate(next.startsAt, locale) },
        { title: k.time, value: formatTimeSpan(next.startsAt, next.durationMinutes) },
        { title: k.place, value: escapeCardText(next.place) },
      ]),
      paragraph(escapeCardText(next.title), { isSubtle: true, spacing: 'Small' }),
      subheading(m.ask),
    );
    if (notice.answer) {
      const answer =
        notice.answer.rsvp === 'substitute'
          ? `${k.answers.substitute} (${notice.answer.substituteName ?? ''})`
          : k.answers[notice.answer.rsvp];
      body.push(paragraph(k.yourAnswer(escapeCardText(answer))));
    }
    actions = rsvpActions(next.id, notice.answer?.substituteName ?? null, locale);
  } else {
    body.push(paragraph(m.noNextMeeting));
  }
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    fallbackText: fallbackFor(title, locale),
    speak: title,
  };
  if (actions.length > 0) card.actions = actions;
  return card;
}
