import type { MinutesReviewRepository } from '../../app/ports/repositories';
import type { MinutesApproval, MinutesComment } from '../../domain/minutes';
import type { SqlDatabase } from './sql-database';

interface ApprovalRow {
  tenant_id: string;
  group_id: string;
  meeting_id: string;
  version: number;
  person_id: string;
  revision: number;
  approved_at: Date;
}

interface CommentRow {
  tenant_id: string;
  id: string;
  group_id: string;
  meeting_id: string;
  version: number;
  agenda_item_id: string;
  person_id: string;
  body: string;
  created_at: Date;
}

/** Approvals and comments of a published version are refused by a trigger (migration 010). */
export class SqlMinutesReviewRepository implements MinutesReviewRepository {
  constructor(private readonly db: SqlDatabase) {}

  async approve(approval: MinutesApproval): Promise<void> {
    await this.db.query(
      `INSERT INTO minutes_approval (tenant_id, group_id, meeting_id, version, person_id, revision, approved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, meeting_id, version, person_id) DO UPDATE SET
         revision = excluded.revision, approved_at = excluded.approved_at`,
      [
        approval.tenantId,
        approval.groupId,
        approval.meetingId,
        approval.version,
        approval.personId,
        approval.revision,
        approval.approvedAt,
      ],
    );
  }

  async listApprovals(tenantId: string, meetingId: string, version: number): Promise<MinutesApproval[]> {
    const rows = await this.db.query<ApprovalRow>(
      `SELECT tenant_id, group_id, meeting_id, version, person_id, revision, approved_at FROM minutes_approval
       WHERE tenant_id = $1 AND meeting_id = $2 AND version = $3
       ORDER BY approved_at, person_id COLLATE "C"`,
      [tenantId, meetingId, version],
    );
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      groupId: row.group_id,
      meetingId: row.meeting_id,
      version: row.version,
      personId: row.person_id,
      revision: row.revision,
      approvedAt: row.approved_at,
    }));
  }

  async addComment(comment: MinutesComment): Promise<void> {
    await this.db.query(
      `INSERT INTO minutes_comment (tenant_id, id, group_id, meeting_id, version, agenda_item_id, person_id, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        comment.tenantId,
        comment.id,
        comment.groupId,
        comment.meetingId,
        comment.version,
        comment.agendaItemId,
        comment.personId,
        comment.text,
        comment.createdAt,
      ],
    );
  }

  async listComments(tenantId: string, meetingId: string, version: number): Promise<MinutesComment[]> {
    const rows = await this.db.query<CommentRow>(
      `SELECT tenant_id, id, group_id, meeting_id, version, agenda_item_id, person_id, body, created_at FROM minutes_comment
       WHERE tenant_id = $1 AND meeting_id = $2 AND version = $3
       ORDER BY created_at, id COLLATE "C"`,
      [tenantId, meetingId, version],
    );
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      groupId: row.group_id,
      meetingId: row.meeting_id,
      version: row.version,
      agendaItemId: row.agenda_item_id,
      personId: row.person_id,
      text: row.body,
      createdAt: row.created_at,
    }));
  }
}
