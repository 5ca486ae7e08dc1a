/**
 * The signing keys of an OpenID issuer (Entra ID): the metadata document names the issuer and the
 * JWKS, and the keys are cached. Entra publishes a new key weeks before it signs with it, so the
 * cache is refreshed every 12 hours and, for a key id it has not seen, at most once per 5 minutes
 * (the defaults of Microsoft.IdentityModel): a flood of tokens with made-up key ids costs one
 * fetch, not one per request. A failed refresh keeps the keys already known.
 */
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../../app/ports/logger';

/** Microsoft's metadata and key documents are a few KB; anything this large is not one. */
const MAX_DOCUMENT_CHARS = 256 * 1024;
export interface OpenIdKeysOptions {
  metadataUrl: string;
  logger: Logger;
  now: () => Date;
  fetch?: typeof fetch;
  /** How long keys are trusted before they are fetched again. */
  maxAgeMs?: number;
  /** The least time between two fetches caused by an unknown key id. */
  unknownKidCooldownMs?: number;
  /** The least time between two attempts while no key is known at all (the first fetch failed). */
  retryWhenEmptyMs?: number;
  timeoutMs?: number;
}

export interface SigningKeys {
  issuer: string;
  keys: ReadonlyMap<string, KeyObject>;
}

/** Signing keys could not be fetched and none are cached: the caller cannot tell a good token from a bad one. */
export class KeysUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeysUnavailableError';
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https anywhere; plain http only on this machine (a test's local issuer). */
export function isTrustworthyUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

const metadataSchema = z.object({ issuer: z.string().min(1).max(500), jwks_uri: z.string().max(2000) });
const jwksSchema = z.object({ keys: z.array(z.looseObject({ kid: z.string().optional() })).max(100) });
const MIN_RSA_BITS = 2048;

export class OpenIdKeys {
  private cached: (SigningKeys & { fetchedAt: number }) | null = null;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | null = null;
  private readonly maxAgeMs: number;
  private readonly unknownKidCooldownMs: number;
  private readonly retryWhenEmptyMs: number;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: OpenIdKeysOptions) {
    if (!isTrustworthyUrl(options.metadataUrl)) throw new Error('The OpenID metadata URL must be https (or http on loopback)');
    this.maxAgeMs = options.maxAgeMs ?? 12 * 60 * 60 * 1000;
    this.unknownKidCooldownMs = options.unknownKidCooldownMs ?? 5 * 60 * 1000;
    this.retryWhenEmptyMs = options.retryWhenEmptyMs ?? 10 * 1000;
    this.timeoutMs = options.timeoutMs ?? 10 * 1000;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** The issuer and the key for `kid`, or null when the issuer does not (or no longer) publish that key. */
  async keyFor(kid: string): Promise<{ issuer: string; key: KeyObject | null }> {
    if (this.inFlight) await this.inFlight;
    else if (this.wantsRefresh(kid)) await this.refresh();
    const current = this.cached;
    if (!current) throw new KeysUnavailableError('No signing keys: the OpenID metadata or JWKS could not be fetched');
    return { issuer: current.issuer, key: current.keys.get(kid) ?? null };
  }

  private wantsRefresh(kid: string): boolean {
    const now = this.options.now().getTime();
    const sinceAttempt = now - this.lastAttempt;
    if (!this.cached) return sinceAttempt >= this.retryWhenEmptyMs;
    if (sinceAttempt < this.unknownKidCooldownMs) return false;
    return now - this.cached.fetchedAt >= this.maxAgeMs || !this.cached.keys.has(kid);
  }

  /** One fetch at a time; everyone waiting shares it. Never throws: a failure keeps what is cached. */
  private refresh(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.lastAttempt = this.options.now().getTime();
    this.inFlight = this.load()
      .then((loaded) => {
        this.cached = { ...loaded, fetchedAt: this.options.now().getTime() };
      })
      .catch((error: unknown) => {
        this.options.logger.warn(
          {
            metadataUrl: this.options.metadataUrl,
            err: error instanceof Error ? error.message : String(error),
            keptCachedKeys: !!this.cached,
          },
          'could not refresh the OpenID signing keys',
        );
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private async load(): Promise<SigningKeys> {
    const metadata = metadataSchema.parse(await this.getJson(this.options.metadataUrl));
    if (!isTrustworthyUrl(metadata.jwks_uri)) throw new Error('jwks_uri is not https');
    const jwks = jwksSchema.parse(await this.getJson(metadata.jwks_uri));
    const keys = new Map<string, KeyObject>();
    for (const jwk of jwks.keys) {
      const key = toRsaSigningKey(jwk);
      if (key && jwk.kid) keys.set(jwk.kid, key);
    }
    if (keys.size === 0) throw new Error('the JWKS has no usable RSA signing key');
    this.options.logger.info({ issuer: metadata.issuer, keys: keys.size }, 'OpenID signing keys loaded');
    return { issuer: metadata.issuer, keys };
  }

  private async getJson(url: string): Promise<unknown> {
    // No redirects (the URL was checked, where it leads was not) and no unbounded bodies.
    const response = await this.fetch(url, {
      headers: { Accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_DOCUMENT_CHARS) throw new Error(`${url} answered a document of ${text.length} characters`);
    return JSON.parse(text) as unknown;
  }
}

/** An RSA public key meant for signatures (not encryption), of a safe size; anything else is skipped. */
function toRsaSigningKey(jwk: Record<string, unknown>): KeyObject | null {
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') return null;
  if (jwk.use !== undefined && jwk.use !== 'sig') return null;
  if (jwk.alg !== undefined && jwk.alg !== 'RS256') return null;
  try {
    // Only n and e: a JWKS entry with private parts (d, p, q…) must not make us hold a private key.
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } satisfies JsonWebKey, format: 'jwk' });
    return (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_RSA_BITS ? key : null;
  } catch {
    return null;
  }
}
