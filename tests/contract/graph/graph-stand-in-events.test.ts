/**
 * The Graph stand-in's mailbox calendar against Graph's documented event shapes (user-post-events,
 * event-update, event-cancel, event-delete), over real HTTP on a free loopback port. Attendees, the
 * mailbox segment and the refused group calendar: graph-stand-in-mailbox-events.test.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { calendarFile } from '../../../bot/src/adapters/graph/graph-event-routes';
import { startGraphStandIn, type GraphStandIn } from '../../../bot/src/adapters/graph/graph-stand-in';
import { expectGraphError, graph } from './graph-test-support';

const MAILBOX = 'arbetsrum@trollhattan.example';
const ZONE = 'W. Europe Standard Time';

let root: string;
let dataDir: string;
let standIn: GraphStandIn;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'graph-events-'));
  dataDir = path.join(root, 'data');
  standIn = await startGraphStandIn({ port: 0, dataDir });
});

afterEach(async () => {
  await standIn.close();
  await rm(root, { recursive: true, force: true });
});

const eventsUrl = (suffix = '') => `${standIn.url}/users/${encodeURIComponent(MAILBOX)}/events${suffix}`;
const meeting = (extra: Record<string, unknown> = {}) => ({
  subject: 'Möte 2 – Ekologiska hållbarhetsgruppen',
  body: { contentType: 'HTML', content: '<p>Välkomna!</p>' },
  start: { dateTime: '2026-03-11T13:00:00', timeZone: ZONE },
  end: { dateTime: '2026-03-11T15:00:00', timeZone: ZONE },
  location: { displayName: 'Stadshuset, sal 3' },
  ...extra,
});
const create = (body: unknown, headers: Record<string, string> = {}) => graph(eventsUrl(), { method: 'POST', json: body, headers });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const created = async (body: unknown): Promise<any> => (await create(body)).json();

describe('mailbox events', () => {
  it('creates an event: 201 with ids, links, the zones it was given and a Teams link when online', async () => {
    const res = await create(
      meeting({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', categories: ['Arbetsrum'], showAs: 'busy' }),
    );
    expect(res.status).toBe(201);
    const event = await res.json();
    expect(event['@odata.context']).toBe(
      `${new URL(standIn.url).origin}/v1.0/$metadata#users('arbetsrum%40trollhattan.example')/events/$entity`,
    );
    expect(event).toMatchObject({
      id: expect.stringMatching(/^AAMkAD[A-Za-z0-9_-]+$/),
      iCalUId: expect.stringMatching(/^040000008200E00074C5B7101A82E008/),
      webLink: expect.stringContaining(new URL(standIn.url).origin),
      createdDateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/),
      lastModifiedDateTime: expect.any(String),
      isCancelled: false,
      subject: 'Möte 2 – Ekologiska hållbarhetsgruppen',
      body: { contentType: 'html', content: '<p>Välkomna!</p>' },
      bodyPreview: 'Välkomna!',
      start: { dateTime: '2026-03-11T13:00:00.0000000', timeZone: ZONE },
      end: { dateTime: '2026-03-11T15:00:00.0000000', timeZone: ZONE },
      originalStartTimeZone: ZONE,
      location: { displayName: 'Stadshuset, sal 3' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      onlineMeeting: { joinUrl: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//) },
      categories: ['Arbetsrum'],
      showAs: 'busy',
      transactionId: null,
      attendees: [],
      organizer: { emailAddress: { address: MAILBOX, name: 'arbetsrum' } },
    });
    expect((await created(meeting())).onlineMeeting).toBeNull();
  });

  it('creates one event for two POSTs with the same transactionId (a client retry)', async () => {
    const first = await create(meeting({ transactionId: 'meeting-42' }));
    const second = await create(meeting({ transactionId: 'meeting-42', subject: 'Retried' }));
    expect([first.status, second.status]).toEqual([201, 201]);
    const [a, b] = [await first.json(), await second.json()];
    expect(b.id).toBe(a.id);
    expect(b.subject).toBe(a.subject);
    const list = await (await graph(eventsUrl())).json();
    expect(list.value).toHaveLength(1);
    // The mailbox is case-insensitive: the same calendar, so the same event again.
    const upper = await graph(`${standIn.url}/users/ARBETSRUM%40Trollhattan.EXAMPLE/events`, {
      method: 'POST',
      json: meeting({ transactionId: 'meeting-42' }),
    });
    expect((await upper.json()).id).toBe(a.id);
    // The same transactionId in another mailbox is another event.
    const other = await graph(`${standIn.url}/users/kansliet@trollhattan.example/events`, {
      method: 'POST',
      json: meeting({ transactionId: 'meeting-42' }),
    });
    const otherEvent = await other.json();
    expect(otherEvent.id).not.toBe(a.id);
    expect(otherEvent.organizer.emailAddress.address).toBe('kansliet@trollhattan.example');
    expect((await (await graph(eventsUrl())).json()).value).toHaveLength(1);
  });

  it('answers GET in UTC unless Prefer: outlook.timezone asks for a zone', async () => {
    const { id } = await created(meeting());
    const utc = await (await graph(eventsUrl(`/${id}`))).json();
    expect(utc.start).toEqual({ dateTime: '2026-03-11T12:00:00.0000000', timeZone: 'UTC' });
    const summer = await created(
      meeting({ start: { dateTime: '2026-06-10T13:00:00', timeZone: ZONE }, end: { dateTime: '2026-06-10T14:00:00', timeZone: ZONE } }),
    );
    expect((await (await graph(eventsUrl(`/${summer.id}`))).json()).start.dateTime).toBe('2026-06-10T11:00:00.0000000');
    const res = await graph(eventsUrl(`/${id}`), { headers: { Prefer: 'outlook.timezone="Europe/Stockholm"' } });
    expect(res.headers.get('preference-applied')).toBe('outlook.timezone="Europe/Stockholm"');
    expect((await res.json()).end).toEqual({ dateTime: '2026-03-11T15:00:00.0000000', timeZone: 'Europe/Stockholm' });
  });

  it('lists by start, $top up to 1000 with a nextLink, and keeps the calendar across a restart', async () => {
    for (const day of [20, 12, 15]) {
      await create(
        meeting({
          subject: `Dag ${day}`,
          start: { dateTime: `2026-03-${day}T09:00:00`, timeZone: 'UTC' },
          end: { dateTime: `2026-03-${day}T10:00:00`, timeZone: 'UTC' },
        }),
      );
    }
    await standIn.close();
    standIn = await startGraphStandIn({ port: 0, dataDir });
    const all = await (await graph(eventsUrl())).json();
    expect(all.value.map((e: { subject: string }) => e.subject)).toEqual(['Dag 12', 'Dag 15', 'Dag 20']);
    expect(all['@odata.nextLink']).toBeUndefined();
    const first = await (await graph(eventsUrl('?$top=2&$orderby=start/dateTime'))).json();
    expect(first.value).toHaveLength(2);
    expect(first['@odata.nextLink']).toContain('/v1.0/users/arbetsrum%40trollhattan.example/events?');
    const rest = await (await graph(first['@odata.nextLink'])).json();
    expect(rest.value.map((e: { subject: string }) => e.subject)).toEqual(['Dag 20']);
    await expectGraphError(await graph(eventsUrl('?$top=1001')), 400, 'BadRequest');
    await expectGraphError(await graph(eventsUrl("?$filter=subject eq 'x'")), 400, 'BadRequest');
    const file = calendarFile(dataDir, MAILBOX);
    expect(path.dirname(file)).toBe(path.join(dataDir, 'calendar'));
    expect(path.basename(file)).toMatch(/^arbetsrum@trollhattan\.example-[0-9a-f]{16}\.json$/);
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored.mailbox).toBe(MAILBOX);
    expect(stored.events).toHaveLength(3);
  });

  it('updates part of an event with PATCH and refuses a new transactionId', async () => {
    const event = await created(meeting({ transactionId: 't-1' }));
    const res = await graph(eventsUrl(`/${event.id}`), {
      method: 'PATCH',
      json: { location: { displayName: 'Kulturhuset' }, isOnlineMeeting: true },
    });
    expect(res.status).toBe(200);
    const updated = await res.json();
    expect(updated).toMatchObject({
      id: event.id,
      subject: event.subject,
      location: { displayName: 'Kulturhuset' },
      onlineMeetingProvider: 'teamsForBusiness',
    });
    expect(updated.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(updated.changeKey).not.toBe(event.changeKey);
    expect((await graph(eventsUrl(`/${event.id}`), { method: 'PATCH', json: { transactionId: 't-1' } })).status).toBe(200);
    await expectGraphError(
      await graph(eventsUrl(`/${event.id}`), { method: 'PATCH', json: { transactionId: 't-2' } }),
      400,
      'ErrorInvalidRequest',
    );
    // The merged event must still end after it starts.
    const backwards = { end: { dateTime: '2026-03-11T12:00:00', timeZone: ZONE } };
    await expectGraphError(
      await graph(eventsUrl(`/${event.id}`), { method: 'PATCH', json: backwards }),
      400,
      'ErrorPropertyValidationFailure',
    );
  });

  it('cancels with 202: the event stays, marked isCancelled, and further changes are 404', async () => {
    const event = await created(meeting());
    const res = await graph(eventsUrl(`/${event.id}/cancel`), { method: 'POST', json: { comment: 'Inställt på grund av sjukdom' } });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('');
    expect((await (await graph(eventsUrl(`/${event.id}`))).json()).isCancelled).toBe(true);
    expect((await (await graph(eventsUrl())).json()).value[0].isCancelled).toBe(true);
    await expectGraphError(await graph(eventsUrl(`/${event.id}`), { method: 'PATCH', json: { subject: 'x' } }), 404, 'ErrorItemNotFound');
    await expectGraphError(await graph(eventsUrl(`/${event.id}/cancel`), { method: 'POST', json: {} }), 404, 'ErrorItemNotFound');
    await expectGraphError(
      await graph(eventsUrl(`/${event.id}/cancel`), { method: 'POST', json: { reason: 'x' } }),
      400,
      'RequestBodyRead',
    );
  });

  it('deletes with 204; then GET, PATCH and DELETE are 404', async () => {
    const event = await created(meeting());
    expect((await graph(eventsUrl(`/${event.id}`), { method: 'DELETE' })).status).toBe(204);
    await expectGraphError(await graph(eventsUrl(`/${event.id}`)), 404, 'ErrorItemNotFound');
    await expectGraphError(await graph(eventsUrl(`/${event.id}`), { method: 'PATCH', json: { subject: 'x' } }), 404, 'ErrorItemNotFound');
    await expectGraphError(await graph(eventsUrl(`/${event.id}`), { method: 'DELETE' }), 404, 'ErrorItemNotFound');
    await expectGraphError(await graph(eventsUrl('/not*an*id')), 400, 'ErrorInvalidIdMalformed');
  });

  it('accepts IANA zones as Graph does', async () => {
    const res = await create(
      meeting({
        start: { dateTime: '2026-03-11T13:00:00.1234567', timeZone: 'Europe/Stockholm' },
        end: { dateTime: '2026-03-11T14:00:00', timeZone: 'UTC' },
      }),
    );
    expect(res.status).toBe(201);
    expect((await res.json()).start).toEqual({ dateTime: '2026-03-11T13:00:00.1234567', timeZone: 'Europe/Stockholm' });
  });

  it.each([
    ['an unknown property', meeting({ attendeez: [] }), 'RequestBodyRead'],
    ['an unknown location property', meeting({ location: { displayName: 'x', address: {} } }), 'RequestBodyRead'],
    ['no start', { ...meeting(), start: undefined }, 'RequestBodyRead'],
    ['a subject over 255 characters', meeting({ subject: 'x'.repeat(256) }), 'ErrorInvalidRequest'],
    ['a subject that is not a string', meeting({ subject: 7 }), 'RequestBodyRead'],
    ['a body type other than text or html', meeting({ body: { contentType: 'markdown', content: '#' } }), 'RequestBodyRead'],
    ['a dateTime with an offset', meeting({ start: { dateTime: '2026-03-11T13:00:00+01:00', timeZone: ZONE } }), 'ErrorInvalidRequest'],
    ['a day that does not exist', meeting({ start: { dateTime: '2026-02-30T13:00:00', timeZone: ZONE } }), 'ErrorInvalidRequest'],
    ['an empty time zone', meeting({ start: { dateTime: '2026-03-11T13:00:00', timeZone: '' } }), 'TimeZoneNotSupportedException'],
    [
      'an unknown time zone',
      meeting({ start: { dateTime: '2026-03-11T13:00:00', timeZone: 'Mars Standard Time' } }),
      'TimeZoneNotSupportedException',
    ],
    ['an end before the start', meeting({ end: { dateTime: '2026-03-11T12:00:00', timeZone: ZONE } }), 'ErrorPropertyValidationFailure'],
    [
      'an end equal to the start, in another zone',
      meeting({ end: { dateTime: '2026-03-11T12:00:00', timeZone: 'UTC' } }),
      'ErrorPropertyValidationFailure',
    ],
    ['isOnlineMeeting that is not a boolean', meeting({ isOnlineMeeting: 'yes' }), 'RequestBodyRead'],
    ['an unknown onlineMeetingProvider', meeting({ onlineMeetingProvider: 'zoom' }), 'RequestBodyRead'],
    ['an unknown showAs', meeting({ showAs: 'away' }), 'RequestBodyRead'],
    ['categories that are not strings', meeting({ categories: [1] }), 'RequestBodyRead'],
    ['an empty transactionId', meeting({ transactionId: '' }), 'ErrorInvalidRequest'],
  ])('refuses %s with 400 and stores nothing', async (_what, body, code) => {
    await expectGraphError(await create(body), 400, code);
    expect((await (await graph(eventsUrl())).json()).value).toEqual([]);
  });
});
