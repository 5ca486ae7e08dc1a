import type { MinutesRepository } from '../../app/ports/repositories';
import { type Minutes, type MinutesStatus } from '../../domain/minutes';
import { readMinutesBody } from '../../domain/minutes-draft';
import type { SqlDatabase } from './sql-database';

interface MinutesRow {
  tenant_id: string;
  group_id: string;
  meeting_id: string;
  version: number;
  status: MinutesStatus;
  revision: number;
  body: unknown;
  published_at: Date | null;
  published_by_person_id: string | null;
  created_at: Date;
  updated_at: Date | null;
  updated_by_person_id: string | null;
}

const COLUMNS = `tenant_id, group_id, meeting_id, version, status, revision, body, published_at, published_by_person_id,
  created_at, updated_at, updated_by_person_id`;

function toMinutes(row: MinutesRow): Minutes {
  return {
    tenantId: row.tenant_id,
    groupId: row.group_id,
    meetingId: row.meeting_id,
    version: row.version,
    status: row.status,
    revision: row.revision,
    body: readMinutesBody(row.body),
    publishedAt: row.published_at,
    publishedByPersonId: row.published_by_person_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedByPersonId: row.updated_by_person_id,
  };
}

/**
 * There is no delete here, and updates touch drafts only: published versions are public records,
 * and the trigger from migration 001 refuses any change to them should someone try by hand.
 */
export class SqlMinutesRepository implements MinutesRepository {
  constructor(private readonly db: SqlDatabase) {}

  async listVersions(tenantId: string, meetingId: string): Promise<Minutes[]> {
    const rows = await this.db.query<MinutesRow>(
      `SELECT ${COLUMNS} FROM minutes WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY version`,
      [tenantId, meetingId],
    );
    return rows.map(toMinutes);
  }

  async lockLatest(tenantId: string, meetingId: string): Promise<Minutes | null> {
    const [row] = await this.db.query<MinutesRow>(
      `SELECT ${COLUMNS} FROM minutes WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY version DESC LIMIT 1 FOR UPDATE`,
      [tenantId, meetingId],
    );
    return row ? toMinutes(row) : null;
  }

  async listLatestByGroup(
    tenantId: string,
    groupId: string,
  ): Promise<{ meetingId: string; version: number; status: MinutesStatus; publishedAt: Date | null }[]> {
    const rows = await this.db.query<{ meeting_id: string; version: number; status: MinutesStatus; published_at: Date | null }>(
      `SELECT DISTINCT ON (meeting_id) meeting_id, version, status, published_at FROM minutes
       WHERE tenant_id = $1 AND group_id = $2
       ORDER BY meeting_id, version DESC`,
      [tenantId, groupId],
    );
    return rows.map((row) => ({ meetingId: row.meeting_id, version: row.version, status: row.status, publishedAt: row.published_at }));
  }

  async insert(minutes: Minutes): Promise<boolean> {
    const rows = await this.db.query<{ version: number }>(
      `INSERT INTO minutes (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12)
       ON CONFLICT DO NOTHING RETURNING version`,
      [
        minutes.tenantId,
        minutes.groupId,
        minutes.meetingId,
        minutes.version,
        minutes.status,
        minutes.revision,
        JSON.stringify(minutes.body),
        minutes.publishedAt,
        minutes.publishedByPersonId,
        minutes.createdAt,
        minutes.updatedAt,
        minutes.updatedByPersonId,
      ],
    );
    return rows.length === 1;
  }

  async saveIfUnchanged(minutes: Minutes, expectedRevision: number): Promise<boolean> {
    const rows = await this.db.query<{ version: number }>(
      `UPDATE minutes SET status = $5, revision = $6, body = $7::jsonb, published_at = $8, published_by_person_id = $9,
         updated_at = $10, updated_by_person_id = $11
       WHERE tenant_id = $1 AND meeting_id = $2 AND version = $3 AND revision = $4 AND status = 'draft'
       RETURNING version`,
      [
        minutes.tenantId,
        minutes.meetingId,
        minutes.version,
        expectedRevision,
        minutes.status,
        minutes.revision,
        JSON.stringify(minutes.body),
        minutes.publishedAt,
        minutes.publishedByPersonId,
        minutes.updatedAt,
        minutes.updatedByPersonId,
      ],
    );
    return rows.length === 1;
  }
}
