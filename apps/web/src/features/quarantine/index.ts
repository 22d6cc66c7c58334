// The quarantine feature's public surface for the app and other features (pages are lazy-loaded by path).
export { quarantineCan } from './permissions';
export { useCases } from './api/list-cases';
export { OpenCaseModal } from './components/case-modals';
export { PersonCaseButton } from './components/person-case-button';
