import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { customerApi, deploymentApi, licenseApi } from '../../api/clients';
import type { components as LicenseSchemas } from '../../api/schema/license-service';
import type { components as CustomerSchemas } from '../../api/schema/customer-service';
import type {
  components as DeploymentSchemas,
  operations as DeploymentOperations,
} from '../../api/schema/deployment-service';
import { useDebouncedValue } from '../../lib/forms';
import { fetchLicense, licenseKeys } from '../licenses/licenseQueries';

/**
 * The query keys of the operations center, under the roots the license screens use: a license is
 * cached under the license page's own key, everything else under `['licenses']` or `['deployments']`.
 */
export const opsKeys = {
  license: (id: string) => licenseKeys.detail(id),
  search: (q: string) => ['licenses', 'search', q] as const,
  deploymentsOf: (licenseId: string) => ['deployments', 'of-license', licenseId] as const,
  open: (engineerId: string | undefined) => ['deployments', 'open', engineerId ?? 'all'] as const,
  latestVersion: ['deployments', 'latest-product-version'] as const,
  beforeSuspension: (id: string) => [...licenseKeys.detail(id), 'changes', 'before-suspension'] as const,
};

export type LicenseDto = LicenseSchemas['schemas']['LicenseDto'];
export type CustomerDto = CustomerSchemas['schemas']['CustomerDto'];
export type EngineerDto = DeploymentSchemas['schemas']['EngineerDto'];
export type DeploymentDto = DeploymentSchemas['schemas']['DeploymentDto'];
export type DeploymentStatus = NonNullable<DeploymentDto['status']>;
export type LicenseStatus = NonNullable<LicenseDto['status']>;

const PICKER_SIZE = 20;

/** One license, shared with the license page (same key, same fetcher). */
export function useLicense(id: string | undefined) {
  return useQuery({
    queryKey: opsKeys.license(id ?? ''),
    queryFn: () => fetchLicense(id!),
    enabled: !!id,
  });
}

/** Licenses whose id, notes or customer name contain `search` (debounced), newest first. */
export function useLicenseSearch(search: string) {
  const q = useDebouncedValue(search.trim(), 300);
  return useQuery({
    queryKey: opsKeys.search(q),
    queryFn: async () =>
      (
        await licenseApi.GET('/api/v1/licenses', {
          params: { query: { q: q || undefined, size: PICKER_SIZE, sort: ['createdAt,desc'] } },
        })
      ).data?.content ?? [],
    placeholderData: keepPreviousData,
  });
}

export function useCustomerSearch(search: string) {
  const q = useDebouncedValue(search.trim(), 300);
  return useQuery({
    queryKey: ['customers', 'search', q],
    queryFn: async () =>
      (
        await customerApi.GET('/api/v1/customers', {
          params: { query: { q: q || undefined, size: PICKER_SIZE, sort: ['name,asc'] } },
        })
      ).data?.content ?? [],
    placeholderData: keepPreviousData,
  });
}

type EngineerListQuery = DeploymentOperations['list']['parameters']['query'];

/** Active engineers whose name or e-mail contain `search`. */
export function useEngineerSearch(search: string) {
  const q = useDebouncedValue(search.trim(), 300);
  return useQuery({
    queryKey: ['engineers', 'search', q],
    queryFn: async () => {
      const query: EngineerListQuery = { q: q || undefined, active: true, page: 0, size: PICKER_SIZE };
      return (await deploymentApi.GET('/api/v1/engineers', { params: { query } })).data?.content ?? [];
    },
    placeholderData: keepPreviousData,
  });
}

/** The engineer record of the signed-in person (matched by e-mail), if they have one. */
export function useOwnEngineer(email: string | undefined) {
  return useQuery({
    queryKey: ['engineers', 'by-email', email ?? ''],
    queryFn: async () => {
      const query = { q: email, page: 0, size: 5 } as unknown as EngineerListQuery;
      const content =
        (await deploymentApi.GET('/api/v1/engineers', { params: { query } })).data?.content ?? [];
      return content.find((e) => e.email?.toLowerCase() === email?.toLowerCase()) ?? null;
    },
    enabled: !!email,
    staleTime: 10 * 60_000,
  });
}

/** Every deployment of a license, newest scheduled date first. */
export function useLicenseDeployments(licenseId: string | undefined) {
  return useQuery({
    queryKey: opsKeys.deploymentsOf(licenseId ?? ''),
    queryFn: async () =>
      (
        await deploymentApi.GET('/api/v1/deployments', {
          params: { query: { licenseId, size: 50, sort: ['scheduledDate,desc', 'createdAt,desc'] } },
        })
      ).data?.content ?? [],
    enabled: !!licenseId,
  });
}

/** Scheduled and in-progress deployments, of one engineer when given. */
export function useOpenDeployments(engineerId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: opsKeys.open(engineerId),
    queryFn: async () => {
      const statuses: DeploymentStatus[] = ['IN_PROGRESS', 'SCHEDULED'];
      const pages = await Promise.all(
        statuses.map((status) =>
          deploymentApi.GET('/api/v1/deployments', {
            params: { query: { status, engineerId, size: 50, sort: ['scheduledDate,asc'] } },
          }),
        ),
      );
      return pages.flatMap((page) => page.data?.content ?? []);
    },
    enabled,
  });
}

/** The product version of the most recent deployment, to prefill the next one. */
export function useLatestProductVersion() {
  return useQuery({
    queryKey: opsKeys.latestVersion,
    queryFn: async () =>
      (
        await deploymentApi.GET('/api/v1/deployments', {
          params: { query: { size: 1, sort: ['createdAt,desc'] } },
        })
      ).data?.content?.[0]?.productVersion ?? null,
    staleTime: 10 * 60_000,
  });
}

/**
 * The status a suspended license returns to when reinstated: the one it had before its latest
 * suspension, from its change log (license-service does not expose it on the license).
 */
export function useStatusBeforeSuspension(licenseId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: opsKeys.beforeSuspension(licenseId ?? ''),
    queryFn: async () => {
      const page = await licenseApi.GET('/api/v1/licenses/{id}/changes', {
        params: { path: { id: licenseId! }, query: { size: 100, sort: ['at,desc'] } },
      });
      const entry = (page.data?.content ?? []).find(
        (c) => c.field === 'status' && c.newValue === 'SUSPENDED',
      );
      return (entry?.oldValue as LicenseStatus | undefined) ?? null;
    },
    enabled: !!licenseId && enabled,
  });
}
