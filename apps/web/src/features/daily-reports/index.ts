// The daily-reports feature's public surface for the app (routes are lazy-loaded by path).
export { dailyReportCan } from './permissions';
export { useFileClassReport } from './api/file-class-report';
export { ReportCounts } from './components/report-counts';
export { ReportStatusTags } from './components/report-status';
// Shared with the other schools × days screens (duty reports).
export { DayPicker } from './components/day-picker';
export { useDayParam } from './components/use-day-param';
// The day formats now live in lib (the grid shell in components/ui uses them); kept here for the features that import them from this feature.
export { formatDay, formatMonthDay, formatWeekday } from '@/lib/day-format';
export { stateIcon } from './components/report-status';
