import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { SectionState } from '../../components/SectionState';
import { formatDate, formatDateTime, t } from '../../i18n';
import { environmentLabel, withoutIds } from '../licenses/licenseFormat';
import { Section } from '../licenses/detail/Section';
import { DeploymentStatusTag } from '../operations/DeploymentBoard';
import {
  deploymentListUrl,
  type Deployment,
  type DeploymentListQuery,
} from '../deployments/deploymentFilters';
import { lastMoveOf } from '../deployments/deploymentFormat';
import { deploymentKeys, fetchDeploymentList } from '../deployments/deploymentQueries';

const PAGE_SIZE = 10;

/** The engineer's deployments, newest scheduled date first, a page at a time. */
export function EngineerDeploymentsSection({ engineerId }: { engineerId: string }) {
  const [page, setPage] = useState(0);
  const apiQuery: DeploymentListQuery = {
    engineerId,
    page,
    size: PAGE_SIZE,
    sort: ['scheduledDate,desc', 'createdAt,desc'],
  };
  const query = useQuery({
    queryKey: deploymentKeys.list(apiQuery),
    queryFn: () => fetchDeploymentList(apiQuery),
    placeholderData: keepPreviousData,
    enabled: !!engineerId,
  });

  return (
    <Section
      title={t('engineers.section.deployments')}
      testId="section-engineer-deployments"
      extra={<Link to={deploymentListUrl({ engineerId })}>{t('engineers.deployments.openList')}</Link>}
    >
      <SectionState
        query={query}
        isEmpty={(data) => !data.content?.length}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('engineers.deployments.empty')} />}
      >
        {(data) => (
          <Table<Deployment>
            rowKey={(d) => d.id ?? `${d.licenseId}-${d.scheduledDate}`}
            dataSource={data.content}
            size="small"
            loading={query.isFetching && query.isPlaceholderData}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page + 1,
              pageSize: PAGE_SIZE,
              total: data.page?.totalElements ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: (next) => setPage(next - 1),
            }}
            columns={[
              {
                title: t('deployments.column.scheduledDate'),
                key: 'scheduledDate',
                render: (_, d) =>
                  d.id ? (
                    <Link
                      to={`/deployments/${d.id}`}
                      data-testid="deployment-link"
                      aria-label={t('deployments.column.open', {
                        license: d.licenseId ?? '—',
                        date: formatDate(d.scheduledDate),
                      })}
                    >
                      {formatDate(d.scheduledDate)}
                    </Link>
                  ) : (
                    formatDate(d.scheduledDate)
                  ),
              },
              {
                title: t('deployments.column.status'),
                key: 'status',
                render: (_, d) => (
                  <Space direction="vertical" size={0}>
                    <DeploymentStatusTag status={d.status} />
                    {d.failureReason && (
                      <Typography.Text type="danger">{withoutIds(d.failureReason)}</Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('deployments.column.license'),
                key: 'license',
                render: (_, d) =>
                  d.licenseId ? (
                    <Link to={`/licenses/${encodeURIComponent(d.licenseId)}`} data-testid="license-link">
                      {d.licenseId}
                    </Link>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('deployments.column.environment'),
                key: 'environment',
                render: (_, d) => environmentLabel(d.environment),
              },
              {
                title: t('deployments.column.version'),
                key: 'version',
                render: (_, d) => d.productVersion || '—',
              },
              {
                title: t('deployments.column.lastChange'),
                key: 'lastChange',
                render: (_, d) => formatDateTime(lastMoveOf(d)),
              },
            ]}
          />
        )}
      </SectionState>
    </Section>
  );
}
