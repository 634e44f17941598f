/**
 * The state of a customer, sales rep or reseller list (filters, page, sort) as it lives in the URL
 * query, so a link opens the same list and the back button steps through earlier searches. Pure
 * functions, no React; one codec per list, built from the list's filter names and sort fields.
 */

/** How a filter's URL value is checked: free text (trimmed, capped) or an id (a UUID, lower case). */
export type FilterKind = 'text' | 'uuid';

export type SortOrder = 'asc' | 'desc';
export interface Sort<S extends string> {
  field: S;
  order: SortOrder;
}

export type Filters<F extends string> = Partial<Record<F, string>>;

export interface ListState<F extends string, S extends string> {
  filters: Filters<F>;
  /** 1-based, as people count pages. */
  page: number;
  size: number;
  sort?: Sort<S>;
}

/** The query of a list endpoint: the filters, a 0-based page, the size and `field,order` sorts. */
export type ApiListQuery<F extends string> = Filters<F> & { page: number; size: number; sort?: string[] };

/** Filter values as a form holds them (strings from inputs and selects, maybe blanks). */
export type FilterValues<F extends string> = Partial<Record<F, string | null | undefined>>;

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
const MAX_TEXT_LENGTH = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | null | undefined): value is string {
  return !!value && UUID.test(value);
}

function checked(kind: FilterKind, raw: string | null | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (kind === 'uuid') return UUID.test(value) ? value.toLowerCase() : undefined;
  return value.slice(0, MAX_TEXT_LENGTH);
}

/** A whole number in [min, max] written in plain digits, or undefined. */
function wholeNumber(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return value >= min && value <= max ? value : undefined;
}

export interface ListSpec<F extends string, S extends string> {
  /** The filters in the order they are written to the URL, with how each is checked. */
  filters: Readonly<Record<F, FilterKind>>;
  /** The fields the API sorts by (anything else is a 400). */
  sortFields: readonly S[];
}

export interface ListCodec<F extends string, S extends string> {
  readonly filterNames: readonly F[];
  readonly sortFields: readonly S[];
  parseSort(raw: string | null): Sort<S> | undefined;
  formatSort(sort: Sort<S>): string;
  /** Reads the filters from a URL query; unknown parameters and invalid values are ignored. */
  parseFilters(params: URLSearchParams): Filters<F>;
  /** The whole list state, with the defaults for what is missing or invalid. */
  parse(params: URLSearchParams): ListState<F, S>;
  /** The URL query for a list state; defaults (page 1, default size, no sort) are left out. */
  toSearchParams(state: ListState<F, S>): URLSearchParams;
  /** The query of the list endpoint (the API counts pages from 0). */
  toApiQuery(state: ListState<F, S>): ApiListQuery<F>;
  /** Filters from a filter form's values, with the same checks as a typed-in link. */
  filtersFrom(values: FilterValues<F>): Filters<F>;
  /** New filters: back to page 1 (the old page may not exist any more), size and sort kept. */
  withFilters(state: ListState<F, S>, values: FilterValues<F>): ListState<F, S>;
  hasFilters(filters: Filters<F>): boolean;
}

export function listCodec<F extends string, S extends string>(spec: ListSpec<F, S>): ListCodec<F, S> {
  const filterNames = Object.keys(spec.filters) as F[];

  const parseSort = (raw: string | null): Sort<S> | undefined => {
    if (!raw) return undefined;
    const [fieldPart, orderPart, ...rest] = raw.split(',');
    if (rest.length > 0) return undefined;
    const field = spec.sortFields.find((f) => f === fieldPart.trim());
    if (!field) return undefined;
    const order = orderPart === undefined ? 'asc' : orderPart.trim().toLowerCase();
    if (order !== 'asc' && order !== 'desc') return undefined;
    return { field, order };
  };
  const formatSort = (sort: Sort<S>) => `${sort.field},${sort.order}`;

  const filtersFrom = (values: FilterValues<F>): Filters<F> => {
    const filters: Filters<F> = {};
    for (const name of filterNames) {
      const value = checked(spec.filters[name], values[name]);
      if (value !== undefined) filters[name] = value;
    }
    return filters;
  };

  const parseFilters = (params: URLSearchParams): Filters<F> => {
    const values: FilterValues<F> = {};
    for (const name of filterNames) values[name] = params.get(name);
    return filtersFrom(values);
  };

  const parse = (params: URLSearchParams): ListState<F, S> => {
    const size = wholeNumber(params.get('size'), 1, 1000);
    return {
      filters: parseFilters(params),
      page: wholeNumber(params.get('page'), 1, 1_000_000) ?? 1,
      size: size !== undefined && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
      sort: parseSort(params.get('sort')),
    };
  };

  const toSearchParams = (state: ListState<F, S>): URLSearchParams => {
    const params = new URLSearchParams();
    const filters = filtersFrom(state.filters);
    for (const name of filterNames) {
      const value = filters[name];
      if (value !== undefined) params.set(name, value);
    }
    if (state.page > 1) params.set('page', String(state.page));
    if (state.size !== DEFAULT_PAGE_SIZE) params.set('size', String(state.size));
    if (state.sort) params.set('sort', formatSort(state.sort));
    return params;
  };

  const toApiQuery = (state: ListState<F, S>): ApiListQuery<F> => ({
    ...filtersFrom(state.filters),
    page: Math.max(0, state.page - 1),
    size: state.size,
    ...(state.sort ? { sort: [formatSort(state.sort)] } : {}),
  });

  return {
    filterNames,
    sortFields: spec.sortFields,
    parseSort,
    formatSort,
    parseFilters,
    parse,
    toSearchParams,
    toApiQuery,
    filtersFrom,
    withFilters: (state, values) => ({ ...state, filters: filtersFrom(values), page: 1 }),
    hasFilters: (filters) => Object.keys(filtersFrom(filters)).length > 0,
  };
}
