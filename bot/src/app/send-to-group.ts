/**
 * What every message to a whole group shares: who may send it (strategists, or the scheduler),
 * reaching members through the team roster, one card per member and one post in the channel,
 * exactly once each, and the audit line. The call for proposals and the kallelse differ only in
 * who receives them and what the notice says.
 */
import type { Group } from '../domain/group';
import type { Meeting } from '../domain/meeting';
import type { Person } from '../domain/person';
import { AppError } from './errors';
import { addReports, fanOut, noOne, type FanOutDeps, type FanOutReport, type Pacer, type Recipient } from './fan-out';
import { findMember, isStrategist, notAMember, type Actor } from './find-member';
import type { Logger } from './ports/logger';
import type { Notice } from './ports/messenger';
import type { Roster } from './ports/roster';
import { reachTeamMembers } from './reach-team-members';

export type SendToGroupDeps = FanOutDeps & { roster: Roster; logger: Logger };

export interface GroupSendInput {
  by: Actor | 'scheduler';
  tenantId: string;
  meetingId: string;
}

/** The meeting and its group, when the caller may send to it; the same refusal for a missing id. */
export async function meetingToSendFor(deps: SendToGroupDeps, input: GroupSendInput): Promise<{ meeting: Meeting; group: Group }> {
  const repos = deps.repositories;
  const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
  if (!meeting) throw notAMember();
  if (input.by !== 'scheduler') {
    const member = await findMember(repos, input.by, meeting.groupId);
    if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists send to the whole group');
  }
  const group = await repos.groups.find(input.tenantId, meeting.groupId);
  if (!group) throw new AppError('forbidden', 'No such meeting for this caller');
  return { meeting, group };
}

export async function sendToGroup(
  deps: SendToGroupDeps,
  pacer: Pacer,
  message: {
    by: GroupSendInput['by'];
    group: Group;
    kind: string;
    subjectId: string;
    people: readonly Person[];
    toPerson: Notice | ((person: Person) => Promise<Notice>);
    /** Null: no post in the channel (reminders go to each person only). */
    toChannel: Notice | null;
    audit: { action: string; detail?: Record<string, unknown> };
  },
): Promise<FanOutReport> {
  const repos = deps.repositories;
  const { group } = message;
  await reachTeamMembers(deps, group, message.people);
  const recipients: Recipient[] = [];
  for (const person of message.people) {
    recipients.push({
      target: `person:${person.id}`,
      name: person.name,
      email: person.email,
      conversation: await repos.conversations.findPersonal(group.tenantId, person.id),
    });
  }
  const job = { tenantId: group.tenantId, groupId: group.id, kind: message.kind, subjectId: message.subjectId };
  const byTarget = new Map(message.people.map((p) => [`person:${p.id}`, p]));
  const toPerson = message.toPerson;
  const notice =
    typeof toPerson === 'function'
      ? async (recipient: Recipient) => {
          const person = byTarget.get(recipient.target);
          if (!person) throw new Error(`no person behind ${recipient.target}`); // recipients are built from people
          return toPerson(person);
        }
      : toPerson;
  const toPeople = await fanOut(deps, pacer, { ...job, notice, recipients });
  const toChannel: FanOutReport = message.toChannel
    ? await fanOut(deps, pacer, {
        ...job,
        notice: message.toChannel,
        recipients: [
          {
            target: `channel:${group.id}`,
            name: group.name,
            conversation: await repos.conversations.findGroupChannel(group.tenantId, group.id),
          },
        ],
      })
    : noOne();
  const report = addReports(toPeople, toChannel);
  await repos.audit.record({
    tenantId: group.tenantId,
    groupId: group.id,
    actorPersonId: message.by === 'scheduler' ? null : message.by.personId,
    action: message.audit.action,
    subject: `meeting:${message.subjectId}`,
    at: deps.clock.now(),
    detail: { sent: report.sent, mailed: report.mailed.length, notReached: report.notReached.length, ...message.audit.detail },
  });
  return report;
}
