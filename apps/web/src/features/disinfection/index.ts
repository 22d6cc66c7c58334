// The disinfection feature's public surface for the app (pages are lazy-loaded by path).
export { disinfectionCan } from './permissions';
