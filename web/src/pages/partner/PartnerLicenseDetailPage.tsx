import { PageContainer } from '@ant-design/pro-components';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Col, Descriptions, Empty, List, Row, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { SectionState } from '../../components/SectionState';
import { ExpiryText, LicenseStatusTag } from '../../domain/license';
import { formatDate, formatDateTime, formatNumber, t } from '../../i18n';
import { AlertStatusTag, alertTypeLabel, SeverityTag } from '../alerts/alertVocabulary';
import { Section } from '../licenses/detail/Section';
import { TimelineSection } from '../licenses/detail/TimelineSection';
import { UsageSection } from '../licenses/detail/UsageSection';
import { licenseTypeLabel } from '../licenses/licenseFormat';
import { LinkButton } from '../licenses/LinkButton';
import { PartnerCustomerName, PartnerNotFound, partnerPaths } from './partnerParts';
import {
  fetchPartnerAlerts,
  fetchPartnerTimeline,
  fetchPartnerUsage,
  partnerKeys,
  usePartnerCustomerNames,
  usePartnerLicense,
  type PartnerLicense,
} from './partnerQueries';

const ALERTS_SHOWN = 20;

/** Identifiers and terms of the license as the partner API gives them, the customer by name. */
function TermsSection({ query }: { query: UseQueryResult<PartnerLicense> }) {
  const customers = usePartnerCustomerNames();
  return (
    <Section title={t('partner.license.section.terms')} testId="section-terms">
      <SectionState query={query} rows={5}>
        {(l) => (
          <Descriptions
            column={{ xs: 1, sm: 2, lg: 3, xxl: 4 }}
            items={[
              {
                label: t('partner.license.id'),
                key: 'id',
                children: (
                  <Typography.Text copyable strong>
                    {l.id}
                  </Typography.Text>
                ),
              },
              { label: t('partner.license.product'), key: 'productType', children: l.productType ?? '—' },
              {
                label: t('partner.license.licenseType'),
                key: 'licenseType',
                children: licenseTypeLabel(l.licenseType),
              },
              {
                label: t('partner.license.status'),
                key: 'status',
                children: l.status ? <LicenseStatusTag status={l.status} /> : '—',
              },
              {
                label: t('partner.license.customer'),
                key: 'customer',
                children: <PartnerCustomerName id={l.customerId} names={customers} />,
              },
              {
                label: t('partner.license.orderDate'),
                key: 'orderDate',
                children: formatDate(l.orderDate),
              },
              {
                label: t('partner.license.startDate'),
                key: 'startDate',
                children: formatDate(l.startDate),
              },
              {
                label: t('partner.license.expiry'),
                key: 'expiryDate',
                children: <ExpiryText expiryDate={l.expiryDate} daysToExpiry={l.daysToExpiry} />,
              },
              {
                label: t('partner.license.authorizedWorkspaces'),
                key: 'authorizedWorkspaces',
                children: formatNumber(l.authorizedWorkspaces),
              },
              {
                label: t('partner.license.authorizedUsers'),
                key: 'authorizedUsers',
                children: formatNumber(l.authorizedUsers),
              },
              {
                label: t('partner.license.created'),
                key: 'createdAt',
                children: formatDateTime(l.createdAt),
              },
              {
                label: t('partner.license.updated'),
                key: 'updatedAt',
                children: formatDateTime(l.updatedAt),
              },
            ]}
          />
        )}
      </SectionState>
    </Section>
  );
}

/** The license's alerts not yet resolved, newest first. */
function AlertsSection({ licenseId }: { licenseId: string }) {
  const query = {
    licenseId,
    status: ['OPEN' as const, 'ACKNOWLEDGED' as const],
    page: 0,
    size: ALERTS_SHOWN,
  };
  const alerts = useQuery({
    queryKey: partnerKeys.alertList(query),
    queryFn: ({ signal }) => fetchPartnerAlerts(query, signal),
  });
  const total = alerts.data?.page?.totalElements ?? 0;
  return (
    <Section
      title={t('partner.license.section.alerts')}
      testId="section-alerts"
      extra={
        <Link to={`${partnerPaths.alerts}?${new URLSearchParams({ licenseId }).toString()}`}>
          {t('partner.license.allAlerts')}
        </Link>
      }
    >
      <SectionState
        query={alerts}
        isEmpty={(page) => !page.content?.length}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partner.license.noAlerts')} />}
      >
        {(page) => (
          <>
            <List
              dataSource={page.content ?? []}
              rowKey={(alert) => alert.id ?? ''}
              renderItem={(alert) => (
                <List.Item>
                  <Space direction="vertical" size={2}>
                    <Space wrap size={4}>
                      {alert.severity && <SeverityTag severity={alert.severity} />}
                      <Typography.Text strong>
                        {alert.type ? alertTypeLabel(alert.type) : '—'}
                      </Typography.Text>
                      {alert.status && <AlertStatusTag status={alert.status} />}
                    </Space>
                    {alert.message && <Typography.Text>{alert.message}</Typography.Text>}
                    <Typography.Text type="secondary">
                      {t('partner.alert.raisedAt', { at: formatDateTime(alert.raisedAt) })}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            {total > ALERTS_SHOWN && (
              <Typography.Paragraph type="secondary" style={{ marginBlock: '8px 0' }}>
                {t('partner.more', { shown: ALERTS_SHOWN, total: formatNumber(total) })}
              </Typography.Paragraph>
            )}
          </>
        )}
      </SectionState>
    </Section>
  );
}

/**
 * One of the reseller's licenses at /partner/licenses/:id: terms, usage history, timeline and open
 * alerts, all from the partner API. Another reseller's license is 404 there, and "not found" here.
 */
export default function PartnerLicenseDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const license = usePartnerLicense(id);
  const usage = useQuery({
    queryKey: partnerKeys.usage(id),
    queryFn: ({ signal }) => fetchPartnerUsage(id, signal),
    enabled: !!id,
  });
  const timeline = useQuery({
    queryKey: partnerKeys.timeline(id),
    queryFn: ({ signal }) => fetchPartnerTimeline(id, signal),
    enabled: !!id,
  });

  if (license.error instanceof ApiError && license.error.status === 404) {
    return (
      <PartnerNotFound
        title={t('partner.license.notFound', { id })}
        back={{ to: partnerPaths.licenses, label: t('partner.license.backToList') }}
      />
    );
  }

  const data = license.data;
  const subTitle = data
    ? [data.productType, licenseTypeLabel(data.licenseType)].filter(Boolean).join(' · ')
    : undefined;

  return (
    <PageContainer
      title={id}
      tags={data?.status ? <LicenseStatusTag status={data.status} /> : undefined}
      subTitle={subTitle}
      breadcrumb={{
        items: [
          { title: <Link to={partnerPaths.licenses}>{t('partner.licenses.title')}</Link> },
          { title: id },
        ],
      }}
      extra={
        <LinkButton to={partnerPaths.usage(id)} type="primary">
          {t('partner.license.reportUsage')}
        </LinkButton>
      }
    >
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <TermsSection query={license} />
        </Col>
        <Col xs={24} xl={15}>
          <UsageSection license={license} usage={usage} />
        </Col>
        <Col xs={24} xl={9}>
          <AlertsSection licenseId={id} />
        </Col>
        <Col span={24}>
          <TimelineSection query={timeline} />
        </Col>
      </Row>
    </PageContainer>
  );
}
