import { Tag, Typography } from 'antd';
import { t, formatDate, type MessageKey } from '../i18n';

export const LICENSE_STATUSES = ['CREATED', 'DEPLOYED', 'IN_USE', 'RENEWED', 'EXPIRED', 'SUSPENDED', 'TERMINATED'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];
export const LICENSE_TYPES = ['SUBSCRIPTION', 'PERPETUAL', 'TRIAL', 'POC'] as const;
export const PRODUCT_TYPES = ['ENT', 'PRO'] as const;

// antd's preset tag colours: dark text on a light fill, AA contrast for every status.
const statusColor: Record<LicenseStatus, string> = {
  CREATED: 'default',
  DEPLOYED: 'blue',
  IN_USE: 'green',
  RENEWED: 'cyan',
  EXPIRED: 'orange',
  SUSPENDED: 'gold',
  TERMINATED: 'red',
};

export function statusLabel(status: string): string {
  return t(`licenseStatus.${status}` as MessageKey);
}

export function LicenseStatusTag({ status }: { status: string }) {
  return (
    <Tag color={statusColor[status as LicenseStatus] ?? 'default'} data-testid="license-status">
      {statusLabel(status)}
    </Tag>
  );
}

/** How urgent an expiry is: past, within 30 days, within 90 days, later, never. */
export type Urgency = 'expired' | 'critical' | 'soon' | 'ok' | 'none';

export function urgencyOf(daysToExpiry: number | null | undefined): Urgency {
  if (daysToExpiry === null || daysToExpiry === undefined) return 'none';
  if (daysToExpiry < 0) return 'expired';
  if (daysToExpiry <= 30) return 'critical';
  if (daysToExpiry <= 90) return 'soon';
  return 'ok';
}

// Typography types use antd's AA-contrast text colours.
const urgencyType: Record<Urgency, 'danger' | 'warning' | 'success' | 'secondary' | undefined> = {
  expired: 'danger',
  critical: 'danger',
  soon: 'warning',
  ok: undefined,
  none: 'secondary',
};

/** Expiry date with the days left, coloured by urgency. */
export function ExpiryText({ expiryDate, daysToExpiry }: { expiryDate?: string | null; daysToExpiry?: number | null }) {
  if (!expiryDate) return <Typography.Text type="secondary">{t('license.noExpiry')}</Typography.Text>;
  const urgency = urgencyOf(daysToExpiry);
  const days =
    daysToExpiry === null || daysToExpiry === undefined
      ? ''
      : daysToExpiry < 0
        ? t('license.expiredDaysAgo', { days: -daysToExpiry })
        : t('license.daysLeft', { days: daysToExpiry });
  return (
    <Typography.Text type={urgencyType[urgency]} data-urgency={urgency}>
      {formatDate(expiryDate)} {days && <span>({days})</span>}
    </Typography.Text>
  );
}
