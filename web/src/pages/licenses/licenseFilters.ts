import type { operations } from '../../api/schema/license-service';
import { LICENSE_STATUSES, LICENSE_TYPES, PRODUCT_TYPES } from '../../domain/license';

/**
 * The license list's state (filters, page, sort) as it lives in the URL query, so a link opens the
 * same list and the back button steps through earlier searches. Pure functions, no React.
 */

export type ListQuery = NonNullable<operations['list']['parameters']['query']>;
type Status = NonNullable<ListQuery['status']>[number];
type LicenseType = NonNullable<ListQuery['licenseType']>;
type ProductType = (typeof PRODUCT_TYPES)[number];

export interface LicenseFilters {
  /** Any of these (the dashboard's active and inactive figures name several). */
  status?: Status[];
  productType?: ProductType;
  licenseType?: LicenseType;
  customerId?: string;
  resellerId?: string;
  salesRepId?: string;
  expiringWithinDays?: number;
  overused?: boolean;
  q?: string;
}

/** The fields the API sorts by (anything else is a 400). */
export const SORT_FIELDS = [
  'id',
  'createdAt',
  'updatedAt',
  'orderDate',
  'startDate',
  'expiryDate',
  'status',
  'productType',
  'licenseType',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortOrder = 'asc' | 'desc';
export interface Sort {
  field: SortField;
  order: SortOrder;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_EXPIRING_WITHIN_DAYS = 3650;
const MAX_Q_LENGTH = 200;

export interface LicenseListState {
  filters: LicenseFilters;
  /** 1-based, as people count pages. */
  page: number;
  size: number;
  sort?: Sort;
}

/** The URL parameter names, in the order they are written. */
export const FILTER_PARAMS = [
  'status',
  'productType',
  'licenseType',
  'customerId',
  'resellerId',
  'salesRepId',
  'expiringWithinDays',
  'overused',
  'q',
] as const satisfies readonly (keyof LicenseFilters)[];
export type FilterParam = (typeof FILTER_PARAMS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/** The valid statuses among repeated `status` values, each once, in the canonical order. */
function statuses(raw: string[]): Status[] | undefined {
  const valid = LICENSE_STATUSES.filter((status) => raw.includes(status));
  return valid.length ? valid : undefined;
}

function uuid(raw: string | null): string | undefined {
  const value = raw?.trim();
  return value && UUID.test(value) ? value.toLowerCase() : undefined;
}

/** A whole number in [min, max] written in plain digits, or undefined. */
function wholeNumber(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return value >= min && value <= max ? value : undefined;
}

function bool(raw: string | null): boolean | undefined {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return undefined;
}

function text(raw: string | null): string | undefined {
  const value = raw?.trim();
  return value ? value.slice(0, MAX_Q_LENGTH) : undefined;
}

/** `expiryDate,desc` (or `expiryDate` = ascending) → a sort the API accepts, or undefined. */
export function parseSort(raw: string | null): Sort | undefined {
  if (!raw) return undefined;
  const [fieldPart, orderPart, ...rest] = raw.split(',');
  if (rest.length > 0) return undefined;
  const field = oneOf(SORT_FIELDS, fieldPart.trim());
  if (!field) return undefined;
  const order = orderPart === undefined ? 'asc' : orderPart.trim().toLowerCase();
  if (order !== 'asc' && order !== 'desc') return undefined;
  return { field, order };
}

export function formatSort(sort: Sort): string {
  return `${sort.field},${sort.order}`;
}

/** Reads the filters from a URL query; unknown parameters and invalid values are ignored. */
export function parseFilters(params: URLSearchParams): LicenseFilters {
  const filters: LicenseFilters = {
    status: statuses(params.getAll('status')),
    productType: oneOf(PRODUCT_TYPES, params.get('productType')),
    licenseType: oneOf(LICENSE_TYPES, params.get('licenseType')),
    customerId: uuid(params.get('customerId')),
    resellerId: uuid(params.get('resellerId')),
    salesRepId: uuid(params.get('salesRepId')),
    expiringWithinDays: wholeNumber(params.get('expiringWithinDays'), 0, MAX_EXPIRING_WITHIN_DAYS),
    overused: bool(params.get('overused')),
    q: text(params.get('q')),
  };
  return compact(filters);
}

/** Reads the whole list state from a URL query, with the defaults for what is missing or invalid. */
export function parseListState(params: URLSearchParams): LicenseListState {
  const size = wholeNumber(params.get('size'), 1, 1000);
  return {
    filters: parseFilters(params),
    page: wholeNumber(params.get('page'), 1, 1_000_000) ?? 1,
    size: size !== undefined && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    sort: parseSort(params.get('sort')),
  };
}

/** The URL query for a list state; defaults (page 1, default size, no sort) are left out. */
export function toSearchParams(state: LicenseListState): URLSearchParams {
  const params = new URLSearchParams();
  const filters = compact(state.filters);
  for (const name of FILTER_PARAMS) {
    const value = filters[name];
    if (Array.isArray(value)) value.forEach((item) => params.append(name, item));
    else if (value !== undefined) params.set(name, String(value));
  }
  if (state.page > 1) params.set('page', String(state.page));
  if (state.size !== DEFAULT_PAGE_SIZE) params.set('size', String(state.size));
  if (state.sort) params.set('sort', formatSort(state.sort));
  return params;
}

/** The query of `GET /api/v1/licenses` for a list state (the API counts pages from 0). */
export function toApiQuery(state: LicenseListState): ListQuery {
  return {
    ...compact(state.filters),
    page: Math.max(0, state.page - 1),
    size: state.size,
    ...(state.sort ? { sort: [formatSort(state.sort)] } : {}),
  };
}

/** True when at least one filter narrows the list. */
export function hasFilters(filters: LicenseFilters): boolean {
  return Object.keys(compact(filters)).length > 0;
}

/** The filters without undefined, empty or blank values. */
export function compact(filters: LicenseFilters): LicenseFilters {
  const result: LicenseFilters = {};
  for (const name of FILTER_PARAMS) {
    const value = filters[name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    (result as Record<string, unknown>)[name] = typeof value === 'string' ? value.trim() : value;
  }
  return result;
}

/** Filter values as a form holds them (strings from selects, a number, maybe blanks). */
export type FilterValues = Partial<
  Record<FilterParam, string | string[] | number | boolean | null | undefined>
>;

/** Filters from loosely typed values, with the same checks as a typed-in link. */
export function filtersFrom(values: FilterValues): LicenseFilters {
  const params = new URLSearchParams();
  for (const name of FILTER_PARAMS) {
    const value = values[name];
    if (Array.isArray(value)) value.forEach((item) => params.append(name, item));
    else if (value !== undefined && value !== null && String(value).trim() !== '')
      params.set(name, String(value));
  }
  return parseFilters(params);
}

/**
 * New filters from the filter form: back to page 1 (the old page may not exist any more), the
 * sort and page size kept, invalid values dropped.
 */
export function withFilters(state: LicenseListState, values: FilterValues): LicenseListState {
  return { ...state, filters: filtersFrom(values), page: 1 };
}
