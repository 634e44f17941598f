import { salesApi } from '../../api/clients';
import type { components, operations } from '../../api/schema/sales-service';
import type { Role } from '../../auth/roles';
import { listCodec, type ApiListQuery, type ListState } from '../customers/listState';
import type { Period } from '../sales-reps/salesFigures';

/** The sales service's reseller calls, types and cache keys used by the reseller screens. */

export type ResellerDto = components['schemas']['ResellerDto'];
export type ResellerRequest = components['schemas']['ResellerRequest'];
export type ResellerTier = NonNullable<ResellerDto['tier']>;
type ResellerListQuery = NonNullable<operations['list_1']['parameters']['query']>;

export const RESELLER_TIERS = ['AUTHORIZED', 'GOLD', 'PLATINUM'] as const satisfies readonly ResellerTier[];

/** A reseller's code: 2–32 of a-z and 0-9 in words joined by single hyphens (the API's pattern). */
export const RESELLER_CODE = /^(?=.{2,32}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/** The list's filters: `q` searches name and code. */
export const resellerList = listCodec({
  filters: { q: 'text' },
  sortFields: ['name', 'code', 'tier', 'region', 'active', 'createdAt'],
});
export type ResellerFilterName = (typeof resellerList.filterNames)[number];
export type ResellerSortField = (typeof resellerList.sortFields)[number];
export type ResellerListState = ListState<ResellerFilterName, ResellerSortField>;

/** Everything about resellers starts with `['resellers']`; their names with `['names', 'reseller']`. */
export const resellerKeys = {
  all: ['resellers'] as const,
  list: (query: ApiListQuery<ResellerFilterName>) => ['resellers', 'list', query] as const,
  detail: (id: string) => ['resellers', 'detail', id] as const,
  stats: (id: string, period: Period) => ['resellers', 'detail', id, 'stats', period] as const,
  names: ['names', 'reseller'] as const,
};

export async function fetchResellers(query: ApiListQuery<ResellerFilterName>, signal?: AbortSignal) {
  const apiQuery: ResellerListQuery = query;
  return (await salesApi.GET('/api/v1/resellers', { params: { query: apiQuery }, signal })).data!;
}

export async function fetchReseller(id: string, signal?: AbortSignal) {
  return (await salesApi.GET('/api/v1/resellers/{id}', { params: { path: { id } }, signal })).data!;
}

export async function createReseller(body: ResellerRequest, idempotencyKey: string) {
  return (await salesApi.POST('/api/v1/resellers', { body, headers: { 'Idempotency-Key': idempotencyKey } }))
    .data!;
}

/** Replaces the reseller's fields (the code cannot change); the version goes as If-Match and in the body. */
export async function updateReseller(id: string, body: ResellerRequest) {
  return (
    await salesApi.PUT('/api/v1/resellers/{id}', {
      params: {
        path: { id },
        header: body.version === undefined ? undefined : { 'If-Match': `"${body.version}"` },
      },
      body,
    })
  ).data!;
}

/** The reseller as a full replacement body, with `active` changed (deactivate / reactivate). */
export function withActive(reseller: ResellerDto, active: boolean): ResellerRequest {
  return {
    name: reseller.name ?? '',
    code: reseller.code,
    contactEmail: reseller.contactEmail ?? '',
    region: reseller.region ?? '',
    tier: reseller.tier ?? 'AUTHORIZED',
    active,
    version: reseller.version,
  };
}

/** Only admin creates, edits and deactivates resellers. */
export const resellerRules = {
  manage: (roles: Role[]) => roles.includes('admin'),
};
