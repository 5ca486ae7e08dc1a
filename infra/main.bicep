// Arbetsrum in one resource group: the service on App Service (Linux, Node 24), its Azure Bot,
// PostgreSQL, Key Vault and logs. One user-assigned managed identity is the bot's id, signs in to
// PostgreSQL and Microsoft Graph, and may read Key Vault secrets: nothing here holds a password.
// tests/unit/infra-settings.test.ts checks the app settings below against the service's config
// schema (no Bicep compiler runs in CI). Deploy: infra/README.md.
targetScope = 'resourceGroup'

@description('Region of every resource except the bot registration (global). Sweden Central keeps the data in Sweden.')
param location string = 'swedencentral'

@minLength(3)
@maxLength(16)
@description('Lower-case letters, digits and hyphens that start every resource name, e.g. arbetsrum or arbetsrum-test.')
param resourceBaseName string = 'arbetsrum'

@description('Client id of the Entra app registration the tab\'s Teams SSO token is for (TAB_APP_ID, written by aadApp/create).')
param tabAppId string

@description('The service mailbox minutes and notices are mailed from (MAIL_SENDER).')
param mailSender string

@description('App Service plan SKU. Basic or higher: Always On and the health check need it.')
param appServiceSku string = 'B1'

@description('PostgreSQL compute, e.g. Standard_B1ms (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param postgresSkuName string = 'Standard_B1ms'
param postgresSkuTier string = 'Burstable'

@minValue(7)
@maxValue(35)
@description('Days of PostgreSQL backups: any point in this window can be restored.')
param postgresBackupRetentionDays int = 14

@minValue(30)
@maxValue(730)
@description('Days Log Analytics keeps the service\'s, HTTP and database logs.')
param logRetentionDays int = 30

var base = toLower(resourceBaseName)
// Site, bot, database and vault names are global DNS names: the suffix keeps them unique.
var suffix = uniqueString(resourceGroup().id, base)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${base}'
  location: location
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'arbetsrum-monitoring'
  params: {
    location: location
    workspaceName: 'log-${base}-${suffix}'
    appInsightsName: 'appi-${base}-${suffix}'
    retentionInDays: logRetentionDays
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'arbetsrum-postgres'
  params: {
    location: location
    serverName: 'psql-${base}-${suffix}'
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    backupRetentionDays: postgresBackupRetentionDays
    adminPrincipalId: identity.properties.principalId
    adminPrincipalName: identity.name
    workspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'arbetsrum-key-vault'
  params: {
    location: location
    vaultName: 'kv-${take(base, 8)}-${take(suffix, 10)}'
    secretsUserPrincipalId: identity.properties.principalId
    workspaceId: monitoring.outputs.workspaceId
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${base}'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true } // Linux
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-${base}-${suffix}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (@Microsoft.KeyVault(...)) resolve with this identity, not a system-assigned one.
    keyVaultReferenceIdentity: identity.id
    // Any instance serves any request; timed work is shared through pg-boss (several instances run safely).
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts' // package.json engines: node >=24 <25
      appCommandLine: 'node dist/bot/src/main.js' // built by `npm run build` before zipDeploy
      healthCheckPath: '/healthz' // 200 while the database answers (bot/src/adapters/http/routes/health.ts)
      alwaysOn: true // timed work (reminders, the kallelse) runs in the process
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

// Nobody deploys over FTP: switch off its basic-auth credentials (zip deploy goes through SCM).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

// The service's environment, set after the site exists so TAB_APP_ID_URI can use its host name.
// Every name is a variable of bot/src/config-env-schema.ts, or an App Service setting listed in
// the test with its reason. Identifiers only: no secret goes here (a fallback secret would be a
// Key Vault reference, @Microsoft.KeyVault(SecretUri=...)). App Service sets PORT itself.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    MicrosoftAppId: identity.properties.clientId
    MicrosoftAppType: 'UserAssignedMSI'
    MicrosoftAppTenantId: identity.properties.tenantId
    DATABASE_URL: 'postgres://${identity.name}@${postgres.outputs.fqdn}:5432/${postgres.outputs.databaseName}?sslmode=require'
    DATABASE_AUTH: 'managed-identity'
    DATABASE_CLIENT_ID: identity.properties.clientId
    GRAPH_AUTH: 'managed-identity'
    GRAPH_CLIENT_ID: identity.properties.clientId
    TAB_APP_ID: tabAppId
    TAB_APP_ID_URI: 'api://${site.properties.defaultHostName}/${tabAppId}'
    MAIL_SENDER: mailSender
  }
}

// pino writes JSON lines to stdout: AppServiceConsoleLogs carries them to Log Analytics. No
// AppServiceHTTPLogs: they keep every URL with its query string, and the tab's search sends what a
// person typed there (names, perhaps) as ?q=; the 5xx rate and response times come from the
// metrics (AllMetrics: Http5xx, HttpResponseTime) instead, which hold no URL.
resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: monitoring.outputs.workspaceId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

module bot 'modules/bot.bicep' = {
  name: 'arbetsrum-bot'
  params: {
    botName: 'bot-${base}-${suffix}'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
  }
}

// arm/deploy of the Agents Toolkit writes these into env/.env.<environment>.
output AZURE_APP_SERVICE_RESOURCE_ID string = site.id
output APP_DOMAIN string = site.properties.defaultHostName
// The site's name, for `az webapp deploy` and `az webapp ssh` (docs/deploy.md 4.5, 4.6).
output APP_NAME string = site.name
// The same expression as the app setting: `npm run package` refuses a package whose
// webApplicationInfo.resource differs from it (docs/deploy.md 4.7).
output TAB_APP_ID_URI string = 'api://${site.properties.defaultHostName}/${tabAppId}'
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output MANAGED_IDENTITY_NAME string = identity.name
output POSTGRES_SERVER_FQDN string = postgres.outputs.fqdn
output KEY_VAULT_NAME string = keyVault.outputs.vaultName
output LOG_ANALYTICS_WORKSPACE_NAME string = monitoring.outputs.workspaceName
