// The accounts feature's public surface for other features and the app.
export { accountKeys } from './query-keys';
export { useAccounts } from './api/list-accounts';
