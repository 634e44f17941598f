import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { t } from '../i18n';

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title={t('state.notFound')}
      subTitle={t('state.notFoundDetail')}
      extra={
        <Link to="/">
          <Button type="primary">{t('nav.dashboard')}</Button>
        </Link>
      }
    />
  );
}
