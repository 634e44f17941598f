import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { useSession } from '../../auth/useSession';
import { SectionState } from '../../components/SectionState';
import { t } from '../../i18n';
import { customerKeys, customerRules, fetchCustomer } from './customerData';
import { CustomerForm } from './CustomerForm';
import { CustomerNotFound, Forbidden } from './CustomerPageStates';
import { isUuid } from './listState';

/** Edits a customer at /customers/:id/edit (admin, sales), with the version read as If-Match. */
export default function CustomerEditPage() {
  const { id = '' } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { roles } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const customer = useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => fetchCustomer(id, signal),
    enabled: valid,
  });

  if (!valid || (customer.error instanceof ApiError && customer.error.status === 404))
    return <CustomerNotFound />;
  if (!customerRules.edit(roles)) {
    return <Forbidden back={`/customers/${id}`} backLabel={t('customers.edit.back')} />;
  }

  const name = customer.data?.name;
  const detailPath = `/customers/${id}`;
  return (
    <PageContainer
      title={name ? t('customers.edit.title', { name }) : t('customers.edit.titleShort')}
      breadcrumb={{
        items: [
          { title: <Link to="/customers">{t('customers.list.title')}</Link> },
          { title: <Link to={detailPath}>{name ?? '…'}</Link> },
          { title: t('customers.edit.titleShort') },
        ],
      }}
    >
      <ProCard bordered>
        {/* Once read, the form stays even if a later refetch fails: what was typed is kept. */}
        {customer.data ? (
          <CustomerForm
            key={customer.data.id}
            customer={customer.data}
            onReload={async () => (await customer.refetch()).data}
            onSaved={(saved) => {
              void message.success(t('customers.edit.done', { name: saved.name ?? '' }));
              navigate(detailPath);
            }}
            onCancel={() => navigate(detailPath)}
          />
        ) : (
          <SectionState query={customer} rows={8}>
            {() => null}
          </SectionState>
        )}
      </ProCard>
    </PageContainer>
  );
}
