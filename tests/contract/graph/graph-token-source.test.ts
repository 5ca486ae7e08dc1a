/**
 * The Graph token source over real HTTP on loopback, msal not mocked: a stub plays App Service's
 * managed identity endpoint (msal finds it through IDENTITY_ENDPOINT and IDENTITY_HEADER, as on App
 * Service) and Entra's token endpoint (msal is given the authority's metadata, so it asks nothing
 * else and uses its own HTTP client). Certificates come from openssl; those tests say so when it is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { constants, createPublicKey, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  certificateThumbprintSha256,
  createGraphTokenSource,
  type AuthorityMetadata,
} from '../../../bot/src/adapters/graph/graph-token-source';

type Seen = { method: string; url: URL; headers: IncomingHttpHeaders; body: string };
type Answer = (seen: Seen) => { status: number; body: unknown };

/** A loopback HTTP server that records every request and answers with whatever `answer` is now. */
async function startStub(): Promise<{ url: string; seen: Seen[]; answer: Answer; close(): Promise<void> }> {
  const stub = {
    url: '',
    seen: [] as Seen[],
    answer: (() => ({ status: 500, body: {} })) as Answer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: new URL(req.url ?? '/', stub.url), headers: req.headers, body: '' };
      seen.body = Buffer.concat(chunks).toString();
      stub.seen.push(seen);
      const { status, body } = stub.answer(seen);
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return stub;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const USER_ASSIGNED = (n: number) => `aaaaaaaa-aaaa-4aaa-8aaa-00000000000${n}`;

describe('Graph token from a managed identity (App Service)', () => {
  const IDENTITY_HEADER = 'identity-header-value-7f3c9e';
  /** What App Service answers when it cannot find the identity asked for. */
  const REFUSAL = { status: 400, body: { statusCode: 400, message: 'Unable to load the proper Managed Identity.', correlationId: 'c-1' } };
  const saved = { IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT, IDENTITY_HEADER: process.env.IDENTITY_HEADER };
  let stub: Awaited<ReturnType<typeof startStub>>;
  let issued = 0;
  /** App Service's answer (api-version 2019-08-01): expires_on is a string of epoch seconds. */
  const appService =
    (lifetimeSeconds = 3600): Answer =>
    ({ url, headers }) => {
      if (headers['x-identity-header'] !== IDENTITY_HEADER || url.searchParams.get('api-version') !== '2019-08-01') return REFUSAL;
      issued += 1;
      return {
        status: 200,
        body: {
          access_token: `mi-token-${issued}`,
          expires_on: String(nowSeconds() + lifetimeSeconds),
          resource: url.searchParams.get('resource'),
          token_type: 'Bearer',
          client_id: url.searchParams.get('client_id') ?? 'system-assigned-client-id',
        },
      };
    };

  beforeAll(async () => {
    stub = await startStub();
    // msal picks the managed identity source once per process, from the environment of the first request.
    process.env.IDENTITY_ENDPOINT = `${stub.url}/msi/token`;
    process.env.IDENTITY_HEADER = IDENTITY_HEADER;
  });
  afterAll(async () => {
    if (saved.IDENTITY_ENDPOINT === undefined) delete process.env.IDENTITY_ENDPOINT;
    else process.env.IDENTITY_ENDPOINT = saved.IDENTITY_ENDPOINT;
    if (saved.IDENTITY_HEADER === undefined) delete process.env.IDENTITY_HEADER;
    else process.env.IDENTITY_HEADER = saved.IDENTITY_HEADER;
    await stub?.close();
  });
  beforeEach(() => {
    stub.seen.length = 0;
    stub.answer = appService();
  });

  // msal's managed identity cache is shared by the whole process: each test below uses its own identity.
  it('gets a token for Graph from the system-assigned identity and serves the second from the cache', async () => {
    const token = createGraphTokenSource({ kind: 'managed-identity' });
    const first = await token();
    expect(await token()).toBe(first);
    expect(first).toMatch(/^mi-token-\d+$/);
    expect(stub.seen).toHaveLength(1);
    const { method, url, headers } = stub.seen[0]!;
    expect([method, url.pathname, headers['x-identity-header']]).toEqual(['GET', '/msi/token', IDENTITY_HEADER]);
    // No client_id: that is how App Service knows the system-assigned identity is meant.
    expect(Object.fromEntries(url.searchParams)).toEqual({ 'api-version': '2019-08-01', resource: 'https://graph.microsoft.com' });
  });

  it('names a user-assigned identity by its client id', async () => {
    const token = await createGraphTokenSource({ kind: 'managed-identity', clientId: USER_ASSIGNED(1) })();
    expect(token).toMatch(/^mi-token-\d+$/);
    expect(stub.seen.map((s) => s.url.searchParams.get('client_id'))).toEqual([USER_ASSIGNED(1)]);
  });

  it('asks again for a token that expires within five minutes', async () => {
    stub.answer = appService(120);
    const token = createGraphTokenSource({ kind: 'managed-identity', clientId: USER_ASSIGNED(2) });
    const first = await token();
    const second = await token();
    expect(second).not.toBe(first);
    expect(stub.seen).toHaveLength(2);
  });

  it('explains a refusal (400, not retried) without the identity header', async () => {
    stub.answer = () => REFUSAL;
    const failure = createGraphTokenSource({ kind: 'managed-identity', clientId: USER_ASSIGNED(3) })();
    await expect(failure).rejects.toThrow(
      /^Graph token from managed identity failed: .*Unable to load the proper Managed Identity\..*GRAPH_CLIENT_ID/,
    );
    expect(stub.seen).toHaveLength(1);
  });

  it('gives up on a failing endpoint (500, retried by msal) with a clear error that masks the header', async () => {
    // An endpoint that echoes what it was sent: the header value must still not reach the message.
    stub.answer = ({ headers }) => ({
      status: 500,
      body: { statusCode: 500, message: `Internal error for ${String(headers['x-identity-header'])}` },
    });
    const failure = createGraphTokenSource({ kind: 'managed-identity', clientId: USER_ASSIGNED(4) })();
    await expect(failure).rejects.toThrow(/^Graph token from managed identity failed: .*Internal error for \*\*\*/);
    await expect(failure).rejects.toHaveProperty('message', expect.not.stringContaining(IDENTITY_HEADER));
    await expect(failure).rejects.not.toHaveProperty('cause');
    expect(stub.seen.length).toBeGreaterThan(1);
  }, 15_000);
});

const TENANT = '22222222-2222-4222-8222-222222222222';
const CLIENT_ID = '33333333-3333-4333-8333-333333333333';
const AUTHORITY_HOST = 'https://login.arbetsrum.test';

/** Entra's token endpoint on the stub; the rest of the metadata is never called. */
function metadata(stubUrl: string): AuthorityMetadata {
  return {
    token_endpoint: `${stubUrl}/${TENANT}/oauth2/v2.0/token`,
    issuer: `${AUTHORITY_HOST}/${TENANT}/v2.0`,
    authorization_endpoint: `${AUTHORITY_HOST}/${TENANT}/oauth2/v2.0/authorize`,
    jwks_uri: `${AUTHORITY_HOST}/${TENANT}/discovery/v2.0/keys`,
  };
}

function entra(lifetimeSeconds = 3599): Answer {
  let issued = 0;
  return () => {
    issued += 1;
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: lifetimeSeconds, ext_expires_in: lifetimeSeconds, access_token: `app-token-${issued}` },
    };
  };
}

describe('Graph token from a client secret (Entra token endpoint on loopback)', () => {
  const SECRET = 'Qx8~client-secret-value.d41d8cd98f';
  let stub: Awaited<ReturnType<typeof startStub>>;
  const source = () =>
    createGraphTokenSource(
      { kind: 'client-secret', tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET, authorityHost: AUTHORITY_HOST },
      { authorityMetadata: metadata(stub.url) },
    );

  beforeAll(async () => {
    stub = await startStub();
  });
  afterAll(() => stub?.close());
  beforeEach(() => {
    stub.seen.length = 0;
    stub.answer = entra();
  });

  it('posts the client credentials grant for Graph once: callers at the same time share it, later ones get it from the cache', async () => {
    const token = source();
    expect(await Promise.all([token(), token(), token()])).toEqual(['app-token-1', 'app-token-1', 'app-token-1']);
    expect(await token()).toBe('app-token-1');
    expect(stub.seen).toHaveLength(1);
    const [request] = stub.seen;
    expect(request!.method).toBe('POST');
    expect(request!.url.pathname).toBe(`/${TENANT}/oauth2/v2.0/token`);
    expect(request!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(request!.body))).toMatchObject({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      scope: 'https://graph.microsoft.com/.default',
      client_secret: SECRET,
    });
  });

  it('asks again for a token that expires within five minutes', async () => {
    stub.answer = entra(120);
    const token = source();
    expect([await token(), await token()]).toEqual(['app-token-1', 'app-token-2']);
  });

  it.each([400, 401])('explains a wrong secret (%i invalid_client) without the secret', async (status) => {
    // A server that echoes the secret it got: it must still not reach the message.
    stub.answer = ({ body }) => ({
      status,
      body: {
        error: 'invalid_client',
        error_description: `AADSTS7000215: Invalid client secret provided (${new URLSearchParams(body).get('client_secret')}). Trace ID: t Correlation ID: c`,
        error_codes: [7000215],
      },
    });
    const failure = source()();
    await expect(failure).rejects.toThrow(
      /^Graph token from client secret failed: invalid_client \(.*AADSTS7000215.*\)\. Check GRAPH_TENANT_ID/,
    );
    await expect(failure).rejects.toThrow(/GRAPH_CLIENT_SECRET holds the value/);
    await expect(failure).rejects.toHaveProperty('message', expect.not.stringContaining(SECRET));
  });
});

const opensslFound = spawnSync('openssl', ['version']).status === 0;

(opensslFound ? describe : describe.skip)(
  `Graph token from a certificate${opensslFound ? '' : ' (skipped: openssl not found on PATH)'}`,
  () => {
    let dir: string;
    let keyPem: string;
    let certificatePem: string;
    let stub: Awaited<ReturnType<typeof startStub>>;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'arbetsrum-cert-'));
      const key = path.join(dir, 'key.pem');
      const cert = path.join(dir, 'cert.pem');
      const selfSigned = ['-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=arbetsrum-graph', '-days', '1'];
      execFileSync('openssl', ['req', ...selfSigned, '-keyout', key, '-out', cert], { stdio: 'ignore' });
      keyPem = readFileSync(key, 'utf8');
      certificatePem = readFileSync(cert, 'utf8');
      stub = await startStub();
      stub.answer = entra();
    });
    afterAll(async () => {
      await stub?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('computes the SHA-256 thumbprint openssl computes', () => {
      const fingerprint = ['x509', '-in', path.join(dir, 'cert.pem'), '-noout', '-fingerprint', '-sha256'];
      const printed = execFileSync('openssl', fingerprint, { encoding: 'utf8' });
      // e.g. "sha256 Fingerprint=AB:CD:…" (the label's case differs between openssl versions)
      const expected = printed.trim().split('=')[1]!.replace(/:/g, '');
      expect(certificateThumbprintSha256(certificatePem)).toBe(expected);
      expect(expected).toMatch(/^[0-9A-F]{64}$/);
    });

    it('signs a client assertion (PS256, x5t#S256, x5c) that the certificate verifies', async () => {
      const token = createGraphTokenSource(
        {
          kind: 'certificate',
          tenantId: TENANT,
          clientId: CLIENT_ID,
          privateKeyPem: keyPem,
          certificatePem,
          authorityHost: AUTHORITY_HOST,
        },
        { authorityMetadata: metadata(stub.url) },
      );
      expect(await token()).toMatch(/^app-token-\d+$/);
      const form = new URLSearchParams(stub.seen.at(-1)!.body);
      expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      expect(form.has('client_secret')).toBe(false);
      const [header, payload, signature] = form.get('client_assertion')!.split('.') as [string, string, string];
      const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;
      const thumbprint = Buffer.from(certificateThumbprintSha256(certificatePem), 'hex').toString('base64url');
      const der = new X509Certificate(certificatePem).raw.toString('base64');
      expect(decode(header)).toMatchObject({ alg: 'PS256', 'x5t#S256': thumbprint, x5c: [der] });
      expect(decode(payload)).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID, aud: metadata(stub.url).token_endpoint });
      const signed = verify(
        'sha256',
        Buffer.from(`${header}.${payload}`),
        { key: createPublicKey(certificatePem), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        Buffer.from(signature, 'base64url'),
      );
      expect(signed).toBe(true);
      expect(stub.seen.at(-1)!.body).not.toContain(keyPem.split('\n')[1]);
    });
  },
);
