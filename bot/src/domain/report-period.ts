/**
 * The period a report covers: two calendar dates in Stockholm, both days included. A report longer
 * than a few years says little and reads everything the group ever stored, so the span is capped.
 */
import { safeFileName } from './publication';
import { toStockholm } from './stockholm-time';

export interface ReportPeriod {
  /** "YYYY-MM-DD", the first day included. */
  from: string;
  /** "YYYY-MM-DD", the last day included. */
  to: string;
}

/** The longest period a report may cover, in years (from 1 January 2024 to 31 December 2026 is three). */
export const REPORT_MAX_YEARS = 3;

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type ReportPeriodCheck = { ok: true; period: ReportPeriod } | { ok: false; error: 'not-a-date' | 'from-after-to' | 'too-long' };

function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 2000;
}

/** The date `years` years after `date` ("YYYY-MM-DD"); 29 February becomes 28 February. */
function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${target}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export function checkReportPeriod(from: string, to: string): ReportPeriodCheck {
  if (!isCalendarDate(from) || !isCalendarDate(to)) return { ok: false, error: 'not-a-date' };
  if (from > to) return { ok: false, error: 'from-after-to' };
  // ISO dates compare as text; the last day allowed is the day before the same date three years on.
  if (to >= addYears(from, REPORT_MAX_YEARS)) return { ok: false, error: 'too-long' };
  return { ok: true, period: { from, to } };
}

export function inPeriod(date: string, period: ReportPeriod): boolean {
  return date >= period.from && date <= period.to;
}

/** This calendar year in Stockholm: the report's default period. */
export function calendarYear(now: Date): ReportPeriod {
  const { year } = toStockholm(now);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * Where a report goes in the group's library: `Rapporter/<year>/<from>–<to> Rapport till <whom>.docx`,
 * under the year the period ends in. Making the same report again replaces the file.
 */
export function reportDocumentPath(period: ReportPeriod, audienceName: string): string {
  return `Rapporter/${period.to.slice(0, 4)}/${period.from}–${period.to} Rapport till ${safeFileName(audienceName)}.docx`;
}
