/** "Om 15 dagar", "I morgon", "Pågår nu" from a meeting's start and length. */
import type { Catalogue } from '../i18n';
import { countdownTo } from '../i18n/format-dates';

export function countdownText(t: Catalogue, startsAt: string, durationMinutes: number, now: Date): string | null {
  const countdown = countdownTo(startsAt, durationMinutes, now);
  switch (countdown.kind) {
    case 'past':
      return null;
    case 'ongoing':
      return t.countdown.ongoing;
    case 'today':
      return t.countdown.today;
    case 'tomorrow':
      return t.countdown.tomorrow;
    case 'days':
      return t.countdown.inDays(countdown.count);
    case 'weeks':
      return t.countdown.inWeeks(countdown.count);
    case 'months':
      return t.countdown.inMonths(countdown.count);
  }
}
