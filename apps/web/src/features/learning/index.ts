// The remote-learning feature's public surface for the app (pages are lazy-loaded by path).
export { learningCan } from './permissions';
