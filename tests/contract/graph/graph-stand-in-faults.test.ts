/**
 * The Graph stand-in's fault injection (429/503 with Retry-After per route family, switchable while
 * running), its added latency and its request counts for benchmarks.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGraphStandIn, type GraphStandIn } from '../../../bot/src/adapters/graph/graph-stand-in';
import { expectGraphError, fetchJson, graph } from './graph-test-support';

const GROUP = '6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b';

let root: string;
let dataDir: string;
let standIn: GraphStandIn;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'graph-faults-'));
  dataDir = path.join(root, 'data');
});

afterEach(async () => {
  await standIn.close();
  await rm(root, { recursive: true, force: true });
});

const mail = { message: { subject: 'Hej', toRecipients: [{ emailAddress: { address: 'a@kommun.example' } }] } };
const sendMail = () => graph(`${standIn.url}/users/u1/sendMail`, { method: 'POST', json: mail });
const getDrive = () => graph(`${standIn.url}/groups/${GROUP}/drive`);
const outbox = async () => (await readdir(path.join(dataDir, 'outbox')).catch(() => [])).filter((f) => f.endsWith('.eml'));

describe('faults', () => {
  it('answers every Nth mail request 429 with Retry-After, before anything is written, and leaves other routes alone', async () => {
    standIn = await startGraphStandIn({ port: 0, dataDir, faults: { everyNth: 2, status: 429, retryAfterSeconds: 3, routes: ['mail'] } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await sendMail()).status);
      statuses.push((await getDrive()).status);
    }
    expect(statuses).toEqual([202, 200, 429, 200, 202, 200, 429, 200]);
    expect(await outbox()).toHaveLength(2);
    const throttled = await sendMail().then(() => sendMail()); // the 6th mail request
    expect(throttled.headers.get('retry-after')).toBe('3');
    await expectGraphError(throttled, 429, 'TooManyRequests');
  });

  it('answers 503 serviceNotAvailable with Retry-After on the chosen family, the uploadUrl included in upload', async () => {
    standIn = await startGraphStandIn({ port: 0, dataDir, faults: { everyNth: 1, status: 503, retryAfterSeconds: 1, routes: ['upload'] } });
    const res = await getDrive();
    expect(res.headers.get('retry-after')).toBe('1');
    await expectGraphError(res, 503, 'serviceNotAvailable');
    expect((await sendMail()).status).toBe(202);
    standIn.setFaults(null);
    const session = await graph(`${standIn.url}/groups/${GROUP}/drive/root:/a.bin:/createUploadSession`, { method: 'POST' });
    const { uploadUrl } = await session.json();
    standIn.setFaults({ everyNth: 1, status: 503, retryAfterSeconds: 1, routes: ['upload'] });
    const put = await fetchJson(uploadUrl, { method: 'PUT', body: 'abc', headers: { 'Content-Range': 'bytes 0-2/3' } });
    await expectGraphError(put, 503, 'serviceNotAvailable');
    standIn.setFaults(null);
    expect((await fetchJson(uploadUrl, { method: 'PUT', body: 'abc', headers: { 'Content-Range': 'bytes 0-2/3' } })).status).toBe(201);
  });

  it('switches on and off while running, counting afresh each time', async () => {
    standIn = await startGraphStandIn({ port: 0, dataDir });
    expect((await getDrive()).status).toBe(200);
    standIn.setFaults({ everyNth: 2, status: 429, retryAfterSeconds: 0, routes: ['events', 'upload'] });
    expect([(await getDrive()).status, (await getDrive()).status]).toEqual([200, 429]);
    standIn.setFaults(null);
    expect([(await getDrive()).status, (await getDrive()).status]).toEqual([200, 200]);
    expect(() => standIn.setFaults({ everyNth: 0, status: 429, retryAfterSeconds: 1 })).toThrow(/everyNth/);
    expect(() => standIn.setFaults({ everyNth: 1, status: 500 as 429, retryAfterSeconds: 1 })).toThrow(/status/);
  });

  it('refuses faults that make no sense at start', async () => {
    standIn = await startGraphStandIn({ port: 0, dataDir });
    await expect(startGraphStandIn({ port: 0, dataDir, faults: { everyNth: 1, status: 429, retryAfterSeconds: -1 } })).rejects.toThrow();
    await expect(
      startGraphStandIn({ port: 0, dataDir, faults: { everyNth: 1, status: 429, retryAfterSeconds: 1, routes: [] } }),
    ).rejects.toThrow();
    await expect(startGraphStandIn({ port: 0, dataDir, latencyMs: -5 })).rejects.toThrow(/latencyMs/);
  });
});

describe('latency and stats', () => {
  it('adds latencyMs before every answer', async () => {
    standIn = await startGraphStandIn({ port: 0, dataDir, latencyMs: 150 });
    const started = Date.now();
    expect((await getDrive()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('counts Graph requests per route, refused ones included, the listing page not', async () => {
    standIn = await startGraphStandIn({ port: 0, dataDir });
    await sendMail();
    await sendMail();
    await getDrive();
    await fetchJson(`${standIn.url}/groups/${GROUP}/drive`); // no token: 401, still a request to Graph
    await graph(`${standIn.url}/me/messages`);
    await fetchJson(standIn.pageUrl);
    expect(standIn.stats()).toEqual({
      requests: 5,
      byRoute: { 'POST /users/{id}/sendMail': 2, 'GET /groups/{id}/drive': 2, 'GET (unknown)': 1 },
    });
    const snapshot = standIn.stats();
    snapshot.byRoute['GET /groups/{id}/drive'] = 99; // a copy: the caller cannot change the counts
    expect(standIn.stats().byRoute['GET /groups/{id}/drive']).toBe(2);
  });
});
