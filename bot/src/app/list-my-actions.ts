/**
 * The caller's open action items across all their groups (the bot's `mina åtgärder`): what they
 * own from any meeting's minutes and have not marked done, the soonest due first.
 */
import type { ActionStatus } from '../domain/minutes';
import type { Actor } from './find-member';
import type { Repositories } from './ports/repositories';

export interface MyActionView {
  id: string;
  title: string;
  dueDate: string | null;
  status: ActionStatus;
  groupName: string;
  meeting: { id: string; title: string; startsAt: Date };
}

export async function listMyActions(repos: Repositories, actor: Actor): Promise<MyActionView[]> {
  const [owned, memberships] = await Promise.all([
    repos.actionItems.listOpenByOwner(actor.tenantId, actor.personId),
    repos.memberships.listByPerson(actor.tenantId, actor.personId),
  ]);
  // Only groups the caller is still a member of, and only those with something to show.
  const groupIds = [...new Set(owned.map((a) => a.groupId))].filter((id) => memberships.some((m) => m.groupId === id));
  const groups = await Promise.all(
    groupIds.map(async (id) => ({
      group: await repos.groups.find(actor.tenantId, id),
      meetings: await repos.meetings.listByGroup(actor.tenantId, id),
    })),
  );
  const meetings = new Map(groups.flatMap(({ group, meetings: list }) => (group ? list.map((m) => [m.id, { m, group }] as const) : [])));
  return (
    owned
      .flatMap((action) => {
        const found = meetings.get(action.meetingId);
        if (!found) return [];
        return [
          {
            id: action.id,
            title: action.title,
            dueDate: action.dueDate,
            status: action.status,
            groupName: found.group.name,
            meeting: { id: found.m.id, title: found.m.title, startsAt: found.m.startsAt },
          },
        ];
      })
      // Soonest due first; those without a date last.
      .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title, 'sv'))
  );
}
