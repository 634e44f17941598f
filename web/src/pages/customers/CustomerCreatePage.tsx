import { PageContainer, ProCard } from '@ant-design/pro-components';
import { App } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/useSession';
import { t } from '../../i18n';
import { customerRules } from './customerData';
import { CustomerForm } from './CustomerForm';
import { Forbidden } from './CustomerPageStates';

/** A new customer at /customers/new (admin, sales); once created, its page opens. */
export default function CustomerCreatePage() {
  const { roles } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();

  if (!customerRules.edit(roles)) {
    return <Forbidden back="/customers" backLabel={t('customers.detail.backToList')} />;
  }
  return (
    <PageContainer
      title={t('customers.create.title')}
      breadcrumb={{
        items: [
          { title: <Link to="/customers">{t('customers.list.title')}</Link> },
          { title: t('customers.create.title') },
        ],
      }}
    >
      <ProCard bordered>
        <CustomerForm
          onSaved={(customer) => {
            void message.success(t('customers.create.done', { name: customer.name ?? '' }));
            navigate(customer.id ? `/customers/${customer.id}` : '/customers');
          }}
          onCancel={() => navigate('/customers')}
        />
      </ProCard>
    </PageContainer>
  );
}
