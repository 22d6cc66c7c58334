// The daily-reports feature's public surface for the app (routes are lazy-loaded by path).
export { dailyReportCan } from './permissions';
export { useFileClassReport } from './api/file-class-report';
export { ReportCounts } from './components/report-counts';
export { ReportStatusTags } from './components/report-status';
// Shared with the other schools × days screens (duty reports).
export { DayPicker } from './components/day-picker';
export { useDayParam } from './components/use-day-param';
export { formatDay, formatMonthDay, formatWeekday } from './components/day-format';
export { stateIcon } from './components/report-status';
