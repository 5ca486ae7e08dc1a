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
const isoDate = new Intl.DateTimeFormat('sv-SE', { timeZone: GROUP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const time = new Intl.DateTimeFormat('sv-SE', { timeZone: GROUP_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function formatLongDate(instant: Date, locale: Locale): string {
  return longDate[locale].format(instant).replace(',', '');
}

/** Where space is short, e.g. in a drop-down: the ISO date "2026-05-13", in Stockholm. */
export function formatIsoDate(instant: Date): string {
  return isoDate.format(instant);
}

export function formatTime(instant: Date): string {
  return time.format(instant).replace('.', ':');
}

export function formatTimeSpan(start: Date, minutes: number): string {
  return `${formatTime(start)}–${formatTime(new Date(start.getTime() + minutes * 60000))}`;
}
