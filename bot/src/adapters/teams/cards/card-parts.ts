/**
 * Building blocks every card shares. Cards are plain objects built by pure functions (never
 * templates filled with user text), so `${…}` expressions cannot be injected; people's text goes
 * through `escapeCardText` before it reaches a TextBlock.
 */
import type { Locale } from '../../../app/i18n/locale';
import { botMessages } from '../../../app/i18n/messages';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  refresh?: { action: CardElement; userIds?: string[] };
  fallbackText?: string;
  speak?: string;
}

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export const heading = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  size: 'Large',
  weight: 'Bolder',
  wrap: true,
  style: 'heading',
});
export const paragraph = (text: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });
export const subheading = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' });
export const attention = (text: string): CardElement => ({ type: 'TextBlock', text, wrap: true, color: 'Attention', spacing: 'Small' });
export const facts = (items: { title: string; value: string }[]): CardElement => ({ type: 'FactSet', facts: items, spacing: 'Small' });

/** What a client that cannot render a card with buttons shows instead: the title and what to do. */
export function fallbackFor(title: string, locale: Locale): string {
  return `${title}. ${botMessages(locale).openInTeams}`;
}

/** A short card that only says something: errors, confirmations. */
export function noticeCard(title: string, text: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.2',
    body: [heading(title), paragraph(text)],
    fallbackText: `${title} ${text}`,
  };
}

/**
 * An Action.Execute (Universal Actions, Adaptive Cards 1.4+) that falls back to Action.Submit on
 * clients that lack it (Teams mobile is documented at 1.2): the bot handles both the same way.
 */
export function executeAction(title: string, verb: string, data: Record<string, unknown>, extra: CardElement = {}): CardElement {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...extra,
    fallback: { type: 'Action.Submit', title, data: { ...data, verb } },
  };
}
