// The roster feature's public surface for the app (routes are lazy-loaded by path).
export { rosterCan } from './permissions';
export { usePerson } from './api/get-person';
