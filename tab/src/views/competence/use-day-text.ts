/** A calendar date in words, for the year plan and the activity ledger. */
import { useI18n } from '../../i18n';

/** "onsdag 14 oktober 2026" for a calendar date; noon UTC is the same day in Stockholm. */
export function useDayText(): (date: string) => string {
  const { dates } = useI18n();
  return (date) => dates.longDate(`${date}T12:00:00Z`);
}
