/**
 * What a report reads that the other repositories do not give: the actions with the day each was
 * marked done (migration 020), so "closed in the period" can be counted.
 */
import type { ReportAction } from '../../domain/report';

export interface ReportSourceRepository {
  /** The group's actions from meetings whose minutes are published, oldest first. */
  listActions(tenantId: string, groupId: string): Promise<ReportAction[]>;
}
