/**
 * The proposal form (Adaptive Cards 1.5). Inputs carry labels and client-side limits; errors the
 * server found stand right under their field, and every value the person typed is kept.
 * The submit action carries the form's one-time key, so a double click stores one proposal.
 */
import { formatIsoDate } from '../../../app/i18n/format';
import type { Locale } from '../../../app/i18n/locale';
import { proposalMessages } from '../../../app/i18n/proposal-messages';
import type { ProposalFormView } from '../../../app/open-proposal-form';
import { PROPOSAL_LIMITS, type ProposalField } from '../../../domain/proposal';
import { escapeCardText } from '../markdown';
import { CARD_SCHEMA, fallbackFor, attention, executeAction, heading, paragraph, type AdaptiveCard, type CardElement } from './card-parts';

export const PROPOSAL_VERBS = {
  open: 'proposal.open',
  submit: 'proposal.submit',
  edit: 'proposal.edit',
  withdraw: 'proposal.withdraw',
  refresh: 'proposal.refresh',
} as const;

export function proposalFormCard(form: ProposalFormView, locale: Locale): AdaptiveCard {
  const m = proposalMessages(locale);
  const errorUnder = (field: ProposalField): CardElement[] => {
    const error = form.errors[field];
    return error ? [attention(m.errors[error])] : [];
  };
  const hasErrors = Object.keys(form.errors).length > 0;
  const title = form.proposalId ? m.changeTitle : m.formTitle;
  const meetingChoices = form.choices.meetings.map((meeting) => ({
    title: m.meetingChoice(meeting.title, formatIsoDate(meeting.startsAt), formatIsoDate(meeting.lastDayToPropose)),
    value: meeting.id,
  }));

  const body: CardElement[] = [
    heading(title),
    paragraph(escapeCardText(m.formIntro(form.groupName)), { isSubtle: true, spacing: 'Small' }),
    ...(hasErrors ? [attention(m.fixErrors)] : []),
    {
      type: 'Input.Text',
      id: 'title',
      label: m.labels.title,
      placeholder: m.placeholders.title,
      isRequired: true,
      errorMessage: m.errors.required,
      maxLength: PROPOSAL_LIMITS.titleMax,
      value: form.values.title,
    },
    ...errorUnder('title'),
    {
      type: 'Input.Text',
      id: 'description',
      label: m.labels.description,
      placeholder: m.placeholders.description,
      isMultiline: true,
      maxLength: PROPOSAL_LIMITS.descriptionMax,
      value: form.values.description,
    },
    ...errorUnder('description'),
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: m.labels.kind,
      style: 'compact',
      isRequired: true,
      errorMessage: m.errors.required,
      choices: form.choices.kinds.map((kind) => ({ title: m.kinds[kind], value: kind })),
      value: form.values.kind,
    },
    ...errorUnder('kind'),
    {
      type: 'Input.ChoiceSet',
      id: 'organisationId',
      label: m.labels.organisationId,
      style: 'compact',
      choices: form.choices.organisations.map((o) => ({ title: o.name, value: o.id })),
      value: form.values.organisationId ?? '',
    },
    ...errorUnder('organisationId'),
    {
      type: 'Input.ChoiceSet',
      id: 'goalIds',
      label: m.labels.goalIds,
      style: 'compact',
      isMultiSelect: true,
      choices: form.choices.goals.map((g) => ({ title: `${m.frameworks[g.framework]} ${g.number}: ${g.name}`, value: g.id })),
      value: form.values.goalIds.join(','),
    },
    ...errorUnder('goalIds'),
    {
      type: 'Input.Number',
      id: 'minutesNeeded',
      label: m.labels.minutesNeeded,
      min: PROPOSAL_LIMITS.minutesMin,
      max: PROPOSAL_LIMITS.minutesMax,
      isRequired: true,
      errorMessage: m.errors['out-of-range'],
      value: Number.isFinite(form.values.minutesNeeded) ? form.values.minutesNeeded : undefined,
    },
    ...errorUnder('minutesNeeded'),
    meetingChoices.length > 0
      ? {
          type: 'Input.ChoiceSet',
          id: 'meetingId',
          label: m.labels.meetingId,
          style: 'compact',
          isRequired: true,
          errorMessage: m.errors['unknown-choice'],
          choices: meetingChoices,
          value: form.values.meetingId ?? meetingChoices[0]?.value ?? '',
        }
      : paragraph(m.noOpenMeeting, { isSubtle: true }),
    ...errorUnder('meetingId'),
  ];

  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    actions: [
      executeAction(
        m.submit,
        PROPOSAL_VERBS.submit,
        { submissionKey: form.submissionKey, proposalId: form.proposalId ?? '', groupId: form.groupId },
        { style: 'positive', associatedInputs: 'auto' },
      ),
    ],
    fallbackText: fallbackFor(title, locale),
    speak: title,
  };
}
