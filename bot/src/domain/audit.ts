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
