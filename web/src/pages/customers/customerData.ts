import { customerApi } from '../../api/clients';
import type { components, operations } from '../../api/schema/customer-service';
import type { Role } from '../../auth/roles';
import { listCodec, type ApiListQuery, type ListState } from './listState';

/** The customer service's types, calls and cache keys used by the customer screens. */

export type CustomerDto = components['schemas']['CustomerDto'];
export type NewCustomerRequest = components['schemas']['NewCustomerRequest'];
export type CustomerUpdateRequest = components['schemas']['CustomerUpdateRequest'];
export type CustomerPage = components['schemas']['PageResponseCustomerDto'];
type CustomerListQuery = NonNullable<operations['list']['parameters']['query']>;

/** The list's filters, in URL order: `region`, `country` and `industry` match exactly. */
export const customerList = listCodec({
  filters: {
    q: 'text',
    region: 'text',
    country: 'text',
    industry: 'text',
    salesRepId: 'uuid',
    resellerId: 'uuid',
  },
  sortFields: ['name', 'region', 'country', 'industry', 'createdAt', 'updatedAt'],
});
export type CustomerFilterName = (typeof customerList.filterNames)[number];
export type CustomerSortField = (typeof customerList.sortFields)[number];
export type CustomerListState = ListState<CustomerFilterName, CustomerSortField>;

/**
 * Query keys: everything about customers starts with `['customers']`, so a write invalidates the
 * lists and details at once (the operations center's customer search too). The names lookup
 * (`['names', 'customer', …]`) is invalidated after a rename.
 */
export const customerKeys = {
  all: ['customers'] as const,
  list: (query: ApiListQuery<CustomerFilterName>) => ['customers', 'list', query] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
  names: ['names', 'customer'] as const,
};

export async function fetchCustomers(query: ApiListQuery<CustomerFilterName>, signal?: AbortSignal) {
  const apiQuery: CustomerListQuery = query;
  return (await customerApi.GET('/api/v1/customers', { params: { query: apiQuery }, signal })).data!;
}

export async function fetchCustomer(id: string, signal?: AbortSignal) {
  return (await customerApi.GET('/api/v1/customers/{id}', { params: { path: { id } }, signal })).data!;
}

export async function createCustomer(body: NewCustomerRequest, idempotencyKey: string) {
  return (
    await customerApi.POST('/api/v1/customers', {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    })
  ).data!;
}

/** Replaces the customer's fields; the version the user edited goes as If-Match and in the body. */
export async function updateCustomer(id: string, body: CustomerUpdateRequest) {
  return (
    await customerApi.PUT('/api/v1/customers/{id}', {
      params: {
        path: { id },
        header: body.version === undefined ? undefined : { 'If-Match': `"${body.version}"` },
      },
      body,
    })
  ).data!;
}

/** Deletes a customer; the service refuses (409) while the customer has licenses. */
export async function deleteCustomer(id: string) {
  await customerApi.DELETE('/api/v1/customers/{id}', { params: { path: { id } } });
}

/** The roles table: admin and sales create and update customers, only admin deletes. */
export const customerRules = {
  edit: (roles: Role[]) => roles.includes('admin') || roles.includes('sales'),
  remove: (roles: Role[]) => roles.includes('admin'),
};
