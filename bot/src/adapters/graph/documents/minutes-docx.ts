/**
 * Published minutes as a Word document for the group's SharePoint library and the mail's
 * attachment: the meeting, who was there, each item's notes, decision and actions, the whole
 * action list, and when and by whom this version was published. Everything comes from the locked
 * version's view, so the same version always gives the same document.
 */
import type { MeetingView } from '../../../app/describe-meeting';
import { documentMessages, type DocumentMessages } from '../../../app/i18n/document-messages';
import { formatLongDate, formatTime, formatTimeSpan } from '../../../app/i18n/format';
import type { Locale } from '../../../app/i18n/locale';
import type { MinutesDocumentItem, MinutesDocumentView } from '../../../app/minutes-document-view';
import type { AttendanceGroupView, MinutesActionView } from '../../../app/minutes-view';
import { bullet, heading, labelled, meetingFacts, packDocx, plain, table, textBlocks, type Block } from './docx-parts';

/** The owner with their organisation: actions are followed up per förvaltning. */
export function ownerText(action: MinutesActionView, m: DocumentMessages): string {
  if (!action.owner) return action.organisationName ?? m.noOwner;
  return action.organisationName ? `${action.owner.name} (${action.organisationName})` : action.owner.name;
}

function actionLine(action: MinutesActionView, m: DocumentMessages): string {
  const due = action.dueDate ? `, ${m.dueOn(action.dueDate)}` : '';
  return `${action.title} – ${ownerText(action, m)}${due} – ${m.statuses[action.status]}`;
}

function actionTable(actions: readonly MinutesActionView[], m: DocumentMessages): Block {
  const c = m.actionColumns;
  return table(
    [
      { header: c.action, share: 0.4 },
      { header: c.owner, share: 0.26 },
      { header: c.due, share: 0.17 },
      { header: c.status, share: 0.17 },
    ],
    actions.map((a) => [a.title, ownerText(a, m), a.dueDate ?? '–', m.statuses[a.status]]),
  );
}

/**
 * Everyone in the group, by organisation, with what the minutes noted. People with nothing noted
 * are listed as "Ej noterad" rather than left out: the minutes are a public record that must stand
 * on its own, and a list that silently drops members would read as if everyone else was there.
 */
function attendanceBlocks(groups: readonly AttendanceGroupView[], m: DocumentMessages): Block[] {
  if (groups.every((g) => g.people.length === 0)) return [];
  const blocks: Block[] = [heading(m.attendance, 2)];
  for (const group of groups) {
    if (group.people.length === 0) continue;
    const names = (presence: string | null) => group.people.filter((p) => p.presence === presence);
    const lines: [string, string[]][] = [
      [m.present, names('present').map((p) => p.name)],
      [m.substitutes, names('substitute').map((p) => m.substituteFor(p.name, p.substituteForName))],
      [m.absent, names('absent').map((p) => p.name)],
      [m.notNoted, names(null).map((p) => p.name)],
    ];
    blocks.push(heading(group.organisation?.name ?? m.noOrganisation, 3));
    for (const [label, people] of lines) if (people.length > 0) blocks.push(labelled(label, people.join(', ')));
  }
  return blocks;
}

function itemTitle(item: MinutesDocumentItem, m: DocumentMessages): string {
  return item.position === null ? m.offAgenda(item.title) : `${item.position}. ${item.title}`;
}

function itemBlocks(item: MinutesDocumentItem, m: DocumentMessages): Block[] {
  const blocks: Block[] = [heading(itemTitle(item, m), 3), ...textBlocks(item.notes)];
  const decision = textBlocks(item.decision);
  if (decision.length > 0) blocks.push(plain(`${m.decision}:`, { bold: true }), ...decision);
  if (item.actions.length > 0) blocks.push(plain(`${m.actions}:`, { bold: true }), ...item.actions.map((a) => bullet(actionLine(a, m))));
  return blocks;
}

function nextMeetingBlocks(next: MeetingView | null, m: DocumentMessages, locale: Locale): Block[] {
  if (!next) return [heading(m.nextMeeting, 2), plain(m.noNextMeeting)];
  const when = `${formatLongDate(next.startsAt, locale)}, ${formatTimeSpan(next.startsAt, next.durationMinutes)}`;
  return [
    heading(m.nextMeeting, 2),
    labelled(m.meeting, next.title),
    labelled(m.time, when),
    ...(next.place.trim() !== '' ? [labelled(m.place, next.place)] : []),
  ];
}

export async function renderMinutesDocx(view: MinutesDocumentView, locale: Locale): Promise<Uint8Array> {
  const m = documentMessages(locale);
  const itemActions = view.items.flatMap((item) => item.actions);
  const publishedWhen = `${formatLongDate(view.publishedAt, locale)} ${formatTime(view.publishedAt)}`;
  const children: Block[] = [
    heading(m.minutesTitle, 1),
    plain(view.groupName, { bold: true }),
    ...(view.correctionOf !== null ? [plain(`${m.correction}: ${m.replaces(view.correctionOf)}`, { bold: true })] : []),
    ...meetingFacts(view.meeting, m, locale),
    ...attendanceBlocks(view.attendance, m),
    heading(m.items, 2),
    ...view.items.flatMap((item) => itemBlocks(item, m)),
    heading(m.actionList, 2),
    itemActions.length > 0 ? actionTable(itemActions, m) : plain(m.noActions),
    ...(view.otherActions.length > 0 ? [heading(m.otherActions, 2), actionTable(view.otherActions, m)] : []),
    ...nextMeetingBlocks(view.nextMeeting, m, locale),
    plain(m.published(publishedWhen, view.publishedBy?.name ?? null, view.version), { italics: true }),
  ];
  return packDocx({
    title: `${m.minutesTitle}: ${view.meeting.title} – ${view.groupName}`,
    locale,
    createdAt: view.publishedAt,
    children,
  });
}
