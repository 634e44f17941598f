import {
  PageContainer,
  ProForm,
  ProFormDatePicker,
  ProFormSelect,
  ProFormText,
  ProTable,
  QueryFilter,
  type ProColumns,
  type ProFormInstance,
} from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router-dom';
import { can } from '../../auth/roles';
import { useSession } from '../../auth/useSession';
import { useNames } from '../../domain/names';
import { formatDate, formatMoney, t } from '../../i18n';
import { LinkButton } from '../licenses/LinkButton';
import { PartyNameOf } from '../licenses/PartyNameOf';
import { PartyPicker } from '../licenses/PartyPicker';
import { purchaseTypeLabel } from '../licenses/licenseFormat';
import { ListEmpty } from './ListEmpty';
import {
  PURCHASE_TYPES,
  purchaseList,
  toPurchaseApiQuery,
  type Purchase,
  type PurchaseFilters,
} from './purchaseFilters';
import { PurchaseTypeTag, periodText } from './purchaseFormat';
import { fetchPurchaseList, purchaseKeys } from './purchaseQueries';
import { SORT_DIRECTIONS, useLastPage, useListUrl } from './useListUrl';
import { notBeforeFrom } from './periodRule';

/** The filter form's values: text and selects hold strings, the date pickers Dayjs. */
interface FormValues {
  licenseId?: string;
  type?: string;
  salesRepId?: string;
  resellerId?: string;
  from?: Dayjs;
  to?: Dayjs;
}

/** Every field named, so a value the URL no longer has is cleared in the form too. */
function formValuesOf(filters: PurchaseFilters): FormValues {
  return {
    licenseId: filters.licenseId,
    type: filters.type,
    salesRepId: filters.salesRepId,
    resellerId: filters.resellerId,
    from: filters.from ? dayjs(filters.from) : undefined,
    to: filters.to ? dayjs(filters.to) : undefined,
  };
}

/** Purchases at /purchases: the filters, page and sort are the URL's query; reps and resellers by name. */
export default function PurchaseListPage() {
  const { roles } = useSession();
  const formRef = useRef<ProFormInstance<FormValues>>(undefined);
  const list = useListUrl(purchaseList);
  const { state } = list;
  const apiQuery = useMemo(() => toPurchaseApiQuery(state), [state]);

  const query = useQuery({
    queryKey: purchaseKeys.list(apiQuery),
    queryFn: () => fetchPurchaseList(apiQuery),
    placeholderData: keepPreviousData,
  });
  useLastPage(state.page, query.data?.page?.totalPages, list.goToPage);
  const rows = useMemo(() => (query.isError ? [] : (query.data?.content ?? [])), [query.isError, query.data]);
  const reps = useNames(
    'salesRep',
    rows.map((p) => p.salesRepId),
  );
  const resellers = useNames(
    'reseller',
    rows.map((p) => p.resellerId),
  );

  // Back/forward or a link changed the URL: show its filters in the form.
  useEffect(() => {
    formRef.current?.setFieldsValue(formValuesOf(state.filters));
  }, [state.filters]);

  const columns: ProColumns<Purchase>[] = [
    {
      title: t('purchases.column.date'),
      key: 'purchaseDate',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('purchaseDate'),
      render: (_, p) =>
        p.id ? (
          <Link
            to={`/purchases/${p.id}`}
            data-testid="purchase-link"
            aria-label={t('purchases.column.open', {
              type: purchaseTypeLabel(p.type),
              license: p.licenseId ?? '—',
              date: formatDate(p.purchaseDate),
            })}
            style={{ whiteSpace: 'nowrap' }}
          >
            {formatDate(p.purchaseDate)}
          </Link>
        ) : (
          formatDate(p.purchaseDate)
        ),
    },
    {
      title: t('purchases.column.type'),
      key: 'type',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('type'),
      render: (_, p) => <PurchaseTypeTag type={p.type} />,
    },
    {
      title: t('purchases.column.license'),
      key: 'licenseId',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('licenseId'),
      render: (_, p) =>
        p.licenseId ? (
          <Link
            to={`/licenses/${encodeURIComponent(p.licenseId)}`}
            data-testid="license-link"
            style={{ whiteSpace: 'nowrap' }}
          >
            {p.licenseId}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('purchases.column.amount'),
      key: 'amount',
      align: 'right',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('amount'),
      render: (_, p) => (
        <span style={{ whiteSpace: 'nowrap' }} data-testid="purchase-amount">
          {formatMoney(p.amount, p.currency)}
        </span>
      ),
    },
    {
      title: t('purchases.column.period'),
      key: 'periodStart',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('periodStart'),
      render: (_, p) => periodText(p),
    },
    {
      title: t('purchases.column.salesRep'),
      key: 'salesRep',
      render: (_, p) => <PartyNameOf party="salesRep" id={p.salesRepId} names={reps} />,
    },
    {
      title: t('purchases.column.reseller'),
      key: 'reseller',
      render: (_, p) =>
        p.resellerId ? (
          <PartyNameOf party="reseller" id={p.resellerId} names={resellers} />
        ) : (
          <Typography.Text type="secondary">{t('purchases.direct')}</Typography.Text>
        ),
    },
  ];

  const page = query.data?.page;
  const recordLink = state.filters.licenseId
    ? `/operations?${new URLSearchParams({ action: 'purchase', license: state.filters.licenseId }).toString()}`
    : '/operations?action=purchase';

  return (
    <PageContainer
      title={t('purchases.list.title')}
      extra={
        can.recordPurchase(roles) ? (
          <LinkButton to={recordLink} type="primary" data-testid="record-purchase">
            {t('purchases.action.record')}
          </LinkButton>
        ) : undefined
      }
    >
      <QueryFilter<FormValues>
        formRef={formRef}
        initialValues={formValuesOf(state.filters)}
        defaultCollapsed={false}
        labelWidth="auto"
        span={{ xs: 24, sm: 12, md: 12, lg: 8, xl: 8, xxl: 6 }}
        submitter={{
          searchConfig: { submitText: t('delivery.filter.search'), resetText: t('delivery.filter.reset') },
        }}
        onFinish={async (values) => {
          list.go(purchaseList.withFilters(state, values));
        }}
        onReset={list.clearFilters}
        style={{ marginBlockEnd: 16 }}
        aria-label={t('purchases.filter.label')}
      >
        <ProFormText
          name="licenseId"
          label={t('purchases.filter.license')}
          placeholder={t('delivery.filter.licensePlaceholder')}
          fieldProps={{ allowClear: true, maxLength: 64 }}
        />
        <ProFormSelect
          name="type"
          label={t('purchases.filter.type')}
          placeholder={t('delivery.filter.any')}
          options={PURCHASE_TYPES.map((type) => ({ value: type, label: purchaseTypeLabel(type) }))}
        />
        <ProForm.Item name="salesRepId" label={t('purchases.filter.salesRep')}>
          <PartyPicker party="salesRep" />
        </ProForm.Item>
        <ProForm.Item name="resellerId" label={t('purchases.filter.reseller')}>
          <PartyPicker party="reseller" />
        </ProForm.Item>
        <ProFormDatePicker name="from" label={t('purchases.filter.from')} />
        <ProFormDatePicker
          name="to"
          label={t('purchases.filter.to')}
          dependencies={['from']}
          rules={[notBeforeFrom]}
        />
      </QueryFilter>

      <ProTable<Purchase>
        key={list.tableKey}
        rowKey={(p) => p.id ?? `${p.licenseId}-${p.purchaseDate}-${p.createdAt}`}
        headerTitle={t('purchases.list.tableTitle')}
        columns={columns}
        dataSource={rows}
        loading={query.isFetching}
        search={false}
        cardBordered
        scroll={{ x: 'max-content' }}
        options={{ reload: () => void query.refetch(), density: true, setting: true }}
        locale={{
          emptyText: (
            <ListEmpty
              query={query}
              filtered={purchaseList.hasFilters(state.filters)}
              onClear={list.clearFilters}
              none={t('purchases.empty.none')}
            />
          ),
        }}
        pagination={{
          current: state.page,
          pageSize: state.size,
          total: page?.totalElements ?? 0,
          showSizeChanger: true,
          pageSizeOptions: purchaseList.pageSizes.map(String),
          showTotal: (total, [from, to]) => t('delivery.list.total', { from, to, total }),
        }}
        onChange={(pagination, _filters, sorter, extra) =>
          list.onTableChange(pagination, sorter, extra.action)
        }
      />
    </PageContainer>
  );
}
