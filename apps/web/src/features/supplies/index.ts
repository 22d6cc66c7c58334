// The supplies feature's public surface for the app (routes are lazy-loaded by path).
export { supplyCan } from './permissions';
