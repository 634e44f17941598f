import {
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  ALERT_TYPES,
  type AlertSeverity,
  type AlertStatus,
  type AlertType,
} from './alertVocabulary';

/**
 * The alert list's state (filters, page, sort) as it lives in the URL query, so a dashboard link
 * opens the filtered list and the back button steps through earlier searches. Pure functions.
 */

export interface AlertFilters {
  /** Any of these: the dashboard's open figures count OPEN and ACKNOWLEDGED (not yet resolved). */
  status?: AlertStatus[];
  type?: AlertType;
  severity?: AlertSeverity;
  licenseId?: string;
  customerId?: string;
}

/**
 * Alert attributes the list sorts by. Not severity: the service sorts enums by name, which would put
 * WARNING above CRITICAL.
 */
export const ALERT_SORT_FIELDS = ['raisedAt', 'type', 'status', 'licenseId', 'acknowledgedAt'] as const;
export type AlertSortField = (typeof ALERT_SORT_FIELDS)[number];
export interface AlertSort {
  field: AlertSortField;
  order: 'asc' | 'desc';
}

/** The service's own order: newest first. */
export const DEFAULT_ALERT_SORT: AlertSort = { field: 'raisedAt', order: 'desc' };
export const ALERT_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_ALERT_PAGE_SIZE = 20;

export interface AlertListState {
  filters: AlertFilters;
  /** 1-based, as people count pages. */
  page: number;
  size: number;
  sort: AlertSort;
}

/** The URL parameter names of the filters, in the order they are written. */
export const ALERT_FILTER_PARAMS = [
  'status',
  'type',
  'severity',
  'licenseId',
  'customerId',
] as const satisfies readonly (keyof AlertFilters)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_LICENSE_ID_LENGTH = 64;

function oneOf<T extends string>(values: readonly T[], raw: string | null | undefined): T | undefined {
  return raw !== null && raw !== undefined && (values as readonly string[]).includes(raw)
    ? (raw as T)
    : undefined;
}

function wholeNumber(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return value >= min && value <= max ? value : undefined;
}

/** `raisedAt,desc` (or `raisedAt` = ascending) → a sort the list offers, or undefined. */
export function parseAlertSort(raw: string | null): AlertSort | undefined {
  if (!raw) return undefined;
  const [fieldPart, orderPart, ...rest] = raw.split(',');
  if (rest.length > 0) return undefined;
  const field = oneOf(ALERT_SORT_FIELDS, fieldPart.trim());
  if (!field) return undefined;
  const order = orderPart === undefined ? 'asc' : orderPart.trim().toLowerCase();
  if (order !== 'asc' && order !== 'desc') return undefined;
  return { field, order };
}

/** The valid statuses among one or several values, each once, in the canonical order. */
function statusesOf(raw: unknown): AlertStatus[] | undefined {
  const values = (Array.isArray(raw) ? raw : [raw]).filter(
    (value): value is string => typeof value === 'string',
  );
  const valid = ALERT_STATUSES.filter((status) => values.includes(status));
  return valid.length ? valid : undefined;
}

/** Alerts not yet resolved: what the dashboard counts as open. */
export const UNRESOLVED: AlertStatus[] = ['OPEN', 'ACKNOWLEDGED'];

/** The filters without undefined or blank values, trimmed; invalid values dropped. */
export function compactAlertFilters(filters: Partial<Record<keyof AlertFilters, unknown>>): AlertFilters {
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  const licenseId = text(filters.licenseId)?.slice(0, MAX_LICENSE_ID_LENGTH);
  const customerId = text(filters.customerId);
  const result: AlertFilters = {
    status: statusesOf(filters.status),
    type: oneOf(ALERT_TYPES, text(filters.type)),
    severity: oneOf(ALERT_SEVERITIES, text(filters.severity)),
    licenseId,
    customerId: customerId && UUID.test(customerId) ? customerId.toLowerCase() : undefined,
  };
  for (const name of ALERT_FILTER_PARAMS) if (result[name] === undefined) delete result[name];
  return result;
}

/** Reads the list state from a URL query; unknown parameters and invalid values are ignored. */
export function parseAlertListState(params: URLSearchParams): AlertListState {
  const size = wholeNumber(params.get('size'), 1, 1000);
  const raw: Partial<Record<keyof AlertFilters, unknown>> = {};
  for (const name of ALERT_FILTER_PARAMS) raw[name] = params.get(name) ?? undefined;
  raw.status = params.getAll('status');
  return {
    filters: compactAlertFilters(raw),
    page: wholeNumber(params.get('page'), 1, 1_000_000) ?? 1,
    size:
      size !== undefined && (ALERT_PAGE_SIZES as readonly number[]).includes(size)
        ? size
        : DEFAULT_ALERT_PAGE_SIZE,
    sort: parseAlertSort(params.get('sort')) ?? DEFAULT_ALERT_SORT,
  };
}

function isDefaultSort(sort: AlertSort): boolean {
  return sort.field === DEFAULT_ALERT_SORT.field && sort.order === DEFAULT_ALERT_SORT.order;
}

/** The URL query for a list state; defaults (page 1, default size, newest first) are left out. */
export function alertSearchParams(state: AlertListState): URLSearchParams {
  const params = new URLSearchParams();
  const filters = compactAlertFilters(state.filters);
  for (const name of ALERT_FILTER_PARAMS) {
    const value = filters[name];
    if (Array.isArray(value)) value.forEach((item) => params.append(name, item));
    else if (value !== undefined) params.set(name, value);
  }
  if (state.page > 1) params.set('page', String(state.page));
  if (state.size !== DEFAULT_ALERT_PAGE_SIZE) params.set('size', String(state.size));
  if (!isDefaultSort(state.sort)) params.set('sort', `${state.sort.field},${state.sort.order}`);
  return params;
}

/** The link to the alert list showing these filters (used by the dashboard). */
export function alertListUrl(filters: AlertFilters): string {
  const query = alertSearchParams({
    filters,
    page: 1,
    size: DEFAULT_ALERT_PAGE_SIZE,
    sort: DEFAULT_ALERT_SORT,
  }).toString();
  return query ? `/alerts?${query}` : '/alerts';
}

/** The query of `GET /api/v1/alerts`: the filters, `page` (from 0), `size` and `sort`. */
export interface AlertApiQuery extends AlertFilters {
  page: number;
  size: number;
  sort: string[];
}

export function toAlertApiQuery(state: AlertListState): AlertApiQuery {
  const sort = [`${state.sort.field},${state.sort.order}`];
  // a stable order across pages when many alerts share the sort value
  if (state.sort.field !== 'raisedAt') sort.push('raisedAt,desc');
  return {
    ...compactAlertFilters(state.filters),
    page: Math.max(0, state.page - 1),
    size: state.size,
    sort,
  };
}

/** New filters: back to page 1 (the old page may not exist any more), sort and page size kept. */
export function withAlertFilters(
  state: AlertListState,
  filters: Partial<Record<keyof AlertFilters, unknown>>,
): AlertListState {
  return { ...state, filters: compactAlertFilters(filters), page: 1 };
}

export function hasAlertFilters(filters: AlertFilters): boolean {
  return Object.keys(compactAlertFilters(filters)).length > 0;
}
