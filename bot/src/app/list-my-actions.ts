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
  const memberships = await repos.memberships.listByPerson(actor.tenantId, actor.personId);
  const perGroup = await Promise.all(
    memberships.map(async (membership) => {
      const [group, meetings] = await Promise.all([
        repos.groups.find(actor.tenantId, membership.groupId),
        repos.meetings.listByGroup(actor.tenantId, membership.groupId),
      ]);
      if (!group) return [];
      const lists = await Promise.all(meetings.map((m) => repos.actionItems.listByMeeting(actor.tenantId, m.id)));
      const byId = new Map(meetings.map((m) => [m.id, m]));
      return lists.flat().flatMap((action) => {
        const meeting = byId.get(action.meetingId);
        if (!meeting || action.ownerPersonId !== actor.personId || action.status === 'done') return [];
        return [
          {
            id: action.id,
            title: action.title,
            dueDate: action.dueDate,
            status: action.status,
            groupName: group.name,
            meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt },
          },
        ];
      });
    }),
  );
  // Soonest due first; those without a date last.
  return perGroup.flat().sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title, 'sv'));
}
