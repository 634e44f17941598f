import { PageContainer, ProDescriptions, ProTable, type ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Empty, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { SectionState } from '../../components/SectionState';
import { ExpiryText, LicenseStatusTag } from '../../domain/license';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { Section } from '../licenses/detail/Section';
import { licenseTypeLabel } from '../licenses/licenseFormat';
import { UsageSummary } from '../licenses/UsageSummary';
import { PartnerNotFound, partnerPaths } from './partnerParts';
import {
  fetchPartnerCustomer,
  fetchPartnerLicenses,
  partnerKeys,
  type PartnerCustomer,
  type PartnerLicense,
} from './partnerQueries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LICENSES_SHOWN = 100;

const dash = (value: string | undefined) => value || '—';

/** The customer's licenses with this reseller. */
function LicensesSection({ customerId }: { customerId: string }) {
  const query = { customerId, page: 0, size: LICENSES_SHOWN, sort: ['id,asc'] };
  const licenses = useQuery({
    queryKey: partnerKeys.licenseList(query),
    queryFn: ({ signal }) => fetchPartnerLicenses(query, signal),
  });
  const total = licenses.data?.page?.totalElements ?? 0;
  const columns: ProColumns<PartnerLicense>[] = [
    {
      title: t('partner.license.id'),
      key: 'id',
      render: (_, l) =>
        l.id ? (
          <Link to={partnerPaths.license(l.id)} style={{ whiteSpace: 'nowrap' }}>
            {l.id}
          </Link>
        ) : (
          '—'
        ),
    },
    { title: t('partner.license.product'), key: 'productType', render: (_, l) => l.productType ?? '—' },
    {
      title: t('partner.license.licenseType'),
      key: 'licenseType',
      render: (_, l) => licenseTypeLabel(l.licenseType),
    },
    {
      title: t('partner.license.status'),
      key: 'status',
      render: (_, l) => (l.status ? <LicenseStatusTag status={l.status} /> : '—'),
    },
    {
      title: t('partner.license.expiry'),
      key: 'expiry',
      render: (_, l) => <ExpiryText expiryDate={l.expiryDate} daysToExpiry={l.daysToExpiry} />,
    },
    { title: t('partner.license.usage'), key: 'usage', render: (_, l) => <UsageSummary license={l} /> },
  ];
  return (
    <Section title={t('partner.customer.section.licenses')} testId="section-licenses">
      <SectionState
        query={licenses}
        isEmpty={(page) => !page.content?.length}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partner.customer.noLicenses')} />}
      >
        {(page) => (
          <>
            <ProTable<PartnerLicense>
              rowKey="id"
              columns={columns}
              dataSource={page.content ?? []}
              search={false}
              options={false}
              pagination={false}
              toolBarRender={false}
              scroll={{ x: 800 }}
            />
            {total > LICENSES_SHOWN && (
              <Typography.Paragraph type="secondary" style={{ marginBlock: '8px 0' }}>
                {t('partner.more', { shown: LICENSES_SHOWN, total: formatNumber(total) })}
              </Typography.Paragraph>
            )}
          </>
        )}
      </SectionState>
    </Section>
  );
}

/** One of the reseller's customers at /partner/customers/:id, with its licenses. */
export default function PartnerCustomerDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const valid = UUID.test(id);
  const customer = useQuery({
    queryKey: partnerKeys.customer(id),
    queryFn: ({ signal }) => fetchPartnerCustomer(id, signal),
    enabled: valid,
  });

  if (!valid || (customer.error instanceof ApiError && customer.error.status === 404)) {
    return (
      <PartnerNotFound
        title={t('partner.customer.notFound')}
        back={{ to: partnerPaths.customers, label: t('partner.customer.backToList') }}
      />
    );
  }

  const name = customer.data?.name;
  return (
    <PageContainer
      title={name ?? (customer.isPending ? t('state.loading') : t('partner.customer.title'))}
      breadcrumb={{
        items: [
          { title: <Link to={partnerPaths.customers}>{t('partner.customers.title')}</Link> },
          { title: name ?? t('partner.customer.title') },
        ],
      }}
    >
      <Section title={t('partner.customer.section.details')} testId="section-customer">
        <SectionState query={customer} rows={4}>
          {(c) => (
            <ProDescriptions<PartnerCustomer>
              dataSource={c}
              column={{ xs: 1, sm: 2, lg: 3 }}
              columns={[
                { title: t('partner.customer.name'), key: 'name', render: () => dash(c.name) },
                { title: t('partner.customer.contact'), key: 'contact', render: () => dash(c.contactName) },
                {
                  title: t('partner.customer.email'),
                  key: 'email',
                  render: () =>
                    c.contactEmail ? <a href={`mailto:${c.contactEmail}`}>{c.contactEmail}</a> : '—',
                },
                { title: t('partner.customer.phone'), key: 'phone', render: () => dash(c.contactPhone) },
                { title: t('partner.customer.industry'), key: 'industry', render: () => dash(c.industry) },
                { title: t('partner.customer.region'), key: 'region', render: () => dash(c.region) },
                { title: t('partner.customer.country'), key: 'country', render: () => dash(c.country) },
                {
                  title: t('partner.customer.created'),
                  key: 'createdAt',
                  render: () => formatDateTime(c.createdAt),
                },
                {
                  title: t('partner.customer.updated'),
                  key: 'updatedAt',
                  render: () => formatDateTime(c.updatedAt),
                },
              ]}
            />
          )}
        </SectionState>
      </Section>
      <div style={{ marginBlockStart: 16 }}>
        <LicensesSection customerId={id} />
      </div>
    </PageContainer>
  );
}
