/**
 * An action to its owner (the status request before a meeting, or its due date coming up): the
 * action, the meeting that decided it, and *Klar / Pågår / Hinder* with a comment, sent with one
 * Action.Execute that falls back to Action.Submit on Teams mobile. Once answered, the card says
 * what was answered and keeps the form, filled in, for a change of mind.
 */
import { actionMessages } from '../../../app/i18n/action-messages';
import { formatLongDate } from '../../../app/i18n/format';
import type { Locale } from '../../../app/i18n/locale';
import type { ActionStatusNotice } from '../../../app/ports/messenger';
import { REPORTED_STATUSES, STATUS_COMMENT_MAX } from '../../../domain/action-status';
import { escapeCardText } from '../markdown';
import { CARD_SCHEMA, executeAction, facts, heading, paragraph, type AdaptiveCard, type CardElement } from './card-parts';

export const ACTION_VERBS = { status: 'action.status' } as const;

/** A calendar date "YYYY-MM-DD" as the long date of that day (noon UTC is that day in Stockholm). */
const dayOf = (isoDay: string) => new Date(`${isoDay}T12:00:00Z`);

export function actionStatusCard(notice: Omit<ActionStatusNotice, 'kind'>, locale: Locale): AdaptiveCard {
  const m = actionMessages(locale);
  const title = escapeCardText(notice.action.title);
  const titles = { request: m.requestTitle, 'due-soon': m.dueSoonTitle, 'due-today': m.dueTodayTitle };
  const heading_ = titles[notice.reason](title);
  const rows = [
    { title: m.action, value: title },
    { title: m.decidedAt, value: `${escapeCardText(notice.decidedAt.title)}, ${formatLongDate(notice.decidedAt.startsAt, locale)}` },
    ...(notice.action.dueDate ? [{ title: m.dueDate, value: formatLongDate(dayOf(notice.action.dueDate), locale) }] : []),
    ...(notice.forMeeting
      ? [
          {
            title: m.forMeeting,
            value: `${escapeCardText(notice.forMeeting.title)}, ${formatLongDate(notice.forMeeting.startsAt, locale)}`,
          },
        ]
      : []),
  ];
  const body: CardElement[] = [
    heading(heading_),
    paragraph(notice.reason === 'request' && notice.forMeeting ? m.requestIntro(escapeCardText(notice.forMeeting.title)) : m.dueIntro),
    facts(rows),
  ];
  if (notice.answer) {
    body.push(
      paragraph(m.answered(m.statuses[notice.answer.status].toLowerCase(), formatLongDate(notice.answer.answeredAt, locale)), {
        color: 'Good',
        spacing: 'Medium',
      }),
    );
  }
  const current = notice.answer?.status ?? (notice.action.status === 'open' ? undefined : notice.action.status);
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: 'status',
      label: m.statusLabel,
      style: 'expanded',
      isRequired: true,
      errorMessage: m.chooseStatus,
      choices: REPORTED_STATUSES.map((status) => ({ title: m.statuses[status], value: status })),
      ...(current ? { value: current } : {}),
    },
    {
      type: 'Input.Text',
      id: 'comment',
      label: m.commentLabel,
      placeholder: m.commentPlaceholder,
      isMultiline: true,
      maxLength: STATUS_COMMENT_MAX,
      // Shown as the user typed it: an input's value is not markdown.
      ...(notice.answer?.comment ? { value: notice.answer.comment } : {}),
    },
  );
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    actions: [
      executeAction(
        m.send,
        ACTION_VERBS.status,
        { actionId: notice.action.id, meetingId: notice.forMeeting?.id ?? null, reason: notice.reason },
        { style: 'positive' },
      ),
    ],
    fallbackText: heading_,
  };
}
