/**
 * Omvärldsbevakning cards: the tip form (in the chat, and as the message extension's task module)
 * and the receipt. Inputs carry labels and client-side limits; errors the server found stand under
 * their field, and what the person typed is kept. People's text goes through `escapeCardText`.
 */
import type { Locale } from '../../../app/i18n/locale';
import { tipMessages } from '../../../app/i18n/tip-messages';
import type { TipFormView } from '../../../app/open-tip-form';
import type { TipView } from '../../../app/tip-view';
import { TIP_LIMITS, type TipField, type TipFieldError } from '../../../domain/tip';
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

export const TIP_VERBS = { submit: 'tip.submit' } as const;

/** Where the form is shown: a chat card (Action.Execute) or a task module (Action.Submit, read by submitAction). */
export type TipFormPlace = { kind: 'chat' } | { kind: 'task'; commandId: string };

export function tipFormCard(
  form: TipFormView,
  locale: Locale,
  place: TipFormPlace,
  shown: { values?: { url: string; comment: string; groupId?: string }; errors?: Partial<Record<TipField, TipFieldError>> } = {},
): AdaptiveCard {
  const m = tipMessages(locale);
  const values = shown.values ?? { ...form.values, groupId: form.groups[0]?.id };
  const errors = shown.errors ?? {};
  const errorUnder = (field: TipField): CardElement[] => {
    const error = errors[field];
    return error ? [attention(m.errors[error])] : [];
  };
  const severalGroups = form.groups.length > 1;
  const body: CardElement[] = [
    heading(m.formTitle),
    paragraph(m.formIntro, { isSubtle: true, spacing: 'Small' }),
    ...(Object.keys(errors).length > 0 ? [attention(m.fixErrors)] : []),
    ...(form.quote
      ? [
          paragraph(m.fromMessage, { weight: 'Bolder', spacing: 'Medium' }),
          paragraph(escapeCardText(form.quote), { isSubtle: true, spacing: 'Small' }),
        ]
      : []),
    ...(severalGroups
      ? [
          {
            type: 'Input.ChoiceSet',
            id: 'groupId',
            label: m.labels.groupId,
            style: 'compact',
            isRequired: true,
            errorMessage: m.chooseGroup,
            choices: form.groups.map((g) => ({ title: g.name, value: g.id })),
            value: values.groupId ?? form.groups[0]?.id ?? '',
          },
        ]
      : []),
    {
      type: 'Input.Text',
      id: 'url',
      label: m.labels.url,
      placeholder: m.placeholders.url,
      style: 'Url',
      maxLength: TIP_LIMITS.urlMax,
      value: values.url,
    },
    ...errorUnder('url'),
    {
      type: 'Input.Text',
      id: 'comment',
      label: m.labels.comment,
      placeholder: m.placeholders.comment,
      isMultiline: true,
      maxLength: TIP_LIMITS.commentMax,
      value: values.comment,
    },
    ...errorUnder('comment'),
  ];
  const data: Record<string, unknown> = {
    submissionKey: form.submissionKey,
    ...(severalGroups ? {} : { groupId: form.groups[0]?.id ?? '' }),
    ...(form.quote ? { quote: form.quote } : {}),
  };
  const action =
    place.kind === 'chat'
      ? executeAction(m.submit, TIP_VERBS.submit, data, { style: 'positive', associatedInputs: 'auto' })
      : { type: 'Action.Submit', title: m.submit, style: 'positive', data: { ...data, commandId: place.commandId } };
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    actions: [action],
    fallbackText: fallbackFor(m.formTitle, locale),
    speak: m.formTitle,
  };
}

export function tipReceiptCard(tip: TipView, groupName: string, locale: Locale): AdaptiveCard {
  const m = tipMessages(locale);
  const items = [
    ...(tip.url ? [{ title: m.link, value: escapeCardText(tip.url) }] : []),
    ...(tip.comment ? [{ title: m.comment, value: escapeCardText(tip.comment) }] : []),
  ];
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.2',
    body: [heading(m.receiptTitle), paragraph(escapeCardText(m.receiptBody(groupName))), ...(items.length > 0 ? [facts(items)] : [])],
    fallbackText: `${m.receiptTitle} ${m.receiptBody(groupName)}`,
    speak: m.receiptTitle,
  };
}
