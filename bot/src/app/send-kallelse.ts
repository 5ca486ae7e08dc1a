/**
 * The chair sends the kallelse: a 1:1 card to every member (with *Kommer* / *Kommer inte* /
 * *Ersättare kommer*) and a post in the group's channel, with time, place, chair and the agenda.
 * The meeting becomes "called". Run again, it reaches only those not yet reached.
 */
import { AppError } from './errors';
import type { FanOutReport, Pacer } from './fan-out';
import { buildKallelseView, KALLELSE, type KallelseView } from './kallelse-view';
import { refreshSentKallelse } from './refresh-sent-kallelse';
import { meetingToSendFor, sendToGroup, type GroupSendInput, type SendToGroupDeps } from './send-to-group';

export { KALLELSE } from './kallelse-view';

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
  // "Called" first: a decision taken while the kallelse goes out then refreshes what was sent.
  if (meeting.status === 'planned') await repos.meetings.save({ ...meeting, status: 'called' });
  const called = { ...meeting, status: meeting.status === 'planned' ? ('called' as const) : meeting.status };
  const view = await buildKallelseView(repos, group, called, null);
  const report = await sendToGroup(deps, pacer, {
    by: input.by,
    group,
    kind: KALLELSE,
    subjectId: meeting.id,
    people: people.filter((p) => memberships.some((m) => m.personId === p.id)),
    // Built per person when it is sent, so a change during a long fan-out reaches the rest.
    toPerson: async () => ({ kind: 'kallelse', audience: 'person', ...(await buildKallelseView(repos, group, called, null)) }),
    toChannel: { kind: 'kallelse', audience: 'channel', ...view },
    audit: { action: 'kallelse.sent', detail: { items: view.agenda.length } },
  });
  const after = await buildKallelseView(repos, group, called, null);
  if (agendaKey(after) !== agendaKey(view)) await refreshSentKallelse(deps, pacer, { tenantId: input.tenantId, meetingId: meeting.id });
  return report;
}

const agendaKey = (view: KallelseView) => JSON.stringify(view.agenda.map((i) => [i.title, i.minutes, i.presenterName]));
