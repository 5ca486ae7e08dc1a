/**
 * The stand-in's "Sent Items": one JSON record per sendMail in `<dataDir>/sent-items/<name>.json`
 * (the .eml of the same name is in `outbox/`), and the one query the publisher needs to find a
 * message again after a crash (message-list on a mail folder, with an extended-property filter):
 *
 *   GET /users/{id}/mailFolders/sentitems/messages
 *       ?$filter=singleValueExtendedProperties/Any(ep: ep/id eq '{prop id}' and ep/value eq '{value}')
 *       &$select=id,subject,sentDateTime&$top=10&$skip=0
 *   → 200 { "@odata.context", value: [message, …], "@odata.nextLink"? }, newest first
 *
 * The records sit beside `outbox/` rather than in it: other tests count the files in `outbox/`.
 * Records are read from disk on every query, so a restarted stand-in finds what an earlier one sent.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ExtendedProperty } from './graph-mail-parse';
import { readJsonFile } from './graph-files';
import { decodeSegment, GraphHttpError, intOption, isObject, type Json, type RouteContext, sendJson } from './graph-http';

export interface Recipient {
  emailAddress: { address: string; name?: string };
}

export interface SentItem {
  id: string;
  internetMessageId: string;
  sentDateTime: string;
  /** The user id or userPrincipalName from the sendMail path: whose Sent Items this is. */
  mailbox: string;
  /** saveToSentItems as sent: false keeps the message out of the folder query (the page still lists it). */
  savedToSentItems: boolean;
  /** The .eml's file name in outbox/. */
  eml: string;
  subject: string;
  from: Recipient;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  singleValueExtendedProperties: ExtendedProperty[];
  attachments: { name: string; size: number }[];
}

const SELECTABLE = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'sentDateTime',
  'receivedDateTime',
  'subject',
  'internetMessageId',
  'hasAttachments',
  'isDraft',
  'isRead',
  'from',
  'sender',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
] as const;

// Exactly the form the publisher sends; OData's `any` with one lambda variable, '' escaping a quote.
const QUOTED = "'((?:[^']|'')*)'";
const EXTENDED_PROPERTY_FILTER = new RegExp(
  `^singleValueExtendedProperties/any\\(\\s*(\\w+)\\s*:\\s*\\1/id\\s+eq\\s+${QUOTED}\\s+and\\s+\\1/value\\s+eq\\s+${QUOTED}\\s*\\)$`,
  'i',
);

export function sentItemsDir(dataDir: string): string {
  return path.join(dataDir, 'sent-items');
}

/** Every record, newest first; a record that cannot be read is skipped (it is a test double's folder, not a database). */
export async function readSentItems(dataDir: string): Promise<SentItem[]> {
  const dir = sentItemsDir(dataDir);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  const records = await Promise.all(names.map((n) => readJsonFile(path.join(dir, n)).catch(() => undefined)));
  return records
    .filter((r): r is SentItem => isObject(r) && typeof r.id === 'string' && typeof r.sentDateTime === 'string')
    .sort((a, b) => b.sentDateTime.localeCompare(a.sentDateTime) || b.eml.localeCompare(a.eml));
}

// Graph: the Name part of a property id is case-sensitive, the type and GUID are not; string values compare case-insensitively.
function sameId(a: string, b: string): boolean {
  const norm = (id: string): string => id.replace(/^(.*? Name )|^(.*)$/, (m) => m.toLowerCase());
  return norm(a) === norm(b);
}

function parseFilter(filter: string | null): ((item: SentItem) => boolean) | undefined {
  if (filter === null) return undefined;
  const match = EXTENDED_PROPERTY_FILTER.exec(filter.trim());
  if (!match) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidUrlQueryFilter',
      "The Graph stand-in understands only singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…').",
    );
  }
  const id = (match[2] ?? '').replace(/''/g, "'");
  const value = (match[3] ?? '').replace(/''/g, "'").toLowerCase();
  return (item) => item.singleValueExtendedProperties.some((p) => sameId(p.id, id) && p.value.toLowerCase() === value);
}

function parseSelect(select: string | null): string[] | undefined {
  if (select === null) return undefined;
  const fields = select.split(',').map((f) => f.trim());
  for (const f of fields) {
    if (!(SELECTABLE as readonly string[]).includes(f)) {
      throw new GraphHttpError(400, 'RequestBroker--ParseUri', `Could not find a property named '${f}' on type 'microsoft.graph.message'.`);
    }
  }
  return ['id', ...fields.filter((f) => f !== 'id')];
}

function message(item: SentItem): Json {
  return {
    id: item.id,
    createdDateTime: item.sentDateTime,
    lastModifiedDateTime: item.sentDateTime,
    sentDateTime: item.sentDateTime,
    receivedDateTime: item.sentDateTime,
    subject: item.subject,
    internetMessageId: item.internetMessageId,
    hasAttachments: item.attachments.length > 0,
    isDraft: false,
    isRead: true,
    from: item.from,
    sender: item.from,
    toRecipients: item.toRecipients,
    ccRecipients: item.ccRecipients,
    bccRecipients: item.bccRecipients,
  };
}

export async function listSentItems(ctx: RouteContext): Promise<void> {
  const user = decodeSegment(ctx.params[0] ?? '', 'user id');
  const folder = decodeSegment(ctx.params[1] ?? '', 'mail folder');
  // Well-known folder names are case-insensitive ("sentitems", "SentItems").
  if (folder.toLowerCase() !== 'sentitems') {
    throw new GraphHttpError(404, 'ErrorItemNotFound', 'The Graph stand-in has only the sentitems mail folder.');
  }
  for (const key of ctx.query.keys()) {
    if (key.startsWith('$') && !['$filter', '$select', '$top', '$skip'].includes(key)) {
      throw new GraphHttpError(400, 'BadRequest', `The query option ${key} is not implemented by the Graph stand-in.`);
    }
  }
  const matches = parseFilter(ctx.query.get('$filter'));
  const select = parseSelect(ctx.query.get('$select'));
  const top = intOption(ctx.query, '$top', 10, 1, 1000);
  const skip = intOption(ctx.query, '$skip', 0, 0, 1_000_000);
  const mine = (await readSentItems(ctx.dataDir)).filter(
    (i) => i.savedToSentItems && i.mailbox.toLowerCase() === user.toLowerCase() && (!matches || matches(i)),
  );
  const page = mine.slice(skip, skip + top).map((item) => {
    const full = message(item);
    return select ? Object.fromEntries(select.map((f) => [f, full[f]])) : full;
  });
  const base = `${ctx.origin}/v1.0/users/${encodeURIComponent(user)}/mailFolders/sentitems/messages`;
  const next = new URLSearchParams(ctx.query);
  next.set('$skip', String(skip + top));
  sendJson(ctx.res, 200, {
    '@odata.context': `${ctx.origin}/v1.0/$metadata#users('${encodeURIComponent(user)}')/mailFolders('sentitems')/messages${
      select ? `(${select.join(',')})` : ''
    }`,
    value: page,
    ...(skip + top < mine.length ? { '@odata.nextLink': `${base}?${next.toString()}` } : {}),
  });
}
