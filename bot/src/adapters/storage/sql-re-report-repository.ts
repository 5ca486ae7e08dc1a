import type { ReReportRepository } from '../../app/ports/publication-repositories';
import type { SqlDatabase } from './sql-database';

export class SqlReReportRepository implements ReReportRepository {
  constructor(private readonly db: SqlDatabase) {}

  // DO UPDATE of nothing, so RETURNING gives the first report's time on a second press too.
  async record(tenantId: string, groupId: string, meetingId: string, personId: string, at: Date): Promise<Date> {
    const rows = await this.db.query<{ reported_at: Date }>(
      `INSERT INTO re_report (tenant_id, group_id, meeting_id, person_id, reported_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, meeting_id, person_id) DO UPDATE SET reported_at = re_report.reported_at
       RETURNING reported_at`,
      [tenantId, groupId, meetingId, personId, at],
    );
    return rows[0]?.reported_at ?? at;
  }

  async find(tenantId: string, meetingId: string, personId: string): Promise<Date | null> {
    const rows = await this.db.query<{ reported_at: Date }>(
      'SELECT reported_at FROM re_report WHERE tenant_id = $1 AND meeting_id = $2 AND person_id = $3',
      [tenantId, meetingId, personId],
    );
    return rows[0]?.reported_at ?? null;
  }

  async listByMeeting(tenantId: string, meetingId: string): Promise<{ personId: string; reportedAt: Date }[]> {
    const rows = await this.db.query<{ person_id: string; reported_at: Date }>(
      'SELECT person_id, reported_at FROM re_report WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY reported_at, person_id',
      [tenantId, meetingId],
    );
    return rows.map((r) => ({ personId: r.person_id, reportedAt: r.reported_at }));
  }
}
