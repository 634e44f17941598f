import {
  PageContainer,
  ProForm,
  ProFormText,
  ProTable,
  QueryFilter,
  type ProColumns,
  type ProFormInstance,
} from '@ant-design/pro-components';
import { DownOutlined, PlusOutlined, UpOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/useSession';
import { useNames } from '../../domain/names';
import { formatNumber, t } from '../../i18n';
import { LinkButton } from '../licenses/LinkButton';
import { PartyNameOf } from '../licenses/PartyNameOf';
import { PartyPicker } from '../licenses/PartyPicker';
import {
  customerKeys,
  customerList,
  customerRules,
  fetchCustomers,
  type CustomerDto,
  type CustomerFilterName,
} from './customerData';
import { ListEmpty } from './ListEmpty';
import type { FilterValues, Filters } from './listState';
import { KNOWN_REGIONS, placeLabel } from './partyFormat';
import { useLastPageGuard, useListState } from './useListState';

type FormValues = FilterValues<CustomerFilterName>;

/** Every field named, so that a value the URL no longer has is cleared in the form too. */
function formValuesOf(filters: Filters<CustomerFilterName>): FormValues {
  const values: FormValues = {};
  for (const name of customerList.filterNames) values[name] = filters[name];
  return values;
}

const ADVANCED: readonly CustomerFilterName[] = ['industry', 'salesRepId', 'resellerId'];

/** Customer list at /customers: the filters, page and sort are the URL's query. */
export default function CustomerListPage() {
  const { roles } = useSession();
  const list = useListState(customerList);
  const { state, apiQuery } = list;
  const formRef = useRef<ProFormInstance<FormValues>>(undefined);

  const query = useQuery({
    queryKey: customerKeys.list(apiQuery),
    queryFn: ({ signal }) => fetchCustomers(apiQuery, signal),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => (query.isError ? [] : (query.data?.content ?? [])), [query.isError, query.data]);
  const reps = useNames(
    'salesRep',
    rows.map((c) => c.salesRepId),
  );
  const resellers = useNames(
    'reseller',
    rows.map((c) => c.resellerId),
  );

  // Back/forward or a link changed the URL: show its filters in the form.
  useEffect(() => {
    formRef.current?.setFieldsValue(formValuesOf(state.filters));
  }, [state.filters]);
  useLastPageGuard(query.data?.page?.totalPages, state.page, (page) => list.go({ ...state, page }, true));

  const canEdit = customerRules.edit(roles);
  const newButton = canEdit ? (
    <LinkButton key="new" type="primary" icon={<PlusOutlined />} to="/customers/new">
      {t('customers.action.new')}
    </LinkButton>
  ) : null;

  const columns: ProColumns<CustomerDto>[] = [
    {
      title: t('customers.column.name'),
      key: 'name',
      dataIndex: 'name',
      sorter: true,
      defaultSortOrder: list.sortOrderOf('name'),
      render: (_, c) => (
        <Link to={`/customers/${c.id}`} data-testid="customer-link">
          {c.name}
        </Link>
      ),
    },
    {
      title: t('customers.column.region'),
      key: 'region',
      dataIndex: 'region',
      sorter: true,
      defaultSortOrder: list.sortOrderOf('region'),
      render: (_, c) => placeLabel(c.region, c.country),
    },
    {
      title: t('customers.column.industry'),
      key: 'industry',
      dataIndex: 'industry',
      sorter: true,
      defaultSortOrder: list.sortOrderOf('industry'),
      render: (_, c) => c.industry || '—',
    },
    {
      title: t('customers.column.salesRep'),
      key: 'salesRep',
      render: (_, c) => <PartyNameOf party="salesRep" id={c.salesRepId} names={reps} />,
    },
    {
      title: t('customers.column.reseller'),
      key: 'reseller',
      render: (_, c) =>
        c.resellerId ? (
          <PartyNameOf party="reseller" id={c.resellerId} names={resellers} />
        ) : (
          <Typography.Text type="secondary">{t('customers.direct')}</Typography.Text>
        ),
    },
    {
      title: t('customers.column.licenses'),
      key: 'licenseCount',
      align: 'right',
      render: (_, c) =>
        c.licenseCount ? (
          <Link
            to={`/licenses?customerId=${c.id}`}
            aria-label={t('customers.licenseCountLink', {
              count: formatNumber(c.licenseCount),
              name: c.name ?? '',
            })}
          >
            {formatNumber(c.licenseCount)}
          </Link>
        ) : (
          formatNumber(c.licenseCount ?? 0)
        ),
    },
  ];

  return (
    <PageContainer title={t('customers.list.title')}>
      <QueryFilter<FormValues>
        formRef={formRef}
        initialValues={formValuesOf(state.filters)}
        defaultCollapsed={!ADVANCED.some((name) => state.filters[name] !== undefined)}
        labelWidth="auto"
        collapseRender={(collapsed) => (
          <>
            {collapsed ? t('parties.filter.more') : t('parties.filter.less')}{' '}
            {collapsed ? <DownOutlined /> : <UpOutlined />}
          </>
        )}
        submitter={{
          searchConfig: { submitText: t('parties.filter.search'), resetText: t('parties.filter.reset') },
        }}
        onFinish={async (values) => list.applyFilters(values)}
        onReset={list.clearFilters}
        style={{ marginBlockEnd: 16 }}
        aria-label={t('customers.filter.label')}
      >
        <ProFormText
          name="q"
          label={t('customers.filter.q')}
          placeholder={t('customers.filter.qPlaceholder')}
          fieldProps={{ allowClear: true, maxLength: 200 }}
        />
        <ProForm.Item name="region" label={t('customers.filter.region')}>
          <AutoComplete
            allowClear
            placeholder={t('parties.filter.exact')}
            options={KNOWN_REGIONS.map((r) => ({ value: r }))}
            filterOption={(input, option) =>
              (option?.value ?? '').toString().toLowerCase().startsWith(input.trim().toLowerCase())
            }
          />
        </ProForm.Item>
        <ProFormText
          name="country"
          label={t('customers.filter.country')}
          placeholder={t('customers.filter.countryPlaceholder')}
          fieldProps={{ allowClear: true, maxLength: 100 }}
        />
        <ProFormText
          name="industry"
          label={t('customers.filter.industry')}
          placeholder={t('parties.filter.exact')}
          fieldProps={{ allowClear: true, maxLength: 100 }}
        />
        <ProForm.Item name="salesRepId" label={t('customers.filter.salesRep')}>
          <PartyPicker party="salesRep" />
        </ProForm.Item>
        <ProForm.Item name="resellerId" label={t('customers.filter.reseller')}>
          <PartyPicker party="reseller" />
        </ProForm.Item>
      </QueryFilter>

      <ProTable<CustomerDto>
        key={list.tableKey}
        rowKey="id"
        headerTitle={t('customers.list.tableTitle')}
        columns={columns}
        dataSource={rows}
        loading={query.isFetching}
        search={false}
        cardBordered
        toolBarRender={() => (newButton ? [newButton] : [])}
        options={{ reload: () => void query.refetch(), density: true, setting: true }}
        locale={{
          emptyText: (
            <ListEmpty
              query={query}
              filtered={list.filtered}
              onClear={list.clearFilters}
              filteredText={t('customers.empty.filtered')}
              noneText={t('customers.empty.none')}
              action={newButton}
            />
          ),
        }}
        pagination={list.pagination(query.data?.page?.totalElements, (from, to, total) =>
          t('customers.list.total', { from, to, total }),
        )}
        onChange={list.onTableChange}
      />
    </PageContainer>
  );
}
