/**
 * Production sign-in to the tab API: the Entra ID access token Teams SSO hands the tab
 * (`authentication.getAuthToken()`), checked as Entra's own libraries would — RS256 signed by a
 * key of the tenant's JWKS, issued by that tenant (v2 or v1 issuer), for this app, for a signed-in
 * user (`scp` has `access_as_user`), and valid now give or take 5 minutes. The user is then matched
 * to a person; a valid token of someone who is not in Arbetsrum gets 403, not 401, since signing
 * in again cannot help them. The token itself is never logged.
 */
import { verify, type KeyObject } from 'node:crypto';
import type { Request } from 'restify';
import type { Logger } from '../../app/ports/logger';
import type { Authenticator } from './authenticator';
import type { SessionIdentity } from './dev-token';
import { HttpError } from './http-errors';
import { KeysUnavailableError, type OpenIdKeys } from './openid-keys';

export const TAB_SCOPE = 'access_as_user';
const CLOCK_SKEW_SECONDS = 5 * 60;
/** Node refuses request headers beyond 16 KB anyway; an Entra access token is 1–3 KB. */
const MAX_TOKEN_CHARS = 12_000;
const BEARER_JWT = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

/** The person behind an Entra user, by object id and then by work mail; null when they are not in Arbetsrum. */
export type FindPerson = (tenantId: string, objectId: string, email: string | null) => Promise<SessionIdentity | null>;

export interface EntraAuthenticatorOptions {
  /** The one tenant whose users may sign in (the bot's MicrosoftAppTenantId). */
  tenantId: string;
  /** Accepted `aud` values: the app id URI (v1 tokens) and the app (client) id (v2 tokens). */
  audiences: readonly string[];
  keys: Pick<OpenIdKeys, 'keyFor'>;
  findPerson: FindPerson;
  now: () => Date;
  logger: Logger;
}

export const NOT_A_MEMBER_MESSAGE =
  'Du finns inte i Arbetsrum än. Be en hållbarhetsstrateg i din grupp att lägga till dig. ' +
  '(You are not in Arbetsrum yet. Ask a sustainability strategist in your group to add you.)';

/** Why a token was refused: logged (never the token), so a misconfigured audience is easy to find. */
type Refusal =
  | 'no-token'
  | 'malformed'
  | 'algorithm'
  | 'unknown-key'
  | 'signature'
  | 'tenant'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'not-yet-valid'
  | 'scope'
  | 'subject';

class Refused extends Error {
  constructor(
    readonly reason: Refusal,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(reason);
  }
}

export interface EntraUser {
  tenantId: string;
  objectId: string;
  email: string | null;
}

export function entraAuthenticator(options: EntraAuthenticatorOptions): Authenticator {
  const tenantId = options.tenantId.toLowerCase();
  const audiences = new Set(options.audiences.filter((a) => a.length > 0));
  const v1Issuer = `https://sts.windows.net/${tenantId}/`;

  async function validate(header: string | undefined): Promise<EntraUser> {
    if (typeof header !== 'string' || header.length === 0) throw new Refused('no-token');
    const match = header.length <= MAX_TOKEN_CHARS ? BEARER_JWT.exec(header) : null;
    if (!match) throw new Refused('malformed');
    const [, encodedHeader, encodedPayload, encodedSignature] = match as unknown as [string, string, string, string];
    const jose = decodeJson(encodedHeader);
    // Only RS256: `none` and HS256 (with the public key as the "secret") are the classic forgeries.
    if (jose.alg !== 'RS256') throw new Refused('algorithm', { alg: typeof jose.alg === 'string' ? jose.alg.slice(0, 20) : null });
    if (jose.crit !== undefined || (jose.typ !== undefined && jose.typ !== 'JWT')) throw new Refused('malformed');
    if (typeof jose.kid !== 'string' || jose.kid.length === 0 || jose.kid.length > 200) throw new Refused('malformed');

    const { issuer, key } = await options.keys.keyFor(jose.kid);
    if (!key) throw new Refused('unknown-key');
    if (!signatureHolds(`${encodedHeader}.${encodedPayload}`, encodedSignature, key)) throw new Refused('signature');

    const claims = decodeJson(encodedPayload);
    const tid = typeof claims.tid === 'string' ? claims.tid.toLowerCase() : null;
    if (tid !== tenantId) throw new Refused('tenant', { tid });
    const acceptedIssuers = new Set([issuer.replace('{tenantid}', tenantId), v1Issuer]);
    if (typeof claims.iss !== 'string' || !acceptedIssuers.has(claims.iss)) throw new Refused('issuer', { iss: claims.iss });
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.some((a) => typeof a === 'string' && audiences.has(a))) throw new Refused('audience', { aud: claims.aud });

    const now = options.now().getTime() / 1000;
    if (typeof claims.exp !== 'number' || now >= claims.exp + CLOCK_SKEW_SECONDS) throw new Refused('expired');
    if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || now < claims.nbf - CLOCK_SKEW_SECONDS)) {
      throw new Refused('not-yet-valid');
    }
    // `scp` is there only when a user signed in; an app-only token (roles, no scp) is not a person.
    const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ') : [];
    if (!scopes.includes(TAB_SCOPE)) throw new Refused('scope');

    if (typeof claims.oid !== 'string' || !/^[0-9A-Za-z-]{1,64}$/.test(claims.oid)) throw new Refused('subject');
    // v2 tokens name the user in preferred_username, v1 tokens in upn; the tenant manages both.
    const name = [claims.preferred_username, claims.upn].find((v): v is string => typeof v === 'string' && v.includes('@'));
    return { tenantId: claims.tid as string, objectId: claims.oid, email: name && name.length <= 320 ? name : null };
  }

  return {
    authenticate: async (req: Request): Promise<SessionIdentity | null> => {
      let user: EntraUser;
      try {
        user = await validate(req.headers.authorization);
      } catch (error) {
        if (error instanceof Refused) {
          // Garbage anyone can send is debug; a token Entra signed but we refuse is worth seeing.
          const signed = !['no-token', 'malformed', 'algorithm', 'unknown-key', 'signature'].includes(error.reason);
          options.logger[signed ? 'info' : 'debug']({ reason: error.reason, ...error.detail }, 'tab API token refused');
          return null;
        }
        if (error instanceof KeysUnavailableError) {
          options.logger.error({ err: error.message }, 'cannot check tab API tokens: no signing keys');
          throw new HttpError(
            503,
            'sign_in_unavailable',
            'Inloggningen går inte att kontrollera just nu. Försök igen om en stund. (Sign-in cannot be checked right now. Try again in a moment.)',
          );
        }
        throw error;
      }
      const who = await options.findPerson(user.tenantId, user.objectId, user.email);
      if (!who) {
        options.logger.info({ tenantId: user.tenantId }, 'tab API: a signed-in user who is not a person in Arbetsrum');
        throw new HttpError(403, 'not_a_member', NOT_A_MEMBER_MESSAGE);
      }
      return who;
    },
  };
}

function decodeJson(segment: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // falls through to the refusal
  }
  throw new Refused('malformed');
}

function signatureHolds(signedPart: string, encodedSignature: string, key: KeyObject): boolean {
  try {
    return verify('RSA-SHA256', Buffer.from(signedPart, 'ascii'), key, Buffer.from(encodedSignature, 'base64url'));
  } catch {
    return false;
  }
}
