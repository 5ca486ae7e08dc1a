/**
 * A stand-in OpenID issuer on loopback: an OpenID metadata document, a JWKS with an RSA key pair
 * made at start, and `mint()` to sign tokens with it — or to forge them (another key, `none`,
 * HS256 with the public key as the secret). Nothing about Entra is built in: the tab's tests pass
 * Entra-shaped claims (entra-claims.ts), the bot endpoint's tests can pass Bot Framework's.
 */
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export interface MintOptions {
  /** The key id in the header; default: the current key's. */
  kid?: string;
  /** Default RS256. `none` leaves the signature empty; `HS*` signs with `secret`. */
  alg?: string;
  /** The RSA private key to sign with; default: the current key (use `forgeryKey` for a bad signature). */
  key?: KeyObject;
  /** The HMAC secret for HS256/384/512; default: the current public key as PEM (the algorithm-confusion attack). */
  secret?: string | Buffer;
  /** More header fields (`typ`, `x5t`, `crit`…); `undefined` removes one. */
  header?: Record<string, unknown>;
}

export interface IssuerKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface LocalOpenIdIssuer {
  /** The server's base URL, e.g. http://127.0.0.1:41234. */
  url: string;
  metadataUrl: string;
  jwksUrl: string;
  /** The `issuer` the metadata document names. */
  issuer: string;
  /** The key `mint` signs with by default (the newest). */
  readonly current: IssuerKey;
  /** A key pair that is in no JWKS: signatures made with it must be refused. */
  forgeryKey: KeyObject;
  /** Requests served so far, per document, to see a cache at work. */
  requests: { metadata: number; jwks: number };
  mint(claims: Record<string, unknown>, options?: MintOptions): string;
  /** Publishes a new key (and keeps the old ones unless `retireOld`) and signs with it from now on. */
  rotate(options?: { retireOld?: boolean }): IssuerKey;
  /** Makes both documents answer 503 (true) or normally again (false). */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export interface LocalOpenIdIssuerOptions {
  /** The `issuer` in the metadata; default: `<url>/<issuerPath>`. Real-looking values (Entra's) are fine. */
  issuer?: string | ((url: string) => string);
  /** Where the metadata document is served; default Entra's path. */
  metadataPath?: string;
  /** Extra fields for every JWK (e.g. Bot Framework's `endorsements`). */
  jwkExtras?: Record<string, unknown>;
  /** Extra fields for the metadata document. */
  metadataExtras?: Record<string, unknown>;
}

let kidCounter = 0;
function newKey(): IssuerKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  kidCounter += 1;
  return { kid: `test-key-${process.pid}-${kidCounter}`, privateKey, publicKey };
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startLocalOpenIdIssuer(options: LocalOpenIdIssuerOptions = {}): Promise<LocalOpenIdIssuer> {
  const metadataPath = options.metadataPath ?? '/v2.0/.well-known/openid-configuration';
  let keys: IssuerKey[] = [newKey()];
  const forgeryKey = newKey().privateKey;
  const requests = { metadata: 0, jwks: 0 };
  let down = false;
  let url = '';
  let issuer = '';

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (path === metadataPath) {
      requests.metadata += 1;
      if (down) return send(503, { error: 'down' });
      return send(200, {
        issuer,
        jwks_uri: `${url}/discovery/v2.0/keys`,
        authorization_endpoint: `${url}/oauth2/v2.0/authorize`,
        token_endpoint: `${url}/oauth2/v2.0/token`,
        id_token_signing_alg_values_supported: ['RS256'],
        ...options.metadataExtras,
      });
    }
    if (path === '/discovery/v2.0/keys') {
      requests.jwks += 1;
      if (down) return send(503, { error: 'down' });
      return send(200, {
        keys: keys.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig', ...options.jwkExtras })),
      });
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  issuer = typeof options.issuer === 'function' ? options.issuer(url) : (options.issuer ?? `${url}/issuer`);

  const current = () => keys[keys.length - 1]!;
  return {
    url,
    metadataUrl: `${url}${metadataPath}`,
    jwksUrl: `${url}/discovery/v2.0/keys`,
    issuer,
    get current() {
      return current();
    },
    forgeryKey,
    requests,
    mint(claims, mintOptions = {}) {
      const alg = mintOptions.alg ?? 'RS256';
      // A field set to undefined drops out in JSON.stringify: that is how a test removes `kid` or `typ`.
      const header: Record<string, unknown> = { typ: 'JWT', alg, kid: mintOptions.kid ?? current().kid, ...mintOptions.header };
      const signingInput = `${b64url(header)}.${b64url(claims)}`;
      let signature: Buffer;
      if (alg === 'none') signature = Buffer.alloc(0);
      else if (/^HS(256|384|512)$/.test(alg)) {
        const secret = mintOptions.secret ?? (current().publicKey.export({ format: 'pem', type: 'spki' }) as string);
        signature = createHmac(`sha${alg.slice(2)}`, secret)
          .update(signingInput)
          .digest();
      } else {
        signature = sign('RSA-SHA256', Buffer.from(signingInput), mintOptions.key ?? current().privateKey);
      }
      return `${signingInput}.${signature.toString('base64url')}`;
    },
    rotate({ retireOld = false } = {}) {
      const key = newKey();
      keys = retireOld ? [key] : [...keys, key];
      return key;
    },
    setDown(value) {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
