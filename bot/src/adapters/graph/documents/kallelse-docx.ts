/**
 * The kallelse as a Word document: the meeting's facts and the dagordning with each item's start
 * time, presenter and length — what members print or forward to their förvaltning.
 */
import { documentMessages } from '../../../app/i18n/document-messages';
import { formatTime } from '../../../app/i18n/format';
import type { Locale } from '../../../app/i18n/locale';
import type { KallelseView } from '../../../app/kallelse-view';
import { heading, meetingFacts, packDocx, plain, table, type Block } from './docx-parts';

export async function renderKallelseDocx(view: KallelseView, locale: Locale): Promise<Uint8Array> {
  const m = documentMessages(locale);
  const c = m.agendaColumns;
  const agenda: Block =
    view.agenda.length > 0
      ? table(
          [
            { header: c.time, share: 0.12 },
            { header: c.item, share: 0.52 },
            { header: c.presenter, share: 0.24 },
            { header: c.minutes, share: 0.12 },
          ],
          view.agenda.map((entry, i) => [
            formatTime(entry.startsAt),
            `${i + 1}. ${entry.title}`,
            entry.presenterName ?? '',
            String(entry.minutes),
          ]),
        )
      : plain(m.noAgendaItems);
  return packDocx({
    title: `${m.kallelseTitle}: ${view.meeting.title} – ${view.groupName}`,
    locale,
    // Unlike minutes, a kallelse is no locked version with a date of its own: it is made when it is sent.
    createdAt: new Date(),
    children: [
      heading(m.kallelseTitle, 1),
      plain(view.groupName, { bold: true }),
      ...meetingFacts(view.meeting, m, locale),
      heading(m.agenda, 2),
      agenda,
    ],
  });
}
