/**
 * The welcome and help card: a pure function of the welcome view and the locale. It uses only
 * elements of Adaptive Cards 1.2 (TextBlock, FactSet), so it renders the same on Teams mobile.
 */
import type { WelcomeView } from '../../../app/welcome-teams-user';
import { formatLongDate, formatTimeSpan } from '../../../app/i18n/format';
import type { Locale } from '../../../app/i18n/locale';
import { botMessages } from '../../../app/i18n/messages';
import { escapeCardText } from '../markdown';
import { CARD_SCHEMA, heading, paragraph, subheading, type AdaptiveCard, type CardElement } from './card-parts';

export function welcomeCard(view: WelcomeView, locale: Locale): AdaptiveCard {
  const m = botMessages(locale);
  const body: CardElement[] = [];
  let title: string;

  if (view.kind === 'member') {
    title = m.welcomeTitle(view.personName);
    body.push(heading(escapeCardText(title)), paragraph(m.welcomeIntro));
    for (const group of view.groups) {
      body.push(paragraph(escapeCardText(m.roleInGroup(group.role, group.groupName))));
      if (group.nextMeeting) {
        const meeting = group.nextMeeting;
        const facts = [
          { title: m.nextMeeting, value: `${escapeCardText(meeting.title)}, ${formatLongDate(meeting.startsAt, locale)}` },
          { title: m.time, value: formatTimeSpan(meeting.startsAt, meeting.durationMinutes) },
          { title: m.place, value: escapeCardText(meeting.place) },
          ...(meeting.chair ? [{ title: m.chair, value: escapeCardText(meeting.chair.name) }] : []),
        ];
        body.push({ type: 'FactSet', facts, spacing: 'Small' });
      } else {
        body.push(paragraph(m.noMeetingPlanned, { isSubtle: true }));
      }
    }
    body.push(subheading(m.whatICanDo), paragraph(m.abilities.map((a) => `- ${a}`).join('\n')), paragraph(m.helpHint, { isSubtle: true }));
  } else if (view.kind === 'team') {
    title = m.teamTitle;
    body.push(heading(title), paragraph(escapeCardText(m.teamBody(view.groupName))));
  } else {
    title = m.unknownTitle;
    body.push(heading(title), paragraph(m.unknownBody));
    if (view.contacts.length > 0) {
      body.push(paragraph(m.unknownContacts));
      body.push({ type: 'FactSet', facts: view.contacts.map((c) => ({ title: escapeCardText(c.name), value: escapeCardText(c.email) })) });
    } else {
      body.push(paragraph(m.unknownNoContacts));
    }
  }

  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.2',
    body,
    fallbackText: title,
    speak: title,
  };
}
