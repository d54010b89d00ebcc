// Key Vault for NewsMonitor's secrets (the alert webhook URL carries its own credentials). RBAC only.
param name string
param location string
param tags object

@secure()
param alertWebhook string

@description('Whether a webhook is configured (the secret itself must not decide an output).')
param storeAlertWebhook bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource webhook 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (storeAlertWebhook) {
  parent: vault
  name: 'alert-webhook'
  properties: { value: alertWebhook }
}

output name string = vault.name
output alertWebhookSecretUri string = storeAlertWebhook ? '${vault.properties.vaultUri}secrets/alert-webhook' : ''
