import type { TipRepository } from '../../app/ports/tip-repository';
import type { Tip, TipSource, TipStatus } from '../../domain/tip';
import type { SqlDatabase } from './sql-database';

interface TipRow {
  tenant_id: string;
  id: string;
  group_id: string;
  sender_person_id: string;
  url: string | null;
  comment: string;
  source: TipSource;
  quote: string | null;
  status: TipStatus;
  proposal_id: string | null;
  submission_key: string;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `tenant_id, id, group_id, sender_person_id, url, comment, source, quote, status, proposal_id, submission_key,
  created_at, updated_at`;

function toTip(row: TipRow): Tip {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    groupId: row.group_id,
    senderPersonId: row.sender_person_id,
    url: row.url,
    comment: row.comment,
    source: row.source,
    quote: row.quote,
    status: row.status,
    proposalId: row.proposal_id,
    submissionKey: row.submission_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class SqlTipRepository implements TipRepository {
  constructor(private readonly db: SqlDatabase) {}

  async insert(tip: Tip): Promise<void> {
    await this.db.query(`INSERT INTO tip (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, [
      tip.tenantId,
      tip.id,
      tip.groupId,
      tip.senderPersonId,
      tip.url,
      tip.comment,
      tip.source,
      tip.quote,
      tip.status,
      tip.proposalId,
      tip.submissionKey,
      tip.createdAt,
      tip.updatedAt,
    ]);
  }

  async find(tenantId: string, tipId: string): Promise<Tip | null> {
    const rows = await this.db.query<TipRow>(`SELECT ${COLUMNS} FROM tip WHERE tenant_id = $1 AND id = $2`, [tenantId, tipId]);
    return rows[0] ? toTip(rows[0]) : null;
  }

  async findBySubmissionKey(tenantId: string, submissionKey: string): Promise<Tip | null> {
    const rows = await this.db.query<TipRow>(`SELECT ${COLUMNS} FROM tip WHERE tenant_id = $1 AND submission_key = $2`, [
      tenantId,
      submissionKey,
    ]);
    return rows[0] ? toTip(rows[0]) : null;
  }

  async listByGroup(tenantId: string, groupId: string, limit: number): Promise<Tip[]> {
    const rows = await this.db.query<TipRow>(
      `SELECT ${COLUMNS} FROM tip WHERE tenant_id = $1 AND group_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3`,
      [tenantId, groupId, limit],
    );
    return rows.map(toTip);
  }

  async settle(
    tenantId: string,
    tipId: string,
    change: { status: 'proposed' | 'dismissed'; proposalId: string | null; at: Date },
  ): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE tip SET status = $3, proposal_id = $4, updated_at = $5
       WHERE tenant_id = $1 AND id = $2 AND status = 'new' RETURNING id`,
      [tenantId, tipId, change.status, change.proposalId, change.at],
    );
    return rows.length > 0;
  }
}
