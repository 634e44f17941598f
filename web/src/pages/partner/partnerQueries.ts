import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { partnerAlertApi, partnerCustomerApi, partnerLicenseApi } from '../../api/clients';
import type {
  components as LicenseSchemas,
  operations as LicenseOperations,
} from '../../api/schema/license-service';
import type {
  components as CustomerSchemas,
  operations as CustomerOperations,
} from '../../api/schema/customer-service';
import type {
  components as AlertSchemas,
  operations as AlertOperations,
} from '../../api/schema/alert-service';
import { useDebouncedValue } from '../../lib/forms';

/**
 * The partner portal's calls: only the partner API (`/api/partner/v1/...`), through clients that
 * cannot reach a staff path. Query keys start with the resource (`['licenses', 'partner', ...]`),
 * so a usage report refreshes every partner license screen.
 */

export type PartnerLicense = LicenseSchemas['schemas']['PartnerLicenseDto'];
export type PartnerUsagePage = LicenseSchemas['schemas']['PageResponsePartnerUsageReportDto'];
export type PartnerUsageReport = LicenseSchemas['schemas']['PartnerUsageReportDto'];
export type PartnerTimelineEntry = LicenseSchemas['schemas']['PartnerTimelineEntry'];
export type UsageReportRequest = LicenseSchemas['schemas']['UsageReportRequest'];
export type PartnerCustomer = CustomerSchemas['schemas']['PartnerCustomerDto'];
export type PartnerAlert = AlertSchemas['schemas']['PartnerAlertDto'];

export type PartnerLicenseQuery = NonNullable<LicenseOperations['list_1']['parameters']['query']>;
export type PartnerCustomerQuery = NonNullable<CustomerOperations['list_1']['parameters']['query']>;
export type PartnerAlertQuery = NonNullable<AlertOperations['list_1']['parameters']['query']>;

export const partnerKeys = {
  licenses: ['licenses', 'partner'] as const,
  licenseList: (query: PartnerLicenseQuery) => ['licenses', 'partner', 'list', query] as const,
  licenseSearch: (q: string) => ['licenses', 'partner', 'search', q] as const,
  license: (id: string) => ['licenses', 'partner', 'detail', id] as const,
  usage: (id: string) => ['licenses', 'partner', 'detail', id, 'usage'] as const,
  timeline: (id: string) => ['licenses', 'partner', 'detail', id, 'timeline'] as const,
  customerList: (query: PartnerCustomerQuery) => ['customers', 'partner', 'list', query] as const,
  customer: (id: string) => ['customers', 'partner', 'detail', id] as const,
  customerNames: ['customers', 'partner', 'names'] as const,
  alerts: ['alerts', 'partner'] as const,
  alertList: (query: PartnerAlertQuery) => ['alerts', 'partner', 'list', query] as const,
};

const emptyPage = { number: 0, size: 0, totalElements: 0, totalPages: 0 };

/** How many usage reports the history chart draws (the API's maximum page). */
export const USAGE_HISTORY_SIZE = 200;

export async function fetchPartnerLicenses(query: PartnerLicenseQuery, signal?: AbortSignal) {
  const { data } = await partnerLicenseApi.GET('/api/partner/v1/licenses', { params: { query }, signal });
  return data ?? { content: [], page: emptyPage };
}

export async function fetchPartnerLicense(id: string, signal?: AbortSignal): Promise<PartnerLicense> {
  const { data } = await partnerLicenseApi.GET('/api/partner/v1/licenses/{id}', {
    params: { path: { id } },
    signal,
  });
  return data ?? {};
}

export async function fetchPartnerUsage(id: string, signal?: AbortSignal): Promise<PartnerUsagePage> {
  const query = { page: 0, size: USAGE_HISTORY_SIZE, sort: ['reportedAt,desc', 'id,desc'] };
  const { data } = await partnerLicenseApi.GET('/api/partner/v1/licenses/{id}/usage', {
    params: { path: { id }, query },
    signal,
  });
  return data ?? { content: [], page: emptyPage };
}

export async function fetchPartnerTimeline(
  id: string,
  signal?: AbortSignal,
): Promise<PartnerTimelineEntry[]> {
  const { data } = await partnerLicenseApi.GET('/api/partner/v1/licenses/{id}/timeline', {
    params: { path: { id } },
    signal,
  });
  return data ?? [];
}

export async function reportPartnerUsage(id: string, body: UsageReportRequest, idempotencyKey: string) {
  const { data } = await partnerLicenseApi.POST('/api/partner/v1/licenses/{id}/usage', {
    params: { path: { id } },
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return data ?? {};
}

export async function fetchPartnerCustomers(query: PartnerCustomerQuery, signal?: AbortSignal) {
  const { data } = await partnerCustomerApi.GET('/api/partner/v1/customers', { params: { query }, signal });
  return data ?? { content: [], page: emptyPage };
}

export async function fetchPartnerCustomer(id: string, signal?: AbortSignal): Promise<PartnerCustomer> {
  const { data } = await partnerCustomerApi.GET('/api/partner/v1/customers/{id}', {
    params: { path: { id } },
    signal,
  });
  return data ?? {};
}

export async function fetchPartnerAlerts(query: PartnerAlertQuery, signal?: AbortSignal) {
  const { data } = await partnerAlertApi.GET('/api/partner/v1/alerts', { params: { query }, signal });
  return data ?? { content: [], page: emptyPage };
}

/* ------------------------------------------------------------------------------------------------
 * Customer names: the partner customer list has no `id` filter, so the portal reads the reseller's
 * customers once (a page of 200, more pages only for a very large reseller) and names ids from it.
 * ---------------------------------------------------------------------------------------------- */

const NAMES_PAGE_SIZE = 200;
const NAMES_MAX_PAGES = 10;

export async function fetchPartnerCustomerNames(signal?: AbortSignal): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (let page = 0; page < NAMES_MAX_PAGES; page++) {
    const data = await fetchPartnerCustomers({ page, size: NAMES_PAGE_SIZE, sort: ['name,asc'] }, signal);
    for (const customer of data.content ?? []) {
      if (customer.id && customer.name) names[customer.id] = customer.name;
    }
    if (page + 1 >= (data.page?.totalPages ?? 0)) break;
  }
  return names;
}

export interface PartnerNames {
  nameOf: (id: string | null | undefined) => string | undefined;
  isPending: boolean;
  error: unknown;
}

/** The reseller's customers by id; undefined while loading or when the customer service is down. */
export function usePartnerCustomerNames(enabled = true): PartnerNames {
  const query = useQuery({
    queryKey: partnerKeys.customerNames,
    queryFn: ({ signal }) => fetchPartnerCustomerNames(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
  return {
    nameOf: (id) => (id ? query.data?.[id] : undefined),
    isPending: query.isPending && enabled,
    error: query.error,
  };
}

/** The reseller's licenses whose id or customer name contain `search` (debounced), for a picker. */
export function usePartnerLicenseSearch(search: string) {
  const q = useDebouncedValue(search.trim(), 300);
  return useQuery({
    queryKey: partnerKeys.licenseSearch(q),
    queryFn: async ({ signal }) =>
      (await fetchPartnerLicenses({ q: q || undefined, page: 0, size: 20, sort: ['id,asc'] }, signal))
        .content ?? [],
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** One license of the reseller, shared by the detail page and the usage form (same key). */
export function usePartnerLicense(id: string | undefined) {
  return useQuery({
    queryKey: partnerKeys.license(id ?? ''),
    queryFn: ({ signal }) => fetchPartnerLicense(id!, signal),
    enabled: !!id,
  });
}
