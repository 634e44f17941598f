import { useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer, ProTable, type ProColumns, type ProFormInstance } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, type TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../components/SectionState';
import { formatNumber, t } from '../../i18n';
import {
  CUSTOMER_SORT_FIELDS,
  PAGE_SIZES,
  compactCustomerFilters,
  customerSearchParams,
  nextPage,
  parseCustomerListState,
  sortFromTable,
  sortOrderOf,
  toCustomerApiQuery,
  type PartnerCustomerListState,
} from './partnerListState';
import { partnerPaths } from './partnerParts';
import { fetchPartnerCustomers, partnerKeys, type PartnerCustomer } from './partnerQueries';

interface FormValues {
  q?: string;
}

const dash = (value: string | undefined) => value || '—';

/** The reseller's customers at /partner/customers: search, page and sort in the URL. */
export default function PartnerCustomerListPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const state = useMemo(() => parseCustomerListState(new URLSearchParams(search)), [search]);
  const apiQuery = useMemo(() => toCustomerApiQuery(state), [state]);
  const go = (next: PartnerCustomerListState) => setSearchParams(customerSearchParams(next));

  const customers = useQuery({
    queryKey: partnerKeys.customerList(apiQuery),
    queryFn: ({ signal }) => fetchPartnerCustomers(apiQuery, signal),
    placeholderData: keepPreviousData,
  });
  const rows = customers.error ? [] : (customers.data?.content ?? []);

  const formRef = useRef<ProFormInstance<FormValues>>(undefined);
  const [initialValues] = useState<FormValues>(() => ({ q: state.filters.q }));
  useEffect(() => {
    formRef.current?.setFieldsValue({ q: state.filters.q });
  }, [state.filters.q]);

  const filtered = !!state.filters.q;
  const clear = () => go({ ...state, filters: {}, page: 1 });
  const total = customers.data?.page?.totalElements ?? 0;

  const columns: ProColumns<PartnerCustomer>[] = [
    {
      title: t('partner.customers.filter.q'),
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: t('partner.customers.filter.qPlaceholder'), maxLength: 200 },
    },
    {
      title: t('partner.customer.name'),
      dataIndex: 'name',
      key: 'name',
      search: false,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'name'),
      render: (_, customer) =>
        customer.id ? (
          <Link to={partnerPaths.customer(customer.id)}>{dash(customer.name)}</Link>
        ) : (
          dash(customer.name)
        ),
    },
    {
      title: t('partner.customer.contact'),
      key: 'contact',
      search: false,
      render: (_, customer) => dash(customer.contactName),
    },
    {
      title: t('partner.customer.email'),
      key: 'email',
      search: false,
      render: (_, customer) =>
        customer.contactEmail ? <a href={`mailto:${customer.contactEmail}`}>{customer.contactEmail}</a> : '—',
    },
    {
      title: t('partner.customer.industry'),
      dataIndex: 'industry',
      key: 'industry',
      search: false,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'industry'),
      render: (_, customer) => dash(customer.industry),
    },
    {
      title: t('partner.customer.region'),
      dataIndex: 'region',
      key: 'region',
      search: false,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'region'),
      render: (_, customer) => dash(customer.region),
    },
    {
      title: t('partner.customer.country'),
      dataIndex: 'country',
      key: 'country',
      search: false,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'country'),
      render: (_, customer) => dash(customer.country),
    },
  ];

  return (
    <PageContainer title={t('partner.customers.title')} content={t('partner.customers.intro')}>
      <ProTable<PartnerCustomer, FormValues>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={customers.isFetching}
        formRef={formRef}
        form={{ initialValues }}
        search={{
          labelWidth: 'auto',
          defaultCollapsed: false,
          collapseRender: false,
          searchText: t('partner.search'),
          resetText: t('partner.reset'),
        }}
        onSubmit={(values) => go({ ...state, filters: compactCustomerFilters(values), page: 1 })}
        onReset={clear}
        options={{ reload: () => void customers.refetch(), density: false, setting: false }}
        headerTitle={
          customers.data && !customers.error
            ? t('partner.customers.count', { total: formatNumber(total) })
            : undefined
        }
        tableExtraRender={() =>
          customers.error ? (
            <ErrorNotice error={customers.error} onRetry={() => void customers.refetch()} />
          ) : null
        }
        locale={{
          emptyText: customers.isPending ? (
            t('state.loading')
          ) : customers.error ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partner.empty.error')} />
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                filtered ? t('partner.customers.empty.filtered') : t('partner.customers.empty.none')
              }
            >
              {filtered && <Button onClick={clear}>{t('partner.clearFilters')}</Button>}
            </Empty>
          ),
        }}
        pagination={{
          current: state.page,
          pageSize: state.size,
          total,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (count, [from, to]) => t('partner.range', { from, to, total: formatNumber(count) }),
        }}
        onChange={(
          pagination: TablePaginationConfig,
          _filters,
          sorter: SorterResult<PartnerCustomer> | SorterResult<PartnerCustomer>[],
        ) => {
          const next = nextPage(
            state,
            pagination.current,
            pagination.pageSize,
            sortFromTable(sorter, CUSTOMER_SORT_FIELDS),
          );
          if (next) go(next);
        }}
        scroll={{ x: 900 }}
      />
    </PageContainer>
  );
}
