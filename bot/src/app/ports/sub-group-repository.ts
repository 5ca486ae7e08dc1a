/** The group's sub-groups (bot/src/domain/sub-group.ts) with their members. */
import type { SubGroup } from '../../domain/sub-group';

export interface SubGroupRepository {
  /** Inserts or updates the sub-group and makes its members exactly `memberPersonIds`. */
  save(subGroup: SubGroup): Promise<void>;
  find(tenantId: string, subGroupId: string): Promise<SubGroup | null>;
  /** Every sub-group of the group, by deadline. */
  listByGroup(tenantId: string, groupId: string): Promise<SubGroup[]>;
  /** An agenda item a sub-group may start from, with its meeting; null when there is none. */
  findAgendaItem(tenantId: string, itemId: string): Promise<{ id: string; groupId: string; meetingId: string; title: string } | null>;
}
