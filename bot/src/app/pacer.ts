/**
 * Where every fan-out of this process stands against Teams' limits (domain/send-pacing.ts): the
 * sends per tenant and per conversation, each counted from when Teams answered it, and the hold a
 * 429's Retry-After puts on a whole tenant. One per process (use-cases.ts), shared by all fan-outs.
 */
import { CONVERSATION_WINDOWS, SendHistory, TENANT_WINDOWS } from '../domain/send-pacing';

/** Pacing state per tenant and per conversation, shared by every fan-out in this process. */
export class Pacer {
  private readonly tenants = new Map<string, SendHistory>();
  private readonly conversations = new Map<string, SendHistory>();

  /** Until when a tenant's sends wait because Teams answered 429 with Retry-After. */
  private readonly held = new Map<string, number>();

  delayFor(tenantId: string, conversationId: string, now: number): number {
    return Math.max(
      (this.held.get(tenantId) ?? now) - now,
      this.history(this.tenants, tenantId, TENANT_WINDOWS).delayFor(now),
      this.history(this.conversations, conversationId, CONVERSATION_WINDOWS).delayFor(now),
    );
  }

  record(tenantId: string, conversationId: string, at: number): void {
    this.history(this.tenants, tenantId, TENANT_WINDOWS).record(at);
    this.history(this.conversations, conversationId, CONVERSATION_WINDOWS).record(at);
  }

  /** The send recorded at `sentAt` was answered at `answeredAt` (see SendHistory.settle). */
  answered(tenantId: string, conversationId: string, sentAt: number, answeredAt: number): void {
    this.history(this.tenants, tenantId, TENANT_WINDOWS).settle(sentAt, answeredAt);
    this.history(this.conversations, conversationId, CONVERSATION_WINDOWS).settle(sentAt, answeredAt);
  }

  /**
   * Teams said 429 with Retry-After: every send of the tenant waits that long, not only the one
   * that was refused (with sends in flight, the others would run into the same limit).
   */
  hold(tenantId: string, until: number): void {
    this.held.set(tenantId, Math.max(until, this.held.get(tenantId) ?? until));
  }

  private history(map: Map<string, SendHistory>, key: string, windows: typeof TENANT_WINDOWS): SendHistory {
    let history = map.get(key);
    if (!history) {
      history = new SendHistory(windows);
      map.set(key, history);
    }
    return history;
  }
}
