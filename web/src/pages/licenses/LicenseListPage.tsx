import {
  PageContainer,
  ProForm,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProTable,
  QueryFilter,
  type ProColumns,
  type ProFormInstance,
} from '@ant-design/pro-components';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, Typography } from 'antd';
import type { SortOrder as AntSortOrder } from 'antd/es/table/interface';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../components/SectionState';
import {
  ExpiryText,
  LICENSE_STATUSES,
  LICENSE_TYPES,
  LicenseStatusTag,
  PRODUCT_TYPES,
  statusLabel,
} from '../../domain/license';
import { useNames } from '../../domain/names';
import { t } from '../../i18n';
import { licenseTypeLabel, type License } from './licenseFormat';
import {
  FILTER_PARAMS,
  MAX_EXPIRING_WITHIN_DAYS,
  PAGE_SIZES,
  SORT_FIELDS,
  formatSort,
  hasFilters,
  parseListState,
  toApiQuery,
  toSearchParams,
  withFilters,
  type FilterValues,
  type LicenseFilters,
  type LicenseListState,
  type SortField,
} from './licenseFilters';
import { fetchLicenses, licenseKeys } from './licenseQueries';
import { PartyNameOf } from './PartyNameOf';
import { PartyPicker } from './PartyPicker';
import { UsageSummary } from './UsageSummary';

/** The filter form's values: selects hold strings (also for the yes/no of `overused`). */
interface FormValues {
  q?: string;
  status?: string[];
  productType?: string;
  licenseType?: string;
  customerId?: string;
  resellerId?: string;
  salesRepId?: string;
  expiringWithinDays?: number;
  overused?: string;
}

/** Every field named, so that a value the URL no longer has is cleared in the form too. */
function formValuesOf(filters: LicenseFilters): FormValues {
  const values: Record<string, string | string[] | number | undefined> = {};
  for (const name of FILTER_PARAMS) values[name] = undefined;
  return {
    ...values,
    ...filters,
    overused: filters.overused === undefined ? undefined : String(filters.overused),
  };
}

const ADVANCED: readonly (keyof LicenseFilters)[] = [
  'customerId',
  'resellerId',
  'salesRepId',
  'expiringWithinDays',
  'overused',
];

/** License list at /licenses: the filters, page and sort are the URL's query. */
export default function LicenseListPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const state = useMemo(() => parseListState(new URLSearchParams(search)), [search]);
  const apiQuery = useMemo(() => toApiQuery(state), [state]);
  const formRef = useRef<ProFormInstance<FormValues>>(undefined);

  const query = useQuery({
    queryKey: licenseKeys.list(apiQuery),
    queryFn: () => fetchLicenses(apiQuery),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => (query.isError ? [] : (query.data?.content ?? [])), [query.isError, query.data]);
  const customers = useNames(
    'customer',
    rows.map((r) => r.customerId),
  );

  // Back/forward or a link changed the URL: show its filters in the form.
  useEffect(() => {
    formRef.current?.setFieldsValue(formValuesOf(state.filters));
  }, [state.filters]);

  const go = (next: LicenseListState, replace = false) => setSearchParams(toSearchParams(next), { replace });

  // A page past the end (a shared link to a list that has since shrunk): show the last page.
  const totalPages = query.data?.page?.totalPages;
  useEffect(() => {
    if (totalPages !== undefined && totalPages > 0 && state.page > totalPages) {
      setSearchParams(toSearchParams({ ...state, page: totalPages }), { replace: true });
    }
  }, [totalPages, state, setSearchParams]);
  const clearFilters = () => go({ ...state, filters: {}, page: 1 });
  const filtered = hasFilters(state.filters);

  // ProTable keeps the sort it shows in its own state (read from `defaultSortOrder` when it mounts,
  // keyed by dataIndex = the API's sort field). A sort the table did not make itself (back button,
  // a link) remounts it so that it shows the URL's sort.
  const sortString = state.sort ? formatSort(state.sort) : '';
  const tableSort = useRef(sortString);
  const [tableKey, setTableKey] = useState(0);
  useEffect(() => {
    if (tableSort.current !== sortString) {
      tableSort.current = sortString;
      setTableKey((key) => key + 1);
    }
  }, [sortString]);

  const sortOrderOf = (field: SortField): AntSortOrder =>
    state.sort?.field === field ? (state.sort.order === 'asc' ? 'ascend' : 'descend') : null;

  const columns: ProColumns<License>[] = [
    {
      title: t('licenses.column.id'),
      key: 'id',
      dataIndex: 'id',
      sorter: true,
      defaultSortOrder: sortOrderOf('id'),
      render: (_, license) => (
        <Link
          to={`/licenses/${encodeURIComponent(license.id ?? '')}`}
          data-testid="license-link"
          style={{ whiteSpace: 'nowrap' }}
        >
          {license.id}
        </Link>
      ),
    },
    {
      title: t('licenses.column.customer'),
      key: 'customer',
      render: (_, license) => <PartyNameOf party="customer" id={license.customerId} names={customers} />,
    },
    {
      title: t('licenses.column.product'),
      key: 'productType',
      dataIndex: 'productType',
      sorter: true,
      defaultSortOrder: sortOrderOf('productType'),
    },
    {
      title: t('licenses.column.licenseType'),
      key: 'licenseType',
      dataIndex: 'licenseType',
      sorter: true,
      defaultSortOrder: sortOrderOf('licenseType'),
      render: (_, license) => licenseTypeLabel(license.licenseType),
    },
    {
      title: t('licenses.column.status'),
      key: 'status',
      dataIndex: 'status',
      sorter: true,
      defaultSortOrder: sortOrderOf('status'),
      render: (_, license) => (license.status ? <LicenseStatusTag status={license.status} /> : '—'),
    },
    {
      title: t('licenses.column.expiry'),
      key: 'expiryDate',
      dataIndex: 'expiryDate',
      sorter: true,
      defaultSortOrder: sortOrderOf('expiryDate'),
      render: (_, license) => (
        <ExpiryText expiryDate={license.expiryDate} daysToExpiry={license.daysToExpiry} />
      ),
    },
    {
      title: t('licenses.column.usage'),
      key: 'usage',
      render: (_, license) => <UsageSummary license={license} />,
    },
  ];

  const emptyText = query.isError ? (
    <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
  ) : filtered ? (
    <Empty
      description={
        <>
          <Typography.Text strong>{t('licenses.empty.filtered')}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{t('licenses.empty.filteredHint')}</Typography.Text>
        </>
      }
    >
      <Button type="primary" onClick={clearFilters}>
        {t('licenses.empty.clear')}
      </Button>
    </Empty>
  ) : (
    <Empty description={t('licenses.empty.none')} />
  );

  const page = query.data?.page;

  return (
    <PageContainer title={t('licenses.list.title')}>
      <QueryFilter<FormValues>
        formRef={formRef}
        initialValues={formValuesOf(state.filters)}
        defaultCollapsed={!ADVANCED.some((name) => state.filters[name] !== undefined)}
        labelWidth="auto"
        collapseRender={(collapsed) => (
          <>
            {collapsed ? t('licenses.filter.more') : t('licenses.filter.less')}{' '}
            {collapsed ? <DownOutlined /> : <UpOutlined />}
          </>
        )}
        submitter={{
          searchConfig: { submitText: t('licenses.filter.search'), resetText: t('licenses.filter.reset') },
        }}
        onFinish={async (values) => {
          go(withFilters(state, values as FilterValues));
        }}
        onReset={clearFilters}
        style={{ marginBlockEnd: 16 }}
        aria-label={t('licenses.list.title')}
      >
        <ProFormText
          name="q"
          label={t('licenses.filter.q')}
          placeholder={t('licenses.filter.qPlaceholder')}
          fieldProps={{ allowClear: true, maxLength: 200 }}
        />
        <ProFormSelect
          name="status"
          label={t('licenses.filter.status')}
          placeholder={t('licenses.filter.any')}
          mode="multiple"
          options={LICENSE_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
        />
        <ProFormSelect
          name="productType"
          label={t('licenses.filter.productType')}
          placeholder={t('licenses.filter.any')}
          options={PRODUCT_TYPES.map((p) => ({ value: p, label: p }))}
        />
        <ProFormSelect
          name="licenseType"
          label={t('licenses.filter.licenseType')}
          placeholder={t('licenses.filter.any')}
          options={LICENSE_TYPES.map((l) => ({ value: l, label: licenseTypeLabel(l) }))}
        />
        <ProForm.Item name="customerId" label={t('licenses.filter.customer')}>
          <PartyPicker party="customer" />
        </ProForm.Item>
        <ProForm.Item name="resellerId" label={t('licenses.filter.reseller')}>
          <PartyPicker party="reseller" />
        </ProForm.Item>
        <ProForm.Item name="salesRepId" label={t('licenses.filter.salesRep')}>
          <PartyPicker party="salesRep" />
        </ProForm.Item>
        <ProFormDigit
          name="expiringWithinDays"
          label={t('licenses.filter.expiringWithinDays')}
          placeholder={t('licenses.filter.expiringPlaceholder')}
          min={0}
          max={MAX_EXPIRING_WITHIN_DAYS}
          fieldProps={{ precision: 0 }}
        />
        <ProFormSelect
          name="overused"
          label={t('licenses.filter.overused')}
          placeholder={t('licenses.filter.any')}
          options={[
            { value: 'true', label: t('licenses.filter.overusedTrue') },
            { value: 'false', label: t('licenses.filter.overusedFalse') },
          ]}
        />
      </QueryFilter>

      <ProTable<License>
        key={tableKey}
        rowKey="id"
        headerTitle={t('licenses.list.tableTitle')}
        columns={columns}
        dataSource={rows}
        loading={query.isFetching}
        search={false}
        cardBordered
        options={{ reload: () => void query.refetch(), density: true, setting: true }}
        locale={{ emptyText }}
        pagination={{
          current: state.page,
          pageSize: state.size,
          total: page?.totalElements ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          // past the server's count bound (decision 40) the total is a lower bound: "of 10000+"
          showTotal: (total, [from, to]) =>
            t(page?.totalElementsExact === false ? 'licenses.list.totalAtLeast' : 'licenses.list.total', {
              from,
              to,
              total,
            }),
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const field = SORT_FIELDS.find((f) => f === one?.columnKey);
            const sort =
              field && one?.order
                ? { field, order: one.order === 'ascend' ? ('asc' as const) : ('desc' as const) }
                : undefined;
            tableSort.current = sort ? formatSort(sort) : '';
            go({ ...state, sort, page: 1 });
            return;
          }
          if (extra.action === 'paginate') {
            const size = pagination.pageSize ?? state.size;
            go({ ...state, size, page: size === state.size ? (pagination.current ?? 1) : 1 });
          }
        }}
      />
    </PageContainer>
  );
}
