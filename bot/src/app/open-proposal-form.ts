/**
 * The proposal form as the card (or any other door) shows it: the choices the group offers,
 * the values (blank, the proposer's organisation and the next open meeting pre-filled — or a
 * proposal's own values when it is being changed), and a one-time submission key.
 */
import type { Goal } from '../domain/goal';
import {
  PROPOSAL_KINDS,
  lastDayToPropose,
  openMeetings,
  type ProposalDraft,
  type ProposalField,
  type ProposalFieldError,
  type ProposalKind,
} from '../domain/proposal';
import type { Actor } from './find-member';
import type { ProposalContext } from './proposal-view';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories } from './ports/repositories';
import { proposalWorkspace } from './proposal-workspace';

export interface ProposalFormView {
  groupId: string;
  groupName: string;
  /** Set when an existing proposal is being changed. */
  proposalId: string | null;
  submissionKey: string;
  values: ProposalDraft;
  errors: Partial<Record<ProposalField, ProposalFieldError>>;
  choices: {
    kinds: readonly ProposalKind[];
    organisations: { id: string; name: string }[];
    goals: { id: string; framework: Goal['framework']; number: number; name: string }[];
    meetings: { id: string; title: string; startsAt: Date; lastDayToPropose: Date }[];
  };
}

export interface ProposalFormDeps {
  repositories: Repositories;
  clock: Clock;
  ids: IdGenerator;
}

export async function openProposalForm(
  deps: ProposalFormDeps,
  input: Actor & {
    groupId?: string | null;
    proposalId?: string | null;
    /** Pre-selected when still open (the call card's meeting). */ meetingId?: string | null;
  },
): Promise<ProposalFormView> {
  const { existing, member, context } = await proposalWorkspace(deps, input);
  const open = openMeetings(context.meetings, member.group.settings, context.now);
  const values: ProposalDraft = existing
    ? {
        title: existing.title,
        description: existing.description,
        kind: existing.kind,
        organisationId: existing.organisationId,
        goalIds: existing.goalIds,
        minutesNeeded: existing.minutesNeeded,
        meetingId: existing.meetingId,
      }
    : {
        title: '',
        description: '',
        kind: '',
        organisationId: member.person.organisationId,
        goalIds: [],
        minutesNeeded: 15,
        meetingId: open[0]?.id ?? null,
      };
  return buildProposalForm(context, member.group, {
    proposalId: existing?.id ?? null,
    submissionKey: deps.ids(),
    values,
    errors: {},
  });
}

/** The form around given values and errors: also how an invalid submission comes back. */
export function buildProposalForm(
  context: ProposalContext,
  group: { id: string; name: string },
  state: Pick<ProposalFormView, 'proposalId' | 'submissionKey' | 'values' | 'errors'>,
): ProposalFormView {
  return {
    groupId: group.id,
    groupName: group.name,
    ...state,
    choices: {
      kinds: PROPOSAL_KINDS,
      organisations: context.organisations.map((o) => ({ id: o.id, name: o.name })),
      goals: context.goals.map((g) => ({ id: g.id, framework: g.framework, number: g.number, name: g.name })),
      meetings: openMeetings(context.meetings, context.settings, context.now).map((m) => ({
        id: m.id,
        title: m.title,
        startsAt: m.startsAt,
        lastDayToPropose: lastDayToPropose(m.startsAt, context.settings),
      })),
    },
  };
}
