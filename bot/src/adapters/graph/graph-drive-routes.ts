/**
 * The group's document library: `GET /groups/{id}/drive` and the simple upload
 * `PUT /groups/{id}/drive/root:/{item-path}:/content` (driveItem resource, driveitem-put-content).
 * Files land in `<dataDir>/sharepoint/<group-id>/<item-path>`; upload sessions
 * (graph-upload-sessions.ts) finish through the same `commitFile`, so both end in the same place.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { driveId, driveItemBody, driveItemId, GROUP_ID, itemSegments, libraryUrl } from './graph-drive-items';
import { delay } from './graph-files';
import { decodeSegment, GraphHttpError, type Json, type RouteContext, sendJson, tooLarge, type ConflictBehavior } from './graph-http';

export function groupIdOf(ctx: RouteContext): string {
  const groupId = decodeSegment(ctx.params[0] ?? '', 'group id');
  if (!GROUP_ID.test(groupId)) throw new GraphHttpError(400, 'invalidRequest', 'Invalid group id.');
  return groupId;
}

export function getDrive(ctx: RouteContext): Promise<void> {
  const groupId = groupIdOf(ctx);
  sendJson(ctx.res, 200, {
    '@odata.context': `${ctx.origin}/v1.0/$metadata#drives/$entity`,
    id: driveId(groupId),
    driveType: 'documentLibrary',
    name: 'Dokument',
    webUrl: libraryUrl(ctx.origin, groupId),
    owner: { group: { id: groupId } },
  });
  return Promise.resolve();
}

export function parseConflictBehavior(value: unknown): ConflictBehavior {
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw new GraphHttpError(400, 'invalidRequest', `Invalid value for @microsoft.graph.conflictBehavior: "${String(value)}".`);
}

/** The group's folder and the file's place in it, proven to stay inside it. */
export function targetOf(ctx: RouteContext, groupId: string, segments: string[]): { root: string; target: string } {
  const root = path.join(ctx.dataDir, 'sharepoint', groupId);
  const target = path.join(root, ...segments);
  // Defence in depth: the checked segments cannot leave the group's folder, and this proves it.
  if (!target.startsWith(root + path.sep)) throw new GraphHttpError(400, 'invalidRequest', 'The item path leaves the drive.');
  return { root, target };
}

export async function tempFile(ctx: RouteContext): Promise<string> {
  const tmpDir = path.join(ctx.dataDir, '.graph-stand-in', 'tmp');
  await mkdir(tmpDir, { recursive: true });
  return path.join(tmpDir, randomBytes(8).toString('hex'));
}

export async function existingFile(file: string): Promise<{ created: Date } | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) throw new GraphHttpError(409, 'nameAlreadyExists', 'A folder with the same name already exists.');
  return { created: info.birthtimeMs > 0 ? info.birthtime : info.mtime };
}

/** Streams the body into a temp file, failing with 413 past the limit, so a failed upload never touches the target. */
async function receive(ctx: RouteContext, tmp: string): Promise<void> {
  const limit = ctx.limits.uploadBytes;
  if (Number(ctx.req.headers['content-length'] ?? 0) > limit) throw tooLarge('invalidRequest', limit);
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > limit ? tooLarge('invalidRequest', limit) : null, size > limit ? undefined : chunk);
    },
  });
  const abort = (): void => void (ctx.req.complete || meter.destroy(new Error('upload aborted by the client')));
  ctx.req.once('close', abort).once('error', abort);
  ctx.req.pipe(meter);
  try {
    await pipeline(meter, createWriteStream(tmp, { flags: 'wx' }));
  } catch (error) {
    ctx.req.unpipe(meter);
    ctx.req.resume(); // drain the rest so the answer reaches the client
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

/** Places the temp file at the target; link() fails atomically when the name is taken. */
async function place(tmp: string, target: string, behavior: ConflictBehavior): Promise<string> {
  if (behavior === 'replace') {
    await rename(tmp, target);
    return target;
  }
  const { dir, name, ext } = path.parse(target);
  for (let n = 0; ; n += 1) {
    // Graph's rename appends " 1", " 2", … before the extension.
    const candidate = n === 0 ? target : path.join(dir, `${name} ${n}${ext}`);
    try {
      await link(tmp, candidate);
      await unlink(tmp);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (behavior === 'fail') {
        await unlink(tmp);
        throw new GraphHttpError(409, 'nameAlreadyExists', 'The specified item name already exists.');
      }
    }
  }
}

/**
 * Moves a fully received temp file to its place in the drive and describes it: 201 for a new file,
 * 200 when an existing file's content was replaced (Graph's codes for both upload kinds).
 */
export async function commitFile(
  ctx: RouteContext,
  groupId: string,
  segments: string[],
  tmp: string,
  behavior: ConflictBehavior,
): Promise<{ status: 200 | 201; item: Json }> {
  const { root, target } = targetOf(ctx, groupId, segments);
  let before: { created: Date } | undefined;
  try {
    before = await existingFile(target);
    await mkdir(path.dirname(target), { recursive: true });
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    if (error instanceof GraphHttpError) throw error;
    throw new GraphHttpError(409, 'nameAlreadyExists', 'A file with the name of a parent folder already exists.');
  }
  const placed = await place(tmp, target, behavior);
  const replaced = before !== undefined && placed === target;
  const relative = path.relative(root, placed).split(path.sep);
  const id = driveItemId(groupId, relative.join('/'));
  const created = replaced ? (ctx.createdAt.get(id) ?? before?.created ?? new Date()) : new Date();
  ctx.createdAt.set(id, created);
  const info = await stat(placed);
  ctx.logger?.debug({ groupId, bytes: info.size, status: replaced ? 200 : 201 }, 'graph stand-in stored an upload');
  return { status: replaced ? 200 : 201, item: driveItemBody(ctx, groupId, relative, info, created) };
}

export async function putContent(ctx: RouteContext): Promise<void> {
  const groupId = groupIdOf(ctx);
  const segments = itemSegments(ctx.params[1] ?? '');
  // Graph reads this instance annotation from the query string; PUT's default is replace.
  const behavior = parseConflictBehavior(ctx.query.get('@microsoft.graph.conflictBehavior') ?? 'replace');
  const { target } = targetOf(ctx, groupId, segments);
  const before = await existingFile(target);
  if (before && behavior === 'fail') throw new GraphHttpError(409, 'nameAlreadyExists', 'The specified item name already exists.');
  const tmp = await tempFile(ctx);
  await receive(ctx, tmp);
  const { status, item } = await commitFile(ctx, groupId, segments, tmp, behavior);
  await delay(ctx.afterWriteDelayMs); // the file is in place; a test may stop the process before the answer
  sendJson(ctx.res, status, item);
}
