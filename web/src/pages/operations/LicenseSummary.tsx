import { ProCard } from '@ant-design/pro-components';
import { Descriptions, Empty, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { SectionState } from '../../components/SectionState';
import { ExpiryText, LicenseStatusTag } from '../../domain/license';
import { PartyName, useNames } from '../../domain/names';
import { formatNumber, t, type MessageKey } from '../../i18n';
import { useLicense, type LicenseDto } from './queries';

/** The facts of the license an operation is about, beside its form. */
export function LicenseSummary({ licenseId }: { licenseId: string | undefined }) {
  const query = useLicense(licenseId);
  return (
    <ProCard
      title={t('ops.summary.title')}
      bordered
      headerBordered
      size="small"
      aria-live="polite"
      aria-busy={query.isFetching}
    >
      {licenseId ? (
        <SectionState query={query} rows={5}>
          {(license) => <LicenseFacts license={license} />}
        </SectionState>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ops.summary.none')} />
      )}
    </ProCard>
  );
}

function LicenseFacts({ license }: { license: LicenseDto }) {
  const customers = useNames('customer', [license.customerId]);
  const usage = license.usage;
  return (
    <Descriptions column={1} size="small" styles={{ label: { width: 150 } }}>
      <Descriptions.Item label={t('ops.summary.id')}>
        <Link to={`/licenses/${license.id}`}>{license.id}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('ops.field.customer')}>
        <PartyName party="customer" id={license.customerId} name={customers.nameOf(license.customerId)} />
      </Descriptions.Item>
      <Descriptions.Item label={t('ops.summary.status')}>
        {license.status && <LicenseStatusTag status={license.status} />}
      </Descriptions.Item>
      <Descriptions.Item label={t('ops.summary.product')}>
        {license.productType}
        {license.licenseType && <> · {t(`licenseType.${license.licenseType}` as MessageKey)}</>}
      </Descriptions.Item>
      <Descriptions.Item label={t('ops.summary.limits')}>
        {t('ops.summary.limitsValue', {
          workspaces: formatNumber(license.authorizedWorkspaces),
          users: formatNumber(license.authorizedUsers),
        })}
      </Descriptions.Item>
      <Descriptions.Item label={t('ops.summary.usage')}>
        {usage ? (
          <>
            {t('ops.summary.limitsValue', {
              workspaces: formatNumber(usage.workspaces),
              users: formatNumber(usage.users),
            })}{' '}
            {license.overused && (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                {t('ops.summary.overused')}
              </Tag>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{t('ops.summary.noUsage')}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ops.summary.expiry')}>
        <ExpiryText expiryDate={license.expiryDate} daysToExpiry={license.daysToExpiry} />
      </Descriptions.Item>
    </Descriptions>
  );
}
