import { PageContainer } from '@ant-design/pro-components';
import { useSearchParams } from 'react-router-dom';
import { t } from '../../i18n';
import { PartnerUsageForm } from './PartnerUsageForm';

/** /partner/usage?license=ENT-…: the partner reports the usage of one of the reseller's licenses. */
export default function PartnerUsagePage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const licenseId = searchParams.get('license') ?? undefined;
  return (
    <PageContainer title={t('partner.usage.title')} content={t('partner.usage.intro')}>
      <PartnerUsageForm
        licenseId={licenseId}
        onLicensePick={(id) => setSearchParams(id ? { license: id } : {}, { replace: true })}
      />
    </PageContainer>
  );
}
