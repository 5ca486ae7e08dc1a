/**
 * Writes a sent message as an RFC 5322 (RFC 822) .eml: header fields folded to short lines,
 * non-ASCII text as RFC 2047 encoded-words, non-ASCII file names as RFC 2231 parameters, and a
 * MIME multipart/mixed body (RFC 2045/2046) whose parts are base64.
 */
import { randomBytes } from 'node:crypto';

export interface MailAddress {
  address: string;
  name?: string;
}

export interface MailAttachment {
  name: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingMail {
  /** The user id or UPN from the request path. */
  from: string;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  subject: string;
  body: { contentType: 'HTML' | 'Text'; content: string };
  attachments: MailAttachment[];
  saveToSentItems: boolean;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** RFC 2047 "B" encoded-words, each at most 75 characters, never splitting a UTF-8 character. */
export function encodeWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

/** Plain text stays readable; anything with non-ASCII or control characters (CR/LF included) is encoded. */
function headerText(text: string): string {
  return PRINTABLE_ASCII.test(text) ? text : encodeWords(text);
}

function mailbox({ address, name }: MailAddress): string {
  if (!name) return address;
  const display = PRINTABLE_ASCII.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeWords(name);
  return `${display} <${address}>`;
}

/** One mailbox per line keeps every line far below the 998-character limit, even with 500 recipients. */
function addressList(field: string, list: MailAddress[]): string[] {
  return list.length === 0 ? [] : [`${field}: ${list.map(mailbox).join(',\r\n ')}`];
}

const plainParameter = (value: string): boolean => /^[\x20-\x7e]*$/.test(value) && !/["\\]/.test(value);

/**
 * `filename="x.pdf"` when plain, else RFC 2231 `filename*=UTF-8''…`, split into numbered
 * continuations (`filename*0*=…; filename*1*=…`) on their own lines when long, so a 255-character
 * Swedish name never makes a line longer than 998 characters.
 */
function parameter(key: string, value: string): string {
  if (plainParameter(value)) return `${key}="${value}"`;
  const encoded = encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  if (encoded.length <= 60) return `${key}*=UTF-8''${encoded}`;
  const pieces = encoded.match(/(?:%[0-9A-F]{2}|[^%]){1,60}/g) ?? [];
  return pieces.map((piece, i) => `${key}*${i}*=${i === 0 ? "UTF-8''" : ''}${piece}`).join(';\r\n ');
}

/**
 * The Content-Type `name` for mail programs that read only it (older Outlook): RFC 2047
 * encoded-words inside the quotes. RFC 2047 does not bless this use, but it is what mail programs
 * send and understand; the RFC 2231 `filename*` on Content-Disposition is the standard one.
 */
function nameParameter(value: string): string {
  return plainParameter(value) ? `name="${value}"` : `name="${encodeWords(value)}"`;
}

function base64Lines(content: Buffer): string {
  return (content.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** RFC 5322 date-time, e.g. "Wed, 11 Feb 2026 10:00:00 +0000". */
function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

export function buildEml(mail: OutgoingMail, date: Date, messageId: string): string {
  const boundary = `=_graph-stand-in_${randomBytes(12).toString('hex')}`;
  const from = /@/.test(mail.from) ? mail.from : `${mail.from}@graph-stand-in.invalid`;
  const headers = [
    `From: ${from}`,
    ...addressList('To', mail.to),
    ...addressList('Cc', mail.cc),
    // The sender's copy keeps Bcc, so tests can see who got the message.
    ...addressList('Bcc', mail.bcc),
    `Subject: ${headerText(mail.subject)}`,
    `Date: ${rfc5322Date(date)}`,
    `Message-ID: <${messageId}@graph-stand-in.invalid>`,
    `X-Graph-SaveToSentItems: ${mail.saveToSentItems}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const parts = [
    [
      `Content-Type: ${mail.body.contentType === 'HTML' ? 'text/html' : 'text/plain'}; charset=utf-8`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(Buffer.from(mail.body.content, 'utf8')),
    ],
    ...mail.attachments.map((a) => [
      `Content-Type: ${a.contentType}; ${nameParameter(a.name)}`,
      `Content-Disposition: attachment; ${parameter('filename', a.name)}`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(a.content),
    ]),
  ];
  const body = parts.map((p) => `--${boundary}\r\n${p.join('\r\n')}\r\n`).join('');
  return `${headers.join('\r\n')}\r\n\r\n${body}--${boundary}--\r\n`;
}
