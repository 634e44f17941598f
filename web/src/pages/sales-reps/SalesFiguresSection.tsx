import { useQuery } from '@tanstack/react-query';
import { Col, DatePicker, Empty, Form, Row, Statistic, Typography, type TimeRangePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, useId, useMemo, type CSSProperties, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { SectionState } from '../../components/SectionState';
import { formatDate, formatMoney, formatNumber, t } from '../../i18n';
import { ChartSlot } from '../dashboard/DashboardFigures';
import { Section } from '../licenses/detail/Section';
import {
  figuresOf,
  parsePeriod,
  plainNumber,
  purchaseChartData,
  purchaseTypeName,
  withPeriod,
  type Period,
  type SalesStats,
} from './salesFigures';
import { fetchSalesStats, type StatsFilter } from './salesRepData';

// The chart library is large: its own chunk, loaded once there are purchases to draw.
const PurchasesChart = lazy(() => import('./SalesFiguresChart'));

/** Present for the browser tests and the accessibility tree's twin, out of sight. */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

interface FigureProps {
  title: ReactNode;
  /** The figure as people read it: "€48,000.00", "67 %". */
  display: string;
  /** The endpoint's number (see plainNumber), in a `data-testid` element for the browser tests. */
  plain: string;
  testId: string;
  description?: ReactNode;
}

/** A figure: its title, the number formatted for people, and its plain twin for the tests. */
function Figure({ title, display, plain, testId, description }: FigureProps) {
  return (
    <div style={{ position: 'relative' }}>
      <Statistic
        title={title}
        value={display}
        formatter={() => (
          <>
            <span>{display}</span>
            <span data-testid={testId} aria-hidden style={visuallyHidden}>
              {plain}
            </span>
          </>
        )}
      />
      {description && <Typography.Text type="secondary">{description}</Typography.Text>}
    </div>
  );
}

function percent(rate: number): string {
  return (rate * 100).toLocaleString(undefined, { maximumFractionDigits: 1 }) + ' %';
}

function SubHeading({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={3} style={{ fontSize: 14, marginBlock: '16px 8px' }}>
      {children}
    </Typography.Title>
  );
}

function Figures({ stats, prefix }: { stats: SalesStats; prefix: string }) {
  // Same arrays while the stats are the same: the chart does not redraw on every render.
  const view = useMemo(() => figuresOf(stats), [stats]);
  const chartData = useMemo(() => purchaseChartData(view), [view]);
  const rateDescription =
    view.renewalRate === null
      ? t('sales.renewalRate.none')
      : t('sales.renewalRate.detail', {
          renewed: formatNumber(view.licensesRenewed),
          due: formatNumber(view.licensesDue),
        });
  return (
    <>
      {view.quiet && (
        <Typography.Paragraph type="secondary" data-testid={`${prefix}-quiet`}>
          {t('sales.quiet')}
        </Typography.Paragraph>
      )}
      <Row gutter={[32, 16]}>
        <Col xs={12} md={6}>
          <Figure
            title={t('sales.newLicenses')}
            display={formatNumber(view.newLicenses)}
            plain={plainNumber(view.newLicenses)}
            testId={`${prefix}-newLicenses`}
          />
        </Col>
        <Col xs={12} md={6}>
          <Figure
            title={t('sales.purchaseCount')}
            display={formatNumber(view.purchaseCount)}
            plain={plainNumber(view.purchaseCount)}
            testId={`${prefix}-purchaseCount`}
          />
        </Col>
        <Col xs={12} md={6}>
          <Figure
            title={t('sales.renewalRate')}
            display={view.renewalRate === null ? '—' : percent(view.renewalRate)}
            plain={plainNumber(view.renewalRate)}
            testId={`${prefix}-renewalRate`}
            description={rateDescription}
          />
        </Col>
        <Col xs={12} md={6}>
          <Figure
            title={t('sales.licensesDue')}
            display={formatNumber(view.licensesDue)}
            plain={plainNumber(view.licensesDue)}
            testId={`${prefix}-licensesDue`}
            description={
              <span>
                {t('sales.licensesRenewed')} <span>{formatNumber(view.licensesRenewed)}</span>
                <span data-testid={`${prefix}-licensesRenewed`} aria-hidden style={visuallyHidden}>
                  {plainNumber(view.licensesRenewed)}
                </span>
              </span>
            }
          />
        </Col>
      </Row>

      <SubHeading>{t('sales.revenue')}</SubHeading>
      {view.revenue.length === 0 ? (
        <Typography.Text type="secondary">{t('sales.revenue.none')}</Typography.Text>
      ) : (
        <>
          <Row gutter={[32, 16]}>
            {view.revenue.map(({ currency, amount }) => (
              <Col xs={12} md={6} key={currency}>
                <Figure
                  title={t('sales.revenue.in', { currency })}
                  display={formatMoney(amount, currency)}
                  plain={plainNumber(amount)}
                  testId={`${prefix}-revenue-${currency}`}
                />
              </Col>
            ))}
          </Row>
          {view.revenue.length > 1 && (
            <Typography.Paragraph type="secondary" style={{ marginBlock: '8px 0' }}>
              {t('sales.revenue.notConverted')}
            </Typography.Paragraph>
          )}
        </>
      )}

      <SubHeading>{t('sales.byType')}</SubHeading>
      <Row gutter={[32, 16]}>
        {view.counts.map(({ type, count }) => (
          <Col xs={12} md={6} key={type}>
            <Figure
              title={purchaseTypeName(type)}
              display={formatNumber(count)}
              plain={plainNumber(count)}
              testId={`${prefix}-count-${type}`}
            />
          </Col>
        ))}
      </Row>
      {view.purchaseCount > 0 && (
        <div style={{ marginBlockStart: 16 }}>
          <ChartSlot>
            <PurchasesChart data={chartData} />
          </ChartSlot>
        </div>
      )}
    </>
  );
}

function presets(): TimeRangePickerProps['presets'] {
  const today = dayjs();
  return [
    { label: t('sales.period.thisYear'), value: [today.startOf('year'), today.endOf('year')] },
    {
      label: t('sales.period.lastYear'),
      value: [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')],
    },
    { label: t('sales.period.yearToDate'), value: [today.startOf('year'), today] },
    { label: t('sales.period.last12Months'), value: [today.subtract(12, 'month').add(1, 'day'), today] },
    { label: t('sales.period.thisMonth'), value: [today.startOf('month'), today.endOf('month')] },
  ];
}

interface Props {
  /** One rep's or one reseller's figures. */
  filter: StatsFilter;
  /** The query key of the figures for a period, under the rep's or reseller's own key. */
  queryKey: (period: Period) => readonly unknown[];
  title: string;
  /** The section's `data-testid`. */
  testId: string;
  /** The figures' `data-testid` prefix: `rep-stat` gives `rep-stat-newLicenses`, … */
  figurePrefix: string;
}

/**
 * Sales performance for a chosen period (this year unless the URL's ?from=&to= says otherwise):
 * new licenses, purchases, renewal rate, revenue per currency and purchases per type, with a chart.
 * A section of its own: when sales-service is down, it says so and the rest of the page works.
 */
export function SalesFiguresSection({ filter, queryKey, title, testId, figurePrefix }: Props) {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const period = useMemo(() => parsePeriod(new URLSearchParams(search)), [search]);
  const pickerId = useId();

  const stats = useQuery({
    queryKey: queryKey(period),
    queryFn: ({ signal }) => fetchSalesStats(period, filter, signal),
  });

  const choose = (range: [Dayjs | null, Dayjs | null] | null) => {
    const [from, to] = range ?? [null, null];
    if (!from || !to) return;
    setParams(
      withPeriod(new URLSearchParams(search), {
        from: from.format('YYYY-MM-DD'),
        to: to.format('YYYY-MM-DD'),
      }),
    );
  };

  const picker = (
    <Form layout="inline" component="div">
      <Form.Item label={t('sales.period')} htmlFor={`${pickerId}-from`} style={{ marginInlineEnd: 0 }}>
        <DatePicker.RangePicker
          id={{ start: `${pickerId}-from`, end: `${pickerId}-to` }}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(range) => choose(range as [Dayjs | null, Dayjs | null] | null)}
          allowClear={false}
          presets={presets()}
          placeholder={[t('sales.period.from'), t('sales.period.to')]}
        />
      </Form.Item>
    </Form>
  );

  return (
    <Section title={title} testId={testId} extra={picker}>
      <Typography.Paragraph type="secondary">
        {t('sales.period.showing', { from: formatDate(period.from), to: formatDate(period.to) })}
      </Typography.Paragraph>
      <SectionState
        query={stats}
        rows={6}
        isEmpty={(data) => !data}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sales.quiet')} />}
      >
        {(data) => <Figures stats={data} prefix={figurePrefix} />}
      </SectionState>
    </Section>
  );
}
