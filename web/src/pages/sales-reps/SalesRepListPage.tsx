import {
  PageContainer,
  ProFormText,
  ProTable,
  QueryFilter,
  type ProColumns,
  type ProFormInstance,
} from '@ant-design/pro-components';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/useSession';
import { t } from '../../i18n';
import { ListEmpty } from '../customers/ListEmpty';
import type { FilterValues, Filters } from '../customers/listState';
import { useLastPageGuard, useListState } from '../customers/useListState';
import { ActiveTag } from './ActiveTag';
import { SalesRepFormModal } from './SalesRepFormModal';
import {
  fetchSalesReps,
  salesRepKeys,
  salesRepList,
  salesRepRules,
  type SalesRepDto,
  type SalesRepFilterName,
} from './salesRepData';

type FormValues = FilterValues<SalesRepFilterName>;

function formValuesOf(filters: Filters<SalesRepFilterName>): FormValues {
  return { q: filters.q };
}

/** Sales reps at /sales-reps: search, page and sort in the URL; admin creates new ones here. */
export default function SalesRepListPage() {
  const { roles } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const list = useListState(salesRepList);
  const { state, apiQuery } = list;
  const formRef = useRef<ProFormInstance<FormValues>>(undefined);
  const [creating, setCreating] = useState(false);

  const query = useQuery({
    queryKey: salesRepKeys.list(apiQuery),
    queryFn: ({ signal }) => fetchSalesReps(apiQuery, signal),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => (query.isError ? [] : (query.data?.content ?? [])), [query.isError, query.data]);

  useEffect(() => {
    formRef.current?.setFieldsValue(formValuesOf(state.filters));
  }, [state.filters]);
  useLastPageGuard(query.data?.page?.totalPages, state.page, (page) => list.go({ ...state, page }, true));

  const canManage = salesRepRules.manage(roles);
  const newButton = canManage ? (
    <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('salesReps.action.new')}
    </Button>
  ) : null;

  const columns: ProColumns<SalesRepDto>[] = [
    {
      title: t('salesReps.column.name'),
      key: 'name',
      dataIndex: 'name',
      sorter: true,
      defaultSortOrder: list.sortOrderOf('name'),
      render: (_, rep) => (
        <Link to={`/sales-reps/${rep.id}`} data-testid="sales-rep-link">
          {rep.name}
        </Link>
      ),
    },
    {
      title: t('salesReps.column.email'),
      key: 'email',
      dataIndex: 'email',
      sorter: true,
      defaultSortOrder: list.sortOrderOf('email'),
      render: (_, rep) => (rep.email ? <a href={`mailto:${rep.email}`}>{rep.email}</a> : '—'),
    },
    {
      title: t('salesReps.column.region'),
      key: 'region',
      dataIndex: 'region',
      sorter: true,
      defaultSortOrder: list.sortOrderOf('region'),
      render: (_, rep) => rep.region || '—',
    },
    {
      title: t('salesReps.column.active'),
      key: 'active',
      dataIndex: 'active',
      sorter: true,
      defaultSortOrder: list.sortOrderOf('active'),
      render: (_, rep) => <ActiveTag active={rep.active} />,
    },
  ];

  return (
    <PageContainer title={t('salesReps.list.title')}>
      <QueryFilter<FormValues>
        formRef={formRef}
        initialValues={formValuesOf(state.filters)}
        labelWidth="auto"
        submitter={{
          searchConfig: { submitText: t('parties.filter.search'), resetText: t('parties.filter.reset') },
        }}
        onFinish={async (values) => list.applyFilters(values)}
        onReset={list.clearFilters}
        style={{ marginBlockEnd: 16 }}
        aria-label={t('salesReps.filter.label')}
      >
        <ProFormText
          name="q"
          label={t('salesReps.filter.q')}
          placeholder={t('salesReps.filter.qPlaceholder')}
          fieldProps={{ allowClear: true, maxLength: 200 }}
        />
      </QueryFilter>

      <ProTable<SalesRepDto>
        key={list.tableKey}
        rowKey="id"
        headerTitle={t('salesReps.list.tableTitle')}
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
              filteredText={t('salesReps.empty.filtered')}
              noneText={t('salesReps.empty.none')}
              action={newButton}
            />
          ),
        }}
        pagination={list.pagination(query.data?.page?.totalElements, (from, to, total) =>
          t('salesReps.list.total', { from, to, total }),
        )}
        onChange={list.onTableChange}
      />

      {creating && (
        <SalesRepFormModal
          onClose={() => setCreating(false)}
          onSaved={(rep) => {
            setCreating(false);
            void message.success(t('salesReps.create.done', { name: rep.name ?? '' }));
            if (rep.id) navigate(`/sales-reps/${rep.id}`);
          }}
        />
      )}
    </PageContainer>
  );
}
