/**
 * App Service's managed identity endpoint on loopback (the `IDENTITY_ENDPOINT` + `IDENTITY_HEADER`
 * contract, api-version 2019-08-01): a bot with `MicrosoftAppType=UserAssignedMSI` gets the token it
 * sends to the Bot Connector from here, so a test can let the bot answer without reaching Entra.
 * The token is a placeholder: the recording connector does not check it.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ManagedIdentityRequest {
  resource: string | null;
  clientId: string | null;
  /** Whether the request carried the secret header App Service sets. */
  headerOk: boolean;
}

export interface LocalManagedIdentity {
  /** What to set as IDENTITY_ENDPOINT and IDENTITY_HEADER. */
  env: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string };
  requests: ManagedIdentityRequest[];
  close(): Promise<void>;
}

export async function startLocalManagedIdentity(): Promise<LocalManagedIdentity> {
  const header = randomBytes(16).toString('hex');
  const requests: ManagedIdentityRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request = {
      resource: url.searchParams.get('resource'),
      clientId: url.searchParams.get('client_id'),
      headerOk: req.headers['x-identity-header'] === header,
    };
    requests.push(request);
    res.setHeader('Content-Type', 'application/json');
    if (url.pathname !== '/msi/token' || !request.headerOk || !request.resource) {
      res.statusCode = 400;
      res.end(JSON.stringify({ error: 'invalid_request' }));
      return;
    }
    res.end(
      JSON.stringify({
        access_token: `local-managed-identity-token-${requests.length}`,
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource: request.resource,
        token_type: 'Bearer',
        client_id: request.clientId,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    env: { IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token`, IDENTITY_HEADER: header },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
