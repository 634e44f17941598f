import {
  PageContainer,
  ProFormSelect,
  ProFormText,
  ProTable,
  QueryFilter,
  type ProColumns,
  type ProFormInstance,
} from '@ant-design/pro-components';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/useSession';
import { t } from '../../i18n';
import { ListEmpty } from '../purchases/ListEmpty';
import { SORT_DIRECTIONS, useLastPage, useListUrl } from '../purchases/useListUrl';
import { EngineerFormModal } from './EngineerForm';
import { engineerList, toEngineerApiQuery, type EngineerFilters } from './engineerFilters';
import { engineerKeys, fetchEngineers, type Engineer } from './engineerQueries';
import { ActiveTag, SkillTags, isAdmin } from './engineerFormat';

interface FormValues {
  q?: string;
  region?: string;
  skill?: string;
  active?: string;
}

function formValuesOf(filters: EngineerFilters): FormValues {
  return {
    q: filters.q,
    region: filters.region,
    skill: filters.skill,
    active: filters.active === undefined ? undefined : String(filters.active),
  };
}

/** Engineers at /engineers: search, region, skill and active in the URL; admins create them here. */
export default function EngineerListPage() {
  const { roles } = useSession();
  const navigate = useNavigate();
  const admin = isAdmin(roles);
  const [creating, setCreating] = useState(false);
  const formRef = useRef<ProFormInstance<FormValues>>(undefined);
  const list = useListUrl(engineerList);
  const { state } = list;
  const apiQuery = useMemo(() => toEngineerApiQuery(state), [state]);

  const query = useQuery({
    queryKey: engineerKeys.list(apiQuery),
    queryFn: () => fetchEngineers(apiQuery),
    placeholderData: keepPreviousData,
  });
  useLastPage(state.page, query.data?.page?.totalPages, list.goToPage);
  const rows = useMemo(() => (query.isError ? [] : (query.data?.content ?? [])), [query.isError, query.data]);

  useEffect(() => {
    formRef.current?.setFieldsValue(formValuesOf(state.filters));
  }, [state.filters]);

  const columns: ProColumns<Engineer>[] = [
    {
      title: t('engineers.column.name'),
      key: 'name',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('name'),
      render: (_, e) =>
        e.id ? (
          <Link to={`/engineers/${e.id}`} data-testid="engineer-link">
            {e.name}
          </Link>
        ) : (
          e.name
        ),
    },
    {
      title: t('engineers.column.email'),
      key: 'email',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('email'),
      render: (_, e) => e.email || '—',
    },
    {
      title: t('engineers.column.region'),
      key: 'region',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('region'),
      render: (_, e) => e.region || '—',
    },
    {
      title: t('engineers.column.skills'),
      key: 'skills',
      render: (_, e) => <SkillTags skills={e.skills} />,
    },
    {
      title: t('engineers.column.status'),
      key: 'active',
      render: (_, e) => <ActiveTag active={e.active} />,
    },
  ];

  const page = query.data?.page;

  return (
    <PageContainer
      title={t('engineers.list.title')}
      extra={
        admin ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="create-engineer"
          >
            {t('engineers.action.create')}
          </Button>
        ) : undefined
      }
    >
      <QueryFilter<FormValues>
        formRef={formRef}
        initialValues={formValuesOf(state.filters)}
        defaultCollapsed={false}
        labelWidth="auto"
        span={{ xs: 24, sm: 12, md: 12, lg: 8, xl: 6, xxl: 6 }}
        submitter={{
          searchConfig: { submitText: t('delivery.filter.search'), resetText: t('delivery.filter.reset') },
        }}
        onFinish={async (values) => {
          list.go(engineerList.withFilters(state, values));
        }}
        onReset={list.clearFilters}
        style={{ marginBlockEnd: 16 }}
        aria-label={t('engineers.filter.label')}
      >
        <ProFormText
          name="q"
          label={t('engineers.filter.q')}
          placeholder={t('engineers.filter.qPlaceholder')}
          fieldProps={{ allowClear: true, maxLength: 200 }}
        />
        <ProFormText
          name="region"
          label={t('engineers.filter.region')}
          placeholder={t('engineers.filter.regionPlaceholder')}
          fieldProps={{ allowClear: true, maxLength: 50 }}
        />
        <ProFormText
          name="skill"
          label={t('engineers.filter.skill')}
          placeholder={t('engineers.filter.skillPlaceholder')}
          fieldProps={{ allowClear: true, maxLength: 50 }}
        />
        <ProFormSelect
          name="active"
          label={t('engineers.filter.active')}
          placeholder={t('delivery.filter.any')}
          options={[
            { value: 'true', label: t('engineers.status.active') },
            { value: 'false', label: t('engineers.status.inactive') },
          ]}
        />
      </QueryFilter>

      <ProTable<Engineer>
        key={list.tableKey}
        rowKey={(e) => e.id ?? e.email ?? ''}
        headerTitle={t('engineers.list.tableTitle')}
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
              filtered={engineerList.hasFilters(state.filters)}
              onClear={list.clearFilters}
              none={t('engineers.empty.none')}
            />
          ),
        }}
        pagination={{
          current: state.page,
          pageSize: state.size,
          total: page?.totalElements ?? 0,
          showSizeChanger: true,
          pageSizeOptions: engineerList.pageSizes.map(String),
          showTotal: (total, [from, to]) => t('delivery.list.total', { from, to, total }),
        }}
        onChange={(pagination, _filters, sorter, extra) =>
          list.onTableChange(pagination, sorter, extra.action)
        }
      />
      {creating && (
        <EngineerFormModal
          open
          onOpenChange={setCreating}
          onSaved={(engineer) => {
            setCreating(false);
            if (engineer.id) navigate(`/engineers/${engineer.id}`);
          }}
        />
      )}
    </PageContainer>
  );
}
