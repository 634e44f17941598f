import { PageContainer, ProDescriptions } from '@ant-design/pro-components';
import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { App, Button, Col, Result, Row, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { salesApi } from '../../api/clients';
import { ApiError } from '../../api/problem';
import { useSession } from '../../auth/useSession';
import { SectionState } from '../../components/SectionState';
import { t } from '../../i18n';
import { ActionAlert } from '../customers/ActionAlert';
import { useDeleteAction } from '../operations/DeleteAction';
import { isUuid } from '../customers/listState';
import { whenBy } from '../customers/partyFormat';
import { Section } from '../licenses/detail/Section';
import { LinkButton } from '../licenses/LinkButton';
import { ActiveTag } from './ActiveTag';
import { SalesFiguresSection } from './SalesFiguresSection';
import { SalesRepFormModal } from './SalesRepFormModal';
import {
  fetchSalesRep,
  salesRepKeys,
  salesRepRules,
  updateSalesRep,
  withActive,
  type SalesRepDto,
} from './salesRepData';

function NotFound() {
  return (
    <Result
      status="404"
      title={t('salesReps.detail.notFound')}
      subTitle={t('state.notFoundDetail')}
      extra={
        <LinkButton to="/sales-reps" type="primary">
          {t('salesReps.detail.backToList')}
        </LinkButton>
      }
    />
  );
}

function Details({ query, id }: { query: UseQueryResult<SalesRepDto>; id: string }) {
  return (
    <Section title={t('salesReps.section.details')} testId="section-rep-details">
      <SectionState query={query} rows={3}>
        {(rep) => (
          <ProDescriptions<SalesRepDto>
            dataSource={rep}
            column={{ xs: 1, sm: 2, lg: 3 }}
            columns={[
              { title: t('salesReps.field.name'), key: 'name', render: () => rep.name ?? '—' },
              {
                title: t('salesReps.field.email'),
                key: 'email',
                render: () => (rep.email ? <a href={`mailto:${rep.email}`}>{rep.email}</a> : '—'),
              },
              { title: t('salesReps.field.region'), key: 'region', render: () => rep.region || '—' },
              {
                title: t('salesReps.field.active'),
                key: 'active',
                render: () => <ActiveTag active={rep.active} />,
              },
              {
                title: t('salesReps.field.created'),
                key: 'created',
                render: () => whenBy(rep.createdAt, undefined),
              },
              {
                title: t('salesReps.field.updated'),
                key: 'updated',
                render: () => whenBy(rep.updatedAt, undefined),
              },
              {
                title: t('salesReps.field.portfolio'),
                key: 'portfolio',
                render: () => (
                  <Space wrap size="middle">
                    <Link to={`/customers?salesRepId=${id}`}>{t('salesReps.link.customers')}</Link>
                    <Link to={`/licenses?salesRepId=${id}`}>{t('salesReps.link.licenses')}</Link>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </SectionState>
    </Section>
  );
}

/**
 * One sales rep at /sales-reps/:id: details, and performance for a chosen period from the sales
 * statistics. Admin edits, deactivates and reactivates the rep.
 */
export default function SalesRepDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { roles } = useSession();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<unknown>();

  const rep = useQuery({
    queryKey: salesRepKeys.detail(id),
    queryFn: ({ signal }) => fetchSalesRep(id, signal),
    enabled: valid,
  });
  const setActive = useMutation({
    mutationFn: ({ current, active }: { current: SalesRepDto; active: boolean }) =>
      updateSalesRep(id, withActive(current, active)),
    onSuccess: (saved) => {
      queryClient.setQueryData(salesRepKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: salesRepKeys.all, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: salesRepKeys.names });
    },
  });

  const navigate = useNavigate();
  const removeName = rep.data?.name ?? '';
  const remove = useDeleteAction({
    remove: async () => {
      const { data, response } = await salesApi.DELETE('/api/v1/sales-reps/{id}', {
        params: { path: { id } },
      });
      // 200 with the record: still referred to, so kept and deactivated instead
      if (response.status === 200 && data) {
        queryClient.setQueryData<SalesRepDto>(salesRepKeys.detail(id), data);
        return 'deactivated';
      }
      return 'deleted';
    },
    texts: {
      confirm: t('salesReps.delete.confirm', { name: removeName }),
      confirmDetail: t('salesReps.delete.confirmDetail'),
      action: t('salesReps.action.delete'),
      refused: t('salesReps.delete.refused'),
      refusedDetail: t('salesReps.delete.refusedDetail'),
      refusedHint: t('salesReps.delete.refusedHint'),
    },
    onDone: (outcome) => {
      void queryClient.invalidateQueries({ queryKey: salesRepKeys.all });
      void queryClient.invalidateQueries({ queryKey: salesRepKeys.names });
      if (outcome === 'deactivated') {
        void message.info(t('salesReps.delete.deactivated', { name: removeName }));
        return;
      }
      queryClient.removeQueries({ queryKey: salesRepKeys.detail(id) });
      void message.success(t('salesReps.delete.done', { name: removeName }));
      navigate('/sales-reps');
    },
    onReload: () => void rep.refetch(),
    testId: 'sales-rep-delete-failed',
  });

  if (!valid || (rep.error instanceof ApiError && rep.error.status === 404)) return <NotFound />;

  const data = rep.data;
  const name = data?.name ?? '';
  const canManage = salesRepRules.manage(roles);

  const toggleActive = (current: SalesRepDto) => {
    const active = current.active === false;
    modal.confirm({
      title: t(active ? 'salesReps.reactivate.confirm' : 'salesReps.deactivate.confirm', { name }),
      content: t(active ? 'salesReps.reactivate.detail' : 'salesReps.deactivate.detail'),
      okText: t(active ? 'salesReps.action.reactivate' : 'salesReps.action.deactivate'),
      okButtonProps: { danger: !active },
      cancelText: t('action.cancel'),
      onOk: async () => {
        setActionError(undefined);
        try {
          await setActive.mutateAsync({ current, active });
          void message.success(
            t(active ? 'salesReps.reactivate.done' : 'salesReps.deactivate.done', { name }),
          );
        } catch (error) {
          setActionError(error);
        }
      },
    });
  };

  const actions =
    canManage && data
      ? [
          <Button key="edit" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('salesReps.action.edit')}
          </Button>,
          <Button
            key="active"
            danger={data.active !== false}
            icon={data.active === false ? <UndoOutlined /> : <StopOutlined />}
            loading={setActive.isPending}
            onClick={() => toggleActive(data)}
          >
            {t(data.active === false ? 'salesReps.action.reactivate' : 'salesReps.action.deactivate')}
          </Button>,
          remove.button({ testId: 'delete-sales-rep' }),
        ]
      : [];

  return (
    <PageContainer
      title={data?.name ?? t('salesReps.detail.title')}
      subTitle={data?.region}
      tags={data ? <ActiveTag active={data.active} /> : undefined}
      breadcrumb={{
        items: [
          { title: <Link to="/sales-reps">{t('salesReps.list.title')}</Link> },
          { title: data?.name ?? '…' },
        ],
      }}
      extra={
        actions.length ? (
          <Space wrap role="group" aria-label={t('salesReps.detail.actions')}>
            {actions}
          </Space>
        ) : undefined
      }
    >
      {remove.alert}
      <ActionAlert
        error={actionError}
        onReload={() => {
          setActionError(undefined);
          void rep.refetch();
        }}
        onClose={() => setActionError(undefined)}
      />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Details query={rep} id={id} />
        </Col>
        <Col span={24}>
          <SalesFiguresSection
            filter={{ salesRepId: id }}
            queryKey={(period) => salesRepKeys.stats(id, period)}
            title={t('salesReps.section.performance')}
            testId="section-rep-performance"
            figurePrefix="rep-stat"
          />
        </Col>
      </Row>
      {editing && data && (
        <SalesRepFormModal
          rep={data}
          onReload={async () => (await rep.refetch()).data}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            void message.success(t('salesReps.edit.done', { name: saved.name ?? '' }));
          }}
        />
      )}
    </PageContainer>
  );
}
