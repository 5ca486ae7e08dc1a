/**
 * Goal tags of agenda items and actions (a strategist's *choice*, 013_goal_tags.sql), and the
 * group's tagged things for the goal overview and the reports. Storage reads the facts; the
 * inheritance rules are the domain's (resolveGoalTags), so they are written once.
 */
import type { GoalTagRepository, GoalTagTarget, GoalTagTargetKind } from '../../app/ports/goal-tag-repository';
import { actionGoals, agendaItemGoals, resolveGoalTags, type Period, type TaggedEntry } from '../../domain/goal-tags';
import type { SqlDatabase } from './sql-database';

/** A choice as one text[]: null when there is no choice, empty when a strategist chose none. */
const ITEM_CHOICE = `CASE WHEN EXISTS (SELECT 1 FROM agenda_item_goal_choice c WHERE c.tenant_id = i.tenant_id AND c.agenda_item_id = i.id)
  THEN coalesce((SELECT array_agg(t.goal_id) FROM agenda_item_goal t WHERE t.tenant_id = i.tenant_id AND t.agenda_item_id = i.id), '{}'::text[])
  END`;
const ACTION_CHOICE = `CASE WHEN EXISTS (SELECT 1 FROM action_goal_choice c WHERE c.tenant_id = a.tenant_id AND c.action_id = a.id)
  THEN coalesce((SELECT array_agg(t.goal_id) FROM action_goal t WHERE t.tenant_id = a.tenant_id AND t.action_id = a.id), '{}'::text[])
  END`;
const PROPOSAL_GOALS = (alias: string) =>
  `coalesce((SELECT array_agg(t.goal_id) FROM proposal_goal t WHERE t.tenant_id = ${alias}.tenant_id AND t.proposal_id = ${alias}.id), '{}'::text[])`;

interface ItemRow {
  id: string;
  group_id: string;
  meeting_id: string;
  title: string;
  proposal_id: string | null;
  chosen: string[] | null;
  proposal_goals: string[] | null;
}

interface ActionRow {
  id: string;
  group_id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  title: string;
  chosen: string[] | null;
}

export class SqlGoalTagRepository implements GoalTagRepository {
  constructor(private readonly db: SqlDatabase) {}

  async listTaggedForPeriod(tenantId: string, groupId: string, period: Period | null): Promise<TaggedEntry[]> {
    const args = [tenantId, groupId];
    const [meetings, proposals, items, decisions, actions] = await Promise.all([
      this.db.query<{ id: string; starts_at: Date }>(
        `SELECT id, starts_at FROM meeting WHERE tenant_id = $1 AND group_id = $2 AND status <> 'cancelled'`,
        args,
      ),
      this.db.query<{ id: string; title: string; created_at: Date; meeting_id: string | null; withdrawn: boolean; goal_ids: string[] }>(
        `SELECT p.id, p.title, p.created_at, p.meeting_id, p.status = 'withdrawn' AS withdrawn, ${PROPOSAL_GOALS('p')} AS goal_ids
         FROM proposal p WHERE p.tenant_id = $1 AND p.group_id = $2
         ORDER BY p.created_at, p.id COLLATE "C"`,
        args,
      ),
      this.db.query<ItemRow>(
        `SELECT i.id, i.group_id, i.meeting_id, i.title, i.proposal_id, ${ITEM_CHOICE} AS chosen, NULL AS proposal_goals
         FROM agenda_item i JOIN meeting m ON m.tenant_id = i.tenant_id AND m.id = i.meeting_id
         WHERE i.tenant_id = $1 AND i.group_id = $2 ORDER BY m.starts_at, i.position`,
        args,
      ),
      // The newest published version of each meeting's minutes; an item with decision text is a decision.
      this.db.query<{ meeting_id: string; agenda_item_id: string; title: string; decision: string }>(
        `SELECT latest.meeting_id, entry->>'agendaItemId' AS agenda_item_id, coalesce(entry->>'title', '') AS title,
                entry->>'decision' AS decision
         FROM (SELECT DISTINCT ON (meeting_id) meeting_id, body FROM minutes
               WHERE tenant_id = $1 AND group_id = $2 AND status = 'published' ORDER BY meeting_id, version DESC) latest
         CROSS JOIN LATERAL jsonb_array_elements(
           CASE WHEN jsonb_typeof(latest.body->'items') = 'array' THEN latest.body->'items' ELSE '[]'::jsonb END) entry
         WHERE jsonb_typeof(entry->'decision') = 'string' AND jsonb_typeof(entry->'agendaItemId') = 'string'
           AND btrim(entry->>'decision') <> ''`,
        args,
      ),
      this.db.query<ActionRow>(
        `SELECT a.id, a.group_id, a.meeting_id, a.agenda_item_id, a.title, ${ACTION_CHOICE} AS chosen
         FROM action_item a JOIN meeting m ON m.tenant_id = a.tenant_id AND m.id = a.meeting_id
         WHERE a.tenant_id = $1 AND a.group_id = $2 AND m.status = 'minutes_published'
         ORDER BY m.starts_at, a.agenda_item_id COLLATE "C" NULLS LAST, a.position, a.id COLLATE "C"`,
        args,
      ),
    ]);
    return resolveGoalTags(
      {
        meetings: meetings.map((m) => ({ id: m.id, startsAt: m.starts_at })),
        proposals: proposals.map((p) => ({
          id: p.id,
          title: p.title,
          createdAt: p.created_at,
          meetingId: p.meeting_id,
          withdrawn: p.withdrawn,
          goalIds: p.goal_ids,
        })),
        agendaItems: items.map((i) => ({
          id: i.id,
          meetingId: i.meeting_id,
          title: i.title,
          proposalId: i.proposal_id,
          chosenGoalIds: i.chosen,
        })),
        decisions: decisions.map((d) => ({
          meetingId: d.meeting_id,
          agendaItemId: d.agenda_item_id,
          title: d.title,
          decision: d.decision,
        })),
        actions: actions.map((a) => ({
          id: a.id,
          meetingId: a.meeting_id,
          agendaItemId: a.agenda_item_id,
          title: a.title,
          chosenGoalIds: a.chosen,
        })),
      },
      period,
    );
  }

  async findTarget(tenantId: string, kind: GoalTagTargetKind, id: string): Promise<GoalTagTarget | null> {
    if (kind === 'agendaItem') {
      const item = await this.findItem(tenantId, id);
      if (!item) return null;
      const resolved = agendaItemGoals({ proposalId: item.proposal_id, chosenGoalIds: item.chosen }, () => item.proposal_goals ?? []);
      const chosenGoalIds = item.chosen === null ? null : [...item.chosen].sort();
      return {
        kind,
        id,
        tenantId,
        groupId: item.group_id,
        meetingId: item.meeting_id,
        title: item.title,
        chosenGoalIds,
        goalIds: resolved.goalIds,
      };
    }
    const rows = await this.db.query<ActionRow>(
      `SELECT a.id, a.group_id, a.meeting_id, a.agenda_item_id, a.title, ${ACTION_CHOICE} AS chosen
       FROM action_item a WHERE a.tenant_id = $1 AND a.id = $2`,
      [tenantId, id],
    );
    const action = rows[0];
    if (!action) return null;
    const item = action.agenda_item_id ? await this.findItem(tenantId, action.agenda_item_id) : null;
    const itemGoals = item
      ? agendaItemGoals({ proposalId: item.proposal_id, chosenGoalIds: item.chosen }, () => item.proposal_goals ?? [])
      : null;
    const resolved = actionGoals({ agendaItemId: action.agenda_item_id, chosenGoalIds: action.chosen }, () => itemGoals?.goalIds);
    return {
      kind,
      id,
      tenantId,
      groupId: action.group_id,
      meetingId: action.meeting_id,
      title: action.title,
      chosenGoalIds: action.chosen === null ? null : [...action.chosen].sort(),
      goalIds: resolved.goalIds,
    };
  }

  async choose(tenantId: string, kind: GoalTagTargetKind, id: string, goalIds: readonly string[] | null, at: Date): Promise<void> {
    const [choice, tags, key] =
      kind === 'agendaItem'
        ? ['agenda_item_goal_choice', 'agenda_item_goal', 'agenda_item_id']
        : ['action_goal_choice', 'action_goal', 'action_id'];
    await this.db.transaction(async (tx) => {
      // Removing the choice removes its tags (ON DELETE CASCADE); a new choice starts clean.
      await tx.query(`DELETE FROM ${choice} WHERE tenant_id = $1 AND ${key} = $2`, [tenantId, id]);
      if (goalIds === null) return;
      await tx.query(`INSERT INTO ${choice} (tenant_id, ${key}, chosen_at) VALUES ($1, $2, $3)`, [tenantId, id, at]);
      await tx.query(
        `INSERT INTO ${tags} (tenant_id, ${key}, goal_id) SELECT $1, $2, goal_id FROM unnest($3::text[]) AS goal_id ON CONFLICT DO NOTHING`,
        [tenantId, id, [...goalIds]],
      );
    });
  }

  private async findItem(tenantId: string, id: string): Promise<ItemRow | null> {
    const rows = await this.db.query<ItemRow>(
      `SELECT i.id, i.group_id, i.meeting_id, i.title, i.proposal_id, ${ITEM_CHOICE} AS chosen,
              CASE WHEN i.proposal_id IS NULL THEN NULL ELSE (SELECT ${PROPOSAL_GOALS('p')} FROM proposal p
                WHERE p.tenant_id = i.tenant_id AND p.id = i.proposal_id) END AS proposal_goals
       FROM agenda_item i WHERE i.tenant_id = $1 AND i.id = $2`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }
}
