/**
 * Access tokens from the managed identity Azure gives the service (App Service's identity
 * endpoint), through @azure/msal-node: for Microsoft Graph and for Azure Database for PostgreSQL,
 * whose Entra authentication takes a token as the password. No secret is stored or rotated. It
 * lives with the Graph adapter because that is where msal may be imported; main.ts hands the
 * PostgreSQL token source to the storage adapter as a plain function.
 *
 * msal keeps managed identity tokens in a cache the whole process shares and hands each out again
 * until five minutes before it expires, so callers may ask before every use.
 */
import { AuthError, ManagedIdentityApplication, ServerError } from '@azure/msal-node';

export interface ManagedIdentityTarget {
  /** The resource the token is for, e.g. https://graph.microsoft.com. */
  resource: string;
  /** What the token is for, as the error says it: "Graph", "PostgreSQL". */
  service: string;
  /** The setting that names a user-assigned identity (for the error), e.g. GRAPH_CLIENT_ID. */
  clientIdSetting: string;
  /** What else to check when it fails (permissions, server admin). */
  hint: string;
}

/** A user-assigned identity by its client id; the system-assigned identity when none is given. */
export function managedIdentityTokenSource(target: ManagedIdentityTarget, clientId: string | undefined): () => Promise<string> {
  const app = new ManagedIdentityApplication(clientId ? { managedIdentityIdParams: { userAssignedClientId: clientId } } : undefined);
  const identity = clientId
    ? `the user-assigned identity with client id ${clientId} (${target.clientIdSetting})`
    : 'a system-assigned identity';
  const hint = `Check that the service runs where a managed identity is available (App Service: IDENTITY_ENDPOINT and IDENTITY_HEADER are set) and has ${identity} assigned, and ${target.hint}`;
  return sharedWhilePending(async () => {
    try {
      const result = await app.acquireToken({ resource: target.resource });
      return result.accessToken;
    } catch (error) {
      // App Service's IDENTITY_HEADER proves to the identity endpoint that the caller runs in the app: as secret as a password.
      throw tokenError(`${target.service} token from managed identity`, error, [process.env.IDENTITY_HEADER ?? ''], hint);
    }
  });
}

/**
 * Callers that ask while a token is being fetched share that request: msal's cache helps only once
 * a token is in it, and a job that starts twenty uploads at once would otherwise ask twenty times.
 */
export function sharedWhilePending(fetchToken: () => Promise<string>): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () =>
    (pending ??= fetchToken().finally(() => {
      pending = undefined;
    }));
}

/**
 * What went wrong, for the log: msal's error code (or the HTTP status when the answer had none) and
 * the server's description, never a secret. Descriptions do not echo credentials, but the secrets
 * are masked anyway, and msal's error is not attached as `cause`, so a logger cannot walk into it.
 */
export function tokenError(what: string, error: unknown, secrets: readonly string[], hint: string): Error {
  let code = 'unknown_error';
  let detail = error instanceof Error ? error.message : String(error);
  if (error instanceof AuthError) {
    const status = error instanceof ServerError && error.status ? `HTTP ${error.status}` : '';
    code = error.errorCode || status || error.name;
    detail = error.errorMessage;
  }
  const reach = code === 'network_error' ? 'Check that the service reaches the endpoint (outbound HTTPS, DNS, proxy). ' : '';
  let text = `${what} failed: ${code}${detail ? ` (${detail.replace(/\s+/g, ' ').trim().slice(0, 500)})` : ''}. ${reach}${hint}`;
  for (const secret of secrets) if (secret.length >= 4) text = text.split(secret).join('***');
  return new Error(text);
}
