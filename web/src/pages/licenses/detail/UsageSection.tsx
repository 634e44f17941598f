import type { UseQueryResult } from '@tanstack/react-query';
import { Col, Empty, Row, Skeleton, Space, Statistic, Typography, theme } from 'antd';
import { lazy, Suspense } from 'react';
import type { components } from '../../../api/schema/license-service';
import { SectionState } from '../../../components/SectionState';
import { formatDateTime, formatNumber, t } from '../../../i18n';
import { isOver, type License } from '../licenseFormat';
import { OveruseTag } from '../UsageSummary';
import { Section } from './Section';

// The charting library is large: its own chunk, loaded when a license has usage to draw.
const UsageChart = lazy(() => import('./UsageChart'));

type UsagePage = components['schemas']['PageResponseUsageReportDto'];

function Measure({
  title,
  used,
  limit,
}: {
  title: string;
  used: number | undefined;
  limit: number | undefined;
}) {
  const over = isOver(used, limit);
  const { token } = theme.useToken();
  return (
    <Statistic
      title={title}
      value={formatNumber(used)}
      suffix={limit === undefined ? undefined : t('licenses.usage.ofLimit', { limit: formatNumber(limit) })}
      valueStyle={over ? { color: token.colorErrorText } : undefined}
    />
  );
}

function Latest({ license }: { license: License }) {
  const usage = license.usage;
  if (!usage || (usage.users === undefined && usage.workspaces === undefined)) {
    return <Typography.Text type="secondary">{t('licenses.usage.none')}</Typography.Text>;
  }
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Row gutter={[32, 8]}>
        <Col>
          <Measure
            title={t('licenses.usage.usersTitle')}
            used={usage.users}
            limit={license.authorizedUsers}
          />
        </Col>
        <Col>
          <Measure
            title={t('licenses.usage.workspacesTitle')}
            used={usage.workspaces}
            limit={license.authorizedWorkspaces}
          />
        </Col>
      </Row>
      <Space wrap>
        {license.overused && <OveruseTag />}
        <Typography.Text type="secondary">
          {t('licenses.usage.reportedAt', { when: formatDateTime(usage.reportedAt) })}
        </Typography.Text>
      </Space>
    </Space>
  );
}

/** The latest usage against the limits, and the history of the reports as a chart. */
export function UsageSection({
  license,
  usage,
}: {
  license: UseQueryResult<License>;
  usage: UseQueryResult<UsagePage>;
}) {
  return (
    <Section title={t('licenses.section.usage')} testId="section-usage">
      <SectionState query={license} rows={2}>
        {(l) => <Latest license={l} />}
      </SectionState>
      {/* Both come from license-service: one notice is enough when it is down. */}
      {!(license.error && usage.error) && (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginBlock: '16px 8px' }}>
            {t('licenses.usage.history')}
          </Typography.Title>
          <SectionState
            query={usage}
            isEmpty={(page) => !page.content?.length}
            empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licenses.usage.noHistory')} />}
          >
            {(page) => (
              <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
                <UsageChart
                  reports={page.content ?? []}
                  total={page.page?.totalElements ?? page.content?.length ?? 0}
                  userLimit={license.data?.authorizedUsers}
                  workspaceLimit={license.data?.authorizedWorkspaces}
                />
              </Suspense>
            )}
          </SectionState>
        </>
      )}
    </Section>
  );
}
