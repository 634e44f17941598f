import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { SortOrder as AntSortOrder, SorterResult, TablePaginationConfig } from 'antd/es/table/interface';
import type { listUrl, ListState, Sort } from './listState';

type FilterValue = string | boolean;
type ListUrl<Filters extends { [K in keyof Filters]?: FilterValue }, Field extends string> = ReturnType<
  typeof listUrl<Filters, Field>
>;

/** Never back to "unsorted": the API always sorts, so the table's third click goes back to ascending. */
export const SORT_DIRECTIONS: AntSortOrder[] = ['ascend', 'descend', 'ascend'];

/**
 * A ProTable list whose state is the URL: reads it, writes it (push for a user's change), shows the
 * URL's sort in the table (remounting the table when the sort came from elsewhere: back button, a
 * link). `useLastPage` goes to the last page when a shared link names a page past the end.
 */
export function useListUrl<Filters extends { [K in keyof Filters]?: FilterValue }, Field extends string>(
  list: ListUrl<Filters, Field>,
) {
  type State = ListState<Filters, Field>;
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const state = useMemo(() => list.parse(new URLSearchParams(search)), [list, search]);

  const go = useCallback(
    (next: State, replace = false) => setSearchParams(list.toSearchParams(next), { replace }),
    [list, setSearchParams],
  );

  const goToPage = useCallback((page: number) => go({ ...state, page }, true), [go, state]);

  const sortString = list.formatSort(state.sort);
  const tableSort = useRef(sortString);
  const [tableKey, setTableKey] = useState(0);
  useEffect(() => {
    if (tableSort.current !== sortString) {
      tableSort.current = sortString;
      setTableKey((key) => key + 1);
    }
  }, [sortString]);

  const sortOrderOf = (field: Field): AntSortOrder =>
    state.sort.field === field ? (state.sort.order === 'asc' ? 'ascend' : 'descend') : null;

  /** ProTable's onChange: a sort (column key = the API's field) or a page / page size. */
  const onTableChange = <Row>(
    pagination: TablePaginationConfig,
    sorter: SorterResult<Row> | SorterResult<Row>[],
    action: string | undefined,
  ) => {
    if (action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = list.parseSort(typeof one?.columnKey === 'string' ? one.columnKey : null)?.field;
      const sort: Sort<Field> | undefined =
        field && one?.order ? { field, order: one.order === 'ascend' ? 'asc' : 'desc' } : undefined;
      const next = sort ?? state.sort;
      tableSort.current = list.formatSort(next);
      go({ ...state, sort: next, page: 1 });
      return;
    }
    if (action === 'paginate') {
      const size = pagination.pageSize ?? state.size;
      go({ ...state, size, page: size === state.size ? (pagination.current ?? 1) : 1 });
    }
  };

  return {
    state,
    go,
    tableKey,
    sortOrderOf,
    onTableChange,
    goToPage,
    clearFilters: () => go({ ...state, filters: {} as Filters, page: 1 }),
  };
}

/**
 * A page past the end (a shared link to a list that has since shrunk): shows the last page instead,
 * replacing the URL (the back button does not return to the empty page).
 */
export function useLastPage(page: number, totalPages: number | undefined, goToPage: (page: number) => void) {
  useEffect(() => {
    if (totalPages !== undefined && totalPages > 0 && page > totalPages) goToPage(totalPages);
  }, [page, totalPages, goToPage]);
}
