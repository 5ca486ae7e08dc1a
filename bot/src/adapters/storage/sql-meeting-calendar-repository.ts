import type { MeetingCalendarRepository, MeetingCalendarRow } from '../../app/ports/publication-repositories';
import type { SqlDatabase } from './sql-database';

interface Row {
  tenant_id: string;
  group_id: string;
  meeting_id: string;
  event_id: string | null;
  wanted_at: Date;
  synced_at: Date | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
}

const COLUMNS = 'tenant_id, group_id, meeting_id, event_id, wanted_at, synced_at, attempts, last_error, next_attempt_at';

function toRow(r: Row): MeetingCalendarRow {
  return {
    tenantId: r.tenant_id,
    groupId: r.group_id,
    meetingId: r.meeting_id,
    eventId: r.event_id,
    wantedAt: r.wanted_at,
    syncedAt: r.synced_at,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
  };
}

export class SqlMeetingCalendarRepository implements MeetingCalendarRepository {
  constructor(private readonly db: SqlDatabase) {}

  // GREATEST: a change never moves wanted_at backwards (two instances' clocks differ a little).
  async want(tenantId: string, groupId: string, meetingId: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO meeting_calendar (tenant_id, group_id, meeting_id, wanted_at, next_attempt_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (tenant_id, meeting_id) DO UPDATE SET
         wanted_at = GREATEST(meeting_calendar.wanted_at + interval '1 millisecond', excluded.wanted_at),
         next_attempt_at = excluded.next_attempt_at, attempts = 0`,
      [tenantId, groupId, meetingId, at],
    );
  }

  async find(tenantId: string, meetingId: string): Promise<MeetingCalendarRow | null> {
    const rows = await this.db.query<Row>(`SELECT ${COLUMNS} FROM meeting_calendar WHERE tenant_id = $1 AND meeting_id = $2`, [
      tenantId,
      meetingId,
    ]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async leaseDue(now: Date, leaseUntil: Date, limit: number): Promise<MeetingCalendarRow[]> {
    const rows = await this.db.query<Row>(
      `UPDATE meeting_calendar SET lease_until = $2
       WHERE (tenant_id, meeting_id) IN (
         SELECT tenant_id, meeting_id FROM meeting_calendar
         WHERE (synced_at IS NULL OR synced_at < wanted_at) AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
         ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [now, leaseUntil, limit],
    );
    return rows.map(toRow);
  }

  async save(row: MeetingCalendarRow): Promise<void> {
    await this.db.query(
      `UPDATE meeting_calendar SET event_id = $3, synced_at = $4, attempts = $5, last_error = $6, next_attempt_at = $7, lease_until = NULL
       WHERE tenant_id = $1 AND meeting_id = $2`,
      [row.tenantId, row.meetingId, row.eventId, row.syncedAt, row.attempts, row.lastError, row.nextAttemptAt],
    );
  }
}
