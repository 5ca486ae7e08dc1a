import type { ConversationRepository } from '../../app/ports/repositories';
import type { ConversationKind, ConversationRecord } from '../../domain/conversation';
import type { SqlDatabase } from './sql-database';

interface ConversationRow {
  tenant_id: string;
  conversation_id: string;
  kind: ConversationKind;
  person_id: string | null;
  group_id: string | null;
  reference: unknown;
  updated_at: Date;
}

const SELECT = `SELECT tenant_id, conversation_id, kind, person_id, group_id, reference, updated_at FROM conversation_reference`;

function toRecord(row: ConversationRow): ConversationRecord {
  return {
    tenantId: row.tenant_id,
    conversationId: row.conversation_id,
    kind: row.kind,
    personId: row.person_id,
    groupId: row.group_id,
    reference: row.reference,
    updatedAt: row.updated_at,
  };
}

export class SqlConversationRepository implements ConversationRepository {
  constructor(private readonly db: SqlDatabase) {}

  /** The latest reference wins: Teams may move a conversation to another service URL. */
  async save(record: ConversationRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO conversation_reference (tenant_id, conversation_id, kind, person_id, group_id, reference, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
       ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET
         kind = excluded.kind, person_id = excluded.person_id, group_id = excluded.group_id,
         reference = excluded.reference, updated_at = excluded.updated_at`,
      [
        record.tenantId,
        record.conversationId,
        record.kind,
        record.personId,
        record.groupId,
        JSON.stringify(record.reference ?? null),
        record.updatedAt,
      ],
    );
  }

  async find(tenantId: string, conversationId: string): Promise<ConversationRecord | null> {
    const rows = await this.db.query<ConversationRow>(`${SELECT} WHERE tenant_id = $1 AND conversation_id = $2`, [
      tenantId,
      conversationId,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The most recently updated personal chat; a tie goes to the first conversation id. */
  async findPersonal(tenantId: string, personId: string): Promise<ConversationRecord | null> {
    const rows = await this.db.query<ConversationRow>(
      `${SELECT} WHERE tenant_id = $1 AND kind = 'personal' AND person_id = $2
       ORDER BY updated_at DESC, conversation_id COLLATE "C" LIMIT 1`,
      [tenantId, personId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The most recently updated channel of the group's team; a tie goes to the first conversation id. */
  async findGroupChannel(tenantId: string, groupId: string): Promise<ConversationRecord | null> {
    const rows = await this.db.query<ConversationRow>(
      `${SELECT} WHERE tenant_id = $1 AND kind = 'channel' AND group_id = $2
       ORDER BY updated_at DESC, conversation_id COLLATE "C" LIMIT 1`,
      [tenantId, groupId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }
}
