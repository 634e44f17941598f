import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { ExclamationCircleOutlined, InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { components } from '../../api/schema/alert-service';
import { t, type MessageKey } from '../../i18n';

/** The alert vocabulary of the alert service, in the order people read it (worst first). */
export type AlertDto = components['schemas']['AlertDto'];
export type AlertType = NonNullable<AlertDto['type']>;
export type AlertSeverity = NonNullable<AlertDto['severity']>;
export type AlertStatus = NonNullable<AlertDto['status']>;

export const ALERT_TYPES = [
  'EXPIRED',
  'EXPIRING_30',
  'EXPIRING_60',
  'EXPIRING_90',
  'OVERUSE_USERS',
  'OVERUSE_WORKSPACES',
  'INACTIVE',
  'IRREGULAR_USAGE',
] as const satisfies readonly AlertType[];

export const ALERT_SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'] as const satisfies readonly AlertSeverity[];

export const ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const satisfies readonly AlertStatus[];

export function alertTypeLabel(type: string): string {
  return t(`alertType.${type}` as MessageKey);
}

export function severityLabel(severity: string): string {
  return t(`alertSeverity.${severity}` as MessageKey);
}

export function alertStatusLabel(status: string): string {
  return t(`alertStatus.${status}` as MessageKey);
}

/**
 * Severity colours: the theme's AA colours as solid tags with white text (contrast 5.4–6.3:1); an
 * icon per severity so colour is not the only cue.
 */
export const SEVERITY_COLOR: Record<AlertSeverity, string> = {
  CRITICAL: '#cf1322',
  WARNING: '#ad4e00',
  INFO: '#1456d8',
};

const severityIcon: Record<AlertSeverity, ReactNode> = {
  CRITICAL: <ExclamationCircleOutlined aria-hidden />,
  WARNING: <WarningOutlined aria-hidden />,
  INFO: <InfoCircleOutlined aria-hidden />,
};

export function SeverityTag({ severity }: { severity: string }) {
  const known = severity as AlertSeverity;
  return (
    <Tag color={SEVERITY_COLOR[known] ?? '#595959'} icon={severityIcon[known]} data-testid="alert-severity">
      {severityLabel(severity)}
    </Tag>
  );
}

// antd presets whose text passes AA on their fill: red 5.1:1, blue 5.5:1, default (near-black).
const statusColor: Record<AlertStatus, string> = {
  OPEN: 'red',
  ACKNOWLEDGED: 'blue',
  RESOLVED: 'default',
};

export function AlertStatusTag({ status }: { status: string }) {
  return (
    <Tag color={statusColor[status as AlertStatus] ?? 'default'} data-testid="alert-status">
      {alertStatusLabel(status)}
    </Tag>
  );
}
