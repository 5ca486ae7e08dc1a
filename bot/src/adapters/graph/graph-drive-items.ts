/**
 * Drive item naming rules and identities for the Graph stand-in: which paths are valid in a
 * SharePoint document library, the stable ids and media types Graph reports for them, and the
 * driveItem resource every upload answers with.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { decodeSegment, GraphHttpError, graphDate, type Json, type RouteContext } from './graph-http';

// Group ids are GUIDs in Graph; anything path-like is refused before it can touch the disk.
export const GROUP_ID = /^[A-Za-z0-9_-]{1,128}$/;
// A file's metadata columns live next to it in "<file>.fields.json" (graph-list-fields.ts), so no
// uploaded file may take such a name: a stand-in rule, not SharePoint's.
export const FIELDS_SUFFIX = '.fields.json';
// Characters SharePoint does not allow in a file or folder name; control characters (NUL included) are refused too.
const FORBIDDEN_IN_NAME = /["*:<>?/\\|]/;
const hasControl = (s: string): boolean => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

const MIME_TYPES: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.html': 'text/html',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

/** SharePoint-like ids: "01" + 32 base32 characters, stable for a group and path. */
export function driveItemId(groupId: string, itemPath: string): string {
  const digest = createHash('sha256').update(`${groupId}\n${itemPath}`).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '01';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 34) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export function driveId(groupId: string): string {
  return `b!${createHash('sha256').update(groupId).digest('base64url').slice(0, 40)}`;
}

/** Graph derives file.mimeType from the extension. */
export function mimeType(name: string): string {
  return MIME_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Splits and checks the item path: relative, no dot segments, no backslash or NUL, SharePoint-valid names. */
export function itemSegments(raw: string): string[] {
  const segments = raw.split('/').map((s) => decodeSegment(s, 'item path'));
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..' || FORBIDDEN_IN_NAME.test(s) || hasControl(s) || s.length > 255) {
      throw new GraphHttpError(
        400,
        'invalidRequest',
        'The item path is not a valid relative path (empty, dot or reserved-character segment).',
      );
    }
  }
  const last = segments[segments.length - 1] ?? '';
  if (last.toLowerCase().endsWith(FIELDS_SUFFIX)) {
    throw new GraphHttpError(400, 'invalidRequest', `Names ending in "${FIELDS_SUFFIX}" are reserved by the Graph stand-in for metadata.`);
  }
  return segments;
}

export function libraryUrl(origin: string, groupId: string): string {
  return `${origin}/sites/${groupId}/Shared%20Documents`;
}

/** The driveItem resource (default properties) for a file at `relative` (path segments below the drive root). */
export function driveItemBody(ctx: RouteContext, groupId: string, relative: string[], info: Stats, created: Date): Json {
  const id = driveItemId(groupId, relative.join('/'));
  const parent = relative.slice(0, -1);
  const name = relative[relative.length - 1] ?? '';
  return {
    '@odata.context': `${ctx.origin}/v1.0/$metadata#drives('${driveId(groupId)}')/items/$entity`,
    id,
    name,
    size: info.size,
    webUrl: `${libraryUrl(ctx.origin, groupId)}/${relative.map(encodeURIComponent).join('/')}`,
    createdDateTime: graphDate(created),
    lastModifiedDateTime: graphDate(info.mtime),
    eTag: `"{${id}},${Math.floor(info.mtimeMs)}"`,
    file: { mimeType: mimeType(name) },
    parentReference: {
      driveType: 'documentLibrary',
      driveId: driveId(groupId),
      id: driveItemId(groupId, parent.join('/')),
      path: `/drives/${driveId(groupId)}/root:${parent.map((s) => `/${s}`).join('')}`,
    },
  };
}
