import { LICENSE_STATUSES, type LicenseStatus } from '../../domain/license';
import type { PartnerCustomerQuery, PartnerLicenseQuery } from './partnerQueries';

/**
 * The partner lists' state (filters, page, sort) as it lives in the URL query, so a list can be
 * shared and the back button steps through searches. Pure functions; invalid values are ignored.
 */

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
const MAX_TEXT = 200;

export interface ListSort<Field extends string> {
  field: Field;
  order: 'asc' | 'desc';
}

export interface ListState<Filters, Field extends string> {
  filters: Filters;
  /** 1-based, as people count pages. */
  page: number;
  size: number;
  /** Undefined: the API's own order. */
  sort?: ListSort<Field>;
}

function wholeNumber(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return value >= min && value <= max ? value : undefined;
}

function text(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim().slice(0, MAX_TEXT) : undefined;
}

function readPaging<Field extends string>(params: URLSearchParams, fields: readonly Field[]) {
  const size = wholeNumber(params.get('size'), 1, 1000);
  let sort: ListSort<Field> | undefined;
  const [field, order, ...rest] = (params.get('sort') ?? '').split(',');
  if (rest.length === 0 && (fields as readonly string[]).includes(field)) {
    const direction = (order ?? 'asc').trim().toLowerCase();
    if (direction === 'asc' || direction === 'desc') sort = { field: field as Field, order: direction };
  }
  return {
    page: wholeNumber(params.get('page'), 1, 1_000_000) ?? 1,
    size: size !== undefined && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    sort,
  };
}

function writePaging<Field extends string>(params: URLSearchParams, state: ListState<unknown, Field>) {
  if (state.page > 1) params.set('page', String(state.page));
  if (state.size !== DEFAULT_PAGE_SIZE) params.set('size', String(state.size));
  if (state.sort) params.set('sort', `${state.sort.field},${state.sort.order}`);
}

/** The API's sort: the chosen field with a tie-breaker, so pages do not overlap. */
function apiSort<Field extends string>(sort: ListSort<Field> | undefined, tieBreaker: string[]): string[] {
  return sort
    ? [`${sort.field},${sort.order}`, ...tieBreaker.filter((s) => !s.startsWith(`${sort.field},`))]
    : tieBreaker;
}

/* ---------------------------------------------------------------------------------------------- */
/* Licenses                                                                                        */
/* ---------------------------------------------------------------------------------------------- */

export interface PartnerLicenseFilters {
  q?: string;
  status?: LicenseStatus[];
  overused?: boolean;
}

export const LICENSE_SORT_FIELDS = ['id', 'status', 'expiryDate', 'productType', 'licenseType'] as const;
export type LicenseSortField = (typeof LICENSE_SORT_FIELDS)[number];
export type PartnerLicenseListState = ListState<PartnerLicenseFilters, LicenseSortField>;

export function compactLicenseFilters(values: Partial<Record<keyof PartnerLicenseFilters, unknown>>) {
  const statuses = (Array.isArray(values.status) ? values.status : [values.status]).filter(
    (s): s is string => typeof s === 'string',
  );
  const status = LICENSE_STATUSES.filter((s) => statuses.includes(s));
  const overused =
    values.overused === true || values.overused === 'true'
      ? true
      : values.overused === false || values.overused === 'false'
        ? false
        : undefined;
  const filters: PartnerLicenseFilters = {
    q: text(values.q),
    status: status.length ? status : undefined,
    overused,
  };
  for (const key of Object.keys(filters) as (keyof PartnerLicenseFilters)[]) {
    if (filters[key] === undefined) delete filters[key];
  }
  return filters;
}

export function parseLicenseListState(params: URLSearchParams): PartnerLicenseListState {
  return {
    filters: compactLicenseFilters({
      q: params.get('q'),
      status: params.getAll('status'),
      overused: params.get('overused'),
    }),
    ...readPaging(params, LICENSE_SORT_FIELDS),
  };
}

export function licenseSearchParams(state: PartnerLicenseListState): URLSearchParams {
  const params = new URLSearchParams();
  const filters = compactLicenseFilters(state.filters);
  if (filters.q) params.set('q', filters.q);
  filters.status?.forEach((status) => params.append('status', status));
  if (filters.overused !== undefined) params.set('overused', String(filters.overused));
  writePaging(params, state);
  return params;
}

export function toLicenseApiQuery(state: PartnerLicenseListState): PartnerLicenseQuery {
  return {
    ...compactLicenseFilters(state.filters),
    page: state.page - 1,
    size: state.size,
    sort: apiSort(state.sort, ['id,asc']),
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* Customers                                                                                       */
/* ---------------------------------------------------------------------------------------------- */

export interface PartnerCustomerFilters {
  q?: string;
}

export const CUSTOMER_SORT_FIELDS = ['name', 'industry', 'region', 'country'] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];
export type PartnerCustomerListState = ListState<PartnerCustomerFilters, CustomerSortField>;

export function compactCustomerFilters(values: Partial<Record<keyof PartnerCustomerFilters, unknown>>) {
  const q = text(values.q);
  return q ? { q } : {};
}

export function parseCustomerListState(params: URLSearchParams): PartnerCustomerListState {
  return {
    filters: compactCustomerFilters({ q: params.get('q') }),
    ...readPaging(params, CUSTOMER_SORT_FIELDS),
  };
}

export function customerSearchParams(state: PartnerCustomerListState): URLSearchParams {
  const params = new URLSearchParams();
  const { q } = compactCustomerFilters(state.filters);
  if (q) params.set('q', q);
  writePaging(params, state);
  return params;
}

export function toCustomerApiQuery(state: PartnerCustomerListState): PartnerCustomerQuery {
  return {
    ...compactCustomerFilters(state.filters),
    page: state.page - 1,
    size: state.size,
    sort: apiSort(state.sort, ['name,asc']),
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* Table helpers                                                                                   */
/* ---------------------------------------------------------------------------------------------- */

/** antd's sort order of a column from the list state. */
export function sortOrderOf<Field extends string>(
  sort: ListSort<Field> | undefined,
  field: Field,
): 'ascend' | 'descend' | null {
  if (sort?.field !== field) return null;
  return sort.order === 'asc' ? 'ascend' : 'descend';
}

/** The sort a click on a column header asks for (undefined: back to the API's order). */
export function sortFromTable<Field extends string>(
  sorter:
    | { columnKey?: unknown; field?: unknown; order?: unknown }
    | { columnKey?: unknown; field?: unknown; order?: unknown }[],
  fields: readonly Field[],
): ListSort<Field> | undefined {
  const first = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = first?.columnKey ?? first?.field;
  if (!first?.order || typeof field !== 'string' || !(fields as readonly string[]).includes(field))
    return undefined;
  return { field: field as Field, order: first.order === 'ascend' ? 'asc' : 'desc' };
}

/** The next state after a table change: a new sort or size starts again at page 1. */
export function nextPage<Filters, Field extends string>(
  state: ListState<Filters, Field>,
  page: number | undefined,
  size: number | undefined,
  sort: ListSort<Field> | undefined,
): ListState<Filters, Field> | undefined {
  const nextSize = size ?? state.size;
  const sortChanged = sort?.field !== state.sort?.field || sort?.order !== state.sort?.order;
  const nextPageNumber = sortChanged || nextSize !== state.size ? 1 : (page ?? 1);
  if (!sortChanged && nextSize === state.size && nextPageNumber === state.page) return undefined;
  return { ...state, page: nextPageNumber, size: nextSize, sort };
}
