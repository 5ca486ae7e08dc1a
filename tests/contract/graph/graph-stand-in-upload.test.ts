/**
 * The Graph stand-in's upload sessions and list item fields against Graph's documented shapes
 * (driveitem-createuploadsession, listitem-update), over real HTTP on a free loopback port.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGraphStandIn, type GraphStandIn } from '../../../bot/src/adapters/graph/graph-stand-in';
import { call, expectGraphError, expectGraphErrorBody, fetchJson, graph, listFiles } from './graph-test-support';

const GROUP = '6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b';
const KIB320 = 320 * 1024;

let root: string;
let dataDir: string;
let standIn: GraphStandIn;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'graph-upload-'));
  dataDir = path.join(root, 'data');
  standIn = await startGraphStandIn({ port: 0, dataDir, limits: { chunkBytes: 4 * KIB320 } });
});

afterEach(async () => {
  await standIn.close();
  await rm(root, { recursive: true, force: true });
});

const sessionUrl = (itemPath: string): string =>
  `${standIn.url}/groups/${GROUP}/drive/root:/${itemPath.split('/').map(encodeURIComponent).join('/')}:/createUploadSession`;

async function openSession(itemPath: string, body?: unknown): Promise<string> {
  const res = await graph(sessionUrl(itemPath), { method: 'POST', ...(body === undefined ? {} : { json: body }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { uploadUrl: string }).uploadUrl;
}

/** A fragment PUT as a Graph client sends it: no Authorization, Content-Range, Content-Length from the body. */
const putRange = (uploadUrl: string, bytes: Buffer, start: number, total: number, headers: Record<string, string> = {}) =>
  fetchJson(uploadUrl, {
    method: 'PUT',
    body: bytes,
    headers: { 'Content-Range': `bytes ${start}-${start + bytes.length - 1}/${total}`, ...headers },
  });

const target = (itemPath: string): string => path.join(dataDir, 'sharepoint', GROUP, ...itemPath.split('/'));
const uploadsDir = (): string => path.join(dataDir, '.graph-stand-in', 'uploads');

describe('upload sessions', () => {
  it('answers createUploadSession with an uploadSession on its own origin', async () => {
    const res = await graph(sessionUrl('Protokoll/stor.docx'), {
      method: 'POST',
      json: { item: { '@microsoft.graph.conflictBehavior': 'replace', name: 'stor.docx' } },
    });
    expect(res.status).toBe(200);
    const session = await res.json();
    expect(session.nextExpectedRanges).toEqual(['0-']);
    expect(new URL(session.uploadUrl).origin).toBe(new URL(standIn.url).origin);
    expect(Date.parse(session.expirationDateTime)).toBeGreaterThan(Date.now());
    expect(session.expirationDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('takes a file in 3 fragments: 202 with nextExpectedRanges, then 201 and the same bytes on disk, placed only at the end', async () => {
    const itemPath = 'Minnesanteckningar/2026/Möte 3 – protokoll.docx';
    const bytes = randomBytes(2 * KIB320 * 2 + 12_345);
    const uploadUrl = await openSession(itemPath);
    const cuts = [0, 2 * KIB320, 4 * KIB320, bytes.length];

    for (let i = 0; i < 2; i += 1) {
      const res = await putRange(uploadUrl, bytes.subarray(cuts[i], cuts[i + 1]), cuts[i]!, bytes.length);
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ expirationDateTime: expect.any(String), nextExpectedRanges: [`${cuts[i + 1]}-`] });
      await expect(stat(target(itemPath))).rejects.toMatchObject({ code: 'ENOENT' }); // nothing in the library yet
    }
    const status = await fetchJson(uploadUrl);
    expect(await status.json()).toMatchObject({ nextExpectedRanges: [`${cuts[2]}-`] });

    const last = await putRange(uploadUrl, bytes.subarray(cuts[2]), cuts[2]!, bytes.length);
    expect(last.status).toBe(201);
    const item = await last.json();
    expect((await readFile(target(itemPath))).equals(bytes)).toBe(true); // (toEqual on a 1 MB Buffer takes seconds)
    expect(await readdir(uploadsDir())).toEqual([]); // the temp file became the file

    // The same driveItem shape (and id) as a simple PUT to the same path.
    const simple = await graph(
      `${standIn.url}/groups/${GROUP}/drive/root:/${itemPath.split('/').map(encodeURIComponent).join('/')}:/content`,
      {
        method: 'PUT',
        body: 'x',
      },
    );
    expect(simple.status).toBe(200);
    const replaced = await simple.json();
    expect(Object.keys(item).sort()).toEqual(Object.keys(replaced).sort());
    expect(item).toMatchObject({
      id: replaced.id,
      name: 'Möte 3 – protokoll.docx',
      size: bytes.length,
      parentReference: replaced.parentReference,
    });

    // A finished session is gone.
    await expectGraphError(await putRange(uploadUrl, bytes.subarray(0, KIB320), 0, bytes.length), 404, 'itemNotFound');
  });

  it('refuses an uploadUrl request that carries Authorization (401), and the session goes on', async () => {
    const uploadUrl = await openSession('a.bin');
    const bytes = randomBytes(1000);
    await expectGraphError(await putRange(uploadUrl, bytes, 0, 1000, { Authorization: 'Bearer test-token' }), 401, 'unauthenticated');
    expect((await putRange(uploadUrl, bytes, 0, 1000)).status).toBe(201);
  });

  it('refuses fragments out of order with 416 invalidRange: a gap, and a fragment already received', async () => {
    const uploadUrl = await openSession('b.bin');
    const bytes = randomBytes(3 * KIB320);
    await expectGraphError(await putRange(uploadUrl, bytes.subarray(KIB320, 2 * KIB320), KIB320, bytes.length), 416, 'invalidRange');
    expect((await putRange(uploadUrl, bytes.subarray(0, KIB320), 0, bytes.length)).status).toBe(202);
    await expectGraphError(await putRange(uploadUrl, bytes.subarray(0, KIB320), 0, bytes.length), 416, 'invalidRange');
    expect((await putRange(uploadUrl, bytes.subarray(KIB320), KIB320, bytes.length)).status).toBe(201);
    expect((await readFile(target('b.bin'))).equals(bytes)).toBe(true);
  });

  it.each([
    ['a fragment over the per-request limit', 5 * KIB320, 10 * KIB320, {}],
    ['a middle fragment that is not a multiple of 320 KiB', KIB320 + 1, 3 * KIB320, {}],
    ['a malformed Content-Range', KIB320, 3 * KIB320, { 'Content-Range': 'bytes=0-100' }],
    ['a range past the total', KIB320, 3 * KIB320, { 'Content-Range': `bytes 0-${KIB320 - 1}/100` }],
  ])('refuses %s with 400 invalidRequest', async (_what, length, total, headers) => {
    const uploadUrl = await openSession('c.bin');
    const res = await putRange(uploadUrl, randomBytes(length), 0, total, headers);
    await expectGraphError(res, 400, 'invalidRequest');
    expect(await (await fetchJson(uploadUrl)).json()).toMatchObject({ nextExpectedRanges: ['0-'] });
  });

  it('refuses a fragment without Content-Length (chunked) and one that changes the total', async () => {
    const uploadUrl = await openSession('d.bin');
    const chunked = await call(uploadUrl, 'PUT', '', {
      auth: false,
      headers: { 'Content-Range': `bytes 0-${KIB320 - 1}/${2 * KIB320}` },
      chunks: [randomBytes(KIB320)],
    });
    expect(chunked.status).toBe(400);
    expectGraphErrorBody(chunked.json(), 'invalidRequest');
    expect((await putRange(uploadUrl, randomBytes(KIB320), 0, 2 * KIB320)).status).toBe(202);
    await expectGraphError(await putRange(uploadUrl, randomBytes(KIB320), KIB320, 3 * KIB320), 400, 'invalidRequest');
  });

  it('cancels with DELETE (204): the bytes are gone and the uploadUrl is 404', async () => {
    const uploadUrl = await openSession('e.bin');
    expect((await putRange(uploadUrl, randomBytes(KIB320), 0, 2 * KIB320)).status).toBe(202);
    expect(await readdir(uploadsDir())).toHaveLength(1);
    const res = await fetchJson(uploadUrl, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(await readdir(uploadsDir())).toEqual([]);
    await expectGraphError(await fetchJson(uploadUrl), 404, 'itemNotFound');
    await expectGraphError(await fetchJson(uploadUrl, { method: 'DELETE' }), 404, 'itemNotFound');
  });

  it('follows conflictBehavior: fail by default (409 at once), replace (200), rename', async () => {
    const first = await openSession('Kallelse.pdf');
    expect((await putRange(first, Buffer.from('one'), 0, 3)).status).toBe(201);
    await expectGraphError(await graph(sessionUrl('Kallelse.pdf'), { method: 'POST' }), 409, 'nameAlreadyExists');

    const replace = await openSession('Kallelse.pdf', { item: { '@microsoft.graph.conflictBehavior': 'replace' } });
    expect((await putRange(replace, Buffer.from('two'), 0, 3)).status).toBe(200);
    expect(await readFile(target('Kallelse.pdf'), 'utf8')).toBe('two');

    const rename = await openSession('Kallelse.pdf', { item: { '@microsoft.graph.conflictBehavior': 'rename' } });
    const renamed = await putRange(rename, Buffer.from('three'), 0, 5);
    expect(renamed.status).toBe(201);
    expect((await renamed.json()).name).toBe('Kallelse 1.pdf');
  });

  it.each([
    ['an unknown parameter', { item: {}, overwrite: true }, 400, 'RequestBodyRead'],
    ['an unknown item property', { item: { colour: 'red' } }, 400, 'RequestBodyRead'],
    ['an unknown conflictBehavior', { item: { '@microsoft.graph.conflictBehavior': 'merge' } }, 400, 'invalidRequest'],
    ['an item name other than the path', { item: { name: 'other.docx' } }, 400, 'invalidRequest'],
    ['deferCommit, which the stand-in lacks', { deferCommit: true }, 501, 'notSupported'],
  ])('refuses createUploadSession with %s', async (_what, body, status, code) => {
    await expectGraphError(await graph(sessionUrl('f.docx'), { method: 'POST', json: body }), status, code);
    expect(await listFiles(root)).toEqual([]);
  });

  it('keeps the total from item.fileSize', async () => {
    const uploadUrl = await openSession('g.bin', { item: { fileSize: 10 } });
    await expectGraphError(await putRange(uploadUrl, Buffer.from('12345'), 0, 5), 400, 'invalidRequest');
    expect((await putRange(uploadUrl, Buffer.from('0123456789'), 0, 10)).status).toBe(201);
  });

  it('needs a bearer token for createUploadSession', async () => {
    const res = await fetchJson(sessionUrl('h.bin'), { method: 'POST' });
    await expectGraphError(res, 401, 'InvalidAuthenticationToken');
  });

  it('puts the file in place before the delayed answer (afterWriteDelayMs)', async () => {
    const slow = await startGraphStandIn({ port: 0, dataDir, afterWriteDelayMs: 600 });
    try {
      const pending = graph(`${slow.url}/groups/${GROUP}/drive/root:/slow2.txt:/content`, { method: 'PUT', body: 'again' });
      let answered = false;
      void pending.then(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await readFile(target('slow2.txt'), 'utf8')).toBe('again');
      expect(answered).toBe(false);
      expect((await pending).status).toBe(201);
    } finally {
      await slow.close();
    }
  });
});

describe('list item fields', () => {
  async function upload(itemPath: string): Promise<{ id: string; parentReference: { driveId: string } }> {
    const res = await graph(`${standIn.url}/groups/${GROUP}/drive/root:/${encodeURI(itemPath)}:/content`, { method: 'PUT', body: 'docx' });
    return res.json();
  }
  const fieldsUrl = (driveId: string, itemId: string) => `${standIn.url}/drives/${driveId}/items/${itemId}/listItem/fields`;

  it('stores column values beside the file and answers the whole fieldValueSet', async () => {
    const item = await upload('Protokoll/möte-1.docx');
    const url = fieldsUrl(item.parentReference.driveId, item.id);
    const first = await graph(url, { method: 'PATCH', json: { Dokumenttyp: 'Protokoll', Motesnummer: 1, Publicerad: true } });
    expect(first.status).toBe(200);
    const second = await graph(url, { method: 'PATCH', json: { Motesdatum: '2026-02-11T00:00:00Z', Motesnummer: 2 } });
    const set = await second.json();
    expect(set['@odata.context']).toContain('/listItem/fields/$entity');
    expect(set).toMatchObject({ Dokumenttyp: 'Protokoll', Motesnummer: 2, Publicerad: true, Motesdatum: '2026-02-11T00:00:00Z' });
    const sidecar = JSON.parse(await readFile(`${target('Protokoll/möte-1.docx')}.fields.json`, 'utf8'));
    expect(sidecar).toEqual({ Dokumenttyp: 'Protokoll', Motesnummer: 2, Publicerad: true, Motesdatum: '2026-02-11T00:00:00Z' });
  });

  it('answers 404 itemNotFound for an unknown item or drive', async () => {
    const item = await upload('x.docx');
    await expectGraphError(
      await graph(fieldsUrl(item.parentReference.driveId, '01AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), { method: 'PATCH', json: { A: 1 } }),
      404,
      'itemNotFound',
    );
    await expectGraphError(await graph(fieldsUrl('b!nope', item.id), { method: 'PATCH', json: { A: 1 } }), 404, 'itemNotFound');
  });

  it.each([
    ['an object', { Ansvarig: { id: 1 } }],
    ['an array', { Taggar: ['a'] }],
    ['null', { Status: null }],
    ['a column name that is not an internal name', { 'Möte nr': 1 }],
    ['a body that is not an object', [1, 2]],
  ])('refuses %s with 400 invalidRequest and stores nothing', async (_what, body) => {
    const item = await upload('y.docx');
    await expectGraphError(
      await graph(fieldsUrl(item.parentReference.driveId, item.id), { method: 'PATCH', json: body }),
      400,
      'invalidRequest',
    );
    await expect(stat(`${target('y.docx')}.fields.json`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses to upload a file whose name would take a sidecar name', async () => {
    const res = await graph(`${standIn.url}/groups/${GROUP}/drive/root:/a.docx.fields.json:/content`, { method: 'PUT', body: '{}' });
    await expectGraphError(res, 400, 'invalidRequest');
  });
});
