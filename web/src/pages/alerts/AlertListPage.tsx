import { useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer, ProTable, type ProColumns, type ProFormInstance } from '@ant-design/pro-components';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Typography, type TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { can } from '../../auth/roles';
import { useSession } from '../../auth/useSession';
import { describeError, ErrorNotice } from '../../components/SectionState';
import { PartyName, useNames } from '../../domain/names';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { acknowledgeAlert, alertKeys, fetchAlerts } from './alertApi';
import {
  ALERT_PAGE_SIZES,
  ALERT_SORT_FIELDS,
  alertSearchParams,
  DEFAULT_ALERT_SORT,
  hasAlertFilters,
  parseAlertListState,
  withAlertFilters,
  type AlertFilters,
  type AlertListState,
  type AlertSort,
  type AlertSortField,
} from './alertQuery';
import {
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  ALERT_TYPES,
  AlertStatusTag,
  alertStatusLabel,
  alertTypeLabel,
  SeverityTag,
  severityLabel,
  type AlertDto,
} from './alertVocabulary';
import { CustomerPicker } from './CustomerPicker';

type FormValues = Partial<Record<Exclude<keyof AlertFilters, 'status'>, string>> & { status?: string[] };

function valueEnum(values: readonly string[], label: (value: string) => string) {
  return Object.fromEntries(values.map((value) => [value, { text: label(value) }]));
}

function sortOrderOf(sort: AlertSort, field: AlertSortField): 'ascend' | 'descend' | null {
  if (sort.field !== field) return null;
  return sort.order === 'asc' ? 'ascend' : 'descend';
}

/** The sort a click on a column header asks for; back to newest first when the sort is cleared. */
function sortFrom(sorter: SorterResult<AlertDto> | SorterResult<AlertDto>[]): AlertSort {
  const first = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = first?.columnKey ?? first?.field;
  if (
    !first?.order ||
    typeof field !== 'string' ||
    !(ALERT_SORT_FIELDS as readonly string[]).includes(field)
  ) {
    return DEFAULT_ALERT_SORT;
  }
  return { field: field as AlertSortField, order: first.order === 'ascend' ? 'asc' : 'desc' };
}

/** What to tell the user when acknowledging failed; a conflict's detail names ids, so it is not shown. */
function acknowledgeFailure(error: unknown): {
  message: string;
  description?: string;
  type: 'warning' | 'error';
} {
  if (error instanceof ApiError && error.status === 409) {
    return {
      message: t('alerts.acknowledge.resolved'),
      description: t('alerts.acknowledge.refreshed'),
      type: 'warning',
    };
  }
  if (error instanceof ApiError && error.status === 412) {
    return {
      message: t('alerts.acknowledge.changed'),
      description: t('alerts.acknowledge.refreshed'),
      type: 'warning',
    };
  }
  const { title, detail, type } = describeError(error);
  return { message: title, description: detail, type };
}

/**
 * Alerts for staff: filters, page and sort live in the URL (dashboard links open a filtered list, the
 * back button steps back through searches); open alerts can be acknowledged.
 */
export default function AlertListPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseAlertListState(searchParams), [searchParams]);
  const go = (next: AlertListState) => setSearchParams(alertSearchParams(next));

  const alerts = useQuery({
    queryKey: alertKeys.list(state),
    queryFn: ({ signal }) => fetchAlerts(state, signal),
    placeholderData: keepPreviousData,
  });
  const rows = alerts.data?.content ?? [];
  const customers = useNames(
    'customer',
    rows.map((alert) => alert.customerId),
  );

  const session = useSession();
  const mayAcknowledge = can.acknowledgeAlert(session.roles);
  const { message, notification } = App.useApp();
  const queryClient = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: acknowledgeAlert,
    onSuccess: (_saved, alert) => {
      void message.success(t('alerts.acknowledged', { licenseId: alert.licenseId ?? '' }));
    },
    onError: (error) => {
      const { type, ...content } = acknowledgeFailure(error);
      notification[type]({ ...content, placement: 'topRight' });
    },
    // The list and the dashboard's counts change either way (a conflict means someone else changed it).
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  });

  // The filter form follows the URL: a dashboard link, the back button or "clear filters".
  const formRef = useRef<ProFormInstance<FormValues>>(undefined);
  const [initialFilters] = useState(state.filters);
  const { status, type, severity, licenseId, customerId } = state.filters;
  useEffect(() => {
    formRef.current?.setFieldsValue({ status, type, severity, licenseId, customerId });
  }, [status, type, severity, licenseId, customerId]);

  const columns: ProColumns<AlertDto>[] = [
    {
      title: t('alerts.col.raisedAt'),
      dataIndex: 'raisedAt',
      key: 'raisedAt',
      search: false,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'raisedAt'),
      width: 170,
      render: (_, alert) => formatDateTime(alert.raisedAt),
    },
    {
      title: t('alerts.col.type'),
      dataIndex: 'type',
      key: 'type',
      valueType: 'select',
      valueEnum: valueEnum(ALERT_TYPES, alertTypeLabel),
      fieldProps: { placeholder: t('alerts.any') },
      order: 4,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'type'),
      render: (_, alert) => (alert.type ? alertTypeLabel(alert.type) : '—'),
    },
    {
      title: t('alerts.col.severity'),
      dataIndex: 'severity',
      key: 'severity',
      valueType: 'select',
      valueEnum: valueEnum(ALERT_SEVERITIES, severityLabel),
      fieldProps: { placeholder: t('alerts.any') },
      order: 3,
      render: (_, alert) => (alert.severity ? <SeverityTag severity={alert.severity} /> : '—'),
    },
    {
      title: t('alerts.col.status'),
      dataIndex: 'status',
      key: 'status',
      valueType: 'select',
      valueEnum: valueEnum(ALERT_STATUSES, alertStatusLabel),
      fieldProps: { placeholder: t('alerts.any'), mode: 'multiple' },
      order: 5,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'status'),
      render: (_, alert) => (
        <>
          {alert.status ? <AlertStatusTag status={alert.status} /> : '—'}
          {alert.resolvedAt && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('alerts.resolvedAt', { at: formatDateTime(alert.resolvedAt) })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('alerts.col.license'),
      dataIndex: 'licenseId',
      key: 'licenseId',
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'licenseId'),
      fieldProps: { placeholder: t('alerts.licenseId.placeholder') },
      order: 2,
      width: 180,
      render: (_, alert) =>
        alert.licenseId ? (
          <Link to={`/licenses/${encodeURIComponent(alert.licenseId)}`} style={{ whiteSpace: 'nowrap' }}>
            {alert.licenseId}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('alerts.col.customer'),
      dataIndex: 'customerId',
      key: 'customerId',
      renderFormItem: () => <CustomerPicker />,
      order: 1,
      render: (_, alert) => (
        <PartyName party="customer" id={alert.customerId} name={customers.nameOf(alert.customerId)} />
      ),
    },
    {
      title: t('alerts.col.message'),
      dataIndex: 'message',
      key: 'message',
      search: false,
      render: (_, alert) => alert.message ?? '—',
    },
    {
      title: t('alerts.col.acknowledged'),
      dataIndex: 'acknowledgedAt',
      key: 'acknowledgedAt',
      search: false,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'acknowledgedAt'),
      render: (_, alert) =>
        alert.acknowledgedAt ? (
          <>
            {alert.acknowledgedBy ?? t('state.unknownName')}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatDateTime(alert.acknowledgedAt)}
            </Typography.Text>
          </>
        ) : alert.status === 'OPEN' ? (
          <Typography.Text type="secondary">{t('alerts.notAcknowledged')}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('alerts.col.actions'),
      key: 'actions',
      valueType: 'option',
      hideInTable: !mayAcknowledge,
      width: 140,
      render: (_, alert) =>
        alert.status === 'OPEN' ? (
          <Button
            size="small"
            loading={acknowledge.isPending && acknowledge.variables?.id === alert.id}
            disabled={acknowledge.isPending && acknowledge.variables?.id !== alert.id}
            aria-label={t('alerts.acknowledge.aria', {
              type: alert.type ? alertTypeLabel(alert.type) : '',
              licenseId: alert.licenseId ?? '',
            })}
            onClick={() => acknowledge.mutate(alert)}
          >
            {t('alerts.acknowledge')}
          </Button>
        ) : null,
    },
  ];

  const filtered = hasAlertFilters(state.filters);
  const total = alerts.data?.page?.totalElements ?? 0;

  return (
    <PageContainer title={t('alerts.title')} content={t('alerts.intro')}>
      <ProTable<AlertDto, FormValues>
        rowKey="id"
        columns={columns}
        dataSource={alerts.error ? [] : rows}
        loading={alerts.isFetching}
        formRef={formRef}
        form={{ initialValues: initialFilters }}
        search={{
          labelWidth: 'auto',
          defaultCollapsed: false,
          searchText: t('alerts.search'),
          resetText: t('alerts.reset'),
          collapseRender: false,
        }}
        onSubmit={(values) => go(withAlertFilters(state, values))}
        onReset={() => go(withAlertFilters(state, {}))}
        options={{ reload: () => void alerts.refetch(), density: false, setting: false }}
        headerTitle={
          alerts.data && !alerts.error ? t('alerts.count', { total: formatNumber(total) }) : undefined
        }
        tableExtraRender={() =>
          alerts.error ? <ErrorNotice error={alerts.error} onRetry={() => void alerts.refetch()} /> : null
        }
        locale={{
          emptyText: alerts.isPending ? (
            t('state.loading')
          ) : alerts.error ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alerts.empty.error')} />
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? t('alerts.empty.filtered') : t('alerts.empty.none')}
            >
              {filtered && (
                <Button onClick={() => go(withAlertFilters(state, {}))}>{t('alerts.clearFilters')}</Button>
              )}
            </Empty>
          ),
        }}
        pagination={{
          current: state.page,
          pageSize: state.size,
          total,
          showSizeChanger: true,
          pageSizeOptions: ALERT_PAGE_SIZES.map(String),
          showTotal: (count, [from, to]) => t('alerts.range', { from, to, total: formatNumber(count) }),
        }}
        onChange={(pagination: TablePaginationConfig, _filters, sorter) => {
          const sort = sortFrom(sorter);
          const size = pagination.pageSize ?? state.size;
          const sortChanged = sort.field !== state.sort.field || sort.order !== state.sort.order;
          const page = sortChanged || size !== state.size ? 1 : (pagination.current ?? 1);
          if (!sortChanged && size === state.size && page === state.page) return;
          go({ ...state, sort, size, page });
        }}
        scroll={{ x: 1100 }}
      />
    </PageContainer>
  );
}
