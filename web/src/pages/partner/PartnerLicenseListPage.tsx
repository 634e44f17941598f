import { useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer, ProTable, type ProColumns, type ProFormInstance } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, type TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../components/SectionState';
import { ExpiryText, LICENSE_STATUSES, LicenseStatusTag, statusLabel } from '../../domain/license';
import { formatNumber, t } from '../../i18n';
import { licenseTypeLabel } from '../licenses/licenseFormat';
import { UsageSummary } from '../licenses/UsageSummary';
import {
  LICENSE_SORT_FIELDS,
  PAGE_SIZES,
  compactLicenseFilters,
  licenseSearchParams,
  nextPage,
  parseLicenseListState,
  sortFromTable,
  sortOrderOf,
  toLicenseApiQuery,
  type PartnerLicenseListState,
} from './partnerListState';
import { PartnerCustomerName, partnerPaths } from './partnerParts';
import {
  fetchPartnerLicenses,
  partnerKeys,
  usePartnerCustomerNames,
  type PartnerLicense,
} from './partnerQueries';

interface FormValues {
  q?: string;
  status?: string[];
  overused?: string;
}

function formValuesOf(state: PartnerLicenseListState): FormValues {
  const { q, status, overused } = state.filters;
  return { q, status, overused: overused === undefined ? undefined : String(overused) };
}

/** The reseller's licenses at /partner/licenses: filters, page and sort in the URL. */
export default function PartnerLicenseListPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const state = useMemo(() => parseLicenseListState(new URLSearchParams(search)), [search]);
  const apiQuery = useMemo(() => toLicenseApiQuery(state), [state]);
  const go = (next: PartnerLicenseListState) => setSearchParams(licenseSearchParams(next));

  const licenses = useQuery({
    queryKey: partnerKeys.licenseList(apiQuery),
    queryFn: ({ signal }) => fetchPartnerLicenses(apiQuery, signal),
    placeholderData: keepPreviousData,
  });
  const rows = licenses.error ? [] : (licenses.data?.content ?? []);
  const customers = usePartnerCustomerNames();

  const formRef = useRef<ProFormInstance<FormValues>>(undefined);
  const [initialValues] = useState(() => formValuesOf(state));
  useEffect(() => {
    formRef.current?.setFieldsValue(formValuesOf(state));
  }, [state]);

  const filtered = Object.keys(state.filters).length > 0;
  const clear = () => go({ ...state, filters: {}, page: 1 });
  const total = licenses.data?.page?.totalElements ?? 0;

  const columns: ProColumns<PartnerLicense>[] = [
    {
      title: t('partner.licenses.filter.q'),
      dataIndex: 'q',
      hideInTable: true,
      order: 3,
      fieldProps: { placeholder: t('partner.licenses.filter.qPlaceholder'), maxLength: 200 },
    },
    {
      title: t('partner.license.id'),
      dataIndex: 'id',
      key: 'id',
      search: false,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'id'),
      render: (_, license) =>
        license.id ? (
          <Link to={partnerPaths.license(license.id)} style={{ whiteSpace: 'nowrap' }}>
            {license.id}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('partner.license.customer'),
      key: 'customer',
      search: false,
      render: (_, license) => <PartnerCustomerName id={license.customerId} names={customers} />,
    },
    {
      title: t('partner.license.product'),
      dataIndex: 'productType',
      key: 'productType',
      search: false,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'productType'),
    },
    {
      title: t('partner.license.licenseType'),
      dataIndex: 'licenseType',
      key: 'licenseType',
      search: false,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'licenseType'),
      render: (_, license) => licenseTypeLabel(license.licenseType),
    },
    {
      title: t('partner.license.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'status'),
      valueType: 'select',
      valueEnum: Object.fromEntries(LICENSE_STATUSES.map((s) => [s, { text: statusLabel(s) }])),
      fieldProps: { mode: 'multiple', placeholder: t('partner.any') },
      order: 2,
      render: (_, license) => (license.status ? <LicenseStatusTag status={license.status} /> : '—'),
    },
    {
      title: t('partner.license.expiry'),
      dataIndex: 'expiryDate',
      key: 'expiryDate',
      search: false,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'expiryDate'),
      render: (_, license) => (
        <ExpiryText expiryDate={license.expiryDate} daysToExpiry={license.daysToExpiry} />
      ),
    },
    {
      title: t('partner.license.usage'),
      dataIndex: 'overused',
      key: 'usage',
      valueType: 'select',
      valueEnum: {
        true: { text: t('partner.licenses.filter.overusedTrue') },
        false: { text: t('partner.licenses.filter.overusedFalse') },
      },
      fieldProps: { placeholder: t('partner.any') },
      formItemProps: { label: t('partner.licenses.filter.overused') },
      order: 1,
      render: (_, license) => <UsageSummary license={license} />,
    },
  ];

  return (
    <PageContainer title={t('partner.licenses.title')} content={t('partner.licenses.intro')}>
      <ProTable<PartnerLicense, FormValues>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={licenses.isFetching}
        formRef={formRef}
        form={{ initialValues }}
        search={{
          labelWidth: 'auto',
          defaultCollapsed: false,
          collapseRender: false,
          searchText: t('partner.search'),
          resetText: t('partner.reset'),
        }}
        onSubmit={(values) => go({ ...state, filters: compactLicenseFilters(values), page: 1 })}
        onReset={clear}
        options={{ reload: () => void licenses.refetch(), density: false, setting: false }}
        headerTitle={
          licenses.data && !licenses.error
            ? t('partner.licenses.count', { total: formatNumber(total) })
            : undefined
        }
        tableExtraRender={() =>
          licenses.error ? (
            <ErrorNotice error={licenses.error} onRetry={() => void licenses.refetch()} />
          ) : null
        }
        locale={{
          emptyText: licenses.isPending ? (
            t('state.loading')
          ) : licenses.error ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partner.empty.error')} />
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? t('partner.licenses.empty.filtered') : t('partner.licenses.empty.none')}
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
          sorter: SorterResult<PartnerLicense> | SorterResult<PartnerLicense>[],
        ) => {
          const next = nextPage(
            state,
            pagination.current,
            pagination.pageSize,
            sortFromTable(sorter, LICENSE_SORT_FIELDS),
          );
          if (next) go(next);
        }}
        scroll={{ x: 1000 }}
      />
    </PageContainer>
  );
}
