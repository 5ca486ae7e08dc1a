/**
 * Large uploads through an upload session (driveitem-createuploadsession):
 *
 *   POST /groups/{group-id}/drive/root:/{item-path}:/createUploadSession → 200 uploadSession
 *   PUT    {uploadUrl}  Content-Range: bytes a-b/total → 202 { expirationDateTime, nextExpectedRanges }, last: 201/200 driveItem
 *   GET    {uploadUrl}  → 200 { expirationDateTime, nextExpectedRanges }  (status, to resume)
 *   DELETE {uploadUrl}  → 204, the session and its bytes are gone
 *
 * The uploadUrl is pre-authenticated, as Graph's is: it needs no token, and a request that carries
 * Authorization is refused with 401 (Graph documents that it "may" fail; here it always does, so a
 * client that leaks its token to the upload host is caught in tests). Sessions live in this
 * process's memory; their bytes in `<dataDir>/.graph-stand-in/uploads/<token>`. The last fragment
 * moves the file to where a simple PUT would put it, through the same atomic `commitFile`.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, truncate, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { itemSegments } from './graph-drive-items';
import { commitFile, existingFile, groupIdOf, parseConflictBehavior, targetOf } from './graph-drive-routes';
import { delay } from './graph-files';
import {
  GraphHttpError,
  isObject,
  onlyKnown,
  readJson,
  type RouteContext,
  sendEmpty,
  sendJson,
  unknownParameter,
  type UploadSession,
} from './graph-http';

// Graph: fragments are multiples of 320 KiB (all but the last), each request under 60 MiB.
export const FRAGMENT_MULTIPLE = 320 * 1024;
// Each fragment extends the session; an hour of silence ends it (Graph's own lifetime is not documented).
const SESSION_LIFETIME_MS = 60 * 60 * 1000;
const ITEM_PROPERTIES = ['@odata.type', '@microsoft.graph.conflictBehavior', 'name', 'description', 'fileSize'] as const;

const ranges = (s: UploadSession): string[] => [`${s.received}-`];
const invalid = (message: string): GraphHttpError => new GraphHttpError(400, 'invalidRequest', message);

export async function createUploadSession(ctx: RouteContext): Promise<void> {
  const groupId = groupIdOf(ctx);
  const segments = itemSegments(ctx.params[1] ?? '');
  const body = (await readJson(ctx, 'invalidRequest')) ?? {};
  if (!isObject(body)) throw invalid('The request body must be a JSON object.');
  for (const key of Object.keys(body)) if (key !== 'item' && key !== 'deferCommit') throw unknownParameter(key, 'createUploadSession');
  if (body.deferCommit !== undefined && typeof body.deferCommit !== 'boolean') throw invalid('deferCommit must be true or false.');
  if (body.deferCommit) throw new GraphHttpError(501, 'notSupported', 'deferCommit is not implemented by the Graph stand-in.');
  const item = body.item ?? {};
  if (!isObject(item)) throw invalid('item must be a driveItemUploadableProperties object.');
  onlyKnown(item, ITEM_PROPERTIES, 'microsoft.graph.driveItemUploadableProperties');
  // The documented default for upload sessions is fail (a simple PUT's is replace).
  const behavior = parseConflictBehavior(item['@microsoft.graph.conflictBehavior'] ?? 'fail');
  if (item.name !== undefined && item.name !== segments[segments.length - 1]) {
    throw invalid('item.name must be the last segment of the item path.');
  }
  const fileSize = item.fileSize;
  if (fileSize !== undefined && !(Number.isSafeInteger(fileSize) && (fileSize as number) > 0)) {
    throw invalid('item.fileSize must be a positive integer.');
  }
  const { target } = targetOf(ctx, groupId, segments);
  if (behavior === 'fail' && (await existingFile(target))) {
    throw new GraphHttpError(409, 'nameAlreadyExists', 'The specified item name already exists.');
  }

  sweepExpired(ctx);
  const token = randomBytes(24).toString('base64url');
  const dir = path.join(ctx.dataDir, '.graph-stand-in', 'uploads');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, token);
  await writeFile(file, '', { flag: 'wx' });
  const session: UploadSession = {
    groupId,
    segments,
    behavior,
    file,
    received: 0,
    total: fileSize as number | undefined,
    expires: new Date(Date.now() + SESSION_LIFETIME_MS),
    busy: false,
  };
  ctx.uploads.set(token, session);
  sendJson(ctx.res, 200, {
    '@odata.context': `${ctx.origin}/v1.0/$metadata#microsoft.graph.uploadSession`,
    uploadUrl: `${ctx.origin}/_upload/${token}`,
    expirationDateTime: session.expires.toISOString(),
    nextExpectedRanges: ranges(session),
  });
}

function sweepExpired(ctx: RouteContext): void {
  const now = Date.now();
  for (const [token, session] of ctx.uploads) {
    if (session.expires.getTime() > now || session.busy) continue;
    ctx.uploads.delete(token);
    void unlink(session.file).catch(() => undefined);
  }
}

/** The caller's open session (the dispatcher has already refused a request that carries a token). */
function live(ctx: RouteContext): { token: string; session: UploadSession } {
  sweepExpired(ctx);
  const token = ctx.params[0] ?? '';
  const session = ctx.uploads.get(token);
  if (!session) throw new GraphHttpError(404, 'itemNotFound', 'The upload session was not found (completed, cancelled or expired).');
  return { token, session };
}

export function uploadStatus(ctx: RouteContext): Promise<void> {
  const { session } = live(ctx);
  sendJson(ctx.res, 200, { expirationDateTime: session.expires.toISOString(), nextExpectedRanges: ranges(session) });
  return Promise.resolve();
}

export async function cancelUpload(ctx: RouteContext): Promise<void> {
  const { token, session } = live(ctx);
  ctx.uploads.delete(token);
  await unlink(session.file).catch(() => undefined);
  sendEmpty(ctx.res, 204);
}

/** Checks Content-Range and Content-Length against the session, in the order Graph's documentation gives them. */
function fragmentOf(ctx: RouteContext, session: UploadSession): { start: number; length: number; total: number } {
  const match = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(ctx.req.headers['content-range'] ?? '');
  if (!match) throw invalid('Content-Range must be "bytes {start}-{end}/{total}".');
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!(start <= end && end < total)) throw invalid('Content-Range must satisfy start ≤ end < total.');
  const length = end - start + 1;
  const declared = ctx.req.headers['content-length'];
  if (declared === undefined || Number(declared) !== length) throw invalid('Content-Length must equal the size of the Content-Range.');
  if (length > ctx.limits.chunkBytes) throw invalid(`A fragment may hold at most ${ctx.limits.chunkBytes} bytes.`);
  if (session.total !== undefined && total !== session.total) throw invalid(`The total size must stay ${session.total} in every fragment.`);
  if (end + 1 < total && length % FRAGMENT_MULTIPLE !== 0) {
    throw invalid(`Every fragment but the last must be a multiple of 320 KiB (${FRAGMENT_MULTIPLE} bytes).`);
  }
  if (session.busy || start !== session.received) {
    throw new GraphHttpError(416, 'invalidRange', `The fragment is out of order; nextExpectedRanges is ["${session.received}-"].`);
  }
  return { start, length, total };
}

export async function uploadFragment(ctx: RouteContext): Promise<void> {
  const { token, session } = live(ctx);
  const { start, length, total } = fragmentOf(ctx, session);
  session.busy = true;
  try {
    const sink = createWriteStream(session.file, { flags: 'r+', start });
    await pipeline(ctx.req, sink);
    if (sink.bytesWritten !== length) throw invalid('The fragment is shorter than its Content-Length.');
  } catch (error) {
    // A broken fragment counts for nothing: Graph ignores all bytes of a failed request.
    await truncate(session.file, start).catch(() => undefined);
    throw error;
  } finally {
    session.busy = false;
  }
  session.received = start + length;
  session.total = total;
  session.expires = new Date(Date.now() + SESSION_LIFETIME_MS);
  if (session.received < total) {
    sendJson(ctx.res, 202, { expirationDateTime: session.expires.toISOString(), nextExpectedRanges: ranges(session) });
    return;
  }
  // The last fragment: the session ends either way (a 409 here also ends it; Graph would keep it
  // until it expires so the client could commit under another name, which the stand-in lacks).
  ctx.uploads.delete(token);
  const { status, item } = await commitFile(ctx, session.groupId, session.segments, session.file, session.behavior);
  await delay(ctx.afterWriteDelayMs);
  sendJson(ctx.res, status, item);
}

/** Removes the temp files of sessions still open when the stand-in closes. */
export async function discardSessions(uploads: Map<string, UploadSession>): Promise<void> {
  const files = [...uploads.values()].map((s) => s.file);
  uploads.clear();
  await Promise.all(files.map((f) => unlink(f).catch(() => undefined)));
}
