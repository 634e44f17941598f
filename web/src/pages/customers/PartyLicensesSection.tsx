import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { SectionState } from '../../components/SectionState';
import { ExpiryText, LicenseStatusTag } from '../../domain/license';
import { useNames } from '../../domain/names';
import { t } from '../../i18n';
import { Section } from '../licenses/detail/Section';
import { licenseTypeLabel, type License } from '../licenses/licenseFormat';
import type { ListQuery } from '../licenses/licenseFilters';
import { fetchLicenses, licenseKeys } from '../licenses/licenseQueries';
import { PartyNameOf } from '../licenses/PartyNameOf';
import { UsageSummary } from '../licenses/UsageSummary';

const PAGE_SIZE = 10;

interface Props {
  /** Whose licenses: a customer's or a reseller's. */
  filter: { customerId: string } | { resellerId: string };
  title: string;
  testId: string;
  /** Show each license's customer (a reseller's licenses belong to several customers). */
  withCustomer?: boolean;
  emptyText: string;
  /** Shown beside the title: e.g. "Create license" for those who may. */
  extra?: ReactNode;
}

/**
 * The licenses of a customer or reseller from license-service, ten at a time: License ID, status,
 * expiry with the days left and the latest usage against the limits. A section of its own: when
 * license-service is down, it says so and the rest of the page works.
 */
export function PartyLicensesSection({ filter, title, testId, withCustomer, emptyText, extra }: Props) {
  const [page, setPage] = useState(1);
  const query: ListQuery = { ...filter, page: page - 1, size: PAGE_SIZE, sort: ['id,asc'] };
  const licenses = useQuery({
    queryKey: licenseKeys.list(query),
    queryFn: () => fetchLicenses(query),
    placeholderData: keepPreviousData,
  });
  const rows = licenses.data?.content ?? [];
  const customers = useNames('customer', withCustomer ? rows.map((l) => l.customerId) : []);
  const listParams = new URLSearchParams(filter).toString();

  const columns: ColumnsType<License> = [
    {
      title: t('parties.licenses.id'),
      key: 'id',
      render: (_, l) => (
        <Link
          to={`/licenses/${encodeURIComponent(l.id ?? '')}`}
          data-testid="license-link"
          style={{ whiteSpace: 'nowrap' }}
        >
          {l.id}
        </Link>
      ),
    },
    ...(withCustomer
      ? [
          {
            title: t('parties.licenses.customer'),
            key: 'customer',
            render: (_: unknown, l: License) => (
              <PartyNameOf party="customer" id={l.customerId} names={customers} />
            ),
          },
        ]
      : []),
    {
      title: t('parties.licenses.product'),
      key: 'product',
      render: (_, l) => [l.productType, licenseTypeLabel(l.licenseType)].filter(Boolean).join(' · '),
    },
    {
      title: t('parties.licenses.status'),
      key: 'status',
      render: (_, l) => (l.status ? <LicenseStatusTag status={l.status} /> : '—'),
    },
    {
      title: t('parties.licenses.expiry'),
      key: 'expiry',
      render: (_, l) => <ExpiryText expiryDate={l.expiryDate} daysToExpiry={l.daysToExpiry} />,
    },
    {
      title: t('parties.licenses.usage'),
      key: 'usage',
      render: (_, l) => <UsageSummary license={l} />,
    },
  ];

  return (
    <Section title={title} testId={testId} extra={extra}>
      <SectionState
        query={licenses}
        isEmpty={(data) => !data.content?.length && page === 1}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />}
      >
        {(data) => (
          <>
            <Table<License>
              rowKey={(l) => l.id ?? ''}
              dataSource={data.content}
              columns={columns}
              size="small"
              scroll={{ x: 'max-content' }}
              loading={licenses.isFetching && licenses.isPlaceholderData}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: data.page?.totalElements ?? 0,
                hideOnSinglePage: true,
                showSizeChanger: false,
                onChange: setPage,
                showTotal: (total, [from, to]) => t('parties.licenses.total', { from, to, total }),
              }}
            />
            <Typography.Paragraph style={{ marginBlock: '8px 0' }}>
              <Link to={`/licenses?${listParams}`}>{t('parties.licenses.openList')}</Link>
            </Typography.Paragraph>
          </>
        )}
      </SectionState>
    </Section>
  );
}
