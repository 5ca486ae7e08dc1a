/**
 * The credentials a bot turn's connector client signs with, made once per app and audience instead
 * of once per turn. botbuilder's factory makes new ones for every turn: with a managed identity
 * (production) that builds a DefaultAzureCredential chain each time, about a tenth of the CPU a
 * proposal's turn took in the bench. The tokens themselves are cached by botframework-connector
 * per app and scope either way; this keeps the objects that fetch them.
 */
import { type ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';

type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;
type Credentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;

/** Audiences are few (the channel's, a skill's); more than this means something is off, so none is kept then. */
const MOST_KEPT = 16;

export class CachedCredentialsFactory implements CredentialsFactory {
  private readonly made = new Map<string, Promise<Credentials>>();

  constructor(private readonly inner: CredentialsFactory) {}

  static fromSettings(settings: { appId: string; appPassword: string; appType: string; appTenantId: string }): CachedCredentialsFactory {
    return new CachedCredentialsFactory(
      new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: settings.appId,
        MicrosoftAppPassword: settings.appPassword,
        MicrosoftAppType: settings.appType,
        MicrosoftAppTenantId: settings.appTenantId,
      }),
    );
  }

  isValidAppId(appId: string): Promise<boolean> {
    return this.inner.isValidAppId(appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return this.inner.isAuthenticationDisabled();
  }

  createCredentials(appId: string, audience: string | undefined, loginEndpoint: string, validateAuthority: boolean): Promise<Credentials> {
    const key = JSON.stringify([appId, audience ?? null, loginEndpoint, validateAuthority]);
    const kept = this.made.get(key);
    if (kept) return kept;
    const making = this.inner.createCredentials(appId, audience, loginEndpoint, validateAuthority);
    if (this.made.size < MOST_KEPT) {
      this.made.set(key, making);
      // A factory that failed (an app id it refuses) is asked again next time, not remembered failing.
      making.catch(() => this.made.delete(key));
    }
    return making;
  }
}
