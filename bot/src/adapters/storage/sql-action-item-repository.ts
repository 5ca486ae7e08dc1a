import type { ActionItemRepository } from '../../app/ports/repositories';
import type { ActionItem, ActionStatus } from '../../domain/minutes';
import type { SqlDatabase } from './sql-database';

interface ActionItemRow {
  tenant_id: string;
  id: string;
  group_id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  position: number;
  title: string;
  owner_person_id: string | null;
  organisation_id: string | null;
  due_date: string | null;
  status: ActionStatus;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `tenant_id, id, group_id, meeting_id, agenda_item_id, position, title, owner_person_id, organisation_id, due_date,
  status, created_at, updated_at`;

const PREFIXED_COLUMNS = COLUMNS.split(',')
  .map((column) => `a.${column.trim()}`)
  .join(', ');

/** What an update may change; updated_at moves only when one of these did. */
const CONTENT = ['agenda_item_id', 'position', 'title', 'owner_person_id', 'organisation_id', 'due_date', 'status'];

function toActionItem(row: ActionItemRow): ActionItem {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    groupId: row.group_id,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    position: row.position,
    title: row.title,
    ownerPersonId: row.owner_person_id,
    organisationId: row.organisation_id,
    dueDate: row.due_date,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class SqlActionItemRepository implements ActionItemRepository {
  constructor(private readonly db: SqlDatabase) {}

  async listByMeeting(tenantId: string, meetingId: string): Promise<ActionItem[]> {
    const rows = await this.db.query<ActionItemRow>(
      `SELECT ${COLUMNS} FROM action_item WHERE tenant_id = $1 AND meeting_id = $2
       ORDER BY agenda_item_id COLLATE "C" NULLS LAST, position, created_at, id COLLATE "C"`,
      [tenantId, meetingId],
    );
    return rows.map(toActionItem);
  }

  async listOpenByGroup(tenantId: string, groupId: string): Promise<ActionItem[]> {
    const rows = await this.db.query<ActionItemRow>(
      `SELECT ${PREFIXED_COLUMNS} FROM action_item a
       JOIN meeting m ON m.tenant_id = a.tenant_id AND m.id = a.meeting_id
       WHERE a.tenant_id = $1 AND a.group_id = $2 AND a.status <> 'done' AND m.status = 'minutes_published'
       ORDER BY a.due_date NULLS LAST, a.created_at, a.id COLLATE "C"`,
      [tenantId, groupId],
    );
    return rows.map(toActionItem);
  }

  async find(tenantId: string, id: string): Promise<ActionItem | null> {
    const rows = await this.db.query<ActionItemRow>(`SELECT ${COLUMNS} FROM action_item WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ? toActionItem(rows[0]) : null;
  }

  async setStatus(tenantId: string, id: string, status: ActionItem['status'], at: Date): Promise<void> {
    await this.db.query(`UPDATE action_item SET status = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 AND status <> $3`, [
      tenantId,
      id,
      status,
      at,
    ]);
  }

  async listOpenByOwner(tenantId: string, personId: string): Promise<ActionItem[]> {
    const rows = await this.db.query<ActionItemRow>(
      `SELECT ${COLUMNS} FROM action_item WHERE tenant_id = $1 AND owner_person_id = $2 AND status <> 'done'
       ORDER BY due_date NULLS LAST, created_at, id COLLATE "C"`,
      [tenantId, personId],
    );
    return rows.map(toActionItem);
  }

  async replaceForMeeting(tenantId: string, meetingId: string, items: readonly ActionItem[]): Promise<boolean> {
    if (items.some((item) => item.tenantId !== tenantId || item.meetingId !== meetingId)) {
      throw new Error('every action item must belong to the meeting being replaced');
    }
    const ids = items.map((item) => item.id);
    // An id another meeting uses is refused before anything is written.
    const taken = await this.db.query<{ id: string }>(
      'SELECT id FROM action_item WHERE tenant_id = $1 AND id = ANY($2::text[]) AND meeting_id <> $3 LIMIT 1',
      [tenantId, ids, meetingId],
    );
    if (taken.length > 0) return false;
    await this.db.query('DELETE FROM action_item WHERE tenant_id = $1 AND meeting_id = $2 AND NOT (id = ANY($3::text[]))', [
      tenantId,
      meetingId,
      ids,
    ]);
    for (const item of items) {
      const written = await this.db.query<{ id: string }>(
        `INSERT INTO action_item (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (tenant_id, id) DO UPDATE SET
           ${CONTENT.map((column) => `${column} = excluded.${column}`).join(', ')},
           updated_at = CASE
             WHEN (${CONTENT.map((c) => `action_item.${c}`).join(', ')}) IS DISTINCT FROM (${CONTENT.map((c) => `excluded.${c}`).join(', ')})
             THEN excluded.updated_at ELSE action_item.updated_at END
         WHERE action_item.meeting_id = excluded.meeting_id
         RETURNING id`,
        [
          item.tenantId,
          item.id,
          item.groupId,
          item.meetingId,
          item.agendaItemId,
          item.position,
          item.title,
          item.ownerPersonId,
          item.organisationId,
          item.dueDate,
          item.status,
          item.createdAt,
          item.updatedAt,
        ],
      );
      // Only when another meeting took the id since the check above; the caller's transaction rolls back.
      if (written.length === 0) throw new Error(`action item ${item.id} belongs to another meeting`);
    }
    return true;
  }
}
