/**
 * A file's metadata columns (listitem-update on the drive item's listItem):
 *
 *   PATCH /drives/{drive-id}/items/{item-id}/listItem/fields  { "Column": value, … } → 200 fieldValueSet
 *
 * Like SharePoint, the answer holds every column value the item has, not only the patched ones.
 * The values are kept in `<file>.fields.json` next to the file, so they survive a restart, follow
 * the file when its content is replaced, and show on the listing page. The stand-in has no column
 * definitions: any well-formed internal column name is accepted (SharePoint would refuse a column
 * the library does not have).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { driveId, driveItemId, FIELDS_SUFFIX, GROUP_ID } from './graph-drive-items';
import { readJsonFile, withLock, writeFileAtomic } from './graph-files';
import { decodeSegment, GraphHttpError, isObject, type Json, readJson, type RouteContext, sendJson } from './graph-http';

// SharePoint internal column names: letters, digits and underscores, not starting with a digit.
const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
const notFound = (): GraphHttpError => new GraphHttpError(404, 'itemNotFound', 'The resource could not be found.');

export function fieldsFile(file: string): string {
  return `${file}${FIELDS_SUFFIX}`;
}

/** Every file of a group's drive as its path below the drive root ("/"-separated), sidecars and temp files left out. */
export async function driveFiles(dataDir: string, groupId: string): Promise<string[]> {
  const root = path.join(dataDir, 'sharepoint', groupId);
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.toLowerCase().endsWith(FIELDS_SUFFIX) && !/^\..*\.tmp$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

export async function driveGroups(dataDir: string): Promise<string[]> {
  const entries = await readdir(path.join(dataDir, 'sharepoint'), { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && GROUP_ID.test(e.name)).map((e) => e.name);
}

/** The column values stored for a file (an empty set when it has none). */
export async function readFields(file: string): Promise<Json> {
  const stored = await readJsonFile(fieldsFile(file)).catch(() => undefined);
  return isObject(stored) ? stored : {};
}

/** Finds the file behind a drive id and item id by recomputing the stand-in's stable ids. */
async function locate(dataDir: string, drive: string, item: string): Promise<{ groupId: string; file: string }> {
  const groupId = (await driveGroups(dataDir)).find((g) => driveId(g) === drive);
  if (!groupId) throw notFound();
  const relative = (await driveFiles(dataDir, groupId)).find((p) => driveItemId(groupId, p) === item);
  if (!relative) throw notFound();
  return { groupId, file: path.join(dataDir, 'sharepoint', groupId, ...relative.split('/')) };
}

function checkValues(body: unknown): Json {
  if (!isObject(body)) throw new GraphHttpError(400, 'invalidRequest', 'The request body must be a fieldValueSet (a JSON object).');
  for (const [name, value] of Object.entries(body)) {
    if (!COLUMN_NAME.test(name)) throw new GraphHttpError(400, 'invalidRequest', `Field '${name}' is not recognized.`);
    // Text, number, yes/no and date columns; an ISO date travels as a string. Lookups, people
    // and multi-value columns (objects, arrays) are not modelled by the stand-in.
    const ok = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (!ok) throw new GraphHttpError(400, 'invalidRequest', `The value of field '${name}' must be a string, number, boolean or ISO date.`);
  }
  return body;
}

export async function patchFields(ctx: RouteContext): Promise<void> {
  const drive = decodeSegment(ctx.params[0] ?? '', 'drive id');
  const item = decodeSegment(ctx.params[1] ?? '', 'item id');
  const { file } = await locate(ctx.dataDir, drive, item);
  const values = checkValues(await readJson(ctx, 'invalidRequest'));
  const merged = await withLock(fieldsFile(file), async () => {
    const next = { ...(await readFields(file)), ...values };
    await writeFileAtomic(fieldsFile(file), `${JSON.stringify(next, null, 2)}\n`);
    return next;
  });
  sendJson(ctx.res, 200, {
    '@odata.context': `${ctx.origin}/v1.0/$metadata#drives('${drive}')/items('${item}')/listItem/fields/$entity`,
    ...merged,
  });
}
