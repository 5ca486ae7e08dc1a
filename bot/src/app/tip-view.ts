/** A tip as the tab, the bot's receipt and the message extension show it. */
import type { Tip } from '../domain/tip';

export interface TipView {
  id: string;
  groupId: string;
  url: string | null;
  comment: string;
  quote: string | null;
  source: Tip['source'];
  status: Tip['status'];
  /** Who sent it; a name of null: someone the group no longer knows. */
  sender: { personId: string; name: string | null };
  /** The proposal made of it, when it was still found in the group. */
  proposal: { id: string; title: string } | null;
  createdAt: Date;
}

export function describeTip(
  tip: Tip,
  names: ReadonlyMap<string, string>,
  proposals: ReadonlyMap<string, { id: string; title: string }> = new Map(),
): TipView {
  return {
    id: tip.id,
    groupId: tip.groupId,
    url: tip.url,
    comment: tip.comment,
    quote: tip.quote,
    source: tip.source,
    status: tip.status,
    sender: { personId: tip.senderPersonId, name: names.get(tip.senderPersonId) ?? null },
    proposal: tip.proposalId ? (proposals.get(tip.proposalId) ?? null) : null,
    createdAt: tip.createdAt,
  };
}
