/**
 * The reminder to a sub-group's convenor before the meeting it reports back at: which meeting,
 * the mandate, the deadline and the members. It only informs, so it needs nothing beyond schema
 * 1.2 and renders the same on Teams mobile.
 */
import { formatLongDate } from '../../../app/i18n/format';
import type { Locale } from '../../../app/i18n/locale';
import { subGroupMessages } from '../../../app/i18n/sub-group-messages';
import type { SubGroupReminderNotice } from '../../../app/ports/messenger';
import { escapeCardText } from '../markdown';
import { CARD_SCHEMA, facts, heading, paragraph, type AdaptiveCard } from './card-parts';

/** A calendar date "YYYY-MM-DD" as the long date of that day (noon UTC is that day in Stockholm). */
const dayOf = (isoDay: string) => new Date(`${isoDay}T12:00:00Z`);

export function subGroupReminderCard(notice: Omit<SubGroupReminderNotice, 'kind'>, locale: Locale): AdaptiveCard {
  const m = subGroupMessages(locale);
  const name = escapeCardText(notice.subGroup.name);
  const meeting = `${escapeCardText(notice.meeting.title)}, ${formatLongDate(notice.meeting.startsAt, locale)}`;
  const title = m.reminderTitle(name);
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.2',
    body: [
      heading(title),
      paragraph(m.reminderIntro(meeting)),
      facts([
        { title: m.subGroup, value: name },
        { title: m.mandate, value: escapeCardText(notice.subGroup.mandate) },
        { title: m.deadline, value: formatLongDate(dayOf(notice.subGroup.deadline), locale) },
        { title: m.members, value: notice.subGroup.memberNames.map(escapeCardText).join(', ') },
      ]),
      paragraph(m.tabHint, { isSubtle: true, spacing: 'Medium' }),
    ],
    fallbackText: `${title}. ${m.tabHint}`,
  };
}
