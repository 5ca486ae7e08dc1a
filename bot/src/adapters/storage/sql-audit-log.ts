import type { AuditLog } from '../../app/ports/repositories';
import type { AuditEvent } from '../../domain/audit';
import type { SqlDatabase } from './sql-database';

interface AuditRow {
  tenant_id: string;
  group_id: string | null;
  actor_person_id: string | null;
  action: string;
  subject: string;
  at: Date;
  detail: Record<string, unknown>;
}

/** Append-only: there is no update or delete here, by design. */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly db: SqlDatabase) {}

  async record(event: AuditEvent): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_event (tenant_id, group_id, actor_person_id, action, subject, at, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [event.tenantId, event.groupId, event.actorPersonId, event.action, event.subject, event.at, JSON.stringify(event.detail)],
    );
  }

  /** Newest first; events recorded at the same instant come back newest-recorded first. */
  async listByGroup(tenantId: string, groupId: string, limit: number): Promise<AuditEvent[]> {
    const rows = await this.db.query<AuditRow>(
      `SELECT tenant_id, group_id, actor_person_id, action, subject, at, detail FROM audit_event
       WHERE tenant_id = $1 AND group_id = $2
       ORDER BY at DESC, id DESC LIMIT $3`,
      [tenantId, groupId, limit],
    );
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      groupId: row.group_id,
      actorPersonId: row.actor_person_id,
      action: row.action,
      subject: row.subject,
      at: row.at,
      detail: row.detail,
    }));
  }
}
