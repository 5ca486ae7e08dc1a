/**
 * The agenda (dagordning) of one meeting: standing items from the group's template around the
 * accepted proposals, in the order the strategists chose. The stored agenda is the strategists'
 * work; accepted proposals that are not on it yet are added before the closing standing items,
 * and items whose proposal is no longer accepted drop out — so a decision on a proposal and the
 * agenda never disagree, whichever door the decision came through.
 */
import type { Proposal } from './proposal';
import type { StandingItemTemplate } from './standing-items';

export interface AgendaItem {
  id: string;
  tenantId: string;
  groupId: string;
  meetingId: string;
  /** 1-based, in agenda order. */
  position: number;
  title: string;
  durationMinutes: number;
  presenterPersonId: string | null;
  /** Set when the item came from a proposal. */
  proposalId: string | null;
  /** From the group's template (opening, round table, next meeting …). */
  standing: boolean;
}

export const AGENDA_LIMITS = { itemsMax: 40, titleMax: 200, minutesMin: 1, minutesMax: 480 } as const;

/** What a strategist may send for one item: an existing item (id), or a new one (no id). */
export interface AgendaItemDraft {
  id: string | null;
  title: string;
  durationMinutes: number;
  presenterPersonId: string | null;
  proposalId: string | null;
  standing: boolean;
}

export type AgendaProblem =
  | { code: 'too_many_items'; max: number }
  | { code: 'empty' }
  | { code: 'bad_title'; index: number }
  | { code: 'bad_duration'; index: number }
  | { code: 'unknown_item'; index: number }
  | { code: 'duplicate_item'; index: number }
  | { code: 'proposal_not_accepted'; index: number }
  | { code: 'duplicate_proposal'; index: number }
  | { code: 'presenter_not_member'; index: number }
  | { code: 'proposal_missing'; proposalId: string };

/**
 * Checks an edited agenda against what is stored and decided. Items are identified by id; every
 * accepted proposal of the meeting is on it exactly once, and nothing else claims a proposal.
 */
export function checkAgendaDraft(
  drafts: readonly AgendaItemDraft[],
  context: { storedIds: ReadonlySet<string>; acceptedProposalIds: ReadonlySet<string>; memberIds: ReadonlySet<string> },
): AgendaProblem | null {
  if (drafts.length > AGENDA_LIMITS.itemsMax) return { code: 'too_many_items', max: AGENDA_LIMITS.itemsMax };
  const ids = new Set<string>();
  const proposals = new Set<string>();
  for (const [index, draft] of drafts.entries()) {
    const title = draft.title.trim();
    if (title.length === 0 || title.length > AGENDA_LIMITS.titleMax) return { code: 'bad_title', index };
    if (
      !Number.isInteger(draft.durationMinutes) ||
      draft.durationMinutes < AGENDA_LIMITS.minutesMin ||
      draft.durationMinutes > AGENDA_LIMITS.minutesMax
    ) {
      return { code: 'bad_duration', index };
    }
    if (draft.id !== null) {
      if (!context.storedIds.has(draft.id)) return { code: 'unknown_item', index };
      if (ids.has(draft.id)) return { code: 'duplicate_item', index };
      ids.add(draft.id);
    }
    if (draft.proposalId !== null) {
      if (!context.acceptedProposalIds.has(draft.proposalId)) return { code: 'proposal_not_accepted', index };
      if (proposals.has(draft.proposalId)) return { code: 'duplicate_proposal', index };
      proposals.add(draft.proposalId);
    }
    if (draft.presenterPersonId !== null && !context.memberIds.has(draft.presenterPersonId)) return { code: 'presenter_not_member', index };
  }
  // An accepted proposal leaves the agenda by a decision (defer, decline), not by an edit.
  for (const proposalId of context.acceptedProposalIds) {
    if (!proposals.has(proposalId)) return { code: 'proposal_missing', proposalId };
  }
  // An empty agenda would read back as the template: a meeting has at least one item.
  if (drafts.length === 0) return { code: 'empty' };
  return null;
}

/**
 * The agenda as it stands: the stored items (minus proposals no longer accepted), with accepted
 * proposals not yet on it inserted before the closing standing items. A meeting with nothing
 * stored starts from the template. `newId` names the items this adds.
 */
export function composeAgenda(input: {
  tenantId: string;
  groupId: string;
  meetingId: string;
  stored: readonly AgendaItem[];
  accepted: readonly Proposal[];
  template: readonly StandingItemTemplate[];
  newId: () => string;
}): { items: AgendaItem[]; changed: boolean } {
  const acceptedIds = new Set(input.accepted.map((p) => p.id));
  const base = (item: Omit<AgendaItem, 'tenantId' | 'groupId' | 'meetingId' | 'position'>): AgendaItem => ({
    ...item,
    tenantId: input.tenantId,
    groupId: input.groupId,
    meetingId: input.meetingId,
    position: 0,
  });
  const fromTemplate = (placement: StandingItemTemplate['placement']): AgendaItem[] =>
    input.template
      .filter((t) => t.placement === placement)
      .map((t) =>
        base({ id: input.newId(), title: t.title, durationMinutes: t.minutes, presenterPersonId: null, proposalId: null, standing: true }),
      );

  const sorted = [...input.stored].sort((a, b) => a.position - b.position);
  const kept = sorted.filter((item) => item.proposalId === null || acceptedIds.has(item.proposalId));
  // Nothing left of a stored agenda (its only item's proposal declined) starts again from the template.
  const started = kept.length > 0;
  let items = started ? kept : [...fromTemplate('opening'), ...fromTemplate('closing')];

  const onAgenda = new Set(items.map((i) => i.proposalId).filter((id): id is string => id !== null));
  // Oldest decision first, so items land in the order they were accepted.
  const missing = [...input.accepted]
    .filter((p) => !onAgenda.has(p.id))
    .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.id.localeCompare(b.id))
    .map((p) =>
      base({
        id: input.newId(),
        title: p.title,
        durationMinutes: p.minutesNeeded,
        presenterPersonId: p.proposerPersonId,
        proposalId: p.id,
        standing: false,
      }),
    );
  if (missing.length > 0) {
    const closingTitles = new Set(input.template.filter((t) => t.placement === 'closing').map((t) => t.title));
    // Before the trailing run of closing standing items; at the end when there is none.
    let at = items.length;
    const closing = (item: AgendaItem | undefined): boolean => item !== undefined && item.standing && closingTitles.has(item.title);
    while (at > 0 && closing(items[at - 1])) at -= 1;
    items = [...items.slice(0, at), ...missing, ...items.slice(at)];
  }
  const positioned = items.map((item, index) => ({ ...item, position: index + 1 }));
  const changed =
    positioned.length !== sorted.length ||
    positioned.some((item, index) => item.id !== sorted[index]?.id || item.position !== sorted[index]?.position);
  return { items: positioned, changed };
}

/**
 * A revision tag of an agenda's content: the editor sends back the revision it started from, so
 * two strategists editing at once do not overwrite each other unseen. FNV-1a, like kallelseFingerprint.
 */
export function agendaRevision(items: readonly AgendaItem[]): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(
    items.map((i) => [i.id, i.position, i.title, i.durationMinutes, i.presenterPersonId, i.proposalId, i.standing]),
  );
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${items.length}-${hash.toString(16).padStart(8, '0')}`;
}

export function totalMinutes(items: readonly Pick<AgendaItem, 'durationMinutes'>[]): number {
  return items.reduce((sum, item) => sum + item.durationMinutes, 0);
}
