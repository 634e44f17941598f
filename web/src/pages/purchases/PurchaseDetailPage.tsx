import { PageContainer, ProDescriptions } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Result, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { SectionState } from '../../components/SectionState';
import { formatDate, formatMoney, formatNumber, t } from '../../i18n';
import { LinkButton } from '../licenses/LinkButton';
import { Section } from '../licenses/detail/Section';
import { LiveName } from './LiveName';
import { purchaseListUrl, type Purchase } from './purchaseFilters';
import { PurchaseTypeTag, periodText, purchaseTitle, whenBy } from './purchaseFormat';
import { fetchPurchase, purchaseKeys } from './purchaseQueries';

const none = (text?: string) => <Typography.Text type="secondary">{text ?? '—'}</Typography.Text>;

/** One purchase at /purchases/:id: every field, the license, rep and reseller as links by name. */
export default function PurchaseDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const query = useQuery({
    queryKey: purchaseKeys.detail(id),
    queryFn: () => fetchPurchase(id),
    enabled: !!id,
  });
  const purchase = query.data;

  // A malformed id is a 400 from the service: to a person it is the same as one that does not exist.
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
    return (
      <Result
        status="404"
        title={t('purchases.detail.notFound')}
        subTitle={t('state.notFoundDetail')}
        extra={
          <LinkButton to="/purchases" type="primary">
            {t('purchases.detail.backToList')}
          </LinkButton>
        }
      />
    );
  }

  const title = purchase ? purchaseTitle(purchase) : t('purchases.detail.title');

  return (
    <PageContainer
      title={title}
      tags={purchase?.type ? <PurchaseTypeTag type={purchase.type} /> : undefined}
      breadcrumb={{
        items: [{ title: <Link to="/purchases">{t('purchases.list.title')}</Link> }, { title }],
      }}
      extra={
        purchase?.licenseId ? (
          <Space wrap>
            <LinkButton to={`/licenses/${encodeURIComponent(purchase.licenseId)}`}>
              {t('delivery.openLicense', { id: purchase.licenseId })}
            </LinkButton>
            <LinkButton to={purchaseListUrl({ licenseId: purchase.licenseId })}>
              {t('purchases.detail.allOfLicense')}
            </LinkButton>
          </Space>
        ) : undefined
      }
    >
      <Section title={t('purchases.section.details')} testId="section-purchase">
        <SectionState query={query} rows={6}>
          {(p) => (
            <ProDescriptions<Purchase>
              dataSource={p}
              column={{ xs: 1, sm: 2, lg: 3 }}
              columns={[
                {
                  title: t('purchases.field.type'),
                  key: 'type',
                  render: () => <PurchaseTypeTag type={p.type} />,
                },
                {
                  title: t('purchases.field.purchaseDate'),
                  key: 'purchaseDate',
                  render: () => formatDate(p.purchaseDate),
                },
                {
                  title: t('purchases.field.license'),
                  key: 'license',
                  render: () =>
                    p.licenseId ? (
                      <Link to={`/licenses/${encodeURIComponent(p.licenseId)}`} data-testid="license-link">
                        {p.licenseId}
                      </Link>
                    ) : (
                      none()
                    ),
                },
                {
                  title: t('purchases.field.amount'),
                  key: 'amount',
                  render: () => (
                    <span data-testid="purchase-amount">{formatMoney(p.amount, p.currency)}</span>
                  ),
                },
                {
                  title: t('purchases.field.period'),
                  key: 'period',
                  render: () => periodText(p),
                },
                {
                  title: t('purchases.field.workspacesAfter'),
                  key: 'workspacesAfter',
                  render: () =>
                    p.workspacesAfter === undefined || p.workspacesAfter === null
                      ? none(t('purchases.field.unchanged'))
                      : formatNumber(p.workspacesAfter),
                },
                {
                  title: t('purchases.field.usersAfter'),
                  key: 'usersAfter',
                  render: () =>
                    p.usersAfter === undefined || p.usersAfter === null
                      ? none(t('purchases.field.unchanged'))
                      : formatNumber(p.usersAfter),
                },
                {
                  title: t('purchases.field.productTypeAfter'),
                  key: 'productTypeAfter',
                  render: () => p.productTypeAfter || none(t('purchases.field.unchanged')),
                },
                {
                  title: t('purchases.field.salesRep'),
                  key: 'salesRep',
                  render: () => <LiveName party="salesRep" id={p.salesRepId} />,
                },
                {
                  title: t('purchases.field.reseller'),
                  key: 'reseller',
                  render: () =>
                    p.resellerId ? (
                      <LiveName party="reseller" id={p.resellerId} />
                    ) : (
                      none(t('purchases.direct'))
                    ),
                },
                {
                  title: t('purchases.field.orderReference'),
                  key: 'orderReference',
                  render: () => p.orderReference || none(),
                },
                {
                  title: t('purchases.field.recorded'),
                  key: 'recorded',
                  render: () => whenBy(p.createdAt, p.createdBy),
                },
                {
                  title: t('purchases.field.notes'),
                  key: 'notes',
                  span: 3,
                  render: () =>
                    p.notes ? (
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBlockEnd: 0 }}>
                        {p.notes}
                      </Typography.Paragraph>
                    ) : (
                      none(t('purchases.field.noNotes'))
                    ),
                },
              ]}
            />
          )}
        </SectionState>
      </Section>
    </PageContainer>
  );
}
