import type { AttendanceRepository } from '../../app/ports/repositories';
import type { Attendance, Rsvp } from '../../domain/attendance';
import type { SqlDatabase } from './sql-database';

interface AttendanceRow {
  tenant_id: string;
  group_id: string;
  meeting_id: string;
  person_id: string;
  rsvp: Rsvp;
  substitute_name: string | null;
  updated_at: Date;
}

/**
 * Only rows with an answer are an `Attendance`: a row may exist without one (a 'maybe' that
 * migration 004 cleared, or presence recorded at the meeting by someone who never answered).
 */
const SELECT = `SELECT tenant_id, group_id, meeting_id, person_id, rsvp, substitute_name, updated_at
  FROM attendance WHERE rsvp IS NOT NULL`;

function toAttendance(row: AttendanceRow): Attendance {
  return {
    tenantId: row.tenant_id,
    groupId: row.group_id,
    meetingId: row.meeting_id,
    personId: row.person_id,
    rsvp: row.rsvp,
    substituteName: row.substitute_name,
    updatedAt: row.updated_at,
  };
}

export class SqlAttendanceRepository implements AttendanceRepository {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * One answer per member and meeting: answering again replaces the answer, the substitute's name
   * and the time. What is recorded at the meeting (`present`, `substitute_for_person_id`) stays.
   */
  async save(attendance: Attendance): Promise<void> {
    await this.db.query(
      `INSERT INTO attendance (tenant_id, group_id, meeting_id, person_id, rsvp, substitute_name, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, meeting_id, person_id) DO UPDATE SET
         group_id = excluded.group_id, rsvp = excluded.rsvp, substitute_name = excluded.substitute_name,
         updated_at = excluded.updated_at`,
      [
        attendance.tenantId,
        attendance.groupId,
        attendance.meetingId,
        attendance.personId,
        attendance.rsvp,
        attendance.substituteName,
        attendance.updatedAt,
      ],
    );
  }

  async find(tenantId: string, meetingId: string, personId: string): Promise<Attendance | null> {
    const [row] = await this.db.query<AttendanceRow>(`${SELECT} AND tenant_id = $1 AND meeting_id = $2 AND person_id = $3`, [
      tenantId,
      meetingId,
      personId,
    ]);
    return row ? toAttendance(row) : null;
  }

  /** Oldest answer first. */
  async listByMeeting(tenantId: string, meetingId: string): Promise<Attendance[]> {
    const rows = await this.db.query<AttendanceRow>(
      `${SELECT} AND tenant_id = $1 AND meeting_id = $2
       ORDER BY updated_at, person_id COLLATE "C"`,
      [tenantId, meetingId],
    );
    return rows.map(toAttendance);
  }
}
