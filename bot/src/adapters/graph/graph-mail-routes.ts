/**
 * `POST /users/{id | userPrincipalName}/sendMail` (user-sendmail, JSON form): validates the
 * message (graph-mail-parse.ts), writes it to `<dataDir>/outbox/<timestamp>-<random>.eml` — one
 * file per message however many recipients it has — and its Sent Items record to
 * `<dataDir>/sent-items/<same name>.json`, then answers 202 Accepted with no body, as Graph does.
 * The MIME (base64 text/plain) form of sendMail is not implemented.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { buildEml, type MailAddress } from './graph-eml';
import { delay, writeFileAtomic } from './graph-files';
import { decodeSegment, GraphHttpError, graphDate, readBody, type RouteContext, sendEmpty } from './graph-http';
import { parseSendMail, type ParsedMail } from './graph-mail-parse';
import { type Recipient, type SentItem, sentItemsDir } from './graph-sent-items';

export { parseSendMail } from './graph-mail-parse';

const recipient = ({ address, name }: MailAddress): Recipient => ({ emailAddress: name ? { address, name } : { address } });

function sentItem(mail: ParsedMail, mailbox: string, eml: string, sent: Date, messageId: string): SentItem {
  // The sender's address as the .eml shows it: a bare user id gets the stand-in's invalid domain.
  const fromAddress = /@/.test(mailbox) ? mailbox : `${mailbox}@graph-stand-in.invalid`;
  return {
    // Graph's message ids are opaque base64; this one only has to be unique and URL-safe.
    id: `AAMkAD${randomBytes(30).toString('base64url')}`,
    internetMessageId: `<${messageId}@graph-stand-in.invalid>`,
    sentDateTime: graphDate(sent),
    mailbox,
    savedToSentItems: mail.saveToSentItems,
    eml,
    subject: mail.subject,
    from: { emailAddress: { address: fromAddress } },
    toRecipients: mail.to.map(recipient),
    ccRecipients: mail.cc.map(recipient),
    bccRecipients: mail.bcc.map(recipient),
    singleValueExtendedProperties: mail.extendedProperties,
    attachments: mail.attachments.map((a) => ({ name: a.name, size: a.content.length })),
  };
}

export async function sendMail(ctx: RouteContext): Promise<void> {
  const user = decodeSegment(ctx.params[0] ?? '', 'user id');
  if (!/^[\x21-\x7e]{1,256}$/.test(user)) {
    throw new GraphHttpError(400, 'ErrorInvalidUser', 'The user id or userPrincipalName is not valid.');
  }
  // Exchange Online's default maximum message size is 35 MB; the JSON body is held to the same limit.
  const raw = await readBody(ctx.req, ctx.limits.jsonBytes, 'ErrorMessageSizeExceeded');
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new GraphHttpError(400, 'ErrorInvalidRequest', "Invalid value for 'body': not valid JSON.");
  }
  const mail = parseSendMail(user, json);
  const now = new Date();
  const base = `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
  const messageId = randomUUID();
  // Both written under a temporary name and renamed, so whoever watches the folders never reads
  // half a file. The .eml first: if the process dies in between, the mail exists without its
  // Sent Items record, and the publisher's check sends it again (twice rather than never).
  await writeFileAtomic(path.join(ctx.dataDir, 'outbox', `${base}.eml`), buildEml(mail, now, messageId));
  const record = sentItem(mail, user, `${base}.eml`, now, messageId);
  await writeFileAtomic(path.join(sentItemsDir(ctx.dataDir), `${base}.json`), `${JSON.stringify(record, null, 2)}\n`);
  ctx.logger?.debug(
    { file: `${base}.eml`, recipients: mail.to.length + mail.cc.length + mail.bcc.length },
    'graph stand-in wrote a mail to the outbox',
  );
  await delay(ctx.afterWriteDelayMs); // the mail exists; a test may stop the process before the 202
  sendEmpty(ctx.res, 202);
}
