/**
 * Tokens for the local-mode dev sign-in: an HMAC-signed `{tenant, person, expiry}`. The key is
 * made fresh at every start, so a token never outlives the process and never leaves the machine.
 * Production mode does not create this at all.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SessionIdentity {
  tenantId: string;
  personId: string;
}

const TTL_MS = 8 * 60 * 60 * 1000;

export class DevTokens {
  private readonly key = randomBytes(32);

  constructor(private readonly now: () => Date) {}

  issue(identity: SessionIdentity): string {
    const payload = Buffer.from(JSON.stringify({ t: identity.tenantId, p: identity.personId, e: this.now().getTime() + TTL_MS })).toString(
      'base64url',
    );
    return `${payload}.${this.sign(payload)}`;
  }

  verify(token: string): SessionIdentity | null {
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { t?: unknown; p?: unknown; e?: unknown };
      if (typeof claims.t !== 'string' || typeof claims.p !== 'string' || typeof claims.e !== 'number') return null;
      if (claims.e <= this.now().getTime()) return null;
      return { tenantId: claims.t, personId: claims.p };
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
