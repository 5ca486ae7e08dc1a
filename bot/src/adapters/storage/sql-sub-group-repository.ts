import type { SubGroupRepository } from '../../app/ports/sub-group-repository';
import type { SubGroup, SubGroupStatus } from '../../domain/sub-group';
import type { SqlDatabase } from './sql-database';

interface SubGroupRow {
  tenant_id: string;
  id: string;
  group_id: string;
  name: string;
  mandate: string;
  origin_meeting_id: string;
  origin_agenda_item_id: string;
  origin_item_title: string;
  convenor_person_id: string | null;
  deadline: string;
  status: SubGroupStatus;
  created_at: Date;
  updated_at: Date;
  member_ids: string[] | null;
}

// The deadline leaves as text: a date column read as a JS Date would shift with the process's zone.
const SELECT = `SELECT s.tenant_id, s.id, s.group_id, s.name, s.mandate, s.origin_meeting_id, s.origin_agenda_item_id,
    s.origin_item_title, s.convenor_person_id, to_char(s.deadline, 'YYYY-MM-DD') AS deadline, s.status, s.created_at, s.updated_at,
    (SELECT array_agg(m.person_id ORDER BY m.person_id) FROM sub_group_member m
      WHERE m.tenant_id = s.tenant_id AND m.sub_group_id = s.id) AS member_ids
  FROM sub_group s`;

function toSubGroup(row: SubGroupRow): SubGroup {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    groupId: row.group_id,
    name: row.name,
    mandate: row.mandate,
    originMeetingId: row.origin_meeting_id,
    originAgendaItemId: row.origin_agenda_item_id,
    originItemTitle: row.origin_item_title,
    convenorPersonId: row.convenor_person_id,
    memberPersonIds: row.member_ids ?? [],
    deadline: row.deadline,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class SqlSubGroupRepository implements SubGroupRepository {
  constructor(private readonly db: SqlDatabase) {}

  async save(s: SubGroup): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO sub_group (tenant_id, id, group_id, name, mandate, origin_meeting_id, origin_agenda_item_id, origin_item_title,
           convenor_person_id, deadline, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11, $12, $13)
         ON CONFLICT (tenant_id, id) DO UPDATE SET
           name = excluded.name, mandate = excluded.mandate, convenor_person_id = excluded.convenor_person_id,
           deadline = excluded.deadline, status = excluded.status, updated_at = excluded.updated_at
         WHERE sub_group.group_id = excluded.group_id`,
        [
          s.tenantId,
          s.id,
          s.groupId,
          s.name,
          s.mandate,
          s.originMeetingId,
          s.originAgendaItemId,
          s.originItemTitle,
          s.convenorPersonId,
          s.deadline,
          s.status,
          s.createdAt,
          s.updatedAt,
        ],
      );
      await tx.query(`DELETE FROM sub_group_member WHERE tenant_id = $1 AND sub_group_id = $2 AND NOT (person_id = ANY($3::text[]))`, [
        s.tenantId,
        s.id,
        s.memberPersonIds,
      ]);
      await tx.query(
        `INSERT INTO sub_group_member (tenant_id, sub_group_id, person_id)
         SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`,
        [s.tenantId, s.id, s.memberPersonIds],
      );
    });
  }

  async find(tenantId: string, subGroupId: string): Promise<SubGroup | null> {
    const rows = await this.db.query<SubGroupRow>(`${SELECT} WHERE s.tenant_id = $1 AND s.id = $2`, [tenantId, subGroupId]);
    return rows[0] ? toSubGroup(rows[0]) : null;
  }

  async listByGroup(tenantId: string, groupId: string): Promise<SubGroup[]> {
    const rows = await this.db.query<SubGroupRow>(
      `${SELECT} WHERE s.tenant_id = $1 AND s.group_id = $2 ORDER BY s.deadline, s.created_at, s.id`,
      [tenantId, groupId],
    );
    return rows.map(toSubGroup);
  }

  async findAgendaItem(
    tenantId: string,
    itemId: string,
  ): Promise<{ id: string; groupId: string; meetingId: string; title: string } | null> {
    const rows = await this.db.query<{ id: string; group_id: string; meeting_id: string; title: string }>(
      'SELECT id, group_id, meeting_id, title FROM agenda_item WHERE tenant_id = $1 AND id = $2',
      [tenantId, itemId],
    );
    const row = rows[0];
    return row ? { id: row.id, groupId: row.group_id, meetingId: row.meeting_id, title: row.title } : null;
  }
}
