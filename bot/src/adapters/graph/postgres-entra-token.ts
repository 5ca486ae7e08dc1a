/**
 * The password for Azure Database for PostgreSQL with Entra authentication: an access token for the
 * server's resource, from the managed identity. The server must know the identity as a role (its
 * Entra administrator, or a role made with pgaadauth_create_principal), named as DATABASE_URL's user.
 */
import { managedIdentityTokenSource } from './managed-identity-token';

/** The resource Azure Database for PostgreSQL's Entra authentication takes tokens for. */
export const POSTGRES_ENTRA_RESOURCE = 'https://ossrdbms-aad.database.windows.net';

export function postgresEntraToken(clientId: string | undefined): () => Promise<string> {
  return managedIdentityTokenSource(
    {
      resource: POSTGRES_ENTRA_RESOURCE,
      service: 'PostgreSQL',
      clientIdSetting: 'DATABASE_CLIENT_ID',
      hint: "that the server knows the identity as a role with DATABASE_URL's user name (docs/deploy.md).",
    },
    clientId,
  );
}
