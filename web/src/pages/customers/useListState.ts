import type { TablePaginationConfig } from 'antd';
import type {
  SorterResult,
  SortOrder as AntSortOrder,
  TableCurrentDataSource,
} from 'antd/es/table/interface';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PAGE_SIZES, type FilterValues, type ListCodec, type ListState } from './listState';

/**
 * A list page's state kept in the URL: the parsed state, the API query, and what ProTable needs to
 * show and change the page and sort (the sort of a column it did not make itself — back button, a
 * link — remounts the table through `tableKey` so that it shows the URL's sort).
 */
export function useListState<F extends string, S extends string>(codec: ListCodec<F, S>) {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const state = useMemo(() => codec.parse(new URLSearchParams(search)), [codec, search]);
  const apiQuery = useMemo(() => codec.toApiQuery(state), [codec, state]);

  const go = (next: ListState<F, S>, replace = false) =>
    setSearchParams(codec.toSearchParams(next), { replace });

  const sortString = state.sort ? codec.formatSort(state.sort) : '';
  const tableSort = useRef(sortString);
  const [tableKey, setTableKey] = useState(0);
  useEffect(() => {
    if (tableSort.current !== sortString) {
      tableSort.current = sortString;
      setTableKey((key) => key + 1);
    }
  }, [sortString]);

  const sortOrderOf = (field: S): AntSortOrder =>
    state.sort?.field === field ? (state.sort.order === 'asc' ? 'ascend' : 'descend') : null;

  /** ProTable's onChange: a sort or a page (size) change goes to the URL. */
  const onTableChange = <Row>(
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<Row> | SorterResult<Row>[],
    extra: TableCurrentDataSource<Row>,
  ) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = codec.sortFields.find((f) => f === one?.columnKey);
      const sort =
        field && one?.order
          ? { field, order: one.order === 'ascend' ? ('asc' as const) : ('desc' as const) }
          : undefined;
      tableSort.current = sort ? codec.formatSort(sort) : '';
      go({ ...state, sort, page: 1 });
      return;
    }
    if (extra.action === 'paginate') {
      const size = pagination.pageSize ?? state.size;
      go({ ...state, size, page: size === state.size ? (pagination.current ?? 1) : 1 });
    }
  };

  const pagination = (
    total: number | undefined,
    what: (from: number, to: number, total: number) => string,
  ) => ({
    current: state.page,
    pageSize: state.size,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    showTotal: (all: number, [from, to]: [number, number]) => what(from, to, all),
  });

  return {
    state,
    apiQuery,
    go,
    filtered: codec.hasFilters(state.filters),
    applyFilters: (values: FilterValues<F>) => go(codec.withFilters(state, values)),
    clearFilters: () => go({ ...state, filters: {}, page: 1 }),
    tableKey,
    sortOrderOf,
    onTableChange,
    pagination,
  };
}

/**
 * A page past the end (a shared link to a list that has since shrunk): shows the last page instead,
 * replacing the history entry.
 */
export function useLastPageGuard(
  totalPages: number | undefined,
  page: number,
  goToPage: (page: number) => void,
) {
  const goRef = useRef(goToPage);
  goRef.current = goToPage;
  useEffect(() => {
    if (totalPages !== undefined && totalPages > 0 && page > totalPages) goRef.current(totalPages);
  }, [totalPages, page]);
}
