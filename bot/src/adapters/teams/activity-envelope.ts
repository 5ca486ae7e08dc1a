/**
 * The envelope of an activity, checked before botbuilder reads it. botbuilder trusts the body:
 * an activity without a type, or with `from`, `recipient` or `conversation` missing, makes it (or
 * the bot) throw, and the sender gets a 500 or 501 for what is their mistake. What the bot stores
 * of an activity (the conversation reference, as jsonb) cannot hold a NUL character or half a
 * surrogate pair either, and no Teams activity carries one. Teams adds fields freely, so only what the bot reads is checked
 * and the rest passes through; the card's own data is checked by card-actions.ts.
 */
import { z } from 'zod';

// The reply goes back with the sender, the recipient and the conversation copied from here, and
// the Bot Connector client refuses to send fields of the wrong type (after the action was done).
const account = z
  .object({
    id: z.string().min(1).max(256),
    name: z.string().max(256).nullish(),
    aadObjectId: z.string().max(64).nullish(),
    role: z.string().max(64).nullish(),
    properties: z.object({}).loose().nullish(),
  })
  .loose();
const conversation = z
  .object({
    // Sent back as the `x-ms-conversation-id` header of the reply, where Node refuses anything but
    // visible ASCII (after the action was done); Teams' ids ("a:1…", "19:…@thread.v2") are ASCII.
    id: z
      .string()
      .min(1)
      .max(1024)
      .regex(/^[\x21-\x7e]+$/),
    name: z.string().max(256).nullish(),
    isGroup: z.boolean().nullish(),
    conversationType: z.string().max(64).nullish(),
    tenantId: z.string().max(64).nullish(),
    aadObjectId: z.string().max(64).nullish(),
    role: z.string().max(64).nullish(),
    properties: z.object({}).loose().nullish(),
  })
  .loose();

const envelope = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(256).nullish(),
    name: z.string().max(256).nullish(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().min(1).max(2048),
    locale: z.string().max(64).nullish(),
    replyToId: z.string().max(256).nullish(),
    from: account,
    recipient: account,
    conversation,
  })
  .loose();

const unstorable = (text: string) => text.includes('\u0000') || !text.isWellFormed();

/** True when a string (or an object's key) anywhere in `value` holds a NUL or half a surrogate pair. */
function holdsUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === 'string') {
      if (unstorable(next)) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) stack.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const [key, child] of Object.entries(next)) {
        if (unstorable(key)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

/** Why the activity cannot be read, in a sentence for the sender, or null when it can. */
export function activityEnvelopeProblem(body: unknown): string | null {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue?.path.join('.') || 'activity'}: ${issue?.message ?? 'not an activity'}`;
  }
  if (holdsUnstorableText(body)) return 'a text holds a NUL character or half a surrogate pair';
  return null;
}
