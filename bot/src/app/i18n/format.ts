/**
 * Dates and times as people in the group read them: "onsdag 11 februari 2026", "13:00",
 * always in Stockholm time whatever the server's zone. One time style ("13:00") everywhere.
 */
import { GROUP_TIME_ZONE } from '../../domain/stockholm-time';
import type { Locale } from './locale';

const tags: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

const longDate = {
  sv: new Intl.DateTimeFormat(tags.sv, { timeZone: GROUP_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat(tags.en, { timeZone: GROUP_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
};
const shortDate = {
  sv: new Intl.DateTimeFormat(tags.sv, { timeZone: GROUP_TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric' }),
  en: new Intl.DateTimeFormat(tags.en, { timeZone: GROUP_TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric' }),
};
const dayMonth = {
  sv: new Intl.DateTimeFormat(tags.sv, { timeZone: GROUP_TIME_ZONE, day: 'numeric', month: 'short' }),
  en: new Intl.DateTimeFormat(tags.en, { timeZone: GROUP_TIME_ZONE, day: 'numeric', month: 'short' }),
};
const time = new Intl.DateTimeFormat('sv-SE', { timeZone: GROUP_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function formatLongDate(instant: Date, locale: Locale): string {
  return longDate[locale].format(instant).replace(',', '');
}

/** Where space is short, e.g. in a drop-down: "10 feb. 2027", or "3 feb." without the year. */
export function formatShortDate(instant: Date, locale: Locale, withYear = true): string {
  return (withYear ? shortDate : dayMonth)[locale].format(instant);
}

export function formatTime(instant: Date): string {
  return time.format(instant).replace('.', ':');
}

export function formatTimeSpan(start: Date, minutes: number): string {
  return `${formatTime(start)}–${formatTime(new Date(start.getTime() + minutes * 60000))}`;
}
