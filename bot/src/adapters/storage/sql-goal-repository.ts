import type { GoalRepository } from '../../app/ports/repositories';
import type { Goal, GoalFramework } from '../../domain/goal';
import type { SqlDatabase } from './sql-database';

interface GoalRow {
  tenant_id: string;
  id: string;
  group_id: string | null;
  framework: GoalFramework;
  number: number;
  name: string;
}

export class SqlGoalRepository implements GoalRepository {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * A goal is known by its id and by (tenant, framework, number, group). Saving an id that
   * exists updates that row. Otherwise the natural key decides: saving SDG 13 again under a new
   * id (a seed run twice) updates the stored goal and keeps its first id, which proposals refer to.
   */
  async save(goal: Goal): Promise<void> {
    const updated = await this.db.query<{ id: string }>(
      `UPDATE goal SET group_id = $3, framework = $4, number = $5, name = $6
       WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [goal.tenantId, goal.id, goal.groupId, goal.framework, goal.number, goal.name],
    );
    if (updated.length > 0) return;
    await this.db.query(
      `INSERT INTO goal (tenant_id, id, group_id, framework, number, name) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, framework, number, (coalesce(group_id, ''))) DO UPDATE SET name = excluded.name`,
      [goal.tenantId, goal.id, goal.groupId, goal.framework, goal.number, goal.name],
    );
  }

  /** Frameworks in their fixed order (sdg, miljomal, local), then by number; shared before own. */
  async listForGroup(tenantId: string, groupId: string): Promise<Goal[]> {
    const rows = await this.db.query<GoalRow>(
      `SELECT tenant_id, id, group_id, framework, number, name FROM goal
       WHERE tenant_id = $1 AND (group_id IS NULL OR group_id = $2)
       ORDER BY array_position(ARRAY['sdg', 'miljomal', 'local'], framework), number, group_id NULLS FIRST, id`,
      [tenantId, groupId],
    );
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      groupId: row.group_id,
      framework: row.framework,
      number: row.number,
      name: row.name,
    }));
  }
}
