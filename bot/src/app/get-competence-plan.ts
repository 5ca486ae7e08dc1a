/**
 * The tab's *Kompetensutveckling* for one year: the ledger (planned, held and cancelled
 * activities, in date order), the members' suggestions with their votes, and — for strategists —
 * what the activity form offers: the group's organisations and the actions of its meetings.
 * Every member reads it; only strategists get `mayPlan`.
 */
import { planByMonth, stockholmToday } from '../domain/competence';
import { toStockholm } from '../domain/stockholm-time';
import { describeActivities, describeSuggestions, loadGroupNames, type ActivityView, type SuggestionView } from './competence-view';
import { AppError } from './errors';
import { findMember, isStrategist, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

/** More suggestions than this is a list no one reads; the oldest planned ones drop off first. */
export const SUGGESTIONS_SHOWN = 100;

export interface CompetencePlan {
  year: number;
  /** Today in Stockholm, so the tab knows what is past without its own clock. */
  today: string;
  mayPlan: boolean;
  activities: ActivityView[];
  /** Planned and held activities' ids by month (January first); cancelled ones are in the ledger only. */
  months: string[][];
  suggestions: SuggestionView[];
  /** For the strategists' form; empty for everyone else. */
  choices: {
    organisations: { id: string; name: string }[];
    actions: { id: string; title: string; meetingTitle: string; meetingDate: string }[];
  };
}

export async function getCompetencePlan(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { groupId: string; year?: number },
): Promise<CompetencePlan> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  const now = deps.clock.now();
  const year = input.year ?? toStockholm(now).year;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('invalid', 'year: ett år från 2000 till 2100');
  const { tenantId, id: groupId } = member.group;
  const strategist = isStrategist(member);

  const [names, stored, suggestions] = await Promise.all([
    loadGroupNames(repos, tenantId, groupId),
    repos.competence.listByGroupBetween(tenantId, groupId, `${year}-01-01`, `${year + 1}-01-01`),
    repos.competence.listSuggestions(tenantId, groupId, SUGGESTIONS_SHOWN),
  ]);
  const activities = await describeActivities(repos, stored, names);
  return {
    year,
    today: stockholmToday(now),
    mayPlan: strategist,
    activities,
    months: planByMonth(activities, year).map((month) => month.map((a) => a.id)),
    suggestions: await describeSuggestions(repos, suggestions, input.personId, names),
    choices: strategist
      ? {
          organisations: [...names.organisations].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
          actions: await groupActions(repos, tenantId, groupId),
        }
      : { organisations: [], actions: [] },
  };
}

/** Every action of the group's meetings, newest meeting first: what *vad vi lärde oss* may point at. */
async function groupActions(repos: Repositories, tenantId: string, groupId: string): Promise<CompetencePlan['choices']['actions']> {
  const meetings = (await repos.meetings.listByGroup(tenantId, groupId)).reverse();
  const perMeeting = await Promise.all(meetings.map((m) => repos.actionItems.listByMeeting(tenantId, m.id)));
  return meetings.flatMap((meeting, i) =>
    (perMeeting[i] ?? []).map((action) => ({
      id: action.id,
      title: action.title,
      meetingTitle: meeting.title,
      meetingDate: stockholmToday(meeting.startsAt),
    })),
  );
}
