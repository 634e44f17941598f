import { Component, Suspense, type ReactNode } from 'react';
import { Alert, Skeleton, Statistic, Typography } from 'antd';
import { StatisticCard } from '@ant-design/pro-components';
import { Link } from 'react-router-dom';
import { formatNumber, t } from '../../i18n';

/** Building blocks of the dashboard: figures that link to the list they count, chart slots. */

interface FigureLinkProps {
  value: number;
  to: string;
  /** What is counted, for the link's accessible name ("11 active licenses"). */
  what: string;
  testId?: string;
}

/** The number itself, as a link to the list it counts; its text is the number only. */
export function FigureLink({ value, to, what, testId }: FigureLinkProps) {
  const shown = formatNumber(value);
  return (
    <Link to={to} data-testid={testId} aria-label={t('dashboard.figureLink', { count: shown, what })}>
      {shown}
    </Link>
  );
}

interface FigureCardProps extends FigureLinkProps {
  title: ReactNode;
  description?: ReactNode;
  /** Colours the number's card edge when it calls for attention (non-zero). */
  tone?: 'danger' | 'warning';
}

const toneColor = { danger: '#cf1322', warning: '#ad4e00' } as const;

/** A headline figure in a card: title, the linked number, an optional line under it. */
export function FigureCard({ title, description, tone, ...link }: FigureCardProps) {
  const alerting = tone !== undefined && link.value > 0;
  return (
    <StatisticCard
      bordered
      style={alerting ? { borderInlineStart: `4px solid ${toneColor[tone]}` } : undefined}
      statistic={{
        title,
        value: link.value,
        formatter: () => <FigureLink {...link} />,
        description: description && <Typography.Text type="secondary">{description}</Typography.Text>,
      }}
    />
  );
}

/** A smaller figure inside a card (per status, per product type, per severity). */
export function SmallFigure({ title, ...link }: FigureLinkProps & { title: ReactNode }) {
  return (
    <Statistic
      title={title}
      value={link.value}
      valueStyle={{ fontSize: 20 }}
      formatter={() => <FigureLink {...link} />}
    />
  );
}

/** A heading for a section or card title, so the page has a heading outline. */
export function SectionHeading({ children, level = 2 }: { children: ReactNode; level?: 2 | 3 }) {
  return (
    <Typography.Title level={level} style={{ margin: 0, fontSize: level === 2 ? 18 : 16 }}>
      {children}
    </Typography.Title>
  );
}

export function ChartSkeleton() {
  return (
    <div role="status" aria-label={t('dashboard.chartLoading')} data-testid="chart-skeleton">
      <Skeleton.Node active style={{ width: '100%', height: 240 }}>
        <span />
      </Skeleton.Node>
    </div>
  );
}

interface BoundaryState {
  failed: boolean;
}

/**
 * If the chart code cannot be loaded (offline, or a new version was deployed meanwhile), says so in
 * place of the chart; the figures beside it are complete.
 */
class ChartBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  render() {
    if (this.state.failed) {
      return (
        <Alert
          type="info"
          showIcon
          message={t('dashboard.chartFailed')}
          description={t('dashboard.chartFailedDetail')}
        />
      );
    }
    return this.props.children;
  }
}

/** Where a lazily loaded chart goes: its skeleton while the chart code loads. */
export function ChartSlot({ children }: { children: ReactNode }) {
  return (
    <ChartBoundary>
      <Suspense fallback={<ChartSkeleton />}>{children}</Suspense>
    </ChartBoundary>
  );
}
