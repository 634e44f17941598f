import { lazy, useMemo } from 'react';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Col, Empty, Flex, Progress, Row, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { licenseApi } from '../../api/clients';
import { SectionState } from '../../components/SectionState';
import { formatDate, formatNumber, t } from '../../i18n';
import { alertKeys, fetchAlertStats } from '../alerts/alertApi';
import { alertListUrl, UNRESOLVED } from '../alerts/alertQuery';
import {
  ALERT_SEVERITIES,
  SEVERITY_COLOR,
  severityLabel,
  type AlertSeverity,
} from '../alerts/alertVocabulary';
import {
  activeLicensesUrl,
  alertChartData,
  alertMatrix,
  alertSeverityCounts,
  expiringCounts,
  inactiveLicensesUrl,
  licenseListUrl,
  productTypeCounts,
  statusCounts,
  usageGauges,
  type AlertMatrixRow,
  type AlertStats,
  type LicenseStats,
  type UsageGauge,
} from './dashboardData';
import { ChartSlot, FigureCard, FigureLink, SectionHeading, SmallFigure } from './DashboardFigures';

// The chart library is its own chunk: the figures show first, the charts follow.
const StatusChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.StatusChart })));
const ProductTypeChart = lazy(() =>
  import('./DashboardCharts').then((m) => ({ default: m.ProductTypeChart })),
);
const AlertChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.AlertChart })));

// Under the licenses key: whatever invalidates the license queries refreshes these figures too.
const licenseStatsKey = ['licenses', 'stats'] as const;

async function fetchLicenseStats({ signal }: { signal: AbortSignal }): Promise<LicenseStats> {
  const { data } = await licenseApi.GET('/api/v1/stats/licenses', { signal });
  return data ?? {};
}

/** The staff dashboard: license figures and open alerts, each number a link to the list it counts. */
export default function DashboardPage() {
  const queryClient = useQueryClient();
  const licenseStats = useQuery({ queryKey: licenseStatsKey, queryFn: fetchLicenseStats });
  const alertStats = useQuery({
    queryKey: alertKeys.stats,
    queryFn: ({ signal }) => fetchAlertStats(signal),
  });
  const refreshing = licenseStats.isFetching || alertStats.isFetching;

  return (
    <PageContainer
      title={t('dashboard.title')}
      subTitle={licenseStats.data?.asOf && t('dashboard.asOf', { date: formatDate(licenseStats.data.asOf) })}
      extra={
        <Button
          icon={<ReloadOutlined />}
          loading={refreshing}
          onClick={() => {
            void queryClient.invalidateQueries({ queryKey: licenseStatsKey });
            void queryClient.invalidateQueries({ queryKey: alertKeys.stats });
          }}
        >
          {t('dashboard.refresh')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <section aria-labelledby="dashboard-licenses">
          <ProCard
            title={
              <SectionHeading>
                <span id="dashboard-licenses">{t('dashboard.licenses')}</span>
              </SectionHeading>
            }
            headerBordered
          >
            <SectionState
              query={licenseStats}
              rows={8}
              isEmpty={(stats) => !stats.total}
              empty={
                <Empty description={t('dashboard.noLicenses')}>
                  <Link to="/licenses">{t('dashboard.openLicenseList')}</Link>
                </Empty>
              }
            >
              {(stats) => <LicenseFigures stats={stats} />}
            </SectionState>
          </ProCard>
        </section>
        <section aria-labelledby="dashboard-alerts">
          <ProCard
            title={
              <SectionHeading>
                <span id="dashboard-alerts">{t('dashboard.alerts')}</span>
              </SectionHeading>
            }
            headerBordered
          >
            <SectionState
              query={alertStats}
              rows={6}
              isEmpty={(stats) => !stats.open}
              empty={
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noOpenAlerts')}>
                  <Link to="/alerts">{t('dashboard.openAlertList')}</Link>
                </Empty>
              }
            >
              {(stats) => <AlertFigures stats={stats} />}
            </SectionState>
          </ProCard>
        </section>
      </Flex>
    </PageContainer>
  );
}

function LicenseFigures({ stats }: { stats: LicenseStats }) {
  // Same arrays while the figures are the same: the charts do not redraw on every render.
  const statuses = useMemo(() => statusCounts(stats), [stats]);
  const productTypes = useMemo(() => productTypeCounts(stats), [stats]);
  const overused = stats.overused ?? 0;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <FigureCard
            title={t('dashboard.total')}
            value={stats.total ?? 0}
            to={licenseListUrl()}
            what={t('dashboard.total.what')}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <FigureCard
            title={t('dashboard.active')}
            description={t('dashboard.active.hint')}
            value={stats.active ?? 0}
            to={activeLicensesUrl()}
            what={t('dashboard.active.what')}
            testId="stat-active"
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <FigureCard
            title={t('dashboard.inactive')}
            description={t('dashboard.inactive.hint')}
            value={stats.inactive ?? 0}
            to={inactiveLicensesUrl()}
            what={t('dashboard.inactive.what')}
            testId="stat-inactive"
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <FigureCard
            title={t('dashboard.overused')}
            description={t('dashboard.overused.hint')}
            value={overused}
            to={licenseListUrl({ overused: true })}
            what={t('dashboard.overused.what')}
            testId="stat-overused"
            tone="danger"
          />
        </Col>
      </Row>

      <ProCard
        title={<SectionHeading level={3}>{t('dashboard.expiring')}</SectionHeading>}
        bordered
        subTitle={t('dashboard.expiring.hint')}
      >
        <Row gutter={[16, 16]}>
          {expiringCounts(stats).map(({ days, value, href }) => (
            <Col xs={24} sm={8} key={days}>
              <FigureCard
                title={t('dashboard.expiringWithin', { days })}
                value={value}
                to={href}
                what={t('dashboard.expiringWithin.what', { days })}
                testId={`stat-expiring-${days}`}
                tone={days === 30 ? 'danger' : 'warning'}
              />
            </Col>
          ))}
        </Row>
      </ProCard>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <ProCard
            title={<SectionHeading level={3}>{t('dashboard.byStatus')}</SectionHeading>}
            bordered
            style={{ height: '100%' }}
          >
            <Flex
              wrap
              style={{ columnGap: 24, rowGap: 8, marginBottom: 8 }}
              role="list"
              aria-label={t('dashboard.byStatus')}
            >
              {statuses.map((status) => (
                <div role="listitem" key={status.key}>
                  <SmallFigure
                    title={<Badge color={status.color} text={status.label} />}
                    value={status.value}
                    to={status.href}
                    what={t('dashboard.status.what', { status: status.label })}
                    testId={`stat-status-${status.key}`}
                  />
                </div>
              ))}
            </Flex>
            <ChartSlot>
              <StatusChart data={statuses} />
            </ChartSlot>
          </ProCard>
        </Col>
        <Col xs={24} xl={10}>
          <ProCard
            title={<SectionHeading level={3}>{t('dashboard.byProductType')}</SectionHeading>}
            bordered
            style={{ height: '100%' }}
          >
            <Flex
              wrap
              style={{ columnGap: 24, rowGap: 8, marginBottom: 8 }}
              role="list"
              aria-label={t('dashboard.byProductType')}
            >
              {productTypes.map((productType) => (
                <div role="listitem" key={productType.key}>
                  <SmallFigure
                    title={<Badge color={productType.color} text={productType.label} />}
                    value={productType.value}
                    to={productType.href}
                    what={t('dashboard.product.what', { productType: productType.label })}
                    testId={`stat-product-${productType.key}`}
                  />
                </div>
              ))}
            </Flex>
            <ChartSlot>
              <ProductTypeChart data={productTypes} />
            </ChartSlot>
          </ProCard>
        </Col>
      </Row>

      <ProCard
        title={<SectionHeading level={3}>{t('dashboard.usage')}</SectionHeading>}
        subTitle={t('dashboard.usage.hint')}
        bordered
      >
        <Row gutter={[32, 16]}>
          {usageGauges(stats).map((gauge) => (
            <Col xs={24} md={12} key={gauge.metric}>
              <UsageFigure gauge={gauge} />
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('dashboard.usage.reporting', {
            reporting: formatNumber(stats.usage?.licensesReporting ?? 0),
            active: formatNumber(stats.active ?? 0),
          })}
        </Typography.Paragraph>
      </ProCard>
    </Flex>
  );
}

function UsageFigure({ gauge }: { gauge: UsageGauge }) {
  const label = t(`dashboard.usage.${gauge.metric}`);
  const over = gauge.percent !== undefined && gauge.percent > 100;
  return (
    <div>
      <Typography.Text strong>{label}</Typography.Text>
      <Flex align="baseline" gap={6} style={{ fontSize: 20 }}>
        <FigureLink
          value={gauge.used}
          to={activeLicensesUrl()}
          what={t(`dashboard.usage.${gauge.metric}.used`)}
        />
        <Typography.Text type="secondary">{t('dashboard.usage.of')}</Typography.Text>
        <FigureLink
          value={gauge.authorized}
          to={activeLicensesUrl()}
          what={t(`dashboard.usage.${gauge.metric}.authorized`)}
        />
        <Typography.Text type="secondary">{t('dashboard.usage.authorized')}</Typography.Text>
      </Flex>
      {gauge.percent === undefined ? (
        <Typography.Text type="secondary">{t('dashboard.usage.noneAuthorized')}</Typography.Text>
      ) : (
        <Progress
          percent={Math.min(gauge.percent, 100)}
          format={() => `${gauge.percent}%`}
          status={over ? 'exception' : 'normal'}
          aria-label={t('dashboard.usage.percent', { what: label, percent: gauge.percent })}
        />
      )}
      {over && <Typography.Text type="danger">{t('dashboard.usage.over')}</Typography.Text>}
    </div>
  );
}

function AlertFigures({ stats }: { stats: AlertStats }) {
  const severities = alertSeverityCounts(stats);
  const matrix = useMemo(() => alertMatrix(stats), [stats]);
  const chartData = useMemo(() => alertChartData(stats), [stats]);
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <FigureCard
            title={t('dashboard.alerts.open')}
            description={t('dashboard.alerts.open.hint', {
              acknowledged: formatNumber(stats.acknowledged ?? 0),
            })}
            value={stats.open ?? 0}
            to={alertListUrl({ status: UNRESOLVED })}
            what={t('dashboard.alerts.open.what')}
          />
        </Col>
        {severities.map((severity) => (
          <Col xs={24} sm={12} xl={6} key={severity.key}>
            <FigureCard
              title={<Badge color={severity.color} text={severity.label} />}
              value={severity.value}
              to={severity.href}
              what={t('dashboard.alerts.severity.what', { severity: severity.label })}
              tone={
                severity.key === 'CRITICAL' ? 'danger' : severity.key === 'WARNING' ? 'warning' : undefined
              }
            />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <AlertMatrixTable rows={matrix} stats={stats} />
        </Col>
        <Col xs={24} xl={10}>
          <ProCard title={<SectionHeading level={3}>{t('dashboard.alerts.chart')}</SectionHeading>} bordered>
            <ChartSlot>
              <AlertChart data={chartData} />
            </ChartSlot>
          </ProCard>
        </Col>
      </Row>
    </Flex>
  );
}

/** Open alerts by type (rows) and severity (columns); every count links to its list. */
function AlertMatrixTable({ rows, stats }: { rows: AlertMatrixRow[]; stats: AlertStats }) {
  const cell = (value: number, href: string, what: string) =>
    value > 0 ? (
      <FigureLink value={value} to={href} what={what} />
    ) : (
      <Link
        to={href}
        aria-label={t('dashboard.figureLink', { count: '0', what })}
        style={{ color: '#595959' }}
      >
        0
      </Link>
    );
  return (
    <Table<AlertMatrixRow>
      size="small"
      bordered
      rowKey="type"
      pagination={false}
      dataSource={rows}
      title={() => <SectionHeading level={3}>{t('dashboard.alerts.byTypeAndSeverity')}</SectionHeading>}
      columns={[
        {
          title: t('dashboard.alerts.type'),
          dataIndex: 'label',
          onCell: () => ({ role: 'rowheader' }),
          render: (_, row) => row.label,
        },
        ...ALERT_SEVERITIES.map((severity: AlertSeverity) => ({
          title: <Badge color={SEVERITY_COLOR[severity]} text={severityLabel(severity)} />,
          key: severity,
          align: 'right' as const,
          render: (_: unknown, row: AlertMatrixRow) =>
            cell(
              row.cells[severity].value,
              row.cells[severity].href,
              t('dashboard.alerts.pair.what', { type: row.label, severity: severityLabel(severity) }),
            ),
        })),
        {
          title: t('dashboard.alerts.total'),
          key: 'total',
          align: 'right' as const,
          render: (_: unknown, row: AlertMatrixRow) =>
            cell(row.total.value, row.total.href, t('dashboard.alerts.type.what', { type: row.label })),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('dashboard.alerts.allTypes')}</Typography.Text>
          </Table.Summary.Cell>
          {ALERT_SEVERITIES.map((severity, index) => (
            <Table.Summary.Cell index={index + 1} key={severity} align="right">
              {cell(
                stats.bySeverity?.[severity] ?? 0,
                alertListUrl({ status: UNRESOLVED, severity }),
                t('dashboard.alerts.severity.what', { severity: severityLabel(severity) }),
              )}
            </Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={ALERT_SEVERITIES.length + 1} align="right">
            {cell(stats.open ?? 0, alertListUrl({ status: UNRESOLVED }), t('dashboard.alerts.open.what'))}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
