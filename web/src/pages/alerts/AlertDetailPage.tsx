import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { alertApi } from '../../api/clients';
import { ApiError } from '../../api/problem';
import { can } from '../../auth/roles';
import { useSession } from '../../auth/useSession';
import { describeError, SectionState } from '../../components/SectionState';
import { statusLabel } from '../../domain/license';
import { useNames } from '../../domain/names';
import { formatDate, formatDateTime, formatNumber, t, type MessageKey } from '../../i18n';
import { LinkButton } from '../licenses/LinkButton';
import { PartyNameOf } from '../licenses/PartyNameOf';
import { acknowledgeAlert, alertKeys } from './alertApi';
import { alertListUrl } from './alertQuery';
import { AlertStatusTag, alertTypeLabel, SeverityTag, type AlertDto } from './alertVocabulary';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The detail query: under ['alerts'], so acknowledging anywhere refreshes it (and the badge). */
const detailKey = (id: string) => [...alertKeys.all, 'detail', id] as const;

async function fetchAlert(id: string, signal?: AbortSignal): Promise<AlertDto> {
  const { data } = await alertApi.GET('/api/v1/alerts/{id}', { params: { path: { id } }, signal });
  return data ?? {};
}

/** The alert rules' details, as people call them; an unknown key shows as it is. */
const detailLabels: Record<string, MessageKey> = {
  expiryDate: 'alertDetail.details.expiryDate',
  daysToExpiry: 'alertDetail.details.daysToExpiry',
  status: 'alertDetail.details.status',
  lastUsageReportedAt: 'alertDetail.details.lastUsageReportedAt',
  silentDays: 'alertDetail.details.silentDays',
  afterDays: 'alertDetail.details.afterDays',
  measure: 'alertDetail.details.measure',
  value: 'alertDetail.details.value',
  used: 'alertDetail.details.used',
  authorized: 'alertDetail.details.authorized',
  tolerancePercent: 'alertDetail.details.tolerancePercent',
  reportedAt: 'alertDetail.details.reportedAt',
  previous: 'alertDetail.details.previous',
  median: 'alertDetail.details.median',
  mad: 'alertDetail.details.mad',
  deviations: 'alertDetail.details.deviations',
  threshold: 'alertDetail.details.threshold',
  historyReports: 'alertDetail.details.historyReports',
  method: 'alertDetail.details.method',
};

const measureLabels: Record<string, MessageKey> = {
  users: 'alertDetail.measure.users',
  workspaces: 'alertDetail.measure.workspaces',
};

function detailValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || value === 'null') return '—';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? t('alertDetail.yes') : t('alertDetail.no');
  if (typeof value === 'string') {
    if (key === 'status') return statusLabel(value);
    if (key === 'measure' && measureLabels[value]) return t(measureLabels[value]);
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    return UUID.test(value) ? '—' : value;
  }
  return JSON.stringify(value);
}

/** What to tell the user when acknowledging failed (as on the list: a conflict's detail names ids). */
function acknowledgeFailure(error: unknown) {
  if (error instanceof ApiError && (error.status === 409 || error.status === 412)) {
    return {
      message: t(error.status === 409 ? 'alerts.acknowledge.resolved' : 'alerts.acknowledge.changed'),
      description: t('alertDetail.acknowledge.refreshed'),
      type: 'warning' as const,
    };
  }
  const { title, detail, type } = describeError(error);
  return { message: title, description: detail, type };
}

function Facts({ alert }: { alert: AlertDto }) {
  const customers = useNames('customer', [alert.customerId]);
  const resellers = useNames('reseller', [alert.resellerId]);
  const details = Object.entries(alert.details ?? {});
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            label: t('alertDetail.type'),
            key: 'type',
            children: alert.type ? alertTypeLabel(alert.type) : '—',
          },
          {
            label: t('alertDetail.severity'),
            key: 'severity',
            children: alert.severity ? <SeverityTag severity={alert.severity} /> : '—',
          },
          {
            label: t('alertDetail.status'),
            key: 'status',
            children: alert.status ? <AlertStatusTag status={alert.status} /> : '—',
          },
          {
            label: t('alertDetail.license'),
            key: 'license',
            children: alert.licenseId ? (
              <Link to={`/licenses/${encodeURIComponent(alert.licenseId)}`}>{alert.licenseId}</Link>
            ) : (
              '—'
            ),
          },
          {
            label: t('alertDetail.customer'),
            key: 'customer',
            children: <PartyNameOf party="customer" id={alert.customerId} names={customers} />,
          },
          {
            label: t('alertDetail.reseller'),
            key: 'reseller',
            children: alert.resellerId ? (
              <PartyNameOf party="reseller" id={alert.resellerId} names={resellers} />
            ) : (
              <Typography.Text type="secondary">{t('alertDetail.noReseller')}</Typography.Text>
            ),
          },
          {
            label: t('alertDetail.raisedAt'),
            key: 'raisedAt',
            children: formatDateTime(alert.raisedAt),
          },
          {
            label: t('alertDetail.acknowledged'),
            key: 'acknowledged',
            children: alert.acknowledgedAt ? (
              <span>
                {t('alertDetail.acknowledgedBy', {
                  who: alert.acknowledgedBy ?? t('state.unknownName'),
                  when: formatDateTime(alert.acknowledgedAt),
                })}
              </span>
            ) : (
              <Typography.Text type="secondary">{t('alerts.notAcknowledged')}</Typography.Text>
            ),
          },
          {
            label: t('alertDetail.resolvedAt'),
            key: 'resolvedAt',
            children: alert.resolvedAt ? (
              formatDateTime(alert.resolvedAt)
            ) : (
              <Typography.Text type="secondary">{t('alertDetail.notResolved')}</Typography.Text>
            ),
          },
          {
            label: t('alertDetail.message'),
            key: 'message',
            span: 3,
            children: alert.message ?? '—',
          },
        ]}
      />
      <Card
        size="small"
        title={
          <span role="heading" aria-level={2}>
            {t('alertDetail.details')}
          </span>
        }
      >
        {details.length ? (
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            {details.map(([key, value]) => (
              <Descriptions.Item key={key} label={detailLabels[key] ? t(detailLabels[key]) : key}>
                {detailValue(key, value)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('alertDetail.noDetails')}</Typography.Text>
        )}
      </Card>
    </Space>
  );
}

/**
 * One alert at /alerts/:id: every field, the license and customer, who acknowledged it and when;
 * an open alert can be acknowledged here as on the list.
 */
export default function AlertDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const valid = UUID.test(id);
  const query = useQuery({
    queryKey: detailKey(id),
    queryFn: ({ signal }) => fetchAlert(id, signal),
    enabled: valid,
  });
  const alert = query.data;

  const { roles } = useSession();
  const { message, notification } = App.useApp();
  const queryClient = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: acknowledgeAlert,
    onSuccess: (saved, sent) => {
      if (saved) queryClient.setQueryData(detailKey(id), saved);
      void message.success(t('alerts.acknowledged', { licenseId: sent.licenseId ?? '' }));
    },
    onError: (error) => {
      const { type, ...content } = acknowledgeFailure(error);
      notification[type]({ ...content, placement: 'topRight' });
    },
    // The lists, this page, the dashboard's counts and the header's badge all live under ['alerts'].
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  });

  if (!valid || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('alertDetail.notFound')}
        subTitle={t('state.notFoundDetail')}
        extra={
          <LinkButton to="/alerts" type="primary">
            {t('alertDetail.backToList')}
          </LinkButton>
        }
      />
    );
  }

  const title = alert?.type ? alertTypeLabel(alert.type) : t('alertDetail.title');
  const mayAcknowledge = can.acknowledgeAlert(roles) && alert?.status === 'OPEN';

  return (
    <PageContainer
      title={title}
      subTitle={alert?.licenseId}
      tags={
        alert ? (
          <Space size={4}>
            {alert.severity && <SeverityTag severity={alert.severity} />}
            {alert.status && <AlertStatusTag status={alert.status} />}
          </Space>
        ) : undefined
      }
      breadcrumb={{
        items: [{ title: <Link to={alertListUrl({})}>{t('alerts.title')}</Link> }, { title }],
      }}
      extra={
        mayAcknowledge && alert ? (
          <Button
            type="primary"
            loading={acknowledge.isPending}
            onClick={() => acknowledge.mutate(alert)}
            aria-label={t('alerts.acknowledge.aria', { type: title, licenseId: alert.licenseId ?? '' })}
          >
            {t('alerts.acknowledge')}
          </Button>
        ) : undefined
      }
    >
      <Card>
        <SectionState query={query} rows={6}>
          {(data) => <Facts alert={data} />}
        </SectionState>
      </Card>
    </PageContainer>
  );
}
