import type { AttendanceRecordRepository } from '../../app/ports/repositories';
import type { Rsvp } from '../../domain/attendance';
import type { AttendanceRecord } from '../../domain/representation';
import type { SqlDatabase } from './sql-database';

interface AttendanceRecordRow {
  meeting_id: string;
  person_id: string;
  rsvp: Rsvp | null;
  present: boolean | null;
  substitute_for_person_id: string | null;
}

/**
 * The attendance table read whole, for "who came": unlike the answers (sql-attendance-repository)
 * it keeps rows without an answer, since presence may be noted for someone who never answered.
 */
export class SqlAttendanceRecordRepository implements AttendanceRecordRepository {
  constructor(private readonly db: SqlDatabase) {}

  /** By meeting, then person id in byte order, so the order is the same on every engine. */
  async listByMeetings(tenantId: string, meetingIds: readonly string[]): Promise<AttendanceRecord[]> {
    if (meetingIds.length === 0) return [];
    const rows = await this.db.query<AttendanceRecordRow>(
      `SELECT meeting_id, person_id, rsvp, present, substitute_for_person_id
       FROM attendance WHERE tenant_id = $1 AND meeting_id = ANY($2::text[])
       ORDER BY meeting_id COLLATE "C", person_id COLLATE "C"`,
      [tenantId, [...meetingIds]],
    );
    return rows.map((row) => ({
      meetingId: row.meeting_id,
      personId: row.person_id,
      rsvp: row.rsvp,
      present: row.present,
      substituteForPersonId: row.substitute_for_person_id,
    }));
  }
}
