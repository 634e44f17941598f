import { Line } from '@ant-design/plots';
import { Col, Row, Typography } from 'antd';
import { formatDate, formatDateTime, formatNumber, t } from '../../../i18n';
import { usageSeries, type UsagePoint, type UsageReport } from '../licenseFormat';

const LIMIT_COLOR = '#cf1322';

interface ChartProps {
  title: string;
  points: UsagePoint[];
  limit: number | undefined;
  color: string;
}

function MeasureChart({ title, points, limit, color }: ChartProps) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <Line
        data={points}
        height={220}
        autoFit
        xField={(d: UsagePoint) => new Date(d.at)}
        yField="value"
        style={{ stroke: color, lineWidth: 2 }}
        point={{ shapeField: 'circle', sizeField: 3, style: { fill: color, stroke: color } }}
        scale={{ y: { domainMin: 0, nice: true } }}
        axis={{
          x: { title: false, labelFormatter: (d: Date) => formatDate(d.toISOString()) },
          y: { title: false, labelFormatter: (v: number) => formatNumber(v) },
        }}
        tooltip={{
          title: (d: UsagePoint) => formatDateTime(d.at),
          items: [{ channel: 'y', name: title, valueFormatter: (v: number) => formatNumber(v) }],
        }}
        annotations={
          limit === undefined
            ? []
            : [
                {
                  type: 'lineY',
                  yField: limit,
                  style: { stroke: LIMIT_COLOR, lineDash: [4, 4], lineWidth: 1 },
                  label: {
                    text: t('licenses.usage.limit', { limit: formatNumber(limit) }),
                    position: 'top-right',
                    fill: LIMIT_COLOR,
                    dy: -4,
                  },
                },
              ]
        }
      />
    </div>
  );
}

interface Props {
  reports: UsageReport[];
  /** How many reports exist (the page may hold only the latest). */
  total: number;
  userLimit: number | undefined;
  workspaceLimit: number | undefined;
}

/** The usage reports over time, users and workspaces each against its limit; with a text summary. */
export default function UsageChart({ reports, total, userLimit, workspaceLimit }: Props) {
  const users = usageSeries(reports, 'users');
  const workspaces = usageSeries(reports, 'workspaces');
  const first = users[0]?.at ?? workspaces[0]?.at;
  const last = users.at(-1)?.at ?? workspaces.at(-1)?.at;
  const max = (points: UsagePoint[]) => (points.length ? Math.max(...points.map((p) => p.value)) : undefined);
  const summary = t(reports.length === 1 ? 'licenses.usage.chartSummaryOne' : 'licenses.usage.chartSummary', {
    count: formatNumber(reports.length),
    from: formatDateTime(first),
    to: formatDateTime(last),
    users: formatNumber(max(users)),
    userLimit: formatNumber(userLimit),
    workspaces: formatNumber(max(workspaces)),
    workspaceLimit: formatNumber(workspaceLimit),
  });
  return (
    <figure style={{ margin: 0 }} data-testid="usage-chart">
      <Row gutter={[24, 16]} aria-hidden>
        <Col xs={24} md={12}>
          <MeasureChart
            title={t('licenses.usage.usersTitle')}
            points={users}
            limit={userLimit}
            color="#1677ff"
          />
        </Col>
        <Col xs={24} md={12}>
          <MeasureChart
            title={t('licenses.usage.workspacesTitle')}
            points={workspaces}
            limit={workspaceLimit}
            color="#13a8a8"
          />
        </Col>
      </Row>
      <figcaption>
        <Typography.Text type="secondary">
          {summary}
          {total > reports.length && <> {t('licenses.usage.more', { shown: reports.length, total })}</>}
        </Typography.Text>
      </figcaption>
    </figure>
  );
}
