import { PageContainer } from '@ant-design/pro-components';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Result, Row, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { can, type Role } from '../../auth/roles';
import { useSession } from '../../auth/useSession';
import { LicenseStatusTag } from '../../domain/license';
import { t } from '../../i18n';
import { licenseTypeLabel, operationsLink, type OperationAction } from './licenseFormat';
import { fetchLicense, fetchTimeline, fetchUsage, licenseKeys } from './licenseQueries';
import { LicenseEditModal } from './LicenseEditModal';
import { LinkButton } from './LinkButton';
import { AlertsSection } from './detail/AlertsSection';
import { ChangesSection } from './detail/ChangesSection';
import { DeploymentsSection } from './detail/DeploymentsSection';
import { PurchasesSection } from './detail/PurchasesSection';
import { TermsSection } from './detail/TermsSection';
import { TimelineSection } from './detail/TimelineSection';
import { UsageSection } from './detail/UsageSection';

/** The operations a role may start on a license, in the order they are offered. */
const ACTIONS: { action: OperationAction; allowed: (roles: Role[]) => boolean; label: () => string }[] = [
  { action: 'purchase', allowed: can.recordPurchase, label: () => t('licenses.action.purchase') },
  { action: 'deployment', allowed: can.scheduleDeployment, label: () => t('licenses.action.deployment') },
  {
    action: 'status',
    allowed: (roles) => can.suspendOrReinstate(roles) || can.terminate(roles),
    label: () => t('licenses.action.status'),
  },
  { action: 'usage', allowed: can.reportUsage, label: () => t('licenses.action.usage') },
];

function Actions({
  licenseId,
  roles,
  onEdit,
}: {
  licenseId: string;
  roles: Role[];
  /** Opens the terms form; absent while the license is not loaded. */
  onEdit?: () => void;
}) {
  const allowed = ACTIONS.filter((a) => a.allowed(roles));
  const editable = can.updateLicense(roles);
  if (allowed.length === 0 && !editable) return null;
  return (
    <Space wrap role="group" aria-label={t('licenses.detail.actions')} data-testid="license-actions">
      {editable && (
        <Button
          icon={<EditOutlined aria-hidden />}
          onClick={onEdit}
          disabled={!onEdit}
          data-testid="edit-license-terms"
        >
          {t('licenses.action.editTerms')}
        </Button>
      )}
      {allowed.map(({ action, label }) => (
        <LinkButton key={action} to={operationsLink(licenseId, action)} data-action={action}>
          {label()}
        </LinkButton>
      ))}
    </Space>
  );
}

/**
 * One license at /licenses/:id. Every section loads on its own: when a service is down its
 * section says so and the rest of the page works.
 */
export default function LicenseDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { roles } = useSession();
  const [editing, setEditing] = useState(false);

  const license = useQuery({
    queryKey: licenseKeys.detail(id),
    queryFn: () => fetchLicense(id),
    enabled: !!id,
  });
  const usage = useQuery({ queryKey: licenseKeys.usage(id), queryFn: () => fetchUsage(id), enabled: !!id });
  const timeline = useQuery({
    queryKey: licenseKeys.timeline(id),
    queryFn: () => fetchTimeline(id),
    enabled: !!id,
  });

  if (license.error instanceof ApiError && license.error.status === 404) {
    return (
      <Result
        status="404"
        title={t('licenses.detail.notFound', { id })}
        subTitle={t('state.notFoundDetail')}
        extra={
          <LinkButton to="/licenses" type="primary">
            {t('licenses.detail.backToList')}
          </LinkButton>
        }
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
        items: [{ title: <Link to="/licenses">{t('licenses.list.title')}</Link> }, { title: id }],
      }}
      extra={
        <Actions licenseId={id} roles={roles} onEdit={license.data ? () => setEditing(true) : undefined} />
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
        <Col xs={24} xl={9}>
          <TimelineSection query={timeline} />
        </Col>
        <Col xs={24} xl={15}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <PurchasesSection licenseId={id} />
            <DeploymentsSection licenseId={id} />
          </Space>
        </Col>
        <Col span={24}>
          <ChangesSection licenseId={id} />
        </Col>
      </Row>
      {editing && license.data && (
        <LicenseEditModal
          license={license.data}
          onClose={() => setEditing(false)}
          onReload={() => void license.refetch()}
        />
      )}
    </PageContainer>
  );
}
