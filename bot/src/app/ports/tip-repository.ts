/** The group's omvärldsbevakning tips (bot/src/domain/tip.ts). */
import type { Tip } from '../../domain/tip';

export interface TipRepository {
  /** Inserts a new tip; a second one with the same submission key fails (the caller looks it up). */
  insert(tip: Tip): Promise<void>;
  find(tenantId: string, tipId: string): Promise<Tip | null>;
  /** The tip a form with this one-time key already stored, if any. */
  findBySubmissionKey(tenantId: string, submissionKey: string): Promise<Tip | null>;
  /** Newest first, at most `limit`. */
  listByGroup(tenantId: string, groupId: string, limit: number): Promise<Tip[]>;
  /**
   * Moves a tip that is still new to `status` (with the proposal made of it); false when it was
   * no longer new — someone else was first — and nothing is written.
   */
  settle(
    tenantId: string,
    tipId: string,
    change: { status: 'proposed' | 'dismissed'; proposalId: string | null; at: Date },
  ): Promise<boolean>;
}
