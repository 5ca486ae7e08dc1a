/**
 * App-only access tokens for Microsoft Graph in production, from @azure/msal-node: a managed
 * identity (recommended: there is no secret to store or rotate), or an Entra app registration with
 * a client secret or a certificate. Local mode needs none of this: the Graph stand-in takes any token.
 *
 * msal keeps each token in its in-memory cache and hands it out again until five minutes before it
 * expires, so the Graph code may ask for a token before every request. One source is made at start
 * and kept: a new msal application would start with an empty cache. (Managed identity tokens live
 * in a cache msal shares across the whole process.)
 */
import { X509Certificate } from 'node:crypto';
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import { managedIdentityTokenSource, sharedWhilePending, tokenError } from './managed-identity-token';

export type GraphAuth =
  /** A user-assigned identity by its client id; the system-assigned identity when clientId is absent. */
  | { kind: 'managed-identity'; clientId?: string }
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string; authorityHost?: string }
  | { kind: 'certificate'; tenantId: string; clientId: string; privateKeyPem: string; certificatePem: string; authorityHost?: string };

/** The parts of an OpenID configuration msal reads (https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration). */
export interface AuthorityMetadata {
  token_endpoint: string;
  issuer: string;
  authorization_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
}

export interface GraphTokenSourceDeps {
  /**
   * The authority's OpenID configuration, given instead of discovered; the authority's host is then
   * trusted as it is (msal's knownAuthorities), so msal asks nothing but the token endpoint. Tests
   * use it to put the token endpoint on loopback. Production leaves it unset: msal knows Entra's
   * clouds and requests go through msal's own HTTP client.
   */
  authorityMetadata?: AuthorityMetadata;
}

/** Graph's resource: a managed identity asks for the resource, the client credential flow for its `.default` scope. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
const GRAPH_SCOPE = `${GRAPH_RESOURCE}/.default`;
const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function createGraphTokenSource(options: GraphAuth, deps: GraphTokenSourceDeps = {}): () => Promise<string> {
  if (options.kind === 'managed-identity') {
    return managedIdentityTokenSource(
      {
        resource: GRAPH_RESOURCE,
        service: 'Graph',
        clientIdSetting: 'GRAPH_CLIENT_ID',
        hint: 'that the identity has the Graph application permissions of docs/deploy.md.',
      },
      options.clientId,
    );
  }
  const app = new ConfidentialClientApplication(confidentialConfiguration(options, deps));
  const registration = `GRAPH_TENANT_ID (${options.tenantId}), GRAPH_CLIENT_ID (${options.clientId})`;
  const failedHint =
    options.kind === 'client-secret'
      ? `Check ${registration} and that GRAPH_CLIENT_SECRET holds the value (not the id) of a current secret of that app registration.`
      : `Check ${registration} and that the certificate in GRAPH_CERTIFICATE_PATH (SHA-256 thumbprint ${certificateThumbprintSha256(options.certificatePem)}) is uploaded to that app registration and not expired.`;
  const secrets = options.kind === 'client-secret' ? [options.clientSecret] : [options.privateKeyPem];
  const what = options.kind === 'client-secret' ? 'client secret' : 'certificate';
  return sharedWhilePending(async () => {
    let result;
    try {
      result = await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    } catch (error) {
      throw tokenError(`Graph token from ${what}`, error, secrets, failedHint);
    }
    if (!result?.accessToken) throw new Error(`Graph token from ${what} failed: no access token in the answer. ${failedHint}`);
    return result.accessToken;
  });
}

function confidentialConfiguration(options: Exclude<GraphAuth, { kind: 'managed-identity' }>, deps: GraphTokenSourceDeps): Configuration {
  const host = (options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '');
  const credential =
    options.kind === 'client-secret'
      ? { clientSecret: options.clientSecret }
      : {
          clientCertificate: {
            // SHA-256 (x5t#S256): Entra no longer needs SHA-1, and msal then signs with PS256.
            thumbprintSha256: certificateThumbprintSha256(options.certificatePem),
            privateKey: options.privateKeyPem,
            // x5c: the public chain travels with the assertion, which subject name + issuer authentication
            // needs to accept a renewed certificate without uploading it; Entra ignores it otherwise.
            x5c: options.certificatePem,
          },
        };
  return {
    auth: {
      clientId: options.clientId,
      authority: `${host}/${encodeURIComponent(options.tenantId)}`,
      ...credential,
      ...(deps.authorityMetadata
        ? { authorityMetadata: JSON.stringify(deps.authorityMetadata), knownAuthorities: [new URL(host).host] }
        : {}),
    },
  };
}

/** The certificate's SHA-256 thumbprint in hex (what `openssl x509 -fingerprint -sha256` prints, without colons). */
export function certificateThumbprintSha256(certificatePem: string): string {
  const first = certificatePem.match(PEM_CERTIFICATE)?.[0];
  if (!first) throw new Error('No PEM certificate (-----BEGIN CERTIFICATE-----) found.');
  return new X509Certificate(first).fingerprint256.replace(/:/g, '');
}
