/**
 * Graph's dateTimeTimeZone values for the stand-in's calendar: a wall-clock time without offset
 * ("2026-03-11T13:00:00.0000000") plus a zone name, Windows ("W. Europe Standard Time") or IANA
 * ("Europe/Stockholm"); Graph takes both. Converting needs the zone's rules, which Node's Intl has
 * for IANA names; Windows names are mapped to IANA ones (CLDR's windowsZones mapping, a subset).
 */

// The Windows names a Swedish municipality's clients are likely to send; others are refused as Graph refuses unknown zones.
const WINDOWS_ZONES: Record<string, string> = {
  UTC: 'UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'FLE Standard Time': 'Europe/Kiev',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
};

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    const options = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', ...options });
    formatters.set(zone, f);
  }
  return f;
}

/** The IANA zone behind a Graph time zone name, or undefined when Graph would refuse it. */
export function ianaZone(timeZone: string): string | undefined {
  const windows = WINDOWS_ZONES[timeZone];
  if (windows) return windows;
  if (!/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/.test(timeZone)) return undefined;
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return undefined;
  }
}

/** The wall-clock fields of an instant in a zone, as if they were UTC (so their difference is the offset). */
function wallAsUtc(epoch: number, zone: string): number {
  const parts = formatter(zone).formatToParts(new Date(epoch));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** Checks Graph's "YYYY-MM-DDTHH:mm:ss[.fffffff]" form and that it names a real day and time. */
export function parseWallTime(dateTime: string): number | undefined {
  const m = DATE_TIME.exec(dateTime);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s) + Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const check = new Date(wall);
  const real = check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && h < 24;
  return real ? wall : undefined;
}

/** Graph writes seven fraction digits. */
export function normalizeWallTime(dateTime: string): string {
  const [whole = '', fraction = ''] = dateTime.split('.');
  return `${whole}.${fraction.padEnd(7, '0')}`;
}

/** The instant a wall-clock time in a zone stands for (a time skipped by DST moves forward, like Exchange). */
export function toEpoch(dateTime: string, zone: string): number {
  const wall = parseWallTime(dateTime) ?? NaN;
  const guess = wall - (wallAsUtc(wall, zone) - Math.floor(wall / 1000) * 1000);
  return wall - (wallAsUtc(guess, zone) - Math.floor(guess / 1000) * 1000);
}

/** An instant as Graph's wall-clock string in a zone. */
export function fromEpoch(epoch: number, zone: string): string {
  const wall = new Date(wallAsUtc(epoch, zone) + (epoch % 1000));
  return `${wall.toISOString().slice(0, 23)}0000`;
}

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });

/** "2026-03-11 13:00", for the listing page. */
export function stockholmTime(epoch: number): string {
  return stockholm.format(new Date(epoch));
}
