/**
 * A strategist adds an activity to the ledger or changes one: kind, status (planned / held /
 * cancelled), date, title, organiser, participants per organisation, links, *vad vi lärde oss*
 * and the actions that came of it. A change names the revision it started from, so the other
 * strategist's edit in between is not overwritten unseen. Stored whole, with its audit event.
 */
import {
  checkActivityDraft,
  type ActivityDraft,
  type ActivityField,
  type CompetenceActivity,
  type CompetenceFieldError,
} from '../domain/competence';
import { describeActivity, loadGroupNames, type ActivityView } from './competence-view';
import { AppError } from './errors';
import { findMember, isStrategist, notAMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories, UnitOfWork } from './ports/repositories';

export const ONLY_STRATEGISTS_PLAN = 'Bara hållbarhetsstrategerna planerar och för in kompetensutveckling';

export interface SaveActivityInput extends Actor {
  groupId: string;
  /** Null: a new activity. */
  activityId: string | null;
  /** The revision the change started from (ignored for a new activity). */
  expectedRevision?: number;
  draft: ActivityDraft;
}

export type SaveActivityResult =
  | { kind: 'saved'; created: boolean; activity: ActivityView }
  | { kind: 'invalid'; errors: Partial<Record<ActivityField, CompetenceFieldError>> };

export async function saveCompetenceActivity(
  deps: { repositories: Repositories; unitOfWork: UnitOfWork; clock: Clock; ids: IdGenerator },
  input: SaveActivityInput,
): Promise<SaveActivityResult> {
  const member = await findMember(deps.repositories, input, input.groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', ONLY_STRATEGISTS_PLAN);
  const { tenantId, id: groupId } = member.group;
  const now = deps.clock.now();

  return deps.unitOfWork.transaction(async (repos) => {
    const existing = input.activityId ? await repos.competence.findActivity(tenantId, input.activityId) : null;
    if (input.activityId && (!existing || existing.groupId !== groupId)) throw notAMember();

    const organisations = await repos.organisations.listByGroup(tenantId, groupId);
    // Only the group's own actions may be linked; an id of another group's is as unknown as a made-up one.
    const asked = [...new Set(input.draft.actionIds)].slice(0, 50);
    const found = await Promise.all(asked.map((id) => repos.actionItems.find(tenantId, id)));
    const checked = checkActivityDraft(
      input.draft,
      {
        organisationIds: new Set(organisations.map((o) => o.id)),
        actionIds: new Set(found.flatMap((a) => (a !== null && a.groupId === groupId ? [a.id] : []))),
      },
      now,
    );
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors };

    const activity: CompetenceActivity = {
      id: existing?.id ?? deps.ids(),
      tenantId,
      groupId,
      ...checked.draft,
      suggestionId: existing?.suggestionId ?? null,
      revision: existing ? existing.revision + 1 : 1,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (existing) {
      if (input.expectedRevision !== existing.revision || !(await repos.competence.saveActivityIfUnchanged(activity, existing.revision))) {
        throw new AppError('conflict', 'Aktiviteten har ändrats av någon annan sedan du öppnade den. Läs in den igen.');
      }
    } else {
      await repos.competence.insertActivity(activity);
    }
    await repos.audit.record({
      tenantId,
      groupId,
      actorPersonId: input.personId,
      action: existing ? 'competence.activity-changed' : 'competence.activity-created',
      subject: `competence:${activity.id}`,
      at: now,
      detail: { status: activity.status, participants: activity.participants.reduce((sum, p) => sum + p.count, 0) },
    });
    const view = await describeActivity(repos, activity, await loadGroupNames(repos, tenantId, groupId));
    return { kind: 'saved', created: !existing, activity: view };
  });
}
