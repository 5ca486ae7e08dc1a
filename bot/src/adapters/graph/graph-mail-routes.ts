/**
 * `POST /users/{id | userPrincipalName}/sendMail` (user-sendmail, JSON form): validates the
 * message, writes it to `<dataDir>/outbox/<timestamp>-<random>.eml` and answers 202 Accepted with
 * no body, as Graph does. The MIME (base64 text/plain) form of sendMail is not implemented.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildEml, type MailAddress, type MailAttachment, type OutgoingMail } from './graph-eml';
import { decodeSegment, GraphHttpError, readBody, type RouteContext } from './graph-http';

// Exchange Online: at most 500 recipients (To + Cc + Bcc) in one message.
const MAX_RECIPIENTS = 500;
// ASCII addresses only: the .eml is written without SMTPUTF8.
const MAIL_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/;
// A plain character-class loop: a grouped quantifier overflows V8's regex stack on a 30 MB attachment.
const isBase64 = (s: string): boolean => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);

type Json = Record<string, unknown>;

function invalid(field: string, problem: string): GraphHttpError {
  return new GraphHttpError(400, 'ErrorInvalidRequest', `Invalid value for '${field}': ${problem}.`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(field, 'expected a string');
  return value;
}

function recipients(value: unknown, field: string): MailAddress[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(field, 'expected an array of recipients');
  return value.map((item, i) => {
    const at = `${field}[${i}].emailAddress`;
    const emailAddress: unknown = isObject(item) ? item.emailAddress : undefined;
    if (!isObject(emailAddress)) throw invalid(at, 'expected { address, name? }');
    const address = optionalString(emailAddress.address, `${at}.address`);
    if (!address || address.length > 320 || !MAIL_ADDRESS.test(address)) throw invalid(`${at}.address`, 'not a mail address');
    const name = optionalString(emailAddress.name, `${at}.name`);
    return name ? { address, name } : { address };
  });
}

function attachments(value: unknown): MailAttachment[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid('message.attachments', 'expected an array');
  return value.map((item, i) => {
    const at = `message.attachments[${i}]`;
    if (!isObject(item)) throw invalid(at, 'expected an attachment object');
    // Attachments are polymorphic in Graph; the stand-in takes file attachments only.
    if (item['@odata.type'] !== '#microsoft.graph.fileAttachment')
      throw invalid(`${at}.@odata.type`, 'expected "#microsoft.graph.fileAttachment"');
    const name = optionalString(item.name, `${at}.name`);
    if (!name || name.length > 255) throw invalid(`${at}.name`, 'expected a file name of 1–255 characters');
    const contentType = optionalString(item.contentType, `${at}.contentType`) ?? 'application/octet-stream';
    if (!MEDIA_TYPE.test(contentType)) throw invalid(`${at}.contentType`, 'expected a media type such as application/pdf');
    const bytes = optionalString(item.contentBytes, `${at}.contentBytes`);
    if (bytes === undefined || !isBase64(bytes)) throw invalid(`${at}.contentBytes`, 'expected base64');
    return { name, contentType, content: Buffer.from(bytes, 'base64') };
  });
}

/** Checks the request body against user-sendmail's shape; every error names the offending field. */
export function parseSendMail(from: string, body: unknown): OutgoingMail {
  if (!isObject(body)) throw invalid('body', 'expected a JSON object');
  const message = body.message;
  if (!isObject(message)) throw invalid('message', 'expected a message object');
  const subject = optionalString(message.subject, 'message.subject');
  if (!subject) throw invalid('message.subject', 'a subject is required');
  let content: { contentType: 'HTML' | 'Text'; content: string } = { contentType: 'Text', content: '' };
  if (message.body !== undefined && message.body !== null) {
    if (!isObject(message.body)) throw invalid('message.body', 'expected { contentType, content }');
    // Graph's bodyType enum is matched case-insensitively ("html" works too).
    const type = optionalString(message.body.contentType, 'message.body.contentType')?.toLowerCase() ?? 'text';
    if (type !== 'html' && type !== 'text') throw invalid('message.body.contentType', 'expected "HTML" or "Text"');
    content = {
      contentType: type === 'html' ? 'HTML' : 'Text',
      content: optionalString(message.body.content, 'message.body.content') ?? '',
    };
  }
  const to = recipients(message.toRecipients, 'message.toRecipients');
  const cc = recipients(message.ccRecipients, 'message.ccRecipients');
  const bcc = recipients(message.bccRecipients, 'message.bccRecipients');
  const total = to.length + cc.length + bcc.length;
  if (total === 0) throw invalid('message.toRecipients', 'at least one recipient is required');
  if (total > MAX_RECIPIENTS)
    throw invalid('message.toRecipients', `${total} recipients in To, Cc and Bcc together; the limit is ${MAX_RECIPIENTS}`);
  const save = body.saveToSentItems ?? true;
  if (typeof save !== 'boolean') throw invalid('saveToSentItems', 'expected true or false');
  return { from, to, cc, bcc, subject, body: content, attachments: attachments(message.attachments), saveToSentItems: save };
}

export async function sendMail(ctx: RouteContext): Promise<void> {
  const user = decodeSegment(ctx.params[0] ?? '', 'user id');
  if (!/^[\x21-\x7e]{1,256}$/.test(user))
    throw new GraphHttpError(400, 'ErrorInvalidUser', 'The user id or userPrincipalName is not valid.');
  // Exchange Online's default maximum message size is 35 MB; the JSON body is held to the same limit.
  const raw = await readBody(ctx.req, ctx.limits.jsonBytes, 'ErrorMessageSizeExceeded');
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalid('body', 'not valid JSON');
  }
  const mail = parseSendMail(user, json);
  const now = new Date();
  const outbox = path.join(ctx.dataDir, 'outbox');
  await mkdir(outbox, { recursive: true });
  const name = `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
  // Written under a temporary name and renamed, so whoever watches the outbox never reads half a file.
  const tmp = path.join(outbox, `.${name}.tmp`);
  await writeFile(tmp, buildEml(mail, now, randomUUID()), { flag: 'wx' });
  await rename(tmp, path.join(outbox, name));
  ctx.logger?.debug(
    { file: name, recipients: mail.to.length + mail.cc.length + mail.bcc.length },
    'graph stand-in wrote a mail to the outbox',
  );
  ctx.res.writeHead(202, { 'Content-Length': '0' });
  ctx.res.end();
}
