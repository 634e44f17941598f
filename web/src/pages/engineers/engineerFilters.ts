import { listUrl, parsers, type ListState } from '../purchases/listState';
import type { EngineerListQuery } from './engineerQueries';

/** The engineer list's filters, page and sort as they live in the URL (`/engineers?region=EMEA&active=true`). */

export interface EngineerFilters {
  /** Name or e-mail contains (ignoring case). */
  q?: string;
  /** Region, matched ignoring case. */
  region?: string;
  /** Has this skill (ignoring case). */
  skill?: string;
  active?: boolean;
}

export const ENGINEER_SORT_FIELDS = ['name', 'email', 'region', 'createdAt'] as const;
export type EngineerSortField = (typeof ENGINEER_SORT_FIELDS)[number];

export type EngineerListState = ListState<EngineerFilters, EngineerSortField>;

export const engineerList = listUrl<EngineerFilters, EngineerSortField>({
  filters: {
    q: parsers.text(200),
    region: parsers.text(50),
    skill: parsers.text(50),
    active: parsers.bool,
  },
  sortFields: ENGINEER_SORT_FIELDS,
  defaultSort: { field: 'name', order: 'asc' },
  tieBreaker: 'email,asc',
});

export function toEngineerApiQuery(state: EngineerListState): EngineerListQuery {
  return { ...engineerList.filtersFrom(state.filters), ...engineerList.paging(state) };
}
