import { Tag, Typography } from 'antd';
import { t, formatDate, type MessageKey } from '../i18n';

export const LICENSE_STATUSES = [
  'CREATED',
  'DEPLOYED',
  'IN_USE',
  'RENEWED',
  'EXPIRED',
  'SUSPENDED',
  'TERMINATED',
] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];
export const LICENSE_TYPES = ['SUBSCRIPTION', 'PERPETUAL', 'TRIAL', 'POC'] as const;
export const PRODUCT_TYPES = ['ENT', 'PRO'] as const;

// Dark text on a light fill from antd's palettes (the 9th/10th shade on the 1st): every pair is
// above 7:1, well past WCAG AA's 4.5:1; antd's preset tag colours are not (about 3:1 for green).
const statusColors: Record<LicenseStatus, { color: string; background: string; border: string }> = {
  CREATED: { color: '#434343', background: '#f5f5f5', border: '#d9d9d9' },
  DEPLOYED: { color: '#003eb3', background: '#e6f4ff', border: '#91caff' },
  IN_USE: { color: '#135200', background: '#f6ffed', border: '#b7eb8f' },
  RENEWED: { color: '#00474f', background: '#e6fffb', border: '#87e8de' },
  EXPIRED: { color: '#873800', background: '#fff7e6', border: '#ffd591' },
  SUSPENDED: { color: '#614700', background: '#fffbe6', border: '#ffe58f' },
  TERMINATED: { color: '#a8071a', background: '#fff1f0', border: '#ffa39e' },
};

export function statusLabel(status: string): string {
  return t(`licenseStatus.${status}` as MessageKey);
}

export function LicenseStatusTag({ status }: { status: string }) {
  const colors = statusColors[status as LicenseStatus] ?? statusColors.CREATED;
  return (
    <Tag
      style={{ color: colors.color, background: colors.background, borderColor: colors.border }}
      data-testid="license-status"
    >
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
export function ExpiryText({
  expiryDate,
  daysToExpiry,
}: {
  expiryDate?: string | null;
  daysToExpiry?: number | null;
}) {
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
