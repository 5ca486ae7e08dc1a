/**
 * The request body of `POST /users/{id}/sendMail` (user-sendmail, JSON form) checked against the
 * documented shape. Every error names the offending field. Codes as Graph gives them:
 * RequestBodyRead for a property the type does not have, ErrorInvalidRecipients for recipient
 * problems, ErrorInvalidRequest for the rest.
 */
import type { MailAddress, MailAttachment, OutgoingMail } from './graph-eml';
import { GraphHttpError, isObject, type Json, onlyKnown, unknownParameter } from './graph-http';

// Exchange Online: at most 500 recipients (To + Cc + Bcc) in one message.
const MAX_RECIPIENTS = 500;
// ASCII addresses only: the .eml is written without SMTPUTF8.
const MAIL_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/;
// A plain character-class loop: a grouped quantifier overflows V8's regex stack on a 30 MB attachment.
const isBase64 = (s: string): boolean => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
// Extended property ids (extended-properties-overview): "{type} {guid} Name {name}", "{type} {guid} Id 0x…" or "{type} 0x…".
const GUID = '\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}';
const EXTENDED_PROPERTY_ID = new RegExp(`^[A-Za-z]+ (${GUID} (Name \\S.{0,254}|Id 0x[0-9A-Fa-f]{1,4})|0x[0-9A-Fa-f]{1,4})$`);

const MESSAGE_PROPERTIES = [
  'subject',
  'body',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'attachments',
  'singleValueExtendedProperties',
] as const;
const ATTACHMENT_PROPERTIES = ['@odata.type', 'name', 'contentType', 'contentBytes', 'isInline', 'contentId'] as const;

export interface ExtendedProperty {
  id: string;
  value: string;
}

export type ParsedMail = OutgoingMail & { extendedProperties: ExtendedProperty[] };

function invalid(field: string, problem: string, code = 'ErrorInvalidRequest'): GraphHttpError {
  return new GraphHttpError(400, code, `Invalid value for '${field}': ${problem}.`);
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(field, 'expected a string');
  return value;
}

function array(value: unknown, field: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(field, 'expected an array');
  return value;
}

function recipients(value: unknown, field: string): MailAddress[] {
  return array(value, field).map((item, i) => {
    const at = `${field}[${i}].emailAddress`;
    const emailAddress: unknown = isObject(item) ? item.emailAddress : undefined;
    if (!isObject(item) || !isObject(emailAddress)) throw invalid(at, 'expected { address, name? }', 'ErrorInvalidRecipients');
    onlyKnown(item, ['emailAddress'], 'microsoft.graph.recipient');
    onlyKnown(emailAddress, ['address', 'name'], 'microsoft.graph.emailAddress');
    const address = optionalString(emailAddress.address, `${at}.address`);
    if (!address || address.length > 320 || !MAIL_ADDRESS.test(address)) {
      throw invalid(`${at}.address`, 'not a mail address', 'ErrorInvalidRecipients');
    }
    const name = optionalString(emailAddress.name, `${at}.name`);
    return name ? { address, name } : { address };
  });
}

function attachments(value: unknown): MailAttachment[] {
  return array(value, 'message.attachments').map((item, i) => {
    const at = `message.attachments[${i}]`;
    if (!isObject(item)) throw invalid(at, 'expected an attachment object');
    // Attachments are polymorphic in Graph; the stand-in takes file attachments only.
    if (item['@odata.type'] !== '#microsoft.graph.fileAttachment') {
      throw invalid(`${at}.@odata.type`, 'expected "#microsoft.graph.fileAttachment"');
    }
    onlyKnown(item, ATTACHMENT_PROPERTIES, 'microsoft.graph.fileAttachment');
    const name = optionalString(item.name, `${at}.name`);
    if (!name || name.length > 255) throw invalid(`${at}.name`, 'expected a file name of 1–255 characters');
    const contentType = optionalString(item.contentType, `${at}.contentType`) ?? 'application/octet-stream';
    if (!MEDIA_TYPE.test(contentType)) throw invalid(`${at}.contentType`, 'expected a media type such as application/pdf');
    const bytes = optionalString(item.contentBytes, `${at}.contentBytes`);
    if (bytes === undefined || !isBase64(bytes)) throw invalid(`${at}.contentBytes`, 'expected base64');
    if (item.isInline !== undefined && typeof item.isInline !== 'boolean') throw invalid(`${at}.isInline`, 'expected true or false');
    optionalString(item.contentId, `${at}.contentId`);
    return { name, contentType, content: Buffer.from(bytes, 'base64') };
  });
}

function extendedProperties(value: unknown): ExtendedProperty[] {
  return array(value, 'message.singleValueExtendedProperties').map((item, i) => {
    const at = `message.singleValueExtendedProperties[${i}]`;
    if (!isObject(item)) throw invalid(at, 'expected { id, value }');
    onlyKnown(item, ['id', 'value'], 'microsoft.graph.singleValueLegacyExtendedProperty');
    const id = optionalString(item.id, `${at}.id`);
    if (!id || !EXTENDED_PROPERTY_ID.test(id)) throw invalid(`${at}.id`, 'expected e.g. "String {guid} Name Something"');
    const propertyValue = optionalString(item.value, `${at}.value`);
    if (propertyValue === undefined) throw invalid(`${at}.value`, 'expected a string');
    return { id, value: propertyValue };
  });
}

function body(message: Json): OutgoingMail['body'] {
  if (message.body === undefined || message.body === null) return { contentType: 'Text', content: '' };
  if (!isObject(message.body)) throw invalid('message.body', 'expected { contentType, content }');
  onlyKnown(message.body, ['contentType', 'content'], 'microsoft.graph.itemBody');
  // Graph's bodyType enum is matched case-insensitively ("html" works too).
  const type = optionalString(message.body.contentType, 'message.body.contentType')?.toLowerCase() ?? 'text';
  if (type !== 'html' && type !== 'text') throw invalid('message.body.contentType', 'expected "HTML" or "Text"');
  return { contentType: type === 'html' ? 'HTML' : 'Text', content: optionalString(message.body.content, 'message.body.content') ?? '' };
}

export function parseSendMail(from: string, request: unknown): ParsedMail {
  if (!isObject(request)) throw invalid('body', 'expected a JSON object');
  for (const key of Object.keys(request)) if (key !== 'message' && key !== 'saveToSentItems') throw unknownParameter(key, 'sendMail');
  const message = request.message;
  if (!isObject(message)) throw invalid('message', 'expected a message object');
  onlyKnown(message, MESSAGE_PROPERTIES, 'microsoft.graph.message');
  const subject = optionalString(message.subject, 'message.subject');
  if (!subject) throw invalid('message.subject', 'a subject is required');
  const to = recipients(message.toRecipients, 'message.toRecipients');
  const cc = recipients(message.ccRecipients, 'message.ccRecipients');
  const bcc = recipients(message.bccRecipients, 'message.bccRecipients');
  const total = to.length + cc.length + bcc.length;
  if (total === 0) throw invalid('message.toRecipients', 'at least one recipient is required', 'ErrorInvalidRecipients');
  if (total > MAX_RECIPIENTS) {
    const problem = `${total} recipients in To, Cc and Bcc together; the limit is ${MAX_RECIPIENTS}`;
    throw invalid('message.toRecipients', problem, 'ErrorInvalidRecipients');
  }
  const save = request.saveToSentItems ?? true;
  if (typeof save !== 'boolean') throw invalid('saveToSentItems', 'expected true or false');
  return {
    from,
    to,
    cc,
    bcc,
    subject,
    body: body(message),
    attachments: attachments(message.attachments),
    saveToSentItems: save,
    extendedProperties: extendedProperties(message.singleValueExtendedProperties),
  };
}
