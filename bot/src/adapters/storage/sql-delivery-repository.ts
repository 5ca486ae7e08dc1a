import type { DeliveryRepository } from '../../app/ports/repositories';
import type { Delivery, DeliveryState } from '../../domain/delivery';
import type { SqlDatabase } from './sql-database';

/** The longest `last_error` kept, in characters: enough to read, not a stack trace's worth. */
export const LAST_ERROR_MAX = 1000;

interface DeliveryRow {
  tenant_id: string;
  id: string;
  group_id: string;
  kind: string;
  target: string;
  delivery_key: string;
  state: DeliveryState;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  message_id: string | null;
  updated_at: Date;
}

const SELECT = `SELECT tenant_id, id, group_id, kind, target, delivery_key, state, attempts, last_error, sent_at, message_id, updated_at
  FROM delivery`;

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    groupId: row.group_id,
    kind: row.kind,
    target: row.target,
    deliveryKey: row.delivery_key,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    sentAt: row.sent_at,
    messageId: row.message_id,
    updatedAt: row.updated_at,
  };
}

export class SqlDeliveryRepository implements DeliveryRepository {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Two statements on purpose. The INSERT either creates the row or, when the key is taken, does
   * nothing (on PostgreSQL it first waits for a concurrent claimer's transaction to end); the
   * SELECT then runs with a fresh snapshot and sees whichever row won. One statement (a CTE)
   * would read with the snapshot taken before the other claimer committed and find nothing.
   * An existing row is returned as it is: its state is never reset to pending.
   */
  async claim(
    delivery: Pick<Delivery, 'id' | 'tenantId' | 'groupId' | 'kind' | 'target' | 'deliveryKey' | 'updatedAt'>,
  ): Promise<Delivery> {
    await this.db.query(
      `INSERT INTO delivery (tenant_id, id, group_id, kind, target, delivery_key, state, attempts, last_error, sent_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, NULL, NULL, $7, $7)
       ON CONFLICT (tenant_id, delivery_key) DO NOTHING`,
      [delivery.tenantId, delivery.id, delivery.groupId, delivery.kind, delivery.target, delivery.deliveryKey, delivery.updatedAt],
    );
    const rows = await this.db.query<DeliveryRow>(`${SELECT} WHERE tenant_id = $1 AND delivery_key = $2`, [
      delivery.tenantId,
      delivery.deliveryKey,
    ]);
    const row = rows[0];
    if (!row) throw new Error(`delivery ${delivery.deliveryKey} was neither created nor found`);
    return toDelivery(row);
  }

  /** One statement, so two leasers race inside PostgreSQL and exactly one gets the row. */
  async lease(tenantId: string, deliveryKey: string, now: Date, leaseUntil: Date): Promise<Delivery | null> {
    const rows = await this.db.query<DeliveryRow>(
      `UPDATE delivery SET state = 'sending', lease_until = $4, updated_at = $3
       WHERE tenant_id = $1 AND delivery_key = $2
         AND (state IN ('pending', 'failed') OR (state = 'sending' AND (lease_until IS NULL OR lease_until <= $3)))
       RETURNING tenant_id, id, group_id, kind, target, delivery_key, state, attempts, last_error, sent_at, message_id, updated_at`,
      [tenantId, deliveryKey, now, leaseUntil],
    );
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  /**
   * Records an attempt's outcome on a claimed row (which must exist). The error is cut to
   * LAST_ERROR_MAX characters by PostgreSQL's `left`, which counts characters, not UTF-16 units,
   * so a cut never splits one.
   */
  async save(delivery: Delivery): Promise<void> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE delivery SET state = $3, attempts = $4, last_error = left($5::text, ${LAST_ERROR_MAX}), sent_at = $6, updated_at = $7,
         lease_until = NULL, message_id = $8
       WHERE tenant_id = $1 AND id = $2
       RETURNING id`,
      [
        delivery.tenantId,
        delivery.id,
        delivery.state,
        delivery.attempts,
        delivery.lastError,
        delivery.sentAt,
        delivery.updatedAt,
        delivery.messageId,
      ],
    );
    if (rows.length === 0) throw new Error(`delivery ${delivery.id} does not exist; claim it first`);
  }

  /**
   * Null filters mean "no filter". An empty list of states matches nothing. The key prefix is
   * compared with `left`, not LIKE, so `%` and `_` in it are plain characters.
   */
  async listByGroup(
    tenantId: string,
    groupId: string,
    filter: { kind?: string; states?: readonly DeliveryState[]; keyPrefix?: string } = {},
  ): Promise<Delivery[]> {
    const rows = await this.db.query<DeliveryRow>(
      `${SELECT}
       WHERE tenant_id = $1 AND group_id = $2
         AND ($3::text IS NULL OR kind = $3::text)
         AND ($4::text[] IS NULL OR state = ANY($4::text[]))
         AND ($5::text IS NULL OR left(delivery_key, length($5::text)) = $5::text)
       ORDER BY updated_at DESC, id COLLATE "C"`,
      [tenantId, groupId, filter.kind ?? null, filter.states ? [...filter.states] : null, filter.keyPrefix ?? null],
    );
    return rows.map(toDelivery);
  }
}
