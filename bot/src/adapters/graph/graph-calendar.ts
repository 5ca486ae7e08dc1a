/**
 * The meetings in everyone's Outlook calendar over Graph: events in the service mailbox's
 * calendar with every member invited — `POST /users/{mailbox}/events` with the meeting id as
 * transactionId (a retried create returns the same event), `PATCH` when the meeting changes
 * (Exchange sends the update), `POST …/cancel` when it is cancelled. Not the group's own calendar:
 * Graph allows `/groups/{id}/events` only with delegated permissions, and these run at night
 * with nobody signed in. Times are Stockholm wall-clock time in Windows' zone name.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { formatTime } from '../../app/i18n/format';
import { kallelseMessages } from '../../app/i18n/kallelse-messages';
import type { Locale } from '../../app/i18n/locale';
import type { KallelseView } from '../../app/kallelse-view';
import type { CalendarEntry, GroupCalendar } from '../../app/ports/publishing';
import { toStockholm } from '../../domain/stockholm-time';
import { createGraphClient, type GraphConnection } from './graph-client';
import { escapeHtml } from './mail-bodies';

export const WINDOWS_ZONE = 'W. Europe Standard Time';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-11T13:00:00", Stockholm wall-clock time. */
export function stockholmDateTime(at: Date): string {
  const t = toStockholm(at);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

function eventBody(view: KallelseView, withAgenda: boolean, locale: Locale): string {
  const m = kallelseMessages(locale);
  const parts = [`<p>${escapeHtml(m.intro(view.groupName))}</p>`];
  if (view.meeting.chair) parts.push(`<p>${escapeHtml(m.chair)}: ${escapeHtml(view.meeting.chair.name)}</p>`);
  if (view.meeting.onlineUrl && /^https:\/\//i.test(view.meeting.onlineUrl)) {
    parts.push(`<p><a href="${escapeHtml(view.meeting.onlineUrl)}">${escapeHtml(m.online)}</a></p>`);
  }
  if (withAgenda) {
    const rows = view.agenda.map(
      (i) =>
        `<li>${formatTime(i.startsAt)} ${escapeHtml(i.title)}${i.presenterName ? ` – ${escapeHtml(m.presenter(i.presenterName))}` : ''}</li>`,
    );
    parts.push(`<h2>${escapeHtml(m.agenda)}</h2>`, rows.length > 0 ? `<ol>${rows.join('')}</ol>` : `<p>${escapeHtml(m.noItems)}</p>`);
  }
  return parts.join('');
}

export class GraphGroupCalendar implements GroupCalendar {
  private readonly client: Client;

  constructor(
    connection: GraphConnection,
    private readonly organizer: string,
    private readonly locale: Locale,
  ) {
    this.client = createGraphClient(connection);
  }

  async put(eventId: string | null, entry: CalendarEntry): Promise<string> {
    const { meeting } = entry.kallelse;
    const event = {
      subject: meeting.title.slice(0, 255),
      body: { contentType: 'HTML', content: eventBody(entry.kallelse, entry.withAgenda, this.locale) },
      start: { dateTime: stockholmDateTime(meeting.startsAt), timeZone: WINDOWS_ZONE },
      end: { dateTime: stockholmDateTime(new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000)), timeZone: WINDOWS_ZONE },
      location: { displayName: meeting.place },
      attendees: entry.attendees.map((a) => ({ type: 'required', emailAddress: { address: a.email, name: a.name } })),
      // A meeting with a link of its own keeps it; otherwise Teams makes one for the event.
      isOnlineMeeting: meeting.onlineUrl === null,
      ...(meeting.onlineUrl === null ? { onlineMeetingProvider: 'teamsForBusiness' } : {}),
    };
    const events = `/users/${encodeURIComponent(this.organizer)}/events`;
    if (eventId) {
      await this.client.api(`${events}/${encodeURIComponent(eventId)}`).patch(event);
      return eventId;
    }
    const created = (await this.client.api(events).post({ ...event, transactionId: entry.transactionId })) as { id: string };
    return created.id;
  }

  async cancel(eventId: string, meetingTitle: string): Promise<void> {
    const comment = kallelseMessages(this.locale).cancelledTitle(meetingTitle);
    await this.client.api(`/users/${encodeURIComponent(this.organizer)}/events/${encodeURIComponent(eventId)}/cancel`).post({ comment });
  }
}
