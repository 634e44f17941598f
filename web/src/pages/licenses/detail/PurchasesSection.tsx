import { useQuery } from '@tanstack/react-query';
import { Empty, Table, Tag } from 'antd';
import { SectionState } from '../../../components/SectionState';
import { useNames } from '../../../domain/names';
import { PartyNameOf } from '../PartyNameOf';
import { formatDate, formatMoney, t } from '../../../i18n';
import { purchaseTypeLabel, type Purchase } from '../licenseFormat';
import { fetchPurchases, licenseKeys } from '../licenseQueries';
import { MoreNote } from './SectionFooter';
import { Section } from './Section';

const typeColor: Record<string, string> = {
  NEW: 'green',
  RENEWAL: 'blue',
  EXPANSION: 'cyan',
  UPGRADE: 'purple',
};

/** The purchases sales-service recorded for the license, newest first, with the rep by name. */
export function PurchasesSection({ licenseId }: { licenseId: string }) {
  const query = useQuery({
    queryKey: licenseKeys.purchases(licenseId),
    queryFn: () => fetchPurchases(licenseId),
  });
  const purchases = query.data?.content ?? [];
  const reps = useNames(
    'salesRep',
    purchases.map((p) => p.salesRepId),
  );

  return (
    <Section title={t('licenses.section.purchases')} testId="section-purchases">
      <SectionState
        query={query}
        isEmpty={(page) => !page.content?.length}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licenses.purchase.empty')} />}
      >
        {(page) => (
          <>
            <Table<Purchase>
              rowKey={(p) => p.id ?? `${p.purchaseDate}-${p.orderReference}`}
              dataSource={page.content}
              pagination={false}
              size="small"
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('licenses.purchase.type'),
                  key: 'type',
                  render: (_, p) => (
                    <Tag color={typeColor[p.type ?? ''] ?? 'default'}>{purchaseTypeLabel(p.type)}</Tag>
                  ),
                },
                {
                  title: t('licenses.purchase.date'),
                  key: 'date',
                  render: (_, p) => formatDate(p.purchaseDate),
                },
                {
                  title: t('licenses.purchase.period'),
                  key: 'period',
                  render: (_, p) =>
                    p.periodStart || p.periodEnd
                      ? t('licenses.purchase.periodRange', {
                          from: formatDate(p.periodStart),
                          to: formatDate(p.periodEnd),
                        })
                      : '—',
                },
                {
                  title: t('licenses.purchase.amount'),
                  key: 'amount',
                  align: 'right',
                  render: (_, p) => formatMoney(p.amount, p.currency),
                },
                {
                  title: t('licenses.purchase.rep'),
                  key: 'rep',
                  render: (_, p) => <PartyNameOf party="salesRep" id={p.salesRepId} names={reps} />,
                },
                {
                  title: t('licenses.purchase.reference'),
                  key: 'reference',
                  render: (_, p) => p.orderReference || '—',
                },
              ]}
            />
            <MoreNote shown={page.content?.length ?? 0} total={page.page?.totalElements} />
          </>
        )}
      </SectionState>
    </Section>
  );
}
