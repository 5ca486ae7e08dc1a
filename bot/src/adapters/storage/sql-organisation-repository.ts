import type { OrganisationRepository } from '../../app/ports/repositories';
import type { Organisation, OrganisationKind } from '../../domain/organisation';
import type { SqlDatabase } from './sql-database';

interface OrganisationRow {
  tenant_id: string;
  id: string;
  group_id: string;
  name: string;
  kind: OrganisationKind;
}

export class SqlOrganisationRepository implements OrganisationRepository {
  constructor(private readonly db: SqlDatabase) {}

  async save(organisation: Organisation): Promise<void> {
    await this.db.query(
      `INSERT INTO organisation (tenant_id, id, group_id, name, kind) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, id) DO UPDATE SET
         group_id = excluded.group_id, name = excluded.name, kind = excluded.kind`,
      [organisation.tenantId, organisation.id, organisation.groupId, organisation.name, organisation.kind],
    );
  }

  async listByGroup(tenantId: string, groupId: string): Promise<Organisation[]> {
    const rows = await this.db.query<OrganisationRow>(
      `SELECT tenant_id, id, group_id, name, kind FROM organisation
       WHERE tenant_id = $1 AND group_id = $2 ORDER BY name, id`,
      [tenantId, groupId],
    );
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      groupId: row.group_id,
      name: row.name,
      kind: row.kind,
    }));
  }
}
