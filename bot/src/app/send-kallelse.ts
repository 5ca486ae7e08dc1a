/**
 * The chair sends the kallelse: a 1:1 card to every member (with *Kommer* / *Kommer inte* /
 * *Ersättare kommer*) and a post in the group's channel, with time, place, chair and the agenda.
 * The meeting becomes "called". Run again, it reaches only those not yet reached.
 */
import { AppError } from './errors';
import type { FanOutReport, Pacer } from './fan-out';
import { buildKallelseView } from './kallelse-view';
import { meetingToSendFor, sendToGroup, type GroupSendInput, type SendToGroupDeps } from './send-to-group';

export const KALLELSE = 'kallelse';

export async function sendKallelse(deps: SendToGroupDeps, pacer: Pacer, input: GroupSendInput): Promise<FanOutReport> {
  const repos = deps.repositories;
  const { meeting, group } = await meetingToSendFor(deps, input);
  if (meeting.status === 'cancelled' || meeting.startsAt.getTime() <= deps.clock.now().getTime()) {
    throw new AppError('conflict', 'The meeting is cancelled or has begun');
  }
  const [memberships, people] = await Promise.all([
    repos.memberships.listByGroup(input.tenantId, group.id),
    repos.people.listByGroup(input.tenantId, group.id),
  ]);
  const view = await buildKallelseView(repos, group, meeting, null);
  const report = await sendToGroup(deps, pacer, {
    by: input.by,
    group,
    kind: KALLELSE,
    subjectId: meeting.id,
    people: people.filter((p) => memberships.some((m) => m.personId === p.id)),
    toPerson: { kind: 'kallelse', audience: 'person', ...view },
    toChannel: { kind: 'kallelse', audience: 'channel', ...view },
    audit: { action: 'kallelse.sent', detail: { items: view.agenda.length } },
  });
  if (meeting.status === 'planned') await repos.meetings.save({ ...meeting, status: 'called' });
  return report;
}
