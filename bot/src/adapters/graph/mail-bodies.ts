/**
 * The mail version of each notice, rendered from the same view the card is: a subject, an HTML
 * body and a plain-text one. Everything from people (titles, names, places) is HTML-escaped.
 */
import { actionMessages } from '../../app/i18n/action-messages';
import { callMessages } from '../../app/i18n/call-messages';
import { formatLongDate, formatTime, formatTimeSpan } from '../../app/i18n/format';
import { kallelseMessages } from '../../app/i18n/kallelse-messages';
import type { Locale } from '../../app/i18n/locale';
import { mailMessages } from '../../app/i18n/mail-messages';
import { proposalMessages } from '../../app/i18n/proposal-messages';
import { publicationMessages } from '../../app/i18n/publication-messages';
import { joinDates, representationMessages } from '../../app/i18n/representation-messages';
import { subGroupMessages } from '../../app/i18n/sub-group-messages';
import type { Notice } from '../../app/ports/messenger';

export interface MailBody {
  subject: string;
  html: string;
  text: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Subject lines are one line: no control characters or line separators from a title. */
export const oneLine = (text: string) =>
  text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function compose(subject: string, heading: string, rows: [string, string][], paragraphs: string[], locale: Locale): MailBody {
  const m = mailMessages(locale);
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:Segoe UI,Arial,sans-serif;line-height:1.4">`,
    `<h1 style="font-size:20px">${escapeHtml(heading)}</h1>`,
    rows.length > 0
      ? `<table>${rows.map(([k, v]) => `<tr><th align="left" style="padding-right:12px">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`
      : '',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p style="color:#616161;font-size:12px">${escapeHtml(m.whyMail)}</p>`,
    '</body></html>',
  ].join('');
  const text = [heading, '', ...rows.map(([k, v]) => `${k}: ${v}`), '', ...paragraphs, '', m.whyMail].join('\n');
  return { subject: oneLine(subject), html, text };
}

export function mailFor(notice: Notice, locale: Locale): MailBody {
  switch (notice.kind) {
    case 'call-for-proposals': {
      const m = callMessages(locale);
      const title = notice.reminder
        ? m.reminderTitle(notice.meeting.title, formatLongDate(notice.lastDayToPropose, locale))
        : m.title(notice.meeting.title);
      return compose(
        title,
        title,
        [
          [m.meeting, `${notice.meeting.title}, ${formatLongDate(notice.meeting.startsAt, locale)}`],
          [m.time, formatTimeSpan(notice.meeting.startsAt, notice.meeting.durationMinutes)],
          [m.place, notice.meeting.place],
        ],
        [
          m.intro(notice.groupName),
          m.lastDay(formatLongDate(notice.lastDayToPropose, locale)).replace(/\*\*/g, ''),
          mailMessages(locale).proposeInTeams,
        ],
        locale,
      );
    }
    case 'kallelse': {
      const m = kallelseMessages(locale);
      const title = notice.reminder ? m.reminderTitle(notice.meeting.title) : m.title(notice.meeting.title);
      const agenda = notice.agenda.map(
        (i) => `${formatTime(i.startsAt)} ${i.title}${i.presenterName ? ` – ${m.presenter(i.presenterName)}` : ''}`,
      );
      return compose(
        title,
        title,
        [
          [m.date, formatLongDate(notice.meeting.startsAt, locale)],
          [m.time, formatTimeSpan(notice.meeting.startsAt, notice.meeting.durationMinutes)],
          [m.place, notice.meeting.place],
          ...(notice.meeting.chair ? ([[m.chair, notice.meeting.chair.name]] as [string, string][]) : []),
        ],
        [m.agenda, ...(agenda.length > 0 ? agenda : [m.noItems]), mailMessages(locale).answerInTeams],
        locale,
      );
    }
    case 'proposal-decided': {
      const m = proposalMessages(locale);
      const title = `${m.receiptTitle[notice.proposal.status]}: ${notice.proposal.title}`;
      return compose(
        title,
        m.receiptTitle[notice.proposal.status],
        [
          [mailMessages(locale).proposalTitle, notice.proposal.title],
          [m.status, m.statuses[notice.proposal.status]],
          ...(notice.proposal.meeting
            ? ([[m.meeting, `${notice.proposal.meeting.title}, ${formatLongDate(notice.proposal.meeting.startsAt, locale)}`]] as [
                string,
                string,
              ][])
            : []),
        ],
        notice.proposal.decisionNote ? [`${m.decisionNote}: ${notice.proposal.decisionNote}`] : [],
        locale,
      );
    }
    case 'minutes-published': {
      // Only a fallback: the minutes themselves went out by mail already (minutes-mail.ts).
      const m = publicationMessages(locale);
      const title = notice.reminder
        ? m.reminderTitle(notice.meeting.title)
        : notice.correctionOf
          ? m.correctionTitle(notice.meeting.title, notice.correctionOf)
          : m.title(notice.meeting.title);
      return compose(
        title,
        title,
        [[m.meeting, `${notice.meeting.title}, ${formatLongDate(notice.meeting.startsAt, locale)}`]],
        [
          notice.reminder ? m.reminderIntro : m.intro(notice.groupName),
          ...(notice.documentUrl ? [`${m.openDocument}: ${notice.documentUrl}`] : []),
        ],
        locale,
      );
    }
    case 'action-status': {
      const m = actionMessages(locale);
      const titles = { request: m.requestTitle, 'due-soon': m.dueSoonTitle, 'due-today': m.dueTodayTitle };
      const title = titles[notice.reason](notice.action.title);
      return compose(
        title,
        title,
        [
          [m.action, notice.action.title],
          [m.decidedAt, `${notice.decidedAt.title}, ${formatLongDate(notice.decidedAt.startsAt, locale)}`],
          ...(notice.action.dueDate ? ([[m.dueDate, notice.action.dueDate]] as [string, string][]) : []),
          ...(notice.forMeeting
            ? ([[m.forMeeting, `${notice.forMeeting.title}, ${formatLongDate(notice.forMeeting.startsAt, locale)}`]] as [string, string][])
            : []),
        ],
        [
          notice.reason === 'request' && notice.forMeeting ? m.requestIntro(notice.forMeeting.title) : m.dueIntro,
          mailMessages(locale).actionInTeams,
        ],
        locale,
      );
    }
    case 'sub-group-reminder': {
      const m = subGroupMessages(locale);
      const title = m.reminderTitle(notice.subGroup.name);
      return compose(
        title,
        title,
        [
          [m.meeting, `${notice.meeting.title}, ${formatLongDate(notice.meeting.startsAt, locale)}`],
          [m.mandate, notice.subGroup.mandate],
          [m.deadline, notice.subGroup.deadline],
          [m.members, notice.subGroup.memberNames.join(', ')],
        ],
        [m.reminderIntro(notice.meeting.title), m.tabHint],
        locale,
      );
    }
    case 'representation-nudge': {
      const m = representationMessages(locale);
      const k = kallelseMessages(locale);
      const title = m.title(notice.organisationName);
      const dates = joinDates(
        [...notice.missed].reverse().map((meeting) => formatLongDate(meeting.startsAt, locale)),
        locale,
      );
      const next = notice.nextMeeting;
      return compose(
        title,
        title,
        next
          ? [
              [m.nextTitle, `${next.title}, ${formatLongDate(next.startsAt, locale)}`],
              [k.time, formatTimeSpan(next.startsAt, next.durationMinutes)],
              [k.place, next.place],
            ]
          : [],
        [m.intro(notice.organisationName, dates), m.why, next ? mailMessages(locale).answerInTeams : m.noNextMeeting],
        locale,
      );
    }
    case 'attendance-summary': {
      const m = kallelseMessages(locale);
      const title = m.summaryTitle(notice.meeting.title);
      const names = (rsvp: 'yes' | 'no' | 'substitute' | null) =>
        notice.overview.answers
          .filter((a) => a.rsvp === rsvp)
          .map((a) => (rsvp === 'substitute' ? `${a.name} (${a.substituteName ?? ''})` : a.name))
          .join(', ') || m.nobody;
      return compose(
        title,
        title,
        [
          [m.coming, names('yes')],
          [m.substitutes, names('substitute')],
          [m.notComing, names('no')],
          [m.noAnswer, names(null)],
        ],
        [notice.overview.unrepresented.length > 0 ? `${m.unrepresented}: ${notice.overview.unrepresented.join(', ')}` : m.allRepresented],
        locale,
      );
    }
  }
}
