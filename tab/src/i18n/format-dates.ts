/**
 * Dates and times as the tab shows them: always in Europe/Stockholm, 24-hour "13:00" with a colon
 * (one choice, used everywhere), long Swedish dates in lower case ("onsdag 11 februari 2026") and
 * ISO dates ("2026-02-11") where space is short.
 */
import type { Language } from './index';

export const TIME_ZONE = 'Europe/Stockholm';
const DAY_MS = 86_400_000;

interface StockholmParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

export function stockholmParts(instant: Date): StockholmParts {
  const out: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(instant)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Days since the epoch of the Stockholm calendar date of an instant. */
function stockholmDayNumber(instant: Date): number {
  const p = stockholmParts(instant);
  return Math.round(Date.UTC(p.year, p.month - 1, p.day) / DAY_MS);
}

export function currentStockholmYear(now: Date = new Date()): number {
  return stockholmParts(now).year;
}

export interface DateFormatters {
  /** "onsdag 11 februari 2026" */
  longDate(iso: string): string;
  /** "11 februari 2026": a date inside a sentence. */
  dayMonthYear(iso: string): string;
  /** "2026-02-11" */
  isoDate(iso: string): string;
  /** "onsdag" */
  weekday(iso: string): string;
  /** "13:00" */
  time(iso: string): string;
  /** "13:00–15:00" */
  timeSpan(iso: string, durationMinutes: number): string;
}

export function createDateFormatters(language: Language): DateFormatters {
  const intlLocale = language === 'sv' ? 'sv-SE' : 'en-GB';
  const caseFold = (s: string): string => (language === 'sv' ? s.toLocaleLowerCase('sv-SE') : s);
  const long = new Intl.DateTimeFormat(intlLocale, {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const weekday = new Intl.DateTimeFormat(intlLocale, { timeZone: TIME_ZONE, weekday: 'long' });
  const dayMonthYear = new Intl.DateTimeFormat(intlLocale, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
  const time = (instant: Date): string => {
    const p = stockholmParts(instant);
    return `${pad(p.hour)}:${pad(p.minute)}`;
  };
  return {
    longDate: (iso) => caseFold(long.format(new Date(iso))),
    dayMonthYear: (iso) => caseFold(dayMonthYear.format(new Date(iso))),
    isoDate: (iso) => {
      const p = stockholmParts(new Date(iso));
      return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
    },
    weekday: (iso) => caseFold(weekday.format(new Date(iso))),
    time: (iso) => time(new Date(iso)),
    timeSpan: (iso, durationMinutes) => {
      const start = new Date(iso);
      const end = new Date(start.getTime() + durationMinutes * 60_000);
      return `${time(start)}\u2013${time(end)}`;
    },
  };
}

export type Countdown =
  { kind: 'ongoing' } | { kind: 'past' } | { kind: 'today' } | { kind: 'tomorrow' } | { kind: 'days' | 'weeks' | 'months'; count: number };

/** How long until a meeting, counted in Stockholm calendar days. */
export function countdownTo(startsAt: string, durationMinutes: number, now: Date): Countdown {
  const start = new Date(startsAt);
  const end = start.getTime() + durationMinutes * 60_000;
  if (now.getTime() >= end) return { kind: 'past' };
  if (now.getTime() >= start.getTime()) return { kind: 'ongoing' };
  const days = stockholmDayNumber(start) - stockholmDayNumber(now);
  if (days <= 0) return { kind: 'today' };
  if (days === 1) return { kind: 'tomorrow' };
  if (days < 14) return { kind: 'days', count: days };
  if (days < 91) return { kind: 'weeks', count: Math.floor(days / 7) };
  // Whole months only: never promise a meeting sooner than it is.
  return { kind: 'months', count: Math.floor(days / 30.44) };
}
