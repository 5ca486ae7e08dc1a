/**
 * The tab's *Mötesplan*: a year's meetings with their chairs, the group's strategists (who may
 * chair), whether the caller may change the plan, and what a new year's plan starts from. Every
 * member may read it; only strategists get `canChange`.
 */
import { nextMeeting } from '../domain/meeting';
import { patternOf } from '../domain/meeting-plan';
import { fromStockholm, toStockholm } from '../domain/stockholm-time';
import { describeMeeting, type MeetingView } from './describe-meeting';
import { findMember, isStrategist, type Actor } from './find-member';
import { strategistIds } from './meeting-access';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

export interface PlanDefaults {
  count: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Week of the month, 1–4, or 5 for the last. */
  occurrence: number;
  startTime: string;
  durationMinutes: number;
  place: string;
  onlineUrl: string | null;
}

export interface MeetingPlan {
  group: { id: string; name: string };
  year: number;
  canChange: boolean;
  strategists: { id: string; name: string }[];
  nextMeetingId: string | null;
  /** The year's meetings in time order, cancelled ones too (they stay on record). */
  meetings: MeetingView[];
  defaults: PlanDefaults;
}

/** The charter's "about eight a year"; a group that plans otherwise changes it in the dialog. */
const DEFAULT_COUNT = 8;

export async function getMeetingPlan(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { groupId: string; year?: number },
): Promise<MeetingPlan> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  const group = member.group;
  const [meetings, people, strategists] = await Promise.all([
    repos.meetings.listByGroup(input.tenantId, group.id),
    repos.people.listByGroup(input.tenantId, group.id),
    strategistIds(repos, input.tenantId, group.id),
  ]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const now = deps.clock.now();
  const next = nextMeeting(meetings, now);
  const year = input.year ?? toStockholm(next?.startsAt ?? now).year;
  const from = fromStockholm({ year, month: 1, day: 1, hour: 0, minute: 0 });
  const to = fromStockholm({ year: year + 1, month: 1, day: 1, hour: 0, minute: 0 });
  const latest = [...meetings].reverse().find((m) => m.status !== 'cancelled');
  return {
    group: { id: group.id, name: group.name },
    year,
    canChange: isStrategist(member),
    strategists: strategists.map((id) => ({ id, name: peopleById.get(id)?.name ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    nextMeetingId: next?.id ?? null,
    meetings: meetings.filter((m) => m.startsAt >= from && m.startsAt < to).map((m) => describeMeeting(m, peopleById)),
    defaults: {
      count: DEFAULT_COUNT,
      ...(latest ? patternOf(latest) : { weekday: 3, occurrence: 2, startTime: '13:00' }),
      durationMinutes: latest?.durationMinutes ?? group.settings.meetingMinutes,
      place: latest?.place ?? '',
      onlineUrl: latest?.onlineUrl ?? null,
    },
  };
}
