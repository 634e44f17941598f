import { WarningFilled } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import { t } from '../../i18n';
import { usageText, type License } from './licenseFormat';

/** The latest usage against the limits, with a visible mark when it is above them. */
export function UsageSummary({ license }: { license: License }) {
  const text = usageText(license);
  if (!text) return <Typography.Text type="secondary">{t('licenses.usage.none')}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Typography.Text type={license.overused ? 'danger' : undefined}>{text}</Typography.Text>
      {license.overused && <OveruseTag />}
    </Space>
  );
}

export function OveruseTag() {
  return (
    <Tag
      color="red"
      icon={<WarningFilled />}
      data-testid="overuse-mark"
      title={t('licenses.usage.overusedLabel')}
    >
      {t('licenses.usage.overused')}
    </Tag>
  );
}
