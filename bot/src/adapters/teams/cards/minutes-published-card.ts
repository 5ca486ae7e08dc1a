/**
 * The announcement of published minutes: the meeting, the version, a link to the document in the
 * group's library and, for delegates, *Jag har återrapporterat* — pressed once it is recorded and
 * the card shows when. Schema 1.2 apart from the button's Action.Execute, which falls back to
 * Action.Submit on Teams mobile.
 */
import { formatLongDate } from '../../../app/i18n/format';
import type { Locale } from '../../../app/i18n/locale';
import { publicationMessages } from '../../../app/i18n/publication-messages';
import type { MinutesPublishedNotice } from '../../../app/ports/messenger';
import { escapeCardText } from '../markdown';
import { CARD_SCHEMA, executeAction, facts, heading, paragraph, type AdaptiveCard, type CardElement } from './card-parts';

export const MINUTES_VERBS = { report: 'minutes.report' } as const;

const isWebLink = (url: string | null): url is string => url !== null && /^https?:\/\/\S+$/i.test(url);

export function minutesPublishedCard(notice: Omit<MinutesPublishedNotice, 'kind'>, locale: Locale): AdaptiveCard {
  const m = publicationMessages(locale);
  const meetingTitle = escapeCardText(notice.meeting.title);
  const title = notice.reminder
    ? m.reminderTitle(meetingTitle)
    : notice.correctionOf
      ? m.correctionTitle(meetingTitle, notice.correctionOf)
      : m.title(meetingTitle);
  const body: CardElement[] = [
    heading(title),
    paragraph(notice.reminder ? m.reminderIntro : m.intro(escapeCardText(notice.groupName))),
    facts([
      { title: m.meeting, value: `${meetingTitle}, ${formatLongDate(notice.meeting.startsAt, locale)}` },
      { title: m.version, value: String(notice.version) },
    ]),
  ];
  const actions: CardElement[] = [];
  if (isWebLink(notice.documentUrl)) actions.push({ type: 'Action.OpenUrl', title: m.openDocument, url: notice.documentUrl });
  if (notice.audience === 'person' && notice.canReport) {
    if (notice.reportedAt) {
      body.push(paragraph(m.reported(formatLongDate(notice.reportedAt, locale)), { color: 'Good', spacing: 'Medium' }));
    } else {
      body.push(paragraph(m.reportHint, { isSubtle: true, spacing: 'Medium' }));
      actions.push(executeAction(m.report, MINUTES_VERBS.report, { meetingId: notice.meeting.id }, { style: 'positive' }));
    }
  }
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    fallbackText: title,
  };
}
