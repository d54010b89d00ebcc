// NewsMonitor on Azure: a Flex Consumption Function App with identity-based storage and telemetry.
// Deploy with `azd up` (azure.yaml at the repository root); parameters in main.parameters.json.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment; used in resource names and tags (azd sets it).')
param environmentName string

@minLength(1)
@description('Azure region for all resources.')
param location string

@description('Resource group name; empty for rg-<environmentName>.')
param resourceGroupName string = ''

@minValue(1)
@maxValue(1000)
@description('Most instances the Function App scales out to.')
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
@description('Memory per instance, in MB.')
param instanceMemoryMB int = 2048

@description('NCRONTAB schedule (six fields, UTC) on which sources are polled.')
param schedule string = '0 */15 * * * *'

@description('Source URLs: RSS/Atom/RDF feeds or plain URL lists.')
param sources array = []

@description('Speaker names to alert on.')
param watchSpeakers array = []

@description('Keywords to alert on.')
param watchKeywords array = []

@secure()
@description('Webhook URL that receives alerts as JSON; stored in Key Vault, never in plain app settings. Empty for none.')
param alertWebhook string = ''

@description('User-Agent sent with every request; name a contact URL.')
param userAgent string = 'NewsMonitor/1.0 (+https://github.com/newsmonitor/newsmonitor; news monitoring bot)'

@description('Object id of the deploying user, granted read access to the stored data; empty for none.')
param principalId string = ''

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-newsmon-${token}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stnewsmon${take(token, 12)}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-newsmon-${token}'
    applicationInsightsName: 'appi-newsmon-${token}'
    location: location
    tags: tags
  }
}

module secrets 'app/keyvault.bicep' = {
  name: 'secrets'
  scope: rg
  params: {
    name: 'kv-newsmon-${take(token, 13)}'
    location: location
    tags: tags
    alertWebhook: alertWebhook
    storeAlertWebhook: !empty(alertWebhook)
  }
}

module roles 'app/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: secrets.outputs.name
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module function 'app/function.bicep' = {
  name: 'function'
  scope: rg
  dependsOn: [roles]
  params: {
    planName: 'plan-newsmon-${token}'
    appName: 'func-newsmon-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    schedule: schedule
    sources: join(sources, '\n')
    watchSpeakers: join(watchSpeakers, '\n')
    watchKeywords: join(watchKeywords, '\n')
    alertWebhookSecretUri: secrets.outputs.alertWebhookSecretUri
    userAgent: userAgent
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = function.outputs.name
output AZURE_FUNCTION_URI string = function.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
