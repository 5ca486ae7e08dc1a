/**
 * The rules for changing a group's meeting plan: what a meeting may hold, which meetings may
 * still change, who chairs a new meeting, and how a date and time typed in Stockholm become an
 * instant. The chair rotation generalises chair-rotation.ts: with two strategists it alternates
 * exactly as the charter says; a group with one (or, for a while, three) still gets a plan.
 */
import type { Meeting } from './meeting';
import { daysInMonth, fromStockholm, toStockholm } from './stockholm-time';

export const MEETING_LIMITS = {
  titleMax: 120,
  titlePrefixMax: 60,
  placeMax: 200,
  onlineUrlMax: 2000,
  durationMin: 15,
  durationMax: 480,
  /** One plan makes at most one meeting a month. */
  countMax: 12,
} as const;

/** Planned and called meetings are still to be held: they may be moved, cancelled or get another chair. */
/** Only a meeting still to come: one that has started is a record (its minutes name its chair and time). */
export function mayChangeMeeting(meeting: Pick<Meeting, 'status' | 'startsAt'>, now: Date): boolean {
  return (meeting.status === 'planned' || meeting.status === 'called') && meeting.startsAt.getTime() > now.getTime();
}

// https only, no user:password@ in the host part, no whitespace or control characters: the link
// is opened from cards, mails and the tab, and a plain-http link would leak the meeting.
const HTTPS_URL = /^https:\/\/[^\s/?#@\\]+(?:[/?#][^\s]*)?$/i;

export function isHttpsUrl(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  return text.length <= MEETING_LIMITS.onlineUrlMax && HTTPS_URL.test(text) && !/[\u0000-\u001f\u007f]/.test(text);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant a Stockholm date ("2027-02-10") and time ("13:00") name, or null when there is no
 * such day or time (30 February; 02:30 on the night clocks go forward).
 */
export function stockholmInstant(date: string, time: string): Date | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  try {
    const instant = fromStockholm({ year, month, day, hour: Number(t[1]), minute: Number(t[2]) });
    const back = toStockholm(instant);
    return back.hour === Number(t[1]) && back.minute === Number(t[2]) ? instant : null;
  } catch {
    return null;
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant as the Stockholm date and time a person types: { date: "2027-02-10", time: "13:00" }. */
export function stockholmDateAndTime(instant: Date): { date: string; time: string } {
  const local = toStockholm(instant);
  return { date: `${local.year}-${pad(local.month)}-${pad(local.day)}`, time: `${pad(local.hour)}:${pad(local.minute)}` };
}

/** The strategist after `previous` in `strategists` (kept in a stable order); the first when none. */
export function chairAfter(strategists: readonly string[], previous: string | null): string | null {
  if (strategists.length === 0) return null;
  const index = previous === null ? -1 : strategists.indexOf(previous);
  return strategists[(index + 1) % strategists.length] ?? null;
}

/**
 * Chairs for new meetings placed among the meetings already planned (cancelled ones left out):
 * each new meeting takes the turn after whoever chairs the meeting before it, old or new.
 */
export function chairsForNewMeetings(
  planned: readonly Pick<Meeting, 'startsAt' | 'chairPersonId'>[],
  newStarts: readonly Date[],
  strategists: readonly string[],
): (string | null)[] {
  const events = [
    ...planned.map((m) => ({ at: m.startsAt.getTime(), chair: m.chairPersonId, index: -1 })),
    ...newStarts.map((at, index) => ({ at: at.getTime(), chair: null, index })),
  ].sort((a, b) => a.at - b.at || a.index - b.index);
  const chairs: (string | null)[] = newStarts.map(() => null);
  let last: string | null = null;
  for (const event of events) {
    if (event.index >= 0) {
      const chair = chairAfter(strategists, last);
      chairs[event.index] = chair;
      last = chair;
    } else if (event.chair !== null) {
      last = event.chair;
    }
  }
  return chairs;
}

/**
 * The pattern a plan dialog starts from: the weekday, week of the month and time of the latest
 * meeting, so next year looks like this one. A day after the 28th can only be "the last one" (5).
 */
export function patternOf(meeting: Pick<Meeting, 'startsAt'>): { weekday: number; occurrence: number; startTime: string } {
  const local = toStockholm(meeting.startsAt);
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() || 7;
  return { weekday, occurrence: Math.min(Math.ceil(local.day / 7), 5), startTime: stockholmDateAndTime(meeting.startsAt).time };
}
