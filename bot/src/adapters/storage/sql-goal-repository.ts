import type { GoalRepository } from '../../app/ports/repositories';
import type { Goal, GoalFramework, GoalWithState } from '../../domain/goal';
import type { SqlDatabase } from './sql-database';

interface GoalRow {
  tenant_id: string;
  id: string;
  group_id: string | null;
  framework: GoalFramework;
  number: number;
  name: string;
  retired_at: Date | null;
}

const COLUMNS = 'tenant_id, id, group_id, framework, number, name, retired_at';
const ORDER = `array_position(ARRAY['sdg', 'miljomal', 'local'], framework), number, group_id NULLS FIRST, id`;

function toGoal(row: GoalRow): Goal {
  return { id: row.id, tenantId: row.tenant_id, groupId: row.group_id, framework: row.framework, number: row.number, name: row.name };
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

  /** Frameworks in their fixed order (sdg, miljomal, local), then by number; shared before own. Not retired. */
  async listForGroup(tenantId: string, groupId: string): Promise<Goal[]> {
    const rows = await this.db.query<GoalRow>(
      `SELECT ${COLUMNS} FROM goal
       WHERE tenant_id = $1 AND (group_id IS NULL OR group_id = $2) AND retired_at IS NULL
       ORDER BY ${ORDER}`,
      [tenantId, groupId],
    );
    return rows.map(toGoal);
  }

  async listWithRetired(tenantId: string, groupId: string): Promise<GoalWithState[]> {
    const rows = await this.db.query<GoalRow>(
      `SELECT ${COLUMNS} FROM goal WHERE tenant_id = $1 AND (group_id IS NULL OR group_id = $2) ORDER BY ${ORDER}`,
      [tenantId, groupId],
    );
    return rows.map((row) => ({ ...toGoal(row), retired: row.retired_at !== null }));
  }

  async find(tenantId: string, goalId: string): Promise<GoalWithState | null> {
    const rows = await this.db.query<GoalRow>(`SELECT ${COLUMNS} FROM goal WHERE tenant_id = $1 AND id = $2`, [tenantId, goalId]);
    return rows[0] ? { ...toGoal(rows[0]), retired: rows[0].retired_at !== null } : null;
  }

  /**
   * Numbers the goal after the group's last local goal in the same statement. Two adds at the
   * same instant could pick one number: the unique index refuses the second (an error the
   * caller's request reports), rather than storing two goals with one number.
   */
  async addLocal(goal: { id: string; tenantId: string; groupId: string; name: string }): Promise<Goal> {
    const rows = await this.db.query<GoalRow>(
      `INSERT INTO goal (tenant_id, id, group_id, framework, number, name)
       SELECT $1, $2, $3, 'local', coalesce(max(number), 0) + 1, $4 FROM goal
       WHERE tenant_id = $1 AND group_id = $3 AND framework = 'local'
       RETURNING ${COLUMNS}`,
      [goal.tenantId, goal.id, goal.groupId, goal.name],
    );
    const row = rows[0];
    if (!row) throw new Error('the goal was not stored');
    return toGoal(row);
  }

  async update(tenantId: string, goalId: string, change: { name?: string; retiredAt?: Date | null }): Promise<void> {
    await this.db.query(
      `UPDATE goal SET name = coalesce($3, name), retired_at = CASE WHEN $4::boolean THEN $5::timestamptz ELSE retired_at END
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, goalId, change.name ?? null, change.retiredAt !== undefined, change.retiredAt ?? null],
    );
  }
}
