/**
 * The stand-in's listing page for newcomers (Swedish, like the app): what was saved to SharePoint,
 * sent by mail and booked in mailbox calendars, read from the data dir on every visit.
 *
 *   GET /                            → text/html
 *   GET /files/{group-id}/{path}     → the file, as a download
 *   GET /outbox/{name}.eml           → the mail, as a download (opens in a mail program)
 *   GET {a driveItem's webUrl}       → the file, as a download (SharePoint would open it in the browser)
 *
 * No token: the stand-in listens on loopback only. Every value is HTML-escaped, the page allows no
 * script (CSP), and a download path is checked segment by segment and then proven to stay inside
 * the data dir (symbolic links included).
 */
import { escapeHtml } from './mail-bodies';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { GROUP_ID, itemSegments } from './graph-drive-items';
import { readCalendars } from './graph-event-routes';
import { instant } from './graph-events';
import { decodeSegment, GraphHttpError } from './graph-http';
import { driveFiles, driveGroups, readFields } from './graph-list-fields';
import { readSentItems } from './graph-sent-items';
import { stockholmTime } from './graph-time-zones';

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const escape = (value: unknown): string => escapeHtml(String(value));

const size = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function table(caption: string, headers: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p>${escape(empty)}</p>`;
  const head = headers.map((h) => `<th scope="col">${escape(h)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><caption>${escape(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

async function filesSection(dataDir: string): Promise<string> {
  const rows: string[][] = [];
  for (const groupId of await driveGroups(dataDir)) {
    for (const relative of await driveFiles(dataDir, groupId)) {
      const file = path.join(dataDir, 'sharepoint', groupId, ...relative.split('/'));
      const info = await stat(file).catch(() => undefined);
      if (!info) continue;
      const fields = Object.entries(await readFields(file))
        .map(([k, v]) => `${escape(k)}: ${escape(v)}`)
        .join('<br>');
      const href = `/files/${groupId}/${relative.split('/').map(encodeURIComponent).join('/')}`;
      const cells = [groupId, relative, size(info.size), stockholmTime(info.mtimeMs)].map(escape);
      rows.push([...cells, fields || '–', `<a href="${escape(href)}" download>Ladda ner</a>`]);
    }
  }
  const headers = ['Grupp', 'Sökväg', 'Storlek', 'Ändrad', 'Metadata', 'Fil'];
  return table('Filer i gruppernas dokumentbibliotek', headers, rows, 'Inga filer har sparats ännu.');
}

async function mailSection(dataDir: string): Promise<string> {
  const rows = (await readSentItems(dataDir)).map((m) => {
    const count = m.toRecipients.length + m.ccRecipients.length + m.bccRecipients.length;
    const attachments = m.attachments.map((a) => escape(a.name)).join('<br>') || '–';
    const href = `/outbox/${encodeURIComponent(m.eml)}`;
    const cells = [stockholmTime(Date.parse(m.sentDateTime)), m.mailbox, m.subject, String(count)].map(escape);
    return [...cells, attachments, `<a href="${escape(href)}" download>Öppna .eml</a>`];
  });
  const headers = ['Skickat', 'Avsändare', 'Ämne', 'Mottagare', 'Bilagor', 'Brev'];
  return table('Skickad e-post, nyaste först', headers, rows, 'Ingen e-post har skickats ännu.');
}

async function calendarSection(dataDir: string): Promise<string> {
  const parts: string[] = [];
  for (const { mailbox, events } of await readCalendars(dataDir)) {
    if (events.length === 0) continue;
    const rows = [...events]
      .sort((a, b) => instant(a.start) - instant(b.start))
      .map((e) => {
        const status = e.isCancelled ? `Inställd${e.cancellationComment ? ` (${e.cancellationComment})` : ''}` : 'Bokad';
        const cells = [
          e.subject,
          stockholmTime(instant(e.start)),
          stockholmTime(instant(e.end)),
          e.location || '–',
          String(e.attendees.length),
          status,
        ];
        // The id is the target of the event's webLink (…/#event-{id}).
        return cells.map((c, i) => (i === 0 ? `<span id="event-${escape(e.id)}">${escape(c)}</span>` : escape(c)));
      });
    const headers = ['Ämne', 'Början', 'Slut', 'Plats', 'Inbjudna', 'Status'];
    parts.push(`<h3>Organisatör ${escape(mailbox)}</h3>\n${table('Möten i brevlådans kalender', headers, rows, '')}`);
  }
  return parts.join('\n') || '<p>Inga händelser har bokats ännu.</p>';
}

export async function listingPage(res: ServerResponse, dataDir: string): Promise<void> {
  const title = 'Graph-ersättaren: det som sparats, skickats och bokats';
  const html = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; line-height: 1.4; color: #1b1b1b; background: #fff; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
a { color: #0f4c81; }
</style>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
<p>Sidan visar vad tjänsten har skickat till den lokala ersättaren för Microsoft Graph i mappen ${escape(dataDir)}.
Inget av detta har lämnat datorn. Tider visas i svensk tid.</p>
<h2>Filer i SharePoint</h2>
${await filesSection(dataDir)}
<h2>Skickad e-post</h2>
${await mailSection(dataDir)}
<h2>Kalenderhändelser</h2>
${await calendarSection(dataDir)}
</main>
</body>
</html>
`;
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(html)),
    ...SECURITY_HEADERS,
  });
  res.end(html);
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name (RFC 8187), so Swedish names survive. */
function disposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

async function sendFile(res: ServerResponse, root: string, file: string, type: string): Promise<void> {
  // realpath resolves symbolic links, so a link inside the data dir cannot point a download outside it.
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]).catch(() => [undefined, undefined]);
  const info = realFile ? await stat(realFile) : undefined;
  if (!realRoot || !realFile || !info?.isFile() || !realFile.startsWith(realRoot + path.sep)) {
    throw new GraphHttpError(404, 'itemNotFound', 'No such file.');
  }
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': String(info.size),
    'Content-Disposition': disposition(path.basename(file)),
    ...SECURITY_HEADERS,
    'Content-Security-Policy': 'sandbox',
  });
  await new Promise<void>((resolve, reject) => createReadStream(realFile).on('error', reject).on('end', resolve).pipe(res));
}

/** `raw` is the still-encoded path after "/files/": a group id, then the item path. */
export async function downloadFile(res: ServerResponse, dataDir: string, raw: string): Promise<void> {
  const [rawGroup = '', ...rest] = raw.split('/');
  const groupId = decodeSegment(rawGroup, 'group id');
  if (!GROUP_ID.test(groupId)) throw new GraphHttpError(400, 'invalidRequest', 'Invalid group id.');
  const segments = itemSegments(rest.join('/')); // refuses "..", ".", empty segments, NUL, backslashes and encoded slashes
  const root = path.join(dataDir, 'sharepoint', groupId);
  const target = path.join(root, ...segments);
  if (!target.startsWith(root + path.sep)) throw new GraphHttpError(400, 'invalidRequest', 'The path leaves the drive.');
  await sendFile(res, dataDir, target, 'application/octet-stream');
}

export async function downloadEml(res: ServerResponse, dataDir: string, raw: string): Promise<void> {
  const name = decodeSegment(raw, 'file name');
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*\.eml$/.test(name)) throw new GraphHttpError(400, 'invalidRequest', 'Not an .eml name.');
  await sendFile(res, dataDir, path.join(dataDir, 'outbox', name), 'message/rfc822');
}
