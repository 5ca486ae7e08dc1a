/**
 * The tip form as the bot's card and the message extension's task module show it: the groups the
 * caller may send a tip to (a picker only when there are several), a one-time key, and the values
 * to start from (the link and text of a Teams message passed on).
 */
import { boundQuote, firstHttpsUrl } from '../domain/tip';
import { notAMember, type Actor } from './find-member';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories } from './ports/repositories';

export interface TipFormView {
  groups: { id: string; name: string }[];
  submissionKey: string;
  values: { url: string; comment: string };
  /** The message passed on, bounded; null from the chat or the tab. */
  quote: string | null;
}

export async function openTipForm(
  deps: { repositories: Repositories; ids: IdGenerator },
  input: Actor & { messageText?: string | null },
): Promise<TipFormView> {
  const repos = deps.repositories;
  const memberships = await repos.memberships.listByPerson(input.tenantId, input.personId);
  const groups: TipFormView['groups'] = [];
  for (const membership of memberships) {
    const group = await repos.groups.find(input.tenantId, membership.groupId);
    if (group) groups.push({ id: group.id, name: group.name });
  }
  if (groups.length === 0) throw notAMember();
  const quote = boundQuote(input.messageText ?? null);
  return {
    groups,
    submissionKey: deps.ids(),
    values: { url: quote ? (firstHttpsUrl(quote) ?? '') : '', comment: '' },
    quote,
  };
}
