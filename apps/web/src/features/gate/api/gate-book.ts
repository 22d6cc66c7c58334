import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { GateAlerts, GateApproval, GateApprovalList, GateCountsGrid, GateRegisterPage, OkResponse, type GateApprovalInput, type GateRegisterFilters } from '@campus/shared';
import { z } from 'zod';
import { apiDownload, apiRequest } from '@/lib/api-client';
import { gateKeys } from '../query-keys';

/** A day's register of a school, filtered, one page. */
export function useGateRegister(filters: GateRegisterFilters, cursor: string | undefined) {
  const query = { ...filters, cursor, limit: 50 };
  return useQuery({ queryKey: gateKeys.register(query), placeholderData: keepPreviousData, queryFn: ({ signal }) => apiRequest('/gate/register', GateRegisterPage, { query, signal }) });
}

/** `gcTime: 0`: the file holds visitors' phone numbers; no copy stays in the mutation cache. */
export function useExportGateRegister() {
  return useMutation({ mutationFn: (filters: GateRegisterFilters) => apiDownload('/gate/register/export', { query: filters }), gcTime: 0, meta: { invalidates: ['audit'] } });
}

export function useGateApprovals(schoolId: string) {
  return useQuery({ queryKey: gateKeys.approvals(schoolId), queryFn: ({ signal }) => apiRequest('/gate/approvals', GateApprovalList, { query: { schoolId }, signal }) });
}

export function useCreateApproval() {
  return useMutation({ mutationFn: (input: z.input<typeof GateApprovalInput>) => apiRequest('/gate/approvals', GateApproval, { method: 'POST', body: input }), meta: { invalidates: ['gate'] } });
}

export function useDeleteApproval() {
  return useMutation({ mutationFn: (id: string) => apiRequest(`/gate/approvals/${id}`, OkResponse, { method: 'DELETE' }), meta: { invalidates: ['gate'] } });
}

export function useSetGateClosed() {
  return useMutation({
    mutationFn: (input: { schoolId: string; closed: boolean }) => apiRequest('/gate/settings', z.object({ closed: z.boolean() }), { method: 'PUT', body: input }),
    meta: { invalidates: ['gate'] },
  });
}

/** Refusals not yet seen (the principal's school; the centre's fevers). */
export function useGateAlerts(enabled: boolean) {
  return useQuery({ queryKey: gateKeys.alerts(undefined), enabled, queryFn: ({ signal }) => apiRequest('/gate/alerts', GateAlerts, { signal }) });
}

export function useMarkAlertSeen() {
  return useMutation({ mutationFn: (id: string) => apiRequest(`/gate/alerts/${id}/seen`, OkResponse, { method: 'POST', body: {} }), meta: { invalidates: ['gate'] } });
}

export function useGateCounts(to: string | undefined, days: number) {
  return useQuery({ queryKey: gateKeys.counts(to, days), placeholderData: keepPreviousData, queryFn: ({ signal }) => apiRequest('/gate/counts', GateCountsGrid, { query: { to, days }, signal }) });
}
