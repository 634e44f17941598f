import { PageContainer, ProDescriptions } from '@ant-design/pro-components';
import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { App, Button, Col, Result, Row, Space, Typography } from 'antd';
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
import { PartyLicensesSection } from '../customers/PartyLicensesSection';
import { whenBy } from '../customers/partyFormat';
import { Section } from '../licenses/detail/Section';
import { LinkButton } from '../licenses/LinkButton';
import { ActiveTag } from '../sales-reps/ActiveTag';
import { SalesFiguresSection } from '../sales-reps/SalesFiguresSection';
import { ResellerCustomersSection } from './ResellerCustomersSection';
import { ResellerFormModal } from './ResellerFormModal';
import {
  fetchReseller,
  resellerKeys,
  resellerRules,
  updateReseller,
  withActive,
  type ResellerDto,
} from './resellerData';
import { TierTag } from './resellerFormat';

function NotFound() {
  return (
    <Result
      status="404"
      title={t('resellers.detail.notFound')}
      subTitle={t('state.notFoundDetail')}
      extra={
        <LinkButton to="/resellers" type="primary">
          {t('resellers.detail.backToList')}
        </LinkButton>
      }
    />
  );
}

function Details({ query }: { query: UseQueryResult<ResellerDto> }) {
  return (
    <Section title={t('resellers.section.details')} testId="section-reseller-details">
      <SectionState query={query} rows={3}>
        {(reseller) => (
          <ProDescriptions<ResellerDto>
            dataSource={reseller}
            column={{ xs: 1, sm: 2, lg: 3 }}
            columns={[
              { title: t('resellers.field.name'), key: 'name', render: () => reseller.name ?? '—' },
              {
                title: t('resellers.field.code'),
                key: 'code',
                render: () => (reseller.code ? <Typography.Text code>{reseller.code}</Typography.Text> : '—'),
              },
              {
                title: t('resellers.field.tier'),
                key: 'tier',
                render: () => <TierTag tier={reseller.tier} />,
              },
              { title: t('resellers.field.region'), key: 'region', render: () => reseller.region || '—' },
              {
                title: t('resellers.field.contactEmail'),
                key: 'contactEmail',
                render: () =>
                  reseller.contactEmail ? (
                    <a href={`mailto:${reseller.contactEmail}`}>{reseller.contactEmail}</a>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('resellers.field.active'),
                key: 'active',
                render: () => <ActiveTag active={reseller.active} />,
              },
              {
                title: t('resellers.field.created'),
                key: 'created',
                render: () => whenBy(reseller.createdAt, undefined),
              },
              {
                title: t('resellers.field.updated'),
                key: 'updated',
                render: () => whenBy(reseller.updatedAt, undefined),
              },
            ]}
          />
        )}
      </SectionState>
    </Section>
  );
}

/**
 * One reseller at /resellers/:id: details, its customers (customer-service), its licenses
 * (license-service) and its sales figures for a chosen period (sales-service), each section on its
 * own. Admin edits, deactivates and reactivates the reseller.
 */
export default function ResellerDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { roles } = useSession();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<unknown>();

  const reseller = useQuery({
    queryKey: resellerKeys.detail(id),
    queryFn: ({ signal }) => fetchReseller(id, signal),
    enabled: valid,
  });
  const setActive = useMutation({
    mutationFn: ({ current, active }: { current: ResellerDto; active: boolean }) =>
      updateReseller(id, withActive(current, active)),
    onSuccess: (saved) => {
      queryClient.setQueryData(resellerKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: resellerKeys.all, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: resellerKeys.names });
    },
  });

  const navigate = useNavigate();
  const removeName = reseller.data?.name ?? '';
  const remove = useDeleteAction({
    remove: async () => {
      const { data, response } = await salesApi.DELETE('/api/v1/resellers/{id}', {
        params: { path: { id } },
      });
      // 200 with the record: still referred to, so kept and deactivated instead
      if (response.status === 200 && data) {
        queryClient.setQueryData<ResellerDto>(resellerKeys.detail(id), data);
        return 'deactivated';
      }
      return 'deleted';
    },
    texts: {
      confirm: t('resellers.delete.confirm', { name: removeName }),
      confirmDetail: t('resellers.delete.confirmDetail'),
      action: t('resellers.action.delete'),
      refused: t('resellers.delete.refused'),
      refusedDetail: t('resellers.delete.refusedDetail'),
      refusedHint: t('resellers.delete.refusedHint'),
    },
    onDone: (outcome) => {
      void queryClient.invalidateQueries({ queryKey: resellerKeys.all });
      void queryClient.invalidateQueries({ queryKey: resellerKeys.names });
      if (outcome === 'deactivated') {
        void message.info(t('resellers.delete.deactivated', { name: removeName }));
        return;
      }
      queryClient.removeQueries({ queryKey: resellerKeys.detail(id) });
      void message.success(t('resellers.delete.done', { name: removeName }));
      navigate('/resellers');
    },
    onReload: () => void reseller.refetch(),
    testId: 'reseller-delete-failed',
  });

  if (!valid || (reseller.error instanceof ApiError && reseller.error.status === 404)) return <NotFound />;

  const data = reseller.data;
  const name = data?.name ?? '';
  const canManage = resellerRules.manage(roles);

  const toggleActive = (current: ResellerDto) => {
    const active = current.active === false;
    modal.confirm({
      title: t(active ? 'resellers.reactivate.confirm' : 'resellers.deactivate.confirm', { name }),
      content: t(active ? 'resellers.reactivate.detail' : 'resellers.deactivate.detail'),
      okText: t(active ? 'resellers.action.reactivate' : 'resellers.action.deactivate'),
      okButtonProps: { danger: !active },
      cancelText: t('action.cancel'),
      onOk: async () => {
        setActionError(undefined);
        try {
          await setActive.mutateAsync({ current, active });
          void message.success(
            t(active ? 'resellers.reactivate.done' : 'resellers.deactivate.done', { name }),
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
            {t('resellers.action.edit')}
          </Button>,
          <Button
            key="active"
            danger={data.active !== false}
            icon={data.active === false ? <UndoOutlined /> : <StopOutlined />}
            loading={setActive.isPending}
            onClick={() => toggleActive(data)}
          >
            {t(data.active === false ? 'resellers.action.reactivate' : 'resellers.action.deactivate')}
          </Button>,
          remove.button({ testId: 'delete-reseller' }),
        ]
      : [];

  return (
    <PageContainer
      title={data?.name ?? t('resellers.detail.title')}
      subTitle={data?.region}
      tags={
        data ? (
          <Space size={4}>
            <TierTag tier={data.tier} />
            <ActiveTag active={data.active} />
          </Space>
        ) : undefined
      }
      breadcrumb={{
        items: [
          { title: <Link to="/resellers">{t('resellers.list.title')}</Link> },
          { title: data?.name ?? '…' },
        ],
      }}
      extra={
        actions.length ? (
          <Space wrap role="group" aria-label={t('resellers.detail.actions')}>
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
          void reseller.refetch();
        }}
        onClose={() => setActionError(undefined)}
      />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Details query={reseller} />
        </Col>
        <Col span={24}>
          <SalesFiguresSection
            filter={{ resellerId: id }}
            queryKey={(period) => resellerKeys.stats(id, period)}
            title={t('resellers.section.sales')}
            testId="section-reseller-sales"
            figurePrefix="reseller-stat"
          />
        </Col>
        <Col span={24}>
          <ResellerCustomersSection resellerId={id} />
        </Col>
        <Col span={24}>
          <PartyLicensesSection
            filter={{ resellerId: id }}
            withCustomer
            title={t('resellers.section.licenses')}
            testId="section-reseller-licenses"
            emptyText={t('resellers.licenses.empty')}
          />
        </Col>
      </Row>
      {editing && data && (
        <ResellerFormModal
          reseller={data}
          onReload={async () => (await reseller.refetch()).data}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            void message.success(t('resellers.edit.done', { name: saved.name ?? '' }));
          }}
        />
      )}
    </PageContainer>
  );
}
