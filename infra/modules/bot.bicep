// The Azure Bot registration: Teams sends the bot's activities to the service's /api/messages.
// Its app id is the managed identity's client id (UserAssignedMSI), so no bot password exists.
param botName string
@maxLength(42)
param displayName string = 'Arbetsrum'
param endpoint string
param identityClientId string
param identityResourceId string
param identityTenantId string
@description('F0 is free for Teams (Teams is a standard channel); S1 only matters for premium channels.')
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output botName string = bot.name
