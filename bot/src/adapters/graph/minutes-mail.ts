/**
 * The mail that sends published minutes to every member: the meeting, a link to the Word document
 * in the group's SharePoint library, each decision and the action list, with the document itself
 * attached. Built from the same view as the document, so mail and attachment say the same.
 */
import { documentMessages, type DocumentMessages } from '../../app/i18n/document-messages';
import { formatIsoDate, formatLongDate, formatTime, formatTimeSpan } from '../../app/i18n/format';
import type { Locale } from '../../app/i18n/locale';
import type { MinutesDocumentItem, MinutesDocumentView } from '../../app/minutes-document-view';
import type { MinutesActionView } from '../../app/minutes-view';
import { ownerText } from './documents/minutes-docx';
import { escapeHtml, oneLine, type MailBody } from './mail-bodies';

export interface MinutesLinks {
  /** The document in the group's library; null when it could not be stored there. */
  documentUrl: string | null;
  /** The attachment's file name; null when the document is too large to attach (the link is then the way). */
  documentName: string | null;
}

/** Only a web address may become a link: a `javascript:` or `data:` URL in a mail is an attack. */
function webUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link when the address is a web address; otherwise the label and the address, as text. */
function linkHtml(url: string, label: string): string {
  const href = webUrl(url);
  if (href) return `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  return escapeHtml(label === url ? url : `${label}: ${url}`);
}

interface Fact {
  label: string;
  value: string;
  link?: boolean;
}

function factHtml(fact: Fact): string {
  const value = fact.link ? linkHtml(fact.value, fact.value) : escapeHtml(fact.value);
  return `<tr><th scope="row" align="left" style="padding-right:12px">${escapeHtml(fact.label)}</th><td>${value}</td></tr>`;
}

/** Paragraphs split on blank lines, single newlines kept as line breaks, as the tab shows them. */
function paragraphsHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => `<p style="margin:4px 0">${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function itemTitle(item: MinutesDocumentItem, m: DocumentMessages): string {
  return item.position === null ? m.offAgenda(item.title) : `${item.position}. ${item.title}`;
}

const CELL = 'border:1px solid #8a8a8a;padding:4px 8px;text-align:left;vertical-align:top';

function actionTableHtml(actions: readonly MinutesActionView[], m: DocumentMessages): string {
  const c = m.actionColumns;
  const head = [c.action, c.owner, c.due, c.status].map((h) => `<th scope="col" style="${CELL};background:#f0f0f0">${escapeHtml(h)}</th>`);
  const rows = actions.map(
    (a) =>
      `<tr>${[a.title, ownerText(a, m), a.dueDate ?? '–', m.statuses[a.status]].map((v) => `<td style="${CELL}">${escapeHtml(v)}</td>`).join('')}</tr>`,
  );
  return `<table style="border-collapse:collapse"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function actionLines(actions: readonly MinutesActionView[], m: DocumentMessages): string[] {
  return actions.map((a) => `- ${a.title} – ${ownerText(a, m)}${a.dueDate ? `, ${m.dueOn(a.dueDate)}` : ''} – ${m.statuses[a.status]}`);
}

export function minutesMail(view: MinutesDocumentView, links: MinutesLinks, locale: Locale): MailBody {
  const m = documentMessages(locale);
  const meeting = view.meeting;
  const plainSubject = m.mailSubject(meeting.title, formatIsoDate(meeting.startsAt));
  const subject = oneLine(view.correctionOf !== null ? m.correctionSubject(plainSubject) : plainSubject);
  const heading = `${m.minutesTitle}: ${meeting.title}`;
  const correction = view.correctionOf !== null ? `${m.correction}: ${m.replaces(view.correctionOf)}` : null;
  const facts: Fact[] = [
    { label: m.date, value: formatLongDate(meeting.startsAt, locale) },
    { label: m.time, value: formatTimeSpan(meeting.startsAt, meeting.durationMinutes) },
    ...(meeting.place.trim() !== '' ? [{ label: m.place, value: meeting.place }] : []),
    ...(meeting.onlineUrl ? [{ label: m.online, value: meeting.onlineUrl, link: true }] : []),
    ...(meeting.chair ? [{ label: m.chair, value: meeting.chair.name }] : []),
  ];
  const decided = view.items.filter((item) => item.decision.trim() !== '');
  const itemActions = view.items.flatMap((item) => item.actions);
  const published = m.published(
    `${formatLongDate(view.publishedAt, locale)} ${formatTime(view.publishedAt)}`,
    view.publishedBy?.name ?? null,
    view.version,
  );

  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:Segoe UI,Arial,sans-serif;line-height:1.4">`,
    `<h1 style="font-size:20px">${escapeHtml(heading)}</h1>`,
    correction ? `<p style="font-weight:bold">${escapeHtml(correction)}</p>` : '',
    `<p>${escapeHtml(m.mailIntro(view.groupName))}</p>`,
    `<table>${facts.map(factHtml).join('')}</table>`,
    links.documentUrl === null ? '' : `<p>${linkHtml(links.documentUrl, m.openDocument)}</p>`,
    links.documentName === null ? '' : `<p>${escapeHtml(m.attached(links.documentName))}</p>`,
    `<h2 style="font-size:16px">${escapeHtml(m.decisions)}</h2>`,
    decided.length > 0
      ? decided
          .map(
            (item) => `<h3 style="font-size:14px;margin-bottom:2px">${escapeHtml(itemTitle(item, m))}</h3>${paragraphsHtml(item.decision)}`,
          )
          .join('')
      : `<p>${escapeHtml(m.noDecisions)}</p>`,
    `<h2 style="font-size:16px">${escapeHtml(m.actionList)}</h2>`,
    itemActions.length > 0 ? actionTableHtml(itemActions, m) : `<p>${escapeHtml(m.noActions)}</p>`,
    view.otherActions.length > 0
      ? `<h2 style="font-size:16px">${escapeHtml(m.otherActions)}</h2>${actionTableHtml(view.otherActions, m)}`
      : '',
    `<p style="color:#616161;font-size:12px">${escapeHtml(published)}</p>`,
    '</body></html>',
  ].join('');

  const text = [
    heading,
    ...(correction ? [correction] : []),
    '',
    m.mailIntro(view.groupName),
    '',
    ...facts.map((f) => `${f.label}: ${f.value}`),
    '',
    ...(links.documentUrl !== null ? [`${m.openDocument}: ${links.documentUrl}`] : []),
    ...(links.documentName === null ? [] : [m.attached(links.documentName)]),
    '',
    m.decisions,
    ...(decided.length > 0 ? decided.flatMap((item) => [`${itemTitle(item, m)}`, item.decision.trim(), '']) : [m.noDecisions, '']),
    m.actionList,
    ...(itemActions.length > 0 ? actionLines(itemActions, m) : [m.noActions]),
    ...(view.otherActions.length > 0 ? ['', m.otherActions, ...actionLines(view.otherActions, m)] : []),
    '',
    published,
  ].join('\n');

  return { subject, html, text };
}
