import type { PresenceRepository } from '../../app/ports/repositories';
import type { Rsvp } from '../../domain/attendance';
import type { Presence, PresenceMark, PresenceRecord } from '../../domain/minutes';
import type { SqlDatabase } from './sql-database';

interface PresenceRow {
  meeting_id: string;
  person_id: string;
  rsvp: Rsvp | null;
  substitute_name: string | null;
  present: boolean | null;
  substitute_for_person_id: string | null;
}

/** The table stores `present` and whom someone stood in for; the minutes speak of three marks. */
function presenceOf(row: Pick<PresenceRow, 'present' | 'substitute_for_person_id'>): Presence | null {
  if (row.present === null) return null;
  if (!row.present) return 'absent';
  return row.substitute_for_person_id ? 'substitute' : 'present';
}

/**
 * The attendance table seen from the minutes: the answer to the kallelse is read, never
 * written here (SqlAttendanceRepository owns it); presence is written, never the answer.
 */
export class SqlPresenceRepository implements PresenceRepository {
  constructor(private readonly db: SqlDatabase) {}

  async listByMeeting(tenantId: string, meetingId: string): Promise<PresenceRecord[]> {
    const rows = await this.db.query<PresenceRow>(
      `SELECT meeting_id, person_id, rsvp, substitute_name, present, substitute_for_person_id FROM attendance
       WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY person_id COLLATE "C"`,
      [tenantId, meetingId],
    );
    return rows.map((row) => ({
      meetingId: row.meeting_id,
      personId: row.person_id,
      rsvp: row.rsvp,
      substituteName: row.substitute_name,
      presence: presenceOf(row),
      substituteForPersonId: row.present ? row.substitute_for_person_id : null,
    }));
  }

  async record(tenantId: string, groupId: string, meetingId: string, marks: readonly PresenceMark[]): Promise<void> {
    for (const mark of marks) {
      const present = mark.presence === null ? null : mark.presence !== 'absent';
      const substituteFor = mark.presence === 'substitute' ? mark.substituteForPersonId : null;
      if (present === null) {
        // Clearing a mark never creates a row: no row already means "not noted".
        await this.db.query(
          `UPDATE attendance SET present = NULL, substitute_for_person_id = NULL
           WHERE tenant_id = $1 AND meeting_id = $2 AND person_id = $3`,
          [tenantId, meetingId, mark.personId],
        );
        continue;
      }
      await this.db.query(
        `INSERT INTO attendance (tenant_id, group_id, meeting_id, person_id, present, substitute_for_person_id)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, meeting_id, person_id) DO UPDATE SET
           present = excluded.present, substitute_for_person_id = excluded.substitute_for_person_id`,
        [tenantId, groupId, meetingId, mark.personId, present, substituteFor],
      );
    }
  }
}
