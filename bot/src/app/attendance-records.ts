/**
 * The attendance of some meetings as the representation rules read it: each person's answer to
 * the kallelse and the presence the minutes noted (present, absent, or there as an ersättare).
 */
import type { AttendanceRecord } from '../domain/representation';
import type { Repositories } from './ports/repositories';

export async function attendanceRecordsOf(
  repos: Pick<Repositories, 'presence'>,
  tenantId: string,
  meetings: readonly { id: string }[],
): Promise<AttendanceRecord[]> {
  const rows = (await Promise.all(meetings.map((m) => repos.presence.listByMeeting(tenantId, m.id)))).flat();
  return rows.map((row) => ({
    meetingId: row.meetingId,
    personId: row.personId,
    rsvp: row.rsvp,
    present: row.presence === null ? null : row.presence !== 'absent',
    substituteForPersonId: row.presence === 'substitute' ? row.substituteForPersonId : null,
  }));
}
