// The Function App on the Flex Consumption plan: Linux, .NET 10 isolated worker, identity-based storage,
// NewsMonitor's settings as app settings (the webhook as a Key Vault reference).
// The setting names are the ones src/NewsMonitor.Monitoring/NewsMonitorSettings.cs and StorageClients read;
// tests/NewsMonitor.Functions.Tests compiles this template and checks they agree.
param planName string
param appName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsConnectionString string
param maximumInstanceCount int
param instanceMemoryMB int
param schedule string
param sources string
param watchSpeakers string
param watchKeywords string
param alertWebhookSecretUri string
param userAgent string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'AzureWebJobsStorage__blobServiceUri', value: account.properties.primaryEndpoints.blob }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: account.properties.primaryEndpoints.queue }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        { name: 'NEWSMONITOR_SCHEDULE', value: schedule }
        { name: 'NEWSMONITOR_SOURCES', value: sources }
        { name: 'NEWSMONITOR_WATCH_SPEAKERS', value: watchSpeakers }
        { name: 'NEWSMONITOR_WATCH_KEYWORDS', value: watchKeywords }
        { name: 'NEWSMONITOR_ALERT_WEBHOOK', value: empty(alertWebhookSecretUri) ? '' : '@Microsoft.KeyVault(SecretUri=${alertWebhookSecretUri})' }
        { name: 'NEWSMONITOR_USER_AGENT', value: userAgent }
      ]
    }
  }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
