/**
 * A mailbox's calendar (user-post-events, user-list-events, event-get, event-update, event-cancel,
 * event-delete); Arbetsrum's service mailbox organises every meeting and invites the members:
 *
 *   POST   /users/{mailbox}/events              → 201 event (the same event again for a repeated transactionId)
 *   GET    /users/{mailbox}/events?$top=&$skip= → 200 { value: [event, …], "@odata.nextLink"? }, by start
 *   GET    /users/{mailbox}/events/{id}         → 200 event
 *   PATCH  /users/{mailbox}/events/{id}         → 200 event
 *   POST   /users/{mailbox}/events/{id}/cancel  → 202, the event stays with isCancelled: true
 *   DELETE /users/{mailbox}/events/{id}         → 204
 *   any    /groups/{group-id}/events…           → 403 ErrorAccessDenied, as Graph answers an app-only token
 *
 * {mailbox} is a mail address / userPrincipalName or an object id (GUID), case-insensitive.
 * Times come back in UTC unless the request says `Prefer: outlook.timezone="…"`; POST and PATCH
 * answer in the zones they were given, as Graph does. Each mailbox's events are kept in
 * `<dataDir>/calendar/<file>.json` as `{ mailbox, events }`, written atomically, so they survive a restart.
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { applyEvent, eventResource, instant, isMailAddress, parseEvent, type StoredEvent } from './graph-events';
import { readJsonFile, withLock, writeFileAtomic } from './graph-files';
import {
  decodeSegment,
  GraphHttpError,
  intOption,
  isObject,
  readJson,
  type RouteContext,
  sendEmpty,
  sendJson,
  unknownParameter,
} from './graph-http';
import { ianaZone } from './graph-time-zones';

const notFound = (): GraphHttpError => new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The mailbox path segment, lower-cased: Exchange matches addresses and ids case-insensitively, so one mailbox is one calendar. */
export function mailboxOf(ctx: RouteContext): string {
  const mailbox = decodeSegment(ctx.params[0] ?? '', 'user id').toLowerCase();
  if (!GUID.test(mailbox) && !isMailAddress(mailbox)) {
    throw new GraphHttpError(400, 'ErrorInvalidUser', `The requested user '${mailbox.slice(0, 320)}' is invalid.`);
  }
  return mailbox;
}

/**
 * A readable prefix (the address with anything outside [a-z0-9@._-] made "_", no leading dot, at most
 * 64 characters) and a hash of the whole address. The prefix alone could not be trusted: two mailboxes
 * can share it ("a+b@x", "a/b@x") and a 320-character address exceeds a file name's 255 bytes; the hash
 * keeps them apart, and with no separator or dot-only name possible the file stays in calendar/.
 */
export function calendarFile(dataDir: string, mailbox: string): string {
  const readable = mailbox
    .replace(/[^a-z0-9@._-]/g, '_')
    .replace(/^\./, '_')
    .slice(0, 64);
  const hash = createHash('sha256').update(mailbox).digest('hex').slice(0, 16);
  return path.join(dataDir, 'calendar', `${readable}-${hash}.json`);
}

interface CalendarFile {
  mailbox: string;
  events: StoredEvent[];
}

// The file names the mailbox inside, as its own name is not reversible; files of another shape
// (the group calendars of earlier versions) are not calendars of this one and are passed over.
const asCalendar = (stored: unknown): CalendarFile | undefined =>
  isObject(stored) && typeof stored.mailbox === 'string' && Array.isArray(stored.events) ? (stored as unknown as CalendarFile) : undefined;

export async function readCalendar(dataDir: string, mailbox: string): Promise<StoredEvent[]> {
  return asCalendar(await readJsonFile(calendarFile(dataDir, mailbox)))?.events ?? [];
}

/** Every mailbox's calendar, by mailbox, for the listing page. */
export async function readCalendars(dataDir: string): Promise<CalendarFile[]> {
  const dir = path.join(dataDir, 'calendar');
  const names = await readdir(dir).catch(() => [] as string[]);
  const calendars: CalendarFile[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const calendar = asCalendar(await readJsonFile(path.join(dir, name)));
    if (calendar) calendars.push(calendar);
  }
  return calendars.sort((a, b) => a.mailbox.localeCompare(b.mailbox));
}

/** Read, change and write one mailbox's calendar under a lock, so concurrent requests see each other's changes. */
function updateCalendar<T>(ctx: RouteContext, mailbox: string, change: (events: StoredEvent[]) => T): Promise<T> {
  const file = calendarFile(ctx.dataDir, mailbox);
  return withLock(file, async () => {
    const events = await readCalendar(ctx.dataDir, mailbox);
    const result = change(events);
    const stored: CalendarFile = { mailbox, events };
    await writeFileAtomic(file, `${JSON.stringify(stored, null, 2)}\n`);
    return result;
  });
}

function eventIdOf(ctx: RouteContext): string {
  const id = decodeSegment(ctx.params[1] ?? '', 'event id');
  if (!/^[A-Za-z0-9_=+-]{1,512}$/.test(id)) throw new GraphHttpError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
  return id;
}

/** The zone asked for with `Prefer: outlook.timezone="…"`; an unknown zone is ignored, as Graph ignores it. */
function preferredZone(ctx: RouteContext): string | undefined {
  const zone = /outlook\.timezone="([^"]+)"/i.exec(String(ctx.req.headers.prefer ?? ''))?.[1];
  if (zone === undefined || !ianaZone(zone)) return undefined;
  ctx.res.setHeader('Preference-Applied', `outlook.timezone="${zone}"`);
  return zone;
}

// Graph percent-encodes the user segment in @odata.context and nextLink ('@' as %40); a quote would end the OData literal.
const segment = (mailbox: string): string => encodeURIComponent(mailbox).replace(/'/g, '%27');

function entity(ctx: RouteContext, mailbox: string, event: StoredEvent, zone: string | undefined): object {
  return {
    '@odata.context': `${ctx.origin}/v1.0/$metadata#users('${segment(mailbox)}')/events/$entity`,
    ...eventResource(event, mailbox, ctx.origin, zone),
  };
}

/**
 * Graph refuses a group's calendar to application permissions (group-post-events: "Application: Not
 * supported"), so a client that still writes there fails locally the way it would in production.
 */
export function refuseGroupCalendar(): Promise<void> {
  const message = "Access is denied. Application permissions are not supported for a group's calendar; use /users/{mailbox}/events.";
  return Promise.reject(new GraphHttpError(403, 'ErrorAccessDenied', message));
}

export async function createEvent(ctx: RouteContext): Promise<void> {
  const mailbox = mailboxOf(ctx);
  const input = parseEvent(await readJson(ctx, 'RequestBodyRead'), false);
  const zone = preferredZone(ctx);
  const event = await updateCalendar(ctx, mailbox, (events) => {
    // transactionId: "avoid redundant POST operations in case of client retries" — a repeat returns the first event.
    const earlier = input.transactionId === undefined ? undefined : events.find((e) => e.transactionId === input.transactionId);
    if (earlier) return earlier;
    const created = applyEvent(undefined, input, new Date());
    events.push(created);
    return created;
  });
  sendJson(ctx.res, 201, entity(ctx, mailbox, event, zone));
}

export async function listEvents(ctx: RouteContext): Promise<void> {
  const mailbox = mailboxOf(ctx);
  for (const [key, value] of ctx.query) {
    // The list is always by start; asking for that order explicitly is fine, any other option is not modelled.
    if (key === '$orderby' && /^start\/dateTime( asc)?$/i.test(value.trim())) continue;
    if (key.startsWith('$') && key !== '$top' && key !== '$skip') {
      throw new GraphHttpError(400, 'BadRequest', `The query option ${key}=${value} is not implemented by the Graph stand-in.`);
    }
  }
  const top = intOption(ctx.query, '$top', 10, 1, 1000);
  const skip = intOption(ctx.query, '$skip', 0, 0, 1_000_000);
  const zone = preferredZone(ctx) ?? 'UTC';
  const events = (await readCalendar(ctx.dataDir, mailbox)).sort(
    (a, b) => instant(a.start) - instant(b.start) || a.createdDateTime.localeCompare(b.createdDateTime),
  );
  const next = new URLSearchParams(ctx.query);
  next.set('$skip', String(skip + top));
  sendJson(ctx.res, 200, {
    '@odata.context': `${ctx.origin}/v1.0/$metadata#users('${segment(mailbox)}')/events`,
    value: events.slice(skip, skip + top).map((e) => eventResource(e, mailbox, ctx.origin, zone)),
    ...(skip + top < events.length ? { '@odata.nextLink': `${ctx.origin}/v1.0/users/${segment(mailbox)}/events?${next.toString()}` } : {}),
  });
}

export async function getEvent(ctx: RouteContext): Promise<void> {
  const mailbox = mailboxOf(ctx);
  const id = eventIdOf(ctx);
  const event = (await readCalendar(ctx.dataDir, mailbox)).find((e) => e.id === id);
  if (!event) throw notFound();
  sendJson(ctx.res, 200, entity(ctx, mailbox, event, preferredZone(ctx) ?? 'UTC'));
}

// Real Graph moves a cancelled event out of the organiser's calendar (to Deleted Items), so later
// changes to it fail; the stand-in keeps it, marked isCancelled, for the listing page, and answers
// PATCH and a second cancel with the 404 Graph would give.
export async function updateEvent(ctx: RouteContext): Promise<void> {
  const mailbox = mailboxOf(ctx);
  const id = eventIdOf(ctx);
  const input = parseEvent(await readJson(ctx, 'RequestBodyRead'), true);
  const zone = preferredZone(ctx);
  const event = await updateCalendar(ctx, mailbox, (events) => {
    const index = events.findIndex((e) => e.id === id && !e.isCancelled);
    const existing = events[index];
    if (!existing) throw notFound();
    const updated = applyEvent(existing, input, new Date());
    events[index] = updated;
    return updated;
  });
  sendJson(ctx.res, 200, entity(ctx, mailbox, event, zone));
}

export async function cancelEvent(ctx: RouteContext): Promise<void> {
  const mailbox = mailboxOf(ctx);
  const id = eventIdOf(ctx);
  const body = (await readJson(ctx, 'RequestBodyRead')) ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unknownParameter('body', 'cancel');
  let comment: string | undefined;
  for (const [key, value] of Object.entries(body)) {
    // Graph's own example sends "Comment"; action parameter names are matched case-insensitively here.
    if (key.toLowerCase() !== 'comment') throw unknownParameter(key, 'cancel');
    if (typeof value !== 'string') throw new GraphHttpError(400, 'RequestBodyRead', "Cannot read 'comment': expected a string.");
    comment = value;
  }
  await updateCalendar(ctx, mailbox, (events) => {
    const event = events.find((e) => e.id === id && !e.isCancelled);
    if (!event) throw notFound();
    event.isCancelled = true;
    if (comment) event.cancellationComment = comment;
    event.lastModifiedDateTime = new Date().toISOString().replace(/Z$/, '0000Z');
  });
  sendEmpty(ctx.res, 202);
}

export async function deleteEvent(ctx: RouteContext): Promise<void> {
  const mailbox = mailboxOf(ctx);
  const id = eventIdOf(ctx);
  await updateCalendar(ctx, mailbox, (events) => {
    const index = events.findIndex((e) => e.id === id);
    if (index < 0) throw notFound();
    events.splice(index, 1);
  });
  sendEmpty(ctx.res, 204);
}
