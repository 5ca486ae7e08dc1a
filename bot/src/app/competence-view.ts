/**
 * Activities and suggestions as members see them: organisations and people by name, each
 * suggestion with its vote count and whether the caller voted, each activity with the actions
 * that came of it. Shared by the tab's competence view and the bot's suggestion card.
 */
import type {
  CompetenceActivity,
  CompetenceKind,
  CompetenceLink,
  CompetenceStatus,
  CompetenceSuggestion,
  SuggestionStatus,
} from '../domain/competence';
import type { ActionStatus } from '../domain/minutes';
import type { Repositories } from './ports/repositories';

export interface SuggestionView {
  id: string;
  groupId: string;
  kind: CompetenceKind;
  title: string;
  description: string;
  link: string | null;
  /** Null: someone the group no longer knows. */
  suggestedBy: string | null;
  status: SuggestionStatus;
  votes: number;
  /** Whether the caller has voted for it. */
  myVote: boolean;
  createdAt: Date;
}

export interface ActivityActionView {
  id: string;
  title: string;
  status: ActionStatus;
  dueDate: string | null;
  owner: string | null;
}

export interface ActivityView {
  id: string;
  kind: CompetenceKind;
  status: CompetenceStatus;
  date: string;
  title: string;
  description: string;
  organiserOrganisation: { id: string; name: string } | null;
  organiser: string;
  participants: { organisationId: string; organisation: string; count: number }[];
  participantsTotal: number;
  links: CompetenceLink[];
  learned: string;
  actions: ActivityActionView[];
  suggestionId: string | null;
  revision: number;
}

/** Names of the group's people and organisations, read once per answer. */
export interface GroupNames {
  people: ReadonlyMap<string, string>;
  organisations: ReadonlyMap<string, string>;
}

export async function loadGroupNames(repos: Repositories, tenantId: string, groupId: string): Promise<GroupNames> {
  const [people, organisations] = await Promise.all([
    repos.people.listByGroup(tenantId, groupId),
    repos.organisations.listByGroup(tenantId, groupId),
  ]);
  return { people: new Map(people.map((p) => [p.id, p.name])), organisations: new Map(organisations.map((o) => [o.id, o.name])) };
}

export async function describeSuggestions(
  repos: Repositories,
  suggestions: readonly CompetenceSuggestion[],
  personId: string,
  names: GroupNames,
): Promise<SuggestionView[]> {
  const tenantId = suggestions[0]?.tenantId;
  if (tenantId === undefined) return [];
  const tallies = await repos.competence.voteTallies(
    tenantId,
    suggestions.map((s) => s.id),
    personId,
  );
  return suggestions.map((s) => {
    const tally = tallies.get(s.id) ?? { votes: 0, mine: false };
    return {
      id: s.id,
      groupId: s.groupId,
      kind: s.kind,
      title: s.title,
      description: s.description,
      link: s.link,
      suggestedBy: names.people.get(s.suggestedByPersonId) ?? null,
      status: s.status,
      votes: tally.votes,
      myVote: tally.mine,
      createdAt: s.createdAt,
    };
  });
}

export async function describeActivities(
  repos: Repositories,
  activities: readonly CompetenceActivity[],
  names: GroupNames,
): Promise<ActivityView[]> {
  const tenantId = activities[0]?.tenantId ?? '';
  const actionIds = [...new Set(activities.flatMap((a) => a.actionIds))];
  const actions = await Promise.all(actionIds.map((id) => repos.actionItems.find(tenantId, id)));
  const actionById = new Map(actions.filter((a) => a !== null).map((a) => [a.id, a]));
  return activities.map((a) => {
    const participants = a.participants.map((p) => ({
      organisationId: p.organisationId,
      organisation: names.organisations.get(p.organisationId) ?? '',
      count: p.count,
    }));
    const organiserName = a.organiserOrganisationId ? names.organisations.get(a.organiserOrganisationId) : undefined;
    return {
      id: a.id,
      kind: a.kind,
      status: a.status,
      date: a.date,
      title: a.title,
      description: a.description,
      organiserOrganisation: a.organiserOrganisationId && organiserName ? { id: a.organiserOrganisationId, name: organiserName } : null,
      organiser: a.organiser,
      participants,
      participantsTotal: participants.reduce((sum, p) => sum + p.count, 0),
      links: a.links,
      learned: a.learned,
      actions: a.actionIds.flatMap((id) => {
        const action = actionById.get(id);
        // Only the group's own actions are ever linked; a stray one is left out rather than shown.
        if (!action || action.groupId !== a.groupId) return [];
        return [
          {
            id: action.id,
            title: action.title,
            status: action.status,
            dueDate: action.dueDate,
            owner: action.ownerPersonId ? (names.people.get(action.ownerPersonId) ?? null) : null,
          },
        ];
      }),
      suggestionId: a.suggestionId,
      revision: a.revision,
    };
  });
}

/** One suggestion as `personId` sees it. */
export async function describeSuggestion(
  repos: Repositories,
  suggestion: CompetenceSuggestion,
  personId: string,
  names: GroupNames,
): Promise<SuggestionView> {
  const [view] = await describeSuggestions(repos, [suggestion], personId, names);
  if (!view) throw new Error('a suggestion described as none');
  return view;
}

/** One activity with names and actions. */
export async function describeActivity(repos: Repositories, activity: CompetenceActivity, names: GroupNames): Promise<ActivityView> {
  const [view] = await describeActivities(repos, [activity], names);
  if (!view) throw new Error('an activity described as none');
  return view;
}
