// The accounts feature's public surface for other features and the app.
export { useAccounts } from './api/list-accounts';
