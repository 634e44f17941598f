import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ClockCircleOutlined,
  EditOutlined,
  PlayCircleOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { PageContainer, ProDescriptions } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  Empty,
  Result,
  Row,
  Space,
  Timeline,
  Typography,
  type TimelineItemProps,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { deploymentApi } from '../../api/clients';
import { ApiError } from '../../api/problem';
import { can } from '../../auth/roles';
import { useSession } from '../../auth/useSession';
import { SectionState } from '../../components/SectionState';
import { useNames } from '../../domain/names';
import { formatDate, formatDateTime, t } from '../../i18n';
import { LinkButton } from '../licenses/LinkButton';
import { Section } from '../licenses/detail/Section';
import { environmentLabel, withoutIds } from '../licenses/licenseFormat';
import { DeploymentStatusTag } from '../operations/DeploymentBoard';
import { LiveName } from '../purchases/LiveName';
import { useDeleteAction } from '../operations/DeleteAction';
import { whenBy } from '../purchases/purchaseFormat';
import type { Deployment, DeploymentStatus, HistoryEntry } from './deploymentFilters';
import { deploymentTitle, moveText, scheduledText, sortHistory } from './deploymentFormat';
import { DeploymentPlanModal } from './DeploymentPlanModal';
import { deploymentKeys, fetchDeployment, fetchHistory, ifMatchOf } from './deploymentQueries';
import { TransitionControls } from './TransitionControls';

const none = (text?: string) => <Typography.Text type="secondary">{text ?? '—'}</Typography.Text>;

const look: Record<DeploymentStatus, { color: string; icon: ReactNode }> = {
  SCHEDULED: { color: 'blue', icon: <ClockCircleOutlined /> },
  IN_PROGRESS: { color: 'blue', icon: <PlayCircleOutlined /> },
  COMPLETED: { color: 'green', icon: <CheckCircleOutlined /> },
  FAILED: { color: 'red', icon: <CloseCircleOutlined /> },
  CANCELLED: { color: 'gray', icon: <StopOutlined /> },
};

function historyItem(entry: HistoryEntry): TimelineItemProps {
  const style = entry.to ? look[entry.to] : undefined;
  const note = withoutIds(entry.note);
  return {
    color: style?.color ?? 'gray',
    dot: style?.icon,
    children: (
      <Space direction="vertical" size={0} data-testid="history-entry" data-to={entry.to}>
        <Typography.Text strong>{moveText(entry)}</Typography.Text>
        <Typography.Text type="secondary">
          {formatDateTime(entry.at)}
          {entry.actor && <> · {t('deployments.history.by', { actor: entry.actor })}</>}
        </Typography.Text>
        {note && (
          <Typography.Text type={entry.to === 'FAILED' ? 'danger' : undefined}>
            {entry.to === 'FAILED' ? t('deployments.history.reason', { reason: note }) : note}
          </Typography.Text>
        )}
      </Space>
    ),
  };
}

/**
 * One deployment at /deployments/:id: every field (engineer and license as links), the history of
 * its status moves, and the moves an engineer or admin may make next.
 */
export default function DeploymentDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { roles } = useSession();
  const query = useQuery({
    queryKey: deploymentKeys.detail(id),
    queryFn: () => fetchDeployment(id),
    enabled: !!id,
  });
  const history = useQuery({
    queryKey: deploymentKeys.history(id),
    queryFn: () => fetchHistory(id),
    enabled: !!id,
  });
  const deployment = query.data?.deployment;
  const engineers = useNames('engineer', [deployment?.engineerId]);
  const engineerName = engineers.nameOf(deployment?.engineerId) ?? deployment?.engineerName;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const title = deployment ? deploymentTitle(deployment) : t('deployments.detail.title');

  const remove = useDeleteAction({
    remove: async () => {
      const ifMatch = ifMatchOf(query.data?.etag, deployment?.version);
      await deploymentApi.DELETE('/api/v1/deployments/{id}', {
        params: { path: { id }, header: ifMatch ? { 'If-Match': ifMatch } : undefined },
      });
      return 'deleted';
    },
    texts: {
      confirm: t('deployments.delete.confirm', { title }),
      confirmDetail: t('deployments.delete.confirmDetail'),
      action: t('deployments.action.delete'),
      refused: t('deployments.delete.refused'),
      refusedDetail: t('deployments.delete.refusedDetail'),
      refusedHint: t('deployments.delete.refusedHint'),
    },
    onDone: () => {
      queryClient.removeQueries({ queryKey: deploymentKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: deploymentKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['licenses'] });
      void message.success(t('deployments.delete.done', { title }));
      navigate('/deployments');
    },
    onReload: () => void query.refetch(),
    testId: 'deployment-delete-failed',
  });

  // A malformed id is a 400 from the service: to a person it is the same as one that does not exist.
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
    return (
      <Result
        status="404"
        title={t('deployments.detail.notFound')}
        subTitle={t('state.notFoundDetail')}
        extra={
          <LinkButton to="/deployments" type="primary">
            {t('deployments.detail.backToList')}
          </LinkButton>
        }
      />
    );
  }

  const scheduled = deployment?.status === 'SCHEDULED';
  const subTitle = deployment
    ? [scheduledText(deployment), engineerName].filter(Boolean).join(' · ')
    : undefined;

  return (
    <PageContainer
      title={title}
      subTitle={subTitle}
      tags={deployment?.status ? <DeploymentStatusTag status={deployment.status} /> : undefined}
      breadcrumb={{
        items: [{ title: <Link to="/deployments">{t('deployments.list.title')}</Link> }, { title }],
      }}
      extra={
        <Space wrap>
          {query.data && can.runDeployment(roles) && (
            <TransitionControls read={query.data} engineerName={engineerName} />
          )}
          {scheduled && can.runDeployment(roles) && (
            <Button
              icon={<EditOutlined aria-hidden />}
              onClick={() => setEditing(true)}
              data-testid="edit-deployment-plan"
            >
              {t('deployments.action.editPlan')}
            </Button>
          )}
          {deployment?.licenseId && (
            <LinkButton to={`/licenses/${encodeURIComponent(deployment.licenseId)}`}>
              {t('delivery.openLicense', { id: deployment.licenseId })}
            </LinkButton>
          )}
          {deployment && roles.includes('admin') && remove.button({ testId: 'delete-deployment' })}
        </Space>
      }
    >
      {remove.alert}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Section title={t('deployments.section.details')} testId="section-deployment">
            <SectionState query={query} rows={6}>
              {({ deployment: d }) => (
                <ProDescriptions<Deployment>
                  dataSource={d}
                  column={{ xs: 1, sm: 2 }}
                  columns={[
                    {
                      title: t('deployments.field.license'),
                      key: 'license',
                      render: () =>
                        d.licenseId ? (
                          <Link
                            to={`/licenses/${encodeURIComponent(d.licenseId)}`}
                            data-testid="license-link"
                          >
                            {d.licenseId}
                          </Link>
                        ) : (
                          none()
                        ),
                    },
                    {
                      title: t('deployments.field.status'),
                      key: 'status',
                      render: () => <DeploymentStatusTag status={d.status} />,
                    },
                    {
                      title: t('deployments.field.scheduledDate'),
                      key: 'scheduledDate',
                      render: () => formatDate(d.scheduledDate),
                    },
                    {
                      title: t('deployments.field.engineer'),
                      key: 'engineer',
                      render: () => (
                        <span data-testid="deployment-engineer">
                          <LiveName party="engineer" id={d.engineerId} fallback={d.engineerName} />
                        </span>
                      ),
                    },
                    {
                      title: t('deployments.field.environment'),
                      key: 'environment',
                      render: () => environmentLabel(d.environment),
                    },
                    {
                      title: t('deployments.field.productVersion'),
                      key: 'productVersion',
                      render: () => d.productVersion || none(),
                    },
                    {
                      title: t('deployments.field.startedAt'),
                      key: 'startedAt',
                      render: () =>
                        d.startedAt ? formatDateTime(d.startedAt) : none(t('deployments.field.notYet')),
                    },
                    {
                      title: t('deployments.field.finishedAt'),
                      key: 'finishedAt',
                      render: () => {
                        if (d.completedAt)
                          return t('deployments.field.completedAt', { when: formatDateTime(d.completedAt) });
                        if (d.failedAt)
                          return t('deployments.field.failedAt', { when: formatDateTime(d.failedAt) });
                        if (d.cancelledAt)
                          return t('deployments.field.cancelledAt', { when: formatDateTime(d.cancelledAt) });
                        return none(t('deployments.field.notYet'));
                      },
                    },
                    ...(d.failureReason
                      ? [
                          {
                            title: t('deployments.field.failureReason'),
                            key: 'failureReason',
                            span: 2,
                            render: () => (
                              <Typography.Text type="danger">{withoutIds(d.failureReason)}</Typography.Text>
                            ),
                          },
                        ]
                      : []),
                    {
                      title: t('deployments.field.created'),
                      key: 'created',
                      render: () => whenBy(d.createdAt, d.createdBy),
                    },
                    {
                      title: t('deployments.field.updated'),
                      key: 'updated',
                      render: () => whenBy(d.updatedAt, d.updatedBy),
                    },
                    {
                      title: t('deployments.field.notes'),
                      key: 'notes',
                      span: 2,
                      render: () =>
                        d.notes ? (
                          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBlockEnd: 0 }}>
                            {d.notes}
                          </Typography.Paragraph>
                        ) : (
                          none(t('deployments.field.noNotes'))
                        ),
                    },
                  ]}
                />
              )}
            </SectionState>
          </Section>
        </Col>
        <Col xs={24} xl={9}>
          <Section title={t('deployments.section.history')} testId="section-history">
            <SectionState
              query={history}
              rows={4}
              isEmpty={(entries) => entries.length === 0}
              empty={
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deployments.history.empty')} />
              }
            >
              {(entries) => (
                <Timeline style={{ marginBlockStart: 8 }} items={sortHistory(entries).map(historyItem)} />
              )}
            </SectionState>
          </Section>
        </Col>
      </Row>
      {editing && scheduled && query.data && (
        <DeploymentPlanModal
          read={query.data}
          onClose={() => setEditing(false)}
          onReload={() => void query.refetch()}
        />
      )}
    </PageContainer>
  );
}
