import {
  ImportOutlined,
  SafetyCertificateOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloudServerOutlined,
  FileAddOutlined,
  ShoppingCartOutlined,
  SwapOutlined,
  ThunderboltOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Space, Tag, Timeline, Typography, type TimelineItemProps } from 'antd';
import type { ReactNode } from 'react';
import { SectionState } from '../../../components/SectionState';
import { statusLabel } from '../../../domain/license';
import { formatDate, formatDateTime, formatMoney, t } from '../../../i18n';
import {
  environmentLabel,
  purchaseTypeLabel,
  timelineLabel,
  usageText,
  withoutIds,
  type TimelineEntry,
  type TimelineType,
} from '../licenseFormat';
import { Section } from './Section';

type Details = Record<string, unknown>;

/** The entry's details (free-form JSON per type) as a plain object. */
function detailsOf(entry: TimelineEntry): Details {
  const details: unknown = entry.details;
  return details && typeof details === 'object' && !Array.isArray(details) ? (details as Details) : {};
}
const str = (d: Details, key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
const num = (d: Details, key: string) => (typeof d[key] === 'number' ? (d[key] as number) : undefined);

const look: Record<TimelineType, { color: string; icon: ReactNode }> = {
  ORDERED: { color: 'gray', icon: <FileAddOutlined /> },
  CREATED: { color: 'blue', icon: <FileAddOutlined /> },
  PURCHASE: { color: 'green', icon: <ShoppingCartOutlined /> },
  DEPLOYMENT: { color: 'blue', icon: <CloudServerOutlined /> },
  FIRST_USE: { color: 'green', icon: <ThunderboltOutlined /> },
  OVERUSE_STARTED: { color: 'red', icon: <WarningOutlined /> },
  OVERUSE_ENDED: { color: 'green', icon: <CheckCircleOutlined /> },
  STATUS_CHANGED: { color: 'blue', icon: <SwapOutlined /> },
  EXPIRY: { color: 'orange', icon: <ClockCircleOutlined /> },
  FILE_ISSUED: { color: 'blue', icon: <SafetyCertificateOutlined /> },
  USAGE_IMPORTED: { color: 'green', icon: <ImportOutlined /> },
};

/** What happened, in words built from the entry's details (the server's summary as a fallback). */
function describe(entry: TimelineEntry): string {
  const d = detailsOf(entry);
  switch (entry.type) {
    case 'ORDERED':
    case 'CREATED':
    case 'EXPIRY':
      return '';
    case 'PURCHASE': {
      const start = str(d, 'periodStart');
      const end = str(d, 'periodEnd');
      return [
        purchaseTypeLabel(str(d, 'type')),
        formatMoney(num(d, 'amount'), str(d, 'currency')),
        start || end
          ? t('licenses.purchase.periodRange', { from: formatDate(start), to: formatDate(end) })
          : '',
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'DEPLOYMENT':
      return [
        str(d, 'engineerName'),
        str(d, 'environment') && environmentLabel(str(d, 'environment')),
        str(d, 'productVersion'),
      ]
        .filter(Boolean)
        .join(' · ');
    case 'FIRST_USE':
    case 'OVERUSE_STARTED':
    case 'OVERUSE_ENDED':
      return (
        usageText({
          usage: { users: num(d, 'users'), workspaces: num(d, 'workspaces') },
          authorizedUsers: num(d, 'authorizedUsers'),
          authorizedWorkspaces: num(d, 'authorizedWorkspaces'),
        }) ?? withoutIds(entry.summary)
      );
    case 'STATUS_CHANGED': {
      const from = str(d, 'from');
      const to = str(d, 'to');
      const change =
        from && to
          ? t('licenses.timeline.statusChange', { from: statusLabel(from), to: statusLabel(to) })
          : '';
      return [change, withoutIds(str(d, 'reason'))].filter(Boolean).join(' · ') || withoutIds(entry.summary);
    }
    case 'FILE_ISSUED':
      return t('licenses.timeline.fileIssued', {
        serial: str(d, 'fileSerial') ?? '',
        version: num(d, 'licenseVersion') ?? '',
      });
    case 'USAGE_IMPORTED':
      return [
        str(d, 'instanceName'),
        t('licenses.timeline.usageImported', {
          entries: num(d, 'entries') ?? 0,
          users: num(d, 'users') ?? 0,
          workspaces: num(d, 'workspaces') ?? 0,
        }),
      ]
        .filter(Boolean)
        .join(' · ');
    default:
      return withoutIds(entry.summary);
  }
}

/** When: the day for dated facts (order, expiry), the moment for the others. */
function whenOf(entry: TimelineEntry): string {
  const d = detailsOf(entry);
  if (entry.type === 'ORDERED') return formatDate(str(d, 'orderDate') ?? entry.at);
  if (entry.type === 'EXPIRY') return formatDate(str(d, 'expiryDate') ?? entry.at);
  return formatDateTime(entry.at);
}

function itemOf(entry: TimelineEntry, now: number): TimelineItemProps {
  const upcoming = !!entry.at && Date.parse(entry.at) > now;
  const style = entry.type ? look[entry.type] : undefined;
  const description = describe(entry);
  return {
    color: upcoming ? 'gray' : (style?.color ?? 'gray'),
    dot: style?.icon,
    children: (
      <Space direction="vertical" size={0}>
        <Space size="small" wrap>
          <Typography.Text strong>{timelineLabel(entry.type)}</Typography.Text>
          {upcoming && <Tag>{t('licenses.timeline.upcoming')}</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {whenOf(entry)}
          {entry.actor && <> · {t('licenses.timeline.by', { actor: entry.actor })}</>}
        </Typography.Text>
        {description && <Typography.Text>{description}</Typography.Text>}
      </Space>
    ),
  };
}

/** The license's life: order, creation, purchases, deployments, usage milestones, status changes, expiry. */
export function TimelineSection({ query }: { query: UseQueryResult<TimelineEntry[]> }) {
  return (
    <Section title={t('licenses.section.timeline')} testId="section-timeline">
      <SectionState
        query={query}
        rows={5}
        isEmpty={(entries) => entries.length === 0}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licenses.timeline.empty')} />}
      >
        {(entries) => {
          const now = Date.now();
          const time = (e: TimelineEntry) => Date.parse(e.at ?? '') || 0;
          const sorted = [...entries].sort((a, b) => time(a) - time(b));
          return (
            <Timeline style={{ marginBlockStart: 8 }} items={sorted.map((entry) => itemOf(entry, now))} />
          );
        }}
      </SectionState>
    </Section>
  );
}
