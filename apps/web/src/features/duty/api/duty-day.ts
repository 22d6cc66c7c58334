import { useMutation, useQuery } from '@tanstack/react-query';
import { DutyDayView, DutyReport, type DutyReportInput } from '@campus/shared';
import type { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { dutyKeys } from '../query-keys';

/** A school's duty day: who is on duty, the centre's checklist, the report if filed. */
export function useDutyDay(schoolId: string, day: string | undefined) {
  return useQuery({ queryKey: dutyKeys.day(schoolId, day), queryFn: ({ signal }) => apiRequest('/duty/day', DutyDayView, { query: { schoolId, day }, signal }) });
}

/** Files (or corrects) the day's duty report with pictures already uploaded. */
export function fileDutyReport(input: z.input<typeof DutyReportInput>) {
  return apiRequest('/duty/reports', DutyReport, { method: 'POST', body: input });
}

export function useFileDutyReport() {
  return useMutation({ mutationFn: fileDutyReport, meta: { invalidates: ['duty'] } });
}

export function useDutyReport(id: string | undefined) {
  return useQuery({ queryKey: dutyKeys.report(id ?? ''), enabled: Boolean(id), queryFn: ({ signal }) => apiRequest(`/duty/reports/${id}`, DutyReport, { signal }) });
}
