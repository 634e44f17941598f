import { useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer, ProTable, type ProColumns, type ProFormInstance } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, Typography, type TablePaginationConfig } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../components/SectionState';
import { formatDateTime, formatNumber, t } from '../../i18n';
import {
  ALERT_PAGE_SIZES,
  alertSearchParams,
  hasAlertFilters,
  parseAlertListState,
  toAlertApiQuery,
  withAlertFilters,
  type AlertFilters,
  type AlertListState,
} from '../alerts/alertQuery';
import {
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  ALERT_TYPES,
  AlertStatusTag,
  alertStatusLabel,
  alertTypeLabel,
  SeverityTag,
  severityLabel,
} from '../alerts/alertVocabulary';
import { PartnerCustomerName, partnerPaths } from './partnerParts';
import {
  fetchPartnerAlerts,
  partnerKeys,
  usePartnerCustomerNames,
  type PartnerAlert,
  type PartnerAlertQuery,
} from './partnerQueries';

type FormValues = { status?: string[]; type?: string; severity?: string; licenseId?: string };

function valueEnum(values: readonly string[], label: (value: string) => string) {
  return Object.fromEntries(values.map((value) => [value, { text: label(value) }]));
}

/** The partner list has no customer filter: the state without it. */
function partnerState(state: AlertListState): AlertListState {
  const filters = { ...state.filters };
  delete filters.customerId;
  return { ...state, filters };
}

function formValuesOf(filters: AlertFilters): FormValues {
  const { status, type, severity, licenseId } = filters;
  return { status, type, severity, licenseId };
}

/** The alerts of the reseller's licenses at /partner/alerts: filters and page in the URL. */
export default function PartnerAlertListPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const state = useMemo(() => partnerState(parseAlertListState(new URLSearchParams(search))), [search]);
  const apiQuery: PartnerAlertQuery = useMemo(() => toAlertApiQuery(state), [state]);
  const go = (next: AlertListState) => setSearchParams(alertSearchParams(partnerState(next)));

  const alerts = useQuery({
    queryKey: partnerKeys.alertList(apiQuery),
    queryFn: ({ signal }) => fetchPartnerAlerts(apiQuery, signal),
    placeholderData: keepPreviousData,
  });
  const rows = alerts.error ? [] : (alerts.data?.content ?? []);
  const customers = usePartnerCustomerNames();

  const formRef = useRef<ProFormInstance<FormValues>>(undefined);
  const [initialValues] = useState(() => formValuesOf(state.filters));
  useEffect(() => {
    formRef.current?.setFieldsValue(formValuesOf(state.filters));
  }, [state.filters]);

  const filtered = hasAlertFilters(state.filters);
  const clear = () => go(withAlertFilters(state, {}));
  const total = alerts.data?.page?.totalElements ?? 0;

  const columns: ProColumns<PartnerAlert>[] = [
    {
      title: t('alerts.col.raisedAt'),
      key: 'raisedAt',
      search: false,
      width: 170,
      render: (_, alert) => formatDateTime(alert.raisedAt),
    },
    {
      title: t('alerts.col.type'),
      dataIndex: 'type',
      key: 'type',
      valueType: 'select',
      valueEnum: valueEnum(ALERT_TYPES, alertTypeLabel),
      fieldProps: { placeholder: t('partner.any') },
      order: 3,
      render: (_, alert) => (alert.type ? alertTypeLabel(alert.type) : '—'),
    },
    {
      title: t('alerts.col.severity'),
      dataIndex: 'severity',
      key: 'severity',
      valueType: 'select',
      valueEnum: valueEnum(ALERT_SEVERITIES, severityLabel),
      fieldProps: { placeholder: t('partner.any') },
      order: 2,
      render: (_, alert) => (alert.severity ? <SeverityTag severity={alert.severity} /> : '—'),
    },
    {
      title: t('alerts.col.status'),
      dataIndex: 'status',
      key: 'status',
      valueType: 'select',
      valueEnum: valueEnum(ALERT_STATUSES, alertStatusLabel),
      fieldProps: { placeholder: t('partner.any'), mode: 'multiple' },
      order: 4,
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
      fieldProps: { placeholder: t('alerts.licenseId.placeholder') },
      order: 1,
      width: 180,
      render: (_, alert) =>
        alert.licenseId ? (
          <Link to={partnerPaths.license(alert.licenseId)} style={{ whiteSpace: 'nowrap' }}>
            {alert.licenseId}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('alerts.col.customer'),
      key: 'customer',
      search: false,
      render: (_, alert) => <PartnerCustomerName id={alert.customerId} names={customers} />,
    },
    {
      title: t('alerts.col.message'),
      key: 'message',
      search: false,
      render: (_, alert) => alert.message ?? '—',
    },
    {
      title: t('alerts.col.acknowledged'),
      key: 'acknowledgedAt',
      search: false,
      render: (_, alert) =>
        alert.acknowledgedAt ? (
          formatDateTime(alert.acknowledgedAt)
        ) : (
          <Typography.Text type="secondary">
            {alert.status === 'OPEN' ? t('alerts.notAcknowledged') : '—'}
          </Typography.Text>
        ),
    },
  ];

  return (
    <PageContainer title={t('partner.alerts.title')} content={t('partner.alerts.intro')}>
      <ProTable<PartnerAlert, FormValues>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={alerts.isFetching}
        formRef={formRef}
        form={{ initialValues }}
        search={{
          labelWidth: 'auto',
          defaultCollapsed: false,
          collapseRender: false,
          searchText: t('partner.search'),
          resetText: t('partner.reset'),
        }}
        onSubmit={(values) => go(withAlertFilters(state, values))}
        onReset={clear}
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
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partner.empty.error')} />
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? t('alerts.empty.filtered') : t('partner.alerts.empty.none')}
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
          pageSizeOptions: ALERT_PAGE_SIZES.map(String),
          showTotal: (count, [from, to]) => t('partner.range', { from, to, total: formatNumber(count) }),
        }}
        onChange={(pagination: TablePaginationConfig) => {
          const size = pagination.pageSize ?? state.size;
          const page = size !== state.size ? 1 : (pagination.current ?? 1);
          if (size !== state.size || page !== state.page) go({ ...state, size, page });
        }}
        scroll={{ x: 1100 }}
      />
    </PageContainer>
  );
}
