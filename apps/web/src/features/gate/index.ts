// The gate feature's public surface for the app (pages are lazy-loaded by path).
export { gateCan } from './permissions';
export { GateAlertsCard } from './components/gate-alerts-card';
