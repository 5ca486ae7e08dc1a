/**
 * What a card sends back, checked before anything acts on it. A card's data can be forged by
 * anyone who can post to the bot, so every field has a type and a limit; what does not parse is
 * refused as a whole and nothing is stored.
 */
import { z } from 'zod';
import { ACTION_VERBS } from './cards/action-status-card';
import { CALL_VERBS } from './cards/call-for-proposals-card';
import { RSVP_VERBS } from './cards/kallelse-card';
import { MINUTES_VERBS } from './cards/minutes-published-card';
import { PROPOSAL_VERBS } from './cards/proposal-form-card';
import { TIP_VERBS } from './cards/tip-card';
import { COMPETENCE_VERBS } from './cards/competence-cards';

/** Our ids (UUIDs; letters, digits and dashes), as the tab API's `idParam`: nothing else reaches a query. */
const ID_CHARACTERS = /^[A-Za-z0-9-]*$/;
const id = z.string().trim().min(1).max(64).regex(ID_CHARACTERS);
const optionalId = z
  .union([z.string().trim().max(64).regex(ID_CHARACTERS), z.null()])
  .optional()
  .transform((value) => (value ? value : null));
/**
 * PostgreSQL cannot store NUL (text) or half a surrogate pair (jsonb), and no one types either:
 * refused here rather than by the database.
 */
const storable = (value: string) => !value.includes('\u0000') && value.isWellFormed();
/** Generous outer limits: the domain gives the precise per-field message below these. */
const text = (max: number) =>
  z
    .union([z.string().max(max).refine(storable, 'no NUL characters or broken surrogate pairs'), z.null()])
    .optional()
    .transform((value) => value ?? '');

const submit = z.object({
  verb: z.literal(PROPOSAL_VERBS.submit),
  submissionKey: id,
  proposalId: optionalId,
  groupId: id,
  title: text(2000),
  description: text(20000),
  kind: text(64),
  organisationId: optionalId,
  goalIds: z
    .union([z.string().max(4000), z.array(z.string().max(64)).max(100), z.null()])
    .optional()
    .transform((value) => (Array.isArray(value) ? value : (value ?? '').split(',')).map((s) => s.trim()).filter((s) => s !== ''))
    .pipe(z.array(id).max(100)),
  minutesNeeded: z
    .union([z.number(), z.string().max(10), z.null()])
    .optional()
    .transform((value) => (value === null || value === undefined || value === '' ? Number.NaN : Number(value))),
  meetingId: optionalId,
});

/** The tip form (chat card): the domain checks https and lengths, these are outer limits. */
export const tipSubmit = z.object({
  verb: z.literal(TIP_VERBS.submit),
  submissionKey: id,
  groupId: id,
  url: text(4000),
  comment: text(2000),
  quote: z
    .union([z.string().max(4000).refine(storable, 'no NUL characters or broken surrogate pairs'), z.null()])
    .optional()
    .transform((value) => value ?? null),
});

const byProposal = <V extends string>(verb: V) => z.object({ verb: z.literal(verb), proposalId: id });

const competenceSuggest = z.object({
  verb: z.literal(COMPETENCE_VERBS.suggest),
  submissionKey: id,
  groupId: id,
  kind: text(64),
  title: text(2000),
  description: text(20000),
  link: text(2000),
});

const competenceVote = z.object({
  verb: z.literal(COMPETENCE_VERBS.vote),
  suggestionId: id,
  // A boolean from Action.Execute; some clients' Action.Submit fallback sends text.
  voted: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});

const cardAction = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal(PROPOSAL_VERBS.open), groupId: optionalId, meetingId: optionalId }),
  submit,
  byProposal(PROPOSAL_VERBS.edit),
  byProposal(PROPOSAL_VERBS.withdraw),
  byProposal(PROPOSAL_VERBS.refresh),
  z.object({ verb: z.literal(CALL_VERBS.nothing), meetingId: id }),
  z.object({ verb: z.literal(MINUTES_VERBS.report), meetingId: id }),
  z.object({
    verb: z.literal(ACTION_VERBS.status),
    actionId: id,
    meetingId: optionalId,
    reason: z.enum(['request', 'due-soon', 'due-today']).catch('request'),
    // Checked against Klar / Pågår / Hinder by the use case, which says what to choose (also when none was).
    status: text(20),
    comment: text(2000),
  }),
  z.object({
    verb: z.literal(RSVP_VERBS.answer),
    meetingId: id,
    answer: z.string().max(20),
    substituteName: z.union([z.string().max(2000).refine(storable, 'no NUL characters or broken surrogate pairs'), z.null()]).optional(),
  }),
  tipSubmit,
  z.object({ verb: z.literal(COMPETENCE_VERBS.open), groupId: optionalId }),
  competenceSuggest,
  competenceVote,
  z.object({ verb: z.literal(COMPETENCE_VERBS.refresh), suggestionId: id }),
]);

export type CardAction = z.infer<typeof cardAction>;

/** `verb` comes from Action.Execute's own field, or from the data of an Action.Submit fallback. */
export function parseCardAction(verb: unknown, data: unknown): CardAction | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const parsed = cardAction.safeParse({ ...data, verb: verb ?? (data as { verb?: unknown }).verb });
  return parsed.success ? parsed.data : null;
}
