/**
 * A strategist changes a meeting still to come: its date and time (typed in Stockholm time), its
 * length, place, online link or title. Only the fields sent change. A meeting whose kallelse went
 * out may still move; the answer says so, so the tab can ask the strategist to tell the group —
 * the members' kallelse still shows what it said when it was sent.
 */
import type { Meeting } from '../domain/meeting';
import { mayChangeMeeting, stockholmDateAndTime, stockholmInstant } from '../domain/meeting-plan';
import { describeMeeting, type MeetingView } from './describe-meeting';
import { AppError } from './errors';
import type { Actor } from './find-member';
import { meetingForStrategist } from './meeting-access';
import { checkDuration, checkOnlineUrl, checkPlace, checkTitle } from './meeting-fields';
import type { FanOutDeps, Pacer } from './fan-out';
import type { UnitOfWork } from './ports/repositories';
import { refreshSentKallelse } from './refresh-sent-kallelse';

export interface MeetingChanges {
  /** "2027-02-10", Stockholm calendar. */
  date?: string | undefined;
  /** "13:00", Stockholm time. */
  time?: string | undefined;
  durationMinutes?: number | undefined;
  place?: string | undefined;
  onlineUrl?: string | null | undefined;
  title?: string | undefined;
}

export interface MeetingChangeResult {
  meeting: MeetingView;
  /** The kallelse went out before this change: the group should hear of it. */
  kallelseAlreadySent: boolean;
}

const FIELDS = ['title', 'startsAt', 'durationMinutes', 'place', 'onlineUrl'] as const;

export async function editMeeting(
  deps: FanOutDeps & { unitOfWork: UnitOfWork },
  pacer: Pacer,
  input: Actor & { meetingId: string } & MeetingChanges,
): Promise<MeetingChangeResult> {
  // One change at a time per meeting: the row is held while it is read, checked and written.
  const result = await deps.unitOfWork.transaction((repositories) => applyChanges({ ...deps, repositories }, input));
  // Every kallelse already sent shows the new time and place (the agenda's times move with it).
  if (result.kallelseAlreadySent) await refreshSentKallelse(deps, pacer, { tenantId: input.tenantId, meetingId: input.meetingId });
  return result;
}

async function applyChanges(deps: FanOutDeps, input: Actor & { meetingId: string } & MeetingChanges): Promise<MeetingChangeResult> {
  const repos = deps.repositories;
  const { meeting, member } = await meetingForStrategist(repos, input, input.meetingId, 'change meetings');
  if (!mayChangeMeeting(meeting, deps.clock.now()))
    throw new AppError('conflict', 'The meeting has started, been held or been cancelled: it can no longer change');

  const current = stockholmDateAndTime(meeting.startsAt);
  let startsAt = meeting.startsAt;
  if (input.date !== undefined || input.time !== undefined) {
    const date = input.date ?? current.date;
    const time = input.time ?? current.time;
    const instant = stockholmInstant(date, time);
    if (!instant) throw new AppError('invalid', `${input.date !== undefined ? 'date' : 'time'}: no such date and time in Stockholm`);
    if (instant.getTime() !== meeting.startsAt.getTime()) {
      // A meeting is moved to a time still to come; the past is kept as it was.
      if (instant.getTime() <= deps.clock.now().getTime()) throw new AppError('invalid', 'date: that time has passed');
      startsAt = instant;
    }
  }
  const changed: Meeting = {
    ...meeting,
    startsAt,
    title: input.title !== undefined ? checkTitle(input.title) : meeting.title,
    durationMinutes: input.durationMinutes !== undefined ? checkDuration(input.durationMinutes) : meeting.durationMinutes,
    place: input.place !== undefined ? checkPlace(input.place) : meeting.place,
    onlineUrl: input.onlineUrl !== undefined ? checkOnlineUrl(input.onlineUrl) : meeting.onlineUrl,
  };
  const differences = Object.fromEntries(
    FIELDS.filter((field) => String(changed[field]) !== String(meeting[field])).map((field) => [
      field,
      { from: meeting[field], to: changed[field] },
    ]),
  );
  const people = await repos.people.listByGroup(input.tenantId, member.group.id);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  // Saving the same values again (a double click) writes nothing and logs nothing.
  if (Object.keys(differences).length === 0) return { meeting: describeMeeting(meeting, peopleById), kallelseAlreadySent: false };

  await repos.meetings.save(changed);
  await repos.audit.record({
    tenantId: input.tenantId,
    groupId: member.group.id,
    actorPersonId: input.personId,
    action: 'meeting.changed',
    subject: `meeting:${meeting.id}`,
    at: deps.clock.now(),
    detail: differences,
  });
  return { meeting: describeMeeting(changed, peopleById), kallelseAlreadySent: meeting.status === 'called' };
}
