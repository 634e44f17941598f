import { salesApi } from '../../api/clients';
import type { components, operations } from '../../api/schema/sales-service';
import type { Role } from '../../auth/roles';
import { listCodec, type ApiListQuery, type ListState } from '../customers/listState';
import type { Period } from './salesFigures';

/** The sales service's sales-rep calls, types and cache keys used by the sales-rep screens. */

export type SalesRepDto = components['schemas']['SalesRepDto'];
export type NewSalesRep = components['schemas']['NewSalesRep'];
export type SalesRepRequest = components['schemas']['SalesRepRequest'];
type SalesRepListQuery = NonNullable<operations['list']['parameters']['query']>;

/** The list's filters: `q` searches name and e-mail (the API has no filter on `active`). */
export const salesRepList = listCodec({
  filters: { q: 'text' },
  sortFields: ['name', 'email', 'region', 'active', 'createdAt'],
});
export type SalesRepFilterName = (typeof salesRepList.filterNames)[number];
export type SalesRepSortField = (typeof salesRepList.sortFields)[number];
export type SalesRepListState = ListState<SalesRepFilterName, SalesRepSortField>;

/** Everything about sales reps starts with `['sales-reps']`; their names with `['names', 'salesRep']`. */
export const salesRepKeys = {
  all: ['sales-reps'] as const,
  list: (query: ApiListQuery<SalesRepFilterName>) => ['sales-reps', 'list', query] as const,
  detail: (id: string) => ['sales-reps', 'detail', id] as const,
  stats: (id: string, period: Period) => ['sales-reps', 'detail', id, 'stats', period] as const,
  names: ['names', 'salesRep'] as const,
};

export async function fetchSalesReps(query: ApiListQuery<SalesRepFilterName>, signal?: AbortSignal) {
  const apiQuery: SalesRepListQuery = query;
  return (await salesApi.GET('/api/v1/sales-reps', { params: { query: apiQuery }, signal })).data!;
}

export async function fetchSalesRep(id: string, signal?: AbortSignal) {
  return (await salesApi.GET('/api/v1/sales-reps/{id}', { params: { path: { id } }, signal })).data!;
}

export async function createSalesRep(body: NewSalesRep, idempotencyKey: string) {
  return (await salesApi.POST('/api/v1/sales-reps', { body, headers: { 'Idempotency-Key': idempotencyKey } }))
    .data!;
}

/** Replaces the rep's fields; the version the user saw goes as If-Match and in the body. */
export async function updateSalesRep(id: string, body: SalesRepRequest) {
  return (
    await salesApi.PUT('/api/v1/sales-reps/{id}', {
      params: {
        path: { id },
        header: body.version === undefined ? undefined : { 'If-Match': `"${body.version}"` },
      },
      body,
    })
  ).data!;
}

/** The rep as a full replacement body, with `active` changed (deactivate / reactivate). */
export function withActive(rep: SalesRepDto, active: boolean): SalesRepRequest {
  return {
    name: rep.name ?? '',
    email: rep.email ?? '',
    region: rep.region ?? '',
    active,
    version: rep.version,
  };
}

/** Only admin creates, edits and deactivates sales reps (`can` has no rule for them yet). */
export const salesRepRules = {
  manage: (roles: Role[]) => roles.includes('admin'),
};

/** Whose sales figures: one rep's or one reseller's (the API takes one of them, not both). */
export type StatsFilter = { salesRepId: string } | { resellerId: string };

/** `GET /api/v1/stats/sales` for a period (inclusive dates), restricted to one rep or reseller. */
export async function fetchSalesStats(period: Period, filter: StatsFilter, signal?: AbortSignal) {
  const query = { from: period.from, to: period.to, ...filter };
  return (await salesApi.GET('/api/v1/stats/sales', { params: { query }, signal })).data!;
}
