/** `mina åtgärder`: the caller's open action items, the soonest due first (schema 1.2: every client). */
import { actionMessages } from '../../../app/i18n/action-messages';
import type { Locale } from '../../../app/i18n/locale';
import type { MyActionView } from '../../../app/list-my-actions';
import { formatLongDate } from '../../../app/i18n/format';
import { CARD_SCHEMA, heading, paragraph, type AdaptiveCard, type CardElement } from './card-parts';
import { escapeCardText } from '../markdown';

/** A phone shows this many before the card gets unwieldy; the tab has them all. */
const MAX_SHOWN = 20;

export function myActionsCard(actions: readonly MyActionView[], locale: Locale): AdaptiveCard {
  const m = actionMessages(locale);
  const body: CardElement[] = [heading(m.title)];
  if (actions.length === 0) body.push(paragraph(m.none));
  for (const action of actions.slice(0, MAX_SHOWN)) {
    const details = [
      m.statuses[action.status],
      action.dueDate ? m.due(action.dueDate) : null,
      `${escapeCardText(action.meeting.title)}, ${formatLongDate(action.meeting.startsAt, locale)}`,
    ].filter((part): part is string => part !== null);
    body.push(
      paragraph(`**${escapeCardText(action.title)}**`, { spacing: 'Medium', separator: true }),
      paragraph(details.join(' · '), { isSubtle: true, spacing: 'None' }),
    );
  }
  body.push(paragraph(m.tabHint, { isSubtle: true, spacing: 'Medium' }));
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.2', body, fallbackText: m.title };
}
