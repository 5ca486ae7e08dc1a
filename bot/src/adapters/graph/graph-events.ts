/**
 * The event resource for the stand-in's mailbox calendars: the part of it Arbetsrum writes, checked
 * as Graph checks it, and the JSON Graph answers with. Codes: RequestBodyRead for a property the
 * type does not have or a value of the wrong JSON type (an unknown attendee type included),
 * TimeZoneNotSupportedException for an unknown zone, ErrorPropertyValidationFailure when the end is
 * not after the start, ErrorInvalidRequest for the rest (a bad attendee address, over 500 attendees).
 */
import { randomBytes } from 'node:crypto';
import { GraphHttpError, isObject, type Json, onlyKnown } from './graph-http';
import { fromEpoch, ianaZone, normalizeWallTime, parseWallTime, toEpoch } from './graph-time-zones';

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

// The same ASCII-only check as sendMail's recipients (graph-mail-parse.ts), so one address is valid for both.
const MAIL_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
export const isMailAddress = (s: string): boolean => s.length <= 320 && MAIL_ADDRESS.test(s);
// Exchange Online's recipient limit; a meeting request is a message to every attendee.
const MAX_ATTENDEES = 500;
const ATTENDEE_TYPES = ['required', 'optional', 'resource'];

export interface Attendee {
  type: string;
  emailAddress: { address: string; name?: string };
}

export interface StoredEvent {
  id: string;
  iCalUId: string;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  location: string;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  joinUrl: string | null;
  transactionId: string | null;
  showAs: string;
  categories: string[];
  attendees: Attendee[];
  isCancelled: boolean;
  /** The comment sent with cancel; not a Graph property, kept for the listing page. */
  cancellationComment?: string;
}

export type EventInput = Partial<
  Pick<StoredEvent, 'subject' | 'body' | 'start' | 'end' | 'location' | 'isOnlineMeeting' | 'onlineMeetingProvider' | 'transactionId'>
> &
  Partial<Pick<StoredEvent, 'showAs' | 'categories' | 'attendees'>>;

const PROPERTIES = [
  'subject',
  'body',
  'start',
  'end',
  'location',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'transactionId',
  'showAs',
  'categories',
  'attendees',
] as const;
const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const PROVIDERS = ['unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'];

const bodyRead = (field: string, expected: string): GraphHttpError =>
  new GraphHttpError(400, 'RequestBodyRead', `Cannot read '${field}': expected ${expected}.`);
const invalid = (message: string): GraphHttpError => new GraphHttpError(400, 'ErrorInvalidRequest', message);

function str(value: unknown, field: string): string {
  if (typeof value !== 'string') throw bodyRead(field, 'a string');
  return value;
}

function dateTimeTimeZone(value: unknown, field: string): DateTimeTimeZone {
  if (!isObject(value)) throw bodyRead(field, '{ dateTime, timeZone }');
  onlyKnown(value, ['dateTime', 'timeZone'], 'microsoft.graph.dateTimeTimeZone');
  const dateTime = str(value.dateTime, `${field}.dateTime`);
  if (parseWallTime(dateTime) === undefined) throw invalid(`${field}.dateTime must be YYYY-MM-DDTHH:mm:ss[.fffffff] without an offset.`);
  const timeZone = str(value.timeZone, `${field}.timeZone`).trim();
  if (!ianaZone(timeZone)) {
    const message = `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${timeZone}'.`;
    throw new GraphHttpError(400, 'TimeZoneNotSupportedException', message);
  }
  return { dateTime: normalizeWallTime(dateTime), timeZone };
}

function oneOf(value: unknown, field: string, allowed: string[]): string {
  const s = str(value, field);
  if (!allowed.includes(s)) throw bodyRead(field, `one of ${allowed.join(', ')}`);
  return s;
}

function attendees(value: unknown): Attendee[] {
  if (!Array.isArray(value)) throw bodyRead('attendees', 'an array of attendees');
  if (value.length > MAX_ATTENDEES) throw invalid(`An event may have at most ${MAX_ATTENDEES} attendees.`);
  return value.map((item: unknown, i) => {
    const at = `attendees[${i}]`;
    if (!isObject(item)) throw bodyRead(at, '{ type, emailAddress }');
    onlyKnown(item, ['type', 'emailAddress'], 'microsoft.graph.attendee');
    const type = oneOf(item.type, `${at}.type`, ATTENDEE_TYPES);
    if (!isObject(item.emailAddress)) throw bodyRead(`${at}.emailAddress`, '{ address, name? }');
    onlyKnown(item.emailAddress, ['address', 'name'], 'microsoft.graph.emailAddress');
    const address = str(item.emailAddress.address, `${at}.emailAddress.address`);
    if (!isMailAddress(address)) throw invalid(`${at}.emailAddress.address is not a valid mail address.`);
    if (item.emailAddress.name === undefined) return { type, emailAddress: { address } };
    return { type, emailAddress: { address, name: str(item.emailAddress.name, `${at}.emailAddress.name`) } };
  });
}

/** Checks a POST (`partial` false: start and end required) or PATCH body. */
export function parseEvent(body: unknown, partial: boolean): EventInput {
  if (!isObject(body)) throw bodyRead('body', 'an event object');
  onlyKnown(body, PROPERTIES, 'microsoft.graph.event');
  const input: EventInput = {};
  if (body.subject !== undefined) {
    input.subject = str(body.subject, 'subject');
    if (input.subject.length > 255) throw invalid('subject may hold at most 255 characters.');
  }
  if (body.body !== undefined) {
    if (!isObject(body.body)) throw bodyRead('body', '{ contentType, content }');
    onlyKnown(body.body, ['contentType', 'content'], 'microsoft.graph.itemBody');
    const type = str(body.body.contentType ?? 'text', 'body.contentType').toLowerCase();
    if (type !== 'text' && type !== 'html') throw bodyRead('body.contentType', '"text" or "html"');
    input.body = { contentType: type, content: str(body.body.content ?? '', 'body.content') };
  }
  if (body.start !== undefined || !partial) input.start = dateTimeTimeZone(body.start, 'start');
  if (body.end !== undefined || !partial) input.end = dateTimeTimeZone(body.end, 'end');
  if (body.location !== undefined) {
    if (!isObject(body.location)) throw bodyRead('location', '{ displayName }');
    onlyKnown(body.location, ['displayName'], 'microsoft.graph.location');
    input.location = str(body.location.displayName ?? '', 'location.displayName');
  }
  if (body.isOnlineMeeting !== undefined) {
    if (typeof body.isOnlineMeeting !== 'boolean') throw bodyRead('isOnlineMeeting', 'true or false');
    input.isOnlineMeeting = body.isOnlineMeeting;
  }
  if (body.onlineMeetingProvider !== undefined)
    input.onlineMeetingProvider = oneOf(body.onlineMeetingProvider, 'onlineMeetingProvider', PROVIDERS);
  if (body.transactionId !== undefined) {
    input.transactionId = str(body.transactionId, 'transactionId');
    if (!/^[\x21-\x7e]{1,255}$/.test(input.transactionId)) throw invalid('transactionId must be 1–255 printable ASCII characters.');
  }
  if (body.showAs !== undefined) input.showAs = oneOf(body.showAs, 'showAs', SHOW_AS);
  if (body.categories !== undefined) {
    if (!Array.isArray(body.categories)) throw bodyRead('categories', 'an array of strings');
    input.categories = body.categories.map((c, i) => str(c, `categories[${i}]`));
  }
  if (body.attendees !== undefined) input.attendees = attendees(body.attendees);
  return input;
}

export function instant(value: DateTimeTimeZone): number {
  return toEpoch(value.dateTime, ianaZone(value.timeZone) ?? 'UTC');
}

/** Graph's event timestamps carry seven fraction digits. */
const stamp = (now: Date): string => now.toISOString().replace(/Z$/, '0000Z');
const changeKey = (): string => randomBytes(16).toString('base64');

/** A new event from a checked POST body, or an existing one with a checked PATCH body applied. */
export function applyEvent(existing: StoredEvent | undefined, input: EventInput, now: Date): StoredEvent {
  if (existing && input.transactionId !== undefined && input.transactionId !== existing.transactionId) {
    throw invalid('transactionId cannot be changed once the event exists.');
  }
  const base: StoredEvent = existing ?? {
    // Outlook item ids are opaque base64; these only have to be unique and URL-safe.
    id: `AAMkAD${randomBytes(33).toString('base64url')}`,
    iCalUId: `040000008200E00074C5B7101A82E00800000000${randomBytes(16).toString('hex').toUpperCase()}`,
    changeKey: '',
    createdDateTime: stamp(now),
    lastModifiedDateTime: '',
    subject: '',
    body: { contentType: 'text', content: '' },
    start: input.start ?? { dateTime: '', timeZone: 'UTC' },
    end: input.end ?? { dateTime: '', timeZone: 'UTC' },
    location: '',
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    joinUrl: null,
    transactionId: null,
    showAs: 'busy',
    categories: [],
    attendees: [],
    isCancelled: false,
  };
  const next: StoredEvent = { ...base, ...input, changeKey: changeKey(), lastModifiedDateTime: stamp(now) };
  if (instant(next.end) <= instant(next.start)) {
    throw new GraphHttpError(
      400,
      'ErrorPropertyValidationFailure',
      'At least one property failed validation: the end must be after the start.',
    );
  }
  if (next.isOnlineMeeting && input.onlineMeetingProvider === undefined && next.onlineMeetingProvider === 'unknown') {
    next.onlineMeetingProvider = 'teamsForBusiness';
  }
  // Exchange creates the Teams meeting when isOnlineMeeting turns true; the link looks like Teams' but leads nowhere.
  if (next.isOnlineMeeting && !next.joinUrl) {
    next.joinUrl = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomBytes(18).toString('base64url')}%40thread.v2/0`;
  }
  if (!next.isOnlineMeeting) next.joinUrl = null;
  return next;
}

/** start/end in `zone` (a Prefer: outlook.timezone, or UTC), or as stored when `zone` is undefined. */
function inZone(value: DateTimeTimeZone, zone: string | undefined): DateTimeTimeZone {
  if (zone === undefined || zone === value.timeZone) return value;
  return { dateTime: fromEpoch(instant(value), ianaZone(zone) ?? 'UTC'), timeZone: zone };
}

function preview(body: StoredEvent['body']): string {
  const text = body.contentType === 'html' ? body.content.replace(/<[^>]*>/g, ' ') : body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

/**
 * The organiser as Graph names it: the mailbox's address, or for a mailbox addressed by its object id
 * an address in the stand-in's invalid domain (as sendMail's From does); the stand-in has no directory,
 * so the display name is the address's local part.
 */
export function organizerOf(mailbox: string): { emailAddress: { address: string; name: string } } {
  const address = mailbox.includes('@') ? mailbox : `${mailbox}@graph-stand-in.invalid`;
  return { emailAddress: { address, name: address.slice(0, address.lastIndexOf('@')) } };
}

/** The event as Graph answers it (the default property set, trimmed to what the stand-in models). */
export function eventResource(event: StoredEvent, mailbox: string, origin: string, zone: string | undefined): Json {
  const location = event.location
    ? { displayName: event.location, locationType: 'default', uniqueId: event.location, uniqueIdType: 'private' }
    : { displayName: '', locationType: 'default', uniqueIdType: 'unknown' };
  return {
    '@odata.etag': `W/"${event.changeKey}"`,
    id: event.id,
    createdDateTime: event.createdDateTime,
    lastModifiedDateTime: event.lastModifiedDateTime,
    changeKey: event.changeKey,
    categories: event.categories,
    transactionId: event.transactionId,
    originalStartTimeZone: event.start.timeZone,
    originalEndTimeZone: event.end.timeZone,
    iCalUId: event.iCalUId,
    subject: event.subject,
    bodyPreview: preview(event.body),
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: event.isCancelled,
    isOrganizer: true,
    responseRequested: true,
    showAs: event.showAs,
    type: 'singleInstance',
    // Real Graph links to Outlook on the web; the stand-in's own page is what a local user can open.
    webLink: `${origin}/#event-${event.id}`,
    isOnlineMeeting: event.isOnlineMeeting,
    onlineMeetingProvider: event.onlineMeetingProvider,
    onlineMeeting: event.joinUrl ? { joinUrl: event.joinUrl } : null,
    body: event.body,
    start: inZone(event.start, zone),
    end: inZone(event.end, zone),
    location,
    locations: event.location ? [location] : [],
    // Nobody answers in the stand-in, so every attendee stays as Graph shows one that has not responded.
    attendees: event.attendees.map((a) => ({
      type: a.type,
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: { address: a.emailAddress.address, name: a.emailAddress.name ?? a.emailAddress.address },
    })),
    organizer: organizerOf(mailbox),
  };
}
