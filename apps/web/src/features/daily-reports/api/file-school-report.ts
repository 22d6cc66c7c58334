import { useMutation } from '@tanstack/react-query';
import { DailyReport, type SchoolReportInput } from '@campus/shared';
import type { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

/**
 * The principal files the school's day: the classes' reports plus the staff.
 * Refused (409) while a class has not filed, unless it is in `onBehalf` with a reason.
 */
export function fileSchoolReport(input: z.input<typeof SchoolReportInput>) {
  return apiRequest('/daily-reports/school', DailyReport, { method: 'POST', body: input });
}

export function useFileSchoolReport() {
  return useMutation({ mutationFn: fileSchoolReport, meta: { invalidates: ['follow-ups', 'daily-reports', 'learning'] } });
}
