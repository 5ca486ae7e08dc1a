/**
 * The competence ledger in PostgreSQL: an activity row with its participants (counts per
 * organisation) and action links in tables of their own, suggestions, and votes keyed by
 * (suggestion, person) so one person has one vote. Multi-row writes belong in a unit of work.
 */
import type { CompetenceRepository } from '../../app/ports/competence-repository';
import type {
  CompetenceActivity,
  CompetenceKind,
  CompetenceLink,
  CompetenceStatus,
  CompetenceSuggestion,
  SuggestionStatus,
} from '../../domain/competence';
import type { SqlDatabase } from './sql-database';

interface ActivityRow {
  tenant_id: string;
  id: string;
  group_id: string;
  kind: CompetenceKind;
  status: CompetenceStatus;
  activity_date: string;
  title: string;
  description: string;
  organiser_organisation_id: string | null;
  organiser: string;
  links: CompetenceLink[];
  learned: string;
  suggestion_id: string | null;
  revision: number;
  created_at: Date;
  updated_at: Date;
}

interface SuggestionRow {
  tenant_id: string;
  id: string;
  group_id: string;
  kind: CompetenceKind;
  title: string;
  description: string;
  link: string | null;
  suggested_by_person_id: string;
  status: SuggestionStatus;
  submission_key: string;
  created_at: Date;
  updated_at: Date;
}

const ACTIVITY_COLUMNS = `tenant_id, id, group_id, kind, status, activity_date, title, description, organiser_organisation_id,
  organiser, links, learned, suggestion_id, revision, created_at, updated_at`;
const SUGGESTION_COLUMNS = `tenant_id, id, group_id, kind, title, description, link, suggested_by_person_id, status, submission_key,
  created_at, updated_at`;

function toSuggestion(row: SuggestionRow): CompetenceSuggestion {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    groupId: row.group_id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    link: row.link,
    suggestedByPersonId: row.suggested_by_person_id,
    status: row.status,
    submissionKey: row.submission_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class SqlCompetenceRepository implements CompetenceRepository {
  constructor(private readonly db: SqlDatabase) {}

  async insertActivity(activity: CompetenceActivity): Promise<void> {
    await this.db.query(
      `INSERT INTO competence_activity (${ACTIVITY_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16)`,
      [
        activity.tenantId,
        activity.id,
        activity.groupId,
        activity.kind,
        activity.status,
        activity.date,
        activity.title,
        activity.description,
        activity.organiserOrganisationId,
        activity.organiser,
        JSON.stringify(activity.links),
        activity.learned,
        activity.suggestionId,
        activity.revision,
        activity.createdAt,
        activity.updatedAt,
      ],
    );
    await this.writeChildren(activity);
  }

  async saveActivityIfUnchanged(activity: CompetenceActivity, expectedRevision: number): Promise<boolean> {
    const updated = await this.db.query<{ id: string }>(
      `UPDATE competence_activity SET kind = $4, status = $5, activity_date = $6, title = $7, description = $8,
         organiser_organisation_id = $9, organiser = $10, links = $11::jsonb, learned = $12, revision = $13, updated_at = $14
       WHERE tenant_id = $1 AND id = $2 AND revision = $3
       RETURNING id`,
      [
        activity.tenantId,
        activity.id,
        expectedRevision,
        activity.kind,
        activity.status,
        activity.date,
        activity.title,
        activity.description,
        activity.organiserOrganisationId,
        activity.organiser,
        JSON.stringify(activity.links),
        activity.learned,
        activity.revision,
        activity.updatedAt,
      ],
    );
    if (updated.length === 0) return false;
    await this.db.query('DELETE FROM competence_participation WHERE tenant_id = $1 AND activity_id = $2', [activity.tenantId, activity.id]);
    await this.db.query('DELETE FROM competence_activity_action WHERE tenant_id = $1 AND activity_id = $2', [
      activity.tenantId,
      activity.id,
    ]);
    await this.writeChildren(activity);
    return true;
  }

  private async writeChildren(activity: CompetenceActivity): Promise<void> {
    for (const row of activity.participants) {
      await this.db.query(
        `INSERT INTO competence_participation (tenant_id, activity_id, organisation_id, participants) VALUES ($1, $2, $3, $4)`,
        [activity.tenantId, activity.id, row.organisationId, row.count],
      );
    }
    for (const actionId of activity.actionIds) {
      await this.db.query(`INSERT INTO competence_activity_action (tenant_id, activity_id, action_id) VALUES ($1, $2, $3)`, [
        activity.tenantId,
        activity.id,
        actionId,
      ]);
    }
  }

  async findActivity(tenantId: string, activityId: string): Promise<CompetenceActivity | null> {
    const rows = await this.db.query<ActivityRow>(`SELECT ${ACTIVITY_COLUMNS} FROM competence_activity WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      activityId,
    ]);
    return (await this.withChildren(tenantId, rows))[0] ?? null;
  }

  async listByGroupBetween(tenantId: string, groupId: string, from: string, to: string): Promise<CompetenceActivity[]> {
    const rows = await this.db.query<ActivityRow>(
      `SELECT ${ACTIVITY_COLUMNS} FROM competence_activity
       WHERE tenant_id = $1 AND group_id = $2 AND activity_date >= $3::date AND activity_date < $4::date
       ORDER BY activity_date, created_at, id COLLATE "C"`,
      [tenantId, groupId, from, to],
    );
    return this.withChildren(tenantId, rows);
  }

  /** Participants and action links of these rows, two queries whatever their number. */
  private async withChildren(tenantId: string, rows: ActivityRow[]): Promise<CompetenceActivity[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [participants, actions] = await Promise.all([
      this.db.query<{ activity_id: string; organisation_id: string; participants: number }>(
        `SELECT activity_id, organisation_id, participants FROM competence_participation
         WHERE tenant_id = $1 AND activity_id = ANY($2::text[]) ORDER BY organisation_id COLLATE "C"`,
        [tenantId, ids],
      ),
      this.db.query<{ activity_id: string; action_id: string }>(
        `SELECT activity_id, action_id FROM competence_activity_action
         WHERE tenant_id = $1 AND activity_id = ANY($2::text[]) ORDER BY action_id COLLATE "C"`,
        [tenantId, ids],
      ),
    ]);
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      groupId: row.group_id,
      kind: row.kind,
      status: row.status,
      date: row.activity_date,
      title: row.title,
      description: row.description,
      organiserOrganisationId: row.organiser_organisation_id,
      organiser: row.organiser,
      participants: participants
        .filter((p) => p.activity_id === row.id)
        .map((p) => ({ organisationId: p.organisation_id, count: p.participants })),
      links: row.links,
      learned: row.learned,
      actionIds: actions.filter((a) => a.activity_id === row.id).map((a) => a.action_id),
      suggestionId: row.suggestion_id,
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  async insertSuggestion(suggestion: CompetenceSuggestion): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(
      `INSERT INTO competence_suggestion (${SUGGESTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (tenant_id, submission_key) DO NOTHING RETURNING id`,
      [
        suggestion.tenantId,
        suggestion.id,
        suggestion.groupId,
        suggestion.kind,
        suggestion.title,
        suggestion.description,
        suggestion.link,
        suggestion.suggestedByPersonId,
        suggestion.status,
        suggestion.submissionKey,
        suggestion.createdAt,
        suggestion.updatedAt,
      ],
    );
    return rows.length > 0;
  }

  async findSuggestion(tenantId: string, suggestionId: string): Promise<CompetenceSuggestion | null> {
    const rows = await this.db.query<SuggestionRow>(
      `SELECT ${SUGGESTION_COLUMNS} FROM competence_suggestion WHERE tenant_id = $1 AND id = $2`,
      [tenantId, suggestionId],
    );
    return rows[0] ? toSuggestion(rows[0]) : null;
  }

  async findSuggestionBySubmissionKey(tenantId: string, submissionKey: string): Promise<CompetenceSuggestion | null> {
    const rows = await this.db.query<SuggestionRow>(
      `SELECT ${SUGGESTION_COLUMNS} FROM competence_suggestion WHERE tenant_id = $1 AND submission_key = $2`,
      [tenantId, submissionKey],
    );
    return rows[0] ? toSuggestion(rows[0]) : null;
  }

  async listSuggestions(tenantId: string, groupId: string, limit: number): Promise<CompetenceSuggestion[]> {
    const rows = await this.db.query<SuggestionRow>(
      `SELECT ${SUGGESTION_COLUMNS} FROM competence_suggestion WHERE tenant_id = $1 AND group_id = $2
       ORDER BY status = 'open' DESC, created_at DESC, id COLLATE "C" LIMIT $3`,
      [tenantId, groupId, limit],
    );
    return rows.map(toSuggestion);
  }

  async markSuggestionPlanned(tenantId: string, suggestionId: string, at: Date): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE competence_suggestion SET status = 'planned', updated_at = $3 WHERE tenant_id = $1 AND id = $2 AND status = 'open' RETURNING id`,
      [tenantId, suggestionId, at],
    );
    return rows.length > 0;
  }

  async addVote(tenantId: string, suggestionId: string, personId: string, at: Date): Promise<boolean> {
    const rows = await this.db.query<{ person_id: string }>(
      `INSERT INTO competence_vote (tenant_id, suggestion_id, person_id, voted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, suggestion_id, person_id) DO NOTHING RETURNING person_id`,
      [tenantId, suggestionId, personId, at],
    );
    return rows.length > 0;
  }

  async removeVote(tenantId: string, suggestionId: string, personId: string): Promise<boolean> {
    const rows = await this.db.query<{ person_id: string }>(
      `DELETE FROM competence_vote WHERE tenant_id = $1 AND suggestion_id = $2 AND person_id = $3 RETURNING person_id`,
      [tenantId, suggestionId, personId],
    );
    return rows.length > 0;
  }

  async voteTallies(
    tenantId: string,
    suggestionIds: readonly string[],
    personId: string,
  ): Promise<Map<string, { votes: number; mine: boolean }>> {
    const tallies = new Map<string, { votes: number; mine: boolean }>(suggestionIds.map((id) => [id, { votes: 0, mine: false }]));
    if (suggestionIds.length === 0) return tallies;
    const rows = await this.db.query<{ suggestion_id: string; votes: number; mine: boolean }>(
      `SELECT suggestion_id, count(*)::int AS votes, bool_or(person_id = $3) AS mine FROM competence_vote
       WHERE tenant_id = $1 AND suggestion_id = ANY($2::text[]) GROUP BY suggestion_id`,
      [tenantId, [...suggestionIds], personId],
    );
    for (const row of rows) tallies.set(row.suggestion_id, { votes: row.votes, mine: row.mine });
    return tallies;
  }
}
