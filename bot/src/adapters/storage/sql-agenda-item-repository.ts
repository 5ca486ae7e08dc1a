import type { AgendaItemRepository } from '../../app/ports/repositories';
import type { AgendaItem } from '../../domain/agenda-item';
import type { SqlDatabase } from './sql-database';

interface AgendaItemRow {
  tenant_id: string;
  id: string;
  group_id: string;
  meeting_id: string;
  position: number;
  title: string;
  duration_minutes: number;
  presenter_person_id: string | null;
  proposal_id: string | null;
  standing: boolean;
}

const COLUMNS = 'tenant_id, id, group_id, meeting_id, position, title, duration_minutes, presenter_person_id, proposal_id, standing';

function toItem(row: AgendaItemRow): AgendaItem {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    groupId: row.group_id,
    meetingId: row.meeting_id,
    position: row.position,
    title: row.title,
    durationMinutes: row.duration_minutes,
    presenterPersonId: row.presenter_person_id,
    proposalId: row.proposal_id,
    standing: row.standing,
  };
}

export class SqlAgendaItemRepository implements AgendaItemRepository {
  constructor(private readonly db: SqlDatabase) {}

  async listByMeeting(tenantId: string, meetingId: string): Promise<AgendaItem[]> {
    const rows = await this.db.query<AgendaItemRow>(
      `SELECT ${COLUMNS} FROM agenda_item WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY position`,
      [tenantId, meetingId],
    );
    return rows.map(toItem);
  }

  async replaceForMeeting(tenantId: string, meetingId: string, items: readonly AgendaItem[]): Promise<void> {
    if (items.some((item) => item.tenantId !== tenantId || item.meetingId !== meetingId)) {
      throw new Error('every agenda item must belong to the meeting being replaced');
    }
    // The position constraint is deferred to the commit, so positions may pass through each
    // other while the rows are written one by one.
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM agenda_item WHERE tenant_id = $1 AND meeting_id = $2 AND NOT (id = ANY($3::text[]))`, [
        tenantId,
        meetingId,
        items.map((item) => item.id),
      ]);
      for (const item of items) {
        const written = await tx.query<{ id: string }>(
          `INSERT INTO agenda_item (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (tenant_id, id) DO UPDATE SET
             position = excluded.position, title = excluded.title, duration_minutes = excluded.duration_minutes,
             presenter_person_id = excluded.presenter_person_id, proposal_id = excluded.proposal_id,
             standing = excluded.standing
           WHERE agenda_item.meeting_id = excluded.meeting_id
           RETURNING id`,
          [
            item.tenantId,
            item.id,
            item.groupId,
            item.meetingId,
            item.position,
            item.title,
            item.durationMinutes,
            item.presenterPersonId,
            item.proposalId,
            item.standing,
          ],
        );
        // An id of another meeting's item: refuse the whole replace rather than store less than asked.
        if (written.length === 0) throw new Error(`agenda item ${item.id} belongs to another meeting`);
      }
    });
  }
}
