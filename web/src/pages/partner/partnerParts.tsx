import { Result, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { describeError } from '../../components/SectionState';
import { t } from '../../i18n';
import { LinkButton } from '../licenses/LinkButton';
import type { PartnerNames } from './partnerQueries';

export const partnerPaths = {
  licenses: '/partner/licenses',
  license: (id: string) => `/partner/licenses/${encodeURIComponent(id)}`,
  customers: '/partner/customers',
  customer: (id: string) => `/partner/customers/${encodeURIComponent(id)}`,
  alerts: '/partner/alerts',
  usage: (licenseId?: string) =>
    licenseId ? `/partner/usage?${new URLSearchParams({ license: licenseId }).toString()}` : '/partner/usage',
};

/** A customer of the reseller by name, linking to its page; never the id. */
export function PartnerCustomerName({ id, names }: { id: string | null | undefined; names: PartnerNames }) {
  if (!id) return <Typography.Text type="secondary">—</Typography.Text>;
  const name = names.nameOf(id);
  if (name) return <Link to={partnerPaths.customer(id)}>{name}</Link>;
  if (names.error) {
    return (
      <Typography.Text type="secondary" title={describeError(names.error).title}>
        {t('partner.name.unavailable')}
      </Typography.Text>
    );
  }
  if (names.isPending) return <Typography.Text type="secondary">{t('state.loading')}</Typography.Text>;
  return <Typography.Text type="secondary">{t('state.unknownName')}</Typography.Text>;
}

/** What a partner sees for an id that is not theirs (the API answers 404, as for an unknown id). */
export function PartnerNotFound({ title, back }: { title: string; back: { to: string; label: string } }) {
  return (
    <Result
      status="404"
      title={title}
      subTitle={t('partner.notFound.detail')}
      extra={
        <LinkButton to={back.to} type="primary">
          {back.label}
        </LinkButton>
      }
    />
  );
}
