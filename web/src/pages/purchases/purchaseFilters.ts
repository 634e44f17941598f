import type { components, operations } from '../../api/schema/sales-service';
import { listUrl, orderedPeriod, parsers, type ListState } from './listState';

/** The purchase list's filters, page and sort as they live in the URL (`/purchases?type=RENEWAL&from=…`). */

export type Purchase = components['schemas']['PurchaseDto'];
export type PurchaseType = NonNullable<Purchase['type']>;
export type PurchaseListQuery = NonNullable<operations['list_2']['parameters']['query']>;

export const PURCHASE_TYPES = [
  'NEW',
  'RENEWAL',
  'EXPANSION',
  'UPGRADE',
] as const satisfies readonly PurchaseType[];

export interface PurchaseFilters {
  /** A License ID, matched exactly. */
  licenseId?: string;
  type?: PurchaseType;
  salesRepId?: string;
  resellerId?: string;
  /** The purchase date's bounds, inclusive (`YYYY-MM-DD`). */
  from?: string;
  to?: string;
}

/** The fields the list sorts by (properties of a purchase; anything else is a 400). */
export const PURCHASE_SORT_FIELDS = [
  'purchaseDate',
  'type',
  'licenseId',
  'amount',
  'periodStart',
  'createdAt',
] as const;
export type PurchaseSortField = (typeof PURCHASE_SORT_FIELDS)[number];

export type PurchaseListState = ListState<PurchaseFilters, PurchaseSortField>;

export const purchaseList = listUrl<PurchaseFilters, PurchaseSortField>({
  filters: {
    licenseId: parsers.licenseId,
    type: parsers.oneOf(PURCHASE_TYPES),
    salesRepId: parsers.uuid,
    resellerId: parsers.uuid,
    from: parsers.isoDate,
    to: parsers.isoDate,
  },
  normalize: orderedPeriod,
  sortFields: PURCHASE_SORT_FIELDS,
  defaultSort: { field: 'purchaseDate', order: 'desc' },
  tieBreaker: 'createdAt,desc',
});

/** The query of `GET /api/v1/purchases` for a list state. */
export function toPurchaseApiQuery(state: PurchaseListState): PurchaseListQuery {
  return { ...purchaseList.filtersFrom(state.filters), ...purchaseList.paging(state) };
}

/** The link to the purchase list with these filters (from a license, a rep, a reseller). */
export function purchaseListUrl(filters: PurchaseFilters): string {
  const query = purchaseList
    .toSearchParams({
      filters,
      page: 1,
      size: purchaseList.defaultSize,
      sort: { field: 'purchaseDate', order: 'desc' },
    })
    .toString();
  return query ? `/purchases?${query}` : '/purchases';
}
