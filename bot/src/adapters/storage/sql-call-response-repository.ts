import type { CallResponseRepository } from '../../app/ports/repositories';
import type { CallResponse } from '../../domain/call-response';
import type { SqlDatabase } from './sql-database';

interface CallResponseRow {
  tenant_id: string;
  group_id: string;
  meeting_id: string;
  person_id: string;
  answer: CallResponse['answer'];
  at: Date;
}

export class SqlCallResponseRepository implements CallResponseRepository {
  constructor(private readonly db: SqlDatabase) {}

  /** One answer per member and meeting: answering again replaces the answer and its time. */
  async save(response: CallResponse): Promise<void> {
    await this.db.query(
      `INSERT INTO call_response (tenant_id, group_id, meeting_id, person_id, answer, at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, meeting_id, person_id) DO UPDATE SET
         group_id = excluded.group_id, answer = excluded.answer, at = excluded.at`,
      [response.tenantId, response.groupId, response.meetingId, response.personId, response.answer, response.at],
    );
  }

  /** Oldest answer first. */
  async listByMeeting(tenantId: string, meetingId: string): Promise<CallResponse[]> {
    const rows = await this.db.query<CallResponseRow>(
      `SELECT tenant_id, group_id, meeting_id, person_id, answer, at FROM call_response
       WHERE tenant_id = $1 AND meeting_id = $2
       ORDER BY at, person_id COLLATE "C"`,
      [tenantId, meetingId],
    );
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      groupId: row.group_id,
      meetingId: row.meeting_id,
      personId: row.person_id,
      answer: row.answer,
      at: row.at,
    }));
  }
}
