import { alertApi, deploymentApi, licenseApi, salesApi } from '../../api/clients';
import type { ListQuery } from './licenseFilters';

/**
 * Query keys and fetchers of the license screens. Everything about licenses starts with
 * `['licenses']`, so a write elsewhere (the operations center) refreshes these screens with
 * `queryClient.invalidateQueries({ queryKey: ['licenses'] })`; purchases, deployments and alerts of
 * a license start with `['purchases']`, `['deployments']`, `['alerts']`.
 */
export const licenseKeys = {
  all: ['licenses'] as const,
  list: (query: ListQuery) => ['licenses', 'list', query] as const,
  detail: (id: string) => ['licenses', 'detail', id] as const,
  usage: (id: string) => ['licenses', 'detail', id, 'usage'] as const,
  timeline: (id: string) => ['licenses', 'detail', id, 'timeline'] as const,
  changes: (id: string, page: number, size: number) =>
    ['licenses', 'detail', id, 'changes', { page, size }] as const,
  purchases: (licenseId: string) => ['purchases', { licenseId }] as const,
  deployments: (licenseId: string) => ['deployments', { licenseId }] as const,
  openAlerts: (licenseId: string) => ['alerts', { licenseId, status: 'OPEN' }] as const,
};

/** How many purchases, deployments, alerts and usage reports a section shows (the API's maximum is 200). */
export const SECTION_SIZE = 100;
export const USAGE_HISTORY_SIZE = 200;

export async function fetchLicenses(query: ListQuery) {
  return (await licenseApi.GET('/api/v1/licenses', { params: { query } })).data!;
}

export async function fetchLicense(id: string) {
  return (await licenseApi.GET('/api/v1/licenses/{id}', { params: { path: { id } } })).data!;
}

export async function fetchUsage(id: string) {
  const query = { page: 0, size: USAGE_HISTORY_SIZE, sort: ['reportedAt,desc', 'id,desc'] };
  return (await licenseApi.GET('/api/v1/licenses/{id}/usage', { params: { path: { id }, query } })).data!;
}

export async function fetchTimeline(id: string) {
  return (await licenseApi.GET('/api/v1/licenses/{id}/timeline', { params: { path: { id } } })).data!;
}

export async function fetchChanges(id: string, page: number, size: number) {
  const query = { page, size, sort: ['at,desc', 'id,desc'] };
  return (await licenseApi.GET('/api/v1/licenses/{id}/changes', { params: { path: { id }, query } })).data!;
}

export async function fetchPurchases(licenseId: string) {
  const query = { licenseId, page: 0, size: SECTION_SIZE, sort: ['purchaseDate,desc'] };
  return (await salesApi.GET('/api/v1/purchases', { params: { query } })).data!;
}

export async function fetchDeployments(licenseId: string) {
  const query = { licenseId, page: 0, size: SECTION_SIZE }; // newest scheduled date first
  return (await deploymentApi.GET('/api/v1/deployments', { params: { query } })).data!;
}

export async function fetchOpenAlerts(licenseId: string) {
  const query = { licenseId, status: ['OPEN' as const], page: 0, size: SECTION_SIZE }; // newest first
  return (await alertApi.GET('/api/v1/alerts', { params: { query } })).data!;
}
