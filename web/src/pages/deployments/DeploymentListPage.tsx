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
import { Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router-dom';
import { can } from '../../auth/roles';
import { useSession } from '../../auth/useSession';
import { useNames } from '../../domain/names';
import { formatDate, formatDateTime, t } from '../../i18n';
import { LinkButton } from '../licenses/LinkButton';
import { PartyNameOf } from '../licenses/PartyNameOf';
import { deploymentStatusLabel, environmentLabel, withoutIds } from '../licenses/licenseFormat';
import { DeploymentStatusTag } from '../operations/DeploymentBoard';
import { EngineerSelect } from '../engineers/EngineerSelect';
import { ListEmpty } from '../purchases/ListEmpty';
import { SORT_DIRECTIONS, useLastPage, useListUrl } from '../purchases/useListUrl';
import {
  DEPLOYMENT_STATUSES,
  deploymentList,
  toDeploymentApiQuery,
  type Deployment,
  type DeploymentFilters,
} from './deploymentFilters';
import { lastMoveOf } from './deploymentFormat';
import { deploymentKeys, fetchDeploymentList } from './deploymentQueries';
import { notBeforeFrom } from '../purchases/periodRule';

interface FormValues {
  licenseId?: string;
  engineerId?: string;
  status?: string;
  from?: Dayjs;
  to?: Dayjs;
}

function formValuesOf(filters: DeploymentFilters): FormValues {
  return {
    licenseId: filters.licenseId,
    engineerId: filters.engineerId,
    status: filters.status,
    from: filters.from ? dayjs(filters.from) : undefined,
    to: filters.to ? dayjs(filters.to) : undefined,
  };
}

/** Deployments at /deployments: filters, page and sort in the URL; engineers by name. */
export default function DeploymentListPage() {
  const { roles } = useSession();
  const formRef = useRef<ProFormInstance<FormValues>>(undefined);
  const list = useListUrl(deploymentList);
  const { state } = list;
  const apiQuery = useMemo(() => toDeploymentApiQuery(state), [state]);

  const query = useQuery({
    queryKey: deploymentKeys.list(apiQuery),
    queryFn: () => fetchDeploymentList(apiQuery),
    placeholderData: keepPreviousData,
  });
  useLastPage(state.page, query.data?.page?.totalPages, list.goToPage);
  const rows = useMemo(() => (query.isError ? [] : (query.data?.content ?? [])), [query.isError, query.data]);
  const engineers = useNames(
    'engineer',
    rows.map((d) => d.engineerId),
  );

  useEffect(() => {
    formRef.current?.setFieldsValue(formValuesOf(state.filters));
  }, [state.filters]);

  const columns: ProColumns<Deployment>[] = [
    {
      title: t('deployments.column.scheduledDate'),
      key: 'scheduledDate',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('scheduledDate'),
      render: (_, d) =>
        d.id ? (
          <Link
            to={`/deployments/${d.id}`}
            data-testid="deployment-link"
            aria-label={t('deployments.column.open', {
              license: d.licenseId ?? '—',
              date: formatDate(d.scheduledDate),
            })}
            style={{ whiteSpace: 'nowrap' }}
          >
            {formatDate(d.scheduledDate)}
          </Link>
        ) : (
          formatDate(d.scheduledDate)
        ),
    },
    {
      title: t('deployments.column.status'),
      key: 'status',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('status'),
      render: (_, d) => (
        <Space direction="vertical" size={0}>
          <DeploymentStatusTag status={d.status} />
          {d.failureReason && <Typography.Text type="danger">{withoutIds(d.failureReason)}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('deployments.column.license'),
      key: 'licenseId',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('licenseId'),
      render: (_, d) =>
        d.licenseId ? (
          <Link
            to={`/licenses/${encodeURIComponent(d.licenseId)}`}
            data-testid="license-link"
            style={{ whiteSpace: 'nowrap' }}
          >
            {d.licenseId}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('deployments.column.engineer'),
      key: 'engineer',
      render: (_, d) => (
        <PartyNameOf party="engineer" id={d.engineerId} names={engineers} fallback={d.engineerName} />
      ),
    },
    {
      title: t('deployments.column.environment'),
      key: 'environment',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('environment'),
      render: (_, d) => environmentLabel(d.environment),
    },
    {
      title: t('deployments.column.version'),
      key: 'productVersion',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('productVersion'),
      render: (_, d) => d.productVersion || '—',
    },
    {
      title: t('deployments.column.lastChange'),
      key: 'updatedAt',
      sorter: true,
      sortDirections: SORT_DIRECTIONS,
      defaultSortOrder: list.sortOrderOf('updatedAt'),
      render: (_, d) => formatDateTime(lastMoveOf(d)),
    },
  ];

  const page = query.data?.page;
  const scheduleLink = state.filters.licenseId
    ? `/operations?${new URLSearchParams({ action: 'deployment', license: state.filters.licenseId }).toString()}`
    : '/operations?action=deployment';

  return (
    <PageContainer
      title={t('deployments.list.title')}
      extra={
        <Space wrap>
          <LinkButton to="/deployments/board" data-testid="open-board">
            {t('deployments.action.board')}
          </LinkButton>
          {can.scheduleDeployment(roles) && (
            <LinkButton to={scheduleLink} type="primary" data-testid="schedule-deployment">
              {t('deployments.action.schedule')}
            </LinkButton>
          )}
        </Space>
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
          list.go(deploymentList.withFilters(state, values));
        }}
        onReset={list.clearFilters}
        style={{ marginBlockEnd: 16 }}
        aria-label={t('deployments.filter.label')}
      >
        <ProFormText
          name="licenseId"
          label={t('deployments.filter.license')}
          placeholder={t('delivery.filter.licensePlaceholder')}
          fieldProps={{ allowClear: true, maxLength: 64 }}
        />
        <ProForm.Item name="engineerId" label={t('deployments.filter.engineer')}>
          <EngineerSelect />
        </ProForm.Item>
        <ProFormSelect
          name="status"
          label={t('deployments.filter.status')}
          placeholder={t('delivery.filter.any')}
          options={DEPLOYMENT_STATUSES.map((status) => ({
            value: status,
            label: deploymentStatusLabel(status),
          }))}
        />
        <ProFormDatePicker name="from" label={t('deployments.filter.from')} />
        <ProFormDatePicker
          name="to"
          label={t('deployments.filter.to')}
          dependencies={['from']}
          rules={[notBeforeFrom]}
        />
      </QueryFilter>

      <ProTable<Deployment>
        key={list.tableKey}
        rowKey={(d) => d.id ?? `${d.licenseId}-${d.scheduledDate}-${d.createdAt}`}
        headerTitle={t('deployments.list.tableTitle')}
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
              filtered={deploymentList.hasFilters(state.filters)}
              onClear={list.clearFilters}
              none={t('deployments.empty.none')}
            />
          ),
        }}
        pagination={{
          current: state.page,
          pageSize: state.size,
          total: page?.totalElements ?? 0,
          showSizeChanger: true,
          pageSizeOptions: deploymentList.pageSizes.map(String),
          showTotal: (total, [from, to]) => t('delivery.list.total', { from, to, total }),
        }}
        onChange={(pagination, _filters, sorter, extra) =>
          list.onTableChange(pagination, sorter, extra.action)
        }
      />
    </PageContainer>
  );
}
