/**
 * A strategist plans a year of meetings from a pattern ("8 a year, the second Wednesday at
 * 13:00"). A year that has meetings already is refused unless the strategist says to add to it;
 * then a date that already has a meeting is skipped, so a repeated request (a double click, a
 * retry) creates nothing twice. Dates already past are skipped too. Each new meeting's chair is
 * the other strategist than the meeting before it. `preview` answers the same without storing.
 */
import type { Meeting } from '../domain/meeting';
import { chairsForNewMeetings, MEETING_LIMITS, stockholmDateAndTime } from '../domain/meeting-plan';
import { fromStockholm } from '../domain/stockholm-time';
import { planYear } from '../domain/year-plan';
import { describeMeeting, type MeetingView } from './describe-meeting';
import { AppError } from './errors';
import { findMember, isStrategist, type Actor } from './find-member';
import { strategistIds } from './meeting-access';
import { checkDuration, checkOnlineUrl, checkPlace, checkTitle } from './meeting-fields';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories, UnitOfWork } from './ports/repositories';

export interface MeetingPattern {
  year: number;
  count: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Week of the month, 1–4, or 5 for the last. */
  occurrence: number;
  /** "13:00", Stockholm time. */
  startTime: string;
  /** The months to meet in; when absent, the meetings are spread over the year (July left out). */
  months?: readonly number[] | undefined;
  durationMinutes: number;
  place: string;
  onlineUrl: string | null;
  /** "Möte" gives "Möte 1", "Möte 2", … */
  titlePrefix?: string | undefined;
}

export interface PlanMeetingsInput extends Actor, MeetingPattern {
  groupId: string;
  /** Add to a year that has meetings already. */
  addToExisting: boolean;
  /** Say what would be created, store nothing. */
  preview: boolean;
}

export interface PlanMeetingsResult {
  year: number;
  /** False for a preview. */
  stored: boolean;
  /** The new meetings (or those a preview would make), in time order. */
  meetings: MeetingView[];
  /** Dates of the pattern left out: a meeting on that day already, or the day has passed. */
  skipped: { date: string; reason: 'exists' | 'past' }[];
  /** Meetings the year had before (cancelled ones not counted). */
  existing: number;
}

export async function planMeetings(
  deps: { repositories: Repositories; unitOfWork: UnitOfWork; clock: Clock; ids: IdGenerator },
  input: PlanMeetingsInput,
): Promise<PlanMeetingsResult> {
  const member = await findMember(deps.repositories, input, input.groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists plan meetings');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new AppError('invalid', 'year: 2000–2100');
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MEETING_LIMITS.countMax) {
    throw new AppError('invalid', `count: 1–${MEETING_LIMITS.countMax} meetings`);
  }
  const fields = {
    durationMinutes: checkDuration(input.durationMinutes),
    place: checkPlace(input.place),
    onlineUrl: checkOnlineUrl(input.onlineUrl),
    titlePrefix: checkTitle(input.titlePrefix ?? 'Möte', 'titlePrefix'),
  };
  const dates = planYear({
    year: input.year,
    count: input.count,
    weekday: input.weekday,
    occurrence: input.occurrence,
    startTime: input.startTime,
    ...(input.months ? { months: input.months } : {}),
  });
  const group = member.group;

  const plan = async (repos: Repositories): Promise<PlanMeetingsResult> => {
    if (!input.preview) await repos.meetings.lockPlan(input.tenantId, group.id);
    const [all, people, strategists] = await Promise.all([
      repos.meetings.listByGroup(input.tenantId, group.id),
      repos.people.listByGroup(input.tenantId, group.id),
      strategistIds(repos, input.tenantId, group.id),
    ]);
    const held = all.filter((m) => m.status !== 'cancelled');
    const from = fromStockholm({ year: input.year, month: 1, day: 1, hour: 0, minute: 0 });
    const to = fromStockholm({ year: input.year + 1, month: 1, day: 1, hour: 0, minute: 0 });
    const existing = held.filter((m) => m.startsAt >= from && m.startsAt < to);
    if (existing.length > 0 && !input.addToExisting && !input.preview) {
      throw new AppError('conflict', `year: ${input.year} has ${existing.length} meetings already; add to them or change them`);
    }
    const taken = new Set(existing.map((m) => stockholmDateAndTime(m.startsAt).date));
    const now = deps.clock.now();
    const skipped: PlanMeetingsResult['skipped'] = [];
    const starts: Date[] = [];
    for (const date of dates) {
      if (taken.has(date.localDate)) skipped.push({ date: date.localDate, reason: 'exists' });
      else if (date.startsAt.getTime() <= now.getTime()) skipped.push({ date: date.localDate, reason: 'past' });
      else starts.push(date.startsAt);
    }
    const chairs = chairsForNewMeetings(held, starts, strategists);
    const meetings: Meeting[] = starts.map((startsAt, i) => ({
      id: deps.ids(),
      tenantId: input.tenantId,
      groupId: group.id,
      title: `${fields.titlePrefix} ${existing.length + i + 1}`,
      startsAt,
      durationMinutes: fields.durationMinutes,
      place: fields.place,
      onlineUrl: fields.onlineUrl,
      chairPersonId: chairs[i] ?? null,
      status: 'planned',
    }));
    if (!input.preview && meetings.length > 0) {
      for (const meeting of meetings) await repos.meetings.save(meeting);
      await repos.audit.record({
        tenantId: input.tenantId,
        groupId: group.id,
        actorPersonId: input.personId,
        action: 'meetings.planned',
        subject: `year:${input.year}`,
        at: now,
        detail: { count: meetings.length, addedTo: existing.length, skipped: skipped.length },
      });
    }
    const peopleById = new Map(people.map((p) => [p.id, p]));
    return {
      year: input.year,
      stored: !input.preview,
      meetings: meetings.map((m) => describeMeeting(m, peopleById)),
      skipped,
      existing: existing.length,
    };
  };
  // The whole year is stored or none of it.
  return input.preview ? plan(deps.repositories) : deps.unitOfWork.transaction(plan);
}
