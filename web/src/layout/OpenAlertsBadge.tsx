import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { Link } from 'react-router-dom';
import { describeError } from '../components/SectionState';
import { formatNumber, t } from '../i18n';
import { alertKeys, fetchAlertStats } from '../pages/alerts/alertApi';
import { alertListUrl, UNRESOLVED } from '../pages/alerts/alertQuery';

/** How often the header asks for the count again while the app is open. */
export const OPEN_ALERTS_REFRESH_MS = 60_000;

/**
 * The count of alerts not yet resolved (open or acknowledged: the dashboard's open figure), linking
 * to that list. Shares the dashboard's query key under ['alerts'], so acknowledging an alert
 * anywhere refreshes it; refetched every minute.
 */
export function OpenAlertsBadge() {
  const stats = useQuery({
    queryKey: alertKeys.stats,
    queryFn: ({ signal }) => fetchAlertStats(signal),
    refetchInterval: OPEN_ALERTS_REFRESH_MS,
  });
  const count = stats.data?.open;
  const label =
    count !== undefined
      ? count === 0
        ? t('openAlerts.none')
        : t('openAlerts.count', { count: formatNumber(count) })
      : stats.error
        ? `${t('openAlerts.title')}: ${describeError(stats.error).title}`
        : t('openAlerts.title');

  return (
    <Link
      to={alertListUrl({ status: UNRESOLVED })}
      data-testid="open-alerts-badge"
      data-count={count ?? ''}
      aria-label={label}
      title={label}
      style={{ display: 'inline-flex', alignItems: 'center', paddingInline: 8, color: 'inherit' }}
    >
      <span aria-hidden>
        <Badge count={count} overflowCount={999} size="small">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </span>
    </Link>
  );
}
