// The daily-reports feature's public surface for the app (routes are lazy-loaded by path).
export { dailyReportCan } from './permissions';
export { useFileClassReport } from './api/file-class-report';
export { ReportCounts } from './components/report-counts';
export { ReportStatusTags } from './components/report-status';
