import type { PublicationRepository } from '../../app/ports/publication-repositories';
import type { MailBatchState, Publication, PublicationMailBatch, PublicationRecipient } from '../../domain/publication';
import type { SqlDatabase } from './sql-database';

interface PublicationRow {
  tenant_id: string;
  group_id: string;
  meeting_id: string;
  version: number;
  published_by_person_id: string | null;
  created_at: Date;
  recipients: PublicationRecipient[];
  document_path: string;
  document_url: string | null;
  document_stored_at: Date | null;
  mailed_at: Date | null;
  announced_at: Date | null;
  completed_at: Date | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
}

interface MailRow {
  batch: number;
  recipients: PublicationRecipient[];
  marker: string;
  state: MailBatchState;
  sending_at: Date | null;
  sent_at: Date | null;
}

const COLUMNS = `tenant_id, group_id, meeting_id, version, published_by_person_id, created_at, recipients, document_path,
  document_url, document_stored_at, mailed_at, announced_at, completed_at, attempts, last_error, next_attempt_at`;

function toPublication(row: PublicationRow): Publication {
  return {
    tenantId: row.tenant_id,
    groupId: row.group_id,
    meetingId: row.meeting_id,
    version: row.version,
    publishedByPersonId: row.published_by_person_id,
    createdAt: row.created_at,
    recipients: row.recipients,
    documentPath: row.document_path,
    documentUrl: row.document_url,
    documentStoredAt: row.document_stored_at,
    mailedAt: row.mailed_at,
    announcedAt: row.announced_at,
    completedAt: row.completed_at,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
  };
}

export class SqlPublicationRepository implements PublicationRepository {
  constructor(private readonly db: SqlDatabase) {}

  async create(p: Publication, batches: readonly PublicationMailBatch[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO publication (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          p.tenantId,
          p.groupId,
          p.meetingId,
          p.version,
          p.publishedByPersonId,
          p.createdAt,
          JSON.stringify(p.recipients),
          p.documentPath,
          p.documentUrl,
          p.documentStoredAt,
          p.mailedAt,
          p.announcedAt,
          p.completedAt,
          p.attempts,
          p.lastError,
          p.nextAttemptAt,
        ],
      );
      for (const b of batches) {
        await tx.query(
          `INSERT INTO publication_mail (tenant_id, meeting_id, version, batch, recipients, marker, state, sending_at, sent_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
          [p.tenantId, p.meetingId, p.version, b.batch, JSON.stringify(b.recipients), b.marker, b.state, b.sendingAt, b.sentAt],
        );
      }
    });
  }

  async find(tenantId: string, meetingId: string, version: number): Promise<Publication | null> {
    const rows = await this.db.query<PublicationRow>(
      `SELECT ${COLUMNS} FROM publication WHERE tenant_id = $1 AND meeting_id = $2 AND version = $3`,
      [tenantId, meetingId, version],
    );
    return rows[0] ? toPublication(rows[0]) : null;
  }

  async listByMeeting(tenantId: string, meetingId: string): Promise<Publication[]> {
    const rows = await this.db.query<PublicationRow>(
      `SELECT ${COLUMNS} FROM publication WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY version`,
      [tenantId, meetingId],
    );
    return rows.map(toPublication);
  }

  // SKIP LOCKED: two instances polling at once each take different rows instead of waiting.
  async leaseDue(now: Date, leaseUntil: Date, limit: number): Promise<Publication[]> {
    const rows = await this.db.query<PublicationRow>(
      `UPDATE publication SET lease_until = $2
       WHERE (tenant_id, meeting_id, version) IN (
         SELECT tenant_id, meeting_id, version FROM publication
         WHERE completed_at IS NULL AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
         ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [now, leaseUntil, limit],
    );
    return rows.map(toPublication);
  }

  async save(p: Publication, lease: { held: Date; renewTo: Date | null }): Promise<boolean> {
    const rows = await this.db.query<{ version: number }>(
      `UPDATE publication SET document_url = $4, document_stored_at = $5, mailed_at = $6, announced_at = $7, completed_at = $8,
         attempts = $9, last_error = $10, next_attempt_at = $11, lease_until = $12
       WHERE tenant_id = $1 AND meeting_id = $2 AND version = $3 AND lease_until = $13
       RETURNING version`,
      [
        p.tenantId,
        p.meetingId,
        p.version,
        p.documentUrl,
        p.documentStoredAt,
        p.mailedAt,
        p.announcedAt,
        p.completedAt,
        p.attempts,
        p.lastError,
        p.nextAttemptAt,
        lease.renewTo,
        lease.held,
      ],
    );
    return rows.length === 1;
  }

  async listMailBatches(tenantId: string, meetingId: string, version: number): Promise<PublicationMailBatch[]> {
    const rows = await this.db.query<MailRow>(
      `SELECT batch, recipients, marker, state, sending_at, sent_at FROM publication_mail
       WHERE tenant_id = $1 AND meeting_id = $2 AND version = $3 ORDER BY batch`,
      [tenantId, meetingId, version],
    );
    return rows.map((r) => ({
      batch: r.batch,
      recipients: r.recipients,
      marker: r.marker,
      state: r.state,
      sendingAt: r.sending_at,
      sentAt: r.sent_at,
    }));
  }

  async saveMailBatch(tenantId: string, meetingId: string, version: number, b: PublicationMailBatch, held: Date): Promise<boolean> {
    const rows = await this.db.query<{ batch: number }>(
      `UPDATE publication_mail m SET state = $5, sending_at = $6, sent_at = $7
       FROM publication p
       WHERE m.tenant_id = $1 AND m.meeting_id = $2 AND m.version = $3 AND m.batch = $4
         AND p.tenant_id = m.tenant_id AND p.meeting_id = m.meeting_id AND p.version = m.version AND p.lease_until = $8
       RETURNING m.batch`,
      [tenantId, meetingId, version, b.batch, b.state, b.sendingAt, b.sentAt, held],
    );
    return rows.length === 1;
  }
}
