/**
 * Creates a year of meetings from a pattern; the chair alternates between the group's two
 * strategists, carrying on from whoever chaired the last meeting before the year.
 */
import { assertChairPair, rotateChairs } from '../domain/chair-rotation';
import type { Meeting } from '../domain/meeting';
import { fromStockholm } from '../domain/stockholm-time';
import { planYear, type YearPlanPattern } from '../domain/year-plan';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories } from './ports/repositories';

export interface PlanYearInput {
  tenantId: string;
  groupId: string;
  actorPersonId: string | null;
  pattern: YearPlanPattern;
  place: string;
  onlineUrl: string | null;
  durationMinutes: number;
  /** "Möte" → "Möte 1", "Möte 2", … */
  titlePrefix: string;
  /**
   * Dates before this are left out, and the rest numbered from 1: a group that starts in the middle
   * of a year gets no meetings that have already happened (nor their invitations).
   */
  from?: Date;
}

export async function planMeetingYear(
  deps: { repositories: Repositories; clock: Clock; ids: IdGenerator },
  input: PlanYearInput,
): Promise<Meeting[]> {
  const repos = deps.repositories;
  const memberships = await repos.memberships.listByGroup(input.tenantId, input.groupId);
  const pair = assertChairPair(
    memberships
      .filter((m) => m.role === 'strategist')
      .map((m) => m.personId)
      .sort(),
  );
  const yearStart = fromStockholm({ year: input.pattern.year, month: 1, day: 1, hour: 0, minute: 0 });
  const before = await repos.meetings.listByGroup(input.tenantId, input.groupId, { from: new Date(0), to: yearStart });
  const previousChair = [...before].reverse().find((m) => m.status !== 'cancelled')?.chairPersonId ?? null;

  const from = input.from?.getTime() ?? Number.NEGATIVE_INFINITY;
  const dates = planYear(input.pattern).filter((date) => date.startsAt.getTime() >= from);
  if (dates.length === 0) return [];
  const chairs = rotateChairs(pair, dates.length, previousChair);
  const meetings: Meeting[] = dates.map((date, i) => ({
    id: deps.ids(),
    tenantId: input.tenantId,
    groupId: input.groupId,
    title: `${input.titlePrefix} ${i + 1}`,
    startsAt: date.startsAt,
    durationMinutes: input.durationMinutes,
    place: input.place,
    onlineUrl: input.onlineUrl,
    chairPersonId: chairs[i] ?? null,
    status: 'planned',
  }));
  for (const meeting of meetings) await repos.meetings.save(meeting);
  await repos.audit.record({
    tenantId: input.tenantId,
    groupId: input.groupId,
    actorPersonId: input.actorPersonId,
    action: 'meetings.planned',
    subject: `year:${input.pattern.year}`,
    at: deps.clock.now(),
    detail: { count: meetings.length },
  });
  return meetings;
}
