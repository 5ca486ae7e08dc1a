import type { MeetingRepository } from '../../app/ports/repositories';
import type { Meeting, MeetingStatus } from '../../domain/meeting';
import type { SqlDatabase } from './sql-database';

interface MeetingRow {
  tenant_id: string;
  id: string;
  group_id: string;
  title: string;
  starts_at: Date;
  duration_minutes: number;
  place: string;
  online_url: string | null;
  chair_person_id: string | null;
  status: MeetingStatus;
}

const COLUMNS = 'tenant_id, id, group_id, title, starts_at, duration_minutes, place, online_url, chair_person_id, status';

function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    groupId: row.group_id,
    title: row.title,
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    place: row.place,
    onlineUrl: row.online_url,
    chairPersonId: row.chair_person_id,
    status: row.status,
  };
}

export class SqlMeetingRepository implements MeetingRepository {
  constructor(private readonly db: SqlDatabase) {}

  async lock(tenantId: string, meetingId: string): Promise<void> {
    await this.db.query(`SELECT 1 FROM meeting WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, meetingId]);
  }

  async save(meeting: Meeting): Promise<void> {
    await this.db.query(
      `INSERT INTO meeting (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (tenant_id, id) DO UPDATE SET
         group_id = excluded.group_id, title = excluded.title, starts_at = excluded.starts_at,
         duration_minutes = excluded.duration_minutes, place = excluded.place,
         online_url = excluded.online_url, chair_person_id = excluded.chair_person_id,
         status = excluded.status`,
      [
        meeting.tenantId,
        meeting.id,
        meeting.groupId,
        meeting.title,
        meeting.startsAt,
        meeting.durationMinutes,
        meeting.place,
        meeting.onlineUrl,
        meeting.chairPersonId,
        meeting.status,
      ],
    );
  }

  async find(tenantId: string, meetingId: string): Promise<Meeting | null> {
    const rows = await this.db.query<MeetingRow>(`SELECT ${COLUMNS} FROM meeting WHERE tenant_id = $1 AND id = $2`, [tenantId, meetingId]);
    return rows[0] ? toMeeting(rows[0]) : null;
  }

  /** Null bounds mean "no bound", so one statement serves both the ranged and the full list. */
  async listByGroup(tenantId: string, groupId: string, range?: { from: Date; to: Date }): Promise<Meeting[]> {
    const rows = await this.db.query<MeetingRow>(
      `SELECT ${COLUMNS} FROM meeting
       WHERE tenant_id = $1 AND group_id = $2
         AND ($3::timestamptz IS NULL OR starts_at >= $3::timestamptz)
         AND ($4::timestamptz IS NULL OR starts_at < $4::timestamptz)
       ORDER BY starts_at, id`,
      [tenantId, groupId, range?.from ?? null, range?.to ?? null],
    );
    return rows.map(toMeeting);
  }

  /** The group's row, locked: a second plan waits here, then sees the first one's meetings. */
  async lockPlan(tenantId: string, groupId: string): Promise<void> {
    await this.db.query('SELECT 1 FROM work_group WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, groupId]);
  }
}
