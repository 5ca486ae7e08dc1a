/** The report's own reads (see ports/report-repositories.ts). */
import type { ReportSourceRepository } from '../../app/ports/report-repositories';
import type { ActionStatus } from '../../domain/minutes';
import type { ReportAction } from '../../domain/report';
import type { SqlDatabase } from './sql-database';

interface ActionRow {
  id: string;
  organisation_id: string | null;
  due_date: string | null;
  status: ActionStatus;
  created_at: Date;
  done_at: Date | null;
}

export class SqlReportSourceRepository implements ReportSourceRepository {
  constructor(private readonly db: SqlDatabase) {}

  // Actions written in a draft are not the group's yet: only published minutes count, as in the follow-up list.
  async listActions(tenantId: string, groupId: string): Promise<ReportAction[]> {
    const rows = await this.db.query<ActionRow>(
      `SELECT a.id, a.organisation_id, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.status, a.created_at, a.done_at
         FROM action_item a
         JOIN meeting m ON m.tenant_id = a.tenant_id AND m.id = a.meeting_id
        WHERE a.tenant_id = $1 AND a.group_id = $2 AND m.status = 'minutes_published'
        ORDER BY a.created_at, a.id`,
      [tenantId, groupId],
    );
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      dueDate: r.due_date,
      status: r.status,
      createdAt: r.created_at,
      doneAt: r.done_at,
    }));
  }
}
