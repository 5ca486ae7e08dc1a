/**
 * Before a meeting (the scheduler's timing, default five days ahead): every owner of an open
 * action from the group's published minutes is asked how it goes — *Klar / Pågår / Hinder* and a
 * comment — one card per action. The answers fill the meeting's follow-up section.
 */
import { actionStatusView } from './action-status-view';
import { addReports, fanOut, noOne, type FanOutReport, type Pacer, type Recipient } from './fan-out';
import type { SendToGroupDeps } from './send-to-group';

export const ACTION_STATUS_REQUEST = 'action-status-request';

export async function requestActionStatus(
  deps: SendToGroupDeps,
  pacer: Pacer,
  input: { tenantId: string; meetingId: string },
): Promise<FanOutReport> {
  const repos = deps.repositories;
  const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
  if (!meeting || meeting.status === 'cancelled' || meeting.startsAt.getTime() <= deps.clock.now().getTime()) return noOne();
  const [actions, memberships, people] = await Promise.all([
    repos.actionItems.listOpenByGroup(input.tenantId, meeting.groupId),
    repos.memberships.listByGroup(input.tenantId, meeting.groupId),
    repos.people.listByGroup(input.tenantId, meeting.groupId),
  ]);
  let report = noOne();
  for (const action of actions) {
    const owner = people.find((p) => p.id === action.ownerPersonId && memberships.some((m) => m.personId === p.id));
    if (!owner) continue; // an owner who left the group is followed up by the strategists in the tab
    const recipient: Recipient = {
      target: `person:${owner.id}`,
      name: owner.name,
      email: owner.email,
      conversation: await repos.conversations.findPersonal(input.tenantId, owner.id),
    };
    const notice = await actionStatusView(repos, action, 'request', deps.clock.now(), meeting.id);
    report = addReports(
      report,
      await fanOut(deps, pacer, {
        tenantId: input.tenantId,
        groupId: meeting.groupId,
        kind: ACTION_STATUS_REQUEST,
        subjectId: `${action.id}:${meeting.id}`,
        notice,
        recipients: [recipient],
      }),
    );
  }
  return report;
}
