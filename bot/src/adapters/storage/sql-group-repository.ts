import type { GroupRepository } from '../../app/ports/repositories';
import { DEFAULT_GROUP_SETTINGS, type Group, type GroupSettings } from '../../domain/group';
import type { SqlDatabase } from './sql-database';

export interface GroupRow {
  tenant_id: string;
  id: string;
  name: string;
  description: string;
  team_id: string | null;
  m365_group_id: string | null;
  settings: Partial<GroupSettings>;
}

const COLUMNS = 'tenant_id, id, name, description, team_id, settings, m365_group_id';

/** Settings added after a group was stored read as their defaults, so old rows stay complete. */
export function toGroup(row: GroupRow): Group {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    description: row.description,
    teamId: row.team_id,
    m365GroupId: row.m365_group_id,
    settings: { ...DEFAULT_GROUP_SETTINGS, ...row.settings },
  };
}

export class SqlGroupRepository implements GroupRepository {
  constructor(private readonly db: SqlDatabase) {}

  // The Microsoft 365 group id is written only when the group says something about it, so a save
  // of a group read without it (or made before migration 011) leaves the stored one alone.
  async save(group: Group): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO work_group (tenant_id, id, name, description, team_id, settings) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
         ON CONFLICT (tenant_id, id) DO UPDATE SET
           name = excluded.name, description = excluded.description, team_id = excluded.team_id, settings = excluded.settings`,
        [group.tenantId, group.id, group.name, group.description, group.teamId, JSON.stringify(group.settings)],
      );
      if (group.m365GroupId !== undefined) {
        await tx.query('UPDATE work_group SET m365_group_id = $3 WHERE tenant_id = $1 AND id = $2', [
          group.tenantId,
          group.id,
          group.m365GroupId,
        ]);
      }
    });
  }

  find(tenantId: string, groupId: string): Promise<Group | null> {
    return this.findOne('id = $2', tenantId, groupId);
  }

  async listByTenant(tenantId: string): Promise<Group[]> {
    const rows = await this.db.query<GroupRow>(`SELECT ${COLUMNS} FROM work_group WHERE tenant_id = $1 ORDER BY name, id`, [tenantId]);
    return rows.map(toGroup);
  }

  findByName(tenantId: string, name: string): Promise<Group | null> {
    return this.findOne('name = $2', tenantId, name);
  }

  findByTeamId(tenantId: string, teamId: string): Promise<Group | null> {
    return this.findOne('team_id = $2', tenantId, teamId);
  }

  /** `condition` is one of the fixed strings above, never built from input. */
  private async findOne(condition: string, tenantId: string, value: string): Promise<Group | null> {
    const rows = await this.db.query<GroupRow>(`SELECT ${COLUMNS} FROM work_group WHERE tenant_id = $1 AND ${condition}`, [
      tenantId,
      value,
    ]);
    return rows[0] ? toGroup(rows[0]) : null;
  }
}
