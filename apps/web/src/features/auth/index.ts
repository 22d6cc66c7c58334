// The auth feature's public surface for the app shell and other features.
export { authKeys } from './query-keys';
export { useMe, getMe } from './api/get-me';
export { useLogout } from './api/logout';
