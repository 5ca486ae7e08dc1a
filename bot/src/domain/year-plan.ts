/**
 * A year of meetings from a pattern such as "8 a year, the second Wednesday at 13:00": the months
 * are spread over the year (July skipped by default, when Sweden is on holiday) unless the group
 * names them, and each date is fixed in Stockholm time.
 */
import { DomainError } from './errors';
import { daysInMonth, fromStockholm, isoWeekday } from './stockholm-time';

export interface YearPlanPattern {
  year: number;
  count: number;
  /** ISO weekday: 1 = Monday … 5 = Friday. */
  weekday: number;
  /** Which occurrence of the weekday in the month: 1–4, or 5 for the last one. */
  occurrence: number;
  /** Local start time "HH:MM" in Europe/Stockholm. */
  startTime: string;
  /** Months to meet in (1–12); when absent, `count` months are spread over the year. */
  months?: readonly number[];
  /** Months never chosen when spreading; July by default. */
  skipMonths?: readonly number[];
}

export interface PlannedDate {
  startsAt: Date;
  /** Calendar date in Stockholm, "YYYY-MM-DD". */
  localDate: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function spreadMonths(count: number, skipMonths: readonly number[] = [7]): number[] {
  const eligible = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !skipMonths.includes(m));
  if (!Number.isInteger(count) || count < 1 || count > eligible.length) {
    throw new DomainError('year-plan.invalid-count', `Cannot spread ${count} meetings over ${eligible.length} months`);
  }
  // The middle of each of `count` equal slices of the eligible months.
  return eligible.filter((_, index) =>
    Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * eligible.length) / count)).includes(index),
  );
}

export function nthWeekdayOfMonth(year: number, month: number, weekday: number, occurrence: number): number {
  const firstWeekday = isoWeekday(year, month, 1);
  const firstDay = 1 + ((weekday - firstWeekday + 7) % 7);
  const last = daysInMonth(year, month);
  let day = firstDay + 7 * (occurrence - 1);
  while (day > last) day -= 7;
  return day;
}

export function planYear(pattern: YearPlanPattern): PlannedDate[] {
  const time = TIME.exec(pattern.startTime);
  if (!time) throw new DomainError('year-plan.invalid-time', `Start time must be HH:MM, got ${pattern.startTime}`);
  if (!Number.isInteger(pattern.weekday) || pattern.weekday < 1 || pattern.weekday > 7) {
    throw new DomainError('year-plan.invalid-time', `Weekday must be 1–7, got ${pattern.weekday}`);
  }
  if (!Number.isInteger(pattern.occurrence) || pattern.occurrence < 1 || pattern.occurrence > 5) {
    throw new DomainError('year-plan.invalid-time', `Occurrence must be 1–5, got ${pattern.occurrence}`);
  }
  const months = pattern.months ? [...new Set(pattern.months)].sort((a, b) => a - b) : spreadMonths(pattern.count, pattern.skipMonths);
  if (months.length !== pattern.count || months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) {
    throw new DomainError('year-plan.invalid-count', `Expected ${pattern.count} distinct months 1–12, got ${months.join(',')}`);
  }
  return months.map((month) => {
    const day = nthWeekdayOfMonth(pattern.year, month, pattern.weekday, pattern.occurrence);
    const startsAt = fromStockholm({ year: pattern.year, month, day, hour: Number(time[1]), minute: Number(time[2]) });
    const localDate = `${pattern.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { startsAt, localDate };
  });
}
