import { EditOutlined } from '@ant-design/icons';
import { PageContainer, ProDescriptions } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Popconfirm, Result, Row, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { deploymentApi } from '../../api/clients';
import { ApiError } from '../../api/problem';
import { useSession } from '../../auth/useSession';
import { SectionState } from '../../components/SectionState';
import { formatDateTime, t } from '../../i18n';
import { feedbackFor, type FormFeedback } from '../../lib/forms';
import { LinkButton } from '../licenses/LinkButton';
import { Section } from '../licenses/detail/Section';
import { useDeleteAction } from '../operations/DeleteAction';
import { FormAlert } from '../operations/FormAlert';
import { ifMatchOf } from '../deployments/deploymentQueries';
import { EngineerDeploymentsSection } from './EngineerDeploymentsSection';
import { EngineerFormModal } from './EngineerForm';
import { ActiveTag, SkillTags, isAdmin } from './engineerFormat';
import {
  engineerKeys,
  fetchEngineer,
  invalidateEngineers,
  type Engineer,
  type EngineerRead,
} from './engineerQueries';
import { PerformanceSection } from './PerformanceSection';
import { parsePeriod, thisYear, type Period } from './performance';

const none = (text?: string) => <Typography.Text type="secondary">{text ?? '—'}</Typography.Text>;

/**
 * Deactivates an active engineer or reactivates one (admin), after a confirmation: the whole
 * engineer is sent back with `active` changed, with If-Match and the version read.
 */
function ActiveToggle({
  read,
  onFeedback,
}: {
  read: EngineerRead;
  onFeedback: (f: FormFeedback | undefined) => void;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const engineer = read.engineer;
  const activating = engineer.active === false;
  const mutation = useMutation({
    mutationFn: async (): Promise<EngineerRead> => {
      const ifMatch = ifMatchOf(read.etag, engineer.version);
      const { data, response } = await deploymentApi.PUT('/api/v1/engineers/{id}', {
        params: { path: { id: engineer.id! }, header: ifMatch ? { 'If-Match': ifMatch } : undefined },
        body: {
          name: engineer.name ?? '',
          email: engineer.email ?? '',
          region: engineer.region ?? '',
          skills: engineer.skills ?? [],
          active: activating,
          version: engineer.version,
        },
      });
      return { engineer: data!, etag: response.headers.get('ETag') ?? undefined };
    },
  });

  const run = async () => {
    onFeedback(undefined);
    try {
      const saved = await mutation.mutateAsync();
      queryClient.setQueryData(engineerKeys.detail(engineer.id!), saved);
      invalidateEngineers(queryClient);
      void message.success(
        t(activating ? 'engineers.active.reactivated' : 'engineers.active.deactivated', {
          name: engineer.name ?? '',
        }),
      );
    } catch (error) {
      onFeedback(feedbackFor(error));
    }
  };

  return (
    <Popconfirm
      title={t(activating ? 'engineers.active.confirmReactivate' : 'engineers.active.confirmDeactivate', {
        name: engineer.name ?? '',
      })}
      description={activating ? undefined : t('engineers.active.deactivateDetail')}
      okText={t('action.confirm')}
      cancelText={t('action.cancel')}
      okButtonProps={{ danger: !activating, loading: mutation.isPending }}
      onConfirm={run}
    >
      <Button danger={!activating} loading={mutation.isPending} data-testid="toggle-engineer-active">
        {t(activating ? 'engineers.action.reactivate' : 'engineers.action.deactivate')}
      </Button>
    </Popconfirm>
  );
}

/**
 * One engineer at /engineers/:id: details, performance for a period (the URL's `from`/`to`, this
 * year by default) and their deployments; admins edit, deactivate and reactivate.
 */
export default function EngineerDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { roles } = useSession();
  const admin = isAdmin(roles);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const period = useMemo(() => parsePeriod(new URLSearchParams(search)), [search]);
  const [editing, setEditing] = useState(false);
  const [feedback, setFeedback] = useState<FormFeedback>();

  const query = useQuery({
    queryKey: engineerKeys.detail(id),
    queryFn: () => fetchEngineer(id),
    enabled: !!id,
  });
  const engineer = query.data?.engineer;
  const reload = () => void queryClient.invalidateQueries({ queryKey: engineerKeys.detail(id) });
  const navigate = useNavigate();
  const { message } = App.useApp();
  const name = engineer?.name ?? '';

  const remove = useDeleteAction({
    remove: async () => {
      const ifMatch = ifMatchOf(query.data?.etag, engineer?.version);
      const { data, response } = await deploymentApi.DELETE('/api/v1/engineers/{id}', {
        params: { path: { id }, header: ifMatch ? { 'If-Match': ifMatch } : undefined },
      });
      // 200 with the engineer: kept for their deployments' history and deactivated instead
      if (response.status === 200 && data) {
        queryClient.setQueryData<EngineerRead>(engineerKeys.detail(id), {
          engineer: data,
          etag: response.headers.get('ETag') ?? undefined,
        });
        return 'deactivated';
      }
      return 'deleted';
    },
    texts: {
      confirm: t('engineers.delete.confirm', { name }),
      confirmDetail: t('engineers.delete.confirmDetail'),
      action: t('engineers.action.delete'),
      refused: t('engineers.delete.refused'),
      refusedDetail: t('engineers.delete.refusedDetail'),
      refusedHint: t('engineers.delete.refusedHint'),
    },
    onDone: (outcome) => {
      invalidateEngineers(queryClient);
      if (outcome === 'deactivated') {
        void message.info(t('engineers.delete.deactivated', { name }));
        return;
      }
      queryClient.removeQueries({ queryKey: engineerKeys.detail(id) });
      void message.success(t('engineers.delete.done', { name }));
      navigate('/engineers');
    },
    onReload: reload,
    testId: 'engineer-delete-failed',
  });

  const changePeriod = (next: Period) => {
    const year = thisYear();
    const isDefault = next.from === year.from && next.to === year.to;
    setParams(isDefault ? new URLSearchParams() : new URLSearchParams({ from: next.from, to: next.to }), {
      replace: true,
    });
  };

  // A malformed id is a 400 from the service: to a person it is the same as one that does not exist.
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
    return (
      <Result
        status="404"
        title={t('engineers.detail.notFound')}
        subTitle={t('state.notFoundDetail')}
        extra={
          <LinkButton to="/engineers" type="primary">
            {t('engineers.detail.backToList')}
          </LinkButton>
        }
      />
    );
  }

  const title = engineer?.name ?? t('engineers.detail.title');

  return (
    <PageContainer
      title={title}
      subTitle={engineer?.region}
      tags={engineer ? <ActiveTag active={engineer.active} /> : undefined}
      breadcrumb={{
        items: [{ title: <Link to="/engineers">{t('engineers.list.title')}</Link> }, { title }],
      }}
      extra={
        admin && query.data ? (
          <Space wrap role="group" aria-label={t('engineers.detail.actions')}>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-engineer">
              {t('engineers.action.edit')}
            </Button>
            <ActiveToggle read={query.data} onFeedback={setFeedback} />
            {remove.button({ testId: 'delete-engineer' })}
          </Space>
        ) : undefined
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {remove.alert}
        {feedback && (
          <FormAlert
            feedback={feedback}
            onReload={() => {
              reload();
              setFeedback(undefined);
            }}
            onClose={() => setFeedback(undefined)}
          />
        )}
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Section title={t('engineers.section.details')} testId="section-engineer">
              <SectionState query={query} rows={3}>
                {({ engineer: e }) => (
                  <ProDescriptions<Engineer>
                    dataSource={e}
                    column={{ xs: 1, sm: 2, lg: 3 }}
                    columns={[
                      { title: t('engineers.field.name'), key: 'name', render: () => e.name || none() },
                      {
                        title: t('engineers.field.email'),
                        key: 'email',
                        render: () => (e.email ? <a href={`mailto:${e.email}`}>{e.email}</a> : none()),
                      },
                      { title: t('engineers.field.region'), key: 'region', render: () => e.region || none() },
                      {
                        title: t('engineers.field.skills'),
                        key: 'skills',
                        render: () => <SkillTags skills={e.skills} />,
                      },
                      {
                        title: t('engineers.field.status'),
                        key: 'active',
                        render: () => <ActiveTag active={e.active} />,
                      },
                      {
                        title: t('engineers.field.created'),
                        key: 'created',
                        render: () => formatDateTime(e.createdAt),
                      },
                      {
                        title: t('engineers.field.updated'),
                        key: 'updated',
                        render: () => formatDateTime(e.updatedAt),
                      },
                    ]}
                  />
                )}
              </SectionState>
            </Section>
          </Col>
          <Col span={24}>
            <PerformanceSection engineerId={id} period={period} onPeriodChange={changePeriod} />
          </Col>
          <Col span={24}>
            <EngineerDeploymentsSection engineerId={id} />
          </Col>
        </Row>
      </Space>
      {editing && query.data && (
        <EngineerFormModal
          open
          read={query.data}
          onOpenChange={setEditing}
          onReload={reload}
          onSaved={() => setEditing(false)}
        />
      )}
    </PageContainer>
  );
}
