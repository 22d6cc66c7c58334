import { useMutation } from '@tanstack/react-query';
import { ImportCheck } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { importFormData, type ImportRequest } from './import-form';

/** Checks a roster file row by row; nothing is saved. */
export function checkImport(request: ImportRequest) {
  return apiRequest('/people/import/check', ImportCheck, { method: 'POST', body: importFormData(request) });
}

/** The check lives in the wizard's state (it names people); the mutation keeps no copy once unobserved. */
export function useCheckImport() {
  return useMutation({ mutationFn: checkImport, gcTime: 0 });
}
