// The follow-ups feature's public surface for the app (routes are lazy-loaded by path).
export { followUpKeys } from './query-keys';
export { useDayWritten } from './api/use-day-written';
export { useRecordHandling } from './api/record-handling';
export { followUpCan } from './permissions';
export { TodayCard } from './components/today-card';
