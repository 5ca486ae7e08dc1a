// Key Vault for the fallbacks that need a secret (GRAPH_AUTH=client-secret or certificate, a
// SingleTenant bot's password): with the managed identity everywhere it holds nothing. Access is
// Azure RBAC only; the identity may read secret values and nothing else.
param location string
param vaultName string
@description('Object (principal) id of the managed identity that resolves Key Vault references.')
param secretsUserPrincipalId string
param workspaceId string

// Built-in role "Key Vault Secrets User": read secret contents, no listing of keys or certificates, no writes.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // A deleted secret cannot be purged before the retention ends, not even by an administrator.
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForTemplateDeployment: false
    enabledForDiskEncryption: false
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, secretsUserPrincipalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: secretsUserPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Who read or changed which secret, and when.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [{ category: 'AuditEvent', enabled: true }]
  }
}

output vaultName string = vault.name
output vaultUri string = vault.properties.vaultUri
