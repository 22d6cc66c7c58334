import { useMutation } from '@tanstack/react-query';
import { DailyReport, type ClassReportInput } from '@campus/shared';
import type { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

/** The class teacher files the class's day (a zero report when nothing is wrong). */
export function fileClassReport(input: z.input<typeof ClassReportInput>) {
  return apiRequest('/daily-reports/class', DailyReport, { method: 'POST', body: input });
}

export function useFileClassReport() {
  return useMutation({ mutationFn: fileClassReport, meta: { invalidates: ['follow-ups', 'daily-reports', 'learning'] } });
}
