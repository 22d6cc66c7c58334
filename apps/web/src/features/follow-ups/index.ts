// The follow-ups feature's public surface for the app (routes are lazy-loaded by path).
export { followUpCan } from './permissions';
export { TodayCard } from './components/today-card';
export { prefetchWorklist } from './api/get-worklist';
