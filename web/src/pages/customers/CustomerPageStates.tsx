import { Result } from 'antd';
import { t } from '../../i18n';
import { LinkButton } from '../licenses/LinkButton';

/** A page for an id that names no customer (or is no id at all). */
export function CustomerNotFound() {
  return (
    <Result
      status="404"
      title={t('customers.detail.notFound')}
      subTitle={t('state.notFoundDetail')}
      extra={
        <LinkButton to="/customers" type="primary">
          {t('customers.detail.backToList')}
        </LinkButton>
      }
    />
  );
}

/** A page the user's role may not use (the API would refuse it anyway). */
export function Forbidden({ back, backLabel }: { back: string; backLabel: string }) {
  return (
    <Result
      status="403"
      title={t('state.forbidden')}
      subTitle={t('state.forbiddenDetail')}
      extra={
        <LinkButton to={back} type="primary">
          {backLabel}
        </LinkButton>
      }
    />
  );
}
