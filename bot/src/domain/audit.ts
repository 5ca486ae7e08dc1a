/** Who changed what and when: kept for the strategists and for the public-records duty. */
export interface AuditEvent {
  tenantId: string;
  groupId: string | null;
  actorPersonId: string | null;
  action: string;
  subject: string;
  at: Date;
  detail: Record<string, unknown>;
}

/** An event as the log keeps it: with its id, which orders events of the same instant and pages the log. */
export interface RecordedAuditEvent extends AuditEvent {
  /** Decimal digits (the log's bigserial). */
  id: string;
}
