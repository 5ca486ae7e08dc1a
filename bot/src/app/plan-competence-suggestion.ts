/**
 * A strategist turns a member's suggestion into a planned activity on a date: the activity takes
 * the suggestion's kind, title, description and link, remembers where it came from, and the
 * suggestion is closed for voting. A suggestion becomes one activity; the second attempt (the
 * other strategist at the same moment) is refused.
 */
import { isCalendarDate, type CompetenceActivity } from '../domain/competence';
import { describeActivity, loadGroupNames, type ActivityView } from './competence-view';
import { AppError } from './errors';
import { findMember, isStrategist, notAMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories, UnitOfWork } from './ports/repositories';
import { ONLY_STRATEGISTS_PLAN } from './save-competence-activity';

export const ALREADY_PLANNED = 'Förslaget är redan planerat';

export async function planCompetenceSuggestion(
  deps: { repositories: Repositories; unitOfWork: UnitOfWork; clock: Clock; ids: IdGenerator },
  input: Actor & { groupId: string; suggestionId: string; date: string },
): Promise<ActivityView> {
  const member = await findMember(deps.repositories, input, input.groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', ONLY_STRATEGISTS_PLAN);
  const { tenantId, id: groupId } = member.group;
  if (!isCalendarDate(input.date)) throw new AppError('invalid', 'date: ett datum som 2026-10-14');
  const now = deps.clock.now();

  return deps.unitOfWork.transaction(async (repos) => {
    const suggestion = await repos.competence.findSuggestion(tenantId, input.suggestionId);
    if (!suggestion || suggestion.groupId !== groupId) throw notAMember();
    if (!(await repos.competence.markSuggestionPlanned(tenantId, suggestion.id, now))) throw new AppError('conflict', ALREADY_PLANNED);
    const activity: CompetenceActivity = {
      id: deps.ids(),
      tenantId,
      groupId,
      kind: suggestion.kind,
      status: 'planned',
      date: input.date,
      title: suggestion.title,
      description: suggestion.description,
      organiserOrganisationId: null,
      organiser: '',
      participants: [],
      links: suggestion.link ? [{ url: suggestion.link, label: '' }] : [],
      learned: '',
      actionIds: [],
      suggestionId: suggestion.id,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    };
    await repos.competence.insertActivity(activity);
    await repos.audit.record({
      tenantId,
      groupId,
      actorPersonId: input.personId,
      action: 'competence.suggestion-planned',
      subject: `competence:${activity.id}`,
      at: now,
      detail: {},
    });
    return describeActivity(repos, activity, await loadGroupNames(repos, tenantId, groupId));
  });
}
