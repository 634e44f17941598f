import { salesApi } from '../../api/clients';
import type { PurchaseListQuery } from './purchaseFilters';

/** Query keys of the purchase screens: under `['purchases']`, which a recorded purchase invalidates. */
export const purchaseKeys = {
  all: ['purchases'] as const,
  list: (query: PurchaseListQuery) => ['purchases', 'list', query] as const,
  detail: (id: string) => ['purchases', 'detail', id] as const,
};

export async function fetchPurchaseList(query: PurchaseListQuery) {
  return (await salesApi.GET('/api/v1/purchases', { params: { query } })).data!;
}

export async function fetchPurchase(id: string) {
  return (await salesApi.GET('/api/v1/purchases/{id}', { params: { path: { id } } })).data!;
}
