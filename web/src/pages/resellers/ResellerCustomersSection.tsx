import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { SectionState } from '../../components/SectionState';
import { useNames } from '../../domain/names';
import { formatNumber, t } from '../../i18n';
import { customerKeys, fetchCustomers, type CustomerDto } from '../customers/customerData';
import { placeLabel } from '../customers/partyFormat';
import { Section } from '../licenses/detail/Section';
import { PartyNameOf } from '../licenses/PartyNameOf';

const PAGE_SIZE = 10;

/**
 * The customers a reseller serves, from customer-service, ten at a time with their sales rep by
 * name. A section of its own: when customer-service is down, it says so and the rest works.
 */
export function ResellerCustomersSection({ resellerId }: { resellerId: string }) {
  const [page, setPage] = useState(1);
  const query = { resellerId, page: page - 1, size: PAGE_SIZE, sort: ['name,asc'] };
  const customers = useQuery({
    queryKey: customerKeys.list(query),
    queryFn: ({ signal }) => fetchCustomers(query, signal),
    placeholderData: keepPreviousData,
  });
  const reps = useNames(
    'salesRep',
    (customers.data?.content ?? []).map((c) => c.salesRepId),
  );

  return (
    <Section title={t('resellers.section.customers')} testId="section-reseller-customers">
      <SectionState
        query={customers}
        isEmpty={(data) => !data.content?.length && page === 1}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resellers.customers.empty')} />}
      >
        {(data) => (
          <>
            <Table<CustomerDto>
              rowKey={(c) => c.id ?? ''}
              dataSource={data.content}
              size="small"
              scroll={{ x: 'max-content' }}
              loading={customers.isFetching && customers.isPlaceholderData}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: data.page?.totalElements ?? 0,
                hideOnSinglePage: true,
                showSizeChanger: false,
                onChange: setPage,
                showTotal: (total, [from, to]) => t('customers.list.total', { from, to, total }),
              }}
              columns={[
                {
                  title: t('customers.column.name'),
                  key: 'name',
                  render: (_, c) => (
                    <Link to={`/customers/${c.id}`} data-testid="customer-link">
                      {c.name}
                    </Link>
                  ),
                },
                {
                  title: t('customers.column.region'),
                  key: 'place',
                  render: (_, c) => placeLabel(c.region, c.country),
                },
                {
                  title: t('customers.column.industry'),
                  key: 'industry',
                  render: (_, c) => c.industry || '—',
                },
                {
                  title: t('customers.column.salesRep'),
                  key: 'salesRep',
                  render: (_, c) => <PartyNameOf party="salesRep" id={c.salesRepId} names={reps} />,
                },
                {
                  title: t('customers.column.licenses'),
                  key: 'licenseCount',
                  align: 'right',
                  render: (_, c) => formatNumber(c.licenseCount ?? 0),
                },
              ]}
            />
            <Typography.Paragraph style={{ marginBlock: '8px 0' }}>
              <Link to={`/customers?resellerId=${resellerId}`}>{t('resellers.customers.openList')}</Link>
            </Typography.Paragraph>
          </>
        )}
      </SectionState>
    </Section>
  );
}
