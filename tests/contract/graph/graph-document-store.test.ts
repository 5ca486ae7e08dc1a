/**
 * The document store against the Graph stand-in: a small file by one PUT, a large one through an
 * upload session in chunks, both with their metadata columns, and both through a Graph that
 * answers 503 to every other request (uploads are retried by us, not by the Graph client).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphDocumentStore } from '../../../bot/src/adapters/graph/graph-document-store';
import { startGraphStandIn, type GraphStandIn } from '../../../bot/src/adapters/graph/graph-stand-in';
import { silentLogger } from '../../support/silent-logger';

const GROUP = '5e0c1a7d-2b4f-4c8e-9d3a-7f1b6e2c4a90';

describe('GraphDocumentStore against the Graph stand-in', () => {
  let dataDir: string;
  let standIn: GraphStandIn;
  let store: GraphDocumentStore;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'arbetsrum-docs-'));
    standIn = await startGraphStandIn({ port: 0, dataDir });
    // Anything over 1 MB goes through an upload session, so the test need not move 4 MB.
    store = new GraphDocumentStore({ baseUrl: standIn.url, accessToken: async () => 'token' }, silentLogger, 1024 * 1024);
  });
  afterAll(async () => {
    await standIn.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const onDisk = (file: string) => readFile(path.join(dataDir, 'sharepoint', GROUP, file));

  it('stores a small file with one PUT and sets its columns', async () => {
    const bytes = randomBytes(20_000);
    const before = standIn.stats().requests;
    const stored = await store.put(GROUP, 'Minnesanteckningar/2026/2026-02-11 Möte 1.docx', bytes, {
      MeetingDate: '2026-02-11',
      Version: 1,
    });
    expect(stored.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(await onDisk('Minnesanteckningar/2026/2026-02-11 Möte 1.docx')).toEqual(bytes);
    const fields = JSON.parse((await onDisk('Minnesanteckningar/2026/2026-02-11 Möte 1.docx.fields.json')).toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(fields).toMatchObject({ MeetingDate: '2026-02-11', Version: 1 });
    expect(standIn.stats().requests - before).toBe(2);
  });

  it('stores a large file through an upload session, retrying 503s, and replacing leaves one file', async () => {
    const bytes = randomBytes(7 * 1024 * 1024 + 123);
    standIn.setFaults({ everyNth: 2, status: 503, retryAfterSeconds: 0, routes: ['upload'] });
    try {
      await store.put(GROUP, 'Rapporter/2026/Stor rapport.docx', bytes);
      await store.put(GROUP, 'Rapporter/2026/Stor rapport.docx', bytes);
    } finally {
      standIn.setFaults(null);
    }
    expect((await onDisk('Rapporter/2026/Stor rapport.docx')).equals(bytes)).toBe(true);
  });
});
