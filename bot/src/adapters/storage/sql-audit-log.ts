import type { AuditLog } from '../../app/ports/repositories';
import type { AuditEvent, RecordedAuditEvent } from '../../domain/audit';
import type { SqlDatabase } from './sql-database';

interface AuditRow {
  id: string;
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
    const rows = await this.db.query<Omit<AuditRow, 'id'>>(
      `SELECT tenant_id, group_id, actor_person_id, action, subject, at, detail FROM audit_event
       WHERE tenant_id = $1 AND group_id = $2
       ORDER BY at DESC, id DESC LIMIT $3`,
      [tenantId, groupId, limit],
    );
    return rows.map(toEvent);
  }

  /** The same order; the page starts after the event `before` of this group (none when it is not one). */
  async listPage(tenantId: string, groupId: string, page: { limit: number; before: string | null }): Promise<RecordedAuditEvent[]> {
    const rows = await this.db.query<AuditRow>(
      `SELECT e.id::text AS id, e.tenant_id, e.group_id, e.actor_person_id, e.action, e.subject, e.at, e.detail FROM audit_event e
       WHERE e.tenant_id = $1 AND e.group_id = $2
         AND ($4::bigint IS NULL OR (e.at, e.id) < (
           SELECT c.at, c.id FROM audit_event c WHERE c.tenant_id = $1 AND c.group_id = $2 AND c.id = $4::bigint))
       ORDER BY e.at DESC, e.id DESC LIMIT $3`,
      [tenantId, groupId, page.limit, page.before],
    );
    return rows.map((row) => ({ id: row.id, ...toEvent(row) }));
  }
}

function toEvent(row: Omit<AuditRow, 'id'>): AuditEvent {
  return {
    tenantId: row.tenant_id,
    groupId: row.group_id,
    actorPersonId: row.actor_person_id,
    action: row.action,
    subject: row.subject,
    at: row.at,
    detail: row.detail,
  };
}
