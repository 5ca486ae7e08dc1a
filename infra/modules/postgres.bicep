// Azure Database for PostgreSQL Flexible Server with Microsoft Entra authentication only: no
// password exists. The managed identity is the Entra administrator, so the service can create its
// tables and the pg-boss schema with no SQL run by hand after deployment; it signs in with an
// Entra access token as the password (DATABASE_AUTH=managed-identity).
param location string
param serverName string
param databaseName string = 'arbetsrum'
param skuName string
param skuTier string
@minValue(7)
@maxValue(35)
param backupRetentionDays int
@description('Object (principal) id of the managed identity that becomes the Entra administrator.')
param adminPrincipalId string
@description('Its name: the user name the service connects as.')
param adminPrincipalName string
param workspaceId string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  sku: { name: skuName, tier: skuTier }
  properties: {
    version: '16'
    storage: { storageSizeGB: 32, autoGrow: 'Enabled' }
    // Point-in-time restore to any moment in the retention window; backups stay in the region.
    backup: { backupRetentionDays: backupRetentionDays, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    network: { publicNetworkAccess: 'Enabled' }
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenant().tenantId
    }
  }
}

// "Allow Azure services": App Service's outbound addresses are Azure's. Sign-in still needs an
// Entra token for the identity. A private endpoint with VNet integration is the stricter option.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

// The server accepts one change at a time: the administrator waits for the firewall rule, the
// database for the administrator.
resource admin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: server
  name: adminPrincipalId
  properties: {
    principalName: adminPrincipalName
    principalType: 'ServicePrincipal'
    tenantId: tenant().tenantId
  }
  dependsOn: [allowAzure]
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
  dependsOn: [admin]
}

// Errors without their DETAIL: a unique violation's detail quotes the key (a person's mail
// address), and the logs go to Log Analytics. The service binds parameters, and PostgreSQL does not
// log their values, so these logs hold statements and error messages, not the data in them.
resource terseErrors 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'log_error_verbosity'
  properties: { value: 'TERSE', source: 'user-override' }
  dependsOn: [database]
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: server
  properties: {
    workspaceId: workspaceId
    logs: [{ category: 'PostgreSQLLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output fqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
