/**
 * The competence cards: the form a member fills in to suggest an activity, and the suggestion
 * card with its vote count and a *Rösta* / *Ta tillbaka min röst* button. The suggestion card
 * asks Teams to refresh it for the person who sees it, so the count is current when it is looked at.
 */
import { competenceMessages } from '../../../app/i18n/competence-messages';
import type { Locale } from '../../../app/i18n/locale';
import type { SuggestionView } from '../../../app/competence-view';
import type { SuggestionFormView } from '../../../app/open-competence-suggestion-form';
import { COMPETENCE_LIMITS, type SuggestionField } from '../../../domain/competence';
import { escapeCardText } from '../markdown';
import {
  CARD_SCHEMA,
  attention,
  executeAction,
  facts,
  fallbackFor,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from './card-parts';

export const COMPETENCE_VERBS = {
  open: 'competence.open',
  suggest: 'competence.suggest',
  vote: 'competence.vote',
  refresh: 'competence.refresh',
} as const;

/** Teams refreshes a card automatically for at most 60 listed users. */
const MAX_REFRESH_USERS = 60;

export function suggestionFormCard(form: SuggestionFormView, locale: Locale): AdaptiveCard {
  const m = competenceMessages(locale);
  const errorUnder = (field: SuggestionField): CardElement[] => {
    const error = form.errors[field];
    return error ? [attention(m.errors[error])] : [];
  };
  const hasErrors = Object.keys(form.errors).length > 0;
  const body: CardElement[] = [
    heading(m.formTitle),
    paragraph(escapeCardText(m.formIntro(form.groupName)), { isSubtle: true, spacing: 'Small' }),
    ...(hasErrors ? [attention(m.fixErrors)] : []),
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: m.labels.kind,
      style: 'compact',
      isRequired: true,
      errorMessage: m.errors['unknown-choice'],
      choices: form.kinds.map((kind) => ({ title: m.kinds[kind], value: kind })),
      value: form.values.kind,
    },
    ...errorUnder('kind'),
    {
      type: 'Input.Text',
      id: 'title',
      label: m.labels.title,
      placeholder: m.placeholders.title,
      isRequired: true,
      errorMessage: m.errors.required,
      maxLength: COMPETENCE_LIMITS.titleMax,
      value: form.values.title,
    },
    ...errorUnder('title'),
    {
      type: 'Input.Text',
      id: 'description',
      label: m.labels.description,
      placeholder: m.placeholders.description,
      isMultiline: true,
      maxLength: COMPETENCE_LIMITS.descriptionMax,
      value: form.values.description,
    },
    ...errorUnder('description'),
    {
      type: 'Input.Text',
      id: 'link',
      label: m.labels.link,
      placeholder: m.placeholders.link,
      style: 'Url',
      maxLength: COMPETENCE_LIMITS.linkMax,
      value: form.values.link,
    },
    ...errorUnder('link'),
  ];
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    actions: [
      executeAction(
        m.submit,
        COMPETENCE_VERBS.suggest,
        { submissionKey: form.submissionKey, groupId: form.groupId },
        { style: 'positive', associatedInputs: 'auto' },
      ),
    ],
    fallbackText: fallbackFor(m.formTitle, locale),
    speak: m.formTitle,
  };
}

/** A suggestion with its votes; `thanks` right after it was sent. */
export function suggestionCard(suggestion: SuggestionView, locale: Locale, refreshFor: string[] = [], thanks = false): AdaptiveCard {
  const m = competenceMessages(locale);
  const open = suggestion.status === 'open';
  const body: CardElement[] = [
    heading(m.suggestionTitle),
    ...(thanks ? [paragraph(m.thanks, { spacing: 'Small' })] : []),
    paragraph(`**${escapeCardText(suggestion.title)}**`, { spacing: 'Medium' }),
    facts([
      { title: m.kind, value: m.kinds[suggestion.kind] },
      ...(suggestion.suggestedBy ? [{ title: m.suggestedBy, value: escapeCardText(suggestion.suggestedBy) }] : []),
      // A link shown as text, never as markdown: the address is what the person sees.
      ...(suggestion.link ? [{ title: m.link, value: escapeCardText(suggestion.link) }] : []),
    ]),
  ];
  if (suggestion.description) body.push(paragraph(escapeCardText(suggestion.description), { spacing: 'Small' }));
  body.push(
    paragraph(`${m.votes(suggestion.votes)}${suggestion.myVote ? ` · ${m.youVoted}` : ''}`, { spacing: 'Medium', weight: 'Bolder' }),
  );
  if (!open) body.push(paragraph(m.planned, { isSubtle: true }));
  body.push(paragraph(m.tabHint, { isSubtle: true, spacing: 'Small' }));

  const ref = { suggestionId: suggestion.id };
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    fallbackText: open ? fallbackFor(`${m.suggestionTitle}: ${suggestion.title}`, locale) : `${m.suggestionTitle}: ${suggestion.title}`,
    speak: `${m.suggestionTitle}. ${m.votes(suggestion.votes)}`,
  };
  if (open) {
    card.actions = [
      suggestion.myVote
        ? executeAction(m.unvote, COMPETENCE_VERBS.vote, { ...ref, voted: false })
        : executeAction(m.vote, COMPETENCE_VERBS.vote, { ...ref, voted: true }, { style: 'positive' }),
    ];
  }
  if (refreshFor.length > 0) {
    card.refresh = {
      action: { type: 'Action.Execute', verb: COMPETENCE_VERBS.refresh, data: ref },
      userIds: refreshFor.slice(0, MAX_REFRESH_USERS),
    };
  }
  return card;
}
