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
import { App, Button, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/useSession';
import { t } from '../../i18n';
import { ListEmpty } from '../customers/ListEmpty';
import type { FilterValues, Filters } from '../customers/listState';
import { useLastPageGuard, useListState } from '../customers/useListState';
import { ActiveTag } from '../sales-reps/ActiveTag';
import { ResellerFormModal } from './ResellerFormModal';
import {
  fetchResellers,
  resellerKeys,
  resellerList,
  resellerRules,
  type ResellerDto,
  type ResellerFilterName,
} from './resellerData';
import { TierTag } from './resellerFormat';

type FormValues = FilterValues<ResellerFilterName>;

function formValuesOf(filters: Filters<ResellerFilterName>): FormValues {
  return { q: filters.q };
}

/** Resellers at /resellers: search, page and sort in the URL; admin creates new ones here. */
export default function ResellerListPage() {
  const { roles } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const list = useListState(resellerList);
  const { state, apiQuery } = list;
  const formRef = useRef<ProFormInstance<FormValues>>(undefined);
  const [creating, setCreating] = useState(false);

  const query = useQuery({
    queryKey: resellerKeys.list(apiQuery),
    queryFn: ({ signal }) => fetchResellers(apiQuery, signal),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => (query.isError ? [] : (query.data?.content ?? [])), [query.isError, query.data]);

  useEffect(() => {
    formRef.current?.setFieldsValue(formValuesOf(state.filters));
  }, [state.filters]);
  useLastPageGuard(query.data?.page?.totalPages, state.page, (page) => list.go({ ...state, page }, true));

  const canManage = resellerRules.manage(roles);
  const newButton = canManage ? (
    <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('resellers.action.new')}
    </Button>
  ) : null;

  const columns: ProColumns<ResellerDto>[] = [
    {
      title: t('resellers.column.name'),
      key: 'name',
      dataIndex: 'name',
      sorter: true,
      defaultSortOrder: list.sortOrderOf('name'),
      render: (_, reseller) => (
        <Link to={`/resellers/${reseller.id}`} data-testid="reseller-link">
          {reseller.name}
        </Link>
      ),
    },
    {
      title: t('resellers.column.code'),
      key: 'code',
      dataIndex: 'code',
      sorter: true,
      defaultSortOrder: list.sortOrderOf('code'),
      render: (_, reseller) =>
        reseller.code ? <Typography.Text code>{reseller.code}</Typography.Text> : '—',
    },
    {
      title: t('resellers.column.tier'),
      key: 'tier',
      dataIndex: 'tier',
      sorter: true,
      defaultSortOrder: list.sortOrderOf('tier'),
      render: (_, reseller) => <TierTag tier={reseller.tier} />,
    },
    {
      title: t('resellers.column.region'),
      key: 'region',
      dataIndex: 'region',
      sorter: true,
      defaultSortOrder: list.sortOrderOf('region'),
      render: (_, reseller) => reseller.region || '—',
    },
    {
      title: t('resellers.column.contactEmail'),
      key: 'contactEmail',
      render: (_, reseller) =>
        reseller.contactEmail ? <a href={`mailto:${reseller.contactEmail}`}>{reseller.contactEmail}</a> : '—',
    },
    {
      title: t('resellers.column.active'),
      key: 'active',
      dataIndex: 'active',
      sorter: true,
      defaultSortOrder: list.sortOrderOf('active'),
      render: (_, reseller) => <ActiveTag active={reseller.active} />,
    },
  ];

  return (
    <PageContainer title={t('resellers.list.title')}>
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
        aria-label={t('resellers.filter.label')}
      >
        <ProFormText
          name="q"
          label={t('resellers.filter.q')}
          placeholder={t('resellers.filter.qPlaceholder')}
          fieldProps={{ allowClear: true, maxLength: 200 }}
        />
      </QueryFilter>

      <ProTable<ResellerDto>
        key={list.tableKey}
        rowKey="id"
        headerTitle={t('resellers.list.tableTitle')}
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
              filteredText={t('resellers.empty.filtered')}
              noneText={t('resellers.empty.none')}
              action={newButton}
            />
          ),
        }}
        pagination={list.pagination(query.data?.page?.totalElements, (from, to, total) =>
          t('resellers.list.total', { from, to, total }),
        )}
        onChange={list.onTableChange}
      />

      {creating && (
        <ResellerFormModal
          onClose={() => setCreating(false)}
          onSaved={(reseller) => {
            setCreating(false);
            void message.success(t('resellers.create.done', { name: reseller.name ?? '' }));
            if (reseller.id) navigate(`/resellers/${reseller.id}`);
          }}
        />
      )}
    </PageContainer>
  );
}
