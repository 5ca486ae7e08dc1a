/**
 * Stores a tip for the group — from the bot's form, a Teams message (the message extension) or
 * the tab — and answers with it; or, when it breaks a rule, with the errors at their fields. Any
 * member of the group may send one. The form's one-time key makes a double click store once.
 */
import { checkTipDraft, type Tip, type TipDraft, type TipField, type TipFieldError, type TipSource } from '../domain/tip';
import { AppError } from './errors';
import { findMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories } from './ports/repositories';
import { describeTip, type TipView } from './tip-view';

export interface AddTipInput extends Actor {
  groupId: string;
  submissionKey: string;
  source: TipSource;
  draft: TipDraft;
}

export type AddTipResult =
  | { kind: 'stored'; created: boolean; groupName: string; tip: TipView }
  | { kind: 'invalid'; errors: Partial<Record<TipField, TipFieldError>> };

export async function addTip(
  deps: { repositories: Repositories; clock: Clock; ids: IdGenerator },
  input: AddTipInput,
): Promise<AddTipResult> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  const already = await repos.tips.findBySubmissionKey(input.tenantId, input.submissionKey);
  if (already) return receipt(already, input, member.group.name, member.person.name);

  const checked = checkTipDraft(input.draft);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const now = deps.clock.now();
  const tip: Tip = {
    id: deps.ids(),
    tenantId: input.tenantId,
    groupId: member.group.id,
    senderPersonId: input.personId,
    ...checked.tip,
    source: input.source,
    status: 'new',
    proposalId: null,
    submissionKey: input.submissionKey,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await repos.tips.insert(tip);
  } catch (error) {
    // Two submits with one key raced past the look-up above: the first one stored it.
    const winner = await repos.tips.findBySubmissionKey(input.tenantId, input.submissionKey);
    if (winner) return receipt(winner, input, member.group.name, member.person.name);
    throw error;
  }
  await repos.audit.record({
    tenantId: input.tenantId,
    groupId: member.group.id,
    actorPersonId: input.personId,
    action: 'tip.added',
    subject: `tip:${tip.id}`,
    at: now,
    detail: {},
  });
  return {
    kind: 'stored',
    created: true,
    groupName: member.group.name,
    tip: describeTip(tip, new Map([[input.personId, member.person.name]])),
  };
}

function receipt(tip: Tip, actor: Actor & { groupId: string }, groupName: string, name: string): AddTipResult {
  // A key is the sender's own: someone else's (or another group's) answers as "not a member".
  if (tip.senderPersonId !== actor.personId || tip.groupId !== actor.groupId) throw new AppError('forbidden', 'Not a member of this group');
  return { kind: 'stored', created: false, groupName, tip: describeTip(tip, new Map([[actor.personId, name]])) };
}
