import { useMutation } from '@tanstack/react-query';
import { apiDownload } from '@/lib/api-client';

/** The day's report as .xlsx: the township summary and one sheet per school (the server audits the export). */
export function exportDailyReport(day: string) {
  return apiDownload('/daily-reports/export', { query: { day } });
}

/** `gcTime: 0`: the file names people with exceptions; no copy stays in the mutation cache. */
export function useExportDailyReport() {
  return useMutation({ mutationFn: exportDailyReport, gcTime: 0 });
}
