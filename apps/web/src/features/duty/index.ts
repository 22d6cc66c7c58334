// The duty feature's public surface for the app (pages are lazy-loaded by path).
export { dutyCan } from './permissions';
