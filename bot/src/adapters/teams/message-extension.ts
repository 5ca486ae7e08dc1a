/**
 * The action-based message extension: on any Teams message, *Föreslå som punkt* opens the
 * proposal form and *Tipsa gruppen* the tip form, each as a task module prefilled with the
 * message's text; the submit stores the proposal or the tip through the same use cases as the
 * chat's cards. The invoke's value comes from whoever can post to the bot, so every part is
 * checked; what cannot be read, or is refused, is answered with a short Swedish (or English)
 * message in the task module — never an error status.
 */
import { CardFactory, type MessagingExtensionActionResponse } from 'botbuilder';
import { z } from 'zod';
import { AppError } from '../../app/errors';
import type { Actor } from '../../app/find-member';
import type { Locale } from '../../app/i18n/locale';
import { proposalMessages } from '../../app/i18n/proposal-messages';
import { tipMessages } from '../../app/i18n/tip-messages';
import type { Logger } from '../../app/ports/logger';
import { boundQuote } from '../../domain/tip';
import type { BotUseCases } from './bot-use-cases';
import { parseCardAction, tipSubmit } from './card-actions';
import type { AdaptiveCard } from './cards/card-parts';
import { PROPOSAL_VERBS, proposalFormCard } from './cards/proposal-form-card';
import { tipFormCard } from './cards/tip-card';

/** The commands' ids, as `composeExtensions[].commands[].id` in the app manifest names them. */
export const MESSAGE_EXTENSION_COMMANDS = { propose: 'foreslaPunkt', tip: 'tipsaGruppen' } as const;
const COMMAND_IDS = [MESSAGE_EXTENSION_COMMANDS.propose, MESSAGE_EXTENSION_COMMANDS.tip] as const;
type CommandId = (typeof COMMAND_IDS)[number];

/**
 * The commands as the app manifest declares them (`composeExtensions[0].commands`), so the
 * package and the bot cannot disagree about an id.
 */
export const MESSAGE_EXTENSION_MANIFEST_COMMANDS = [
  {
    id: MESSAGE_EXTENSION_COMMANDS.propose,
    type: 'action',
    context: ['message'],
    fetchTask: true,
    title: 'Föreslå som punkt',
    description: 'Föreslå meddelandet som en punkt till arbetsgruppens dagordning',
  },
  {
    id: MESSAGE_EXTENSION_COMMANDS.tip,
    type: 'action',
    context: ['message'],
    fetchTask: true,
    title: 'Tipsa gruppen',
    description: 'Skicka meddelandet till arbetsgruppens omvärldsbevakning',
  },
] as const;

/** Teams sends the whole message; its body is read, and only up to this much of it. */
const MESSAGE_MAX = 100_000;

const messagePayload = z
  .object({
    body: z
      .object({ content: z.union([z.string().max(MESSAGE_MAX), z.null()]).optional(), contentType: z.string().max(20).optional() })
      .passthrough()
      .nullish(),
  })
  .passthrough()
  .nullish();

const fetchValue = z.object({ commandId: z.enum(COMMAND_IDS), messagePayload }).passthrough();
const submitValue = z
  .object({
    commandId: z.enum(COMMAND_IDS),
    data: z.record(z.string(), z.unknown()),
    botMessagePreviewAction: z.undefined().optional(),
  })
  .passthrough();

type Answer = MessagingExtensionActionResponse;

const message = (text: string): Answer => ({ task: { type: 'message', value: text } });
const taskCard = (title: string, card: AdaptiveCard): Answer => ({
  task: { type: 'continue', value: { title, width: 'medium', height: 'large', card: CardFactory.adaptiveCard(card) } },
});

export interface ExtensionTurn {
  useCases: BotUseCases;
  logger: Logger;
  locale: Locale;
  /** The caller, or null when Arbetsrum does not know them. */
  actor: () => Promise<Actor | null>;
}

/** `composeExtension/fetchTask`: the form for the command, prefilled with the message's text. */
export async function fetchExtensionTask(turn: ExtensionTurn, value: unknown): Promise<Answer> {
  const m = tipMessages(turn.locale);
  const parsed = fetchValue.safeParse(value);
  if (!parsed.success) return message(m.cannotRead);
  return guarded(turn, async (actor) => {
    const text = boundQuote(messageText(parsed.data.messagePayload?.body ?? null));
    const commandId = parsed.data.commandId;
    if (commandId === MESSAGE_EXTENSION_COMMANDS.tip) {
      const form = await turn.useCases.openTipForm({ ...actor, messageText: text });
      return taskCard(m.taskTitles.tip, tipFormCard(form, turn.locale, { kind: 'task', commandId }));
    }
    const form = await turn.useCases.openProposalForm({ ...actor });
    const card = proposalFormCard({ ...form, values: { ...form.values, description: text ?? '' } }, turn.locale);
    return taskCard(m.taskTitles.proposal, asTaskForm(card, commandId, form, turn.locale));
  });
}

/** `composeExtension/submitAction`: stores the proposal or the tip, or shows the form again with its errors. */
export async function submitExtensionAction(turn: ExtensionTurn, value: unknown): Promise<Answer> {
  const m = tipMessages(turn.locale);
  const parsed = submitValue.safeParse(value);
  if (!parsed.success) return message(m.cannotRead);
  const { commandId, data } = parsed.data;
  return guarded(turn, async (actor) => {
    if (commandId === MESSAGE_EXTENSION_COMMANDS.propose) {
      const action = parseCardAction(PROPOSAL_VERBS.submit, data);
      if (!action || action.verb !== PROPOSAL_VERBS.submit || action.proposalId !== null) return message(m.cannotRead);
      const result = await turn.useCases.submitProposal({
        ...actor,
        groupId: action.groupId,
        proposalId: null,
        submissionKey: action.submissionKey,
        draft: {
          title: action.title,
          description: action.description,
          kind: action.kind,
          organisationId: action.organisationId,
          goalIds: action.goalIds,
          minutesNeeded: action.minutesNeeded,
          meetingId: action.meetingId,
        },
      });
      if (result.kind === 'stored') return message(m.proposalSent(result.proposal.title));
      return taskCard(m.taskTitles.proposal, asTaskForm(proposalFormCard(result.form, turn.locale), commandId, result.form, turn.locale));
    }
    const tip = tipSubmit.safeParse({ ...data, verb: 'tip.submit' });
    if (!tip.success) return message(m.cannotRead);
    const { groupId, submissionKey, url, comment, quote } = tip.data;
    const result = await turn.useCases.addTip({
      ...actor,
      groupId,
      submissionKey,
      source: 'message-extension',
      draft: { url, comment, quote },
    });
    if (result.kind === 'stored') return message(m.tipSent(result.groupName));
    const form = await turn.useCases.openTipForm(actor);
    return taskCard(
      m.taskTitles.tip,
      tipFormCard(
        { ...form, submissionKey, quote },
        turn.locale,
        { kind: 'task', commandId },
        { values: { url, comment, groupId }, errors: result.errors },
      ),
    );
  });
}

/** The caller known, and every refusal or failure answered in words, never as an error status. */
async function guarded(turn: ExtensionTurn, work: (actor: Actor) => Promise<Answer>): Promise<Answer> {
  const m = tipMessages(turn.locale);
  try {
    const actor = await turn.actor();
    if (!actor) return message(m.onlyMembers);
    return await work(actor);
  } catch (error) {
    if (error instanceof AppError) return message(error.code === 'forbidden' || error.code === 'not-found' ? m.onlyMembers : m.cannotRead);
    turn.logger.error(
      { err: error instanceof Error ? { name: error.name, message: error.message } : String(error) },
      'message extension failed',
    );
    return message(m.somethingWrong);
  }
}

/** The proposal form with an Action.Submit (task modules do not run Action.Execute) carrying the command. */
function asTaskForm(
  card: AdaptiveCard,
  commandId: CommandId,
  form: { submissionKey: string; groupId: string },
  locale: Locale,
): AdaptiveCard {
  return {
    ...card,
    actions: [
      {
        type: 'Action.Submit',
        title: proposalMessages(locale).submit,
        style: 'positive',
        data: { commandId, submissionKey: form.submissionKey, proposalId: '', groupId: form.groupId },
      },
    ],
  };
}

/** A message's text: HTML (Teams' usual body) as plain text, with paragraphs and line breaks as spaces. */
export function messageText(body: { content?: string | null; contentType?: string } | null): string | null {
  const content = body?.content;
  if (typeof content !== 'string' || content === '') return null;
  // PostgreSQL stores neither NUL nor half a surrogate pair, and no one means either.
  const storable = content.replaceAll('\u0000', '').toWellFormed();
  if (body?.contentType !== 'html') return storable;
  return storable
    .replace(/<(br|\/p|\/div|\/li)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]{2,8});/gi, (entity: string, name: string) => decodeEntity(entity, name));
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(entity: string, name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith('#')) {
    const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number.parseInt(lower.slice(1), 10);
    // No NUL, no lone surrogate, nothing beyond Unicode: the database could not store them.
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
  }
  return NAMED[lower] ?? entity;
}
