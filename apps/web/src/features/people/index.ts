// The roster feature's public surface for the app (routes are lazy-loaded by path).
export { peopleKeys } from './query-keys';
export { rosterCan } from './permissions';
export { usePerson } from './api/get-person';
