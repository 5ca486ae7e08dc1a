import type { Tenant, TenantRepository } from '../../app/ports/repositories';
import type { SqlDatabase } from './sql-database';

export class SqlTenantRepository implements TenantRepository {
  constructor(private readonly db: SqlDatabase) {}

  async save(tenant: Tenant): Promise<void> {
    await this.db.query(
      `INSERT INTO tenant (id, name) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
      [tenant.id, tenant.name],
    );
  }

  async find(id: string): Promise<Tenant | null> {
    const rows = await this.db.query<Tenant>('SELECT id, name FROM tenant WHERE id = $1', [id]);
    return rows[0] ?? null;
  }
}
