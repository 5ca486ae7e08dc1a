/**
 * The production check of the tab's Teams SSO token, against a local OpenID issuer: one good
 * token, and each way a token can be wrong refused; the signing keys cached and refreshed at a
 * limited rate; the person found by object id; the token never in the log.
 */
import type { Request } from 'restify';
import { entraAuthenticator, type FindPerson } from '../../../bot/src/adapters/http/entra-authenticator';
import { HttpError } from '../../../bot/src/adapters/http/http-errors';
import { OpenIdKeys } from '../../../bot/src/adapters/http/openid-keys';
import type { Logger } from '../../../bot/src/app/ports/logger';
import { entraClaims, entraIssuerV2 } from '../../support/entra-claims';
import { startLocalOpenIdIssuer, type LocalOpenIdIssuer } from '../../support/local-openid-issuer';

const TENANT = '8b5d2c1e-4f3a-4e7b-9c21-6a0d3f5e7b90';
const APP_ID = '11111111-1111-4111-8111-111111111111';
const APP_ID_URI = `api://arbetsrum.example.se/${APP_ID}`;
const SARA_OID = '00000000-0000-4000-8000-000000000003';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (fields: Record<string, unknown>, message: string) => lines.push(`${message} ${JSON.stringify(fields)}`);
  return { lines, debug: record, info: record, warn: record, error: record };
}

const request = (authorization?: string) => ({ headers: authorization === undefined ? {} : { authorization } }) as unknown as Request;
const bearer = (token: string) => request(`Bearer ${token}`);

describe('the Entra authenticator for the tab API', () => {
  let issuer: LocalOpenIdIssuer;
  let now: Date;
  let keysNow: Date;
  let logger: ReturnType<typeof recordingLogger>;
  let lookups: Parameters<FindPerson>[];
  let authenticate: (req: Request) => Promise<unknown>;

  beforeAll(async () => {
    issuer = await startLocalOpenIdIssuer({ issuer: entraIssuerV2(TENANT) });
  });
  afterAll(() => issuer.close());

  /** A fresh authenticator (and key cache) per test, so fetch counts start at what the test sees. */
  beforeEach(() => {
    now = new Date('2026-03-01T10:00:00Z');
    keysNow = new Date('2026-03-01T10:00:00Z');
    logger = recordingLogger();
    lookups = [];
    issuer.setDown(false);
    const keys = new OpenIdKeys({ metadataUrl: issuer.metadataUrl, logger, now: () => keysNow });
    authenticate = entraAuthenticator({
      tenantId: TENANT,
      audiences: [APP_ID_URI, APP_ID],
      keys,
      now: () => now,
      logger,
      findPerson: async (...args) => {
        lookups.push(args);
        return args[1] === SARA_OID ? { tenantId: args[0], personId: 'person-sara' } : null;
      },
    }).authenticate;
  });

  const claims = (overrides: Record<string, unknown> = {}) =>
    entraClaims({ tenantId: TENANT, appId: APP_ID, oid: SARA_OID, now, preferredUsername: 'sara.nilsson@trollhattan.example' }, overrides);

  it('accepts a good v2 token and names the person', async () => {
    const token = issuer.mint(claims());
    expect(await authenticate(bearer(token))).toEqual({ tenantId: TENANT, personId: 'person-sara' });
    expect(lookups).toEqual([[TENANT, SARA_OID, 'sara.nilsson@trollhattan.example']]);
  });

  it('accepts a v1 token: sts.windows.net issuer, the app id URI as audience, the mail in upn', async () => {
    const token = issuer.mint(
      claims({
        iss: `https://sts.windows.net/${TENANT}/`,
        aud: APP_ID_URI,
        ver: '1.0',
        preferred_username: undefined,
        upn: 'sara@x.example',
      }),
    );
    expect(await authenticate(bearer(token))).toEqual({ tenantId: TENANT, personId: 'person-sara' });
    expect(lookups[0]).toEqual([TENANT, SARA_OID, 'sara@x.example']);
  });

  it('accepts the clock skew of 5 minutes on both ends', async () => {
    const iat = Math.floor(now.getTime() / 1000);
    expect(await authenticate(bearer(issuer.mint(claims({ exp: iat - 4 * 60 }))))).not.toBeNull();
    expect(await authenticate(bearer(issuer.mint(claims({ nbf: iat + 4 * 60 }))))).not.toBeNull();
  });

  describe('refuses (401)', () => {
    const iat = () => Math.floor(now.getTime() / 1000);
    const cases: [string, string, () => Request][] = [
      ['no Authorization header', 'no-token', () => request()],
      ['an empty header', 'no-token', () => request('')],
      ['another scheme', 'malformed', () => request(`Basic ${Buffer.from('a:b').toString('base64')}`)],
      ['not a JWT', 'malformed', () => bearer('not-a-jwt')],
      ['a header that is not JSON', 'malformed', () => bearer(`bm90IGpzb24.${issuer.mint(claims()).split('.').slice(1).join('.')}`)],
      ['a bad signature (another key, same kid)', 'signature', () => bearer(issuer.mint(claims(), { key: issuer.forgeryKey }))],
      ['a changed payload', 'signature', () => bearer(tamper(issuer.mint(claims()), { oid: '00000000-0000-4000-8000-000000000001' }))],
      ['alg none', 'algorithm', () => bearer(issuer.mint(claims(), { alg: 'none' }))],
      ['HS256 with the public key as the secret', 'algorithm', () => bearer(issuer.mint(claims(), { alg: 'HS256' }))],
      ['RS512', 'algorithm', () => bearer(issuer.mint(claims(), { alg: 'RS512' }))],
      ['no kid', 'malformed', () => bearer(issuer.mint(claims(), { header: { kid: undefined } }))],
      ['a crit header', 'malformed', () => bearer(issuer.mint(claims(), { header: { crit: ['exp'] } }))],
      [
        'a wrong audience',
        'audience',
        () => bearer(issuer.mint(claims({ aud: 'api://someone-else/22222222-2222-4222-8222-222222222222' }))),
      ],
      ['no audience', 'audience', () => bearer(issuer.mint(claims({ aud: undefined })))],
      ['a wrong issuer', 'issuer', () => bearer(issuer.mint(claims({ iss: 'https://login.microsoftonline.com/common/v2.0' })))],
      [
        "another tenant's issuer",
        'issuer',
        () => bearer(issuer.mint(claims({ iss: entraIssuerV2('99999999-9999-4999-8999-999999999999') }))),
      ],
      ['a wrong tenant (tid)', 'tenant', () => bearer(issuer.mint(claims({ tid: '99999999-9999-4999-8999-999999999999' })))],
      ['no tenant', 'tenant', () => bearer(issuer.mint(claims({ tid: undefined })))],
      ['expired beyond the skew', 'expired', () => bearer(issuer.mint(claims({ exp: iat() - 6 * 60 })))],
      ['no expiry', 'expired', () => bearer(issuer.mint(claims({ exp: undefined })))],
      ['an expiry that is not a number', 'expired', () => bearer(issuer.mint(claims({ exp: String(iat() + 3600) })))],
      ['not yet valid beyond the skew', 'not-yet-valid', () => bearer(issuer.mint(claims({ nbf: iat() + 6 * 60 })))],
      ['a missing scope', 'scope', () => bearer(issuer.mint(claims({ scp: undefined })))],
      ['another scope only', 'scope', () => bearer(issuer.mint(claims({ scp: 'User.Read' })))],
      ['an app-only token (roles, no scp)', 'scope', () => bearer(issuer.mint(claims({ scp: undefined, roles: ['access_as_user'] })))],
      ['no object id', 'subject', () => bearer(issuer.mint(claims({ oid: undefined })))],
      ['an unknown kid', 'unknown-key', () => bearer(issuer.mint(claims(), { kid: 'no-such-key' }))],
    ];
    it.each(cases)('%s', async (_name, reason, makeRequest) => {
      expect(await authenticate(makeRequest())).toBeNull();
      expect(lookups).toEqual([]);
      // The reason proves which check refused it (a forged alg would also fail the RSA check).
      expect(logger.lines.filter((line) => line.startsWith('tab API token refused'))).toEqual([
        expect.stringContaining(`"reason":"${reason}"`),
      ]);
    });
  });

  it('answers 403 not_a_member, in Swedish first, for a valid token of someone who is not in Arbetsrum', async () => {
    const token = issuer.mint(claims({ oid: '00000000-0000-4000-8000-0000000000ff', preferred_username: 'okand@trollhattan.example' }));
    const refusal = await authenticate(bearer(token)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpError);
    expect(refusal).toMatchObject({ status: 403, code: 'not_a_member', message: expect.stringMatching(/^Du finns inte i Arbetsrum/) });
    expect(lookups).toEqual([[TENANT, '00000000-0000-4000-8000-0000000000ff', 'okand@trollhattan.example']]);
  });

  it('fetches the keys once, then serves from the cache', async () => {
    const before = { ...issuer.requests };
    for (let i = 0; i < 5; i += 1) expect(await authenticate(bearer(issuer.mint(claims())))).not.toBeNull();
    expect(issuer.requests.metadata - before.metadata).toBe(1);
    expect(issuer.requests.jwks - before.jwks).toBe(1);
  });

  it('refreshes the keys for a new kid (key rollover), but at most once per 5 minutes for unknown kids', async () => {
    expect(await authenticate(bearer(issuer.mint(claims())))).not.toBeNull();
    keysNow = new Date(keysNow.getTime() + 6 * 60 * 1000);
    const rotated = issuer.rotate();
    const before = issuer.requests.jwks;
    expect(await authenticate(bearer(issuer.mint(claims(), { kid: rotated.kid })))).toEqual({ tenantId: TENANT, personId: 'person-sara' });
    expect(issuer.requests.jwks - before).toBe(1);

    // A flood of made-up kids right after: refused without asking the issuer again.
    const flood = await Promise.all(
      Array.from({ length: 50 }, (_, i) => authenticate(bearer(issuer.mint(claims(), { kid: `made-up-${i}`, key: issuer.forgeryKey })))),
    );
    expect(flood.every((who) => who === null)).toBe(true);
    expect(issuer.requests.jwks - before).toBe(1);

    // A key published within the cooldown waits for it; then it is fetched.
    const later = issuer.rotate();
    expect(await authenticate(bearer(issuer.mint(claims(), { kid: later.kid })))).toBeNull();
    keysNow = new Date(keysNow.getTime() + 5 * 60 * 1000);
    expect(await authenticate(bearer(issuer.mint(claims(), { kid: later.kid })))).not.toBeNull();
    expect(issuer.requests.jwks - before).toBe(2);
  });

  it('shares one fetch among requests that arrive together', async () => {
    const before = issuer.requests.jwks;
    const token = issuer.mint(claims());
    const answers = await Promise.all(Array.from({ length: 10 }, () => authenticate(bearer(token))));
    expect(answers.every((who) => who !== null)).toBe(true);
    expect(issuer.requests.jwks - before).toBe(1);
  });

  it('answers 503 while no keys can be fetched, retries after 10 s, and keeps known keys when a refresh fails', async () => {
    issuer.setDown(true);
    const token = issuer.mint(claims());
    await expect(authenticate(bearer(token))).rejects.toMatchObject({ status: 503, code: 'sign_in_unavailable' });
    const attempts = issuer.requests.metadata;
    await expect(authenticate(bearer(token))).rejects.toMatchObject({ status: 503 });
    expect(issuer.requests.metadata).toBe(attempts); // not hammered

    issuer.setDown(false);
    keysNow = new Date(keysNow.getTime() + 11 * 1000);
    expect(await authenticate(bearer(token))).not.toBeNull();

    issuer.setDown(true);
    keysNow = new Date(keysNow.getTime() + 13 * 60 * 60 * 1000); // past the 12 h refresh
    expect(await authenticate(bearer(token))).not.toBeNull();
    expect(logger.lines.some((line) => line.includes('could not refresh the OpenID signing keys'))).toBe(true);
  });

  it('never logs the token', async () => {
    const tokens = [
      issuer.mint(claims()),
      issuer.mint(claims({ aud: 'api://wrong' })),
      issuer.mint(claims({ tid: 'other' })),
      issuer.mint(claims(), { alg: 'none' }),
      issuer.mint(claims({ oid: 'unknown-oid' })),
    ];
    for (const token of tokens) await authenticate(bearer(token)).catch(() => undefined);
    const log = logger.lines.join('\n');
    expect(logger.lines.length).toBeGreaterThan(0);
    for (const token of tokens) for (const part of token.split('.').filter((p) => p.length > 0)) expect(log).not.toContain(part);
  });

  it('refuses an insecure metadata URL', () => {
    expect(() => new OpenIdKeys({ metadataUrl: 'http://login.example/.well-known/openid-configuration', logger, now: () => now })).toThrow(
      /https/,
    );
  });
});

/** The same header and signature over a changed payload. */
function tamper(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), ...changes };
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}
