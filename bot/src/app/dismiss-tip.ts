/** A strategist sets a tip aside: it stays in the list, marked, and no longer offers "make a proposal". */
import { mayDismiss } from '../domain/tip';
import { AppError } from './errors';
import { findMember, isStrategist, notAMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';
import { describeTip, type TipView } from './tip-view';

export const ONLY_STRATEGISTS_DISMISS = 'Only strategists dismiss tips';

export async function dismissTip(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { groupId: string; tipId: string },
): Promise<TipView> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', ONLY_STRATEGISTS_DISMISS);
  const tip = await repos.tips.find(input.tenantId, input.tipId);
  if (!tip || tip.groupId !== member.group.id) throw notAMember();
  if (!mayDismiss(tip, member.membership.role)) throw new AppError('conflict', 'The tip is already handled');
  const now = deps.clock.now();
  if (!(await repos.tips.settle(input.tenantId, tip.id, { status: 'dismissed', proposalId: null, at: now })))
    throw new AppError('conflict', 'The tip is already handled');
  await repos.audit.record({
    tenantId: input.tenantId,
    groupId: member.group.id,
    actorPersonId: input.personId,
    action: 'tip.dismissed',
    subject: `tip:${tip.id}`,
    at: now,
    detail: {},
  });
  const sender = await repos.people.find(input.tenantId, tip.senderPersonId);
  return describeTip({ ...tip, status: 'dismissed', updatedAt: now }, new Map(sender ? [[sender.id, sender.name]] : []));
}
