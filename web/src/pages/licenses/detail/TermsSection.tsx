import { ProDescriptions } from '@ant-design/pro-components';
import type { UseQueryResult } from '@tanstack/react-query';
import { Typography } from 'antd';
import { SectionState } from '../../../components/SectionState';
import { ExpiryText, LicenseStatusTag } from '../../../domain/license';
import { useNames } from '../../../domain/names';
import { PartyNameOf } from '../PartyNameOf';
import { formatDate, formatDateTime, formatNumber, t } from '../../../i18n';
import { licenseTypeLabel, type License } from '../licenseFormat';
import { Section } from './Section';

/** Who did it and when, as "7 Dec 2026, 01:35 by bob". */
function when(at: string | undefined, who: string | undefined) {
  if (!at) return '—';
  return who ? t('licenses.field.when', { when: formatDateTime(at), who }) : formatDateTime(at);
}

/** Identifiers and terms of the license, with the customer, sales rep and reseller by name. */
export function TermsSection({ query }: { query: UseQueryResult<License> }) {
  const license = query.data;
  const customer = useNames('customer', [license?.customerId]);
  const salesRep = useNames('salesRep', [license?.salesRepId]);
  const reseller = useNames('reseller', [license?.resellerId]);

  return (
    <Section title={t('licenses.section.terms')} testId="section-terms">
      <SectionState query={query} rows={6}>
        {(l) => (
          <ProDescriptions<License>
            dataSource={l}
            column={{ xs: 1, sm: 2, lg: 3, xxl: 4 }}
            columns={[
              {
                title: t('licenses.field.id'),
                key: 'id',
                render: () => (
                  <Typography.Text copyable strong>
                    {l.id}
                  </Typography.Text>
                ),
              },
              {
                title: t('licenses.field.productType'),
                key: 'productType',
                render: () => l.productType ?? '—',
              },
              {
                title: t('licenses.field.licenseType'),
                key: 'licenseType',
                render: () => licenseTypeLabel(l.licenseType),
              },
              {
                title: t('licenses.field.status'),
                key: 'status',
                render: () => (l.status ? <LicenseStatusTag status={l.status} /> : '—'),
              },
              {
                title: t('licenses.field.orderDate'),
                key: 'orderDate',
                render: () => formatDate(l.orderDate),
              },
              {
                title: t('licenses.field.startDate'),
                key: 'startDate',
                render: () => formatDate(l.startDate),
              },
              {
                title: t('licenses.field.expiryDate'),
                key: 'expiryDate',
                render: () => <ExpiryText expiryDate={l.expiryDate} daysToExpiry={l.daysToExpiry} />,
              },
              {
                title: t('licenses.field.authorizedWorkspaces'),
                key: 'authorizedWorkspaces',
                render: () => formatNumber(l.authorizedWorkspaces),
              },
              {
                title: t('licenses.field.authorizedUsers'),
                key: 'authorizedUsers',
                render: () => formatNumber(l.authorizedUsers),
              },
              {
                title: t('licenses.field.customer'),
                key: 'customer',
                render: () => <PartyNameOf party="customer" id={l.customerId} names={customer} />,
              },
              {
                title: t('licenses.field.salesRep'),
                key: 'salesRep',
                render: () => <PartyNameOf party="salesRep" id={l.salesRepId} names={salesRep} />,
              },
              {
                title: t('licenses.field.reseller'),
                key: 'reseller',
                render: () =>
                  l.resellerId ? (
                    <PartyNameOf party="reseller" id={l.resellerId} names={reseller} />
                  ) : (
                    <Typography.Text type="secondary">{t('licenses.field.noReseller')}</Typography.Text>
                  ),
              },
              {
                title: t('licenses.field.created'),
                key: 'created',
                render: () => when(l.createdAt, l.createdBy),
              },
              {
                title: t('licenses.field.updated'),
                key: 'updated',
                render: () => when(l.updatedAt, l.updatedBy),
              },
              {
                title: t('licenses.field.notes'),
                key: 'notes',
                render: () =>
                  l.notes ? (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBlockEnd: 0 }}>
                      {l.notes}
                    </Typography.Paragraph>
                  ) : (
                    <Typography.Text type="secondary">{t('licenses.field.noNotes')}</Typography.Text>
                  ),
              },
            ]}
          />
        )}
      </SectionState>
    </Section>
  );
}
