/**
 * The Graph stand-in's calendar as Arbetsrum uses it: meetings organised by the service mailbox
 * with every member invited (attendees, organizer), the mailbox path segment (validated, and never
 * a way out of the calendar folder), and the group calendar Graph refuses to app-only tokens.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { calendarFile } from '../../../bot/src/adapters/graph/graph-event-routes';
import { startGraphStandIn, type GraphStandIn } from '../../../bot/src/adapters/graph/graph-stand-in';
import { call, expectGraphError, graph, listFiles } from './graph-test-support';

const MAILBOX = 'arbetsrum@trollhattan.example';
const GROUP = '01d4ee64-15ce-491e-bad1-b91aa3223df4';
const ZONE = 'W. Europe Standard Time';

let root: string;
let dataDir: string;
let standIn: GraphStandIn;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'graph-mailbox-events-'));
  dataDir = path.join(root, 'data');
  standIn = await startGraphStandIn({ port: 0, dataDir });
});

afterEach(async () => {
  await standIn.close();
  await rm(root, { recursive: true, force: true });
});

const eventsUrl = (mailbox = encodeURIComponent(MAILBOX), suffix = '') => `${standIn.url}/users/${mailbox}/events${suffix}`;
const meeting = (extra: Record<string, unknown> = {}) => ({
  subject: 'Möte 2 – Ekologiska hållbarhetsgruppen',
  start: { dateTime: '2026-03-11T13:00:00', timeZone: ZONE },
  end: { dateTime: '2026-03-11T15:00:00', timeZone: ZONE },
  ...extra,
});
const attendee = (address: string, extra: Record<string, unknown> = {}) => ({ type: 'required', emailAddress: { address }, ...extra });
const NO_RESPONSE = { response: 'none', time: '0001-01-01T00:00:00Z' };

describe('attendees', () => {
  it('stores and returns them with no response yet, and PATCH replaces the list', async () => {
    const attendees = [
      { type: 'required', emailAddress: { address: 'sara.nilsson@trollhattan.example', name: 'Sara Nilsson' } },
      { type: 'optional', emailAddress: { address: 'per@trollhattan.example' } },
      { type: 'resource', emailAddress: { address: 'sal3@trollhattan.example', name: 'Sal 3' } },
    ];
    const res = await graph(eventsUrl(), { method: 'POST', json: meeting({ attendees, transactionId: 'm-1' }) });
    expect(res.status).toBe(201);
    const event = await res.json();
    expect(event.attendees).toEqual([
      { type: 'required', status: NO_RESPONSE, emailAddress: { address: 'sara.nilsson@trollhattan.example', name: 'Sara Nilsson' } },
      { type: 'optional', status: NO_RESPONSE, emailAddress: { address: 'per@trollhattan.example', name: 'per@trollhattan.example' } },
      { type: 'resource', status: NO_RESPONSE, emailAddress: { address: 'sal3@trollhattan.example', name: 'Sal 3' } },
    ]);
    expect(event.organizer).toEqual({ emailAddress: { address: MAILBOX, name: 'arbetsrum' } });
    const got = await (await graph(eventsUrl(undefined, `/${event.id}`))).json();
    expect(got.attendees).toEqual(event.attendees);

    const patched = await graph(eventsUrl(undefined, `/${event.id}`), {
      method: 'PATCH',
      json: { attendees: [attendee('ny@kommun.example')] },
    });
    expect((await patched.json()).attendees.map((a: { emailAddress: { address: string } }) => a.emailAddress.address)).toEqual([
      'ny@kommun.example',
    ]);
    // A PATCH without attendees keeps them.
    await graph(eventsUrl(undefined, `/${event.id}`), { method: 'PATCH', json: { subject: 'Nytt ämne' } });
    expect((await (await graph(eventsUrl(undefined, `/${event.id}`))).json()).attendees).toHaveLength(1);
  });

  it('takes up to 500', async () => {
    const many = Array.from({ length: 500 }, (_, i) => attendee(`medlem${i}@kommun.example`));
    const res = await graph(eventsUrl(), { method: 'POST', json: meeting({ attendees: many }) });
    expect(res.status).toBe(201);
    expect((await res.json()).attendees).toHaveLength(500);
  });

  it.each([
    ['more than 500', Array.from({ length: 501 }, (_, i) => attendee(`medlem${i}@kommun.example`)), 'ErrorInvalidRequest'],
    ['a bad address', [attendee('inte en adress')], 'ErrorInvalidRequest'],
    ['an address without a domain', [attendee('sara@')], 'ErrorInvalidRequest'],
    ['an address over 320 characters', [attendee(`${'a'.repeat(64)}@${'b'.repeat(250)}.example`)], 'ErrorInvalidRequest'],
    ['an address that is not a string', [{ type: 'required', emailAddress: { address: 7 } }], 'RequestBodyRead'],
    [
      'a name that is not a string',
      [attendee('sara@kommun.example', { emailAddress: { address: 'sara@kommun.example', name: 1 } })],
      'RequestBodyRead',
    ],
    ['an unknown type', [attendee('sara@kommun.example', { type: 'mandatory' })], 'RequestBodyRead'],
    ['no type', [{ emailAddress: { address: 'sara@kommun.example' } }], 'RequestBodyRead'],
    ['no emailAddress', [{ type: 'required' }], 'RequestBodyRead'],
    ['an unknown attendee property', [attendee('sara@kommun.example', { proposedNewTime: {} })], 'RequestBodyRead'],
    ['an unknown emailAddress property', [{ type: 'required', emailAddress: { address: 'sara@kommun.example', x: 1 } }], 'RequestBodyRead'],
    ['an attendee that is a string', ['sara@kommun.example'], 'RequestBodyRead'],
    ['attendees that are not an array', { type: 'required' }, 'RequestBodyRead'],
  ])('refuses %s with 400 and stores nothing', async (_what, attendees, code) => {
    await expectGraphError(await graph(eventsUrl(), { method: 'POST', json: meeting({ attendees }) }), 400, code);
    expect((await (await graph(eventsUrl())).json()).value).toEqual([]);
  });
});

describe('the mailbox segment', () => {
  it('takes an address raw or percent-encoded, in any case, and an object id', async () => {
    const { id } = await (await graph(eventsUrl(), { method: 'POST', json: meeting() })).json();
    for (const mailbox of [MAILBOX, 'Arbetsrum%40TROLLHATTAN.example']) {
      expect((await graph(eventsUrl(mailbox, `/${id}`))).status).toBe(200);
    }
    const guid = '6F1C2A8E-3B4D-4E5F-9A0B-1C2D3E4F5A6B';
    const byId = await (await graph(eventsUrl(guid), { method: 'POST', json: meeting() })).json();
    expect(byId['@odata.context']).toContain(`users('${guid.toLowerCase()}')`);
    expect(byId.organizer.emailAddress.address).toBe(`${guid.toLowerCase()}@graph-stand-in.invalid`);
  });

  it.each([
    ['no @ and no GUID', 'arbetsrum'],
    ['a dot-dot', '..'],
    ['an encoded dot-dot', '%2E%2E'],
    ['an address over 320 characters', `${'a'.repeat(64)}%40${'b'.repeat(252)}.example`],
    ['a malformed escape', 'arbetsrum%4'],
  ])('refuses %s with 400', async (_what, mailbox) => {
    const res = await call(standIn.url, 'POST', `/users/${mailbox}/events`, { body: JSON.stringify(meeting()) });
    expect(res.status).toBe(400);
    expect(['ErrorInvalidUser', 'invalidRequest']).toContain(res.json().error.code);
  });

  it('keeps a mailbox with odd characters inside the calendar folder, in a file of its own', async () => {
    const odd = ['../../evil@x.example', "o'hara&co/..@kommun.example", `${'a'.repeat(64)}@${'b'.repeat(240)}.example`];
    const similar = ['a+b@x.example', 'a/b@x.example'];
    const mailboxes = [...odd, ...similar];
    for (const [i, mailbox] of mailboxes.entries()) {
      const res = await call(standIn.url, 'POST', `/users/${encodeURIComponent(mailbox)}/events`, {
        body: JSON.stringify(meeting({ subject: `Kalender ${i}` })),
      });
      expect(res.status).toBe(201);
      expect(res.json().organizer.emailAddress.address).toBe(mailbox);
    }
    const files = await listFiles(root);
    expect(files).toHaveLength(5); // a+b and a/b share a readable prefix but not a file
    for (const file of files) {
      expect(path.dirname(file)).toBe(path.join('data', 'calendar'));
      expect(path.basename(file)).toMatch(/^[a-z0-9@._-]{1,64}-[0-9a-f]{16}\.json$/);
    }
    for (const [i, mailbox] of mailboxes.entries()) {
      const stored = JSON.parse(await readFile(calendarFile(dataDir, mailbox), 'utf8'));
      expect(stored).toMatchObject({ mailbox, events: [{ subject: `Kalender ${i}` }] });
    }
  });
});

describe('group calendars', () => {
  it.each([
    ['POST', `/groups/${GROUP}/events`],
    ['GET', `/groups/${GROUP}/events`],
    ['GET', `/groups/${GROUP}/events/AAMkADabc`],
    ['PATCH', `/groups/${GROUP}/events/AAMkADabc`],
    ['DELETE', `/groups/${GROUP}/events/AAMkADabc`],
    ['POST', `/groups/${GROUP}/events/AAMkADabc/cancel`],
    ['POST', `/groups/${GROUP}/calendar/events`],
  ])('refuses %s %s with 403 ErrorAccessDenied, as Graph refuses an app-only token, and writes nothing', async (method, rawPath) => {
    const res = await graph(`${standIn.url}${rawPath}`, {
      method,
      ...(method === 'GET' || method === 'DELETE' ? {} : { json: meeting() }),
    });
    const body = await expectGraphError(res, 403, 'ErrorAccessDenied');
    expect(body.error.message).toMatch(/application permissions are not supported/i);
    expect(await listFiles(dataDir)).toEqual([]);
  });

  it('is counted as an events route', async () => {
    await graph(`${standIn.url}/groups/${GROUP}/events`, { method: 'POST', json: meeting() });
    expect(standIn.stats().byRoute).toEqual({ 'POST /groups/{id}/events…': 1 });
  });
});
