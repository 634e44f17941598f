import { PageContainer, ProDescriptions } from '@ant-design/pro-components';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { Alert, App, Button, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { can } from '../../auth/roles';
import { useSession } from '../../auth/useSession';
import { SectionState, describeError } from '../../components/SectionState';
import { useNames } from '../../domain/names';
import { formatNumber, t } from '../../i18n';
import { Section } from '../licenses/detail/Section';
import { withoutIds } from '../licenses/licenseFormat';
import { LinkButton } from '../licenses/LinkButton';
import { PartyNameOf } from '../licenses/PartyNameOf';
import { customerKeys, customerRules, deleteCustomer, fetchCustomer, type CustomerDto } from './customerData';
import { isUuid } from './listState';
import { CustomerNotFound } from './CustomerPageStates';
import { PartyLicensesSection } from './PartyLicensesSection';
import { countryLabel, whenBy } from './partyFormat';

/** Why a delete was refused: the service's own reason for a 409 (without ids), else what failed. */
function DeleteRefused({ error, onClose }: { error: unknown; onClose: () => void }) {
  const refused = error instanceof ApiError && (error.status === 409 || error.status === 422);
  const described = describeError(error);
  const reason = refused
    ? withoutIds(error.problem?.detail) || t('customers.delete.refusedDetail')
    : undefined;
  return (
    <Alert
      role="alert"
      type={refused ? 'warning' : described.type}
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 16 }}
      data-testid="customer-delete-refused"
      message={refused ? t('customers.delete.refused') : described.title}
      description={
        refused ? (
          <>
            <div>{reason}</div>
            <div>{t('customers.delete.refusedHint')}</div>
          </>
        ) : (
          described.detail
        )
      }
    />
  );
}

function Details({ query }: { query: UseQueryResult<CustomerDto> }) {
  const customer = query.data;
  const rep = useNames('salesRep', [customer?.salesRepId]);
  const reseller = useNames('reseller', [customer?.resellerId]);
  return (
    <Section title={t('customers.section.details')} testId="section-customer-details">
      <SectionState query={query} rows={6}>
        {(c) => (
          <ProDescriptions<CustomerDto>
            dataSource={c}
            column={{ xs: 1, sm: 2, lg: 3 }}
            columns={[
              { title: t('customers.field.name'), key: 'name', render: () => c.name ?? '—' },
              { title: t('customers.field.industry'), key: 'industry', render: () => c.industry || '—' },
              { title: t('customers.field.region'), key: 'region', render: () => c.region || '—' },
              { title: t('customers.field.country'), key: 'country', render: () => countryLabel(c.country) },
              {
                title: t('customers.field.salesRep'),
                key: 'salesRep',
                render: () => <PartyNameOf party="salesRep" id={c.salesRepId} names={rep} />,
              },
              {
                title: t('customers.field.reseller'),
                key: 'reseller',
                render: () =>
                  c.resellerId ? (
                    <PartyNameOf party="reseller" id={c.resellerId} names={reseller} />
                  ) : (
                    <Typography.Text type="secondary">{t('customers.direct')}</Typography.Text>
                  ),
              },
              {
                title: t('customers.field.contactName'),
                key: 'contactName',
                render: () => c.contactName || '—',
              },
              {
                title: t('customers.field.contactEmail'),
                key: 'contactEmail',
                render: () =>
                  c.contactEmail ? <a href={`mailto:${c.contactEmail}`}>{c.contactEmail}</a> : '—',
              },
              {
                title: t('customers.field.contactPhone'),
                key: 'contactPhone',
                render: () => c.contactPhone || '—',
              },
              {
                title: t('customers.field.licenseCount'),
                key: 'licenseCount',
                render: () => formatNumber(c.licenseCount ?? 0),
              },
              {
                title: t('customers.field.created'),
                key: 'created',
                render: () => whenBy(c.createdAt, c.createdBy),
              },
              {
                title: t('customers.field.updated'),
                key: 'updated',
                render: () => whenBy(c.updatedAt, c.updatedBy),
              },
              {
                title: t('customers.field.notes'),
                key: 'notes',
                span: 3,
                render: () =>
                  c.notes ? (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBlockEnd: 0 }}>
                      {c.notes}
                    </Typography.Paragraph>
                  ) : (
                    <Typography.Text type="secondary">{t('customers.field.noNotes')}</Typography.Text>
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
 * One customer at /customers/:id: its details with the sales rep and reseller by name, and its
 * licenses, each section on its own. Edit for admin and sales, delete for admin.
 */
export default function CustomerDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { roles } = useSession();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [deleteError, setDeleteError] = useState<unknown>();

  const customer = useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => fetchCustomer(id, signal),
    enabled: valid,
  });
  const remove = useMutation({ mutationFn: () => deleteCustomer(id) });

  if (!valid || (customer.error instanceof ApiError && customer.error.status === 404))
    return <CustomerNotFound />;

  const name = customer.data?.name;
  const confirmDelete = () => {
    const count = customer.data?.licenseCount ?? 0;
    modal.confirm({
      title: t('customers.delete.confirm', { name: name ?? '' }),
      content: count > 0 ? t('customers.delete.hasLicenses', { count }) : t('customers.delete.confirmDetail'),
      okText: t('customers.action.delete'),
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: async () => {
        setDeleteError(undefined);
        try {
          await remove.mutateAsync();
          queryClient.removeQueries({ queryKey: customerKeys.detail(id) });
          void queryClient.invalidateQueries({ queryKey: customerKeys.all });
          void queryClient.invalidateQueries({ queryKey: customerKeys.names });
          void message.success(t('customers.delete.done', { name: name ?? '' }));
          navigate('/customers');
        } catch (error) {
          setDeleteError(error);
          if (error instanceof ApiError && error.status === 409) void customer.refetch();
        }
      },
    });
  };

  const actions = [
    customerRules.edit(roles) && (
      <LinkButton key="edit" icon={<EditOutlined />} to={`/customers/${id}/edit`} disabled={!customer.data}>
        {t('customers.action.edit')}
      </LinkButton>
    ),
    customerRules.remove(roles) && (
      <Button
        key="delete"
        danger
        icon={<DeleteOutlined />}
        onClick={confirmDelete}
        loading={remove.isPending}
        disabled={!customer.data}
      >
        {t('customers.action.delete')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <PageContainer
      title={name ?? t('customers.detail.title')}
      subTitle={customer.data?.industry}
      breadcrumb={{
        items: [{ title: <Link to="/customers">{t('customers.list.title')}</Link> }, { title: name ?? '…' }],
      }}
      extra={
        actions.length ? (
          <Space wrap role="group" aria-label={t('customers.detail.actions')}>
            {actions}
          </Space>
        ) : undefined
      }
    >
      {deleteError !== undefined && (
        <DeleteRefused error={deleteError} onClose={() => setDeleteError(undefined)} />
      )}
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Details query={customer} />
        </Col>
        <Col span={24}>
          <PartyLicensesSection
            filter={{ customerId: id }}
            title={t('customers.section.licenses')}
            testId="section-customer-licenses"
            emptyText={t('customers.licenses.empty')}
            extra={
              can.createLicense(roles) ? (
                <LinkButton size="small" icon={<PlusOutlined />} to="/operations?action=create">
                  {t('customers.action.createLicense')}
                </LinkButton>
              ) : undefined
            }
          />
        </Col>
      </Row>
    </PageContainer>
  );
}
