/**
 * Wall-clock time in Europe/Stockholm ↔ instants. Meetings and reminders are planned in local
 * time so that 09:00 stays 09:00 on both sides of a daylight-saving change. Uses only Intl, which
 * is part of the language, so the domain stays free of I/O and libraries.
 */
import { DomainError } from './errors';

export const GROUP_TIME_ZONE = 'Europe/Stockholm';

export interface LocalDateTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: GROUP_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * Readings already made, by instant. formatToParts is slow (it was a tenth of a proposal's bot turn,
 * which reads every meeting's deadline), and the same meeting times are read again and again.
 */
const readings = new Map<number, Readonly<LocalDateTime & { second: number }>>();
const MOST_READINGS = 4096;

/** The Stockholm wall-clock reading of an instant. */
export function toStockholm(instant: Date): LocalDateTime & { second: number } {
  const time = instant.getTime();
  const known = readings.get(time);
  if (known) return { ...known };
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((p) => [p.type, p.value])) as Record<string, string>;
  const reading = {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
  if (!Number.isNaN(time)) {
    if (readings.size >= MOST_READINGS) readings.clear();
    readings.set(time, reading);
  }
  return { ...reading };
}

function offsetMinutesAt(instant: Date): number {
  const local = toStockholm(instant);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/**
 * The instant at which Stockholm clocks show `local`. A time that does not exist (skipped at the
 * spring change) is refused; an ambiguous one (repeated in autumn) resolves to the first.
 */
export function fromStockholm(local: LocalDateTime): Date {
  const { year, month, day, hour, minute } = local;
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(naive) || month < 1 || month > 12 || hour > 23 || minute > 59) {
    throw new DomainError('time.invalid-local-time', `Invalid local time ${JSON.stringify(local)}`);
  }
  // Try both offsets Stockholm uses (CET +60, CEST +120); keep the one that reads back correctly.
  const candidates = [120, 60]
    .map((offset) => new Date(naive - offset * 60000))
    .filter((instant) => offsetMinutesAt(instant) * 60000 === naive - instant.getTime());
  const first = candidates.sort((a, b) => a.getTime() - b.getTime())[0];
  if (!first) {
    throw new DomainError('time.invalid-local-time', `No such time in Stockholm: ${JSON.stringify(local)}`);
  }
  return first;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(year: number, month: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
