import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Table, Tag, Typography } from 'antd';
import { SectionState } from '../../../components/SectionState';
import { useNames } from '../../../domain/names';
import { PartyNameOf } from '../PartyNameOf';
import { formatDate, formatDateTime, t } from '../../../i18n';
import { deploymentStatusLabel, environmentLabel, withoutIds, type Deployment } from '../licenseFormat';
import { fetchDeployments, licenseKeys } from '../licenseQueries';
import { MoreNote } from './SectionFooter';
import { Section } from './Section';

const statusColor: Record<string, string> = {
  SCHEDULED: 'default',
  IN_PROGRESS: 'blue',
  COMPLETED: 'green',
  FAILED: 'red',
  CANCELLED: 'orange',
};

/** The deployments deployment-service holds for the license, with the engineers by name. */
export function DeploymentsSection({ licenseId }: { licenseId: string }) {
  const query = useQuery({
    queryKey: licenseKeys.deployments(licenseId),
    queryFn: () => fetchDeployments(licenseId),
  });
  const deployments = query.data?.content ?? [];
  const engineers = useNames(
    'engineer',
    deployments.map((d) => d.engineerId),
  );

  return (
    <Section title={t('licenses.section.deployments')} testId="section-deployments">
      <SectionState
        query={query}
        isEmpty={(page) => !page.content?.length}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licenses.deployment.empty')} />}
      >
        {(page) => (
          <>
            <Table<Deployment>
              rowKey={(d) => d.id ?? `${d.scheduledDate}-${d.engineerId}`}
              dataSource={page.content}
              pagination={false}
              size="small"
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('licenses.deployment.scheduledDate'),
                  key: 'scheduledDate',
                  render: (_, d) => formatDate(d.scheduledDate),
                },
                {
                  title: t('licenses.deployment.status'),
                  key: 'status',
                  render: (_, d) => (
                    <Space direction="vertical" size={0}>
                      <Tag color={statusColor[d.status ?? ''] ?? 'default'}>
                        {deploymentStatusLabel(d.status)}
                      </Tag>
                      {d.failureReason && (
                        <Typography.Text type="danger">{withoutIds(d.failureReason)}</Typography.Text>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t('licenses.deployment.environment'),
                  key: 'environment',
                  render: (_, d) => environmentLabel(d.environment),
                },
                {
                  title: t('licenses.deployment.engineer'),
                  key: 'engineer',
                  render: (_, d) => (
                    <PartyNameOf
                      party="engineer"
                      id={d.engineerId}
                      names={engineers}
                      fallback={d.engineerName}
                    />
                  ),
                },
                {
                  title: t('licenses.deployment.version'),
                  key: 'version',
                  render: (_, d) => d.productVersion || '—',
                },
                {
                  title: t('licenses.deployment.finished'),
                  key: 'finished',
                  render: (_, d) => formatDateTime(d.completedAt ?? d.failedAt ?? d.cancelledAt),
                },
              ]}
            />
            <MoreNote shown={page.content?.length ?? 0} total={page.page?.totalElements} />
          </>
        )}
      </SectionState>
    </Section>
  );
}
