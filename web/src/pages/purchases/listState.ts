import dayjs from 'dayjs';

/**
 * A list screen's state (filters, page, size, sort) as it lives in the URL query, so a link opens
 * the same list and the back button steps through earlier searches. Generic over the filters: each
 * list (purchases, deployments, engineers) describes its parameters once and gets the parsing,
 * writing and API paging from here. Pure functions, no React.
 */

export type SortOrder = 'asc' | 'desc';
export interface Sort<Field extends string> {
  field: Field;
  order: SortOrder;
}

export interface ListState<Filters, Field extends string> {
  filters: Filters;
  /** 1-based, as people count pages. */
  page: number;
  size: number;
  sort: Sort<Field>;
}

/** Reads one URL parameter; undefined for a missing, blank or invalid value. */
export type Parser<T> = (raw: string | null) => T | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const parsers = {
  /** Trimmed text, cut to `max` characters. */
  text:
    (max = 200): Parser<string> =>
    (raw) => {
      const value = raw?.trim();
      return value ? value.slice(0, max) : undefined;
    },
  /** A License ID as typed (`ent-202612-000001 ` → `ENT-202612-000001`): the API matches it exactly. */
  licenseId: ((raw) => {
    const value = raw?.trim().toUpperCase();
    return value ? value.slice(0, 64) : undefined;
  }) as Parser<string>,
  /** An id of a party (rep, reseller, engineer), kept in lower case. */
  uuid: ((raw) => {
    const value = raw?.trim();
    return value && UUID.test(value) ? value.toLowerCase() : undefined;
  }) as Parser<string>,
  /** A calendar date `YYYY-MM-DD` that exists (not 2026-02-30). */
  isoDate: ((raw) => {
    const value = raw?.trim();
    if (!value || !ISO_DATE.test(value)) return undefined;
    const date = dayjs(value, 'YYYY-MM-DD');
    return date.isValid() && date.format('YYYY-MM-DD') === value ? value : undefined;
  }) as Parser<string>,
  oneOf:
    <T extends string>(values: readonly T[]): Parser<T> =>
    (raw) => {
      const value = raw?.trim();
      return value && (values as readonly string[]).includes(value) ? (value as T) : undefined;
    },
  bool: ((raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined)) as Parser<boolean>,
};

function wholeNumber(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return value >= min && value <= max ? value : undefined;
}

/** What a filter form holds: strings from inputs and selects, dates as Dayjs or strings, booleans. */
export type FormValue = string | number | boolean | dayjs.Dayjs | null | undefined;

/** A form's value as the URL writes it (a date picker's Dayjs as `YYYY-MM-DD`). */
function rawOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (dayjs.isDayjs(value)) return value.isValid() ? value.format('YYYY-MM-DD') : null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return null;
}

type FilterValue = string | boolean;

export interface ListConfig<Filters extends { [K in keyof Filters]?: FilterValue }, Field extends string> {
  /** One parser per filter; the order of the keys is the order of the URL's parameters. */
  filters: { [K in keyof Filters]-?: Parser<NonNullable<Filters[K]>> };
  sortFields: readonly Field[];
  /** The API's own order, left out of the URL. */
  defaultSort: Sort<Field>;
  /** A final check over all filters (e.g. a from after its to). */
  normalize?: (filters: Filters) => Filters;
  pageSizes?: readonly number[];
  defaultSize?: number;
  /** Appended to every API sort so that pages do not overlap when many rows share the sort value. */
  tieBreaker?: string;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** The URL⇄state functions of one list. */
export function listUrl<Filters extends { [K in keyof Filters]?: FilterValue }, Field extends string>(
  config: ListConfig<Filters, Field>,
) {
  const names = Object.keys(config.filters) as (keyof Filters & string)[];
  const pageSizes: readonly number[] = config.pageSizes ?? PAGE_SIZES;
  const defaultSize = config.defaultSize ?? DEFAULT_PAGE_SIZE;
  type State = ListState<Filters, Field>;

  /** Filters from loosely typed values (a URL, a form), each checked by its parser. */
  function filtersFrom(values: Partial<Record<keyof Filters, unknown>>): Filters {
    const result: Partial<Filters> = {};
    for (const name of names) {
      const parse = config.filters[name] as Parser<FilterValue>;
      const value = parse(rawOf(values[name]));
      if (value !== undefined) (result as Record<string, FilterValue>)[name] = value;
    }
    return config.normalize ? config.normalize(result as Filters) : (result as Filters);
  }

  function parseSort(raw: string | null): Sort<Field> | undefined {
    if (!raw) return undefined;
    const [fieldPart, orderPart, ...rest] = raw.split(',');
    if (rest.length > 0) return undefined;
    const field = config.sortFields.find((f) => f === fieldPart.trim());
    if (!field) return undefined;
    const order = orderPart === undefined ? 'asc' : orderPart.trim().toLowerCase();
    if (order !== 'asc' && order !== 'desc') return undefined;
    return { field, order };
  }

  const formatSort = (sort: Sort<Field>) => `${sort.field},${sort.order}`;
  const isDefaultSort = (sort: Sort<Field>) =>
    sort.field === config.defaultSort.field && sort.order === config.defaultSort.order;

  return {
    filtersFrom,
    parseSort,
    formatSort,

    /** Reads the list state from a URL query; unknown parameters and invalid values are ignored. */
    parse(params: URLSearchParams): State {
      const raw: Partial<Record<keyof Filters, unknown>> = {};
      for (const name of names) raw[name] = params.get(name);
      const size = wholeNumber(params.get('size'), 1, 1000);
      return {
        filters: filtersFrom(raw),
        page: wholeNumber(params.get('page'), 1, 1_000_000) ?? 1,
        size: size !== undefined && pageSizes.includes(size) ? size : defaultSize,
        sort: parseSort(params.get('sort')) ?? config.defaultSort,
      };
    },

    /** The URL query of a state; the defaults (page 1, default size, the API's sort) are left out. */
    toSearchParams(state: State): URLSearchParams {
      const params = new URLSearchParams();
      const filters = filtersFrom(state.filters);
      for (const name of names) {
        const value = filters[name];
        if (value !== undefined) params.set(name, String(value));
      }
      if (state.page > 1) params.set('page', String(state.page));
      if (state.size !== defaultSize) params.set('size', String(state.size));
      if (!isDefaultSort(state.sort)) params.set('sort', formatSort(state.sort));
      return params;
    },

    /** `page` (from 0), `size` and `sort` of the API's list request. */
    paging(state: State): { page: number; size: number; sort: string[] } {
      const sort = [formatSort(state.sort)];
      if (config.tieBreaker && !config.tieBreaker.startsWith(`${state.sort.field},`))
        sort.push(config.tieBreaker);
      return { page: Math.max(0, state.page - 1), size: state.size, sort };
    },

    /** New filters from the filter form: back to page 1, the sort and page size kept. */
    withFilters(state: State, values: Partial<Record<keyof Filters, unknown>>): State {
      return { ...state, filters: filtersFrom(values), page: 1 };
    },

    hasFilters(filters: Filters): boolean {
      return Object.keys(filtersFrom(filters)).length > 0;
    },

    pageSizes,
    defaultSize,
    names,
  };
}

/** A period typed the wrong way round (from after to) is read as meant: the two are swapped. */
export function orderedPeriod<F extends { from?: string; to?: string }>(filters: F): F {
  if (filters.from && filters.to && filters.from > filters.to) {
    return { ...filters, from: filters.to, to: filters.from };
  }
  return filters;
}
