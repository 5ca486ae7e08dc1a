/** The group's omvärldsbevakning, newest first, for its members; strategists may also dismiss. */
import { isStrategist, findMember, type Actor } from './find-member';
import type { Repositories } from './ports/repositories';
import { describeTip, type TipView } from './tip-view';

/** A group collects some tens of tips a year: the newest this many are shown. */
export const TIPS_SHOWN = 200;

export interface TipList {
  tips: TipView[];
  /** The caller may set tips aside (strategists). */
  mayDismiss: boolean;
}

export async function listTips(deps: { repositories: Repositories }, input: Actor & { groupId: string }): Promise<TipList> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  const { tenantId, id: groupId } = member.group;
  const [tips, people, proposals] = await Promise.all([
    repos.tips.listByGroup(tenantId, groupId, TIPS_SHOWN),
    repos.people.listByGroup(tenantId, groupId),
    repos.proposals.listByGroup(tenantId, groupId),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  // Senders who left the group are looked up one by one.
  const others = [...new Set(tips.map((t) => t.senderPersonId).filter((id) => !names.has(id)))];
  for (const person of await Promise.all(others.map((id) => repos.people.find(tenantId, id))))
    if (person) names.set(person.id, person.name);
  const proposalById = new Map(proposals.map((p) => [p.id, { id: p.id, title: p.title }]));
  return { tips: tips.map((tip) => describeTip(tip, names, proposalById)), mayDismiss: isStrategist(member) };
}
