/**
 * What adding and changing a local goal share: strategists only, a tidy name, and no two local
 * goals of a group with one name (the picker would show them alike).
 */
import { LOCAL_GOAL_NAME_MAX } from '../domain/goal-tags';
import { AppError } from './errors';
import { findMember, isStrategist, type Actor, type Member } from './find-member';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories, UnitOfWork } from './ports/repositories';

export type LocalGoalDeps = { repositories: Repositories; unitOfWork: UnitOfWork; clock: Clock; ids: IdGenerator };

export async function localGoalStrategist(repos: Repositories, actor: Actor, groupId: string): Promise<Member> {
  const member = await findMember(repos, actor, groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', 'Bara hållbarhetsstrategerna ändrar gruppens lokala mål.');
  return member;
}

export function checkedName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > LOCAL_GOAL_NAME_MAX)
    throw new AppError('invalid', `Målet behöver ett namn på 1–${LOCAL_GOAL_NAME_MAX} tecken.`);
  return name;
}

export async function refuseTakenName(
  repos: Repositories,
  tenantId: string,
  groupId: string,
  name: string,
  except: string | null,
): Promise<void> {
  const goals = await repos.goals.listWithRetired(tenantId, groupId);
  const key = name.toLocaleLowerCase('sv-SE');
  if (goals.some((g) => g.framework === 'local' && g.groupId === groupId && g.id !== except && g.name.toLocaleLowerCase('sv-SE') === key)) {
    throw new AppError('conflict', 'Gruppen har redan ett lokalt mål med det namnet.');
  }
}
