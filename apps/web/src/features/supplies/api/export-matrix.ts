import { useMutation } from '@tanstack/react-query';
import type { MatrixQuery } from '@campus/shared';
import { apiDownload } from '@/lib/api-client';

/** The matrix with the same filters and order as .xlsx (the server audits the export). */
export function exportMatrix(query: Omit<MatrixQuery, 'limit' | 'offset' | 'schoolId'>) {
  return apiDownload('/supplies/matrix/export', { query: { ...query } });
}

export function useExportMatrix() {
  return useMutation({ mutationFn: exportMatrix });
}
