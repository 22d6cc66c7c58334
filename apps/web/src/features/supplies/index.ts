// The supplies feature's public surface for the app (routes are lazy-loaded by path).
export { supplyKeys } from './query-keys';
export { supplyCan } from './permissions';
