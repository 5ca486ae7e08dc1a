/**
 * The Graph stand-in's listing page for newcomers: what it shows, that it escapes what it shows,
 * and that its downloads cannot leave the data dir.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGraphStandIn, type GraphStandIn } from '../../../bot/src/adapters/graph/graph-stand-in';
import { call, fetchJson, graph } from './graph-test-support';

const GROUP = '6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b';
const XSS = '<script>alert(1)</script>';
const SECRET = 'top secret outside the data dir';
const ODD_MAILBOX = "o'hara&co@kommun.example";

let root: string;
let dataDir: string;
let standIn: GraphStandIn;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'graph-page-'));
  dataDir = path.join(root, 'data');
  standIn = await startGraphStandIn({ port: 0, dataDir });
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  // Inside the data dir but not a mail: /outbox/ serves .eml files only.
  await mkdir(path.join(dataDir, 'outbox'), { recursive: true });
  await writeFile(path.join(dataDir, 'outbox', 'secret.txt'), SECRET);
});

afterEach(async () => {
  await standIn.close();
  await rm(root, { recursive: true, force: true });
});

async function seed(): Promise<void> {
  const put = await graph(`${standIn.url}/groups/${GROUP}/drive/root:/Protokoll/M%C3%B6te%201.docx:/content`, {
    method: 'PUT',
    body: 'docx bytes',
  });
  const item = await put.json();
  await graph(`${standIn.url}/drives/${item.parentReference.driveId}/items/${item.id}/listItem/fields`, {
    method: 'PATCH',
    json: { Dokumenttyp: 'Protokoll', Kommentar: XSS },
  });
  await graph(`${standIn.url}/users/arbetsrum%40kommun.example/sendMail`, {
    method: 'POST',
    json: {
      message: {
        subject: XSS,
        toRecipients: [{ emailAddress: { address: 'a@kommun.example' } }, { emailAddress: { address: 'b@kommun.example' } }],
        attachments: [
          { '@odata.type': '#microsoft.graph.fileAttachment', name: '"><img src=x onerror=alert(1)>.pdf', contentBytes: 'AAAA' },
        ],
      },
    },
  });
  const event = await graph(`${standIn.url}/users/arbetsrum%40kommun.example/events`, {
    method: 'POST',
    json: {
      subject: `Möte ${XSS}`,
      start: { dateTime: '2026-03-11T13:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-03-11T15:00:00', timeZone: 'W. Europe Standard Time' },
      location: { displayName: 'Stadshuset' },
      attendees: ['a@kommun.example', 'b@kommun.example'].map((address) => ({ type: 'required', emailAddress: { address } })),
    },
  });
  await graph(`${standIn.url}/users/arbetsrum%40kommun.example/events/${(await event.json()).id}/cancel`, { method: 'POST', json: {} });
  // Quotes and ampersands are allowed in an address, so the organiser's name needs escaping too.
  await graph(`${standIn.url}/users/${encodeURIComponent(ODD_MAILBOX)}/events`, {
    method: 'POST',
    json: {
      subject: 'Budgetmöte',
      start: { dateTime: '2026-04-01T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-04-01T10:00:00', timeZone: 'UTC' },
      location: { displayName: `"><img src=x>` },
    },
  });
}

describe('listing page', () => {
  it('lists files with metadata, mails and events in valid, escaped Swedish HTML, without a token', async () => {
    await seed();
    const res = await fetchJson(standIn.pageUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html).toContain('<title>Graph-ersättaren: det som sparats, skickats och bokats</title>');
    expect(html).toContain('<h1>');
    expect(html).toContain('<th scope="col">Sökväg</th>');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.pdf');
    expect(html).toContain('Protokoll/Möte 1.docx');
    expect(html).toContain('Dokumenttyp: Protokoll');
    expect(html).toContain('2026-03-11 13:00'); // Stockholm time
    expect(html).toContain('2026-04-01 11:00'); // 09:00 UTC in Stockholm summer time
    // One heading per organising mailbox, its meetings below it with their number of invitees.
    expect(html).toContain('<h3>Organisatör arbetsrum@kommun.example</h3>');
    expect(html).toContain('<h3>Organisatör o&#39;hara&amp;co@kommun.example</h3>');
    expect(html).toContain('<th scope="col">Inbjudna</th>');
    expect(html).toMatch(
      /Möte &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/span><\/td><td>[^<]+<\/td><td>[^<]+<\/td><td>Stadshuset<\/td><td>2<\/td><td>Inställd<\/td>/,
    );
    expect(html).toMatch(/Budgetmöte<\/span><\/td>.*<td>&quot;&gt;&lt;img src=x&gt;<\/td><td>0<\/td><td>Bokad<\/td>/);
    expect(html.indexOf('arbetsrum@kommun.example</h3>')).toBeLessThan(html.indexOf('o&#39;hara'));
    // Every <table> has a header row of column headers.
    expect(html.match(/<table>/g)?.length).toBe(html.match(/<thead><tr><th scope="col">/g)?.length);

    const fileHref = /href="(\/files\/[^"]+)"/.exec(html)![1]!;
    const file = await fetchJson(new URL(fileHref.replace(/&amp;/g, '&'), standIn.pageUrl));
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('docx bytes');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="M_te 1.docx"; filename*=UTF-8''M%C3%B6te%201.docx`);
    const emlHref = /href="(\/outbox\/[^"]+)"/.exec(html)![1]!;
    const eml = await fetchJson(new URL(emlHref, standIn.pageUrl));
    expect(eml.headers.get('content-type')).toBe('message/rfc822');
    expect(await eml.text()).toMatch(/^From: arbetsrum@kommun\.example\r\n/);
  });

  it("serves a driveItem's webUrl as a download, so links in mails work in local mode", async () => {
    const put = await graph(`${standIn.url}/groups/${GROUP}/drive/root:/Kallelser/Kallelse%20m%C3%B6te%202.pdf:/content`, {
      method: 'PUT',
      body: 'pdf bytes',
    });
    const { webUrl } = await put.json();
    const res = await fetchJson(webUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('pdf bytes');
    const escape = await call(standIn.pageUrl, 'GET', `sites/${GROUP}/Shared%20Documents/../../../secret.txt`, { auth: false });
    expect([400, 404]).toContain(escape.status);
  });

  it('says so when nothing has happened yet, and is not counted as a Graph request', async () => {
    const html = await (await fetchJson(standIn.pageUrl)).text();
    expect(html).toContain('Inga filer har sparats ännu.');
    expect(html).toContain('Ingen e-post har skickats ännu.');
    expect(html).toContain('Inga händelser har bokats ännu.');
    expect(standIn.stats().requests).toBe(0);
  });

  it.each([
    ['a dot-dot path', `/files/${GROUP}/../../../secret.txt`],
    ['encoded dot-dots', `/files/${GROUP}/%2E%2E/%2E%2E/%2E%2E/secret.txt`],
    ['an encoded slash', `/files/${GROUP}/..%2F..%2F..%2Fsecret.txt`],
    ['a traversing group id', '/files/..%2F..%2F/secret.txt'],
    ['a dot-dot group id', '/files/../secret.txt'],
    ['an absolute path', `/files/${GROUP}//etc/passwd`],
    ['a backslash', `/files/${GROUP}/..%5C..%5Csecret.txt`],
    ['a NUL byte', `/files/${GROUP}/secret.txt%00.docx`],
    ['an .eml name that climbs', '/outbox/..%2F..%2Fsecret.txt'],
    ['an .eml path that climbs', '/outbox/../../secret.txt'],
    ['a file that is not an .eml', '/outbox/secret.txt'],
  ])('refuses %s and never serves the file', async (_what, rawPath) => {
    // call() puts rawPath after the base URL's path ("/"); node:http sends it exactly as written, unlike fetch.
    const res = await call(standIn.pageUrl, 'GET', rawPath.slice(1), { auth: false });
    expect([400, 404]).toContain(res.status);
    expect(res.body.toString()).not.toContain(SECRET);
  });

  it('does not follow a symbolic link out of the data dir', async () => {
    await mkdir(path.join(dataDir, 'sharepoint', GROUP), { recursive: true });
    await symlink(path.join(root, 'secret.txt'), path.join(dataDir, 'sharepoint', GROUP, 'link.txt'));
    const res = await fetchJson(`${standIn.pageUrl}files/${GROUP}/link.txt`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(SECRET);
  });

  it('allows only GET', async () => {
    const res = await fetchJson(standIn.pageUrl, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});
