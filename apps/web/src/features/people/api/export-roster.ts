import { useMutation } from '@tanstack/react-query';
import type { ExportRequest } from '@campus/shared';
import { apiDownload } from '@/lib/api-client';

/** The filtered roster as .xlsx (the server audits the export; full ID numbers for the centre only). */
export function exportRoster(request: ExportRequest) {
  return apiDownload('/people/export', { method: 'POST', body: request });
}

export function useExportRoster() {
  return useMutation({ mutationFn: exportRoster });
}
